"""Configuration: ``[tool.sos-lint]`` in pyproject.toml, or sos-lint.toml / .sos-lint.toml.

Found from the current folder upwards; ``--config`` names a file directly. Validation is
strict: an unknown key or a value of the wrong type is an error naming the file and key.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sos_lint.errors import ConfigError
from sos_lint.models import SECTION_TYPES, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = ("sos-lint.toml", ".sos-lint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")

READABILITY_DEFAULTS: dict[str, Any] = {
    "sentence_info": 25,
    "sentence_warning": 30,
    "sentence_error": 40,
    "reading_age": 11,
    "max_subordinate_clauses": 2,
    # SOS802: a statement (a section) needs this many words, and every formula this many
    # years over the target, to be flagged.
    "min_words": 15,
    "statement_margin": 6,
    "section_min_words": 100,
    "section_margin": 2,
    "reading_age_by_section": {
        "house_of_worries": 9,
        "house_of_good_things": 9,
        "house_of_dreams": 9,
        "words_and_pictures": 9,
    },
}


@dataclass(frozen=True)
class SectionRules:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    sections: Mapping[str, SectionRules] = field(default_factory=dict)
    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    accept: tuple[str, ...] = ()
    headings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: str = "warning"
    model: str | None = None
    readability: Mapping[str, Any] = field(default_factory=lambda: dict(READABILITY_DEFAULTS))
    languagetool_url: str | None = None
    grammar: bool = False
    max_chars: int = 100_000
    source: str | None = None

    def with_overrides(self, **changes: Any) -> Config:
        clean = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **clean)


def _err(origin: str, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{origin}: `{key}` {problem}")


def _strings(value: Any, origin: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(origin, key, "must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _table(value: Any, origin: str, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _err(origin, key, "must be a table")
    return value


def _section(name: str, origin: str, key: str) -> str:
    if name not in SECTION_TYPES:
        raise _err(origin, key, f"names an unknown section type {name!r}")
    return name


def parse_config(data: Mapping[str, Any], origin: str) -> Config:
    """Validate a ``[tool.sos-lint]`` table into a Config."""
    known = {
        "select",
        "ignore",
        "extend-select",
        "severity",
        "sections",
        "terms",
        "accept",
        "headings",
        "fail-on",
        "model",
        "readability",
        "languagetool-url",
        "grammar",
        "max-chars",
    }
    for key in data:
        if key not in known:
            raise ConfigError(f"{origin}: unknown key `{key}`")
    kwargs: dict[str, Any] = {"source": origin}
    for key in ("select", "ignore", "extend-select", "accept"):
        if key in data:
            kwargs[key.replace("-", "_")] = _strings(data[key], origin, key)
    if "severity" in data:
        levels: dict[str, Severity] = {}
        for selector, level in _table(data["severity"], origin, "severity").items():
            if not isinstance(level, str):
                raise _err(origin, f"severity.{selector}", "must be error, warning or info")
            try:
                levels[str(selector)] = Severity.parse(level)
            except ValueError:
                raise _err(
                    origin, f"severity.{selector}", "must be error, warning or info"
                ) from None
        kwargs["severity"] = levels
    if "sections" in data:
        sections: dict[str, SectionRules] = {}
        for name, table in _table(data["sections"], origin, "sections").items():
            key = f"sections.{name}"
            _section(name, origin, key)
            table = _table(table, origin, key)
            extra = set(table) - {"select", "ignore"}
            if extra:
                raise ConfigError(f"{origin}: unknown key `{key}.{sorted(extra)[0]}`")
            sections[name] = SectionRules(
                _strings(table.get("select", []), origin, f"{key}.select"),
                _strings(table.get("ignore", []), origin, f"{key}.ignore"),
            )
        kwargs["sections"] = sections
    if "terms" in data:
        terms: dict[str, tuple[str, ...]] = {}
        for term, alternatives in _table(data["terms"], origin, "terms").items():
            terms[str(term)] = _strings(alternatives, origin, f"terms.{term}")
        kwargs["terms"] = terms
    if "headings" in data:
        headings: dict[str, tuple[str, ...]] = {}
        for name, items in _table(data["headings"], origin, "headings").items():
            _section(name, origin, f"headings.{name}")
            headings[name] = _strings(items, origin, f"headings.{name}")
        kwargs["headings"] = headings
    if "fail-on" in data:
        if data["fail-on"] not in FAIL_ON:
            raise _err(origin, "fail-on", f"must be one of {', '.join(FAIL_ON)}")
        kwargs["fail_on"] = data["fail-on"]
    for key in ("model", "languagetool-url"):
        if key in data:
            if not isinstance(data[key], str) or not data[key].strip():
                raise _err(origin, key, "must be a non-empty string")
            kwargs[key.replace("-", "_")] = data[key].strip()
    if "grammar" in data:
        if not isinstance(data["grammar"], bool):
            raise _err(origin, "grammar", "must be true or false")
        kwargs["grammar"] = data["grammar"]
    if "max-chars" in data:
        if not isinstance(data["max-chars"], int) or data["max-chars"] <= 0:
            raise _err(origin, "max-chars", "must be a positive whole number")
        kwargs["max_chars"] = data["max-chars"]
    if "readability" in data:
        kwargs["readability"] = _readability(
            _table(data["readability"], origin, "readability"), origin
        )
    return Config(**kwargs)


def _readability(table: Mapping[str, Any], origin: str) -> dict[str, Any]:
    merged = dict(READABILITY_DEFAULTS)
    merged["reading_age_by_section"] = dict(READABILITY_DEFAULTS["reading_age_by_section"])
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in READABILITY_DEFAULTS:
            raise ConfigError(f"{origin}: unknown key `readability.{key}`")
        if name == "reading_age_by_section":
            for section, age in _table(value, origin, f"readability.{key}").items():
                _section(section, origin, f"readability.{key}.{section}")
                if not isinstance(age, (int, float)) or age <= 0:
                    raise _err(origin, f"readability.{key}.{section}", "must be a positive number")
                merged[name][section] = age
        elif not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
            raise _err(origin, f"readability.{key}", "must be a positive number")
        else:
            merged[name] = value
    return merged


def load_file(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("sos-lint", {})
    return parse_config(data, str(path))


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file from ``start`` upwards (pyproject only if it has the table)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if not path.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    data = tomllib.loads(path.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                    continue
                if "sos-lint" not in data.get("tool", {}):
                    continue
            return path
    return None


def load_config(path: str | Path | None = None, start: Path | None = None) -> Config:
    """``path`` if given, else the nearest config file, else the defaults."""
    if path is not None:
        return load_file(Path(path))
    found = find_config(start)
    return load_file(found) if found else Config()
