"""Errors the user can act on. Each carries a one-line message naming the problem."""

from __future__ import annotations


class SosLintError(Exception):
    """Base class: a problem with the user's input, config or set-up (exit code 2)."""


class InputError(SosLintError):
    """A file that cannot be read as a document (missing, binary, corrupt, empty)."""


class ConfigError(SosLintError):
    """Malformed configuration; the message names the file and key."""


class RuleError(SosLintError):
    """A rule file that does not follow the schema; the message names the file."""


class ModelError(SosLintError):
    """No spaCy model could be loaded."""
