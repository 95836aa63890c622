"""Spelling and grammar (``grammar``, SOS9xx) from a LanguageTool server. Opt-in: ``--grammar``.

sos-lint talks to a LanguageTool server you run (``--languagetool-url`` or config
``languagetool-url``) through its HTTP API, ``POST /v2/check`` with ``language=en-GB``. It
never starts, downloads or calls LanguageTool by itself, so case text only goes where the
user has pointed it. Only statements are sent, never headings, one request per document
(statements separated by blank lines, so LanguageTool treats each as its own paragraph), and
each match is mapped back to the exact characters of the input.

LanguageTool's categories map onto four codes: spelling (SOS901), grammar (SOS902),
punctuation and typography (SOS903) and style (SOS904). The finding's ``rule`` is
LanguageTool's own rule id (e.g. ``MORFOLOGIK_RULE_EN_GB``). A match on the same words as
one of our word-level findings (jargon, vague, judgemental, hedging) is dropped as a
duplicate, and so is a "spelling mistake" in a name or in an accepted term.

When no server answers, the check is skipped with one notice on the file; the other checks
run as usual and the exit code is not affected. A server that failed is not asked again for
a minute, so a long batch does not wait on every file.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sos_lint.engine.selection import section_allows
from sos_lint.models import Document, Finding, Statement, Suggestion

if TYPE_CHECKING:
    from sos_lint.engine.rules import Rule
    from sos_lint.engine.runner import CheckContext, LineIndex, Linter

LANGUAGE = "en-GB"
TIMEOUT_SECONDS = 20.0
RETRY_AFTER_SECONDS = 60.0
MAX_REQUEST_CHARS = 20_000
MAX_SUGGESTIONS = 3
SEPARATOR = "\n\n"

_COMMENT = re.compile(r"<!--.*?-->", re.S)

SPELLING, GRAMMAR, PUNCTUATION, STYLE = "SOS901", "SOS902", "SOS903", "SOS904"
_CATEGORY_CODES = {
    "TYPOS": SPELLING,
    "PUNCTUATION": PUNCTUATION,
    "TYPOGRAPHY": PUNCTUATION,
    "CASING": PUNCTUATION,
    "COMPOUNDING": PUNCTUATION,
    "STYLE": STYLE,
    "REDUNDANCY": STYLE,
    "PLAIN_ENGLISH": STYLE,
    "REPETITIONS": STYLE,
    "REPETITIONS_STYLE": STYLE,
    "WIKIPEDIA": STYLE,
    "GENDER_NEUTRALITY": STYLE,
    "TEXT_ANALYSIS": STYLE,
}
# Our word-level categories: a LanguageTool hint on the same words says the same thing.
_WORD_LEVEL = frozenset({"jargon", "vague", "judgemental", "hedging"})


class LanguageToolError(Exception):
    """The server could not be reached or gave an answer that is not LanguageTool's."""


@dataclass(frozen=True)
class LanguageToolMatch:
    """One match, with offsets already converted to Python string positions."""

    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    category: str
    issue_type: str


def code_for(category: str, issue_type: str) -> str:
    """Our code for a LanguageTool category (misspellings anywhere count as spelling)."""
    if issue_type == "misspelling":
        return SPELLING
    return _CATEGORY_CODES.get(category.upper(), GRAMMAR)


def _python_offsets(text: str) -> list[int]:
    """Python index of every UTF-16 position: LanguageTool counts Java chars, so a character
    outside the Basic Multilingual Plane (an emoji) takes two."""
    positions: list[int] = []
    for index, char in enumerate(text):
        positions.append(index)
        if ord(char) > 0xFFFF:
            positions.append(index)
    positions.append(len(text))
    return positions


