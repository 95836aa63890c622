"""Streaming readers for batch inputs: CSV/TSV, JSON Lines, Excel, Parquet and folders of files.

Every reader yields ``pandas.DataFrame`` chunks of at most ``size`` rows, so memory stays flat
however large the input is. Each chunk carries two extra columns: ``ROW`` (the 1-based data
row, header excluded) and ``PROBLEM`` (a reader-level problem with that row, or ``None``).

How each format streams: CSV and TSV rows are parsed one at a time with the ``csv`` module
(as pandas' python engine does, but a broken row cannot take its chunk down with it), JSON
Lines line by line, Parquet in pyarrow record batches of only the needed columns, Excel with
openpyxl in read-only mode, folders file by file (read later, by the worker).

Nothing is dropped. A CSV row with too many fields or an unclosed quote, a JSON line that does
not parse, or bytes that are not valid in the input's encoding all come through as rows with a
problem, so the scan can report them as records with ``status: error``. Undecodable bytes are replaced by
``UNDECODABLE``, a Unicode noncharacter reserved for a program's internal use, so they cannot
be confused with a real U+FFFD replacement character in the text.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

from sos_lint.errors import InputError

ROW = "__sos_row__"
PROBLEM = "__sos_problem__"
FILE = "__sos_file__"

UNDECODABLE = "\ufdd0"
_ERRORS = "sos-lint-undecodable"

TABLE_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
TABLE_SUFFIXES |= {".xlsx": "xlsx", ".xlsm": "xlsx", ".parquet": "parquet", ".pq": "parquet"}
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".mdown", ".docx"}
FOLDER_COLUMNS = ("path", "folder", "name")


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return UNDECODABLE * (error.end - error.start), error.end


codecs.register_error(_ERRORS, _mark_undecodable)


class _CountingReader(io.RawIOBase):
    """A binary file that counts the bytes read through it (for the progress bar)."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._handle.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)

    def close(self) -> None:
        self._handle.close()
        super().close()


@dataclass
class Progress:
    """Progress through one source, in bytes of the input (an estimate for some formats)."""

    done: int = 0


@dataclass
class Source:
    """One input: its columns and a way to stream its rows in chunks."""

    path: str
    kind: str
    columns: list[str]
    size: int
    progress: Progress = field(default_factory=Progress)
    notices: list[str] = field(default_factory=list)

    def chunks(
        self, size: int, columns: Sequence[str], text_columns: Sequence[str]
    ) -> Iterator[pd.DataFrame]:
        raise NotImplementedError


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    wanted = [*columns, ROW, PROBLEM]
    return pd.DataFrame.from_records(rows, columns=wanted) if rows else pd.DataFrame(columns=wanted)


# -- CSV and TSV ---------------------------------------------------------------------------
@dataclass
class DelimitedSource(Source):
    sep: str = ","
    encoding: str = "utf-8"

    def _open(self) -> tuple[_CountingReader, io.TextIOWrapper]:
        raw = _CountingReader(open(self.path, "rb"))  # noqa: SIM115 - closed by the caller
        encoding = (
            "utf-8-sig"
            if self.encoding.lower().replace("_", "-") in ("utf-8", "utf8")
            else self.encoding
        )
        text = io.TextIOWrapper(
            io.BufferedReader(raw), encoding=encoding, errors=_ERRORS, newline=""
        )
        return raw, text

    def chunks(
        self, size: int, columns: Sequence[str], text_columns: Sequence[str]
    ) -> Iterator[pd.DataFrame]:
        # Rows are parsed one at a time (as pandas' python engine does), so that a broken
        # row is reported on its own and the rows around it are still read.
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # oversized cells are reported
        width = len(self.columns)
        index = {name: i for i, name in enumerate(self.columns)}
        wanted = [(name, index.get(name)) for name in columns]
        rows: list[dict[str, Any]] = []
        row_number = 0
        raw, text = self._open()
        try:
            reader = csv.reader(text, delimiter=self.sep, strict=True)
            next(reader, None)  # the header, read when the source was opened
            while True:
                line = reader.line_num + 1
                try:
                    fields = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    row_number += 1
                    if "unexpected end of data" in str(exc):
                        problem = (
                            f"unreadable row (line {line} opens a quote that is never closed, "
                            f"so the file cannot be read from there to its end, line "
                            f"{reader.line_num})"
                        )
                    else:
                        problem = f"malformed row (line {line}: {_short(exc)})"
                    rows.append({ROW: row_number, PROBLEM: problem})
                    continue
                if not fields:
                    continue  # a blank line
                row_number += 1
                record: dict[str, Any] = {ROW: row_number, PROBLEM: None}
                if len(fields) > width:
                    # An unquoted separator, say: keep the id and groups, report the row.
                    record[PROBLEM] = (
                        f"malformed row ({len(fields)} fields where the header has {width})"
                    )
                elif len(fields) < width:
                    fields += [""] * (width - len(fields))
                for name, i in wanted:
                    record[name] = fields[i] if i is not None else None
                rows.append(record)
                if len(rows) >= size:
                    self.progress.done = raw.count
                    yield _frame(rows, columns)
                    rows = []
            if rows:
                yield _frame(rows, columns)
        finally:
            text.close()
        self.progress.done = self.size


