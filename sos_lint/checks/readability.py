"""Readability rules (``hard-to-read``, SOS8xx): long sentences, reading age, stacked clauses.

Sentences come from the shared spaCy ``Doc`` (the sentence recogniser, or the parser when a
rule needs it). Word counts and scores come from ``sos_lint.readability``, so a finding and
the readability report always agree on the numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sos_lint import readability
from sos_lint.config import READABILITY_DEFAULTS
from sos_lint.engine.runner import CheckContext, Hit
from sos_lint.engine.selection import specificity
from sos_lint.models import Severity, Statement, Suggestion
from sos_lint.nlp import sentences, tokens

# Clause relations in spaCy's English dependency scheme that open a subordinate clause.
# xcomp ("wants to go") is left out: open complements read as one idea with their verb.
_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl", "csubj", "csubjpass"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
# Where a long sentence can be cut in two without rewording.
_JOINS = frozenset({"and", "but", "so"})


def _setting(context: CheckContext, key: str) -> Any:
    return context.config.readability.get(key, READABILITY_DEFAULTS[key])


def _user_severity(context: CheckContext) -> bool:
    """Whether the user set this rule's severity; theirs then beats the graded default."""
    return any(specificity(selector, context.rule) for selector in context.config.severity)


def _sentence_texts(doc: Any) -> list[tuple[Any, str]]:
    """Each sentence with its text, listed once per Doc (kept in ``doc.user_data``, cleared
    with it): ``Span.text`` joins the tokens again on every access, and two checks read every
    sentence."""
    found = doc.user_data.get("sos_sentence_texts")
    if found is None:
        found = doc.user_data["sos_sentence_texts"] = [(s, s.text) for s in sentences(doc)]
    return found  # type: ignore[no-any-return]


def _sentences(statement: Statement, doc: Any) -> Iterator[tuple[int, int, Any, str]]:
    """Each sentence of a statement with its absolute offsets, trailing spaces excluded, and
    its text."""
    for sent, full in _sentence_texts(doc):
        text = full.rstrip()
        if not text.strip():
            continue
        start = statement.start + sent.start_char
        yield start, start + len(text), sent, full


# -- SOS801 long-sentence -----------------------------------------------------------------


def _split_point(sent: Any) -> str | None:
    """The words after the ", and" / ";" nearest the middle of the sentence, if any."""
    tokens = [t for t in sent if not t.is_space]
    middle = len(tokens) / 2
    best: tuple[float, int] | None = None
    for i, token in enumerate(tokens[:-2]):
        after_comma = token.lower_ in _JOINS and i > 0 and tokens[i - 1].text == ","
        if (after_comma or token.text == ";") and i > 3:
            distance = abs(i - middle)
            if best is None or distance < best[0]:
                best = (distance, i)
    if best is None:
        return None
    i = best[1]
    start = i + 1 if tokens[i].text == ";" else i
    return " ".join(t.text for t in tokens[start : start + 4])


def check_long_sentences(context: CheckContext) -> Iterator[Hit]:
    """SOS801: sentences over the configured word limits, graded info / warning / error."""
    limits = (
        (_setting(context, "sentence_error"), Severity.ERROR),
        (_setting(context, "sentence_warning"), Severity.WARNING),
        (_setting(context, "sentence_info"), Severity.INFO),
    )
    user_severity = _user_severity(context)
    for statement, doc in context.items:
        for start, end, sent, text in _sentences(statement, doc):
            words = readability.word_count(text)
            for limit, severity in limits:
                if words <= limit:
                    continue
                suggestions = [
                    Suggestion("Give each idea its own sentence of 15 to 20 words.", safe=False)
                ]
                cut = _split_point(sent)
                if cut is not None:
                    suggestions.insert(
                        0,
                        Suggestion(
                            f"End the sentence before “{cut}…” and start a new one.", safe=False
                        ),
                    )
                yield Hit(
                    start,
                    end,
                    message=(
                        f"This sentence has {words} words; sentences over {limit} words are "
                        "hard to follow (aim for 15 to 20)"
                    ),
                    suggestions=tuple(suggestions),
                    severity=None if user_severity else severity,
                    data={"words": words, "limit": limit},
                )
                break