class LanguageToolClient:
    """A minimal client for ``POST /v2/check`` (urllib only, so no extra dependency)."""

    def __init__(self, url: str, timeout: float = TIMEOUT_SECONDS) -> None:
        base = url.rstrip("/")
        if base.endswith("/v2/check"):
            base = base[: -len("/check")]
        elif not base.endswith("/v2"):
            base += "/v2"
        self.url = url
        self.endpoint = base + "/check"
        self.timeout = timeout

    def check(self, text: str, language: str = LANGUAGE) -> list[LanguageToolMatch]:
        body = urllib.parse.urlencode({"text": text, "language": language}).encode("utf-8")
        request = urllib.request.Request(
            self.endpoint,
            data=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                "Accept": "application/json",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise LanguageToolError(f"the server answered HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise LanguageToolError(str(reason)) from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise LanguageToolError("the answer was not LanguageTool JSON") from None
        return _matches(payload, text)


def _matches(payload: Any, text: str) -> list[LanguageToolMatch]:
    if not isinstance(payload, dict) or not isinstance(payload.get("matches"), list):
        raise LanguageToolError("the answer has no list of matches")
    positions = _python_offsets(text)
    out: list[LanguageToolMatch] = []
    for match in payload["matches"]:
        try:
            offset, length = int(match["offset"]), int(match["length"])
            rule = match.get("rule") or {}
            category = (rule.get("category") or {}).get("id") or ""
            replacements = tuple(
                str(r["value"]) for r in match.get("replacements") or () if "value" in r
            )
            message = str(match.get("message") or match.get("shortMessage") or "")
            rule_id = str(rule.get("id") or "LANGUAGETOOL")
            issue_type = str(rule.get("issueType") or "")
        except (KeyError, TypeError, ValueError):
            continue  # one malformed match should not cost the others
        if offset < 0 or length <= 0 or offset + length >= len(positions):
            continue
        out.append(
            LanguageToolMatch(
                positions[offset],
                positions[offset + length],
                message,
                replacements,
                rule_id,
                category,
                issue_type,
            )
        )
    return out


@dataclass(frozen=True)
class _Chunk:
    text: str
    parts: tuple[tuple[int, Statement], ...]  # (start in chunk text, statement)


def _chunks(statements: Sequence[Statement]) -> Iterator[_Chunk]:
    """Statements joined by blank lines, in requests of at most ``MAX_REQUEST_CHARS``."""
    pieces: list[str] = []
    parts: list[tuple[int, Statement]] = []
    size = 0
    for statement in statements:
        if parts and size + len(statement.text) > MAX_REQUEST_CHARS:
            yield _Chunk("".join(pieces), tuple(parts))
            pieces, parts, size = [], [], 0
        if parts:
            pieces.append(SEPARATOR)
            size += len(SEPARATOR)
        parts.append((size, statement))
        pieces.append(_blank_comments(statement.text))
        size += len(statement.text)
    if parts:
        yield _Chunk("".join(pieces), tuple(parts))


def _blank_comments(text: str) -> str:
    """sos-lint comments become spaces (same length, so offsets hold) before text is sent."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _locate(chunk: _Chunk, match: LanguageToolMatch) -> tuple[Statement, int, int] | None:
    """The statement a match falls in and its offsets in the input; None if it straddles."""
    for begin, statement in reversed(chunk.parts):
        if match.start >= begin:
            if match.end > begin + len(statement.text):
                return None
            return (
                statement,
                statement.start + match.start - begin,
                statement.start + match.end - begin,
            )
    return None


def registered(context: CheckContext) -> Iterator[Any]:
    """SOS9xx metadata only: the matches come from ``GrammarChecker`` after the other rules."""
    return iter(())


class GrammarChecker:
    """The grammar step of one linter: its server, and whether that server is answering."""

    def __init__(self, url: str | None, timeout: float = TIMEOUT_SECONDS) -> None:
        self.client = LanguageToolClient(url, timeout) if url else None
        self._lock = threading.Lock()
        self._failed: tuple[float, str] | None = None

    def notice(self) -> str | None:
        """Why grammar was not checked, while that is so; None when it was."""
        if self.client is None:
            return (
                "grammar not checked: no LanguageTool server is set "
                "(start one and pass --languagetool-url; see the README)"
            )
        with self._lock:
            if self._failed is None:
                return None
            return (
                f"grammar not checked: the LanguageTool server at {self.client.url} did not "
                f"answer ({self._failed[1]}); the other checks ran"
            )

    def _ask(self, text: str) -> list[LanguageToolMatch] | None:
        assert self.client is not None
        with self._lock:
            if self._failed is not None and time.monotonic() < self._failed[0]:
                return None
        try:
            matches = self.client.check(text)
        except LanguageToolError as exc:
            with self._lock:
                self._failed = (time.monotonic() + RETRY_AFTER_SECONDS, str(exc))
            return None
        with self._lock:
            self._failed = None
        return matches

    def findings(
        self,
        linter: Linter,
        document: Document,
        items: Sequence[tuple[Statement, Any]],
        own: Sequence[Finding],
        lines: LineIndex,
    ) -> list[Finding]:
        """Findings for the statements the grammar rules apply to, minus duplicates of ours."""
        rules = {r.code: r for r in linter.rules if r.family == 9}
        if self.client is None or not rules:
            return []
        wanted = [
            (statement, doc)
            for statement, doc in items
            if statement.text.strip()
            and any(section_allows(r, statement.section, linter.config) for r in rules.values())
        ]
        docs = {statement.index: doc for statement, doc in wanted}
        accepted = {a.lower() for a in linter.config.accept} | {
            t.lower() for t in linter.config.terms
        }
        word_level = [f for f in own if f.category in _WORD_LEVEL]
        out: list[Finding] = []
        for chunk in _chunks([statement for statement, _ in wanted]):
            matches = self._ask(chunk.text)
            if matches is None:
                return []
            for match in matches:
                located = _locate(chunk, match)
                if located is None:
                    continue
                statement, start, end = located
                rule = rules.get(code_for(match.category, match.issue_type))
                if rule is None or not section_allows(rule, statement.section, linter.config):
                    continue
                text = document.text[start:end]
                if rule.code == SPELLING and _is_name_or_accepted(
                    text, start - statement.start, docs.get(statement.index), accepted
                ):
                    continue
                if _duplicates(rule.code, start, end, word_level):
                    continue
                out.append(self._finding(linter, rule, statement, start, end, text, match, lines))
        return out

    @staticmethod
    def _finding(
        linter: Linter,
        rule: Rule,
        statement: Statement,
        start: int,
        end: int,
        text: str,
        match: LanguageToolMatch,
        lines: LineIndex,
    ) -> Finding:
        suggestions = tuple(
            Suggestion(value, safe=False) for value in match.replacements[:MAX_SUGGESTIONS]
        ) or tuple(Suggestion(s, safe=False) for s in rule.suggestions)
        finding = linter.make_finding(
            rule,
            statement,
            start,
            end,
            text,
            match.message or rule.message,
            suggestions,
            lines,
            data={"languagetool_category": match.category},
        )
        return replace(finding, rule=match.rule_id)


def _is_name_or_accepted(text: str, offset: int, doc: Any, accepted: set[str]) -> bool:
    """A "misspelling" that is a name (a capitalised proper noun) or a term the user accepts."""
    if text.lower() in accepted:
        return True
    if doc is None or not text[:1].isupper():
        return False
    span = doc.char_span(offset, offset + len(text), alignment_mode="expand")
    return span is not None and all(t.pos_ == "PROPN" for t in span)


def _duplicates(code: str, start: int, end: int, word_level: Sequence[Finding]) -> bool:
    """A match on words one of our word-level rules already flags (grammar errors that only
    touch those words are kept)."""
    return any(
        finding.start < end
        and start < finding.end
        and (code != GRAMMAR or (finding.start, finding.end) == (start, end))
        for finding in word_level
    )
