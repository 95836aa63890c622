"""Statement structure: the parts each Signs of Safety statement type needs.

Each missing part is its own rule (and finding), anchored to the statement, so a team can
switch off one part without losing the others. The parts come from the domain checklists:
a danger statement names who is worried, the carer's behaviour, the child, the impact and
frames it as the future; a safety goal names who will act, a positive behaviour, for how
long, and how everyone will know; a harm statement says who did what to which child, when,
and with what effect; existing safety is a protective action that happened, by whom, when.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from sos_lint.checks.analysis import (
    ABSENCE_VERBS,
    BODY,
    FUTURE_MODALS,
    POSSIBILITY_MODALS,
    REFLEXIVES,
    Clause,
    Facts,
    age_after,
    facts,
    has_child_age_after,
    is_abstract_safety,
    is_carer_token,
    is_child_age,
    is_child_token,
    is_compliance,
    is_hypothetical,
    is_person,
    mentions_time,
    observable_actions,
    pronoun_means_a_child,
    words,
)
from sos_lint.checks.filters import LOOSE_DEADLINE_PHRASES
from sos_lint.checks.rewrite import scaffold
from sos_lint.engine.runner import CheckContext, Hit
from sos_lint.models import Statement, Suggestion
from sos_lint.nlp import sentences, tokens

# A goal that is only an absence: the verbs that say nothing will be done, plus "avoid",
# "give up" and "end".
GOAL_ABSENCE_VERBS = ABSENCE_VERBS | {"avoid", "give", "end"}
GOAL_MODALS = {"will", "wo", "'ll", "shall", "must", "should", "going", "would", "can"}
_DEADLINE = re.compile(
    r"\b(?:by|before|within|on|from|starting|until|till|no later than|at the)\b[^.;]{0,40}?"
    r"(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|today|tomorrow|"
    r"tonight|meeting|review|conference|visit|end|christmas|easter|half[- ]term|term|summer|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|hours?)"
    r"|\b(?:today|tomorrow|tonight|this week|next week|this month|next month)\b",
    re.I,
)
_SCORE = re.compile(
    r"(?<![\d/.:])\b(10|[0-9])\b(?!\s*(?:am|pm|%|months?|years?|weeks?|days?|hours?|minutes?|times?|nights?|:\d|/\d|\.\d|\)|-year|-month))"
    r"|(?<![\d/.:])\b(?:10|[0-9])/10\b",  # "6/10"
    re.I,
)
# A later sentence that is another score, not the reason for the first.
_ANOTHER_SCORE = re.compile(
    r"\b(?:said|says|scored|scores|scaled|gave|gives|rated|put|puts)\b[^.]{0,25}?\b(?:10|[0-9])\b"
    r"|^\W*[\w '’()-]{1,30}:\s*(?:10|[0-9])\b|did not give|didn't give|would not give",
    re.I,
)
# The writer's view of someone's score given in place of their reason: "Mum scored 9, which
# shows she is in denial", "Lee gave 8, which is ridiculous", "but this is unrealistic".
_VERDICT_ON_SCORE = re.compile(
    r"\b(?:which|but|this|that|however)\b[^.;]{0,60}?\b(?:ridiculous|unrealistic|not realistic"
    r"|(?:over(?:ly)?[- ])?optimistic|wishful|in denial|minimis\w*|deny|denies|denial"
    r"|(?:lack of|little|no) insight|not reflective|what (?:she|he|they) thinks? we want)",
    re.I,
)
_ZERO_END = re.compile(
    r"(?:\b0\b|\bzero\b|\bnought\b)\s*(?:=|means|is|:|-|–|would|stands|would mean)|(?:where|with)\s+(?:0|zero)\b",
    re.I,
)
_TEN_END = re.compile(
    r"(?:\b10\b|\bten\b)\s*(?:=|means|is|:|-|–|would|stands|would mean)|(?:where|with|and)\s+(?:10|ten)\b",
    re.I,
)
_NOT_REASON = re.compile(r",?\s*\bas per(?: usual)?\b", re.I)
_REASON = re.compile(
    r"\b(?:because|as|since|so|due to|given|after|which|saying|says|said|—|–)\b"
    r"|[-–—:;]\s*[\"'“‘]?\w",  # ("Noor gave 2: 'Dad still ...'")
    re.I,
)


def _whole(statement: Statement) -> tuple[int, int]:
    return statement.start, statement.end


def _hit(
    statement: Statement,
    message: str,
    question: str,
    doc: Any | None = None,
    section: str | None = None,
) -> Hit:
    start, end = _whole(statement)
    rewrite = scaffold(section or statement.section, facts(doc)) if doc is not None else None
    return Hit(start, end, message=message, suggestions=(Suggestion(question),), rewrite=rewrite)


def _each(
    context: CheckContext, test: Callable[[Statement, Facts], str | None], question: str
) -> Iterable[Hit]:
    for statement, doc in context.items:
        f = facts(doc)
        message = test(statement, f)
        if message:
            yield _hit(statement, message, question, doc)


# -- shared readings ------------------------------------------------------------------------


def worried_party(f: Facts) -> Any | None:
    """The person or agency that is worried ("Kai's school is worried", "We fear")."""
    worry = words("worry_words")
    for token in tokens(f.doc):
        if token.lemma_.lower() not in worry and token.lower_ not in worry:
            continue
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        if token.dep_ == "acomp":
            verb = token.head  # "Mrs Shah ... is worried": "worried" tagged a verb, under "is"
        for _ in range(3 if token.pos_ == "NOUN" else 0):
            # "have all talked about the same worry": climb from the noun to its verb
            if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
                break
            verb = verb.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "there", "this"):
                return child
        if token.dep_ in ("amod",) and is_person(token.head):
            return token.head
    return None


def carer_actions(f: Facts, future: bool | None = None) -> list[Clause]:
    """Observable actions by someone other than the child (and other than the worried party)."""
    worried = worried_party(f)
    impact = words("impact_words")
    # When every person the statement names is a child, "she" and "he" are the child too
    # ("Paige (16) was thrown against a wardrobe. She came to school ...").
    adult_named = any(
        t.pos_ != "PRON"
        and not f.is_child(t)
        and (is_carer_token(t) or t.pos_ == "PROPN" or t.lemma_.lower() in words("other_people"))
        for t in f.people
    )
    out = []
    for clause in observable_actions(f):
        subject = clause.subject
        if clause.passive:
            subject = clause.agent_person
        if subject is None or f.is_child(subject):
            continue
        if subject.pos_ == "PRON" and (not adult_named or _refers_to_child(f, subject)):
            continue
        if (
            subject.pos_ == "PRON"
            and clause.lemma in impact
            and not (
                clause.lemma in words("harm_verbs")
                and any(c.dep_ == "dobj" and is_person(c) for c in clause.verb.children)
            )
            and not _adult_harms_self(clause, subject)
        ):
            continue  # "she could drown": the child's fate (but "he might shake her" acts)
        if worried is not None and subject == worried:
            continue
        if future is True and not (clause.modals & FUTURE_MODALS or _in_future_clause(clause)):
            continue
        out.append(clause)
    return out


def _adult_harms_self(clause: Clause, pronoun: Any) -> bool:
    """ "when Kerry-Ann is upset, she might cut herself in front of Reece (6)": an adult's
    self-harm, which the child sees, is the carer's behaviour, not the child's fate."""
    return any(
        c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in clause.verb.children
    ) and not pronoun_means_a_child(pronoun)


def _refers_to_child(f: Facts, pronoun: Any) -> bool:
    """ "Skye (9) has been hit ... She now flinches": a pronoun opening a sentence whose
    previous sentence was about a child."""
    sent = pronoun.sent
    if pronoun.i != sent.start or sent.start == 0:
        return False
    previous = pronoun.doc[sent.start - 1].sent
    subject = next((c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (
        subject is not None
        and pronoun.lower_ in ("he", "she")
        and any(c.dep_ == "conj" for c in subject.children)
    ):
        return False  # "Aliyah and her school are worried ... He might": not one of them
    return subject is not None and f.is_child(subject)


def _in_future_clause(clause: Clause) -> bool:
    """ "when Lee has been drinking" inside a future framing counts as part of it."""
    node = clause.verb
    for _ in range(4):
        if node.dep_ in ("advcl", "ccomp", "conj", "xcomp"):
            node = node.head
            if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in node.children):
                return True
        else:
            break
    return False


_NAMED_AGE = re.compile(
    r"\b([A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+)?\s*(?:\(\s*|,\s*|\s+)(?:aged\s+)?(\d{1,2})"
    r"\s*(months?|weeks?|years?)?\s*[),]"
)


def document_children(context: CheckContext) -> frozenset[str]:
    """Names the whole document gives an age to ("Kai (7)"): the children of this map."""
    cached = context.shared.get("document_children")
    if cached is not None and cached[0] is context.document:
        return cached[1]  # type: ignore[no-any-return]
    names = frozenset(
        m.group(1).lower()
        for m in _NAMED_AGE.finditer(context.document.text)
        if is_child_age(m.group(2), m.group(3))
    )
    context.shared["document_children"] = (context.document, names)
    return names


_UNBORN = re.compile(r"\b(?:unborn|birth|born|pregnan\w*|due date|antenatal)\b", re.I)


def named_child(f: Facts, known: frozenset[str] = frozenset()) -> bool:
    """The statement names a child: an age, a child word with a name, or a known child.

    When the document tells us who the children are (names with ages), a name counts only if
    it is one of them, so "Ross might hurt Priya" is not read as naming a child.
    """
    if f.has_age:
        return True
    if _UNBORN.search(f.text) and any(
        t.lower_ in ("baby", "newborn") and any(c.lower_ in ("the", "unborn") for c in t.children)
        for t in f.people
    ):
        return True  # "the baby could be born early": before the birth there is no name yet
    if any(
        is_child_token(t)
        and (
            any(c.dep_ in ("appos", "poss") or c.pos_ == "PROPN" for c in t.children)
            or (t.dep_ == "compound" and t.head.pos_ == "PROPN")  # "baby Ezra"
        )
        for t in f.people
    ):
        return True
    if known:
        return any(t.lower_ in known for t in f.people)
    return (
        any(t.pos_ == "PROPN" for t in f.children)
        or _named_as_harmed(f)
        or any(_pupil(t, f) for t in f.people)
    )


# Whose only a child would be: "Sadia's school are worried", "Ellie's mum and dad".
CHILD_SIDE = frozenset(
    {"school", "nursery", "class", "teacher", "headteacher", "childminder", "tutor"}
    | {"mum", "dad", "mother", "father", "parent", "stepdad", "stepmum", "nan", "gran"}
    | {"grandma", "grandad", "grandmother", "grandfather", "foster"}
)
# A worker who is the child's: "Lewis's worker", "Maisie's social worker", "her youth worker"
# (not "Dad's drug worker").
CHILDS_WORKERS = frozenset({"social", "youth", "key"})


def _pupil(token: Any, f: Facts) -> bool:
    """A name whose school or parent is named ("Ellie's mum and dad are worried"), or whose
    worker is, when that person does nothing the worry is about."""
    if token.pos_ != "PROPN" or token.dep_ != "poss" or is_carer_token(token):
        return False
    owner = token.head
    if owner.lemma_.lower() in CHILD_SIDE:
        return True
    return (
        owner.lemma_.lower() == "worker"
        and all(
            c.lower_ in CHILDS_WORKERS for c in owner.children if c.dep_ in ("amod", "compound")
        )
        # (not "Gemma's worker is worried that Gemma might use heroin": an adult's worker)
        and token.lower_ not in _actors(observable_actions(f))
    )


def _named_as_harmed(f: Facts) -> bool:
    """A name that can only be the child: what the carer might do is done to what is theirs
    ("water down Oliwia's milk", "miss Darcy's jabs"), or they are who the impact falls on
    ("Darcy could catch measles") while someone else acts. (The person hit is not enough:
    "Wes might attack Donna" names the mother.)"""
    harm = words("harm_verbs")
    acts = carer_actions(f)
    actors = {c.subject.lower_ for c in acts if c.subject is not None}
    for clause in f.clauses:
        if clause.lemma in harm or clause in acts:
            for token in clause.verb.subtree:
                if (
                    token.pos_ == "PROPN"
                    and token.dep_ == "poss"
                    and token.head.dep_ == "dobj"
                    and token.lower_ not in actors
                    and not is_carer_token(token)
                ):
                    return True
        subject = clause.subject
        if subject is None:
            continue
        # (the impact clause is itself among the "acts": "Darcy could catch measles", and so
        # may a second one be: "Tilly could stop breathing and die"); the child does not act
        # before it ("Niamh might cut deeper ... Niamh could need stitches" is not this)
        others = {
            c.subject.lower_
            for c in acts
            if c.subject is not None and c.subject.lower_ != subject.lower_
        }
        acted_before = any(
            c.subject is not None and c.subject.lower_ == subject.lower_ and c.verb.i < subject.i
            for c in acts
        )
        if (
            others
            and not acted_before
            and subject.pos_ == "PROPN"
            and clause.modals & POSSIBILITY_MODALS
            and not is_carer_token(subject)
        ):
            return True
    return False


def _actors(clauses: list[Clause]) -> set[str]:
    """Who does the clauses' acts, with everyone joined to a subject by "and" ("Leah and
    Jordan keep smoking")."""
    found: set[str] = set()
    for clause in clauses:
        if clause.subject is not None:
            found.add(clause.subject.lower_)
            found.update(c.lower_ for c in clause.subject.conjuncts)
    return found


