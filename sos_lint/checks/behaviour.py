"""Non-behavioural statements: a trait, a feeling, service compliance or an abstract
judgement of safety where Signs of Safety asks for what someone did or will do.

A statement with an observable action by a person ("When Mum is very low she stays in bed and
Tom, 2, has no breakfast") is behavioural even if it also names a condition, so every check
here first asks whether the statement already describes behaviour (``_behavioural``): in a
worry or a harm statement the action must be in the same sentence as the condition or be by
the same person, since those often open with unrelated background; the actions of children
and of professionals never count.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sos_lint.checks.analysis import (
    ABSENCE_VERBS,
    DEMAND_SECTIONS,
    DEMANDED_STATES,
    EMOTIONS,
    INSIGHT_VERBS,
    PROMISES,
    REFLEXIVES,
    SUBSTANCES,
    THOUGHT_VERBS,
    VERDICT_VERBS,
    WH_WORDS,
    Facts,
    ancestors,
    facts,
    has_child_age_after,
    insight_object,
    is_abstract_safety,
    is_accepting_phrase,
    is_carer_token,
    is_child_token,
    is_compliance,
    is_graded_choice,
    is_hypothetical,
    is_managing_feelings,
    is_person,
    is_trait_participle,
    observable_actions,
    pronoun_means_a_child,
    stated_causes,
    words,
)
from sos_lint.checks.filters import not_quoted
from sos_lint.checks.judgement import RANKINGS, chosen_over_child
from sos_lint.engine.runner import CheckContext, Hit
from sos_lint.models import Suggestion
from sos_lint.nlp import tokens

BEHAVIOUR_QUESTIONS = (
    Suggestion("What does the person do (or not do) that shows this? Who sees it, and when?"),
    Suggestion("What happens to the child when this happens?"),
)


def _span(statement: Any, among: Iterable[Any]) -> tuple[int, int]:
    listed = list(among)
    start = min(t.idx for t in listed)
    end = max(t.idx + len(t.text) for t in listed)
    return statement.start + start, statement.start + end


GOAL_LIKE = {"safety_goal", "existing_safety", "needs_to_happen"}
# Sections that tell what happened, sentence by sentence.
ACCOUNT_SECTIONS = {"worry", "harm"}


def _actions(f: Facts, section: str | None = None) -> list[Any]:
    """Observable actions by the adults the statement is about.

    What the child does or could suffer ("Ivy could come to serious harm") is the impact, and
    what a professional does ("the teacher rang on 9 May") is how we know, so neither is the
    family's behaviour. In goals and safety, the check ("Riley will tell his teacher") is not
    the behaviour the goal asks for, so reporting and observing verbs do not count there.
    """
    professional = words("professional_roles") - {"i", "we"}
    actions = [
        c
        for c in observable_actions(f)
        if (
            c.subject is None
            or not (f.is_child(c.subject) or c.subject.lemma_.lower() in professional)
        )
        and not _receives_care(c)
        and not _befalls(c)
        and not (section in ACCOUNT_SECTIONS and _judged_act(c))
    ]
    if section in GOAL_LIKE:
        actions = [c for c in actions if not (_absence(c) or _trigger(c, section))]
        observe = words("observation_verbs")
        # "... and the course leader will tell the social worker if he misses one": the
        # check, and whatever it reports on, is not the behaviour the goal asks for
        checks = {
            t.i
            for c in f.clauses
            if c.lemma in observe
            and c.verb.pos_ == "VERB"
            and c.subject is not None
            and c.subject.lemma_.lower() in professional
            for t in c.verb.subtree
            if t.i != c.verb.i
        }
        actions = [
            c
            for c in actions
            if (c.lemma not in observe or _carers_own_act(c)) and c.verb.i not in checks
        ]
    return actions


# Observing or telling verbs that, done by a carer to a thing or a person, are the protective
# act itself: "check Marcus's phone with him", "let the health visitor in", "watch the twins".
CARERS_ACTS = frozenset({"check", "let", "watch", "keep", "drop", "look"})


def _carers_own_act(clause: Any) -> bool:
    verb = clause.verb
    if clause.lemma not in CARERS_ACTS or clause.subject is None:
        return False
    if clause.lemma == "let" and any(
        c.dep_ == "ccomp" and c.lemma_.lower() in LET_PROFESSIONALS for c in verb.children
    ):
        return False  # "let the school know", "let the worker help": accepting the service
    return is_carer_token(clause.subject) and any(
        c.dep_ == "dobj" or (c.dep_ == "ccomp" and clause.lemma == "let") for c in verb.children
    )


LET_PROFESSIONALS = frozenset({"know", "help", "support", "see", "visit", "work", "assess"})


# What a child gets from the adults: "Marcus and Kian do not get the care they need".
RECEIVED = frozenset(
    {"care", "help", "support", "attention", "food", "meal", "breakfast", "dinner", "tea"}
    | {"sleep", "love", "treatment", "medication", "medicine", "supervision"}
)


def _receives_care(clause: Any) -> bool:
    """Getting care is what happens to the one cared for, not an action of theirs."""
    return clause.lemma in ("get", "receive") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in RECEIVED for c in clause.verb.children
    )


def _judged_act(clause: Any) -> bool:
    """ "Mum is an addict who neglects her children", "puts drugs before her kids", "will not
    listen": in a worry or an account of harm, a verdict dressed as an act, so beside a label
    it does not make the statement behavioural. (Writers read "can't be bothered to get the
    kids up" as the act, and a danger statement's "might neglect Alfie" as the future it
    fears.)"""
    verb = clause.verb
    lemma = verb.lemma_.lower()
    if lemma == "listen":
        return clause.negated
    if lemma in RANKINGS:
        # something ranked before a child, as the judgemental check finds it (SOS312; not
        # "put Leo in the bath before checking it")
        return any(ranked == verb for ranked, _ in chosen_over_child(verb.doc))
    return lemma == "neglect"


# Verbs with a particle that tell what becomes of someone, not what they do.
OUTCOMES = frozenset({("end", "up"), ("grow", "up")})
# "Kenzie might go hungry", "could get hurt", "will keep losing weight": what a child suffers.
WENT_SHORT = frozenset({"hungry", "thirsty", "cold", "unfed", "unwashed"})
SUFFERED_STATES = frozenset({"hurt", "ill", "sick", "poorly", "injured", "unwell"})


def _befalls(clause: Any) -> bool:
    """What becomes of someone is the impact, not an action: "Leila could come to harm",
    "Harvey will end up in hospital again", "Poppy has grown up with this"."""
    verb = clause.verb
    lemma = verb.lemma_.lower()
    if any((lemma, c.lower_) in OUTCOMES for c in verb.children if c.dep_ == "prt"):
        return True
    if lemma in ("keep", "continue") and any(c.dep_ == "xcomp" for c in verb.children):
        verb = next(c for c in verb.children if c.dep_ == "xcomp")  # "will keep losing weight"
        lemma = verb.lemma_.lower()
    if lemma == "lose" and any(c.dep_ == "dobj" and c.lower_ == "weight" for c in verb.children):
        return True
    if lemma in ("go", "get") and any(
        c.dep_ in ("acomp", "prep", "advmod", "xcomp", "oprd")
        and c.lower_ in (WENT_SHORT if lemma == "go" else SUFFERED_STATES)
        for c in verb.children
    ):
        return True
    return lemma == "come" and any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(o.lemma_.lower() in ("harm", "grief") for o in c.children)
        for c in verb.children
    )


def _absence(clause: Any) -> bool:
    """In a goal, an absence is not the act: "will stop allowing unsuitable people in",
    "will stay off heroin"."""
    verb = clause.verb
    return (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ABSENCE_VERBS) or _abstaining(verb)


def _trigger(clause: Any, section: str | None = None) -> bool:
    """In a goal or safety, what sets the plan off is not the protective act: someone else's
    "if Glen turns up" or "since Dad left", a condition of not doing something or of harming
    oneself ("a good mum when she is not drinking", "when she wants to hurt herself"), a
    child's coming home ("since she came home from hospital"), and in existing safety another
    person's doing or a state ("can keep Cerys safe when Jack is gaming")."""
    if not _condition(clause.verb):
        return False
    conditional = _condition(clause.verb, CONDITIONS)
    if _someone_elses_trigger(clause):
        return True
    if conditional:
        if section == "existing_safety" and (_another_persons(clause) or _a_state(clause.verb)):
            return True
        return clause.negated or _reflexive(clause.verb)
    return _coming_home(clause)


def _another_persons(clause: Any) -> bool:
    """A named person other than the main clause's subject, even when that subject is a
    pronoun ("she can keep Cerys safe when Jack is gaming")."""
    subject = clause.subject
    main = _main_verb(clause.verb)
    own = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and subject.pos_ != "PRON"
        and own is not None
        and own.lower_ != subject.lower_
    )


