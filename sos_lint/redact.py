"""Redaction of personal names, so a supervisor report can be shared beyond the case team.

Names come from two places: columns the user names (``--name-column child_name=child``: the
values are replaced by the role, ``[child]``; without a role by initials), and the PERSON
entities spaCy's NER finds in the text that will be shown (replaced by initials). Every name
found anywhere is then replaced everywhere, so a name the model misses in one statement is
still caught if it recognised it in another, or if a name column holds it.

This is the only place sos-lint runs NER, and only when redaction is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

ROLE_WORDS = {
    "mum",
    "mummy",
    "mother",
    "dad",
    "daddy",
    "father",
    "gran",
    "granny",
    "grandma",
    "grandad",
    "grandpa",
    "nan",
    "nana",
    "nanna",
    "auntie",
    "aunt",
    "uncle",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "baby",
    "child",
    "carer",
    "worker",
}
"""Words NER sometimes tags as names but which are roles or titles, kept in the text."""

CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "christmas", "easter",
}  # fmt: skip
"""Proper nouns that are not names: kept, since when things happened matters in a statement."""

_SPLIT = re.compile(r"[\s\-]+")
_STRIP = re.compile(r"^[^\w]+|[^\w]+$")


def initials(name: str) -> str:
    parts = [p for p in _SPLIT.split(name) if p and p[0].isalpha()]
    return "".join(f"{p[0].upper()}." for p in parts) or "[name]"


class Redactor:
    """Collects names, then replaces each of them (and each part of them) in any text."""

    def __init__(self) -> None:
        self._replacements: dict[str, str] = {}
        self._roles: set[str] = set()
        self._sensitive: re.Pattern[str] | None = None
        self._insensitive: re.Pattern[str] | None = None
        self._lower: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._replacements)

    def add(self, name: str, role: str | None = None) -> None:
        """A name to replace: by ``[role]`` if given, else by its initials."""
        full = " ".join(_STRIP.sub("", name.replace("’", "'")).split())
        full = re.sub(r"'s$", "", full)
        words = [w for w in _SPLIT.split(full) if w]
        while words and words[0].lower().rstrip(".") in ROLE_WORDS:
            words = words[1:]
        if not words or all(w.isupper() and len(w) > 1 for w in words):
            return  # empty, or an acronym ("LAC"), not a name
        full = " ".join(words)
        self._put(full, f"[{role}]" if role else initials(full), bool(role))
        for word in words:
            if len(word) > 1 and word.lower() not in ROLE_WORDS:
                self._put(word, f"[{role}]" if role else initials(word), bool(role))

    def _put(self, name: str, replacement: str, is_role: bool) -> None:
        variants = {name.title(), name.upper()}
        if any(ch.isupper() for ch in name):
            variants.add(name)
        for variant in variants:
            # A role from a name column wins over initials from NER, and the first role stays.
            if variant in self._replacements and (variant in self._roles or not is_role):
                continue
            self._replacements[variant] = replacement
            if is_role:
                self._roles.add(variant)
        self._sensitive = None

    def learn(self, texts: Iterable[str], nlp: Any, batch_size: int = 64) -> None:
        """Add the PERSON entities NER finds in ``texts``, and other proper nouns.

        The small English model's NER misses many lone first names ("... shout at Bethan"),
        so a title-case word tagged PROPN counts as a name too, unless it is a role, a title,
        a day or a month. A school or a street may be redacted with it: the safe mistake.
        """
        for doc in nlp.pipe(texts, batch_size=batch_size):
            for ent in doc.ents:
                if ent.label_ == "PERSON":
                    self.add(ent.text)
            for token in doc:
                if (
                    token.pos_ == "PROPN"
                    and token.is_alpha
                    and token.is_title
                    and len(token.text) > 1
                    and token.lower_ not in ROLE_WORDS
                    and token.lower_ not in CALENDAR
                ):
                    self.add(token.text)

    def _compile(self) -> None:
        names = sorted(self._replacements, key=len, reverse=True)
        if not names:
            self._sensitive = self._insensitive = re.compile(r"(?!x)x")
            return
        body = "|".join(re.escape(n) for n in names)
        self._sensitive = re.compile(rf"(?<![\w]){'(?:' + body + ')'}(?![\w])")
        self._insensitive = re.compile(rf"(?<![\w]){'(?:' + body + ')'}(?![\w])", re.IGNORECASE)
        self._lower = {}
        for name in names:
            self._lower.setdefault(name.lower(), self._replacements[name])

    def __call__(self, text: str) -> str:
        if self._sensitive is None:
            self._compile()
        assert self._sensitive is not None and self._insensitive is not None
        if not self._replacements:
            return text
        if any(ch.isupper() for ch in text):
            return self._sensitive.sub(lambda m: self._replacements[m.group(0)], text)
        # All lower case (a file name, a lower-cased term): match names in any case.
        return self._insensitive.sub(lambda m: self._lower[m.group(0).lower()], text)

    def apply(self, data: Any) -> Any:
        """``data`` (dicts, lists, strings) with every string, keys included, redacted."""
        if isinstance(data, str):
            return self(data)
        if isinstance(data, dict):
            return {
                self.apply(k) if isinstance(k, str) else k: self.apply(v) for k, v in data.items()
            }
        if isinstance(data, (list, tuple)):
            return [self.apply(v) for v in data]
        return data


def redact_report(
    data: dict[str, Any],
    names: Iterable[tuple[str, str | None]],
    model: str | None = None,
) -> dict[str, Any]:
    """The report's data with personal names replaced everywhere.

    ``names`` are (value, role) pairs from name columns; NER adds the names it finds in the
    statements and ids the report will show.
    """
    from sos_lint import nlp as nlp_module

    redactor = Redactor()
    for value, role in names:
        if value:
            redactor.add(value, role)
    nlp = nlp_module.load(model, ner=True)
    shown = [item["text"] for item in data.get("statements", [])]
    shown += [item["id"] for item in data.get("statements", [])]
    # Entities, and part-of-speech tags for the proper nouns NER misses; no parser needed.
    keep = {"tok2vec", "tagger", "attribute_ruler", "ner"}
    disable = [name for name in nlp.pipe_names if name not in keep]
    with nlp.select_pipes(disable=disable):
        redactor.learn(shown, nlp)
    return redactor.apply(data)  # type: ignore[no-any-return]
