"""Lint the whole labelled corpus in one batch, as ``sos-lint eval`` does (shared spaCy
pipes), for the tests that check every record: one call per record would take minutes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sos_lint.api import get_linter, to_document
from sos_lint.config import Config
from sos_lint.models import Finding
from sos_lint.readers import read_string


def corpus_paths(root: Path) -> list[Path]:
    return sorted((root / "corpora").glob("statements-*.jsonl"))


def lint_corpus(
    paths: list[Path], config: Config
) -> Iterator[tuple[dict[str, Any], list[Finding]]]:
    """Each labelled record with the findings the linter gives it (section from the record)."""
    records = [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    documents = (to_document(read_string(r["text"]), config, r["section"]) for r in records)
    linted = get_linter(config).lint_documents(documents)
    for record, (_, findings) in zip(records, linted, strict=True):
        yield record, findings
