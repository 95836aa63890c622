"""Word documents: paragraphs, heading styles, list paragraphs and tables, in body order.

The linted text is the document's text with one line per paragraph (table cells included,
row by row). ``RawDocument.source`` keeps, for every line, where its paragraph lives so that
fixes can be written back into the right runs.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sos_lint.errors import InputError
from sos_lint.readers.base import Block, RawDocument

_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)", re.I)


@dataclass(frozen=True)
class ParagraphSpan:
    """Where one linted line came from: a body paragraph or a paragraph in a table cell."""

    start: int
    end: int
    locator: tuple[Any, ...]  # ("body", i) or ("table", t, row, col, i)


def _style_name(paragraph: Any) -> str:
    try:
        return paragraph.style.name or ""
    except (AttributeError, KeyError, ValueError):
        return ""


def _is_list(paragraph: Any, style: str) -> bool:
    if "list" in style.lower():
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def open_docx(path: Path, data: bytes | None = None) -> Any:
    """The Word document at ``path``, or in ``data`` (named ``path``) when given."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(f"{path}: python-docx is not installed") from exc
    try:
        return docx.Document(io.BytesIO(data) if data is not None else str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(
            f"{path}: not a valid Word (.docx) document ({type(exc).__name__})"
        ) from None
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise InputError(
            f"{path}: not a valid Word (.docx) document ({type(exc).__name__})"
        ) from None


def iter_body(document: Any) -> Any:
    """Yield ("p", paragraph) and ("t", table) in body order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "p", Paragraph(child, document)
        elif tag == "tbl":
            yield "t", Table(child, document)


def read_docx(path: Path, data: bytes | None = None) -> RawDocument:
    """Read a .docx file, or its bytes ``data`` (an upload, never written to disk)."""
    document = open_docx(path, data)
    parts: list[str] = []
    blocks: list[Block] = []
    spans: list[ParagraphSpan] = []
    pos = 0

    def add_line(text: str, locator: tuple[Any, ...]) -> tuple[int, int]:
        nonlocal pos
        text = text.replace("\r", " ").replace("\n", " ").replace("\x0b", " ")
        start = pos
        parts.append(text + "\n")
        pos += len(text) + 1
        spans.append(ParagraphSpan(start, start + len(text), locator))
        return start, start + len(text)

    def trimmed(start: int, end: int) -> tuple[int, int]:
        text = "".join(parts)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    body_index = 0
    table_index = -1
    for kind, item in iter_body(document):
        if kind == "p":
            start, end = add_line(item.text, ("body", body_index))
            body_index += 1
            start, end = trimmed(start, end)
            if start == end:
                continue
            style = _style_name(item)
            heading = _HEADING_STYLE.match(style)
            if heading or style.lower() == "title":
                level = int(heading.group(1)) if heading else 1
                blocks.append(Block("heading", start, end, level=level, explicit=True))
            elif _is_list(item, style):
                blocks.append(Block("bullet", start, end))
            else:
                blocks.append(Block("paragraph", start, end))
            continue
        table_index += 1
        seen: dict[int, Any] = {}  # holds the elements too, so their ids stay unique
        for r, row in enumerate(item.rows):
            for c, cell in enumerate(row.cells):
                if id(cell._tc) in seen:  # merged cells repeat; read each once
                    continue
                seen[id(cell._tc)] = cell._tc
                for p_index, paragraph in enumerate(cell.paragraphs):
                    start, end = add_line(paragraph.text, ("table", table_index, r, c, p_index))
                    start, end = trimmed(start, end)
                    if start == end:
                        continue
                    kind_name = "header_cell" if r == 0 else "cell"
                    blocks.append(Block(kind_name, start, end, table=table_index, column=c))
    text = "".join(parts)
    return RawDocument(text=text, blocks=blocks, path=str(path), source=spans, kind="docx")
