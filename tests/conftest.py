"""Shared fixtures. The offset invariant is checked here, once, for every finding any test makes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sos_lint.engine import runner

# The suite never touches the user's own cache: derived rule data goes to a temporary folder.
os.environ["SOS_LINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="sos-lint-cache-")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "corpora" / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_checked = {"findings": 0}


@pytest.fixture(scope="session", autouse=True)
def offset_invariant() -> Iterator[None]:
    """Every finding produced in the whole suite must satisfy input[start:end] == text."""
    original = runner.Linter.findings

    def checked(self: runner.Linter, document: Any, docs: Any) -> Any:
        found = original(self, document, docs)
        for finding in found:
            assert document.text[finding.start : finding.end] == finding.text, finding
            assert finding.start <= finding.end
            _checked["findings"] += 1
        return found

    runner.Linter.findings = checked  # type: ignore[method-assign]
    yield
    runner.Linter.findings = original  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def nlp() -> Any:
    from sos_lint import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES
