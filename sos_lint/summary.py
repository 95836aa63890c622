"""Aggregation of batch scan results: the summary, the worst statements, the report's data.

Everything here streams: a ``SummaryBuilder`` takes one compact ``RecordView`` at a time and
keeps only counters, so a summary of millions of records needs as little memory as one of
ten. Readability values are counted rounded to 0.1, which keeps quantiles exact to that
precision in bounded memory. The same code summarises a scan as it runs, an output read
back for ``--resume``, and the results file that ``sos-lint report`` reads.
"""

from __future__ import annotations

import heapq
import itertools
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sos_lint.errors import InputError
from sos_lint.models import CATEGORIES, TOOL_CATEGORY

SCHEMA_VERSION = "1.0"
SEVERITIES = ("error", "warning", "info")
SEVERITY_WEIGHT = {"error": 3, "warning": 2, "info": 1}
BLANK = "(blank)"
ERROR_REASONS = (
    "empty text",
    "non-text cell",
    "text over the size limit",
    "undecodable bytes",
    "malformed row",
    "duplicate id",
    "unreadable file",
    "unreadable row",
    "internal error",
)
"""The fixed phrases every record error starts with (after an optional ``field: ``)."""
READABILITY_KEYS = (
    "reading_age",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "average_sentence_length",
    "gunning_fog",
    "coleman_liau_index",
    "polysyllable_share",
)
_MAX_TERMS = 20_000


class FindingView(NamedTuple):
    code: str
    rule: str
    category: str
    severity: str
    term: str
    alternative: str


class RecordView(NamedTuple):
    """What the summary needs from one record, whatever format it was read from."""

    id: str
    status: str
    error: str | None
    group: tuple[tuple[str, str], ...]
    section: str
    words: int
    findings: tuple[FindingView, ...]
    readability: tuple[tuple[str, float], ...]
    unknown_section: str | None = None


def error_reason(message: str | None) -> str:
    """The fixed reason phrase an error message carries ("empty text", ...)."""
    if not message:
        return "unknown"
    lowered = message.lower()
    hits = [(lowered.find(r), r) for r in ERROR_REASONS if r in lowered]
    return min(hits)[1] if hits else "other"


def _term(text: str) -> str:
    """A matched text as shown: spaces normalised, its case kept (counted case-blind)."""
    return " ".join(text.split())[:60]


# -- views from each output shape ------------------------------------------------------------
def view_from_record(record: Mapping[str, Any]) -> RecordView:
    """A view of one JSONL result line (a dict)."""
    findings = tuple(
        FindingView(
            str(f.get("code", "")),
            str(f.get("rule", "")),
            str(f.get("category", "")),
            str(f.get("severity", "")),
            _term(str(f.get("text", ""))),
            _first_suggestion(f.get("suggestions")),
        )
        for f in record.get("findings") or ()
    )
    scores: list[tuple[str, float]] = []
    for values in (record.get("readability") or {}).values():
        if isinstance(values, Mapping):
            scores.extend(
                (k, float(v))
                for k, v in values.items()
                if k in READABILITY_KEYS and isinstance(v, (int, float))
            )
    return RecordView(
        id=str(record.get("id", "")),
        status=str(record.get("status", "")),
        error=record.get("error"),
        group=tuple((str(k), _label(v)) for k, v in (record.get("group") or {}).items()),
        section=str(record.get("section") or "general"),
        words=int(record.get("words") or 0),
        findings=findings,
        readability=tuple(scores),
        unknown_section=record.get("section_unknown"),
    )


def _first_suggestion(suggestions: Any) -> str:
    if isinstance(suggestions, list) and suggestions:
        first = suggestions[0]
        if isinstance(first, Mapping):
            return str(first.get("replacement", ""))
    return ""


