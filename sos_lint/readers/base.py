"""What every reader returns: the text to lint and its blocks, with offsets into that text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sos_lint.errors import InputError


@dataclass(frozen=True)
class Block:
    """A run of the input that is a heading, a paragraph, a list item or a table cell.

    ``start``/``end`` bound the block's content (markers such as ``#`` or ``- `` excluded).
    ``explicit`` headings (Markdown ``#``, Word heading styles) always open a section;
    other heading-looking lines only do when the synonym table knows them.
    """

    kind: str  # heading | paragraph | bullet | cell | header_cell
    start: int
    end: int
    level: int = 0
    explicit: bool = False
    table: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class SuppressionComment:
    """An inline `<!-- sos-lint: ... -->` comment, before it is resolved to a range."""

    action: str  # disable | enable | disable-line | disable-next-line
    codes: tuple[str, ...]
    start: int
    end: int
    line_start: int
    line_end: int


@dataclass
class RawDocument:
    text: str
    blocks: list[Block]
    path: str | None = None
    comments: list[SuppressionComment] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # Reader-specific data needed to write fixes back (e.g. Word paragraph positions).
    source: Any = None
    kind: str = "text"


BINARY_SNIFF = 8192


def decode_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode input bytes: UTF-8, then UTF-8 with BOM, then cp1252 with a notice."""
    notices: list[str] = []
    if b"\x00" in data[:BINARY_SNIFF]:
        raise InputError(f"{name}: looks like a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), notices
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), notices
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: cannot decode the text (not UTF-8 or Windows-1252, byte {exc.start})"
        ) from None
    notices.append(f"{name}: not valid UTF-8; read as Windows-1252 (cp1252)")
    return text, notices


def require_content(text: str, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: the file is empty (no text to check)")