# -- SOS802 reading-age-above-target ------------------------------------------------------


def _target(context: CheckContext, section_type: str | None) -> float:
    by_section = _setting(context, "reading_age_by_section") or {}
    return float(by_section.get(section_type or "", _setting(context, "reading_age")))


def _formula_ages(scores: readability.Scores) -> list[float]:
    grades = (scores.flesch_kincaid_grade, scores.gunning_fog, scores.coleman_liau_index)
    return [readability.reading_age_from_grade(g) for g in grades if g is not None]


def _age_message(what: str, scores: readability.Scores, target: float) -> str:
    ages = _formula_ages(scores)
    low, high = round(min(ages)), round(max(ages))
    spread = f"{low}" if low == high else f"{low} to {high}"
    return (
        f"{what} reads at about age {scores.reading_age:.0f} by Flesch-Kincaid ({spread} by the "
        f"three formulas used); the target here is {target:.0f}"
    )


def _age_suggestions(text: str) -> tuple[Suggestion, ...]:
    out = []
    words = readability.hard_words(text)
    if words:
        listed = ", ".join(f"“{w}”" for w in words)
        out.append(Suggestion(f"Swap long words such as {listed} for everyday ones.", safe=False))
    out.append(Suggestion("Use short sentences and the words the family use.", safe=False))
    return tuple(out)


def check_reading_age(context: CheckContext) -> Iterator[Hit]:
    """SOS802: statements well above the target reading age, and long sections above it.

    The formulas are unreliable on a single statement (one long word can add several years,
    and well-written statements in the corpus score from 5 to 17), so a statement is only
    flagged when it has ``min_words`` words and every formula (Flesch-Kincaid, Gunning Fog,
    Coleman-Liau) puts it at least ``statement_margin`` years above the target. A section is
    judged on its whole prose, which evens out that noise, once it has ``section_min_words``
    words, with a smaller ``section_margin``.
    """
    target = _target(context, context.section_type)
    min_words = int(_setting(context, "min_words"))
    margin = float(_setting(context, "statement_margin"))
    flagged = False
    for statement, _doc in context.items:
        words, age = readability.quick_reading_age(statement.text)
        if words < min_words or age is None or age < target + margin:
            continue  # (every formula must be over the line, Flesch-Kincaid among them)
        scores = readability.score_text(statement.text)
        if min(_formula_ages(scores)) < target + margin:
            continue
        flagged = True
        yield Hit(
            statement.start,
            statement.end,
            message=_age_message("This statement", scores, target),
            suggestions=_age_suggestions(statement.text),
            data={"reading_age": round(scores.reading_age, 1), "target": target},
        )
    section = context.section
    members = [statement for statement, _ in context.items]
    if flagged or section is None or section.type != context.section_type or len(members) < 2:
        return
    prose = readability.prose(m.text for m in members)
    words, age = readability.quick_reading_age(prose)
    section_margin = float(_setting(context, "section_margin"))
    if words < int(_setting(context, "section_min_words")) or age is None:
        return
    if age < target + section_margin:
        return  # (Flesch-Kincaid is one of the formulas that must all be over the line)
    scores = readability.score_text(prose)
    if min(_formula_ages(scores)) < target + section_margin:
        return
    start, end = _section_span(context, members)
    yield Hit(
        start,
        end,
        message=_age_message("This section", scores, target),
        suggestions=_age_suggestions(readability.prose(m.text for m in members)),
        data={"reading_age": round(scores.reading_age, 1), "target": target},
    )


def _section_span(context: CheckContext, members: Sequence[Statement]) -> tuple[int, int]:
    """The section's heading when it has one in the text, else all of its statements."""
    section = context.section
    text = context.document.text
    if section is not None and section.heading:
        end = section.start + len(section.heading)
        if text[section.start : end] == section.heading:
            return section.start, end
    return members[0].start, members[-1].end


# -- SOS803 stacked-clauses ---------------------------------------------------------------


def _finite(token: Any) -> bool:
    """A clause with its own subject or conjunction ("who ...", "when he ...", "that she ...")."""
    if token.dep_ == "relcl":
        return True
    children = list(token.children)
    if any(c.tag_ == "TO" or (c.dep_ == "mark" and c.lower_ in ("to", "for")) for c in children):
        return False  # infinitives ("to pay for it") read as part of their verb
    return any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in children)