def _a_state(verb: Any) -> bool:
    """ "when he has been drinking", "while Jack is gaming": an ongoing state, not an act."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children
    )


# Comings home that, in a "since", "until" or "once" clause, only say when.
HOMECOMINGS = frozenset({"come", "return", "arrive", "get"})


def _coming_home(clause: Any) -> bool:
    """ "since she came home from hospital", "until he gets back": a time (not "since she left
    Dad", "since she moved to the refuge", the carer's own protective step)."""
    return clause.lemma in HOMECOMINGS and any(
        c.lower_ in ("home", "back") for c in clause.verb.children
    )


def _main_verb(verb: Any) -> Any:
    node = verb
    while node.dep_ != "advcl" and node.head != node:
        node = node.head
    return node.head


# "stay off heroin", "keep sober", "maintain abstinence": in a goal, an absence, not the act.
OFF_WORDS = frozenset({"off", "clean", "sober", "abstinent", "dry"})


def _abstaining(verb: Any) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in ("stay", "keep", "remain"):
        return any(c.lower_ in OFF_WORDS for c in verb.children)
    return lemma == "maintain" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("abstinence", "sobriety") for c in verb.children
    )


def _someone_elses_trigger(clause: Any) -> bool:
    """ "Stacey knows what to do if Glen turns up": Glen's arrival is what the plan is for,
    not the protective act (a pronoun may be the carer herself, so only names count)."""
    subject = clause.subject
    if subject is None or subject.pos_ == "PRON":
        return False
    main = _main_verb(clause.verb)
    own = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return own is not None and own.pos_ != "PRON" and own.lower_ != subject.lower_


def _reflexive(verb: Any) -> bool:
    return any(t.lower_ in REFLEXIVES for t in verb.subtree)


CONDITIONS = frozenset({"when", "whenever", "if", "while", "unless"})
# "since Dad left the home": when, not the protective act (someone else's, or a coming home)
TIMES = frozenset({"since", "after", "before", "until", "once"})


def _condition(verb: Any, markers: frozenset[str] = CONDITIONS | TIMES) -> bool:
    """The verb sits in a "when ...", "if ..." or "since ..." clause (or is its verb)."""
    for node in (verb, *list(ancestors(verb, 2))):
        if node.dep_ == "advcl" and any(c.lower_ in markers for c in node.children):
            return True
    return False


DEMANDED_OR_FELT = DEMANDED_STATES | {"feel"}


def _demanded(hit: list[Any]) -> bool:
    """The hit is asked for in its own right ("will understand", "needs to accept"), not a
    condition of the plan ("when he feels angry he will ...")."""
    # (a feeling asked for, "Amara will feel safe at home", is one too: every goal and need
    # in the corpus that asks for one is labelled so, whatever else it asks)
    verb = next((t for t in hit if t.lemma_.lower() in DEMANDED_OR_FELT), None)
    if verb is None and len(hit) == 2 and hit[1].lemma_.lower() in MIND_NOUNS:
        verb = hit[0]  # "will demonstrate insight into ...", "needs to gain an understanding"
    if verb is None:
        return False
    if any(a.dep_ in ("advcl", "relcl") for a in [verb, *list(verb.ancestors)[:2]]):
        return False
    own = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    needed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("need", "have")
    return bool(own & {"will", "must", "should", "shall", "'ll"}) or needed


def _content(hit: list[Any]) -> set[int]:
    """The tokens a state of mind is about: in "Mum needs to show insight into the impact of
    her drinking", the drinking is what she is to understand, not something she will do."""
    verb = hit[0]
    if verb.lemma_.lower() == "feel":
        return set()  # a feeling has no content to understand ("when he feels angry he ...")
    inside = {
        t.i
        for c in verb.children
        if c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "pobj", "attr", "acomp")
        for t in c.subtree
    }
    # "... to understand the impact and stop drinking": what is joined on is a second demand
    joined = {t.i for h in hit for c in h.children if c.dep_ == "conj" for t in c.subtree}
    return inside - joined


# What a person can be "in": "in denial about his drinking".
DENIAL_NOUNS = frozenset({"denial"})


def _denied(hit: list[Any]) -> set[int]:
    """What someone is "in denial about": in "Kirsty is in denial about what Marcus has done"
    or "Dad is in denial about hitting Demi", the act is what is denied, not the behaviour the
    statement describes."""
    found: set[int] = set()
    for token in hit:
        for prep in (token, *token.children):
            if prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in DENIAL_NOUNS:
                    found.update(
                        t.i
                        for p in noun.children
                        if p.dep_ == "prep" and p.lower_ in ("about", "of", "over")
                        for t in p.subtree
                    )
    # (not a future act the parse joined on: "in denial about the risk Tom poses and may let
    # Noah go back to choir")
    for i in list(found):
        verb = hit[0].doc[i]
        if verb.dep_ == "conj" and any(a.tag_ == "MD" for a in verb.children):
            found -= {t.i for t in verb.subtree}
    return found


def _behavioural(
    f: Facts,
    section: str | None = None,
    hit: list[Any] | None = None,
    ignore: frozenset[int] | set[int] = frozenset(),
) -> bool:
    """Whether the statement describes, beside the hit, someone's observable action.

    A goal, a danger statement or a next step is one unit: an action anywhere in it counts
    (the child's feelings in its second sentence are the impact). A worry or a harm statement
    often gives background first, so there an action counts when it is in the same sentence
    as the hit ("When Mum is very low she stays in bed and Tom has no breakfast") or by the
    same person ("Mum has depression. When she is low she stays in bed ..."), and "Roberts
    has lived with his dad since 2022. Dad has anger issues." is still a trait.
    """
    hit_ids = {t.i for t in hit or ()}
    actions = [
        a
        for a in _actions(f, section)
        if a.verb.i not in ignore
        and a.verb.i not in hit_ids  # ("Graham has hoarding disorder", parsed as a verb)
        # "compromised by her alcohol misuse": the hit is the doer, so no person acts
        and not (a.agent is not None and any(c.i in hit_ids for c in a.agent.children))
    ]
    if hit and section in ACCOUNT_SECTIONS:
        subject = _hit_subject(f, hit[0])
        if (
            subject is not None
            and (
                is_child_token(subject)
                or _given_an_age(f, subject)
                or (subject.pos_ == "PRON" and pronoun_means_a_child(subject))
            )
            and any(
                a.verb.i not in ignore
                and a.verb.i not in hit_ids
                and a.subject is not None
                and a.subject.lower_ != subject.lower_
                and a.subject.lemma_.lower() not in words("professional_roles")
                and not (a.agent is not None and any(c.i in hit_ids for c in a.agent.children))
                for a in observable_actions(f)
            )
        ):
            # "... drove Simran (5) at 2am. Simran was cold": the impact of the act, even
            # when the one who acted is another child ("Noah (13) locked Finn (11) in the
            # shed. Finn was cold")
            return True
    if not actions or not hit or section not in ACCOUNT_SECTIONS:
        return bool(actions)
    sentence = hit[0].sent
    subject = _hit_subject(f, hit[0])
    if any(a.verb.sent == sentence and not _background(a, hit[0], subject) for a in actions):
        return True
    for action in actions:
        other = action.subject
        if subject is None or other is None:
            return True
        if (other.pos_ == "PRON" and other.lower_ not in ("i", "we", "you")) or (
            other.lower_ == subject.lower_
        ):
            return True  # (the writer's "we visited" is not the family's behaviour)
    return False


def _given_an_age(f: Facts, person: Any) -> bool:
    """ "Simran (5)" somewhere in the statement: a child, named with her age."""
    return any(t.lower_ == person.lower_ and has_child_age_after(t) for t in tokens(f.doc))


def _background(action: Any, hit: Any, subject: Any | None) -> bool:
    """ "Since Tyrese's dad moved out, Mum has been severely depressed": someone else's act
    in a clause that only sets the scene does not make the sentence about behaviour."""
    node = action.verb
    while node.dep_ != "advcl" and node.head != node:
        node = node.head
    if node.dep_ != "advcl" or hit in node.subtree:
        return False
    other = action.subject
    return (
        other is not None
        and subject is not None
        and subject.pos_ != "PRON"  # ("When his mum let him out he was cold": he is the child)
        and other.lower_ != subject.lower_
    )


def _hit_subject(f: Facts, token: Any) -> Any | None:
    for node in (token, token.head, token.head.head):
        for clause in f.clauses:
            if clause.verb == node and clause.subject is not None:
                return clause.subject
    return None


def _person_subject(token: Any) -> bool:
    if is_person(token):
        return True
    if token.lemma_.lower() in ("behaviour", "behavior", "temper", "life") and any(
        c.dep_ == "poss" and is_person(c) for c in token.children
    ):
        return True  # "Dad's behaviour can be unpredictable"
    return token.lemma_.lower() in (
        "home",
        "house",
        "flat",
        "environment",
        "family",
        "household",
        "parenting",
        "relationship",
    )


