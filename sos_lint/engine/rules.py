"""Strict loading of the rule files under ``rules/`` into typed, immutable rules."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sos_lint.engine.paths import rules_dir
from sos_lint.errors import RuleError
from sos_lint.models import CATEGORIES, SECTION_TYPES, TOOL_CATEGORY, Severity
from sos_lint.yamlio import load_yaml

KINDS = ("substitution", "existence", "python")
SCOPES = ("document", "section", "statement", "sentence")
FAMILY_CATEGORY = {
    0: TOOL_CATEGORY,
    1: "jargon",
    2: "vague",
    3: "judgemental",
    4: "hedging",
    5: "non-behavioural",
    6: "hidden-actor",
    7: "structure",
    8: "hard-to-read",
    9: "grammar",
}
REQUIRED = (
    "code",
    "name",
    "kind",
    "category",
    "level",
    "scope",
    "message",
    "explanation",
    "examples",
)
OPTIONAL = (
    "sections",
    "exclude_sections",
    "terms",
    "swap",
    "safe",
    "suggestions",
    "exceptions",
    "function",
    "source",
    "needs",
    "options",
    "retired",
    "link",
)
NEEDS = ("parser", "ner")
CSV_COLUMNS = ("term", "alternatives", "safe", "pos", "case", "exceptions", "note")
UPOS = {
    "ADJ",
    "ADP",
    "ADV",
    "AUX",
    "CCONJ",
    "DET",
    "INTJ",
    "NOUN",
    "NUM",
    "PART",
    "PRON",
    "PROPN",
    "PUNCT",
    "SCONJ",
    "SYM",
    "VERB",
    "X",
}
_CODE = re.compile(r"^SOS\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class TermEntry:
    """One row of a term table: a term (and its variants) with plain alternatives."""

    variants: tuple[str, ...]
    alternatives: tuple[str, ...]
    safe: bool = False
    pos: str | None = None
    exact_case: bool = False
    literal: bool = False  # the words as written (any case), without their other inflections
    exceptions: tuple[str, ...] = ()
    note: str = ""

    @property
    def term(self) -> str:
        return self.variants[0]


@dataclass(frozen=True)
class Example:
    text: str
    section: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    category: str
    level: Severity
    scope: str
    message: str
    explanation: str
    path: str
    sections: frozenset[str] | None = None  # None: every section
    exclude_sections: frozenset[str] = frozenset()
    entries: tuple[TermEntry, ...] = ()
    suggestions: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    function: str | None = None
    source: str = ""
    needs: frozenset[str] = frozenset()
    options: Mapping[str, Any] = field(default_factory=dict)
    flag_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()
    example_config: Mapping[str, Any] = field(default_factory=dict)
    retired: bool = False
    link: str = ""

    def applies_to(self, section: str) -> bool:
        if section in self.exclude_sections:
            return False
        return self.sections is None or section in self.sections

    @property
    def family(self) -> int:
        return int(self.code[3])


def _fail(path: Path, message: str) -> RuleError:
    return RuleError(f"{path}: {message}")


def _str(data: Mapping[str, Any], key: str, path: Path) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"`{key}` must be a non-empty string")
    return value.strip()


def _str_list(value: Any, key: str, path: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, f"`{key}` must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _sections(value: Any, key: str, path: Path) -> frozenset[str] | None:
    items = _str_list(value, key, path)
    if not items or items == ("all",):
        return None if key == "sections" else frozenset()
    unknown = [s for s in items if s not in SECTION_TYPES]
    if unknown:
        raise _fail(path, f"`{key}` has unknown section type(s): {', '.join(unknown)}")
    return frozenset(items)


def _split(cell: str | None) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _yes(value: str | None, where: str, path: Path) -> bool:
    value = (value or "").strip().lower()
    if value in ("yes", "true", "1"):
        return True
    if value in ("", "no", "false", "0"):
        return False
    raise _fail(path, f"{where}: `safe` must be yes or no, not {value!r}")


def load_term_table(path: Path) -> tuple[TermEntry, ...]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise _fail(path, f"cannot read term table ({exc.strerror})") from None
    entries: list[TermEntry] = []
    with handle:
        reader = csv.DictReader(handle)
        header = tuple(reader.fieldnames or ())
        if header[: len(CSV_COLUMNS)] != CSV_COLUMNS or len(header) != len(CSV_COLUMNS):
            raise _fail(path, f"header must be {','.join(CSV_COLUMNS)}")
        for row_number, row in enumerate(reader, start=2):
            where = f"row {row_number}"
            if None in row or any(v is None for v in row.values()):
                raise _fail(path, f"{where}: wrong number of columns")
            entries.append(_entry(row, where, path))
    if not entries:
        raise _fail(path, "term table is empty")
    return tuple(entries)


def _entry(row: Mapping[str, str], where: str, path: Path) -> TermEntry:
    variants = _split(row["term"])
    if not variants:
        raise _fail(path, f"{where}: empty term")
    alternatives = _split(row["alternatives"])
    pos = (row.get("pos") or "").strip().upper() or None
    if pos is not None and pos not in UPOS:
        raise _fail(path, f"{where}: unknown part of speech {pos!r}")
    case = (row.get("case") or "").strip().lower()
    if case not in ("", "exact", "literal"):
        raise _fail(path, f"{where}: `case` must be empty, exact or literal")
    safe = _yes(row.get("safe"), where, path)
    if safe and (not alternatives or alternatives[0].endswith("?")):
        raise _fail(path, f"{where}: a safe entry needs a replacement, not a question")
    return TermEntry(
        variants=variants,
        alternatives=alternatives,
        safe=safe,
        pos=pos,
        exact_case=case == "exact",
        literal=case == "literal",
        exceptions=_split(row.get("exceptions")),
        note=(row.get("note") or "").strip(),
    )


def _examples(
    value: Any, path: Path
) -> tuple[tuple[Example, ...], tuple[Example, ...], dict[str, Any]]:
    if not isinstance(value, Mapping):
        raise _fail(path, "`examples` must have `flag` and `pass` lists")
    unknown = set(value) - {"flag", "pass", "section", "config"}
    if unknown:
        raise _fail(path, f"unknown key in `examples`: {sorted(unknown)[0]}")
    default_section = value.get("section")
    if default_section is not None and default_section not in SECTION_TYPES:
        raise _fail(path, f"`examples.section` is not a section type: {default_section!r}")

    def items(key: str) -> tuple[Example, ...]:
        raw = value.get(key)
        if not isinstance(raw, list) or not raw:
            raise _fail(path, f"`examples.{key}` must be a non-empty list")
        out = []
        for item in raw:
            if isinstance(item, str):
                out.append(Example(item, default_section))
            elif isinstance(item, Mapping) and isinstance(item.get("text"), str):
                section = item.get("section", default_section)
                if section is not None and section not in SECTION_TYPES:
                    raise _fail(path, f"example section is not a section type: {section!r}")
                out.append(Example(item["text"], section))
            else:
                raise _fail(path, f"`examples.{key}` items must be strings or {{text, section}}")
        return tuple(out)

    config = value.get("config") or {}
    if not isinstance(config, Mapping):
        raise _fail(path, "`examples.config` must be a table")
    return items("flag"), items("pass"), dict(config)


def load_rule(path: Path) -> Rule:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise _fail(path, f"{where}invalid YAML") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read rule file ({exc})") from None
    if not isinstance(data, Mapping):
        raise _fail(path, "a rule file must be a mapping of keys")
    unknown = [k for k in data if k not in REQUIRED + OPTIONAL]
    if unknown:
        raise _fail(path, f"unknown key `{unknown[0]}`")
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise _fail(path, f"missing key `{missing[0]}`")
    code = _str(data, "code", path)
    if not _CODE.match(code):
        raise _fail(path, f"`code` must look like SOS123, not {code!r}")
    name = _str(data, "name", path)
    if not _NAME.match(name):
        raise _fail(path, f"`name` must be kebab-case, not {name!r}")
    if path.stem != f"{code}-{name}":
        raise _fail(path, f"file name must be {code}-{name}.yml")
    kind = _str(data, "kind", path)
    if kind not in KINDS:
        raise _fail(path, f"`kind` must be one of {', '.join(KINDS)}")
    category = _str(data, "category", path)
    expected = FAMILY_CATEGORY[int(code[3])]
    if category != expected or (category not in CATEGORIES and category != TOOL_CATEGORY):
        raise _fail(path, f"`category` of a {code[:4]}xx rule must be {expected!r}")
    try:
        level = Severity.parse(_str(data, "level", path))
    except ValueError as exc:
        raise _fail(path, str(exc)) from None
    scope = _str(data, "scope", path)
    if scope not in SCOPES:
        raise _fail(path, f"`scope` must be one of {', '.join(SCOPES)}")
    entries: list[TermEntry] = []
    if data.get("terms") is not None:
        table = path.parent / _str(data, "terms", path)
        entries.extend(load_term_table(table))
    swap = data.get("swap")
    if swap is not None:
        if not isinstance(swap, Mapping):
            raise _fail(path, "`swap` must map terms to lists of alternatives")
        default_safe = bool(data.get("safe", False))
        for term, alternatives in swap.items():
            alts = _str_list(alternatives, f"swap.{term}", path)
            entries.append(TermEntry(_split(str(term)), alts, default_safe and bool(alts)))
    function = data.get("function")
    if kind == "python":
        if not isinstance(function, str) or ":" not in function:
            raise _fail(path, "a python rule needs `function: module:callable`")
    elif function is not None:
        raise _fail(path, "`function` is only for kind: python")
    elif not entries and not (data.get("options") or {}).get("config_terms"):
        raise _fail(path, f"a {kind} rule needs `terms` or `swap`")
    needs = frozenset(_str_list(data.get("needs"), "needs", path))
    if needs - set(NEEDS):
        raise _fail(path, f"`needs` may only list {', '.join(NEEDS)}")
    options = data.get("options") or {}
    if not isinstance(options, Mapping):
        raise _fail(path, "`options` must be a table")
    flag, passing, example_config = _examples(data["examples"], path)
    return Rule(
        code=code,
        name=name,
        kind=kind,
        category=category,
        level=level,
        scope=scope,
        message=_str(data, "message", path),
        explanation=" ".join(_str(data, "explanation", path).split()),
        path=str(path),
        sections=_sections(data.get("sections"), "sections", path),
        exclude_sections=_sections(data.get("exclude_sections"), "exclude_sections", path)
        or frozenset(),
        entries=tuple(entries),
        suggestions=_str_list(data.get("suggestions"), "suggestions", path),
        exceptions=_str_list(data.get("exceptions"), "exceptions", path),
        function=function,
        source=str(data.get("source") or ""),
        needs=needs,
        options=dict(options),
        flag_examples=flag,
        pass_examples=passing,
        example_config=example_config,
        retired=bool(data.get("retired", False)),
        link=str(data.get("link") or ""),
    )


def load_rules(directory: Path | None = None) -> tuple[Rule, ...]:
    """Every rule under ``directory`` (default: the shipped rules), sorted by code."""
    root = directory or rules_dir()
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for path in sorted(root.glob("*/*.yml")):
        rule = load_rule(path)
        if rule.code in rules:
            raise _fail(path, f"duplicate code {rule.code} (also {rules[rule.code].path})")
        if rule.name in names:
            raise _fail(path, f"duplicate name {rule.name} (also {names[rule.name]})")
        rules[rule.code] = rule
        names[rule.name] = rule.code
    return tuple(sorted(rules.values(), key=lambda r: r.code))


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    return tuple(r for r in load_rules() if not r.retired)


def rule_by_code(code: str, rules: Iterable[Rule] | None = None) -> Rule | None:
    for rule in rules if rules is not None else builtin_rules():
        if rule.code == code.upper() or rule.name == code.lower():
            return rule
    return None