# Verbs whose complement is what someone said or thought: "told his teacher he had been ...".
_SPEECH = frozenset({"say", "tell", "explain", "report", "think", "believe", "know", "feel"})
# The condition of a worry: "worried that if Stacey uses again, she could ...".
_CONDITIONS = frozenset({"if", "when", "whenever", "once", "unless"})


def _frame(token: Any) -> bool:
    """The main complement of "X is worried that ..." / "X said that ...", or what someone
    said ("Bao told his teacher he had been ..."; not inside "who said that ..."): not
    stacking."""
    if token.dep_ != "ccomp":
        return False
    head = token.head
    if head.dep_ == "ROOT" or (head.lemma_.lower() in _SPEECH and head.dep_ != "relcl"):
        return True
    return head.dep_ in ("acomp", "attr", "xcomp", "conj") and head.head.dep_ == "ROOT"


def _condition_of_frame(token: Any) -> bool:
    """ "when Dad drinks" in "We are worried that when Dad drinks he might ...": the usual
    shape of a danger statement, not a clause stacked inside another."""
    return (
        token.dep_ == "advcl"
        and _frame(token.head)
        and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children)
    )


def _subordinate(token: Any) -> bool:
    return (
        token.dep_ in _CLAUSES
        and _finite(token)
        and not _frame(token)
        and not _condition_of_frame(token)
    )


def _depth(token: Any, root_i: int) -> int:
    depth = 0
    while True:
        if _subordinate(token):
            depth += 1
        if token.i == token.head.i or token.i == root_i:
            return depth
        token = token.head


def stacked_clauses(sent: Any) -> list[Any]:
    """The subordinate clauses of a sentence, if at least one sits inside another."""
    clauses = [t for t in sent if _subordinate(t)]
    if not clauses or max(_depth(t, sent.root.i) for t in clauses) < 2:
        return []
    return clauses


def _interrupts_subject(sent: Any, clauses: list[Any]) -> bool:
    """A clause inside the main subject ("The worker, who said that ..., left early") holds
    the sentence open until its verb: the hardest kind of stacking to read."""
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    inside = {t.i for t in subject.subtree}
    return any(t.i in inside for t in clauses)


def _opening(token: Any) -> str:
    doc = token.doc
    left = token.left_edge.i
    return doc[left : min(left + 3, token.right_edge.i + 1)].text


STACKED_MIN_WORDS = 20
"""Below this many words a sentence's clauses are not reported as stacked."""


def check_stacked_clauses(context: CheckContext) -> Iterator[Hit]:
    """SOS803: more than ``max_subordinate_clauses`` subordinate clauses, some nested."""
    limit = int(_setting(context, "max_subordinate_clauses"))
    user_severity = _user_severity(context)
    for statement, doc in context.items:
        if not doc.has_annotation("DEP"):
            continue
        for start, end, sent, _text in _sentences(statement, doc):
            if sum(1 for t in tokens(doc)[sent.start : sent.end] if t.is_alpha) < STACKED_MIN_WORDS:
                continue  # a short sentence with clauses in it is still easy to hold in mind
            clauses = stacked_clauses(sent)
            if len(clauses) <= limit:
                continue
            # Three clauses each inside the one before, opened inside the main subject so
            # that the reader holds them all before reaching the main verb, is a warning.
            # Clauses that trail after the main clause ("... stops taking his medication
            # when he feels well, which makes it hard ...") or two deep with a third beside
            # them still read aloud easily (no blind labeller has marked one hard to read),
            # so they are only a note; a long sentence is SOS801's to report.
            deep = max(_depth(t, sent.root.i) for t in clauses) >= 3 and _interrupts_subject(
                sent, clauses
            )
            openings = ", ".join(f"“{_opening(t)}…”" for t in clauses[:4])
            yield Hit(
                start,
                end,
                message=(
                    f"This sentence stacks {len(clauses)} subordinate clauses ({openings}); "
                    "the reader has to hold each one in mind to follow it"
                ),
                data={"clauses": len(clauses), "limit": limit, "depth": 3 if deep else 2},
                severity=None if deep or user_severity else Severity.INFO,
            )
