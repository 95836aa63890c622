"""Blocks -> Document: sections typed by Signs of Safety headings, statements with offsets.

The heading synonym table lives in ``rules/sections.yml``; users extend it with
``[tool.sos-lint.headings]``. A line such as "Danger statement: ..." types its own statement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from sos_lint.engine.paths import rules_dir
from sos_lint.errors import RuleError
from sos_lint.models import SECTION_TYPES, Document, Section, Statement, Suppression
from sos_lint.readers.base import Block, RawDocument, SuppressionComment
from sos_lint.yamlio import load_yaml

_LEADING_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s+")
_FILLER = ("the ", "our ", "current ", "family ")
_CUTS = re.compile(r"\s*(?:\(|:| - | – | — | for | about )")
_LABEL = re.compile(r"\s*([A-Za-z][A-Za-z '’/&-]{1,48}?)\s*[:–—-]\s+(?=\S)")


def normalise_heading(text: str) -> str:
    """Lower case, no punctuation or apostrophes, no leading number or filler words."""
    text = text.strip().lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[*_`#]", "", text)
    text = _LEADING_NUMBER.sub("", text)
    text = text.replace("'", "")
    text = re.sub(r"[^a-z0-9()&:/ -]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" :-")
    for filler in _FILLER:
        if text.startswith(filler):
            text = text[len(filler) :]
    return text


@lru_cache(maxsize=1)
def _builtin_synonyms() -> dict[str, str]:
    path = rules_dir() / "sections.yml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read the heading synonym table ({exc})") from None
    return _synonym_map(data, str(path))


def _synonym_map(data: object, origin: str) -> dict[str, str]:
    if not isinstance(data, Mapping):
        raise RuleError(f"{origin}: the heading table must map section types to lists")
    table: dict[str, str] = {}
    for section, headings in data.items():
        if section not in SECTION_TYPES:
            raise RuleError(f"{origin}: unknown section type {section!r}")
        if not isinstance(headings, (list, tuple)) or not all(isinstance(h, str) for h in headings):
            raise RuleError(f"{origin}: {section} must be a list of headings")
        for heading in headings:
            table[normalise_heading(heading)] = section
    return table


@dataclass(frozen=True)
class HeadingTable:
    synonyms: Mapping[str, str]

    @classmethod
    def build(cls, extra: Mapping[str, Sequence[str]] | None = None) -> HeadingTable:
        table = dict(_builtin_synonyms())
        if extra:
            table.update(_synonym_map(dict(extra), "config [headings]"))
        return cls(table)

    def lookup(self, heading: str) -> str | None:
        """The section type a heading names, or None."""
        norm = normalise_heading(heading)
        if not norm:
            return None
        if norm in self.synonyms:
            return self.synonyms[norm]
        cut = _CUTS.split(norm, maxsplit=1)[0].strip()
        if cut in self.synonyms:
            return self.synonyms[cut]
        # "Danger statements for Kai and Mia": the longest multi-word synonym it starts with.
        best: tuple[int, str] | None = None
        for synonym, section in self.synonyms.items():
            longer = best is None or len(synonym) > best[0]
            if " " in synonym and norm.startswith(synonym + " ") and longer:
                best = (len(synonym), section)
        return best[1] if best else None

    def label(self, text: str, start: int, end: int) -> tuple[str, int] | None:
        """A statement that starts with a section label ("Danger statement: ...")."""
        match = _LABEL.match(text, start, end)
        if not match:
            return None
        section = self.lookup(match.group(1))
        if section is None or section == "general":
            return None
        return section, match.end()


@dataclass
class _Builder:
    raw: RawDocument
    headings: HeadingTable
    default_section: str
    sections: list[Section] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    _open: dict[str, object] | None = None
    _stack: list[tuple[int, str]] = field(default_factory=list)
    _columns: dict[tuple[int, int], str] = field(default_factory=dict)
    _cell_sections: dict[tuple[int, int], int] = field(default_factory=dict)

    def line_col(self, offset: int) -> tuple[int, int]:
        text = self.raw.text
        line = text.count("\n", 0, offset) + 1
        return line, offset - text.rfind("\n", 0, offset)

    def open_section(self, section_type: str, heading: str | None, start: int) -> int:
        self.close_section(start)
        line, _ = self.line_col(start)
        self._open = {
            "index": len(self.sections),
            "type": section_type,
            "heading": heading,
            "start": start,
            "line": line,
        }
        self.sections.append(Section(len(self.sections), section_type, heading, start, start, line))
        return len(self.sections) - 1

    def close_section(self, end: int) -> None:
        if self._open is None:
            return
        index = int(self._open["index"])  # type: ignore[call-overload]
        old = self.sections[index]
        self.sections[index] = Section(
            old.index,
            old.type,
            old.heading,
            old.start,
            max(old.end, old.start),
            old.line,
            old.statement_indexes,
        )
        self._open = None

    def add_statement(
        self, section_index: int, section_type: str, start: int, end: int, kind: str
    ) -> None:
        text = self.raw.text[start:end]
        line, column = self.line_col(start)
        index = len(self.statements)
        self.statements.append(
            Statement(index, section_type, start, end, text, line, column, section_index, kind)
        )
        sec = self.sections[section_index]
        self.sections[section_index] = Section(
            sec.index,
            sec.type,
            sec.heading,
            sec.start,
            max(sec.end, end),
            sec.line,
            (*sec.statement_indexes, index),
        )

    def current(self, at: int) -> tuple[int, str]:
        if self._open is None:
            self.open_section(self.default_section, None, at)
        assert self._open is not None
        return int(self._open["index"]), str(self._open["type"])  # type: ignore[call-overload]

    def heading(self, block: Block) -> bool:
        text = self.raw.text[block.start : block.end]
        section = self.headings.lookup(text)
        if section is None and not block.explicit:
            return False
        if section is None:
            # An unknown sub-heading keeps the type of the section it sits in.
            section = self.default_section
            for level, parent in reversed(self._stack):
                if level < block.level:
                    section = parent
                    break
        while self._stack and self._stack[-1][0] >= block.level:
            self._stack.pop()
        self._stack.append((block.level, section))
        self.open_section(section, text, block.start)
        return True

    def cell(self, block: Block) -> None:
        assert block.table is not None and block.column is not None
        key = (block.table, block.column)
        text = self.raw.text[block.start : block.end]
        if block.kind == "header_cell":
            section = self.headings.lookup(text)
            if section is not None:
                self._columns[key] = section
                return
            # A table without a Signs of Safety header row: its first row is content.
        known = self.headings.lookup(text)
        if known is not None and len(text.split()) <= 6:
            self._columns[key] = known  # a sub-heading inside a map column ("Harm")
            self._cell_sections.pop(key, None)
            return
        section = self._columns.get(key)
        if section is None:
            index, section = self.current(block.start)
        else:
            index = self._cell_sections.get(key, -1)
            if index < 0 or self.sections[index].type != section:
                self.close_section(block.start)
                index = self.open_section(section, None, block.start)
                self.close_section(block.start)
                self._cell_sections[key] = index
        self.statement(index, section, block, "cell")

    def statement(self, index: int, section: str, block: Block, kind: str) -> None:
        start, end = block.start, block.end
        labelled = self.headings.label(self.raw.text, start, end)
        if labelled is not None:
            section, start = labelled
            kind = "labelled"
        self.add_statement(index, section, start, end, kind)


def build_document(
    raw: RawDocument,
    headings: HeadingTable | None = None,
    section: str | None = None,
) -> Document:
    """Cut a read input into sections and statements. ``section`` types untitled text."""
    table = headings or HeadingTable.build()
    builder = _Builder(raw, table, section or "general")
    for block in raw.blocks:
        if block.kind == "heading" and builder.heading(block):
            continue
        if block.kind in ("cell", "header_cell"):
            builder.cell(block)
            continue
        index, section_type = builder.current(block.start)
        builder.statement(
            index, section_type, block, "bullet" if block.kind == "bullet" else "paragraph"
        )
    builder.close_section(len(raw.text))
    sections = tuple(s for s in builder.sections if s.statement_indexes or s.heading is not None)
    # Re-number sections after dropping empty untitled ones, keeping statements in step.
    renumber = {s.index: i for i, s in enumerate(sections)}
    sections = tuple(
        Section(renumber[s.index], s.type, s.heading, s.start, s.end, s.line, s.statement_indexes)
        for s in sections
    )
    statements = tuple(
        Statement(
            st.index,
            st.section,
            st.start,
            st.end,
            st.text,
            st.line,
            st.column,
            renumber.get(st.section_index, 0),
            st.kind,
        )
        for st in builder.statements
    )
    return Document(
        text=raw.text,
        path=raw.path,
        sections=sections,
        statements=statements,
        suppressions=resolve_suppressions(raw.text, raw.comments),
        notices=tuple(raw.notices),
    )


def resolve_suppressions(
    text: str, comments: Sequence[SuppressionComment]
) -> tuple[Suppression, ...]:
    """Turn disable/enable comments into the ranges of input they cover."""
    out: list[Suppression] = []
    open_regions: list[SuppressionComment] = []
    for comment in comments:
        if comment.action == "disable-line":
            out.append(_suppression(comment, comment.line_start, comment.line_end))
        elif comment.action == "disable-next-line":
            start = comment.line_end + 1
            while start < len(text):
                end = text.find("\n", start)
                end = len(text) if end == -1 else end
                if text[start:end].strip():
                    out.append(_suppression(comment, start, end))
                    break
                start = end + 1
        elif comment.action == "disable":
            open_regions.append(comment)
        elif comment.action == "enable":
            for region in list(open_regions):
                if not comment.codes or set(region.codes) & set(comment.codes) or not region.codes:
                    out.append(_suppression(region, region.end, comment.start))
                    open_regions.remove(region)
    for region in open_regions:
        out.append(_suppression(region, region.end, len(text)))
    return tuple(sorted(out, key=lambda s: s.comment_start))


def _suppression(comment: SuppressionComment, start: int, end: int) -> Suppression:
    return Suppression(comment.codes, start, end, comment.start, comment.end)
