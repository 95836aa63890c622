"""The shipped example documents, linted end to end, with the findings their README promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from sos_lint import Severity, lint_file
from sos_lint.models import FileResult

# (code or category, words the finding must cover) that each example must produce.
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "okafor-family-map.md": [
        ("SOS103", "escalated"),
        ("SOS102", "s47"),
        ("jargon", "PLO"),
        ("jargon", "LAC"),
        ("jargon", "placement"),
        ("vague", "incident"),
        ("vague", "inappropriate"),
        ("vague", "chaotic"),
        ("vague", "recently"),
        ("vague", "concerns"),
        ("judgemental", "claims"),
        ("judgemental", "non-compliant"),
        ("judgemental", "refused"),
        ("judgemental", "failed to"),
        ("hedging", "possibly"),
        ("hedging", "It appears"),
        ("hidden-actor", "were left"),
        ("hidden-actor", "injury was sustained"),
        ("SOS503", "engage"),
        ("SOS712", "Dad will stop drinking."),
        ("SOS703", "Children's services are worried that Emeka might drink"),
        ("hard-to-read", "Due to the ongoing financial pressures"),
    ],
    "patel-family-map.txt": [
        ("jargon", "ICPC"),
        ("jargon", "respite"),
        ("vague", "poor home conditions"),
        ("vague", "a lot"),
        ("judgemental", "hostile"),
        ("judgemental", "admitted"),
        ("judgemental", "manipulative"),
        ("hedging", "may have seen"),
        ("hedging", "possibly"),
        ("hidden-actor", "was pushed"),
        ("hidden-actor", "There was a domestic abuse incident"),
        ("SOS503", "attend"),
        ("SOS712", "Ross will not argue in front of the children."),
        ("SOS703", "The police are worried that Ross might hurt Priya again."),
        ("hard-to-read", "As a result of the combination"),
    ],
    "brown-family-map.docx": [
        ("jargon", "ICPC"),
        ("jargon", "parenting capacity"),
        ("jargon", "escalating"),
        ("vague", "issues"),
        ("vague", "inappropriate"),
        ("judgemental", "admitted"),
        ("judgemental", "refused"),
        ("hedging", "It is felt"),
        ("hidden-actor", "was left"),
        ("SOS501", "Kerry has anxiety"),
    ],
}

# Words that must not be flagged in these categories (the README's near misses).
NEAR_MISSES: dict[str, list[tuple[str, str]]] = {
    "okafor-family-map.md": [
        ("jargon", "contact Nkechi"),
        ("hidden-actor", "was arrested"),
        ("jargon", "work placement"),
        ("hedging", "might"),
        ("hidden-actor", "could be hurt"),
    ],
    "patel-family-map.txt": [
        ("hidden-actor", "was arrested"),
        ("jargon", "contact the nursery"),
        ("judgemental", "claim for Universal Credit"),
        ("hedging", "may phone"),
        ("jargon", "work placement"),
    ],
}


@pytest.fixture(scope="module")
def results(examples: Path) -> dict[str, FileResult]:
    names = [*EXPECTED, "clean-map.md"]
    return {name: lint_file(examples / name) for name in names}


def _covers(result: FileResult, selector: str, words: str) -> bool:
    assert result.document is not None
    for finding in result.findings:
        if selector not in (finding.code, finding.category):
            continue
        if words in finding.text or finding.text in words:
            return True
    return False


@pytest.mark.parametrize(
    ("name", "selector", "words"),
    [(name, sel, words) for name, items in EXPECTED.items() for sel, words in items],
)
def test_expected_findings(
    results: dict[str, FileResult], name: str, selector: str, words: str
) -> None:
    assert _covers(results[name], selector, words), f"{name}: no {selector} finding on {words!r}"


@pytest.mark.parametrize(
    ("name", "category", "words"),
    [(name, cat, words) for name, items in NEAR_MISSES.items() for cat, words in items],
)
def test_near_misses_are_not_flagged(
    results: dict[str, FileResult], name: str, category: str, words: str
) -> None:
    result = results[name]
    assert result.document is not None
    text = result.document.text
    starts = [i for i in range(len(text)) if text.startswith(words, i)]
    assert starts, f"{words!r} is not in {name}"
    for finding in result.findings:
        if finding.category != category:
            continue
        for start in starts:
            assert not (
                finding.start < start + len(words)
                and start < finding.end
                and len(finding.text) < 60
            ), f"{name}: {finding.code} flagged the near miss {words!r}"


def test_clean_map_has_no_warnings(results: dict[str, FileResult]) -> None:
    serious = [f for f in results["clean-map.md"].findings if f.severity >= Severity.WARNING]
    assert serious == [], [(f.code, f.text) for f in serious]


def test_defined_acronym_is_noted_once_and_not_flagged_again(
    results: dict[str, FileResult],
) -> None:
    cin = [f for f in results["okafor-family-map.md"].findings if f.text == "CIN"]
    assert [(f.code, f.severity) for f in cin] == [("SOS101", Severity.INFO)]


def test_suppressed_acronym_is_not_reported(results: dict[str, FileResult]) -> None:
    codes = [(f.code, f.text) for f in results["okafor-family-map.md"].findings]
    assert ("SOS101", "CAMHS") not in codes
    assert not any(code == "SOS001" for code, _ in codes)


def test_statement_types_reach_the_checks(results: dict[str, FileResult]) -> None:
    sections = {f.section for f in results["okafor-family-map.md"].findings}
    assert {"harm", "danger_statement", "safety_goal"} <= sections
    rewrites = [f.rewrite for f in results["okafor-family-map.md"].findings if f.rewrite]
    assert rewrites and all("[" in r for r in rewrites)
