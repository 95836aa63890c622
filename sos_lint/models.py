"""Result types shared by every step: the document model, findings and their suggestions."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import IntEnum
from functools import cache
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "jargon",
    "vague",
    "judgemental",
    "non-behavioural",
    "hidden-actor",
    "hedging",
    "hard-to-read",
    "structure",
    "grammar",
)
"""The finding categories: a public contract (JSON, SARIF, batch columns, config)."""

TOOL_CATEGORY = "tool"
"""Category of the tool's own notices (SOS0xx): unused suppressions, skipped checks."""

SECTION_TYPES: tuple[str, ...] = (
    "harm",
    "danger_statement",
    "complicating_factor",
    "existing_strength",
    "existing_safety",
    "safety_goal",
    "next_step",
    "worry",
    "working_well",
    "needs_to_happen",
    "scaling",
    "house_of_worries",
    "house_of_good_things",
    "house_of_dreams",
    "words_and_pictures",
    "general",
)
"""Stable section type names used everywhere (JSON, config, batch columns)."""


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Statement:
    """One statement: a paragraph, bullet item, table cell or labelled line."""

    index: int
    section: str
    start: int
    end: int
    text: str
    line: int
    column: int
    section_index: int
    kind: str = "paragraph"  # paragraph | bullet | cell | labelled


@dataclass(frozen=True)
class Section:
    index: int
    type: str
    heading: str | None
    start: int
    end: int
    line: int
    statement_indexes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Suppression:
    """An inline `sos-lint: disable` comment, covering [start, end) of the input."""

    codes: tuple[str, ...]
    start: int
    end: int
    comment_start: int
    comment_end: int


@dataclass(frozen=True)
class Document:
    """The input text cut into typed sections and statements, with exact offsets."""

    text: str
    path: str | None
    sections: tuple[Section, ...]
    statements: tuple[Statement, ...]
    suppressions: tuple[Suppression, ...] = ()
    notices: tuple[str, ...] = ()

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = self.text.count("\n", 0, offset) + 1
        last_newline = self.text.rfind("\n", 0, offset)
        return line, offset - last_newline


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class Suggestion:
    replacement: str
    safe: bool = False

    @property
    def is_question(self) -> bool:
        return self.replacement.rstrip().endswith("?")


@dataclass(frozen=True)
class Finding:
    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    explanation: str
    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    section: str
    statement_index: int | None
    suggestions: tuple[Suggestion, ...] = ()
    rewrite: str | None = None
    extra: tuple[tuple[str, Any], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        # Field by field rather than asdict(): the same dict, an order of magnitude faster,
        # which matters when a batch scan serialises millions of findings.
        data = {name: getattr(self, name) for name in _field_names(Finding)}
        data["severity"] = str(self.severity)
        data["suggestions"] = [
            {name: getattr(s, name) for name in _field_names(Suggestion)} for s in self.suggestions
        ]
        extra = dict(self.extra)
        del data["extra"]
        if self.rewrite is None:
            del data["rewrite"]
        data.update(extra)
        return data


@dataclass(frozen=True)
class FileResult:
    """What linting one input produced: findings, or the one-line error that stopped it."""

    path: str
    findings: tuple[Finding, ...] = ()
    document: Document | None = None
    error: str | None = None
    notices: tuple[str, ...] = ()
    readability: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for finding in self.findings:
            out[str(finding.severity)] = out.get(str(finding.severity), 0) + 1
        return out