def _label(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def view_from_row(
    row: Mapping[str, Any],
    group_by: Sequence[str],
    rule_meta: Mapping[str, tuple[str, str]],
    readability_columns: Mapping[str, str],
) -> RecordView:
    """A view of one per-record table row (CSV or Parquet)."""
    codes = [c for c in _label(row.get("codes")).split(";") if c]
    terms = _label(row.get("terms")).split(" | ") if codes else []
    terms += [""] * (len(codes) - len(terms))
    severities: list[str] = []
    for severity in SEVERITIES:
        severities += [severity] * int(_number(row.get(f"severity_{severity}")) or 0)
    severities += ["warning"] * (len(codes) - len(severities))
    findings = tuple(
        FindingView(
            code,
            rule_meta.get(code, ("", ""))[0],
            rule_meta.get(code, ("", TOOL_CATEGORY))[1],
            severities[i],
            _term(terms[i]),
            "",
        )
        for i, code in enumerate(codes)
    )
    scores = tuple(
        (key, float(v))
        for column, key in readability_columns.items()
        if (v := _number(row.get(column))) is not None
    )
    return RecordView(
        id=_label(row.get("id")),
        status=_label(row.get("status")),
        error=_label(row.get("error")) or None,
        group=tuple((g, _label(row.get(g))) for g in group_by),
        section=_label(row.get("section")) or "general",
        words=int(_number(row.get("words")) or 0),
        findings=findings,
        readability=scores,
        unknown_section=_label(row.get("section_unknown")) or None,
    )


def views_from_finding_rows(
    rows: Iterable[Mapping[str, Any]],
    group_by: Sequence[str],
    readability_columns: Mapping[str, str],
) -> Iterator[RecordView]:
    """Views from per-finding table rows: a record's rows are consecutive."""
    current: list[Mapping[str, Any]] = []
    for row in rows:
        if current and _label(row.get("id")) != _label(current[0].get("id")):
            yield _finding_rows_view(current, group_by, readability_columns)
            current = []
        current.append(row)
    if current:
        yield _finding_rows_view(current, group_by, readability_columns)


def _finding_rows_view(
    rows: list[Mapping[str, Any]],
    group_by: Sequence[str],
    readability_columns: Mapping[str, str],
) -> RecordView:
    first = rows[0]
    findings = tuple(
        FindingView(
            _label(r.get("code")),
            _label(r.get("rule")),
            _label(r.get("category")),
            _label(r.get("severity")),
            _term(_label(r.get("text"))),
            _label(r.get("suggestion")),
        )
        for r in rows
        if _label(r.get("code"))
    )
    scores: list[tuple[str, float]] = []
    seen_fields: set[str] = set()
    for r in rows:
        name = _label(r.get("field"))
        if name in seen_fields:
            continue
        seen_fields.add(name)
        for column, key in readability_columns.items():
            value = _number(r.get(column))
            if value is not None:
                scores.append((key, value))
    return RecordView(
        id=_label(first.get("id")),
        status=_label(first.get("status")),
        error=_label(first.get("error")) or None,
        group=tuple((g, _label(first.get(g))) for g in group_by),
        section=_label(first.get("section")) or "general",
        words=int(_number(first.get("words")) or 0),
        findings=findings,
        readability=tuple(scores),
        unknown_section=_label(first.get("section_unknown")) or None,
    )


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


# -- the summary -----------------------------------------------------------------------------
@dataclass
class _Block:
    """Counters for one slice of the records (all of them, or one group value)."""

    records: int = 0
    ok: int = 0
    errors: int = 0
    words: int = 0
    with_findings: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    record_categories: Counter[str] = field(default_factory=Counter)
    record_severities: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    severities: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    rule_records: Counter[str] = field(default_factory=Counter)
    terms: Counter[tuple[str, str]] = field(default_factory=Counter)
    sections: Counter[str] = field(default_factory=Counter)
    unknown_sections: Counter[str] = field(default_factory=Counter)
    readability: dict[str, Counter[float]] = field(default_factory=dict)

    def add(
        self,
        view: RecordView,
        meta: dict[str, tuple[str, str]],
        alts: dict[tuple[str, str], str],
        shown: dict[tuple[str, str], str],
    ) -> None:
        self.records += 1
        self.sections[view.section] += 1
        if view.unknown_section:
            self.unknown_sections[view.unknown_section[:60]] += 1
        if view.status == "ok":
            self.ok += 1
        else:
            self.errors += 1
            self.reasons[error_reason(view.error)] += 1
        self.words += view.words
        if view.findings:
            self.with_findings += 1
        for category in {f.category for f in view.findings}:
            self.record_categories[category] += 1
        for severity in {f.severity for f in view.findings}:
            self.record_severities[severity] += 1
        for code in {f.code for f in view.findings}:
            self.rule_records[code] += 1
        for finding in view.findings:
            self.categories[finding.category] += 1
            self.severities[finding.severity] += 1
            self.rules[finding.code] += 1
            if finding.code not in meta or not meta[finding.code][0]:
                meta[finding.code] = (finding.rule, finding.category)
            if finding.term:
                key = (finding.code, finding.term.lower())
                self.terms[key] += 1
                if key not in shown and len(shown) < _MAX_TERMS * 4:
                    shown[key] = finding.term
                if finding.alternative and key not in alts:
                    alts[key] = finding.alternative
        if len(self.terms) > _MAX_TERMS:
            # Keep the most frequent half: bounded memory, the top of the list stays right.
            self.terms = Counter(dict(self.terms.most_common(_MAX_TERMS // 2)))
        for key, value in view.readability:
            if math.isfinite(value):
                self.readability.setdefault(key, Counter())[round(value, 1)] += 1

    def to_dict(
        self,
        meta: Mapping[str, tuple[str, str]],
        alts: Mapping[tuple[str, str], str],
        shown: Mapping[tuple[str, str], str],
        top: int,
        target: float | None,
    ) -> dict[str, Any]:
        base = self.ok or 1
        categories = [*CATEGORIES, TOOL_CATEGORY]
        return {
            "records": self.records,
            "records_ok": self.ok,
            "records_error": self.errors,
            "errors_by_reason": dict(self.reasons.most_common()),
            "words": self.words,
            "records_with_findings": self.with_findings,
            "share_with_findings": round(self.with_findings / base, 4),
            "records_with_findings_by_category": {
                c: self.record_categories[c] for c in categories if self.record_categories[c]
            },
            "share_by_category": {
                c: round(self.record_categories[c] / base, 4) for c in CATEGORIES
            },
            "records_with_findings_by_severity": {s: self.record_severities[s] for s in SEVERITIES},
            "findings": sum(self.categories.values()),
            "findings_by_category": {
                c: self.categories[c] for c in categories if self.categories[c]
            },
            "findings_by_severity": {s: self.severities[s] for s in SEVERITIES},
            "top_rules": [
                {
                    "code": code,
                    "rule": meta.get(code, ("", ""))[0],
                    "category": meta.get(code, ("", ""))[1],
                    "findings": count,
                    "records": self.rule_records[code],
                }
                for code, count in sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
            ],
            "top_terms": [
                {
                    "term": shown.get((code, term), term),
                    "code": code,
                    "category": meta.get(code, ("", ""))[1],
                    "count": count,
                    "alternative": alts.get((code, term), ""),
                }
                for (code, term), count in sorted(
                    self.terms.items(), key=lambda kv: (-kv[1], kv[0])
                )[:top]
            ],
            "sections": dict(self.sections.most_common()),
            "unknown_section_values": dict(self.unknown_sections.most_common(20)),
            "readability": {
                key: distribution(values, target if key == "reading_age" else None)
                for key, values in sorted(self.readability.items())
            },
        }


def distribution(values: Counter[float], target: float | None = None) -> dict[str, Any]:
    """Count, mean, quantiles and a histogram of values counted at 0.1 precision."""
    count = sum(values.values())
    if not count:
        return {"count": 0}
    ordered = sorted(values.items())

    def quantile(q: float) -> float:
        rank = q * (count - 1)
        seen = 0
        for value, n in ordered:
            seen += n
            if seen > rank:
                return value
        return ordered[-1][0]

    low, high = ordered[0][0], ordered[-1][0]
    width = max(1.0, math.ceil((high - low) / 30))
    start = math.floor(low / width) * width
    bins = max(1, math.floor((high - start) / width) + 1)
    histogram = [0] * bins
    for value, n in ordered:
        histogram[min(bins - 1, int((value - start) // width))] += n
    out: dict[str, Any] = {
        "count": count,
        "mean": round(sum(v * n for v, n in ordered) / count, 2),
        "min": low,
        "p10": quantile(0.1),
        "median": quantile(0.5),
        "p90": quantile(0.9),
        "max": high,
        "histogram": {
            "start": start,
            "width": width,
            "counts": histogram,
        },
    }
    if target is not None:
        over = sum(n for v, n in ordered if v > target)
        out["target"] = target
        out["share_over_target"] = round(over / count, 4)
    return out


class SummaryBuilder:
    """Streams RecordViews into the scan summary: overall, and by each --group-by column."""

    def __init__(
        self,
        group_by: Sequence[str] = (),
        target_reading_age: float | None = None,
        top: int = 20,
    ) -> None:
        self.group_by = tuple(group_by)
        self.target = target_reading_age
        self.top = top
        self.overall = _Block()
        self.groups: dict[str, dict[str, _Block]] = {g: {} for g in self.group_by}
        self.meta: dict[str, tuple[str, str]] = {}
        self.alternatives: dict[tuple[str, str], str] = {}
        self.shown: dict[tuple[str, str], str] = {}

    def add(self, view: RecordView) -> None:
        self.overall.add(view, self.meta, self.alternatives, self.shown)
        for column, value in view.group:
            blocks = self.groups.get(column)
            if blocks is None:
                continue
            label = value or BLANK
            block = blocks.get(label)
            if block is None:
                block = blocks[label] = _Block()
            block.add(view, self.meta, self.alternatives, self.shown)

    def result(self) -> dict[str, Any]:
        from sos_lint import __version__

        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "sos-lint", "version": __version__},
            "group_by": list(self.group_by),
            "readability_target": self.target,
        }
        out.update(
            self.overall.to_dict(self.meta, self.alternatives, self.shown, self.top, self.target)
        )
        out["groups"] = {
            column: {
                value: block.to_dict(
                    self.meta, self.alternatives, self.shown, min(self.top, 10), self.target
                )
                for value, block in sorted(blocks.items())
            }
            for column, blocks in self.groups.items()
        }
        return out


# -- the worst statements --------------------------------------------------------------------
class WorstStatements:
    """The statements with the heaviest findings: overall, and within each group value."""

    def __init__(self, group_by: Sequence[str], per_group: int = 20, overall: int = 50) -> None:
        self.group_by = tuple(group_by)
        self.per_group = per_group
        self.overall_size = overall
        self._overall: list[tuple[tuple[int, int, int], int, dict[str, Any]]] = []
        self._groups: dict[
            tuple[str, str], list[tuple[tuple[int, int, int], int, dict[str, Any]]]
        ] = {}
        self._seq = 0

    def add(self, record: Mapping[str, Any]) -> None:
        if record.get("status") != "ok" or not record.get("findings"):
            return
        by_statement: dict[tuple[str, int], list[Mapping[str, Any]]] = {}
        for finding in record["findings"]:
            if finding.get("category") == TOOL_CATEGORY or finding.get("statement_index") is None:
                continue
            key = (str(finding.get("field", "")), int(finding["statement_index"]))
            by_statement.setdefault(key, []).append(finding)
        if not by_statement:
            return
        group = {str(k): _label(v) for k, v in (record.get("group") or {}).items()}
        for statement in record.get("statements") or ():
            key = (str(statement.get("field", "")), int(statement.get("index", -1)))
            findings = by_statement.get(key)
            if not findings:
                continue
            score = sum(SEVERITY_WEIGHT.get(str(f.get("severity")), 1) for f in findings)
            rank = (score, len({f.get("category") for f in findings}), -self._seq)
            self._seq += 1
            item = _statement_item(record, group, statement, findings)
            _push(self._overall, (rank, self._seq, item), self.overall_size)
            for column in self.group_by:
                heap = self._groups.setdefault((column, group.get(column, "") or BLANK), [])
                _push(heap, (rank, self._seq, item), self.per_group)

    def items(self) -> list[dict[str, Any]]:
        """Every kept statement once, the worst first."""
        chosen: dict[int, tuple[tuple[int, int, int], dict[str, Any]]] = {}
        for heap in [self._overall, *self._groups.values()]:
            for rank, seq, item in heap:
                chosen[seq] = (rank, item)
        ordered = sorted(chosen.values(), key=lambda pair: pair[0], reverse=True)
        return [item for _, item in ordered]


def _push(heap: list[Any], entry: Any, size: int) -> None:
    if len(heap) < size:
        heapq.heappush(heap, entry)
    elif entry > heap[0]:
        heapq.heapreplace(heap, entry)


def _statement_item(
    record: Mapping[str, Any],
    group: dict[str, str],
    statement: Mapping[str, Any],
    findings: list[Mapping[str, Any]],
) -> dict[str, Any]:
    start = int(statement.get("start", 0))
    text = str(statement.get("text", ""))
    marks = []
    for f in sorted(findings, key=lambda f: (int(f.get("start", 0)), int(f.get("end", 0)))):
        left = max(0, int(f.get("start", 0)) - start)
        right = min(len(text), int(f.get("end", 0)) - start)
        marks.append(
            {
                "start": left,
                "end": max(left, right),
                "code": f.get("code"),
                "category": f.get("category"),
                "severity": f.get("severity"),
                "message": f.get("message", ""),
                "suggestion": _first_suggestion(f.get("suggestions")),
            }
        )
    names = [
        (str(entry.get("value")), entry.get("role"))
        for entry in (record.get("names") or {}).values()
        if isinstance(entry, Mapping) and entry.get("value")
    ]
    return {
        "id": str(record.get("id", "")),
        "names": names,
        "group": group,
        "field": statement.get("field", ""),
        "section": statement.get("section") or record.get("section") or "general",
        "text": text,
        "segments": segments(text, marks),
        "findings": marks,
        "score": sum(SEVERITY_WEIGHT.get(str(m["severity"]), 1) for m in marks),
    }


WHOLE_STATEMENT = 0.8
"""A finding covering this share of its statement is about the statement, not some words."""


def segments(text: str, marks: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The statement cut where findings start and end: ``{"text", "marks"}`` pieces.

    ``marks`` lists the indexes of the findings covering a piece. Cutting the text before any
    redaction keeps highlights on the right words when names change length.
    """
    spans = [
        (i, int(m["start"]), int(m["end"]))
        for i, m in enumerate(marks)
        if int(m["end"]) > int(m["start"])
        and (int(m["end"]) - int(m["start"])) < WHOLE_STATEMENT * max(len(text.strip()), 1)
    ]
    cuts = sorted({0, len(text), *(s for _, s, _ in spans), *(e for _, _, e in spans)})
    out: list[dict[str, Any]] = []
    for left, right in itertools.pairwise(cuts):
        if left >= right:
            continue
        covering = [i for i, s, e in spans if s <= left and right <= e]
        if out and not covering and not out[-1]["marks"]:
            out[-1]["text"] += text[left:right]
        else:
            out.append({"text": text[left:right], "marks": covering})
    return out


# -- reading results back --------------------------------------------------------------------
def read_results(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a JSONL scan output, one dict at a time (a partial last line is skipped)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such results file (run `sos-lint scan ... -o {p.name}` first)")
    if p.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
        raise InputError(
            f"{p}: the report reads the JSONL output of `sos-lint scan` (use -o results.jsonl)"
        )
    with p.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                if not line.endswith(b"\n"):
                    break  # an interrupted scan's unfinished last line
                raise InputError(
                    f"{p}: line {number} is not a scan result (invalid JSON)"
                ) from None
            if not isinstance(record, dict) or "id" not in record or "status" not in record:
                raise InputError(f"{p}: line {number} is not a scan result")
            yield record


def summarise_results(
    path: str | Path,
    group_by: Sequence[str] | None = None,
    target_reading_age: float | None = None,
    per_group: int = 20,
    overall: int = 50,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The summary and the worst statements of a JSONL results file (one pass)."""
    records = read_results(path)
    first = next(records, None)
    columns = list(group_by) if group_by is not None else list((first or {}).get("group") or {})
    builder = SummaryBuilder(columns, target_reading_age)
    worst = WorstStatements(columns, per_group=per_group, overall=overall)
    if first is not None:
        for record in _chain(first, records):
            builder.add(view_from_record(record))
            worst.add(record)
    return builder.result(), worst.items()


def _chain(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest


def report_data(
    results: str | Path,
    target_reading_age: float | None = None,
    group_by: Sequence[str] | None = None,
    top: int = 20,
    title: str | None = None,
) -> dict[str, Any]:
    """Everything the supervisor report shows, from a JSONL results file."""
    from sos_lint import __version__

    summary, statements = summarise_results(
        results, group_by, target_reading_age, per_group=top, overall=top * 2
    )
    return {
        "title": title or "Plain-language review of case records",
        "source": Path(results).name,
        "version": __version__,
        "redacted": False,
        "summary": summary,
        "statements": statements,
        "group_by": summary["group_by"],
        "categories": [c for c in CATEGORIES if summary["findings_by_category"].get(c)]
        or list(CATEGORIES),
        "target": target_reading_age,
    }


def pop_names(data: dict[str, Any]) -> list[tuple[str, str | None]]:
    """Take the name-column values out of the shown statements (for redaction)."""
    names: list[tuple[str, str | None]] = []
    for item in data.get("statements", []):
        names.extend((str(v), r) for v, r in item.pop("names", []))
    return names