def has_impact(f: Facts, acts: list[Clause]) -> bool:
    impact = words("impact_words") - words("worry_words")
    worried = worried_party(f)
    skip: set[int] = set()
    if worried is not None:
        skip = {t.i for t in worried.subtree}
    for token in tokens(f.doc):
        if token.i in skip:
            continue
        if token.lemma_.lower() in impact or token.lower_ in impact:
            return True
    first = min((c.verb.i for c in acts), default=-1)
    actors = _actors(acts)
    for clause in f.clauses:
        if clause.verb.i <= first:
            continue
        subject = clause.subject
        if subject is not None and subject.pos_ == "PRON" and clause.modals & POSSIBILITY_MODALS:
            return True  # "... and he could overheat"
        if clause in acts:
            continue
        if subject is not None and (
            f.is_child(subject)
            or subject.lower_ in ("he", "she", "they", "it")
            # "Isla's (6) eczema could get worse": what happens to the child's body
            or (
                clause.modals & (POSSIBILITY_MODALS | {"will"})
                and any(
                    c.dep_ == "poss"
                    and (
                        f.is_child(c)
                        or (c.pos_ == "PROPN" and c.lower_ not in actors and not is_carer_token(c))
                    )
                    for c in subject.subtree
                )
            )
        ):
            return True
    # A sentence after the one that describes the act usually says what it did to the child.
    return bool(acts) and any(s.start > first for s in sentences(f.doc))