def _given_as_reason(verb: Any) -> bool:
    """ "The police are worried because Craig has schizophrenia": a condition given as the
    reason for the worry or the harm is the claim itself, not its context."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("because", "as", "since") for c in verb.children
    )


def _worried_about_condition(
    f: Facts, section: str | None = None
) -> Iterable[tuple[list[Any], str]]:
    """ "Children's services are worried about Dad's personality disorder", and in a danger or
    harm statement "Concerns remain around Mum's chaotic lifestyle and the impact on Jess".
    (A worry column's "concerns regarding Leo's presentation" is often the child's state, the
    impact, so only the plain diagnoses count there.)"""
    wider = section in ("danger_statement", "harm")
    conditions = words("condition_nouns") | (WORRIED_STATES if wider else frozenset())
    worry = words("worry_words") | {"worried", "concerned"}
    heads = ("about", "by", "around", "regarding", "over") if wider else ("about", "by")
    for token in tokens(f.doc):
        if (
            token.dep_ == "pobj"
            and token.lemma_.lower() in conditions
            and token.head.lower_ in heads
            and _a_worry(token.head.head, worry)
            and any(
                c.dep_ == "poss"
                and is_person(c)
                # "concerns about Leo's presentation": how a child seems is the impact
                and not (
                    token.lemma_.lower() in WORRIED_STATES
                    and (f.is_child(c) or is_child_token(c) or c.lower_ in ("children", "twins"))
                )
                for c in token.children
            )
        ):
            yield [token.head.head, token], "a diagnosis or condition as the worry"


# A person's state named as the worry, beside the diagnoses: "Mum's chaotic lifestyle".
WORRIED_STATES = frozenset({"lifestyle", "presentation", "covid", "cancer", "wellbeing", "misuse"})


def _a_worry(head: Any, worry: frozenset[str] | set[str]) -> bool:
    """ "worried about", "concerns about", or "concerns remain around"."""
    if head.lemma_.lower() in worry:
        return True
    return head.lemma_ in ("remain", "be", "persist") and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in worry for c in head.children
    )


def _risk_verdicts(f: Facts, section: str | None = None) -> Iterable[tuple[list[Any], str]]:
    """ "Dad poses a risk to the children": a verdict about risk in place of what someone did
    or might do, and "Mason is at risk of CSE" said as the whole claim."""
    for clause in f.clauses:
        verb = clause.verb
        if clause.subject is None or not (
            _person_subject(clause.subject)
            # "Chloe's rigid thinking and autistic traits pose a risk to Mia"
            or (clause.lemma == "pose" and _persons_ways(clause.subject))
        ):
            continue
        if clause.lemma == "pose" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("risk", "threat", "danger")
            for c in verb.children
        ):
            yield [clause.subject, verb], "a verdict of risk"
        elif section in RISK_SECTIONS and not clause.negated:
            risk = _bare_risk(clause)
            if risk is not None:
                yield [clause.subject, verb, risk], "a verdict of risk"


def _persons_ways(subject: Any) -> bool:
    """ "Shantelle's drinking and poor mental health": something of a named person's (or, in a
    list, the first of them)."""
    return any(c.dep_ == "poss" and is_person(c) for c in subject.children)


# Where "Kezia is at risk of CSE" stands in for the worry itself (in a goal or safety it is a
# hoped-for or reached state, left to the other checks).
RISK_SECTIONS = frozenset({"danger_statement", "harm", "worry"})


def _bare_risk(clause: Any) -> Any | None:
    """ "Kezia is at risk of CSE." said as the whole claim: a label of risk with no one doing
    anything. ("Zain is at risk from his father" names who; "worried that Amir is at risk"
    reports someone's worry and is left to the vague rules.)"""
    verb = clause.verb
    if clause.lemma not in ("be", "remain") or verb.dep_ != "ROOT":
        return None
    if any(c.lower_ in ("longer", "never") for c in verb.subtree):
        return None  # "is no longer at risk"
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "at":
            risk = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if risk is not None and risk.lower_ == "risk":
                # ("at risk from his father", "at risk due to exposure to ...": a source named)
                named = any(
                    t.lower_ in ("from", "due", "because")
                    or (t.lower_ == "to" and t.head.i == risk.i)
                    for t in verb.subtree
                )
                return None if named else risk
    return None


# How a child was left feeling: the impact of what was done ("Archie was cold and hungry").
FELT_STATES = frozenset(
    {"cold", "hungry", "tired", "wet", "dirty", "sore", "poorly", "scared", "frightened"}
)
# How a goal may say a child will feel ("safe and confident online"), when the parse hangs the
# feeling on the word after it (not "feel sharp pain", "feel cold bottles").
GOAL_FEELINGS = frozenset(
    {"safe", "secure", "settled", "happy", "relaxed", "confident", "loved", "supported"}
    | {"comfortable", "calm", "valued", "heard", "listened", "included", "respected", "wanted"}
)
# What a person "becomes" in the moment, which is something they do: "became aggressive".
FLARE_UPS = frozenset({"aggressive", "violent", "angry", "abusive", "hostile", "volatile"})
# What makes becoming a trend rather than one occasion: "increasingly aggressive".
TRENDS = frozenset({"increasingly", "progressively"})
# What a child "becomes" when cared for badly: "could become very ill".
FALLING_ILL = frozenset(
    {"ill", "unwell", "poorly", "sick", "isolated", "withdrawn", "dehydrated", "underweight"}
    | {"malnourished", "distressed"}
)


def _befallen(f: Facts, person: Any, verb: Any) -> bool:
    """A child, or someone something is done to in the statement ("Ellie could be put to bed
    without her insulin"), rather than a carer ("Stacey will become unwell after the birth")."""
    if f.is_child(person) or is_child_token(person):
        return True
    if person.pos_ == "PRON":
        return pronoun_means_a_child(person)
    if is_carer_token(person):
        return False
    return any(
        c.subject is not None
        and c.subject.lower_ == person.lower_
        and c.verb.i != verb.i
        and c.passive
        for c in f.clauses
    )


def _misparsed_diagnosis(f: Facts, conditions: frozenset[str]) -> Iterable[tuple[list[Any], str]]:
    """ "because Craig has schizophrenia and Kaden (8) lives with him": the parse can read
    "has" as the auxiliary of the next verb, leaving no clause for "has schizophrenia"."""
    listed = tokens(f.doc)
    for before, token, after in zip(listed, listed[1:], listed[2:], strict=False):
        if not (
            token.lemma_ == "have"
            and token.dep_ == "aux"
            and is_person(before)
            and before.lemma_.lower() not in words("professional_roles")
        ):
            continue
        if after.tag_ == "VBG" and after.i + 1 < len(listed):
            # "Graham has hoarding disorder": the parse reads "has hoarding" as a verb
            named = listed[after.i + 1]
            if named.lemma_.lower() in conditions and named.dep_ == "dobj":
                yield [before, token, after, named], "a diagnosis or condition"
            continue
        if (
            after.lemma_.lower() in conditions
            # (a noun, or an acronym the tagger took for an adjective: "Beth has PTSD")
            and (after.pos_ in ("NOUN", "PROPN") or after.is_upper)
        ):
            yield [before, token, after], "a diagnosis or condition"


def _misparsed_label(f: Facts) -> Iterable[tuple[list[Any], str]]:
    """ "Magda is an alcoholic and Zofia is at risk": the parse can take "an alcoholic and
    Zofia" for the subject of the next verb, leaving "Magda is" with no complement."""
    listed = tokens(f.doc)
    for label in listed[3:]:
        if label.dep_ not in ("nsubj", "nsubjpass"):
            continue  # (one attribute read for most words: this runs on every statement)
        det, be, person = listed[label.i - 1], listed[label.i - 2], listed[label.i - 3]
        if (
            det.lower_ in ("a", "an")
            and be.lemma_ == "be"
            and person.dep_ == "nsubj"
            and person.head.i == be.i
            and any(c.dep_ == "conj" for c in label.children)
            and is_person(person)
            and person.lemma_.lower() not in words("professional_roles")
            and (label.lemma_.lower() in words("trait_adjectives") or _label_noun(label))
        ):
            yield [person, be, label], "a trait or label"


def _not_coping(f: Facts, section: str | None = None) -> Iterable[tuple[list[Any], str]]:
    """ "Mum isn't coping since Dad died", "is struggling to cope": a verdict on how someone
    is managing, in place of what they do or do not do."""
    if section not in RISK_SECTIONS:
        return
    for clause in f.clauses:
        verb = clause.verb
        struggling = clause.lemma == "struggle" and any(
            c.dep_ == "xcomp" and c.lemma_ in ("cope", "cop") for c in verb.children
        )  # (the lemmatiser may give "cop" for "coping")
        if (
            (struggling or (clause.lemma in ("cope", "cop") and clause.negated))
            and verb.dep_ != "xcomp"
            and clause.subject is not None
            and is_person(clause.subject)
            and not clause.modals  # (not "Dad would not cope if ...": a fear)
        ):
            yield [clause.subject, verb], "a verdict on how someone is coping"


def _trait_hits(f: Facts, section: str | None = None) -> Iterable[tuple[list[Any], str]]:
    yield from _worried_about_condition(f, section)
    yield from _risk_verdicts(f, section)
    yield from _not_coping(f, section)
    traits = words("trait_adjectives")
    conditions = words("condition_nouns")
    yield from _misparsed_diagnosis(f, conditions)
    yield from _misparsed_label(f)
    for clause in f.clauses:
        verb = clause.verb
        subject = clause.subject
        if (
            subject is not None
            and _condition_as_agent(subject)
            and (verb.dep_ in ("ROOT", "ccomp") or _what_worries(verb))
        ):
            yield [subject, verb], "a condition doing what a person does"
            continue
        if subject is None or not _person_subject(subject):
            continue
        if subject.lemma_.lower() in words("professional_roles"):
            continue  # "the social worker may not be able to visit": not about the family
        if (
            verb.dep_ in ("advcl", "relcl", "acl", "pcomp")
            and not _given_as_reason(verb)
            # ("a worry that Mum suffers from depression": what the worry is)
            and not (verb.dep_ == "acl" and verb.head.lemma_.lower() in words("worry_words"))
        ):
            continue  # "... so he can be at home when Priya is unwell": context, not the claim
        lemma = clause.lemma
        if is_trait_participle(verb):
            yield [subject, verb], "a trait or label"  # "Dad is controlling"
            continue
        if lemma in ("be", "seem", "appear", "become", "remain", "present") or (
            lemma in ("stay", "keep")
            and not clause.passive
            and any(c.dep_ in ("acomp", "oprd") and c.lower_ == "calm" for c in verb.children)
        ):  # ("will stay calm", "will keep calm"; not "stay sober" or "kept clean")
            complements = [
                *verb.children,
                # "is exhausted and depressed": the second complement, joined by "and" (not
                # "was drunk and abusive on the phone today", one time)
                *(
                    c
                    for a in verb.children
                    if a.dep_ in ("acomp", "attr") and not f.has_time
                    for c in a.children
                    if c.dep_ == "conj"
                ),
            ]
            for child in complements:
                if _able_to_act(f, child):
                    continue  # "will probably be able to ring the debt adviser": an action
                if (
                    child.lower_ in FELT_STATES
                    and f.is_child(subject)
                    and not any(g.dep_ in ("prep", "conj") for g in child.children)
                ):
                    continue  # "Archie was cold": what it did to the child (but "cold and
                    # spiteful towards his sister" is a label)
                if (
                    lemma == "become"
                    and child.lower_ in FLARE_UPS
                    and ((clause.modals - {"can"}) or verb.tag_ == "VBD")
                    # (but "became increasingly aggressive over the summer" is a trend)
                    and not any(a.lower_ in TRENDS for a in child.children)
                ):
                    continue  # "Marek will become aggressive again when drunk": what he does
                    # (but "is becoming increasingly aggressive" is a trend, told as a trait)
                if (
                    lemma == "become"
                    and child.lower_ in FALLING_ILL
                    and (clause.modals or section == "harm")
                    and _befallen(f, subject, verb)
                ):
                    continue  # "Ellie could be put to bed without insulin and become very
                    # ill": the impact on the child, not a label
                if _aimed_at_someone(verb, child):
                    continue  # "Gary was aggressive towards Ruo Xi on a number of occasions":
                    # what he did to someone (but "Gary is aggressive" is a label)
                if (
                    child.lower_ in ON_THE_DAY
                    and verb.tag_ == "VBD"
                    and _one_occasion(
                        [verb, child, *(a for a in verb.children if a.dep_ == "acomp")]
                    )
                ):
                    continue  # "was hostile and aggressive when the SW visited": how he was
                    # that day, an account of the visit (not "was neglectful when ...")
                if (child.dep_ in ("acomp", "attr", "oprd") or child.dep_ == "conj") and (
                    child.lemma_.lower() in traits
                    or child.lower_ in traits
                    or child.lemma_.lower() in conditions
                    or _label_noun(child)
                    # a person's state (not "the home will be drug-free")
                    or (_free_of_substances(child) and is_person(subject))
                ):
                    yield [subject, verb, child], "a trait or label"
                if child.dep_ == "prep" and child.lower_ == "as" and lemma == "present":
                    yield [subject, verb, child], "a label"
                if (
                    child.dep_ == "prep"
                    and child.lower_ == "in"
                    and any(
                        g.dep_ == "pobj" and g.lemma_.lower() in conditions for g in child.children
                    )
                ):
                    yield [subject, verb, child], "a trait or label"
        if (
            clause.passive
            and clause.agent is None
            and (lemma in traits or verb.lower_ in traits)
            and lemma not in words("harm_verbs")  # "has been neglected": a hidden actor
            and not f.is_child(subject)
            and not is_child_token(subject)
        ):
            yield [subject, verb], "a trait or label"
        # ("presents with low mood": the jargon of a condition, which SOS103 also flags)
        if (
            lemma in ("have", "suffer", "struggle", "battle", "live", "present")
            and not clause.negated
        ):
            for token in verb.subtree:
                if token == verb or (token.head != verb and token.head.head != verb):
                    continue
                if (
                    token.lemma_.lower() in conditions
                    # ("Mum has anorexia": the tagger may call the illness an adjective)
                    and (token.pos_ in ("NOUN", "PROPN") or token.dep_ == "dobj")
                    and not any(c.lower_ == "no" for c in token.children)  # "no episodes"
                    and not _history_of_acts(token)
                ):
                    yield [subject, verb, token], "a diagnosis or condition"
                    break
        if (
            lemma == "have"
            and not clause.negated
            and is_person(subject)
            and not f.is_child(subject)
            and not is_child_token(subject)
        ):
            objects = [o for o in verb.children if o.dep_ == "dobj"]
            objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
            poor = next((o for o in objects if _rated_low(o)), None)
            if poor is not None:
                yield [subject, verb, poor], "a trait or label"  # "has poor parenting skills"


def _free_of_substances(adjective: Any) -> bool:
    """ "needs to be drug-free", "will be alcohol free": a state, like "sober" (not "free to
    go")."""
    return adjective.lower_ == "free" and any(
        c.dep_ in ("npadvmod", "compound", "amod") and c.lemma_.lower() in SUBSTANCES
        for c in adjective.children
    )


def _history_of_acts(token: Any) -> bool:
    """ "has a history of using excessive force", "of holding Ezra down": what the person has
    done again and again, told as acts (not "a history of depression")."""
    return token.lemma_.lower() == "history" and any(
        p.lower_ == "of"
        and any(o.tag_ == "VBG" and o.lemma_.lower() not in STATE_GERUNDS for o in p.children)
        for p in token.children
    )


# "-ing" words after "a history of" that are a state, not acts: "of being violent", "of
# suffering from anxiety", "of having psychotic episodes".
STATE_GERUNDS = frozenset({"be", "have", "suffer", "experience", "struggle", "feel", "live"})


# How someone was on one occasion, which those there saw: "was drunk and aggressive on the
# night of the 2nd", "was hostile when the social worker visited".
ON_THE_DAY = frozenset(
    {"aggressive", "hostile", "abusive", "rude", "drunk", "intoxicated", "uncooperative"}
    | {"argumentative", "confrontational", "threatening", "angry", "defensive", "agitated"}
    | {"psychotic", "paranoid"}
)
# What one occasion is called: "on the night of", "at the visit".
OCCASIONS = frozenset({"night", "day", "evening", "morning", "visit", "occasion", "meeting"})


def _one_occasion(tokens_: list[Any]) -> bool:
    """ "when the SW visited", "during an incident", "on the night of the 2nd": one time."""
    for token in tokens_:
        for c in token.children:
            if c.dep_ == "advcl" and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "while", "whilst")
                for m in c.children
            ):
                return True
            if c.dep_ == "prep" and (
                c.lower_ in ("during", "throughout")
                or (
                    c.lower_ in ("on", "at")
                    and any(o.lemma_.lower() in OCCASIONS for o in c.children)
                )
            ):
                return True
    return False


