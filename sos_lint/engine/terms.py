"""Term tables compiled into one spaCy ``Matcher``.

Each word of a term is matched in every inflection (lemminflect), case-insensitively, so one
entry ``escalate`` finds "escalated", "Escalating" and "escalates" without needing the
lemmatiser's guess on the input; acronyms marked ``case: exact`` match their exact spelling.
An entry may require a part of speech on its last word ("contact" as a NOUN only), and
exception phrases cancel any match they contain ("work placement").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lemminflect import getAllInflections, getAllLemmas

from sos_lint.engine.rules import Rule, TermEntry


@lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[str, ...]:
    """The lower-cased inflections of ``word`` (itself included)."""
    lower = word.lower()
    forms = {lower}
    if not any(ch.isalpha() for ch in lower):
        return (lower,)
    lemmas = {lower}
    for values in getAllLemmas(lower).values():
        lemmas.update(v.lower() for v in values)
    for lemma in lemmas:
        for values in getAllInflections(lemma).values():
            forms.update(v.lower() for v in values)
    return tuple(sorted(forms))


@dataclass(frozen=True)
class TermMatch:
    rule: Rule
    entry: TermEntry
    start: int  # token indexes
    end: int


class TermMatcher:
    """All term rules in one Matcher; matches filtered by rule and exceptions."""

    def __init__(self, nlp: Any, rules: Sequence[Rule]) -> None:
        from spacy.matcher import Matcher

        self._vocab = nlp.vocab
        self._matcher = Matcher(nlp.vocab, validate=False)
        self._exceptions = Matcher(nlp.vocab, validate=False)
        self._keys: dict[int, tuple[Rule, TermEntry]] = {}
        self._exception_keys: dict[int, tuple[str, int | None]] = {}
        tokenizer = nlp.tokenizer
        for rule in rules:
            if rule.kind == "python":
                continue
            for number, entry in enumerate(rule.entries):
                key = f"{rule.code}#{number}"
                patterns = [
                    self._pattern(tokenizer, variant, entry.exact_case, entry.pos)
                    for variant in entry.variants
                ]
                patterns = [p for p in patterns if p]
                if not patterns:
                    continue
                self._matcher.add(key, patterns)
                self._keys[self._vocab.strings[key]] = (rule, entry)
                if entry.exceptions:
                    self._add_exceptions(
                        tokenizer, f"X#{key}", entry.exceptions, (rule.code, number)
                    )
            if rule.exceptions:
                self._add_exceptions(
                    tokenizer, f"X#{rule.code}", rule.exceptions, (rule.code, None)
                )

    def _add_exceptions(
        self, tokenizer: Any, key: str, phrases: Iterable[str], target: tuple[str, int | None]
    ) -> None:
        patterns = [self._pattern(tokenizer, phrase, False, None) for phrase in phrases]
        patterns = [p for p in patterns if p]
        if patterns:
            self._exceptions.add(key, patterns)
            self._exception_keys[self._vocab.strings[key]] = target

    @staticmethod
    def _pattern(tokenizer: Any, text: str, exact: bool, pos: str | None) -> list[dict[str, Any]]:
        tokens = [t.text for t in tokenizer(text.strip())]
        pattern: list[dict[str, Any]] = []
        for token in tokens:
            if exact:
                pattern.append({"ORTH": token})
            elif token.isalpha() and len(token) > 2:
                pattern.append({"LOWER": {"IN": list(word_forms(token))}})
            else:
                pattern.append({"LOWER": token.lower()})
        if pattern and pos:
            pattern[-1] = {**pattern[-1], "POS": pos}
        return pattern

    def __call__(self, doc: Any, allowed: set[str] | None = None) -> list[TermMatch]:
        """Matches in ``doc`` for rules whose code is in ``allowed`` (all if None)."""
        raw = self._matcher(doc) if len(self._matcher) else []
        if not raw:
            return []
        excepted: dict[tuple[str, int | None], list[tuple[int, int]]] = {}
        for key, start, end in self._exceptions(doc) if len(self._exceptions) else ():
            excepted.setdefault(self._exception_keys[key], []).append((start, end))
        found: list[TermMatch] = []
        for key, start, end in raw:
            rule, entry = self._keys[key]
            if allowed is not None and rule.code not in allowed:
                continue
            number = int(self._vocab.strings[key].split("#", 1)[1])
            spans = excepted.get((rule.code, number), []) + excepted.get((rule.code, None), [])
            if any(s <= start and end <= e for s, e in spans):
                continue
            found.append(TermMatch(rule, entry, start, end))
        return _longest_per_rule(found)


def _longest_per_rule(matches: list[TermMatch]) -> list[TermMatch]:
    """Within one rule, keep the longest of overlapping matches ("poor home conditions")."""
    matches.sort(key=lambda m: (m.rule.code, m.start, -(m.end - m.start)))
    kept: list[TermMatch] = []
    for match in matches:
        clash = next(
            (
                k
                for k in kept
                if k.rule.code == match.rule.code and k.start < match.end and match.start < k.end
            ),
            None,
        )
        if clash is None:
            kept.append(match)
        elif (match.end - match.start) > (clash.end - clash.start):
            kept[kept.index(clash)] = match
    return kept
