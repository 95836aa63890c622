"""The Python API: lint text or files and get typed results. The model loads once per process."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from sos_lint.config import Config
from sos_lint.document import HeadingTable, build_document
from sos_lint.engine.runner import Linter
from sos_lint.errors import InputError, SosLintError
from sos_lint.models import SECTION_TYPES, Document, FileResult
from sos_lint.readability import score_document
from sos_lint.readers import RawDocument, read_bytes, read_path, read_string

_lock = threading.Lock()
_linters: dict[str, Linter] = {}


def get_linter(config: Config | None = None) -> Linter:
    """A linter for ``config``, built once and reused (rules compiled, model loaded)."""
    config = config or Config()
    key = repr(config)
    with _lock:
        linter = _linters.get(key)
        if linter is None:
            if len(_linters) > 16:
                _linters.clear()
            linter = Linter(config)
            _linters[key] = linter
        return linter


def _check_section(section: str | None) -> None:
    if section is not None and section not in SECTION_TYPES:
        raise SosLintError(f"unknown section type {section!r} (one of: {', '.join(SECTION_TYPES)})")


def to_document(raw: RawDocument, config: Config, section: str | None = None) -> Document:
    headings = HeadingTable.build(config.headings)
    return build_document(raw, headings, section)


def _result(raw: RawDocument, name: str, config: Config, section: str | None) -> FileResult:
    linter = get_linter(config)
    document = to_document(raw, config, section)
    findings = linter.lint_document(document)
    skipped = linter.grammar.notice() if linter.grammar is not None else None
    return FileResult(
        path=name,
        findings=tuple(findings),
        document=document,
        notices=document.notices + ((skipped,) if skipped else ()),
        readability=score_document(document),
    )


def lint_text(
    text: str,
    section: str | None = None,
    config: Config | None = None,
    path: str | None = None,
) -> FileResult:
    """Lint a string. ``section`` types text that has no Signs of Safety headings.

    Raises ``InputError`` for empty text; every other problem is a ``SosLintError``.
    """
    config = config or Config()
    _check_section(section)
    raw = read_string(text, path)
    return _result(raw, path or "<text>", config, section)


def lint_bytes(
    data: bytes, name: str, section: str | None = None, config: Config | None = None
) -> FileResult:
    config = config or Config()
    _check_section(section)
    raw = read_bytes(data, name)
    return _result(raw, name, config, section)


def lint_raw(
    raw: RawDocument, name: str, section: str | None = None, config: Config | None = None
) -> FileResult:
    """Lint input already read (``read_bytes``/``read_path``), e.g. after checking its size."""
    config = config or Config()
    _check_section(section)
    return _result(raw, name, config, section)


def lint_file(
    path: str | Path,
    section: str | None = None,
    config: Config | None = None,
) -> FileResult:
    """Lint one file (.md, .txt, .docx). Raises ``InputError`` for unreadable input."""
    config = config or Config()
    _check_section(section)
    raw = read_path(path)
    return _result(raw, str(path), config, section)


def lint_paths(
    paths: Iterable[str | Path],
    section: str | None = None,
    config: Config | None = None,
    stdin: bytes | None = None,
) -> Iterator[FileResult]:
    """Lint each path in turn; an unreadable one gives a result with ``error`` set."""
    for path in paths:
        name = str(path)
        try:
            if name == "-":
                yield lint_bytes(stdin or b"", "<stdin>", section, config)
            else:
                yield lint_file(path, section, config)
        except InputError as exc:
            yield FileResult(path="<stdin>" if name == "-" else name, error=str(exc))