# How someone treats a person, which can be seen: "aggressive with", "hostile to".
CONDUCT_TOWARDS = frozenset(
    {"aggressive", "hostile", "abusive", "violent", "rough", "nasty", "unkind", "mean", "rude"}
    | {"threatening", "intimidating", "inappropriate"}
)


def _aimed_at_someone(verb: Any, adjective: Any) -> bool:
    """ "was verbally aggressive towards Kerry", "has been abusive to Aaron (13)": conduct in
    the past, aimed at a person, which blind writers read as what happened (not "is aggressive
    towards staff" or "was always aggressive towards women", standing claims)."""
    # "will stop being aggressive with Lola": conduct towards her that is to stop (not "stop
    # being so manipulative with the short breaks team", a view of what he is like)
    stopping = (
        verb.tag_ == "VBG"
        and verb.head.lemma_.lower() == "stop"
        and adjective.lower_ in CONDUCT_TOWARDS
    )
    past = verb.tag_ in ("VBD", "VBN")
    # "has been inappropriate with the girls on a few occasions", "was aggressive with staff"
    with_someone = (stopping or past) and adjective.lower_ in CONDUCT_TOWARDS
    return (
        (past or stopping)
        # (not "Dad was always aggressive towards women", a standing claim)
        and not any(t.lower_ in ("always", "constantly", "often") for t in verb.subtree)
        and adjective.dep_ == "acomp"
        and any(
            p.dep_ == "prep"
            and (
                p.lower_ in ("towards", "toward", "to", "at")
                or (with_someone and p.lower_ == "with")
            )
            and any(o.dep_ == "pobj" and is_person(o) for o in p.children)
            for p in (*adjective.children, *verb.children)
        )
    )


# A quality of a carer rated poor or low is a verdict on them ("has poor emotional
# regulation", "has low awareness of risk"); the rating is not something anyone saw. (A body,
# a sense or a home rated poor is not: "has poor mobility", "poor eyesight", "poor housing".)
LOW_RATINGS = frozenset({"poor", "low"})
RATED_QUALITIES = frozenset(
    {"regulation", "skill", "skills", "awareness", "insight", "control", "judgement"}
    | {"judgment", "boundary", "boundaries", "supervision", "parenting", "understanding"}
    | {"motivation", "attitude", "engagement", "capacity", "routine", "routines", "wellbeing"}
)


