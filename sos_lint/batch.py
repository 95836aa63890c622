"""Batch scans: many records from tables or folders, linted in chunks, with nothing lost.

Flow: readers (``sos_lint.readers.tables``) stream pandas chunks -> the main process turns
each chunk into plain ``RawRecord`` tuples (skipping ids already in the output when resuming)
-> ``lint_chunk`` checks each cell, builds one Document per text column, lints them all
through ``Linter.lint_documents`` (shared ``nlp.pipe`` batches, the parser only where a rule
needs it, never NER) and serialises the results -> the main process appends them to the
output in input order and feeds compact views to the summary.

``lint_chunk`` is the one unit of work for every engine: in-process (``--jobs 1``), in
worker processes (``--jobs N``, the model loaded once per worker) or on a Dask cluster
(``--engine dask``), so every engine writes identical records for the same input.

Every input record comes out exactly once, with ``status`` ``ok`` or ``error``. Errors name
the problem with a fixed phrase (see ``summary.ERROR_REASONS``) and never quote the text.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import math
import numbers
import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as dt_time
from pathlib import Path
from typing import Any, NamedTuple

from sos_lint.config import Config
from sos_lint.errors import InputError, SosLintError
from sos_lint.models import CATEGORIES, SECTION_TYPES, TOOL_CATEGORY, Document, Finding
from sos_lint.readers.tables import (
    FILE,
    FOLDER_COLUMNS,
    PROBLEM,
    ROW,
    UNDECODABLE,
    Source,
    open_source,
)
from sos_lint.summary import (
    READABILITY_KEYS,
    SEVERITIES,
    FindingView,
    RecordView,
    SummaryBuilder,
)
from sos_lint.timelimit import (
    DEFAULT_RECORD_TIMEOUT,
    LONGEST_LIMIT,
    TimeLimitExceeded,
    time_limit,
)

FORMATS = ("jsonl", "csv", "parquet")
PER = ("record", "finding")
ENGINES = ("local", "dask")
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
COUNT_CATEGORIES = (*CATEGORIES, TOOL_CATEGORY)
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?")


class ColumnError(SosLintError):
    """A named column that the input does not have."""


@dataclass(frozen=True)
class NameColumn:
    """A column of personal names, with an optional role to show instead of initials."""

    column: str
    role: str | None = None

    @classmethod
    def parse(cls, value: str) -> NameColumn:
        column, _, role = value.partition("=")
        if not column.strip():
            raise SosLintError(f"--name-column needs a column name, not {value!r}")
        return cls(column.strip(), role.strip() or None)


@dataclass(frozen=True)
class ScanOptions:
    inputs: tuple[str, ...]
    output: str
    fmt: str | None = None
    per: str = "record"
    text_columns: tuple[str, ...] = ()
    id_column: str | None = None
    section_column: str | None = None
    section: str | None = None
    group_by: tuple[str, ...] = ()
    name_columns: tuple[NameColumn, ...] = ()
    jobs: int = 1
    batch_size: int = 256
    limit: int | None = None
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None
    dask_workers: int = 2
    encoding: str = "utf-8"
    sheet: str | None = None
    summary_path: str | None = None
    readability: bool = True
    progress: bool | None = None
    """None: a progress bar when standard error is a terminal."""
    record_timeout: float = DEFAULT_RECORD_TIMEOUT
    """Seconds one record may take to check before it is stopped and reported (0: no limit)."""


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to lint a chunk (picklable, sent once per worker)."""

    config: Config
    fields: tuple[str, ...]
    group_by: tuple[str, ...]
    names: tuple[NameColumn, ...]
    section: str
    section_column: bool
    fmt: str
    per: str
    readability: bool
    readability_keys: tuple[str, ...]
    columns: tuple[str, ...]
    nlp_batch_size: int = 128
    record_timeout: float = DEFAULT_RECORD_TIMEOUT


class RawRecord(NamedTuple):
    id: str
    input: str
    row: int
    group: tuple[str, ...]
    section_value: Any
    texts: tuple[Any, ...]
    names: tuple[Any, ...]
    problem: str | None
    file: str | None


class ChunkResult(NamedTuple):
    payload: Any  # str for JSONL and CSV, a pyarrow Table for Parquet
    views: list[RecordView]
    records: int
    words: int


@dataclass
class ScanResult:
    summary: dict[str, Any]
    summary_path: str
    output: str
    scanned: int = 0
    skipped: int = 0
    errors: int = 0
    unknown_sections: int = 0
    seconds: float = 0.0
    words: int = 0
    notices: list[str] = field(default_factory=list)


