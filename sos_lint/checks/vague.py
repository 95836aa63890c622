"""Vague wording that a word list cannot catch on its own: a part of a child's care graded
with a verdict ("Mia's attendance has been poor", "his sleep is a worry", "couldn't look after
you properly") and no figure or description of what was seen, and a change claimed with a bare
"more", "less" or "better" ("getting Leo to nursery more", "managing his drinking better"); and a
worry about someone's safety or wellbeing that does not say what might happen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sos_lint.checks.analysis import MONTHS, Clause, facts, is_person, words
from sos_lint.engine.runner import CheckContext, Hit
from sos_lint.models import Suggestion
from sos_lint.nlp import tokens

# Verbs that link a thing to its grade: "is poor", "remains a concern", "seems better".
LINKING = frozenset({"be", "remain", "seem", "appear", "look", "continue", "stay"})


def _grade(clause: Clause) -> Any | None:
    """The grade given to the clause's subject, through "continues to be" or "seems to be"."""
    verbs = [clause.verb, *(c for c in clause.verb.children if c.dep_ == "xcomp")]
    grades = words("grade_words")
    for verb in verbs:
        for c in verb.children:
            if c.dep_ in ("acomp", "attr", "oprd") and (
                c.lemma_.lower() in grades or c.lower_ in grades
            ):
                return c
    return None


def _graded(doc: Any) -> Iterable[tuple[Any, Any, Any]]:
    aspects = words("graded_aspects")
    for clause in facts(doc).clauses:
        subject = clause.subject
        if (
            subject is None
            or clause.lemma not in LINKING
            or not (subject.lemma_.lower() in aspects or subject.lower_ in aspects)
        ):
            continue
        grade = _grade(clause)
        if grade is None:
            continue
        if any(t.like_num or t.text == "%" for t in clause.verb.sent):
            continue  # "attendance is poor: 31 of 60 days": the figure says how poor
        yield subject, clause.verb, grade


# Caring acts graded with "properly" ("couldn't look after you properly", "not fed properly").
CARE_VERBS = frozenset(
    {"look", "care", "feed", "supervise", "parent", "wash", "dress", "clean", "change", "bath"}
)
GRADING_ADVERBS = frozenset({"properly", "adequately"})


def _graded_care(doc: Any) -> Iterable[tuple[Any, Any]]:
    for token in tokens(doc):
        if (
            token.dep_ == "advmod"
            and token.lower_ in GRADING_ADVERBS
            and token.head.lemma_.lower() in CARE_VERBS
            # done to someone ("fed properly", "look after you properly"); not the baby's own
            # "could not feed properly"
            and any(
                c.dep_ in ("dobj", "auxpass", "nsubjpass")
                or (c.dep_ in ("prep", "prt") and c.lower_ == "after")  # "look after"
                or (c.dep_ == "prep" and c.lower_ == "for" and c.head.lemma_ == "care")
                for c in token.head.children
            )
        ):
            yield token.head, token


# Everyday acts whose change is claimed with a bare comparative and no measure: "managing his
# drinking better", "getting Leo to nursery more", "drinking less". Outcomes a reader can picture
# on their own ("sleeping better", "smiles more") are not here.
COMPARED_ACTS = frozenset(
    {
        "manage",
        "cope",
        "drink",
        "smoke",
        "use",
        "get",
        "take",
        "go",
        "attend",
        "stay",
        "engage",
        "supervise",
        "parent",
        "handle",
        "deal",
        "communicate",
        "listen",
        "visit",
        "keep",
        "be",
        "work",
        "try",
        "prioritise",
        "prioritize",
        "gamble",
        "bet",
    }
)
COMPARATIVES = frozenset({"more", "less", "better", "worse"})
# Sections where "more" is the feared harm ("Ava could have more broken ribs") or a child's voice.
UNMEASURED_SKIP = frozenset(
    {"danger_statement", "words_and_pictures", "house_of_worries", "house_of_good_things"}
)