def _rated_low(obj: Any) -> bool:
    return obj.lemma_.lower() in RATED_QUALITIES and any(
        a.dep_ == "amod" and a.lower_ in LOW_RATINGS for a in obj.children
    )


# Too ill to do something is still the illness offered as the worry ("too depressed to get
# out of bed"), where "too lazy to clean the room" says what was not done.
ILLNESS_STATES = frozenset(
    {"depressed", "anxious", "unwell", "ill", "paranoid", "manic", "psychotic"}
)
# "not able to parent Mason", "unable to cope": a verdict on caring as a whole.
CARING_AT_ALL = frozenset({"cope", "parent", "care", "look"})


def _able_to_act(f: Facts, adjective: Any) -> bool:
    """ "able to ring the debt adviser", "unable to read the letters", "too lazy to clean the
    room": (un)able, or too something, to do a concrete thing, which is a behaviour (done or
    not done); "able to keep Ella safe", "too depressed to parent" or "to show she
    understands" is still a verdict or a state of mind."""
    # (but "too depressed to get out of bed" still offers an illness as the worry)
    too = (
        any(c.lower_ == "too" for c in adjective.children)
        and adjective.lower_ not in ILLNESS_STATES
    )
    if adjective.lower_ not in ("able", "unable") and not too:
        return False
    action = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
    if too and action is not None and action.lemma_.lower() in ("stand", "say"):
        return False  # "too weak to stand up to him": the label, not an act
    if action is None or action.pos_ != "VERB":
        return False
    lemma = action.lemma_.lower()
    if lemma in THOUGHT_VERBS or lemma in INSIGHT_VERBS or lemma in CARING_AT_ALL:
        return False
    clause = next((c for c in f.clauses if c.verb == action), None)
    return clause is not None and not (
        is_abstract_safety(clause) or is_managing_feelings(clause) or is_compliance(clause)
    )


VERDICT_NOUNS = frozenset(
    {
        "risk",
        "danger",
        "threat",
        "liability",
        "concern",
        "worry",
        "problem",
        "offender",
        "thug",
        "alcoholic",
        "addict",
        "drunk",
        "junkie",
    }
)
# What a person "has" that the statement makes act in their place ("Mum's drinking is out of
# control", "Folake's low mood has left Dami neglected").
CONDITION_AGENTS = frozenset(
    {"drinking", "drug", "use", "dependency", "addiction", "mood", "illness", "misuse"}
    | {"lifestyle", "hoarding", "gambling"}
)
ROLE_NOUNS = frozenset(
    {
        "alcoholic",
        "addict",
        "drinker",
        "user",
        "abuser",
        "perpetrator",
        "victim",
        "liar",
        "bully",
        "mess",
        "factor",
        "parent",
        "mother",
        "father",
        "dad",
        "mum",
        "carer",
        "person",
        "individual",
        "man",
        "woman",
        "lad",
        "lady",
        "bloke",
        "offender",
        "presence",
        "influence",
        "figure",
    }
)
# Role nouns that are a label on their own, whatever qualifies them.
SELF_LABELS = frozenset(
    {"abuser", "drinker", "liar", "bully", "perpetrator", "misuser", "gambler", "waster"}
    | {"narcissist", "psychopath", "sociopath"}
)
LABEL_MODIFIERS = frozenset(
    {"protective", "risk", "good", "bad", "safe", "heavy", "problem", "better", "worse"}
)
MIND_ADJECTIVES = frozenset(
    {
        "aware",
        "confident",
        "empowered",
        "assertive",
        "insightful",
        "motivated",
        "committed",
        "willing",
        "open",
        "honest",
        "remorseful",
        "patient",
        "respectful",
        "ready",
        "tolerant",
        "understanding",  # "needs to be more understanding of Zara's need for independence"
    }
)
# Attitudes a plan cannot see: "Mum will value the children's education", "believe Jayden".
ATTITUDES = frozenset({"respect", "value", "want", "trust", "believe", "forgive", "care"})


def _what_worries(verb: Any) -> bool:
    """ "There are concerns that Dad's alcohol misuse will continue to impact on the
    children": the clause says what the worry is."""
    return (
        verb.dep_ == "acl"
        and verb.head.lemma_.lower() in words("worry_words")
        # a diagnosis or misuse, not "Dad's drinking might place Kacper at risk"
        and any(
            c.dep_ in ("nsubj", "nsubjpass")
            and c.lemma_.lower() in words("condition_nouns") | {"misuse"}
            for c in verb.children
        )
    )


def _condition_as_agent(subject: Any) -> bool:
    if any(c.dep_ == "appos" and is_person(c) for c in subject.children):
        return False  # "since her anorexia diagnosis Bella has ...": the parse ran them together
    lemma = subject.lemma_.lower()
    conditions = words("condition_nouns") | CONDITION_AGENTS
    if lemma == "health" and any(c.lower_ == "mental" for c in subject.children):
        lemma = "mental health"  # "due to Mum's mental health": a condition, not what she did
        conditions = conditions | {lemma}
    return lemma in conditions and any(c.dep_ == "poss" and is_person(c) for c in subject.children)


# Between people rather than in one person: "their volatile relationship" is vague, not a trait.
SHARED_STATES = frozenset({"relationship", "bond", "attachment"})


def _condition_as_cause(f: Facts) -> Iterable[tuple[list[Any], str]]:
    """ "Leighton has been harmed by his mother's mental illness", "... as a result of his
    mother's chaotic lifestyle": the condition is made the cause where a person's actions
    belong."""
    for clause in f.clauses:
        verb = clause.verb
        if verb.dep_ not in ("ROOT", "ccomp"):
            continue
        causes = []
        if clause.passive and clause.agent is not None:
            causes.extend(c for c in clause.agent.children if c.dep_ == "pobj")
        causes.extend(stated_causes(verb))
        if verb.lemma_.lower() == "expose":
            # "the children have been exposed to Dad's bulimia": the illness stands where
            # what he does belongs (not "exposed to Dad's drinking", which is behaviour)
            causes.extend(
                o
                for p in verb.children
                if p.lower_ == "to"
                for o in p.children
                if o.dep_ == "pobj"
                and o.lemma_.lower() in words("condition_nouns")
                # (a "crisis" or an "episode" is something that happened, seen by the child)
                and o.lemma_.lower() not in CONDITION_EVENTS
            )
        for cause in causes:
            if _condition_as_agent(cause) and cause.lemma_.lower() not in SHARED_STATES:
                described = [c for c in cause.children if c.dep_ in ("amod", "compound")]
                yield [cause, *described], "a condition where the person's actions belong"
                return


CONDITION_EVENTS = frozenset({"crisis", "episode", "breakdown", "turmoil", "chaos"})


def _fragment_hits(f: Facts) -> Iterable[tuple[list[Any], str]]:
    """A verbless note such as "Asif's temper and his views on discipline."."""
    # (a participle describing a noun is no verb: "Dad's controlling personality.")
    if any(c.verb.pos_ == "VERB" and c.verb.dep_ not in ("amod", "compound") for c in f.clauses):
        return
    conditions = words("condition_nouns") | words("insight_nouns")
    for token in tokens(f.doc):
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in conditions:
            yield [token], "a trait or condition"
            return


HOMES = frozenset({"home", "house", "flat", "property"})
HOME_FAULTS = frozenset(
    {"dirty", "filthy", "unhygienic", "cluttered", "chaotic", "poor", "unsafe", "hazardous"}
    | {"unsuitable", "inappropriate", "squalid", "unkempt", "messy", "smelly", "untidy"}
)


def _state_of_home(f: Facts) -> Iterable[tuple[list[Any], str]]:
    """ "There are concerns about the home conditions", "the state of the house": how the home
    is, with nobody doing anything (but not "a home conditions checklist", which names a task)."""
    low = f.text.lower()
    if not any(w in low for w in (*HOMES, "living")):
        return  # (most statements: no need to walk the parse)
    for token in tokens(f.doc) if ("condition" in low or "state" in low) else ():
        lemma = token.lemma_.lower()
        following = f.doc[token.i + 1] if token.i + 1 < len(f.doc) else None
        if token.dep_ == "compound" or token.pos_ != "NOUN":
            continue
        if (following is not None and following.pos_ == "NOUN") or any(
            c.lower_ in ("a", "an") for c in token.children
        ):
            continue  # (the parse may not mark "a home conditions checklist" as a compound)
        if lemma == "condition" and token.tag_ == "NNS":
            owner = [c for c in token.children if c.lower_ in ("home", "living")]
        elif lemma == "state":
            owner = [
                p
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj" and p.lemma_.lower() in HOMES
            ]
        else:
            continue
        if owner:
            yield sorted([token, *owner], key=lambda t: t.i), "how the home is"
            return
    for clause in f.clauses:
        subject = clause.subject
        if subject is None or subject.lemma_.lower() not in HOMES or clause.lemma != "be":
            continue
        for c in clause.verb.children:
            said = c.dep_ == "acomp" and c.lemma_.lower() in HOME_FAULTS
            state = c.dep_ in ("attr", "prep") and any(
                t.lemma_.lower() in ("state", "mess", "condition", "tip") for t in c.subtree
            )
            if said or state:
                yield [subject, clause.verb, c], "how the home is"  # "the flat is in a poor state"
                return


