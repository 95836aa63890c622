"""Rules as JSON: the list (``sos-lint rules --format json``, ``GET /api/v1/rules``) and one
rule in full (``GET /api/v1/rules/<CODE>``, the data ``sos-lint explain`` prints)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sos_lint.engine.rules import Rule


def rule_summary(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "level": str(rule.level),
        "kind": rule.kind,
        "scope": rule.scope,
        "sections": sorted(rule.sections) if rule.sections else "all",
        "entries": len(rule.entries),
    }


def rules_summary(rules: Iterable[Rule]) -> list[dict[str, Any]]:
    return [rule_summary(r) for r in rules]


def rule_detail(rule: Rule) -> dict[str, Any]:
    """Everything a reader needs to act on the rule: why it matters and what to write instead."""
    return {
        **rule_summary(rule),
        "message": rule.message,
        "explanation": rule.explanation,
        "suggestions": list(rule.suggestions),
        "terms": [
            {
                "variants": list(entry.variants),
                "alternatives": list(entry.alternatives),
                "safe": entry.safe,
            }
            for entry in rule.entries
        ],
        "examples": {
            "flag": [e.text for e in rule.flag_examples],
            "pass": [e.text for e in rule.pass_examples],
        },
        "source": rule.source or None,
        "link": rule.link or None,
    }
