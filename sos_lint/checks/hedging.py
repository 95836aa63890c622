"""Hedges a word list cannot tell apart from plans: "may" guessing at what is happening now
("Mum may have some learning needs", "Callum may be worried", "Abdi may be carrying drugs")
rather than foretelling what could happen (a danger statement's "Dad may hit Kai again")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sos_lint.checks.analysis import MONTHS
from sos_lint.checks.hits import writers_own_hits
from sos_lint.engine.runner import CheckContext, Hit
from sos_lint.nlp import tokens

# Passives that guess at a cause rather than report an event: "may be linked to". ("May be
# due to" is caught as "be" with a complement.)
GUESSED_LINKS = frozenset({"link", "relate", "connect", "cause", "associate"})
# What makes a "may" a forecast: a condition, or a time still to come.
CONDITIONS = frozenset({"if", "when", "once", "unless", "until", "whenever"})
FUTURE_WORDS = frozenset({"tomorrow", "next", "soon", "later", "future"})
TIMES_OF_YEAR = MONTHS | {"spring", "summer", "autumn", "winter", "easter", "christmas", "term"}
# What "may" grants rather than guesses: "Gran may be able to ...", "may have contact".
PERMITTED = frozenset({"able", "allowed", "eligible", "entitled", "welcome"})
ARRANGED = frozenset({"contact", "time", "visit", "visits", "session", "sessions", "overnight"})


def _a_guess(verb: Any) -> bool:
    """The verb under "may" describes how things are now, not an event to come: "may be
    worried", "may be struggling", "may have some learning needs", "there may be debts"."""
    children = list(verb.children)
    if verb.lemma_ == "be" and verb.pos_ == "AUX":
        if any(c.dep_ == "acomp" and c.lower_ in PERMITTED for c in children):
            return False  # "Gran may be able to have the children": what may be arranged
        # "may be worried", "may be a carer", "may be at risk", "there may be some debts"
        return any(
            c.dep_ in ("acomp", "attr", "expl")
            or (c.dep_ == "prep" and c.lower_ in ("at", "under", "in"))
            for c in children
        )
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBG" and "be" in auxes:
        return True  # "may be experiencing", "may be carrying drugs"
    if verb.tag_ == "VBN" and "be" in auxes:
        return verb.lemma_.lower() in GUESSED_LINKS  # "may be linked to her tiredness"
    if verb.lemma_ == "have" and verb.pos_ == "VERB" and verb.tag_ == "VB":
        # "may have some learning needs" (not "may have contact on Saturdays", a permission)
        return any(c.dep_ == "dobj" and c.lemma_.lower() not in ARRANGED for c in children)
    return False


def _foretold(verb: Any) -> bool:
    """ "Kai may be frightened if Dad comes back", "may be moving school in September": a
    forecast. ("Mum may be drinking again" is still a guess about now.)"""
    for t in verb.subtree:
        if t.lower_ in FUTURE_WORDS or (t.lower_ in TIMES_OF_YEAR and t.pos_ in ("PROPN", "NOUN")):
            return True  # (the month, not the modal "may" or the verb "march")
        if t.lower_ == "again" and verb.tag_ != "VBG":
            return True  # "may be hurt again"
        if t.dep_ == "mark" and t.lower_ in CONDITIONS:
            return True
        if t.dep_ == "advmod" and t.lower_ in CONDITIONS and t.head.dep_ == "advcl":
            return True
    return False


def _guesses(doc: Any) -> Iterable[tuple[Any, Any]]:
    for token in tokens(doc):
        if token.lower_ != "may" or token.tag_ != "MD" or token.dep_ != "aux":
            continue
        verb = token.head
        if _a_guess(verb) and not _foretold(verb):
            yield token, verb


def check_speculative_may(context: CheckContext) -> Iterable[Hit]:
    yield from writers_own_hits(
        context,
        lambda doc: ((may.i, verb.i + 1) for may, verb in _guesses(doc)),
        "“{text}” guesses at what is happening without saying what is known",
        "Say what you saw or were told, and by whom; if it is not known, say so: 'We "
        "do not know yet whether Mum has debts; she will show Sam her letters on 3 May.'",
    )