def _unmeasured_change(doc: Any) -> Iterable[tuple[Any, Any]]:
    for token in tokens(doc):
        if token.dep_ != "advmod" or token.lower_ not in COMPARATIVES:
            continue
        verb = token.head
        # the parser often hangs a clause-final "more" on the nearest noun or preposition
        # ("getting Leo to nursery more", "smoking less around the baby"): climb to the verb
        while verb.pos_ in ("NOUN", "PROPN", "PRON", "ADP", "PART") and verb.head != verb:
            verb = verb.head
        if not (verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in COMPARED_ACTS):
            continue
        if any(c.lower_ in ("no", "any") for c in token.lefts):
            continue  # "not any more", "no more"
        if any(t.lower_ == "than" for t in verb.subtree):
            continue  # "more than twice a week": measured against something
        if verb.lemma_ == "get" and not any(
            c.dep_ in ("dobj", "prep", "prt") for c in verb.children
        ):
            continue  # "Daddy gets better": recovering, not an act
        if any(t.like_num for t in verb.sent):
            continue  # a figure nearby says how much
        between = [t.lower_ for t in doc[verb.i + 1 : token.i]]
        if verb.lemma_.lower() in ("manage", "do", "go", "get") and between in ([], ["on"]):
            continue  # "managing better", "getting on better": already vague quality words
        yield verb, token


# A part of a child's care said to have changed, with no before and after: "Logan's attendance
# has improved since the meeting", "his emotional wellbeing has deteriorated".
CHANGE_VERBS = frozenset({"improve", "deteriorate", "worsen", "decline", "slip", "dip"})
CHANGED_ASPECTS = frozenset({"wellbeing", "well-being", "capacity", "behaviour", "behavior"})


def _date_or_age(token: Any) -> bool:
    """ "on 3 May", "(7)": a number that dates or ages, not one that measures."""
    doc = token.doc
    near = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(t.lower_ in MONTHS or t.text in ("(", ")") for t in near)


def _explains(token: Any) -> bool:
    """A colon, a dash between spaces or "now": what follows says what the change was."""
    spaced_dash = token.text in ("-", "–", "—") and bool(token.whitespace_)
    return token.text in (":", ";") or spaced_dash or token.lower_ == "now"


def _unmeasured_aspect_change(doc: Any) -> Iterable[tuple[Any, Any]]:
    aspects = words("graded_aspects") | CHANGED_ASPECTS
    for clause in facts(doc).clauses:
        subject = clause.subject
        if (
            clause.passive
            or clause.negated  # ("has not improved": no change claimed)
            or clause.lemma not in CHANGE_VERBS
            or subject is None
            or subject.lemma_.lower() not in aspects
        ):
            continue
        if any(
            c.dep_ == "advcl" and any(m.lower_ in ("when", "whenever", "if") for m in c.children)
            for c in clause.verb.children
        ):
            continue  # "her parenting improves when her sister is around": says when
        sent = clause.verb.sent
        if any((t.like_num and not _date_or_age(t)) or t.text == "%" for t in sent):
            continue  # "attendance has improved from 61% to 94%"
        if any(_explains(t) for t in sent if t.i > clause.verb.i):
            continue  # "his sleep has improved: he now sleeps in his own bed": said what changed
        yield subject, clause.verb


# A person said to be, or to have become, more of something: "has been more open".
BECOMING = frozenset({"be", "become", "get"})
# What a person knows or is able to do is SOS502's (or a plain fact): "more aware", "more able".
NOT_GRADES = frozenset({"aware", "conscious", "insightful", "able", "likely", "willing", "ready"})
HEDGED = frozenset({"seemingly", "apparently", "reportedly", "supposedly"})
REPORTED_BY = frozenset({"say", "tell", "report", "feel", "think", "describe", "notice"})