# -- options -> job ------------------------------------------------------------------------
def output_format(options: ScanOptions) -> str:
    if options.fmt:
        if options.fmt not in FORMATS:
            raise SosLintError(
                f"unknown output format {options.fmt!r} (one of {', '.join(FORMATS)})"
            )
        return options.fmt
    fmt = SUFFIX_FORMATS.get(Path(options.output).suffix.lower())
    if fmt is None:
        raise SosLintError(
            f"cannot tell the output format from {options.output!r}; "
            "end it in .jsonl, .csv or .parquet or give --format"
        )
    return fmt


def _readability_keys(enabled: bool) -> tuple[str, ...]:
    if not enabled or _readability() is None:
        return ()
    return READABILITY_KEYS


def _readability() -> Any:
    try:
        from sos_lint import readability
    except ImportError:
        return None
    return readability if hasattr(readability, "score_statements") else None


def readability_columns(fields: Sequence[str], keys: Sequence[str], per: str) -> list[str]:
    if per == "finding" or len(fields) <= 1:
        return list(keys)
    return [f"{f}.{k}" for f in fields for k in keys]


def table_columns(
    per: str,
    group_by: Sequence[str],
    fields: Sequence[str],
    keys: Sequence[str],
    section_column: bool,
) -> tuple[str, ...]:
    head = ["id", "status", "error", "input", "row", *group_by, "section"]
    if section_column:
        head.append("section_unknown")
    if per == "record":
        return (
            *head,
            "fields",
            "words",
            "findings",
            *(f"severity_{s}" for s in SEVERITIES),
            *COUNT_CATEGORIES,
            "codes",
            "terms",
            *readability_columns(fields, keys, per),
        )
    return (
        *head,
        "field",
        "words",
        "code",
        "rule",
        "category",
        "severity",
        "message",
        "text",
        "start",
        "end",
        "line",
        "column",
        "statement_section",
        "statement_index",
        "suggestion",
        "safe",
        "statement",
        *readability_columns(fields, keys, per),
    )


_INT_COLUMNS = {"row", "words", "findings", "start", "end", "line", "column", "statement_index"}
_INT_COLUMNS |= {f"severity_{s}" for s in SEVERITIES} | set(COUNT_CATEGORIES)


def arrow_schema(columns: Sequence[str], readability_cols: Sequence[str]) -> Any:
    import pyarrow as pa

    floats = set(readability_cols)
    fields = []
    for name in columns:
        if name in floats:
            fields.append(pa.field(name, pa.float64()))
        elif name in _INT_COLUMNS:
            fields.append(pa.field(name, pa.int64()))
        elif name == "safe":
            fields.append(pa.field(name, pa.bool_()))
        else:
            fields.append(pa.field(name, pa.string()))
    return pa.schema(fields)


def make_job(options: ScanOptions, config: Config, fields: Sequence[str]) -> Job:
    fmt = output_format(options)
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise SosLintError(
                "Parquet output needs the batch extra: pip install 'sos-lint[batch]'"
            ) from None
    per = "record" if fmt == "jsonl" else options.per
    keys = _readability_keys(options.readability)
    columns = (
        table_columns(per, options.group_by, fields, keys, options.section_column is not None)
        if fmt != "jsonl"
        else ()
    )
    return Job(
        config=config,
        fields=tuple(fields),
        group_by=tuple(options.group_by),
        names=tuple(options.name_columns),
        section=options.section or "general",
        section_column=options.section_column is not None,
        fmt=fmt,
        per=per,
        readability=bool(keys),
        readability_keys=keys,
        columns=columns,
        record_timeout=options.record_timeout,
    )


# -- checking the inputs -------------------------------------------------------------------
def _missing(source: Source, wanted: Sequence[tuple[str, str]]) -> None:
    missing = [(option, name) for option, name in wanted if name not in source.columns]
    if not missing:
        return
    import difflib

    parts = []
    for option, name in missing:
        close = difflib.get_close_matches(name, source.columns, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        parts.append(f"{option} {name!r}{hint}")
    available = ", ".join(repr(c) for c in source.columns) or "(none)"
    raise ColumnError(
        f"{source.path}: no column {'; no column '.join(parts)}. Available columns: {available}"
    )


def text_fields(options: ScanOptions, sources: Sequence[Source]) -> tuple[str, ...]:
    """The text columns to lint; checks every named column exists in every input."""
    tables = [s for s in sources if s.kind != "folder"]
    folders = [s for s in sources if s.kind == "folder"]
    if folders and (options.text_columns or options.id_column or options.section_column):
        raise SosLintError(
            "--text-column, --id-column and --section-column apply to tables; in a folder "
            f"each file is one record, its path the id (folder columns: {', '.join(FOLDER_COLUMNS)})"
        )
    fields = tuple(options.text_columns)
    if tables and not fields:
        first = tables[0]
        if "text" not in first.columns:
            available = ", ".join(repr(c) for c in first.columns) or "(none)"
            raise ColumnError(
                f"{first.path}: name the column(s) to lint with --text-column "
                f"(there is no column 'text'). Available columns: {available}"
            )
        fields = ("text",)
    if len(set(fields)) != len(fields):
        raise SosLintError("--text-column names the same column twice")
    for source in sources:
        wanted: list[tuple[str, str]] = []
        if source.kind != "folder":
            wanted += [("--text-column", f) for f in fields]
            if options.id_column:
                wanted.append(("--id-column", options.id_column))
            if options.section_column:
                wanted.append(("--section-column", options.section_column))
        wanted += [("--group-by", g) for g in options.group_by]
        wanted += [("--name-column", n.column) for n in options.name_columns]
        _missing(source, wanted)
    return fields if tables else ("text",)


def check_output_columns(options: ScanOptions, job: Job) -> None:
    if job.fmt == "jsonl":
        return
    fixed = set(table_columns(job.per, (), job.fields, job.readability_keys, job.section_column))
    clash = [g for g in options.group_by if g in fixed]
    if clash:
        raise SosLintError(
            f"--group-by column {clash[0]!r} has the same name as a column of the "
            f'{job.per} table; use JSONL output (groups nest under "group") or rename it'
        )
    if len(set(options.group_by)) != len(options.group_by):
        raise SosLintError("--group-by names the same column twice")


# -- chunks of records (main process) --------------------------------------------------------
def _id_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
    text = str(value).strip()
    return text or None


def _group_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def record_chunks(
    sources: Sequence[Source],
    options: ScanOptions,
    fields: Sequence[str],
    done: set[str],
    counters: dict[str, int],
) -> Iterator[list[RawRecord]]:
    """Chunks of records to lint, in input order; ids in ``done`` are skipped."""
    seen: set[str] = set()
    limit = options.limit
    read = 0
    needed = list(
        dict.fromkeys(
            [
                *fields,
                *([options.id_column] if options.id_column else []),
                *([options.section_column] if options.section_column else []),
                *options.group_by,
                *(n.column for n in options.name_columns),
            ]
        )
    )
    for source in sources:
        columns = [c for c in needed if c in source.columns]
        for frame in source.chunks(options.batch_size, columns, fields):
            if limit is not None and read >= limit:
                return
            if limit is not None and read + len(frame) > limit:
                frame = frame.iloc[: limit - read]
            read += len(frame)
            chunk: list[RawRecord] = []
            rows = frame[ROW].tolist()
            problems = frame[PROBLEM].tolist()
            from_files = FILE in frame.columns
            files = frame[FILE].tolist() if from_files else [None] * len(frame)
            ids = frame[options.id_column].tolist() if options.id_column else [None] * len(frame)
            sections = (
                frame[options.section_column].tolist()
                if options.section_column
                else [None] * len(frame)
            )
            texts: list[tuple[Any, ...]] = (
                [()] * len(frame)
                if from_files
                else list(zip(*(frame[f].tolist() for f in fields), strict=True))
            )
            groups = list(zip(*(frame[g].tolist() for g in options.group_by), strict=True))
            if not groups:
                groups = [()] * len(frame)
            names = list(
                zip(*(frame[n.column].tolist() for n in options.name_columns), strict=True)
            )
            if not names:
                names = [()] * len(frame)
            for i, row in enumerate(rows):
                file = files[i]
                record_id = file if file is not None else _id_text(ids[i])
                if record_id is None:
                    record_id = f"{source.path}:{row}"
                if record_id in done:
                    counters["skipped"] += 1
                    continue
                problem = problems[i] if isinstance(problems[i], str) else None
                if record_id in seen:
                    problem = "duplicate id (an earlier record in the input has the same id)"
                seen.add(record_id)
                chunk.append(
                    RawRecord(
                        id=record_id,
                        input=source.path,
                        row=int(row),
                        group=tuple(_group_text(v) for v in groups[i]),
                        section_value=sections[i],
                        texts=tuple(texts[i]),
                        names=tuple(names[i]),
                        problem=problem,
                        file=file,
                    )
                )
            if chunk:
                yield chunk


# -- linting a chunk (any process) -----------------------------------------------------------
@dataclass
class _State:
    linter: Any
    headings: Any
    readability: Any
    sections: dict[str, tuple[str, bool]] = field(default_factory=dict)


_STATES: dict[str, _State] = {}


def _state(job: Job) -> _State:
    """The linter for this job's config, built once per process (model loaded once)."""
    key = repr(job.config)
    state = _STATES.get(key)
    if state is None:
        from sos_lint.api import get_linter
        from sos_lint.document import HeadingTable

        state = _State(
            linter=get_linter(job.config),
            headings=HeadingTable.build(job.config.headings),
            readability=_readability() if job.readability else None,
        )
        _STATES[key] = state
    return state


def _section(state: _State, value: Any, default: str) -> tuple[str, str | None]:
    """The section type a section cell names (unknown -> ``general``, reported)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return default, None
    text = str(value).strip()
    if not text:
        return default, None
    cached = state.sections.get(text)
    if cached is None:
        found = text if text in SECTION_TYPES else state.headings.lookup(text)
        cached = (found, True) if found else ("general", False)
        if len(state.sections) < 10_000:
            state.sections[text] = cached
    section, known = cached
    return section, None if known else text


def cell_text(value: Any, max_chars: int, encoding: str = "utf-8") -> tuple[str | None, str | None]:
    """``(text, None)`` for a cell worth linting, else ``(None, problem)``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, "empty text"
    if isinstance(value, (bytes, bytearray, memoryview)):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return None, "undecodable bytes (the cell is not valid UTF-8)"
    if isinstance(value, bool):
        return None, "non-text cell (true/false)"
    if isinstance(value, numbers.Number):
        return None, "non-text cell (a number)"
    if isinstance(value, (datetime, date, dt_time)):
        return None, "non-text cell (a date or time)"
    if isinstance(value, (list, tuple, dict, set)):
        return None, "non-text cell (a list or object)"
    if not isinstance(value, str):
        if type(value).__name__ in ("NAType", "NaTType"):
            return None, "empty text"
        return None, f"non-text cell ({type(value).__name__})"
    if UNDECODABLE in value:
        return None, f"undecodable bytes (the row is not valid {encoding})"
    stripped = value.strip()
    if not stripped:
        return None, "empty text"
    if len(value) > max_chars:
        return (
            None,
            f"text over the size limit ({len(value):,} characters; the limit is {max_chars:,})",
        )
    if _NUMBER_TEXT.fullmatch(stripped):
        return None, "non-text cell (a number)"
    return value, None


def _file_document(
    path: str, job: Job, state: _State, section: str
) -> tuple[Document | None, str | None]:
    from sos_lint.document import build_document
    from sos_lint.readers import read_path

    limit = job.config.max_chars
    try:
        size = os.path.getsize(path)
    except OSError:
        return None, "unreadable file (it could not be opened)"
    if size > limit * 4:
        return (
            None,
            f"text over the size limit (a {size:,}-byte file; the limit is {limit:,} characters)",
        )
    try:
        raw = read_path(path)
    except InputError as exc:
        message = str(exc).lower()
        if "empty" in message:
            return None, "empty text"
        if "decode" in message or "binary" in message:
            return None, "undecodable bytes (the file is not text in a known encoding)"
        return None, f"unreadable file ({str(exc).split(': ', 1)[-1]})"
    if len(raw.text) > limit:
        return (
            None,
            f"text over the size limit ({len(raw.text):,} characters; the limit is {limit:,})",
        )
    return build_document(raw, state.headings, section), None


class _Prepared(NamedTuple):
    record: RawRecord
    section: str
    unknown: str | None
    documents: list[tuple[str, Document]]
    problems: list[str]
    words: int


def _prepare(record: RawRecord, job: Job, state: _State) -> _Prepared:
    from sos_lint.document import build_document
    from sos_lint.readers import read_string

    section, unknown = (
        _section(state, record.section_value, job.section)
        if job.section_column
        else (job.section, None)
    )
    problems: list[str] = [record.problem] if record.problem else []
    documents: list[tuple[str, Document]] = []
    words = 0
    if record.problem:
        return _Prepared(record, section, unknown, documents, problems, 0)
    if record.file is not None:
        document, problem = _file_document(record.file, job, state, section)
        if problem:
            problems.append(problem)
        elif document is not None:
            documents.append(("text", document))
            words = len(document.text.split())
        return _Prepared(record, section, unknown, documents, problems, words)
    empties: list[str] = []
    for name, value in zip(job.fields, record.texts, strict=True):
        text, problem = cell_text(value, job.config.max_chars)
        if problem == "empty text":
            empties.append(name)
            continue
        if problem:
            problems.append(f"{name}: {problem}" if len(job.fields) > 1 else problem)
            continue
        assert text is not None
        documents.append((name, build_document(read_string(text), state.headings, section)))
        words += len(text.split())
    if not documents and not problems:
        problems.append(
            "empty text" if len(job.fields) == 1 else f"{', '.join(empties)}: empty text"
        )
    return _Prepared(record, section, unknown, documents, problems, words)


def _prepare_safely(record: RawRecord, job: Job, state: _State) -> _Prepared:
    try:
        return _prepare(record, job, state)
    except Exception as exc:  # one odd record must not stop the scan; never quote its text
        problem = f"internal error while reading the record ({type(exc).__name__})"
        return _Prepared(record, job.section, None, [], [problem], 0)


def _lint_all(
    prepared: list[_Prepared], state: _State, job: Job
) -> list[list[list[Finding]] | str]:
    """Findings per record and document; a record that breaks the linter, or takes longer
    than the job's time limit, gets an error and the others are checked as usual.

    The chunk is checked in one batch (much the fastest) within a budget of one record's
    limit plus up to a second a record, keeping each document's findings as they come; if the
    batch fails or overruns, the records it had not finished are checked again one at a time,
    each within the limit, so only the record at fault is reported."""
    documents = [doc for p in prepared for _, doc in p.documents]
    limit = job.record_timeout
    found: list[list[Finding]] = []
    try:
        # (kept under the timer's ceiling, or a limit of a day would leave the batch with none)
        with time_limit(min(limit + len(prepared) * min(limit, 1.0), LONGEST_LIMIT)):
            for _, findings in state.linter.lint_documents(
                documents, batch_size=job.nlp_batch_size
            ):
                found.append(findings)
    except Exception:  # (TimeLimitExceeded too: check what is left one record at a time)
        pass
    out: list[list[list[Finding]] | str] = []
    position = 0
    for p in prepared:
        count = len(p.documents)
        if position + count <= len(found):
            out.append(found[position : position + count])
            position += count
            continue
        position = len(found)  # (nothing after a record checked again is from the batch)
        result: list[list[Finding]] | str
        try:
            with time_limit(limit):
                result = [state.linter.lint_document(doc) for _, doc in p.documents]
        except TimeLimitExceeded:
            result = f"not checked: took longer than the {limit:g} s limit (--record-timeout)"
        except Exception as exc:  # never let one record stop the scan; never quote its text
            result = f"internal error while linting ({type(exc).__name__})"
        out.append(result)
    return out


def lint_chunk(records: Sequence[RawRecord], job: Job) -> ChunkResult:
    """Lint a chunk of records and serialise them for the job's output format."""
    state = _state(job)
    prepared = [_prepare_safely(r, job, state) for r in records]
    results = _lint_all(prepared, state, job)
    payload_rows: list[Any] = []
    views: list[RecordView] = []
    words = 0
    for p, found in zip(prepared, results, strict=True):
        problems = list(p.problems)
        per_doc: list[list[Finding]] = [] if isinstance(found, str) else found
        if isinstance(found, str):
            problems.append(found)
        record = _record_dict(p, per_doc, problems, job, state)
        words += record["words"]
        views.append(_view(record))
        payload_rows.append(record)
    return ChunkResult(_serialise(payload_rows, job), views, len(records), words)


def _record_dict(
    p: _Prepared, per_doc: list[list[Finding]], problems: list[str], job: Job, state: _State
) -> dict[str, Any]:
    record = p.record
    findings: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    readability: dict[str, Any] = {}
    notices: list[str] = []
    for (name, document), doc_findings in zip(p.documents, per_doc, strict=False):
        used: set[int] = set()
        for finding in doc_findings:
            data = finding.to_dict()
            data["field"] = name
            findings.append(data)
            if finding.statement_index is not None:
                used.add(finding.statement_index)
        for index in sorted(used):
            st = document.statements[index]
            statements.append(
                {
                    "field": name,
                    "index": st.index,
                    "section": st.section,
                    "start": st.start,
                    "end": st.end,
                    "line": st.line,
                    "text": st.text,
                }
            )
        if state.readability is not None and document.statements:
            try:
                scores = state.readability.score_statements(document.statements).as_dict()
            except Exception:  # scores are advice; a text textstat cannot score gets none
                scores = {}
            readability[name] = {k: scores.get(k) for k in job.readability_keys}
        notices.extend(document.notices)
    status = "error" if problems else "ok"
    out: dict[str, Any] = {
        "id": record.id,
        "status": status,
        "error": "; ".join(problems) if problems else None,
        "input": record.input,
        "row": record.row,
        "group": dict(zip(job.group_by, record.group, strict=True)),
        "section": p.section,
    }
    if p.unknown is not None:
        out["section_unknown"] = p.unknown
    out["fields"] = [name for name, _ in p.documents]
    out["words"] = p.words
    out["counts"] = _counts(findings)
    out["findings"] = findings
    out["statements"] = statements
    if job.readability:
        out["readability"] = readability
    if job.names:
        out["names"] = {
            n.column: {"value": _group_text(v) or None, "role": n.role}
            for n, v in zip(job.names, record.names, strict=True)
        }
    if notices:
        out["notices"] = notices
    return out


def _counts(findings: list[dict[str, Any]]) -> dict[str, Any]:
    categories: dict[str, int] = {}
    severities = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        categories[f["category"]] = categories.get(f["category"], 0) + 1
        severities[f["severity"]] = severities.get(f["severity"], 0) + 1
    return {"findings": len(findings), "by_category": categories, "by_severity": severities}


def _view(record: dict[str, Any]) -> RecordView:
    findings = tuple(
        FindingView(
            f["code"],
            f["rule"],
            f["category"],
            f["severity"],
            " ".join(f["text"].split())[:60],
            f["suggestions"][0]["replacement"] if f["suggestions"] else "",
        )
        for f in record["findings"]
    )
    scores = tuple(
        (k, float(v))
        for values in (record.get("readability") or {}).values()
        for k, v in values.items()
        if isinstance(v, (int, float))
    )
    return RecordView(
        id=record["id"],
        status=record["status"],
        error=record["error"],
        group=tuple(record["group"].items()),
        section=record["section"],
        words=record["words"],
        findings=findings,
        readability=scores,
        unknown_section=record.get("section_unknown"),
    )


# -- serialising -----------------------------------------------------------------------------
def _serialise(records: list[dict[str, Any]], job: Job) -> Any:
    if job.fmt == "jsonl":
        return "".join(
            json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records
        )
    rows = [row for r in records for row in table_rows(r, job)]
    if job.fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in job.columns])
        return buffer.getvalue()
    import pyarrow as pa

    schema = arrow_schema(job.columns, _readability_column_names(job))
    return pa.Table.from_pylist(rows, schema=schema)


def _readability_column_names(job: Job) -> list[str]:
    return readability_columns(job.fields, job.readability_keys, job.per)


def table_rows(record: dict[str, Any], job: Job) -> list[dict[str, Any]]:
    """One row (per record) or one row per finding (at least one per record)."""
    base: dict[str, Any] = {
        "id": record["id"],
        "status": record["status"],
        "error": record["error"],
        "input": record["input"],
        "row": record["row"],
        **record["group"],
        "section": record["section"],
        "section_unknown": record.get("section_unknown"),
    }
    readability = record.get("readability") or {}
    if job.per == "record":
        counts = record["counts"]
        row = {
            **base,
            "fields": ";".join(record["fields"]),
            "words": record["words"],
            "findings": counts["findings"],
            **{f"severity_{s}": counts["by_severity"].get(s, 0) for s in SEVERITIES},
            **{c: counts["by_category"].get(c, 0) for c in COUNT_CATEGORIES},
            "codes": ";".join(f["code"] for f in record["findings"]),
            "terms": " | ".join(" ".join(f["text"].split()) for f in record["findings"]),
        }
        single = len(job.fields) <= 1
        for name, scores in readability.items():
            for key in job.readability_keys:
                row[key if single else f"{name}.{key}"] = scores.get(key)
        return [row]
    statements = {(s["field"], s["index"]): s["text"] for s in record["statements"]}
    rows: list[dict[str, Any]] = []
    for f in record["findings"]:
        suggestion = f["suggestions"][0] if f["suggestions"] else None
        rows.append(
            {
                **base,
                "field": f["field"],
                "words": record["words"],
                "code": f["code"],
                "rule": f["rule"],
                "category": f["category"],
                "severity": f["severity"],
                "message": f["message"],
                "text": f["text"],
                "start": f["start"],
                "end": f["end"],
                "line": f["line"],
                "column": f["column"],
                "statement_section": f["section"],
                "statement_index": f["statement_index"],
                "suggestion": suggestion["replacement"] if suggestion else None,
                "safe": suggestion["safe"] if suggestion else None,
                "statement": statements.get((f["field"], f["statement_index"])),
                **(readability.get(f["field"]) or {}),
            }
        )
    if not rows:
        first = record["fields"][0] if record["fields"] else None
        rows.append(
            {**base, "field": first, "words": record["words"], **(readability.get(first) or {})}
        )
    return rows


