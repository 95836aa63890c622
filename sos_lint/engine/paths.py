"""Where the rule data lives: in place for a source checkout, inside the package for a wheel."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from sos_lint.errors import RuleError

_PACKAGE = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """``SOS_LINT_RULES`` if set, else the wheel's ``sos_lint/_rules``, else ``<repo>/rules``."""
    override = os.environ.get("SOS_LINT_RULES")
    candidates = [Path(override)] if override else []
    candidates += [_PACKAGE / "_rules", _PACKAGE.parent / "rules"]
    for candidate in candidates:
        if (candidate / "sections.yml").is_file():
            return candidate
    raise RuleError(
        "cannot find the rule data (rules/sections.yml); reinstall sos-lint or set SOS_LINT_RULES"
    )