def _label_noun(token: Any) -> bool:
    """ "a risk to the children", "a protective factor", "a better father"."""
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    if lemma in VERDICT_NOUNS:
        return True
    if lemma in SELF_LABELS:
        return True  # "Dad is a heavy drinker", "Mum is the abuser"
    if lemma == "user" and any(c.lemma_.lower() in SUBSTANCES for c in token.children):
        return True  # "a known drug user" (but not "a wheelchair user")
    if lemma == "model" and any(c.lower_ == "role" for c in token.children):
        return True  # "will be a positive role model": a verdict, not what he will do
    modifiers = words("trait_adjectives") | LABEL_MODIFIERS
    return lemma in ROLE_NOUNS and any(
        c.lemma_.lower() in modifiers or c.lower_ in modifiers for c in token.children
    )


def _reports_behaviour(verb: Any, f: Facts) -> bool:
    """ "The school thinks that Dad might hit Ella": the thought frames a behaviour."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True  # "It is understood that ...": a report (a hedge), not a demanded state
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        verb.dep_ == "ROOT"
        and subject is not None
        and subject.lemma_.lower() in words("professional_roles")
    ):
        return True  # "The school thinks that Asif will hit Hamza": the worry, reported
    inside = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
    return any(
        c.verb.i in inside
        and c.verb.pos_ == "VERB"
        and c.subject is not None
        and is_person(c.subject)
        and c.lemma not in THOUGHT_VERBS
        for c in f.clauses
    )


FEELING_SECTIONS = frozenset({"existing_safety", "danger_statement"})
MIND_NOUNS = frozenset({"insight", "understanding", "awareness"})


def _feeling_hits(f: Facts, section: str | None = None) -> Iterable[tuple[list[Any], str]]:
    """ "Reggie will feel happy and settled": a feeling is the goal's result, not its behaviour."""
    for clause in f.clauses:
        demanded = clause.verb.dep_ == "xcomp" and clause.verb.head.lemma_.lower() in (
            "need",
            "have",
            "be",
        )  # "Kacey needs to feel safe at home", "Kwame is to feel safe"
        # Under existing safety, and as a danger, a feeling is not what someone does:
        # "Summer feels safe at her grandma's", "we are worried Noah does not feel safe"
        stated = section in FEELING_SECTIONS and clause.verb.dep_ in ("ROOT", "ccomp")
        # (not "Tom said he would feel less nervous with someone he knows": his own words)
        asked = bool(clause.modals & {"will", "'ll", "must", "should", "shall", "can"})
        if (
            clause.lemma == "feel"
            and (asked or demanded or stated)
            and any(
                c.dep_ in ("acomp", "oprd", "xcomp")
                or (c.dep_ == "prep" and c.lower_ == "at")  # "feel at ease"
                # "will feel safe and confident online": the parse may hang the feeling on
                # what follows it
                or (
                    c.dep_ == "dobj"
                    and any(
                        a.dep_ == "amod"
                        and a.i == clause.verb.i + 1
                        and (
                            a.lower_ in GOAL_FEELINGS
                            or any(
                                g.dep_ == "conj" and g.lower_ in GOAL_FEELINGS for g in a.children
                            )
                        )
                        for a in c.children
                    )
                )
                # "Josh needs to feel that he can talk to his dad" (not "it is felt that")
                or (c.dep_ == "ccomp" and (asked or demanded))
                for c in clause.verb.children
            )
        ):
            yield [clause.verb], "a feeling"


def _in_denial(verb: Any) -> Any | None:
    """ "stop being in denial (about his drinking)": the "denial" a demand asks someone to
    leave, which is a change of mind nobody can see, not a step they can be seen taking."""
    return next(
        (
            d
            for be in verb.children
            if be.dep_ == "xcomp" and be.lemma_.lower() == "be"
            for p in be.children
            if p.dep_ == "prep" and p.lower_ == "in"
            for d in p.children
            if d.dep_ == "pobj" and d.lower_ == "denial"
        ),
        None,
    )


# What ties someone's knowing to an act told before it: "rings Mum so she knows ...".
KNOWING_FOR = frozenset({"so", "when", "whenever", "because", "as", "if", "until"})


def _mental_hits(f: Facts, section: str | None = None) -> Iterable[tuple[list[Any], str]]:
    pure_thought = THOUGHT_VERBS - {"know", "remember", "deny", "admit", "believe"}
    for token in tokens(f.doc):
        # "given her lack of insight", "due to Luana's lack of insight into the risks": a
        # state of mind offered as the reason, with no verb for the clause checks to find
        if token.lemma_.lower() == "lack" and token.pos_ == "NOUN":
            found = next(
                (
                    g
                    for p in token.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children
                    if g.dep_ == "pobj" and g.lemma_.lower() in MIND_NOUNS
                ),
                None,
            )
            if found is not None and any(c.dep_ == "poss" for c in token.children):
                yield [token, found], "insight or a state of mind"
    for clause in f.clauses:
        lemma = clause.lemma
        verb = clause.verb
        if lemma in ("think", "believe", "feel", "know") and _childs_view(f, clause):
            continue  # "Ellie told the nurse she thinks ...": the child's view, the impact
        if lemma == "consider" and not _weighs_an_effect(verb):
            continue  # "consider moving out", "consider step-down": a decision to make
        demanded = lemma in DEMANDED_STATES and bool(clause.modals & {"will", "must", "should"})
        if lemma in PLAYING_DOWN and section in REPORTED and not demanded:
            continue  # "Leanne is minimising the offence": what she says, reported (a worry)
        if (
            lemma in pure_thought
            and (clause.modals or verb.dep_ in ("xcomp", "ROOT", "conj", "ccomp"))
            and (demanded or not _reports_behaviour(verb, f))
        ):
            # "Kirsty will understand why her ex-partner must not look after Harper": what
            # she is to understand is a behaviour, but understanding it is not one
            yield [verb], "a state of mind"
            continue
        if is_accepting_phrase(verb):
            yield [verb], "a state of mind"  # "take on board"
            continue
        if section in DEMAND_SECTIONS and lemma == "stop" and not clause.negated:
            denial = _in_denial(verb)
            if denial is not None:
                yield [verb, denial], "a state of mind"  # "needs to stop being in denial"
                continue
        if (
            clause.negated
            and lemma in NOT_GRASPED
            and clause.subject is not None
            and is_person(clause.subject)
            and _grasped(clause)
        ):
            yield [verb], "a state of mind"  # "Shannon does not understand the risk Kyle poses"
            continue
        if (
            section == "safety_goal"
            and lemma == "know"
            and clause.modals & {"will", "must", "should"}
            and not clause.negated
            # the child's knowing (not "Sarah will know that Niamh is home": how she checks)
            and clause.subject is not None
            and (f.is_child(clause.subject) or _given_an_age(f, clause.subject))
            and any(
                c.dep_ == "ccomp"
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in verb.children
            )
        ):
            yield [verb], "a state of mind"  # "Ellie will know that she is not to blame"
            continue
        if (
            section == "existing_safety"
            and lemma == "know"
            and not clause.negated
            and any(
                c.dep_ in ("xcomp", "ccomp")
                and (
                    any(w.lower_ in WH_WORDS for w in c.children)
                    # "knows hitting is wrong" (but not beside an act joined on, which the
                    # parse may hang inside what is known: "knows Kyle must not be left with
                    # Leanne and has collected him every day")
                    or (
                        verb.dep_ == "ROOT"
                        # (the knower opens the sentence: not "Gran rings Mum every evening
                        # so she knows the children are home")
                        and clause.subject is not None
                        # (adverbs, a time or a comma may come first, but no other verb)
                        and not any(
                            t.pos_ == "VERB" or t.lower_ in KNOWING_FOR
                            for t in verb.sent
                            if t.i < clause.subject.i
                        )
                        and not any(
                            t.dep_ in ("conj", "advcl", "parataxis")
                            and t.pos_ == "VERB"
                            and t not in c.subtree  # ("knows to ring Michelle if ...")
                            for t in verb.sent
                        )
                    )
                )
                for c in verb.children
            )
        ):
            # "Stacey now knows what to do if Glen turns up", "Leanne knows hitting is wrong"
            yield [verb], "knowledge"
            continue
        if lemma in INSIGHT_VERBS:
            found = insight_object(verb)
            if found is not None:
                yield [verb, found], "insight or a state of mind"
        if (
            lemma in ("be", "become", "feel")
            # (a person's state, or what is theirs: not "while the shop is open")
            and (
                clause.subject is None
                or is_person(clause.subject)
                or any(c.dep_ == "poss" and is_person(c) for c in clause.subject.children)
            )
            and any(
                c.dep_ == "acomp" and c.lemma_.lower() in MIND_ADJECTIVES for c in verb.children
            )
        ):
            yield [verb], "a state of mind"
        if lemma in ("need", "have", "must") and verb.dep_ == "ROOT":
            for child in verb.children:
                if (
                    child.dep_ == "xcomp"
                    and child.lemma_.lower() in pure_thought
                    and (child.lemma_.lower() != "consider" or _weighs_an_effect(child))
                ):
                    yield [verb, child], "a state of mind"
        asked = _asked(clause)
        if asked and lemma in ATTITUDES and not clause.negated:
            yield [verb], "an attitude"  # "will value the children's education"
        if asked and is_managing_feelings(clause):
            # "Luke will manage his anger better"; "Lina needs to process her trauma"
            feeling = any(c.dep_ == "dobj" and c.lemma_.lower() in EMOTIONS for c in verb.children)
            yield [verb], "a state of mind" if feeling else "work on a condition"


# Playing something down, reported as it happens ("Mum is minimising Jayden's violence"): she
# says it is smaller than it is, which is a stance shown in words, not a demanded insight.
PLAYING_DOWN = frozenset({"minimise", "minimize"})
REPORTED = frozenset({"worry", "harm", "general", "complicating_factor"})


# What a person is said not to grasp: "does not understand the risk", "doesn't see that the
# dogs are a danger", "does not accept that Dad is a risk".
NOT_GRASPED = frozenset(
    {"understand", "see", "accept", "believe", "recognise", "recognize", "realise", "realize"}
    | {"appreciate", "grasp", "acknowledge"}
)
RISK_WORDS = frozenset(
    {"risk", "danger", "harm", "impact", "seriousness", "problem", "need", "worry", "concern"}
    | {"effect", "consequence"}
)


def _grasped(clause: Any) -> bool:
    """What the person does not grasp is a fact or a risk: a clause ("does not see that the dogs
    are a danger", "does not understand how serious it is") or the risk itself ("does not
    understand the risk Kyle poses"); not a person ("does not believe her"), an event not
    witnessed ("did not see Poppy climb the stairs") or words not followed ("the questions")."""
    verb = clause.verb
    if facts(verb.doc).is_child(clause.subject) or has_child_age_after(clause.subject):
        return False  # "Kai (4) does not understand why Mum is crying": the child's view
    if clause.modals & {"can", "could", "ca"}:
        return False  # "strangers cannot understand what he says": what they are able to do
    # seeing and realising are about facts noticed ("did not realise that Kai had left", "did
    # not see how he got out"), so only a risk counts for them
    noticing = clause.lemma in ("see", "realise", "realize")
    for child in verb.children:
        if child.dep_ == "ccomp" and any(
            (m.lower_ in ("that", "why", "how") and not noticing)
            or (m.lemma_.lower() in RISK_WORDS and m.pos_ == "NOUN" and m.lemma_.lower() != "need")
            for m in child.subtree
            if m.i < child.i or noticing
        ):
            # ("the risk Kyle poses", which the parse makes a clause; but not "did not see
            # Ellie tying cords", what she did not witness)
            return True
        if child.dep_ == "dobj" and child.lemma_.lower() in RISK_WORDS:
            return True
    return False


# What a person can be asked to think about, rather than an option to decide on.
EFFECTS = frozenset(
    {"impact", "effect", "feeling", "view", "wish", "need", "consequence", "harm", "risk"}
    | {"way", "experience", "perspective", "worry", "fear"}
)


def _weighs_an_effect(verb: Any) -> bool:
    """ "needs to consider the impact of his drinking", "I do not consider that ..." (a state
    of mind), not "consider moving out", "consider step-down to early help" or "a referral
    will be considered" (an option to decide on)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in EFFECTS for o in objects)


def _asked(clause: Any) -> bool:
    """The clause is what someone is asked to do ("will", "must", "needs to", "has to")."""
    verb = clause.verb
    return bool(clause.modals & {"will", "must", "should"}) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("need", "have", "try")
    )


def _childs_view(f: Facts, clause: Any) -> bool:
    """The child thinks or feels it ("Ellie told the nurse she thinks ..."): the impact."""
    subject = clause.subject
    if subject is None or clause.modals:
        return False
    if f.is_child(subject):
        return True
    head = clause.verb.head
    teller = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return (
        subject.pos_ == "PRON"
        and clause.verb.dep_ == "ccomp"
        and teller is not None
        and f.is_child(teller)
    )


def _compliance_hits(f: Facts) -> Iterable[tuple[list[Any], str]]:
    for clause in f.clauses:
        if is_compliance(clause):
            yield [clause.verb], "service compliance"
    for token in tokens(f.doc):
        # "Mum complies with the safety plan" (the tagger may make "complies" a noun), "Mum
        # compliant with safety plan": keeping to a plan, whatever the parse
        if (
            token.lower_ in COMPLYING
            and token.pos_ != "VERB"
            and any(c.lower_ == "with" for c in token.children)
        ):
            yield [token], "service compliance"


# Taking part in a service, which a goal cannot make safety whatever else it asks for.
GOAL_COMPLIANCE = frozenset(
    {
        "comply",
        "engage",
        "attend",
        "complete",
        "utilise",
        "utilize",
        "access",
        "cooperate",
        "co-operate",
        "participate",
        "undertake",
    }
)


def _goal_is_a_service(f: Facts, verb: Any) -> bool:
    """ "Nicola will utilise the childminder and attend all core group meetings": in a safety
    goal, taking part in a service is flagged even beside an action, since the goal then asks
    for the service as well as (or in place of) the safety. Keeping to a plan is the same.
    Not a professional's own step ("the health visitor will undertake monthly visits"), a
    child's own attendance ("will make sure Kai attends"), or a clause about someone else ("a
    member of the network who has completed the training").
    """
    if verb.lemma_.lower() not in GOAL_COMPLIANCE or verb.dep_ in ("relcl", "ccomp"):
        return False  # (nor "will make sure Kai attends his appointments": care for Kai)
    clause = next((c for c in f.clauses if c.verb.i == verb.i), None)
    return not (
        clause is not None
        and clause.subject is not None
        and (
            clause.subject.lemma_.lower() in words("professional_roles")
            or f.is_child(clause.subject)
        )
    )


COMPLYING = frozenset({"complies", "complied", "compliant", "complying"})


# What a plan or a service is, when "to safeguard the children" is its purpose.
PLAN_NOUNS = frozenset(
    {"plan", "support", "service", "services", "monitoring", "arrangement", "arrangements"}
    | {"assessment", "response", "intervention", "package", "agreement", "strategy", "meeting"}
)


def _what_a_plan_is_for(verb: Any) -> bool:
    """ "A robust safety plan needs to be put in place to safeguard Tobi", "ongoing support
    from HIVE to address the family's needs": the purpose of a plan or service, which is the
    plan's vagueness (SOS2xx, SOS1xx), not a person asked for an unseen state."""
    if verb.dep_ not in ("advcl", "acl", "xcomp", "relcl") or not any(
        c.tag_ == "TO" for c in verb.children
    ):
        return False
    head = verb.head
    if head.pos_ in ("NOUN", "PROPN"):
        return head.lemma_.lower() in PLAN_NOUNS
    heads = [head]
    while heads[-1].dep_ == "xcomp" and len(heads) < 4:
        heads.append(heads[-1].head)  # "a plan needs to be put in place to ...": the plan
    named = [
        c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
    ]
    # "Family to be signposted to appropriate services to address their needs": the services'
    # purpose (not "Mum needs to work with the plan to keep the children safe": her doing)
    if any(c.dep_ == "auxpass" for c in head.children):
        named += [
            g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
    return any(o.lemma_.lower() in PLAN_NOUNS for o in named)


def _abstract_hits(f: Facts, section: str | None = None) -> Iterable[tuple[list[Any], str]]:
    for clause in f.clauses:
        if is_abstract_safety(clause):
            if _asked(clause) and is_managing_feelings(clause):
                continue  # "needs to address her alcohol issues": SOS502's work on a condition
            if _what_a_plan_is_for(clause.verb):
                continue  # "a multi-agency plan needs to be put in place to safeguard the twins"
            if _kept_safe_by_doing(clause.verb):
                continue  # "will safeguard Yusuf by making sure Bilal is never alone with him"
            yield [clause.verb], "an abstract judgement of safety"
        elif (is_hypothetical(clause) or _past_promise(clause)) and section != "harm":
            # (in a harm statement "he thought he would never get out" is the child's fear)
            yield [clause.verb], "a promise, not something done,"
        elif is_graded_choice(clause):
            yield [clause.verb], "a verdict on choices"  # "will make better choices"
    for token in tokens(f.doc):
        protective = next((c for c in token.children if c.lower_ == "protective"), None)
        if protective is not None and (
            token.lower_ == "factor"
            or (token.lemma_.lower() in PROTECTIVE_ROLES and token.dep_ == "attr")
        ):  # "Dad is a protective factor", "Lisa is a protective adult for Niamh" (but not
            # "supervised by a protective adult", who is to be named)
            yield [protective, token], "an abstract judgement of safety"
        if token.lemma_.lower() == "safe" and token.dep_ == "acomp" and token.head.lemma_ != "feel":
            subj = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and is_person(subj):
                yield [token.head, token], "an abstract judgement of safety"


PROTECTIVE_ROLES = frozenset({"adult", "figure", "person", "presence", "influence"})
# A means that is itself a claim of safety: "kept safe by being supported".
CARED_FOR_VAGUELY = frozenset({"support", "protect", "safeguard", "help", "look", "care"})
# What turns keeping a child safe into a test of ability: "will demonstrate that she can
# safeguard Musa by ...", "evidence their ability to keep Elsie safe by ...".
PROVING = VERDICT_VERBS | {"ability", "able"}


def _kept_safe_by_doing(verb: Any) -> bool:
    """ "Amira will safeguard Yusuf by ensuring Bilal has no unsupervised contact", "Riley was
    kept safe by being moved to a different area": the means is said, so the safety is not an
    empty claim (but a goal that asks someone to prove they are able stays one)."""
    compliance = {c.verb.i for c in facts(verb.doc).clauses if is_compliance(c)}
    means = any(
        (
            (c.tag_ == "VBG" and c.lemma_.lower() != "be")  # (not "by being protective")
            or (c.tag_ == "VBN" and c.lemma_.lower() not in CARED_FOR_VAGUELY)
        )
        # (not "by following the safety plan": keeping to a plan is no act that protects)
        and c.i not in compliance
        for c in _by_means(verb)
    )
    return means and not any(
        a.lemma_.lower() in PROVING or any(c.lemma_.lower() in PROVING for c in a.children)
        for a in [verb, *list(verb.ancestors)[:3]]
    )


def _past_promise(clause: Any) -> bool:
    """ "Dad has promised he will not drink": what he said he would do, not what he did."""
    return (
        clause.lemma in PROMISES
        and clause.verb.tag_ in ("VBN", "VBD")
        and any(c.dep_ in ("ccomp", "xcomp") for c in clause.verb.children)
    )


def _report(
    context: CheckContext, finder: Any, kind_message: str, about: bool = False
) -> Iterable[Hit]:
    """``about``: actions inside what the hit is about do not make the statement behavioural."""
    for statement, doc in context.items:
        f = facts(doc)
        hits = [
            h
            for h in finder(f, statement.section)
            if (about and statement.section in DEMAND_SECTIONS and _demanded(h[0]))
            or not _behavioural(
                f,
                statement.section,
                h[0],
                _content(h[0]) if about else _denied(h[0]) | _made_to(h[0], statement.section),
            )
        ]
        if not hits:
            continue
        tokens, kind = hits[0]
        start, end = _span(statement, tokens)
        yield Hit(
            start,
            end,
            message=kind_message.format(
                kind=kind, text=statement.text[start - statement.start : end - statement.start]
            ),
            suggestions=BEHAVIOUR_QUESTIONS,
        )


def _made_to(hit: list[Any], section: str | None) -> set[int]:
    """In a danger statement, what a diagnosis or trait is said to make the person do: in
    "Ms Carter's personality disorder means she could harm Alfie" the harm is put down to the
    condition, so it does not make the statement behavioural."""
    if (
        section != "danger_statement"
        or len(hit) != 2
        or hit[1].lemma_.lower() != "mean"
        # (a diagnosis or a trait, not "Dad's drinking means he could hit Isla", which is
        # what he does)
        or hit[0].lemma_.lower() not in words("condition_nouns")
    ):
        return set()
    return {t.i for c in hit[1].children if c.dep_ == "ccomp" for t in c.subtree}


def _trait_or_fragment(f: Facts, section: str | None = None) -> Iterable[tuple[list[Any], str]]:
    for hit in _trait_hits(f, section):
        if section == "next_step" and _beside_a_step(f, hit[0]):
            continue  # "Dylan to stop being so uncooperative and attend his session on 6 May"
        last = hit[0][-1]
        if not not_quoted(f.doc, last.i, last.i + 1):
            continue  # 'called Ellie "stupid"': the words said are the behaviour
        if any(
            c.verb in hit[0][-1].ancestors and _childs_view(f, c)
            for c in f.clauses
            if c.lemma in ("think", "believe", "feel", "say")
        ):
            continue  # "she thinks her family would be happier without her": her view
        if section == "existing_safety" and hit[0][-1].lower_ in GOOD_QUALITIES:
            continue  # "Gran is very supportive": a strength, which SOS731 says is not safety
        yield hit
    yield from _condition_as_cause(f)
    yield from _fragment_hits(f)
    yield from _state_of_home(f)


def _beside_a_step(f: Facts, hit: list[Any]) -> bool:
    """A next step whose trait is only its condition or its aside: "if parents continue to be
    uncooperative, SW to consider PLO", "Mum to stop minimising and attend the next meeting".
    The step itself (a meeting, a visit, a referral) is what the column asks for."""
    hit_ids = {t.i for t in hit}
    if any(
        a.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in a.children)
        for t in hit
        for a in [t, *t.ancestors]
    ):
        return True
    # the step joined to the trait's own clause by "and": "to stop minimising and attend ..."
    verbs = {t for t in hit if t.pos_ in ("VERB", "AUX")}
    verbs |= {v.head for v in verbs if v.dep_ in ("xcomp", "conj")}
    thoughts = words("mental_verbs") | ABSENCE_VERBS
    return any(
        c.verb.pos_ in ("VERB", "AUX")
        and c.verb.i not in hit_ids
        and c.verb.dep_ == "conj"
        and c.verb.head in verbs
        and c.lemma not in thoughts
        and not c.negated
        for c in f.clauses
    )


