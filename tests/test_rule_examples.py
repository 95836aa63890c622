"""Every rule's own examples are tests: `flag` examples must fire it, `pass` examples must not."""

from __future__ import annotations

import pytest

from sos_lint import lint_text
from sos_lint.config import parse_config
from sos_lint.engine.rules import Example, Rule, builtin_rules

RULES = builtin_rules()


def _section(rule: Rule, example: Example) -> str:
    if example.section:
        return example.section
    if rule.sections:
        return sorted(rule.sections)[0]
    return "general"


def _lint(rule: Rule, example: Example) -> list[str]:
    data = dict(rule.example_config)
    data["select"] = [rule.code, *data.get("select", [])]
    config = parse_config(data, f"{rule.path} examples")
    result = lint_text(example.text, section=_section(rule, example), config=config)
    return [f.code for f in result.findings]


CASES = [
    pytest.param(rule, example, expected, id=f"{rule.code}-{expected}-{i}")
    for rule in RULES
    # Grammar examples need a LanguageTool server: tests/test_grammar.py runs them.
    if rule.category != "grammar"
    for expected, examples in (("flag", rule.flag_examples), ("pass", rule.pass_examples))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "example", "expected"), CASES)
def test_rule_example(rule: Rule, example: Example, expected: str) -> None:
    codes = _lint(rule, example)
    if expected == "flag":
        assert rule.code in codes, f"{rule.code} should fire on: {example.text!r}"
    else:
        assert rule.code not in codes, f"{rule.code} should not fire on: {example.text!r}"


def test_every_rule_has_examples_of_both_kinds() -> None:
    for rule in RULES:
        assert rule.flag_examples and rule.pass_examples, rule.code


def test_codes_are_unique_and_in_their_family() -> None:
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
