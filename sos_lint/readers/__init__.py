"""Input readers: one module per input kind, one entry point to choose between them."""

from __future__ import annotations

from pathlib import Path

from sos_lint.errors import InputError
from sos_lint.readers.base import (
    Block,
    RawDocument,
    SuppressionComment,
    decode_bytes,
    require_content,
)
from sos_lint.readers.docx import read_docx
from sos_lint.readers.text import read_text

__all__ = [
    "Block",
    "RawDocument",
    "SuppressionComment",
    "read_bytes",
    "read_path",
    "read_string",
]

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
DOCX_SUFFIXES = {".docx"}
TEXT_SUFFIXES = {".txt", ".text", ""} | MARKDOWN_SUFFIXES
UNSUPPORTED = {
    ".doc": "old Word .doc files are not supported; save it as .docx",
    ".pdf": "PDF is not supported; export the text as .docx or .txt",
    ".rtf": "RTF is not supported; save it as .docx",
}


def read_string(text: str, path: str | None = None) -> RawDocument:
    name = path or "<text>"
    require_content(text, name)
    kind = "markdown" if path and Path(path).suffix.lower() in MARKDOWN_SUFFIXES else "text"
    return read_text(text, path=path, kind=kind)


def read_bytes(data: bytes, name: str) -> RawDocument:
    """Read a document from its bytes; ``name``'s suffix says the kind (.docx, .md, text)."""
    suffix = Path(name).suffix.lower()
    if suffix in UNSUPPORTED:
        raise InputError(f"{name}: {UNSUPPORTED[suffix]}")
    if suffix in DOCX_SUFFIXES:
        raw = read_docx(Path(name), data)
        require_content(raw.text, name)
        return raw
    text, notices = decode_bytes(data, name)
    raw = read_string(text, name)
    raw.notices.extend(notices)
    return raw


def read_path(path: str | Path) -> RawDocument:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a file")
    suffix = p.suffix.lower()
    if suffix in UNSUPPORTED:
        raise InputError(f"{p}: {UNSUPPORTED[suffix]}")
    if suffix in DOCX_SUFFIXES:
        raw = read_docx(p)
        require_content(raw.text, str(p))
        return raw
    try:
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror})") from None
    return read_bytes(data, str(p))
