"""Shared helpers for the batch, report and notebook tests: generated inputs and CLI runs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate_records  # noqa: E402

NAME_WORDS = sorted(
    set(generate_records.CHILDREN) | set(generate_records.CARERS) | set(generate_records.SURNAMES)
)


def run_cli(*args: str) -> tuple[int, str, str]:
    from sos_lint.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def scan_frame(folder: Path, frame: Any, *options: str) -> tuple[dict[str, Any], str]:
    """Write a pandas ``frame`` as CSV in ``folder`` and scan it to JSONL with ``options``;
    the records by id, and what the scan printed to standard error (it must finish)."""
    source = folder / "table.csv"
    frame.to_csv(source, index=False)
    output = folder / "out.jsonl"
    code, _, err = run_cli("scan", str(source), "-o", str(output), *options)
    assert code == 0, err
    return {r["id"]: r for r in read_jsonl(output)}, err


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def scan_csv(
    folder: Path, count: int, *extra: str, bad_every: int = 0, max_chars: int = 3000
) -> tuple[Path, dict[str, str], tuple[int, str, str]]:
    """Generate ``count`` records as CSV in ``folder`` and scan them to JSONL."""
    source = folder / "records.csv"
    bad = generate_records.write_csv(source, count, bad_every=bad_every, max_chars=max_chars)
    output = folder / "results.jsonl"
    outcome = run_cli(
        "scan", str(source), "-o", str(output), "--text-column", "note", "--id-column",
        "record_id", "--section-column", "section", "--group-by", "team,service",
        "--name-column", "child_name=child", "--name-column", "carer_name",
        "--max-chars", str(max_chars), *extra,
    )  # fmt: skip
    return output, bad, outcome
