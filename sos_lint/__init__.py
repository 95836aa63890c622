"""sos-lint: a plain-language linter for Signs of Safety practice writing."""

from __future__ import annotations

from sos_lint.api import get_linter, lint_file, lint_paths, lint_text
from sos_lint.config import Config, load_config
from sos_lint.errors import ConfigError, InputError, ModelError, RuleError, SosLintError
from sos_lint.models import (
    CATEGORIES,
    SECTION_TYPES,
    Document,
    FileResult,
    Finding,
    Section,
    Severity,
    Statement,
    Suggestion,
)

__version__ = "0.1.0"

__all__ = [
    "CATEGORIES",
    "SECTION_TYPES",
    "Config",
    "ConfigError",
    "Document",
    "FileResult",
    "Finding",
    "InputError",
    "ModelError",
    "RuleError",
    "Section",
    "Severity",
    "SosLintError",
    "Statement",
    "Suggestion",
    "__version__",
    "get_linter",
    "lint_file",
    "lint_paths",
    "lint_text",
    "load_config",
]
