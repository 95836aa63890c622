"""Scan outputs: JSONL and CSV appended a whole chunk of complete lines at a time, Parquet
written to a temporary file that replaces the output when the scan ends (or is interrupted).

``--resume`` reads back what an earlier run wrote: the ids to skip and the views the summary
needs. A JSONL or CSV output cut short mid-line (the process killed while writing) is first
truncated to its last complete record, so the output never holds half a record.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from sos_lint.batch import Job, arrow_schema, readability_columns
from sos_lint.errors import SosLintError
from sos_lint.summary import (
    SummaryBuilder,
    view_from_record,
    view_from_row,
    views_from_finding_rows,
)

BOM = b"\xef\xbb\xbf"


class ResumeError(SosLintError):
    """The existing output cannot be resumed (a different scan, or not a scan output)."""


def usual_mode(path: str | Path) -> None:
    """Give a ``mkstemp`` file (private, 0600) the mode a newly created file would have."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def write_json_atomic(path: str | Path, data: Any) -> None:
    """Write JSON to a temporary file beside ``path``, then rename it into place."""
    target = Path(path)
    handle, temp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2, ensure_ascii=False)
            out.write("\n")
        usual_mode(temp)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _check_group(found: list[str], job: Job, path: str) -> None:
    if found != list(job.group_by):
        raise ResumeError(
            f"cannot resume {path}: it was scanned with --group-by {','.join(found) or '(none)'}, "
            f"not {','.join(job.group_by) or '(none)'}; start a new output instead"
        )


def _rule_meta() -> dict[str, tuple[str, str]]:
    from sos_lint.engine.rules import builtin_rules

    return {r.code: (r.name, r.category) for r in builtin_rules()}


def _readability_map(job: Job) -> dict[str, str]:
    columns = readability_columns(job.fields, job.readability_keys, job.per)
    return {c: c.rsplit(".", 1)[-1] for c in columns}


class Writer:
    def __init__(self, path: str, job: Job) -> None:
        self.path = path
        self.job = job

    def start(self, resume: bool, builder: SummaryBuilder) -> set[str]:
        raise NotImplementedError

    def write(self, payload: Any) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        self.close()


class _AppendingTextWriter(Writer):
    """A text output written in complete lines and flushed after each one, so that an
    interrupted scan leaves only whole records behind (``--resume`` relies on it)."""

    handle: BinaryIO | None = None

    def write(self, payload: str) -> None:
        assert self.handle is not None
        self.handle.write(payload.encode("utf-8"))
        self.handle.flush()

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


class JsonlWriter(_AppendingTextWriter):
    def start(self, resume: bool, builder: SummaryBuilder) -> set[str]:
        done: set[str] = set()
        if resume and os.path.exists(self.path):
            good = 0
            with open(self.path, "rb") as existing:
                for number, line in enumerate(existing, start=1):
                    if not line.endswith(b"\n"):
                        break  # an unfinished last line: dropped below
                    try:
                        record = json.loads(line)
                        record_id = str(record["id"])
                    except (ValueError, KeyError, TypeError):
                        raise ResumeError(
                            f"cannot resume {self.path}: line {number} is not a scan result"
                        ) from None
                    if not done:
                        _check_group(list(record.get("group") or {}), self.job, self.path)
                    done.add(record_id)
                    builder.add(view_from_record(record))
                    good += len(line)
            with open(self.path, "r+b") as existing:
                existing.truncate(good)
            self.handle = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        else:
            self.handle = open(self.path, "wb")  # noqa: SIM115
        return done


def csv_rows(path: str) -> Iterator[tuple[list[str], int, bool]]:
    """``(row, end_offset, complete)`` for each CSV row; ``complete`` is False for a cut row."""
    with open(path, "rb") as handle:
        state = {"end": 0, "newline": True}

        def lines() -> Iterator[str]:
            for raw in handle:
                state["end"] += len(raw)
                state["newline"] = raw.endswith(b"\n")
                if state["end"] == len(raw) and raw.startswith(BOM):
                    raw = raw[len(BOM) :]
                yield raw.decode("utf-8", errors="replace")

        reader = csv.reader(lines(), strict=True)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield [], state["end"], False
                return
            yield row, int(state["end"]), bool(state["newline"])


