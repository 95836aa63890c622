"""Statement-level evaluation against a labelled corpus (``sos-lint eval FILE.jsonl``).

Each record has ``id``, ``section``, ``text`` and ``categories`` (the categories a careful
reviewer would give it). A category is predicted for a statement when any finding of that
category at or above ``min_severity`` is reported on it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sos_lint.api import get_linter, to_document
from sos_lint.config import Config
from sos_lint.errors import InputError
from sos_lint.models import CATEGORIES, SECTION_TYPES, Finding, Severity
from sos_lint.readers import read_string

EVAL_CATEGORIES: tuple[str, ...] = tuple(c for c in CATEGORIES if c != "grammar")


@dataclass(frozen=True)
class Record:
    id: str
    section: str
    text: str
    categories: frozenset[str]


@dataclass
class Prediction:
    record: Record
    predicted: frozenset[str]
    codes: tuple[str, ...]


@dataclass
class Scores:
    per_category: dict[str, dict[str, float]] = field(default_factory=dict)
    macro_f1: float = 0.0
    clean_total: int = 0
    clean_flagged: int = 0
    records: int = 0

    @property
    def clean_false_alarm_rate(self) -> float:
        return self.clean_flagged / self.clean_total if self.clean_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "per_category": self.per_category,
            "macro_f1": round(self.macro_f1, 4),
            "clean_statements": self.clean_total,
            "clean_with_findings": self.clean_flagged,
            "clean_false_alarm_rate": round(self.clean_false_alarm_rate, 4),
        }


def load_records(path: str | Path) -> list[Record]:
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read ({exc})") from None
    records: list[Record] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            categories = frozenset(data.get("categories") or ())
            record = Record(str(data["id"]), str(data["section"]), str(data["text"]), categories)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{p}:{number}: not a labelled record ({exc})") from None
        if record.section not in SECTION_TYPES:
            raise InputError(f"{p}:{number}: unknown section {record.section!r}")
        unknown = record.categories - set(CATEGORIES)
        if unknown:
            raise InputError(f"{p}:{number}: unknown category {sorted(unknown)[0]!r}")
        records.append(record)
    if not records:
        raise InputError(f"{p}: no records")
    return records


def lint_records(
    records: Sequence[Record], config: Config | None = None
) -> Iterator[tuple[Record, list[Finding]]]:
    """Each record with its findings (section from the record), all linted in one batch."""
    config = config or Config()
    documents = (to_document(read_string(r.text), config, r.section) for r in records)
    linted = get_linter(config).lint_documents(documents)
    for record, (_, findings) in zip(records, linted, strict=True):
        yield record, findings


def predict(
    records: Sequence[Record],
    config: Config | None = None,
    min_severity: Severity = Severity.WARNING,
) -> list[Prediction]:
    out: list[Prediction] = []
    for record, findings in lint_records(records, config):
        kept = [f for f in findings if f.severity >= min_severity and f.category in EVAL_CATEGORIES]
        out.append(
            Prediction(record, frozenset(f.category for f in kept), tuple(f.code for f in kept))
        )
    return out


def score(predictions: Iterable[Prediction]) -> Scores:
    predictions = list(predictions)
    scores = Scores(records=len(predictions))
    f1s: list[float] = []
    for category in EVAL_CATEGORIES:
        tp = sum(
            1 for p in predictions if category in p.predicted and category in p.record.categories
        )
        fp = sum(
            1
            for p in predictions
            if category in p.predicted and category not in p.record.categories
        )
        fn = sum(
            1
            for p in predictions
            if category not in p.predicted and category in p.record.categories
        )
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        support = tp + fn
        scores.per_category[category] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": support,
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }
        if support:
            f1s.append(f1)
    scores.macro_f1 = sum(f1s) / len(f1s) if f1s else 0.0
    clean = [p for p in predictions if not p.record.categories]
    scores.clean_total = len(clean)
    scores.clean_flagged = sum(1 for p in clean if p.predicted)
    return scores


def format_table(scores: Scores) -> str:
    lines = [f"{'category':<16} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}"]
    for category, row in scores.per_category.items():
        lines.append(
            f"{category:<16} {row['precision']:>9.2f} {row['recall']:>7.2f} {row['f1']:>6.2f} {row['support']:>8d}"
        )
    lines.append(f"{'macro-F1':<16} {scores.macro_f1:>24.2f}")
    lines.append(
        f"clean statements with any finding: {scores.clean_flagged}/{scores.clean_total}"
        f" ({scores.clean_false_alarm_rate:.1%})"
    )
    lines.append(f"records: {scores.records}")
    return "\n".join(lines)