# Qualities that, under existing safety, are a strength rather than a non-behavioural claim.
GOOD_QUALITIES = frozenset(
    {"loving", "caring", "kind", "supportive", "capable", "able"}
    | {"motivated", "good", "nice", "responsible", "reliable", "sensible", "calm", "warm"}
    | {"attentive", "nurturing", "affectionate", "honest", "open", "willing", "consistent"}
    | {"happy", "sober", "free"}  # ("drug-free")
)


def check_trait_or_diagnosis(context: CheckContext) -> Iterable[Hit]:
    yield from _report(
        context,
        _trait_or_fragment,
        "“{text}” states {kind}, not what the person does; describe the behaviour and its effect on the child",
    )


def _mind_or_feeling(f: Facts, section: str | None = None) -> Iterable[tuple[list[Any], str]]:
    yield from _mental_hits(f, section)
    yield from _feeling_hits(f, section)


def check_mental_state(context: CheckContext) -> Iterable[Hit]:
    yield from _report(
        context,
        _mind_or_feeling,
        "“{text}” asks for {kind} nobody can see; say what the person will do differently",
        about=True,
    )


BARE_COMPLIANCE = frozenset({"engage", "comply", "cooperate", "co-operate"})
TIME_MARKERS = frozenset({"while", "whilst", "when", "after", "before"})


def _done_by_acting(verb: Any) -> bool:
    """ "will use the safety plan by ringing Moira whenever she wants a drink": the plan is
    kept by doing something anyone can see, which the goal says."""
    return any(c.tag_ == "VBG" for c in _by_means(verb))


def _by_means(verb: Any) -> list[Any]:
    """What a "by" phrase on the verb says was done: "ringing" in "by ringing Moira", "moved"
    in "by being moved"."""
    return [
        c
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "by"
        for c in p.children
        if c.dep_ == "pcomp"
    ]


def _only_the_time(verb: Any) -> bool:
    """ "Dea was left with an unknown adult while Mum attended a meeting": in an account of
    harm, the service is when it happened, not what the statement offers as the harm. ("when"
    is tagged an adverb, and "for three hours when Mum went to ..." hangs on the noun.)"""
    return verb.dep_ in ("advcl", "relcl") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKERS for c in verb.children
    )


# What a service is for, said as a purpose: "... to reduce Tyler's caring load".
AIMS = frozenset(
    {"reduce", "improve", "increase", "lessen", "ease", "lower", "lighten", "address", "manage"}
    | {"prevent", "build", "develop", "support", "help", "promote", "minimise", "strengthen"}
)


def _aims(verb: Any) -> set[int]:
    """The purpose of a service step ("utilise the young carers service to reduce Tyler's
    caring load"): what it should achieve, not something anyone is seen to do."""
    return {
        c.i
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in AIMS
        and any(a.tag_ == "TO" for a in c.children)
    }


def check_service_compliance(context: CheckContext) -> Iterable[Hit]:
    for statement, doc in context.items:
        f = facts(doc)
        hits = [
            h
            for h in _compliance_hits(f)
            if (
                # "Mum will comply with the safety plan and will not lock Ezra in", "will
                # utilise the childminder and attend all core group meetings": a goal that
                # makes a service part of the safety (the blind writers flag it whatever else
                # the goal says: 6 of 6 for "comply"; 22 goals the right way, 3 the wrong way
                # in the tuning splits for taking part in a service)
                (statement.section == "safety_goal" and _goal_is_a_service(f, h[0][0]))
                or not _behavioural(f, statement.section, h[0], ignore=_aims(h[0][0]))
            )
            and not (statement.section in ACCOUNT_SECTIONS and _only_the_time(h[0][0]))
            and not _done_by_acting(h[0][0])
        ]
        if statement.section == "needs_to_happen":
            # the column holds next steps too ("Dad needs to go to the Thursday group"): only
            # bare engagement with no service step named is flagged there
            hits = [h for h in hits if h[0][0].lemma_.lower() in BARE_COMPLIANCE]
        if not hits:
            continue
        tokens, _ = hits[0]
        start, end = _span(statement, [tokens[0]])
        yield Hit(
            start,
            end,
            message=(
                "Going to a service is a next step, not safety: say what the person will do "
                "differently for the child, and how everyone will see it"
            ),
            suggestions=(
                Suggestion(
                    "What will the person do differently, day to day, that keeps the child safe?"
                ),
                Suggestion("Move the service step to Next steps, with who and by when."),
            ),
        )


def check_abstract_safety(context: CheckContext) -> Iterable[Hit]:
    yield from _report(
        context,
        _abstract_hits,
        "“{text}” is {kind} with no action; say what the person did or will do that keeps the child safe",
    )
