"""Term tables compiled into spaCy phrase matchers (``PhraseTable``).

Each word of a term is matched in every inflection (lemminflect), case-insensitively, so one
entry ``escalate`` finds "escalated", "Escalating" and "escalates" without needing the
lemmatiser's guess on the input; acronyms marked ``case: exact`` match their exact spelling.
An entry may require a part of speech on its last word ("contact" as a NOUN only), and
exception phrases cancel any match they contain ("work placement").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sos_lint.cache import JsonCache
from sos_lint.engine.rules import Rule, TermEntry
from sos_lint.nlp import tokens


def _forms_cache() -> JsonCache:
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("lemminflect")
    except PackageNotFoundError:  # pragma: no cover - a declared dependency
        release = "unknown"
    return JsonCache(f"word-forms-v3-lemminflect-{release}")


_FORMS = _forms_cache()


@lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[str, ...]:
    """The lower-cased inflections of ``word`` (itself included), cached on disk."""
    lower = word.lower()
    if not any(ch.isalpha() for ch in lower):
        return (lower,)
    cached = _FORMS.get(lower)
    if isinstance(cached, list):
        return tuple(cached)
    forms = _inflections(lower)
    _FORMS.put(lower, list(forms))
    return forms


_TAGGED = JsonCache("word-inflections-v1")


def inflect(lemma: str, tag: str) -> str | None:
    """``lemma`` in the form ``tag`` (a Penn tag such as VBD), via lemminflect, cached."""
    key = f"{lemma.lower()}|{tag}"
    cached = _TAGGED.get(key)
    if isinstance(cached, str):
        return cached or None
    from lemminflect import getInflection

    forms = getInflection(lemma, tag=tag)
    _TAGGED.put(key, forms[0] if forms else "")
    return forms[0] if forms else None


def _inflections(lower: str) -> tuple[str, ...]:
    from lemminflect import getAllInflections, getAllLemmas

    forms = {lower}
    lemmas = {lower}
    for values in getAllLemmas(lower).values():
        lemmas.update(v.lower() for v in values)
    for lemma in lemmas:
        inflections = getAllInflections(lemma)
        if lemma != lower and any(
            lower in (v.lower() for v in inflections.get(tag, ())) for tag in COMPARATIVES
        ):
            continue  # "better" must not also match "good" (nor "well")
        for tag, values in inflections.items():
            if tag in COMPARATIVES:
                continue  # "good" must not also match "better" and "best"
            forms.update(v.lower() for v in values)
    return tuple(sorted(forms))


COMPARATIVES = frozenset({"JJR", "JJS", "RBR", "RBS"})


# Words matched only as written: inflecting them adds nothing a term table would want
# ("may well have been" must not also become "mays wells had being"), and it multiplies the
# phrases to match. A table lists their other forms itself ("is alcoholic|was alcoholic").
FUNCTION_WORDS = frozenset(
    {
        "may",
        "might",
        "must",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "well",
        "have",
        "has",
        "had",
        "having",
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "am",
        "does",
        "did",
        "the",
        "and",
        "not",
        "that",
        "this",
        "its",
        "his",
        "her",
        "their",
        "them",
        "him",
        "she",
        "they",
        "you",
        "your",
        "our",
        "from",
        "into",
        "over",
        "off",
        "about",
        "than",
        "then",
        "very",
        "too",
        "also",
        "any",
        "some",
        "all",
        "with",
        "for",
    }
)


@dataclass(frozen=True)
class TermMatch:
    rule: Rule
    entry: TermEntry
    start: int  # token indexes
    end: int


class PhraseTable:
    """Token patterns from ``TermMatcher._pattern``, matched by looking word sequences up.

    The ``Matcher`` tests every pattern's ``IN`` set at every token, which made term matching
    most of a scan's time; here each pattern is expanded into the phrases it can match
    (every inflection of every word), indexed by its first word (or first two), and compared
    with the text at each token. (A spaCy ``PhraseMatcher`` does the same, but building its
    ~28,000 phrase documents took a third of start-up.) A POS requirement on the last word is
    checked after matching. The interface is the part of ``Matcher`` used here.
    """

    MAX_PHRASES = 5000  # a pattern with more combinations stays a Matcher pattern

    def __init__(self, vocab: Any) -> None:
        from spacy.matcher import Matcher

        self._vocab = vocab
        # For lower-cased and exact-case phrases: one-word phrases by word, and longer ones
        # by their first two words, each with the rest of the phrase and the key.
        self._lower: _Index = _Index()
        self._orth: _Index = _Index()
        self._fallback = Matcher(vocab, validate=False)
        self._pos: dict[tuple[int, int], str] = {}
        self._order: dict[int, int] = {}
        self._keys: set[int] = set()

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, patterns: Sequence[list[dict[str, Any]]]) -> None:
        key_id = self._vocab.strings.add(key)
        self._keys.add(key_id)
        self._order.setdefault(key_id, len(self._order))
        for pattern in patterns:
            phrases = _phrases(pattern)
            if phrases is None or len(phrases[1]) > self.MAX_PHRASES:
                self._fallback.add(key, [pattern])
                continue
            attr, words, pos = phrases
            index = self._orth if attr == "ORTH" else self._lower
            for phrase in words:
                index.add(tuple(phrase), key_id)
            if pos is not None:
                self._pos[(key_id, len(pattern))] = pos

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        if self._lower:
            found.extend(self._lower.find(_words(doc, "sos_lower", "lower_")))
        if self._orth:
            found.extend(self._orth.find(_words(doc, "sos_orth", "text")))
        if len(self._fallback):
            found.extend(self._fallback(doc))
        pos = self._pos
        if pos:
            found = [
                (k, s, e)
                for k, s, e in found
                if (need := pos.get((k, e - s))) is None or _has_pos(doc[e - 1], need)
            ]
        found = list(dict.fromkeys(found))
        found.sort(key=lambda m: (m[1], m[2], self._order.get(m[0], 0)))
        return found


TRUE_AUXILIARIES = frozenset({"be", "have", "do", "get"})


def _has_pos(token: Any, need: str) -> bool:
    """The token has the part of speech a term asks for; a "noun" with an object or an
    auxiliary of its own is a verb the tagger got wrong ("... and contact Women's Aid")."""
    if token.pos_ != need:
        if need == "VERB" and token.pos_ == "AUX":
            # "Zayn ... appears settled" tagged as a passive's auxiliary: only "be", "have",
            # "do", "get" and the modals are ever auxiliaries
            return token.tag_ != "MD" and token.lemma_.lower() not in TRUE_AUXILIARIES
        # "Jade is an alcoholic but ..." tagged as an adjective: with "a" or "an" before it,
        # the word names a kind of person
        return (
            need == "NOUN"
            and token.pos_ == "ADJ"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        )
    return need != "NOUN" or not any(c.dep_ in ("dobj", "aux") for c in token.children)


def _words(doc: Any, key: str, attr: str) -> list[str]:
    """The doc's words (lower-cased or as written), listed once for the term table and its
    exceptions."""
    found = doc.user_data.get(key)
    if found is None:
        listed = tokens(doc)
        # (the attribute read directly: ``getattr`` by name is slower over every token)
        words = [t.lower_ for t in listed] if attr == "lower_" else [t.text for t in listed]
        found = doc.user_data[key] = words
    return found  # type: ignore[no-any-return]


class _Index:
    """Word sequences to keys: one-word phrases by the word, longer ones by their first two."""

    def __init__(self) -> None:
        self.single: dict[str, list[int]] = {}
        self.pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], int]]] = {}
        # The first words of ``pairs``: most words start no phrase, and a set lookup skips
        # building a pair to look up for them.
        self.firsts: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self.single or self.pairs)

    def add(self, phrase: tuple[str, ...], key: int) -> None:
        if len(phrase) == 1:
            self.single.setdefault(phrase[0], []).append(key)
        else:
            self.pairs.setdefault((phrase[0], phrase[1]), []).append((phrase[2:], key))
            self.firsts.add(phrase[0])

    def find(self, words: list[str]) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        single, pairs, firsts = self.single, self.pairs, self.firsts
        size = len(words)
        for i, word in enumerate(words):
            for key in single.get(word, ()):
                found.append((key, i, i + 1))
            if word in firsts and i + 1 < size:
                for rest, key in pairs.get((word, words[i + 1]), ()):
                    end = i + 2 + len(rest)
                    if end <= size and (not rest or tuple(words[i + 2 : end]) == rest):
                        found.append((key, i, end))
        return found


def _phrases(
    pattern: list[dict[str, Any]],
) -> tuple[str, list[tuple[str, ...]], str | None] | None:
    """(attribute, word sequences, POS of the last word) for a simple pattern, else None."""
    import itertools

    attrs: set[str] = set()
    options: list[list[str]] = []
    pos: str | None = None
    for i, token in enumerate(pattern):
        extra = set(token) - {"ORTH", "LOWER", "POS"}
        if extra or ("POS" in token and i != len(pattern) - 1):
            return None
        pos = token.get("POS", pos)
        attr = "ORTH" if "ORTH" in token else "LOWER"
        value = token.get(attr)
        attrs.add(attr)
        if isinstance(value, str):
            options.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            options.append(list(value["IN"]))
        else:
            return None
    if len(attrs) != 1 or not options:
        return None
    return attrs.pop(), list(itertools.product(*options)), pos


class TermMatcher:
    """All term rules in one Matcher; matches filtered by rule and exceptions."""

    def __init__(self, nlp: Any, rules: Sequence[Rule]) -> None:
        self._vocab = nlp.vocab
        self._matcher = PhraseTable(nlp.vocab)
        self._exceptions = PhraseTable(nlp.vocab)
        self._keys: dict[int, tuple[Rule, TermEntry]] = {}
        self._exception_keys: dict[int, tuple[str, int | None]] = {}
        tokenizer = nlp.tokenizer
        for rule in rules:
            if rule.kind == "python":
                continue
            for number, entry in enumerate(rule.entries):
                key = f"{rule.code}#{number}"
                patterns = [
                    self._pattern(tokenizer, variant, entry.exact_case, entry.pos, entry.literal)
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
    def _pattern(
        tokenizer: Any, text: str, exact: bool, pos: str | None, literal: bool = False
    ) -> list[dict[str, Any]]:
        tokens = [t.text for t in tokenizer(text.strip())]
        pattern: list[dict[str, Any]] = []
        for token in tokens:
            if exact:
                pattern.append({"ORTH": token})
            elif (
                not literal
                and token.isalpha()
                and len(token) > 2
                and token.lower() not in FUNCTION_WORDS
            ):
                pattern.append({"LOWER": {"IN": list(word_forms(token))}})
            else:
                pattern.append({"LOWER": token.lower()})
        if pattern and pos:
            pattern[-1] = {**pattern[-1], "POS": pos}
        return pattern

    def __call__(self, doc: Any, allowed: Set[str] | None = None) -> list[TermMatch]:
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
            if start > 0 and doc[start].lower_ in ("'s", "’s", "'"):
                start -= 1  # a term opening on the possessive ("'s behaviour") takes its owner
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