# -- danger statements ----------------------------------------------------------------------


def check_danger_worried(context: CheckContext) -> Iterable[Hit]:
    yield from _each(
        context,
        lambda st, f: (
            None
            if worried_party(f) is not None
            else "This danger statement does not say who is worried"
        ),
        "Who is worried? Start with the people or agencies: “Kai's school and children's services are worried that …”",
    )


def check_danger_behaviour(context: CheckContext) -> Iterable[Hit]:
    yield from _each(
        context,
        lambda st, f: (
            None
            # (or an older child's: "Mason (10) might punch Ethan (6) again")
            if carer_actions(f, future=None) or any(_young_doer(c) for c in observable_actions(f))
            else "This danger statement does not say what a carer might do"
        ),
        "Which carer, doing what? “… that when Lee has been drinking he might push Kai …”",
    )


def _child_check(context: CheckContext, kind: str) -> Iterable[Hit]:
    known = document_children(context)
    yield from _each(
        context,
        lambda st, f: (
            None
            if named_child(f, known)
            else f"This {kind} statement does not name the child (or give their age)"
        ),
        "Which child? Name them and give their age: “Kai (7)”.",
    )


def check_danger_child(context: CheckContext) -> Iterable[Hit]:
    yield from _child_check(context, "danger")


def check_danger_impact(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        acts = carer_actions(f)
        if not acts:
            return None  # the missing behaviour is its own finding
        return (
            None
            if has_impact(f, acts)
            else ("This danger statement does not say what could happen to the child")
        )

    yield from _each(
        context,
        test,
        "What could happen to the child? “… and Kai could be badly hurt and scared to be at home.”",
    )


def check_danger_future(context: CheckContext) -> Iterable[Hit]:
    yield from _each(
        context,
        lambda st, f: (
            None
            if f.has_future
            else "This reads as past harm: a danger statement says what could happen in the future if nothing changes"
        ),
        "Frame it as the future: “We are worried that … might … again, and … could …”. Past events go under Harm.",
    )


# Main verbs that foretell no event: an ability, a need, a plan or a bare state.
# "may have a criminal record", "no carers who could be assessed": a possibility, not harm.
MERE_POSSIBILITIES = frozenset({"have", "need", "assess", "ask", "afford"})
NOT_AN_EVENT = MERE_POSSIBILITIES | {"be", "decide", "mean", "struggle", "manage", "cope"}


def _foretold_event(f: Facts) -> Clause | None:
    """The statement's main clause foretells what a person might do or what might happen to
    them ("Iain may turn up drunk and take Calum away", "if Chelsea keeps using, Orla could go
    hungry"): a danger, not a circumstance. Not "may have been drinking" (a guess about the
    past), "may be selling drugs" (about now), or an official step ("will be released"). The
    foretold act involves someone else, or a child, or is the person's own (see
    ``_own_act_foretold``)."""
    official = words("official_passive_verbs")
    for clause in f.clauses:
        verb = clause.verb
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        if (
            not main
            or clause.negated
            or not clause.modals & {"could", "might", "may", "will", "'ll"}
        ):
            continue
        if verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
            continue
        if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            continue  # (its own "could", not one it shares with the clause before "and")
        if clause.lemma in NOT_AN_EVENT or (clause.passive and clause.lemma in official):
            continue
        subject = clause.subject
        if subject is None and verb.dep_ == "conj":
            subject = next(
                (c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None
            )
        if subject is None or not (
            is_person(subject) or f.is_child(subject) or subject.lower_ in ("he", "she", "they")
        ):
            continue
        # a child, or someone else, is in it ("take Calum away", "get into a car with a
        # stranger"): not "Dad will lose his job", a circumstance
        others = [
            t
            for t in _clause_span(verb)
            if t != subject
            and t.dep_ not in ("poss", "nsubj", "nsubjpass")
            # (not a place: "live at a hostel in Leeds")
            and not (t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "near", "from"))
            and (is_person(t) or f.is_child(t))
        ]
        aged = {t.lower_ for t in tokens(f.doc) if has_child_age_after(t)}  # "Orla (2)"
        if not (others or subject.lower_ in aged or is_child_token(subject)) and not (
            _own_act_foretold(f, clause)
        ):
            continue
        # and it is feared, not planned: a "could" or "might" somewhere, or harm itself
        # ("Dad will snatch the children"; not "Gran will look after Calum")
        if clause.lemma in words("harm_verbs") | {"snatch"} or any(
            c.modals & {"could", "might", "may"} for c in f.clauses
        ):
            return clause
    return None


# Foretold, but not harm: "could lose their home", "could wait ages", "could help".
NOT_FORETOLD = NOT_AN_EVENT | {
    "lose",
    "wait",
    "help",
    "mind",
    "offer",
    "take",
    "explain",
    "make",
    "affect",
    "impact",
    "follow",
    "read",
    "understand",
    "get",
}
# Whose fear or words a prediction is ("she worries she could be struck off").
FEARED_BY = frozenset({"say", "tell", "worry", "fear", "think", "believe", "feel", "know", "hear"})
# An adult's official fate ("could be sent back to prison", "could be detained").
SENT_AWAY = frozenset({"send", "detain", "remand", "evict", "deport"})


def _own_act_foretold(f: Facts, clause: Clause) -> bool:
    """What the person could or might do or suffer themselves ("Lachie could get out and
    drown", "Kerry could forget Ellie's insulin again"), in a statement about a child or with
    an impact. Not a circumstance ("could lose their home"), an official step ("could be sent
    back to prison") or someone's own fear ("she worries she could be struck off")."""
    verb = clause.verb
    if not clause.modals & {"could", "might"} or any(
        a.lemma_.lower() in FEARED_BY for a in verb.ancestors
    ):
        return False
    if clause.passive and clause.lemma in SENT_AWAY:
        return False
    # (its own verb or the one joined to it: "could get out and drown")
    acts = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if all(v.lemma_.lower() in NOT_FORETOLD for v in acts):
        return False
    return (
        named_child(f)
        or any(is_child_token(t) for t in tokens(f.doc))
        or any(v.lemma_.lower() in words("harm_verbs") for v in acts)
        or has_impact(f, carer_actions(f))
    )


def _clause_span(verb: Any) -> list[Any]:
    """The verb's words, and those of verbs joined to it by "and" (its second clause)."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    return [t for head in heads for t in head.subtree]


AS_DANGER = (
    "This complicating factor is written as a danger statement; move it or say what makes the "
    "worry harder to solve"
)


def check_complicating_as_danger(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        if not f.has_future:
            return None
        # (not "may have been groomed online": a guess about the past)
        predicted = [
            c
            for c in f.clauses
            if c.modals & {"could", "might", "may"}
            and not c.negated
            and not any(a.dep_ == "aux" and a.lemma_ == "have" for a in c.verb.children)
        ]
        harm = words("harm_verbs") | {"harm"}
        # "Dad might hit Sami (3) again", "the children could be seriously hurt": a prediction
        # of harm to a child is the danger itself
        foretells_harm = any(c.lemma in harm for c in predicted) and (
            named_child(f) or any(is_child_token(t) for t in tokens(f.doc))
        )
        # "Ama could be hurt again if Kwame goes back to his flat": harm foretold for someone
        # named is the danger. (Not a carer's own risk, "Dad could be hurt", nor one with its
        # doer named, "attacked by the men he owes"; _foretold_event may still find those.)
        foretells_harm = foretells_harm or any(
            c.lemma in harm
            and c.passive
            and c.agent is None
            and c.subject is not None
            and is_person(c.subject)
            and not is_carer_token(c.subject)
            for c in predicted
        )
        # "Andre will hit Kofi again if he keeps drinking": someone will harm a person
        will_harm = [
            c
            for c in f.clauses
            if c.modals & {"will", "'ll"}
            and not c.negated
            and not c.passive
            and c.lemma in harm
            and any(d.dep_ == "dobj" and is_person(d) for d in c.verb.children)
        ]
        if will_harm:
            foretells_harm, predicted = True, will_harm
        predicted = [c for c in predicted if c.lemma not in MERE_POSSIBILITIES]
        if _foretold_event(f) is not None:
            return AS_DANGER
        if (
            not foretells_harm
            and worried_party(f) is None
            and not (named_child(f) and has_impact(f, carer_actions(f)))
        ):
            return None
        if not predicted:
            return None
        return AS_DANGER

    yield from _each(
        context,
        test,
        "What circumstance makes the worry harder to resolve (money, housing, health, history)?",
    )


# -- safety goals ---------------------------------------------------------------------------


# "Keep a diary" is how people will know; "keep Wayne out of the house" is the behaviour itself.
KEPT_RECORDS = frozenset(
    {"diary", "log", "record", "note", "chart", "list", "calendar", "book", "track", "count", "eye"}
)


def _observing(clause: Clause) -> bool:
    """A clause that checks or reports rather than acts ("Gran will ring the social worker",
    "the health visitor will weigh Jack every two weeks")."""
    if clause.lemma in MEASURING:
        return (
            not clause.passive
            and clause.subject is not None
            and clause.subject.lemma_.lower() in words("professional_roles")
        )  # (not "he will be weighed every Thursday": weighed by whom?)
    if clause.lemma not in words("observation_verbs"):
        return False
    if clause.lemma == "keep":
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in KEPT_RECORDS for c in clause.verb.children
        )
    return True


MEASURING = frozenset({"weigh", "measure"})


def goal_clauses(f: Facts) -> list[Clause]:
    """What the goal asks people to do (not who checks it)."""
    return [
        c
        for c in observable_actions(f)
        if not (c.passive and c.agent_person is None) and not _observing(c)
    ]


def check_goal_actor(context: CheckContext) -> Iterable[Hit]:
    professional = words("professional_roles")

    def family_member(token: Any) -> bool:
        if token.lower_ in ("i", "we") and any(
            c.dep_ == "appos" and is_person(c) and c.lemma_.lower() not in professional
            for c in token.children
        ):
            return True  # "I, Auntie Funmi, will have Deji to stay": a carer writing her part
        return is_person(token) and token.lemma_.lower() not in professional

    def test(st: Statement, f: Facts) -> str | None:
        hidden = [
            c
            for c in f.clauses
            if c.passive
            and c.agent_person is None
            and c.subject is not None
            and is_person(c.subject)
            and c.lemma not in words("official_passive_verbs")
        ]
        if hidden:
            # "Emilija will be supervised in the bath": who will supervise her?
            return "This goal does not say who will do it"
        for clause in observable_actions(f):
            if clause.passive:
                if clause.agent_person is not None and family_member(clause.agent_person):
                    return None
                continue
            if clause.subject is not None and family_member(clause.subject):
                return None
        if not observable_actions(f):
            return None  # no behaviour at all: reported as non-behavioural
        if any(
            not c.passive and c.subject is not None and family_member(c.subject) for c in f.clauses
        ):
            return None  # "Siobhan will comply with ...": the actor is named; what she will
            # do is the problem (SOS715, SOS503)
        return "This goal does not say who in the family or network will do it"

    yield from _each(context, test, "Who will do this? Name the parent or network member.")


def check_goal_absence(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        acts = [c for c in f.clauses if c.verb.pos_ == "VERB" and c.lemma not in ("be", "have")]
        if not acts:
            return None

        def absent(c: Clause) -> bool:
            stopped = (
                c.verb.dep_ in ("xcomp", "ccomp", "prt")
                and c.verb.head.lemma_.lower() in GOAL_ABSENCE_VERBS
            )
            return c.negated or c.lemma in GOAL_ABSENCE_VERBS or _no_longer(c) or stopped

        observable = observable_actions(f)
        positive = [c for c in acts if not absent(c) and c in observable]
        if any(absent(c) for c in acts) and not positive:
            return "This goal only says what will stop; say what the person will be doing instead"
        return None

    yield from _each(
        context,
        test,
        "What will they do instead? “Whenever Lee wants a drink, he will go to his brother's flat.”",
    )


def _no_longer(clause: Clause) -> bool:
    return any(
        t.lower_ in ("longer", "more") and t.head == clause.verb for t in clause.verb.subtree
    )


def _being_there(clause: Clause) -> bool:
    """ "will be at home with Kojo every evening", "will be the sober adult": being present is
    something others can see, as is where a child lives ("will live with Nani"), being home
    by a time ("will be home by 8pm") and having the children somewhere ("will have Ella and
    Finn at his flat from 10am to 4pm", "will have Logan at the school gate by 8:50")."""
    if clause.lemma not in ("be", "live", "have") or clause.subject is None:
        return False
    if not is_person(clause.subject):
        return False
    verb = clause.verb
    if clause.lemma == "have":
        held = [c for c in verb.children if c.dep_ == "dobj" and is_person(c)]
        return bool(held) and any(
            p.dep_ == "prep"
            and p.lower_ in ("at", "in")
            and not any(o.lemma_.lower() in ("care", "mind") for o in p.children)
            for p in (*verb.children, *(c for h in held for c in h.children))
        )  # (the parse may hang "at the school gate" on the child; "in her care" is a state)
    if clause.lemma == "live":  # "will live with Nani", "at his brother's flat" (not "will
        # live in a happy home")
        return any(
            p.dep_ == "prep"
            and (p.lower_ == "at" or (p.lower_ == "with" and any(is_person(o) for o in p.children)))
            for p in verb.children
        )
    # "will be home by 8pm" (not "will be home more", "back to her old self")
    by_a_time = any(t.like_num or t.lower_ in CLOCK_WORDS for t in verb.subtree)
    return any(
        (c.dep_ == "prep" and c.lower_ in ("at", "with", "in", "there"))
        or (c.dep_ == "attr" and c.pos_ == "NOUN")
        or (c.dep_ == "advmod" and c.lower_ in ("home", "indoors") and by_a_time)
        for c in verb.children
    )


CLOCK_WORDS = frozenset({"pm", "am", "bedtime", "teatime", "dark", "curfew", "midnight"})


# Telling others about it is how everyone will know, not the goal's behaviour; checking on a
# child or watching them is.
COMMUNICATION = frozenset(
    {
        "tell",
        "report",
        "let",
        "confirm",
        "show",
        "ring",
        "phone",
        "call",
        "text",
        "email",
        "message",
        "say",
        "share",
        "update",
        "log",
        "note",
        "record",
        "know",
    }
)


def check_goal_behaviour(context: CheckContext) -> Iterable[Hit]:
    observe = COMMUNICATION

    def test(st: Statement, f: Facts) -> str | None:
        if not f.clauses:
            return None
        doing = [c for c in observable_actions(f) if c.lemma not in observe]
        if doing or any(_being_there(c) for c in f.clauses):
            return None
        if any(is_abstract_safety(c) for c in f.clauses):
            # "will ensure the children's needs are met": a result, whatever else is missing
            return "This goal names a result, not something anyone will be seen doing"
        if any(c.passive and c.agent_person is None for c in f.clauses):
            return None  # the missing actor is its own finding
        if any(is_compliance(c) for c in f.clauses):
            return None  # service compliance in place of behaviour: SOS503 says so
        return "This goal names a result, not something anyone will be seen doing"

    yield from _each(
        context,
        test,
        "What will the person be doing that everyone can see? “Dwayne will go for a walk when he feels angry.”",
    )


def check_goal_timeframe(context: CheckContext) -> Iterable[Hit]:
    yield from _each(
        context,
        lambda st, f: None if f.has_time else "This goal does not say for how long or how often",
        "For how long, or how often? “Every evening for the next six months …”",
    )


def _done_with_an_adult(verb: Any, f: Facts, actors: set[str]) -> bool:
    """The goal's act is done "with" another adult, who is there to see it."""
    return any(
        p.dep_ == "prep"
        and p.lower_ == "with"
        and any(
            o.dep_ == "pobj"
            and o.pos_ != "PRON"
            and is_person(o)
            and not f.is_child(o)
            and o.lower_ not in actors
            for o in p.children
        )
        for p in verb.children
    )


def check_goal_check(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        actors = {c.subject.lower_ for c in goal_clauses(f) if c.subject is not None}
        for clause in f.clauses:
            if _observing(clause):
                return None
            if (
                clause.subject is not None
                and clause.subject.lower_ not in actors
                and clause.verb.pos_ == "VERB"
                and len(actors) >= 1
                and clause.subject.lower_ not in ("it", "this")
            ):
                return None
        if re.search(r"\b(?:diary|chart|register|log|record|report|visits?)\b", f.text, re.I):
            return None
        if any(_done_with_an_adult(c.verb, f, actors) for c in goal_clauses(f)):
            return None  # "Joanne will count her tablets with Evie's aunt Rose": Rose sees it
        return "This goal does not say how everyone will know it is happening"

    yield from _each(
        context,
        test,
        "How will everyone know? Who will see it, and what will the child notice or say?",
    )


# -- harm -----------------------------------------------------------------------------------


# What an account of harm may have a person do that is not the harm: "Kacper sustained a
# burn" (the lexicon's hiding verbs), "the parents have not given an explanation".
ACCOUNTS = frozenset({"explanation", "account", "reason"})


def _does_the_harm(clause: Clause) -> bool:
    if clause.lemma in words("hiding_verbs"):
        return False
    # ("has given no explanation": what they say, not what they did)
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in ACCOUNTS for c in clause.verb.children)


def _admitted_harm(clause: Clause, f: Facts) -> bool:
    """An adult who "admitted smacking" or "admitted that she had pushed" a child (not "Mum
    admitted that Kai had been hit", which still hides who did it)."""
    subject = clause.subject
    if clause.lemma != "admit" or subject is None or not is_person(subject):
        return False
    if f.is_child(subject):
        return False
    for t in clause.verb.subtree:
        if t.i <= clause.verb.i or t.pos_ != "VERB" or t.lemma_.lower() not in words("harm_verbs"):
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children):
            continue  # a passive: the doer is not named
        doer = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if doer is None or doer.lower_ == subject.lower_ or doer.lower_ in ("he", "she", "they"):
            return True
    return False


def check_harm_doer(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        if any(_does_the_harm(c) for c in carer_actions(f)):
            return None
        if any(c.passive and c.agent_person is not None for c in f.clauses):
            return None  # "kicked by his stepbrother, Liam (17)": a named doer, even a child
        if any(_admitted_harm(c, f) for c in f.clauses):
            return None  # "Marcus admitted smacking Tyler on the legs": Marcus did it
        if any(_young_doer(c) or _young_controller(c) for c in observable_actions(f)) or any(
            _young_risk_taker(c, f) for c in f.clauses
        ):
            return None  # "Callum (14) punched his dad", "Amira (13) has cut her arms"
        return "This harm statement does not say who did it"

    yield from _each(context, test, "Who did it? Name the person: “On 2 June Lee pushed Kai …”")


# What a young person does to someone (or to themselves) that is the harm itself.
DOING_TO = frozenset(
    {"give", "send", "pay", "share", "post", "supply", "sell", "blackmail", "pressure"}
    | {"pressurise", "pressurize", "stalk", "film", "photograph"}
)


def _young_doer(clause: Clause) -> bool:
    """A named person who did the harm to a person or a body ("punched his dad", "cut her
    arms", "sent a photo of Tia"), whoever they are: the carer checks leave out children,
    and this is how a child or young person who did the harm is still found."""
    subject = clause.subject
    verb = clause.verb
    if (
        clause.passive
        or subject is None
        or subject.pos_ == "PRON"
        or not is_person(subject)
        or verb.tag_ == "VBG"
        or verb.dep_ not in ("ROOT", "conj", "ccomp")
        or not (
            clause.lemma in words("harm_verbs")
            or clause.lemma in DOING_TO
            or clause.lemma in YOUNG_HARM
        )
    ):
        return False
    done_to = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    done_to += [o for c in done_to for p in c.children if p.lower_ == "of" for o in p.children]
    return any(is_person(t) or t.lemma_.lower() in BODY or _private_parts(t) for t in done_to)


# What a child may do to another child, or to themselves, that is harm only in that light:
# "touched her private parts", "banged her head against the wall", "kissed Amelia".
YOUNG_HARM = frozenset({"touch", "bang", "scratch", "kiss", "grope", "starve"})


def _private_parts(token: Any) -> bool:
    return token.lemma_.lower() == "part" and any(
        c.dep_ == "amod" and c.lower_ == "private" for c in token.children
    )


# What a young person may do that is the harm to themselves or others when they are its doer:
# "Connor (14) inhaled nitrous oxide", "Kayden (9) set fire to his curtains", "Zara (15) got
# drunk at a party", "came home drunk and punched the glass in the back door".
RISKY_ACTS = frozenset(
    {"drink", "inhale", "snort", "smoke", "vape", "inject", "punch", "kick", "smash", "steal"}
)
TAKEN_RISKS = frozenset({"take", "use", "swallow", "buy"})  # with a drug or a lighter
RISKY_THINGS = frozenset(
    {"ketamine", "cocaine", "cannabis", "weed", "drug", "drugs", "pill", "pills", "line"}
    | {"lines", "ecstasy", "mdma", "spice", "heroin", "vodka", "alcohol", "lighter", "lighters"}
    | {"matches", "balloons", "canisters", "tablets", "paracetamol", "overdose", "painkillers"}
)


# Below this age a child's "own" risky act is what their carers let happen ("Kai (2) drank
# methadone from a bottle on the table").
OWN_RISK_AGE = 6


def _young_risk_taker(clause: Clause, f: Facts) -> bool:
    """A named child or young person whose own risky act is the harm: they are its doer."""
    subject = clause.subject
    verb = clause.verb
    if subject is None and verb.dep_ == "conj":  # "came home drunk and punched the glass"
        subject = next((c.subject for c in f.clauses if c.verb == verb.head), None)
    if (
        clause.passive
        or clause.negated
        or subject is None
        or not (f.is_child(subject) or has_child_age_after(subject))
        or verb.dep_ not in ("ROOT", "conj", "ccomp")
    ):
        return False
    age = age_after(subject)
    if age is not None and age < OWN_RISK_AGE:
        return False  # "Kai (2) drank methadone from a bottle on the table": left within reach
    lemma = clause.lemma
    if lemma in RISKY_ACTS:
        return True
    if lemma in TAKEN_RISKS:
        return any(
            t.lemma_.lower() in RISKY_THINGS or t.lower_ in RISKY_THINGS
            for c in verb.children
            if c.dep_ == "dobj"
            for t in c.subtree
        )
    if lemma == "set":  # "set fire to the bins"
        return any(t.lower_ == "fire" for t in verb.subtree)
    return lemma == "get" and any(c.lower_ in ("drunk", "high", "stoned") for c in verb.children)


def _young_controller(clause: Clause) -> bool:
    """ "Marcus (16) made Jasmine (15) video-call him": a named young person making another
    do something. (The small model reads "Jake called Ellie names" as "Jake, called Ellie",
    so name-calling is not found this way.)"""
    subject = clause.subject
    verb = clause.verb
    if clause.passive or subject is None or subject.pos_ == "PRON" or not is_person(subject):
        return False
    return clause.lemma == "make" and any(
        c.dep_ in ("ccomp", "xcomp")
        and any(
            s.dep_ == "nsubj"
            and (is_person(s) or (s.lower_ in REFLEXIVES and s.lower_ != "itself"))
            for s in c.children
        )
        for c in verb.children
    )


def check_harm_child(context: CheckContext) -> Iterable[Hit]:
    yield from _child_check(context, "harm")


def check_harm_when(context: CheckContext) -> Iterable[Hit]:
    yield from _each(
        context,
        lambda st, f: (
            None if f.has_time else "This harm statement does not say when or how often it happened"
        ),
        "When did it happen, or how often? “On 2 June …”, “three times since March …”",
    )


def check_harm_impact(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        acts = carer_actions(f)
        if not acts:
            return None
        return (
            None
            if has_impact(f, acts)
            else "This harm statement does not say what it did to the child"
        )

    yield from _each(
        context, test, "What was the effect on the child (hurt, frightened, missed school …)?"
    )


# -- existing safety ------------------------------------------------------------------------


QUALITY_VERBS = frozenset(
    {
        "love",
        "care",
        "want",
        "wish",
        "hope",
        "adore",
        "value",
        "cherish",
        "like",
        "enjoy",
        "support",
        "try",
        "mean",
    }
)


def _states_a_quality(f: Facts) -> bool:
    """ "Gran loves the children", "Dad is supportive", "Mum has been protective of Leah"."""
    for clause in f.clauses:
        subject = clause.subject
        if subject is None or not is_person(subject):
            continue
        if clause.lemma in QUALITY_VERBS:
            return True
        if clause.lemma in ("be", "seem", "appear", "become", "remain") and any(
            c.dep_ in ("acomp", "attr") for c in clause.verb.children
        ):
            return True
    return False


def check_safety_action(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        actions = observable_actions(f)
        doing = [c for c in f.clauses if c.subject is not None and is_person(c.subject)]
        if doing and all("will" in c.modals or "'ll" in c.modals for c in doing):
            return "This is a plan for the future, not a protective action that has happened: it belongs in the goals or next steps"
        if actions:
            return None
        if any(is_abstract_safety(c) or is_hypothetical(c) for c in f.clauses) or any(
            t.lower_ == "factor" and any(c.lower_ == "protective" for c in t.children)
            for t in tokens(f.doc)
        ):
            # "Dad has shown he can keep Rowan safe", "Nain would never let anything happen"
            return "This is a verdict on safety, not a protective action that happened: say what the person did, and when"
        if any(t.dep_ == "expl" for t in tokens(f.doc)) and any(
            t.lower_ in ("no", "not") for t in tokens(f.doc)
        ):
            # "There have been no further incidents since the last review"
            return "This says what has not happened, not what anyone did to keep the child safe"
        if not _states_a_quality(f):
            return None
        return "This describes a quality, not a protective action that happened: it is a strength, not safety"

    yield from _each(
        context,
        test,
        "What did the person actually do, when the danger was present, to keep the child safe? If nothing yet, move it to strengths.",
    )


# Since when, or over what stretch, protective action has been seen: a habit alone ("Gran has
# the children whenever Dad drinks", "always checks his phone") does not say for how long.
_SAFETY_SPAN = re.compile(
    r"\b(?:since|throughout|so far|to date|until now|ago|(?:19|20)\d\d"
    r"|(?:for|over|during|in|within)\s+(?:the\s+)?(?:last|past|previous|first)\b"
    r"|(?:for|over|during|in)\s+(?:the\s+)?(?:\w+\s+)?(?:days?|nights?|weeks?|weekends?|months?|years?|terms?|summer|holidays?)"
    r"|last\s+(?:night|week|weekend|month|year|term|summer|winter|spring|autumn|review|meeting|visit)"
    r"|this\s+(?:week|month|year|term)"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|all)\s+(?:times|occasions)"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
    r"|(?:january|february|march|april|june|july|august|september|october|november|december)"
    r"|(?:in|on|since|from|until|by|early|late|mid|end of)\s+may|may\s+(?:19|20)\d\d"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+may"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
    r"|christmas|easter|half[- ]term|summer holidays?|\d{1,2}[/.]\d{1,2})\b",
    re.I,
)


def check_safety_when(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        if not f.clauses or _SAFETY_SPAN.search(f.text):
            return None
        if f.has_time:
            return "This existing safety says how often but not since when, so nobody can tell how long it has held"
        return "This existing safety does not say when it happened or for how long"

    yield from _each(context, test, "Since when, and how often? “Since March, every time …”")


def check_safety_actor(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        hidden = [
            c
            for c in f.clauses
            if c.passive
            and c.agent_person is None
            and c.subject is not None
            and c.lemma not in words("official_passive_verbs")
        ]
        if not hidden:
            return None
        # "Since January, Phoebe has been kept away from her stepdad whenever he has been
        # drinking": the protective act is the main clause; the stepdad's drinking is the
        # danger it answers, not who protected her.
        main = [c for c in hidden if c.verb.dep_ == "ROOT" and not c.negated]
        if observable_actions(f) and not main:
            return None
        return "This existing safety does not say who did the protective action"

    yield from _each(
        context,
        test,
        "Who did it? “Since 3 April, Gran has collected Idris from nursery every day.”",
    )


# -- next steps -----------------------------------------------------------------------------


# "Dad to book the course by Friday", "Mum and Dad will ring": but not "Lily will be taken".
_NOTE_STYLE = re.compile(
    r"\s*[A-Z][\w'’-]*(?:\s+(?:and|&)\s+[A-Z][\w'’-]*)?\s+(?:to|will)\b(?!\s+be\b)"
)


def check_next_step_owner(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        # The step itself is what will happen; "Lukas has asked to talk to someone" before it
        # is the reason, so when the statement has future clauses only those are read.
        future = [c for c in f.clauses if c.modals & FUTURE_MODALS or _in_future_clause(c)]
        for clause in future or f.clauses:
            if clause.passive:
                if clause.agent_person is not None:
                    return None
                continue
            subject = clause.subject
            if subject is not None and is_person(subject):
                return None
        if _NOTE_STYLE.match(f.text):
            return None  # note style: "Dad to book the course by Friday"
        return "This next step does not say who will do it"

    yield from _each(context, test, "Who will do it? Name the person.")


LOOSE_DEADLINE_WORDS = re.compile(rf"\b{LOOSE_DEADLINE_PHRASES}\b", re.IGNORECASE)


# Time words that promise no date: "in the next few weeks", "over the coming months", "soon".
# ("as soon as Dad comes home" is a trigger, not a deadline, and is left alone.)
_LOOSE_TIMES = re.compile(
    r"\b(?:in|over|within|during)\s+the\s+(?:next|coming|following)\s+"
    r"(?:few\s+|couple\s+of\s+|several\s+)?(?:days|weeks|months)\b"
    r"|\b(?:some\s*time|at\s+some\s+point)(?:\s+soon)?\b|(?<!\bas\s)\bsoon\b(?!\s+as\b)|\bshortly\b"
    r"|\bin\s+the\s+near\s+future\b",
    re.IGNORECASE,
)


def check_next_step_deadline(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        loose_time = _LOOSE_TIMES.search(f.text)
        firm = _LOOSE_TIMES.sub(" ", f.text) if loose_time else f.text
        if _DEADLINE.search(firm) or (mentions_time(firm) if loose_time else f.has_time):
            return None
        loose = LOOSE_DEADLINE_WORDS.search(f.text) or loose_time
        if loose:
            # (the vague-time check leaves "ASAP" and "in due course" to this one in a next step)
            return f"“{loose.group(0)}” is not a date: this next step does not say by when"
        return "This next step does not say by when"

    yield from _each(context, test, "By when? Give a date: “by Friday 14 June”.")


# -- scaling --------------------------------------------------------------------------------


def check_scale_ends(context: CheckContext) -> Iterable[Hit]:
    """Section scope: somewhere in the scaling section, 0 and 10 are given a meaning."""
    text = " ".join(st.text for st, _ in context.items)
    defines = [
        st
        for st, _ in context.items
        if re.search(r"\b(?:0|10|zero|ten)\b", st.text)
        and (
            _ZERO_END.search(st.text)
            or _TEN_END.search(st.text)
            or re.search(r"\bscal", st.text, re.I)
        )
    ]
    if not context.items:
        return
    if _ZERO_END.search(text) and _TEN_END.search(text):
        return
    if not defines and context.section is not None and context.section.heading is None:
        return  # one score on its own (a batch record): only its reason can be checked
    target = defines[0] if defines else context.items[0][0]
    yield _hit(
        target,
        "The scale does not say what 0 and 10 mean",
        "Say what 0 and 10 mean for this family: “0 means Kai cannot live at home; 10 means everyone knows he is safe enough to close the case.”",
    )


SCORING = frozenset({"score", "scale", "rate", "give", "put", "agree", "place", "mark"})


def check_score_reason(context: CheckContext) -> Iterable[Hit]:
    def test(st: Statement, f: Facts) -> str | None:
        text = f.text
        scrubbed = _ZERO_END.sub(" ", _TEN_END.sub(" ", text))
        if not _SCORE.search(scrubbed):
            return None
        if (
            re.search(r"\b(?:0|zero)\b.*\b(?:10|ten)\b", text)
            and (_ZERO_END.search(text) or _TEN_END.search(text))
            and not re.search(
                r"\b(?:gave|scored|rated|put|chose|said|says|thinks?|feels?|gives?|is at|are at)\b",
                text,
                re.I,
            )
        ):
            return None  # a definition of the scale, not a score
        after_score = _NOT_REASON.sub("", scrubbed.split(_SCORE.search(scrubbed).group(0), 1)[-1])
        if _VERDICT_ON_SCORE.search(after_score) and not re.search(
            r"\b(?:because|said|says|saying)\b", after_score, re.I
        ):
            return "This score gives the writer's view of it, not why the person gave it"
        next_sentence = re.match(r"\s*\.\s+([A-Z].*)", after_score)
        has_reason = (
            bool(_REASON.search(after_score))
            or any(not _ANOTHER_SCORE.search(str(sent)) for sent in sentences(f.doc)[1:])
            # ("Head teacher: 7. Ewan has been in every day", which the parse keeps as one)
            or (next_sentence is not None and not _ANOTHER_SCORE.search(next_sentence.group(1)))
        )  # ("Mum scored 7. Dad did not give a number." gives no reason)
        has_whose = (
            bool(f.people)
            or bool(re.match(r"\s*[A-Z][\w '’-]{1,30}:", text))
            # "The dietitian scored 4", "Everyone agreed a 4": someone gave it
            or any(
                c.lemma in SCORING
                and c.subject is not None
                and not c.passive
                # (a person or a role, not "It scores a 6" or "That gives a 4")
                and c.subject.lower_ not in ("it", "this", "that", "which", "what")
                for c in f.clauses
            )
        )
        if has_whose and has_reason:
            return None
        missing = " and ".join(
            p for p, ok in (("whose score it is", has_whose), ("why", has_reason)) if not ok
        )
        return f"This score does not say {missing}"

    yield from _each(
        context,
        test,
        "Whose number is it, and why? “Gran: 6, because Kai has slept at hers every night Lee drank since March.”",
    )