def _short(exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message[:120]


def _delimited(path: Path, kind: str, encoding: str) -> DelimitedSource:
    sep = "\t" if kind == "tsv" else ","
    source = DelimitedSource(str(path), kind, [], path.stat().st_size, sep=sep, encoding=encoding)
    _raw, text = source._open()
    try:
        header = next(csv.reader(text, delimiter=sep), None)
    except csv.Error as exc:
        raise InputError(f"{path}: cannot read the header row ({_short(exc)})") from None
    finally:
        text.close()
    if not header:
        raise InputError(f"{path}: the file is empty (no header row)")
    source.columns = _unique([h.strip() for h in header])
    return source


def _unique(names: Sequence[str]) -> list[str]:
    """Column names made unique the way pandas does ("note", "note.1")."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        name = name or f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


# -- JSON Lines ------------------------------------------------------------------------------
@dataclass
class JsonlSource(Source):
    encoding: str = "utf-8"

    def chunks(
        self, size: int, columns: Sequence[str], text_columns: Sequence[str]
    ) -> Iterator[pd.DataFrame]:
        rows: list[dict[str, Any]] = []
        row_number = 0
        raw = _CountingReader(open(self.path, "rb"))  # noqa: SIM115
        with io.TextIOWrapper(
            io.BufferedReader(raw), encoding=self.encoding, errors=_ERRORS
        ) as text:
            for line in text:
                if not line.strip():
                    continue
                row_number += 1
                rows.append(_json_row(line, row_number))
                if len(rows) >= size:
                    self.progress.done = raw.count
                    yield _frame(rows, columns)
                    rows = []
        if rows:
            yield _frame(rows, columns)
        self.progress.done = self.size


def _json_row(line: str, row_number: int) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        problem = f"unreadable row (line {row_number} is not valid JSON: {exc.msg})"
        if UNDECODABLE in line:
            problem = "undecodable bytes (the line is not valid UTF-8)"
        return {ROW: row_number, PROBLEM: problem}
    if not isinstance(value, dict):
        return {
            ROW: row_number,
            PROBLEM: f"unreadable row (line {row_number} is not a JSON object)",
        }
    return {**value, ROW: row_number, PROBLEM: None}


def _jsonl(path: Path, encoding: str) -> JsonlSource:
    keys: dict[str, None] = {}
    with open(path, encoding=encoding, errors=_ERRORS) as handle:
        for count, line in enumerate(handle):
            if count >= 1000:
                break
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict):
                keys.update(dict.fromkeys(str(k) for k in value))
    return JsonlSource(str(path), "jsonl", list(keys), path.stat().st_size, encoding=encoding)


# -- Parquet ---------------------------------------------------------------------------------
@dataclass
class ParquetSource(Source):
    rows: int = 0

    def chunks(
        self, size: int, columns: Sequence[str], text_columns: Sequence[str]
    ) -> Iterator[pd.DataFrame]:
        import pyarrow.parquet as pq

        handle = pq.ParquetFile(self.path)
        row_number = 0
        wanted = [c for c in columns if c in self.columns]
        for batch in handle.iter_batches(batch_size=size, columns=wanted):
            frame = pd.DataFrame({name: batch.column(name).to_pylist() for name in wanted})
            frame = frame.reindex(columns=list(columns))
            frame[ROW] = range(row_number + 1, row_number + 1 + len(frame))
            frame[PROBLEM] = None
            row_number += len(frame)
            if self.rows:
                self.progress.done = int(self.size * row_number / self.rows)
            yield frame
        self.progress.done = self.size


def _extra(module: str, what: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(
            f"reading {what} needs the batch extra: pip install 'sos-lint[batch]'"
        ) from None


def _parquet(path: Path) -> ParquetSource:
    pq = _extra("pyarrow.parquet", "Parquet")

    try:
        handle = pq.ParquetFile(str(path))
    except Exception as exc:
        raise InputError(f"{path}: not a readable Parquet file ({_short(exc)})") from None
    names = list(handle.schema_arrow.names)
    return ParquetSource(
        str(path), "parquet", names, path.stat().st_size, rows=handle.metadata.num_rows
    )


# -- Excel -----------------------------------------------------------------------------------
@dataclass
class ExcelSource(Source):
    sheet: str | None = None
    rows: int = 0

    def _sheet(self) -> Any:
        from openpyxl import load_workbook

        book = load_workbook(self.path, read_only=True, data_only=True)
        if self.sheet is None:
            return book, book.worksheets[0]
        if self.sheet not in book.sheetnames:
            book.close()
            raise InputError(
                f"{self.path}: no sheet {self.sheet!r} (sheets: {', '.join(book.sheetnames)})"
            )
        return book, book[self.sheet]

    def chunks(
        self, size: int, columns: Sequence[str], text_columns: Sequence[str]
    ) -> Iterator[pd.DataFrame]:
        book, sheet = self._sheet()
        index = {name: i for i, name in enumerate(self.columns)}
        wanted = [(name, index.get(name)) for name in columns]
        rows: list[dict[str, Any]] = []
        row_number = 0
        try:
            values = sheet.iter_rows(values_only=True)
            next(values, None)  # the header
            for values_row in values:
                if values_row is None or all(v is None for v in values_row):
                    continue
                row_number += 1
                row: dict[str, Any] = {ROW: row_number, PROBLEM: None}
                for name, i in wanted:
                    row[name] = values_row[i] if i is not None and i < len(values_row) else None
                rows.append(row)
                if len(rows) >= size:
                    if self.rows:
                        self.progress.done = min(self.size, int(self.size * row_number / self.rows))
                    yield _frame(rows, columns)
                    rows = []
            if rows:
                yield _frame(rows, columns)
        finally:
            book.close()
        self.progress.done = self.size


def _excel(path: Path, sheet: str | None) -> ExcelSource:
    _extra("openpyxl", "Excel workbooks")
    source = ExcelSource(str(path), "xlsx", [], path.stat().st_size, sheet=sheet)
    try:
        book, ws = source._sheet()
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{path}: not a readable Excel workbook ({_short(exc)})") from None
    try:
        header = next(ws.iter_rows(values_only=True, max_row=1), None)
        source.rows = max(0, (ws.max_row or 0) - 1)
    finally:
        book.close()
    if not header:
        raise InputError(f"{path}: the first sheet is empty (no header row)")
    source.columns = _unique(["" if h is None else str(h).strip() for h in header])
    return source


# -- Folders of documents --------------------------------------------------------------------
@dataclass
class FolderSource(Source):
    files: list[Path] = field(default_factory=list)
    root: Path | None = None

    def chunks(
        self, size: int, columns: Sequence[str], text_columns: Sequence[str]
    ) -> Iterator[pd.DataFrame]:
        rows: list[dict[str, Any]] = []
        done = 0
        for number, path in enumerate(self.files, start=1):
            folder = "."
            if self.root is not None:
                folder = str(path.parent.relative_to(self.root)) or "."
            values = {"path": str(path), "folder": folder, "name": path.name}
            row = {name: values.get(name) for name in columns}
            row.update({ROW: number, PROBLEM: None, FILE: str(path)})
            rows.append(row)
            with contextlib.suppress(OSError):
                done += path.stat().st_size
            if len(rows) >= size:
                self.progress.done = done
                yield pd.DataFrame.from_records(rows, columns=[*columns, ROW, PROBLEM, FILE])
                rows = []
        if rows:
            yield pd.DataFrame.from_records(rows, columns=[*columns, ROW, PROBLEM, FILE])
        self.progress.done = self.size


def _is_document(path: Path) -> bool:
    name = path.name
    return path.suffix.lower() in DOCUMENT_SUFFIXES and not name.startswith((".", "~$"))


def _folder(path: Path) -> FolderSource:
    files = sorted(p for p in path.rglob("*") if p.is_file() and _is_document(p))
    skipped = sum(1 for p in path.rglob("*") if p.is_file() and not _is_document(p))
    size = 0
    for p in files:
        with contextlib.suppress(OSError):
            size += p.stat().st_size
    source = FolderSource(str(path), "folder", list(FOLDER_COLUMNS), size, files=files, root=path)
    if skipped:
        source.notices.append(
            f"{path}: {skipped} file(s) that are not .txt, .md or .docx were skipped"
        )
    return source


# -- Choosing a reader -----------------------------------------------------------------------
def open_source(path: str | Path, encoding: str = "utf-8", sheet: str | None = None) -> Source:
    """The streaming reader for ``path``; ``InputError`` if it cannot be read at all."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file or folder")
    if p.is_dir():
        return _folder(p)
    suffix = p.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        source = FolderSource(str(p), "folder", list(FOLDER_COLUMNS), p.stat().st_size, files=[p])
        source.root = p.parent
        return source
    kind = TABLE_SUFFIXES.get(suffix)
    if kind is None:
        known = ", ".join(sorted(set(TABLE_SUFFIXES) | DOCUMENT_SUFFIXES))
        raise InputError(
            f"{p}: unsupported input type {suffix or '(none)'!r} (one of: {known}, or a folder)"
        )
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    try:
        if kind in ("csv", "tsv"):
            return _delimited(p, kind, encoding)
        if kind == "jsonl":
            return _jsonl(p, encoding)
        if kind == "parquet":
            return _parquet(p)
        return _excel(p, sheet)
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None


__all__ = [
    "FILE",
    "FOLDER_COLUMNS",
    "PROBLEM",
    "ROW",
    "UNDECODABLE",
    "Source",
    "open_source",
]
