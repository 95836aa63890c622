"""The labelled corpus files, for the tests that check every record. They are linted in one
batch through ``sos_lint.evaluate`` (as ``sos-lint eval`` does): one call per record would
take minutes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sos_lint.config import Config
from sos_lint.evaluate import Record, lint_records, load_records
from sos_lint.models import Finding


def corpus_paths(root: Path) -> list[Path]:
    return sorted((root / "corpora").glob("statements-*.jsonl"))


def lint_corpus(paths: list[Path], config: Config) -> Iterator[tuple[Record, list[Finding]]]:
    """Each labelled record with the findings the linter gives it."""
    records = [record for path in paths for record in load_records(path)]
    yield from lint_records(records, config)