def _unmeasured_person_change(doc: Any) -> Iterable[tuple[Any, Any, Any]]:
    """ "Tia has been more open with professionals", "Dad has been much more engaged": a
    person said to be more (or less) of something, with nothing to say what they now do."""
    for clause in facts(doc).clauses:
        subject = clause.subject
        if (
            clause.lemma not in BECOMING
            or clause.negated
            or subject is None
            or not is_person(subject)
        ):
            continue
        verb = clause.verb
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTED_BY:
            continue  # "his teacher says he is more settled": someone's report, not a grade
        if (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("seem", "appear", "look")) or any(
            c.lower_ in HEDGED for c in verb.children
        ):
            continue  # "appears to have been more patient": the hedge is the fault to fix
        for quality in verb.children:
            if quality.dep_ not in ("acomp", "xcomp") or quality.pos_ not in ("ADJ", "VERB"):
                continue
            degree = next(
                (
                    c
                    for c in quality.children
                    if c.dep_ == "advmod" and c.lower_ in ("more", "less")
                ),
                None,
            )
            if (
                degree is None
                or quality.lemma_.lower() in NOT_GRADES
                or any(t.lower_ == "than" for t in quality.subtree)
            ):
                continue
            sent = verb.sent
            if any(t.like_num and not _date_or_age(t) and t.i > subject.i for t in sent):
                continue  # a figure nearby says how much (not a score given first: "Liam: 9")
            if any(_explains(t) for t in sent if t.i > quality.i):
                continue  # "less obstructive and is now accepting advice": says what changed
            yield verb, degree, quality


def check_graded_aspect(context: CheckContext) -> Iterable[Hit]:
    for statement, doc in context.items:
        seen: set[int] = set()
        for subject, verb, grade in _graded(doc):
            if grade.i in seen:
                continue  # "continues to be poor": one grade, found through both verbs
            seen.add(grade.i)
            first, last = min(subject.i, verb.i), max(grade.i, verb.i)
            span = doc[first : last + 1]
            start = statement.start + span.start_char
            end = statement.start + span.end_char
            what = subject.lower_
            yield Hit(
                start,
                end,
                message=(
                    f"“{span.text}” grades the {what} without saying what was seen or how much"
                ),
                suggestions=(
                    Suggestion(
                        f"Give the figure or describe it: what about the {what}, how often, "
                        "since when, and what it means for the child?",
                        safe=False,
                    ),
                ),
            )
        pairs = [
            (
                verb,
                adverb,
                "“{}” says things changed but not by how much",
                (
                    f"Say {adverb.lower_} than what: how often or how much before, and how often "
                    "or how much now."
                ),
            )
            for verb, adverb in (
                _unmeasured_change(doc) if statement.section not in UNMEASURED_SKIP else ()
            )
        ]
        pairs += [
            (
                verb,
                adverb,
                "“{}” grades the care without saying what was missing",
                (
                    "Say what did not happen, in words the child knows: no breakfast, left alone "
                    "at night, the same nappy all day."
                ),
            )
            for verb, adverb in _graded_care(doc)
        ]
        pairs += [
            (
                subject,
                verb,
                "“{}” gives a change but not from what to what",
                (
                    f"Say what the {subject.lower_} was like before and what it is like now, "
                    "with a figure if there is one."
                ),
            )
            for subject, verb in _unmeasured_aspect_change(doc)
        ]
        if statement.section not in UNMEASURED_SKIP:
            pairs += [
                (
                    verb,
                    quality,
                    "“{}” says the person has changed but not what they now do",
                    (
                        "What does the person do (or no longer do) now, how often and since "
                        f"when, that shows they are {degree.lower_} {quality.lower_}?"
                    ),
                )
                for verb, degree, quality in _unmeasured_person_change(doc)
            ]
        for verb, adverb, message, ask in pairs:
            span = doc[min(verb.i, adverb.i) : max(verb.i, adverb.i) + 1]
            yield Hit(
                statement.start + span.start_char,
                statement.start + span.end_char,
                message=message.format(span.text),
                suggestions=(Suggestion(ask, safe=False),),
            )


# What a worry can be "about" without saying what might happen: "the children's safety".
WELLBEING = frozenset({"safety", "wellbeing", "well-being", "welfare"})
ABOUT = frozenset({"about", "for", "regarding", "around", "over"})