class _Resumed:
    """Feeds the rows of an earlier output to the summary and collects their ids.

    With one row per finding a record spans several rows, so the last record is held back:
    if the output was cut inside it, it is dropped (``cut_at``) and scanned again.
    """

    def __init__(self, job: Job, builder: SummaryBuilder) -> None:
        self.job = job
        self.builder = builder
        self.done: set[str] = set()

    def feed(self, rows: Iterator[dict[str, Any]], cut: Callable[[], bool]) -> bool:
        """Consume ``rows``; True if the last record was dropped because the output was cut."""
        readability = _readability_map(self.job)
        if self.job.per == "record":
            meta = _rule_meta()
            for row in rows:
                view = view_from_row(row, self.job.group_by, meta, readability)
                self.builder.add(view)
                self.done.add(view.id)
            return False
        pending = None
        for view in views_from_finding_rows(rows, self.job.group_by, readability):
            if pending is not None:
                self.builder.add(pending)
                self.done.add(pending.id)
            pending = view
        if pending is None:
            return False
        if cut():
            return True
        self.builder.add(pending)
        self.done.add(pending.id)
        return False


class CsvWriter(_AppendingTextWriter):
    def start(self, resume: bool, builder: SummaryBuilder) -> set[str]:
        columns = list(self.job.columns)
        resumed = _Resumed(self.job, builder)
        if resume and os.path.exists(self.path) and os.path.getsize(self.path) > 0:
            state: dict[str, Any] = {"good": 0, "header": None, "cut": False, "id": None}
            state["id_start"] = 0

            def rows() -> Iterator[dict[str, Any]]:
                for row, end, complete in csv_rows(self.path):
                    if state["header"] is None:
                        if row != columns:
                            raise ResumeError(
                                f"cannot resume {self.path}: its columns differ from this "
                                "scan's (a different --per, --group-by, --text-column or "
                                "--section-column?)"
                            )
                        state["header"] = row
                        state["good"] = end
                        continue
                    if not complete or len(row) != len(columns):
                        state["cut"] = True
                        return
                    if row[0] != state["id"]:
                        state["id"], state["id_start"] = row[0], state["good"]
                    state["good"] = end
                    yield dict(zip(columns, row, strict=True))

            dropped = resumed.feed(rows(), lambda: bool(state["cut"]))
            good = state["id_start"] if dropped else state["good"]
            with open(self.path, "r+b") as existing:
                existing.truncate(good)
            self.handle = open(self.path, "ab")  # noqa: SIM115 - closed in close()
            if state["header"] is None:
                self._header()
        else:
            self.handle = open(self.path, "wb")  # noqa: SIM115
            self._header()
        return resumed.done

    def _header(self) -> None:
        assert self.handle is not None
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(self.job.columns)
        # A byte-order mark, so that Excel reads the file as UTF-8.
        self.handle.write(BOM + buffer.getvalue().encode("utf-8"))
        self.handle.flush()


class ParquetWriter(Writer):
    writer: Any = None
    temp: str | None = None
    complete_copy: bool = False

    def start(self, resume: bool, builder: SummaryBuilder) -> set[str]:
        import pyarrow.parquet as pq

        target = Path(self.path)
        schema = arrow_schema(self.job.columns, list(_readability_map(self.job)))
        handle, self.temp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".partial", dir=target.parent or "."
        )
        os.close(handle)
        usual_mode(self.temp)
        self.writer = pq.ParquetWriter(self.temp, schema)
        resumed = _Resumed(self.job, builder)
        if resume and target.exists():
            try:
                existing = pq.ParquetFile(self.path)
            except Exception:
                self._discard()
                raise ResumeError(
                    f"cannot resume {self.path}: it is not a complete Parquet file"
                ) from None
            if existing.schema_arrow.names != list(self.job.columns):
                self._discard()
                raise ResumeError(
                    f"cannot resume {self.path}: its columns differ from this scan's "
                    "(a different --per, --group-by, --text-column or --section-column?)"
                )

            def rows() -> Iterator[dict[str, Any]]:
                for batch in existing.iter_batches(batch_size=4096):
                    self.writer.write_batch(batch.cast(schema))
                    yield from batch.to_pylist()

            # Parquet row groups are whole, so nothing was cut.
            resumed.feed(rows(), lambda: False)
        self.complete_copy = True
        return resumed.done

    def _discard(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        if self.temp:
            Path(self.temp).unlink(missing_ok=True)

    def write(self, payload: Any) -> None:
        if payload.num_rows:
            self.writer.write_table(payload)

    def close(self) -> None:
        if self.writer is None:
            return
        self.writer.close()
        self.writer = None
        assert self.temp is not None
        os.replace(self.temp, self.path)

    def abort(self) -> None:
        # Complete row groups are complete records: keep them, so --resume can continue.
        if self.complete_copy:
            self.close()
        else:
            self._discard()


def open_writer(path: str, job: Job) -> Writer:
    if job.fmt == "jsonl":
        return JsonlWriter(path, job)
    if job.fmt == "csv":
        return CsvWriter(path, job)
    return ParquetWriter(path, job)
