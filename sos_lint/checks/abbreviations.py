"""Abbreviations no word list knows: professional shorthand written as capital letters.

The jargon word lists name the care system's common acronyms with a plain alternative for
each. Services and teams coin new ones all the time (an "EWO", a "PSP", "RUI"), so this check
flags any word written in capitals that is not an everyday abbreviation a family would use
itself (GP, TV, A&E: ``everyday_abbreviations`` in ``rules/lexicon.yml``), has not been
spelt out in the document ("education welfare officer (EWO)"), and is not a name or a word
shouted in capitals. Where a word-list rule already flags the same letters, the runner keeps
that finding instead (the rule's ``defer_to`` option).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from sos_lint.checks.analysis import words
from sos_lint.checks.structure import document_children
from sos_lint.engine.runner import CheckContext, Hit
from sos_lint.models import Suggestion
from sos_lint.nlp import tokens
from sos_lint.readability import dictionary

# Two to seven characters (an ampersand may join letters, "G&T"), nearly all capitals: "EWO",
# "DoLS".
_SHAPE = re.compile(r"^[A-Z][A-Za-z&]{1,6}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_FILLERS = frozenset({"in", "of", "and", "the", "for", "to", "on", "at", "with", "&", "a", "an"})


def _letters(text: str) -> str:
    """The abbreviation without a plural "s" ("GPs", "EWOs")."""
    if len(text) > 2 and text.endswith("s") and text[-2].isupper():
        return text[:-1]
    return text


def looks_abbreviated(text: str) -> bool:
    core = _letters(text)
    if not _SHAPE.match(core) or _ROMAN.match(core):
        return False
    capitals = sum(ch.isupper() for ch in core)
    letters = sum(ch.isalpha() for ch in core)
    return capitals >= 2 and capitals >= letters - 1


def _initials_match(words_: list[Any], letters: str) -> bool:
    """The words' initials spell ``letters``; small joining words may count or not ("Child
    in Need" spells both "CIN" and "CN")."""
    wanted = [ch for ch in letters.lower() if ch.isalpha()]
    needed = len(wanted) - 1
    for word in reversed(words_):
        if not (word.is_alpha or word.text == "&"):
            return False
        if needed >= 0 and word.text[0].lower() == wanted[needed]:
            needed -= 1
        elif word.lower_ not in _FILLERS:
            return False
    return needed < 0


def _a_word(text: str) -> bool:
    """A word written in capitals for emphasis ("must NOT", "SAFETY"), not letters: a
    dictionary word with a vowel, or a two-letter function word ("NO", "IN")."""
    lower = text.lower()
    if len(lower) <= 2:
        return lower in STOP_WORDS
    return any(v in lower for v in "aeiouy") and lower in dictionary()


def _spelt_out(token: Any) -> bool:
    """ "education welfare officer (EWO)" or "EWO (education welfare officer)"."""
    doc = token.doc
    letters = _letters(token.text)
    wanted = sum(ch.isalpha() for ch in letters)
    i = token.i
    if 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")":
        for size in range(wanted, wanted + 4):
            if i - 1 - size >= 0 and _initials_match(list(doc[i - 1 - size : i - 1]), letters):
                return True
    if i + 2 < len(doc) and doc[i + 1].text == "(":
        close = next((t.i for t in doc[i + 2 : i + 12] if t.text == ")"), None)
        if close is not None and _initials_match(list(doc[i + 2 : close]), letters):
            return True
    return False


def _shouted(sentence: Any) -> bool:
    """Several words in capitals: emphasis or a heading, not shorthand."""
    alpha = [t for t in sentence if t.is_alpha]
    capitals = [t for t in alpha if t.is_upper and len(t) > 1]
    return len(capitals) >= 3 and len(capitals) * 2 >= len(alpha)


def _names_a_person(token: Any, children: frozenset[str]) -> bool:
    """ "AJ (6)", a child the document gives an age to, or a person the model recognises."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "(" and doc[token.i + 2].like_num:
        return True
    if token.lower_ in children:
        return True
    return len(_letters(token.text)) == 2 and token.ent_type_ == "PERSON"


def check_unexplained_abbreviation(context: CheckContext) -> Iterable[Hit]:
    everyday = words("everyday_abbreviations")
    children: frozenset[str] | None = None  # worked out only if a candidate turns up
    explained: set[str] = set()
    for statement, doc in context.items:
        for token in tokens(doc):
            text = token.text
            if (
                len(text) < 2
                or not text[0].isupper()
                or not (text[1].isupper() or text[-1].isupper() or text[1] == "&")
            ):
                continue  # the common case, cheaply: not written in capitals
            if not looks_abbreviated(text):
                continue
            letters = _letters(text)
            if letters.lower() in everyday or text.lower() in everyday:
                continue
            if _a_word(text):
                continue
            if letters in explained or _spelt_out(token):
                explained.add(letters)
                continue
            if children is None:
                children = document_children(context)
            if _shouted(token.sent) or _names_a_person(token, children):
                continue
            start = statement.start + token.idx
            yield Hit(
                start,
                start + len(text),
                suggestions=(
                    Suggestion(
                        f"Write out what “{letters}” stands for, in everyday words.", safe=False
                    ),
                ),
            )