# -- engines ---------------------------------------------------------------------------------
Executor = Callable[[Iterator[list[RawRecord]]], Iterator[ChunkResult]]


def _inline(job: Job) -> Executor:
    def run(chunks: Iterator[list[RawRecord]]) -> Iterator[ChunkResult]:
        _state(job)  # the model, loaded before the collector is told to leave it alone
        with _fewer_collections():
            for chunk in chunks:
                yield lint_chunk(chunk, job)

    return run


# The cycle collector's young-generation threshold during a scan (Python's default is 700).
SCAN_GC_THRESHOLD = 20_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """A scan makes millions of short-lived objects (tokens, findings, rows) that reference
    counting frees; the cycle collector's passes over them, and over the model's own objects,
    cost a few per cent of a scan. For the scan only, the objects already made (the model,
    the rules) are frozen out of the collector's view and young objects are collected less
    often. The settings are put back afterwards (one scan at a time per process: two scans on
    threads of one process would put each other's settings back early)."""
    old = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    if frozen_before == 0:
        gc.freeze()  # (a program that froze objects itself keeps its own arrangement)
    if old[0] != 0:  # (a program that turned automatic collection off keeps it off)
        gc.set_threshold(max(old[0], SCAN_GC_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        if frozen_before == 0:
            gc.unfreeze()


_WORKER_JOB: Job | None = None


def _init_worker(job: Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job
    _state(job)  # load the model now, once per worker
    gc.freeze()  # (a worker process only scans: see _fewer_collections)
    gc.set_threshold(SCAN_GC_THRESHOLD, *gc.get_threshold()[1:])


def _worker_lint(chunk: list[RawRecord]) -> ChunkResult:
    assert _WORKER_JOB is not None
    return lint_chunk(chunk, _WORKER_JOB)


def _ordered(
    submit: Callable[[list[RawRecord]], Any],
    result: Callable[[Any], ChunkResult],
    chunks: Iterator[list[RawRecord]],
    in_flight: int,
) -> Iterator[ChunkResult]:
    """Results in input order, with at most ``in_flight`` chunks submitted (bounded memory)."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


class _Pool:
    def __init__(self, job: Job, jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn: workers start clean (no inherited threads) and load the model once each.
        self.jobs = jobs
        self.executor = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(job,),
        )

    def __call__(self, chunks: Iterator[list[RawRecord]]) -> Iterator[ChunkResult]:
        from concurrent.futures.process import BrokenProcessPool

        def result(future: Any) -> ChunkResult:
            try:
                return future.result()  # type: ignore[no-any-return]
            except BrokenProcessPool:
                raise SosLintError(
                    "a worker process stopped unexpectedly (out of memory?); the records "
                    "written so far are complete: run the same command with --resume"
                ) from None

        return _ordered(
            lambda chunk: self.executor.submit(_worker_lint, chunk), result, chunks, self.jobs * 2
        )

    def close(self, cancel: bool = False) -> None:
        self.executor.shutdown(wait=not cancel, cancel_futures=cancel)


class _Dask:
    def __init__(self, job: Job, scheduler: str | None, workers: int) -> None:
        import logging

        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise SosLintError(
                "--engine dask needs the dask extra: pip install 'sos-lint[dask]'"
            ) from None

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, set_as_default=False)
        else:
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster, set_as_default=False)
        self.job = job
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def __call__(self, chunks: Iterator[list[RawRecord]]) -> Iterator[ChunkResult]:
        return _ordered(
            lambda chunk: self.client.submit(lint_chunk, chunk, self.job, pure=False),
            lambda future: future.result(),
            chunks,
            self.workers * 2,
        )

    def close(self, cancel: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# -- the scan --------------------------------------------------------------------------------
def check_config(config: Config) -> None:
    """Fail before any worker starts: unknown rule selectors, a model that is not installed.

    Workers build the linter themselves, so the main process never loads spaCy.
    """
    import importlib.util

    from sos_lint import nlp as nlp_module
    from sos_lint.engine.rules import builtin_rules
    from sos_lint.engine.selection import check_selectors
    from sos_lint.errors import ModelError

    rules = builtin_rules()
    origin = config.source or "options"
    for selectors in (config.select, config.ignore, config.extend_select):
        check_selectors(selectors, rules, origin)
    for section_rules in config.sections.values():
        check_selectors(section_rules.select, rules, origin)
        check_selectors(section_rules.ignore, rules, origin)
    model = nlp_module.resolve_model_name(config.model)
    if importlib.util.find_spec(model) is None:
        raise ModelError(f"the spaCy model {model!r} is not installed; {nlp_module.INSTALL_HINT}")


def default_summary_path(output: str) -> str:
    return f"{output}.summary.json"


def run_scan(
    options: ScanOptions,
    config: Config,
    on_progress: Callable[[int, int, int], None] | None = None,
) -> ScanResult:
    """Scan every input into ``options.output``; returns the summary (also written as JSON)."""
    from sos_lint.batch_output import open_writer, write_json_atomic

    if options.jobs < 1:
        raise SosLintError("--jobs must be at least 1")
    if options.batch_size < 1:
        raise SosLintError("--batch-size must be at least 1")
    if options.per not in PER:
        raise SosLintError(f"--per must be one of {', '.join(PER)}")
    if options.engine not in ENGINES:
        raise SosLintError(f"--engine must be one of {', '.join(ENGINES)}")
    if options.section is not None and options.section not in SECTION_TYPES:
        raise SosLintError(f"unknown section type {options.section!r}")
    target = Path(options.output).resolve()
    if any(Path(name).resolve() == target for name in options.inputs):
        raise SosLintError(f"the output {options.output} is also an input; choose another name")
    check_config(config)
    sources = [open_source(p, options.encoding, options.sheet) for p in options.inputs]
    fields = text_fields(options, sources)
    job = make_job(options, config, fields)
    check_output_columns(options, job)
    target = config.readability.get("reading_age") if job.readability else None
    builder = SummaryBuilder(options.group_by, target)
    writer = open_writer(options.output, job)
    done = writer.start(options.resume, builder)
    counters = {"skipped": 0}
    result = ScanResult(
        summary={},
        summary_path=options.summary_path or default_summary_path(options.output),
        output=options.output,
    )
    for source in sources:
        result.notices.extend(source.notices)
    total = sum(s.size for s in sources)
    started = time.perf_counter()
    executor: Any = None
    finished = False
    try:
        if options.engine == "dask":
            executor = _Dask(job, options.scheduler, options.dask_workers)
        elif options.jobs > 1:
            executor = _Pool(job, options.jobs)
        run = executor if executor is not None else _inline(job)
        chunks = record_chunks(sources, options, fields, done, counters)
        for chunk_result in run(chunks):
            writer.write(chunk_result.payload)
            for view in chunk_result.views:
                builder.add(view)
                if view.status != "ok":
                    result.errors += 1
                if view.unknown_section:
                    result.unknown_sections += 1
            result.scanned += chunk_result.records
            result.words += chunk_result.words
            if on_progress is not None:
                on_progress(sum(s.progress.done for s in sources), total, result.scanned)
        finished = True
    finally:
        if executor is not None:
            executor.close(cancel=not finished)
        if finished:
            writer.close()
        else:
            writer.abort()
    result.skipped = counters["skipped"]
    result.seconds = time.perf_counter() - started
    result.summary = builder.result()
    result.summary["scan"] = {
        "records_this_run": result.scanned,
        "records_skipped_resume": result.skipped,
        "seconds": round(result.seconds, 2),
        "engine": options.engine,
        "jobs": options.jobs,
    }
    write_json_atomic(result.summary_path, result.summary)
    return result


def progress_bar(
    enabled: bool | None,
) -> tuple[Callable[[int, int, int], None] | None, Callable[[], None]]:
    """A tqdm bar on standard error: bytes of input for the ETA, records per second shown."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None, lambda: None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is in the batch extra
        return None, lambda: None
    bar = tqdm(
        total=0,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        file=sys.stderr,
        desc="scan",
        bar_format="{desc}: {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}{postfix}]",
        dynamic_ncols=True,
    )
    started = time.perf_counter()

    def update(done: int, total: int, records: int) -> None:
        bar.total = max(total, 1)
        bar.n = min(done, bar.total)
        rate = records / max(time.perf_counter() - started, 1e-9)
        bar.set_postfix_str(f"{records:,} records, {rate:,.0f} records/s", refresh=False)
        bar.refresh()

    return update, bar.close