def _wellbeing_worries(doc: Any) -> Iterable[tuple[Any, Any]]:
    """("worried", "safety") for "worried about Mason's safety", "concerned about the
    children's welfare": a worry about someone's safety or wellbeing in general, which does
    not say what anyone fears will happen."""
    worry = words("worry_words") | {"worried", "concerned", "anxious", "worry", "concern"}
    for token in tokens(doc):
        if (
            token.lemma_.lower() in WELLBEING
            and token.dep_ == "pobj"
            and token.head.lower_ in ABOUT
            and token.head.head.lemma_.lower() in worry
            and any(c.dep_ == "poss" for c in token.children)
            and not _says_why(token.head.head)
        ):
            yield token.head.head, token


def _says_why(worry: Any) -> bool:
    """ "worried about her safety because Dad has said he will burn the flat down": the
    clause that follows says what might happen."""
    verb = worry.head if worry.dep_ == "acomp" else worry
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("because", "as", "since") for m in c.children)
        and any(s.dep_ == "nsubj" and is_person(s) for s in c.children)
        for c in verb.children
    )


def check_wellbeing_worry(context: CheckContext) -> Iterable[Hit]:
    for statement, doc in context.items:
        for worry, topic in _wellbeing_worries(doc):
            span = doc[min(worry.i, topic.i) : max(worry.i, topic.i) + 1]
            yield Hit.on_span(
                statement,
                span,
                f"“{span.text}” names a worry without saying what might happen",
                "What are you worried will happen, to whom, and who might do it? “We are "
                "worried that Mason (4) could be bitten by the dogs again.”",
            )


# "Continue to monitor.", "School to monitor.", "SW to continue to monitor and review": a step
# with nothing to watch for. Not "the DSL will monitor Kai's attendance", "monitor for signs of
# ...", "Kai's weight will be monitored" (what is watched is the subject), "which the dietitian
# will monitor" or "with the IRO monitoring" (the goal it follows is what is watched).
WATCHING = frozenset({"monitor"})
CARRY_ON = frozenset({"continue", "keep"})
# What a watcher does with what they watch: "monitor and record her blood sugar".
RECORDING = frozenset({"record", "check", "review", "log", "chart", "measure", "note", "track"})


def _watches_nothing(verb: Any) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in WATCHING or verb.dep_ in ("amod", "compound"):
        return False  # (not "an electronically monitored curfew", "the baby monitor")
    carried_on = verb.lower_ == "monitoring" and verb.head.lemma_.lower() in CARRY_ON
    if verb.pos_ != "VERB" and not carried_on:
        return False  # a noun ("the monitoring visits"), but not "Continue monitoring.", where
        # the parse makes "monitoring" the object of "continue"
    if verb.dep_ in ("pcomp", "pobj", "acl", "relcl") or (
        verb.tag_ == "VBG" and not carried_on and verb.dep_ != "xcomp"
    ):
        return False  # "with the IRO monitoring", "which the DSL will monitor"
    if any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "advcl") or (c.dep_ == "prep" and c.lower_ == "for")
        for c in verb.children
    ):
        return False  # "monitor Kai's attendance", "monitor whether ...", "monitor for signs"
    node = verb
    for _ in range(3):  # "Kai's weight will continue to be monitored": the weight is watched
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children):
            return False
        if node.dep_ not in ("xcomp", "conj") or node.head == node:
            break
        node = node.head
    # "monitor and record her blood sugar": a verb joined straight after, with no subject of
    # its own, shares its object (not "monitor and support the family", a second step)
    joined = next(
        (c for c in verb.children if c.dep_ == "conj" and c.i <= verb.i + 2),
        None,
    )
    return not (
        joined is not None
        and joined.lemma_.lower() in RECORDING
        and not any(c.dep_ == "nsubj" for c in joined.children)
        and any(c.dep_ == "dobj" for c in joined.children)
    )


def check_monitoring(context: CheckContext) -> Iterable[Hit]:
    for statement, doc in context.items:
        for token in tokens(doc):
            if _watches_nothing(token):
                span = doc[token.i : token.i + 1]
                yield Hit.on_span(
                    statement,
                    span,
                    f"“{span.text}” does not say what will be watched",
                    "Say what will be checked, by whom, how often, and what will happen if it "
                    "is seen: “Mrs Khan will check Kai's attendance every Friday and ring Sam if "
                    "he misses a day.”",
                )
