"""Guided rewrites: scaffolds built from the statement's own words, placeholders for the rest."""

from __future__ import annotations

import re

import pytest

from sos_lint import lint_text

TEMPLATE_WORDS = set(
    [
        "on",
        "date",
        "or",
        "how",
        "often",
        "did",
        "what",
        "exactly",
        "to",
        "which",
        "child",
        "and",
        "their",
        "age",
        "this",
        "hurt",
        "frightened",
        "missed",
        "school",
        "is",
        "are",
        "worried",
        "that",
        "when",
        "in",
        "what",
        "situation",
        "might",
        "do",
        "could",
        "be",
        "hurt",
        "or",
        "affected",
        "how",
        "for",
        "long",
        "whenever",
        "the",
        "danger",
        "statement",
        "will",
        "who",
        "network",
        "see",
        "check",
        "it",
        "often",
        "say",
        "show",
        "since",
        "every",
        "time",
        "was",
        "present",
        "has",
        "done",
        "seen",
        "kept",
        "safe",
    ]
)


@pytest.mark.parametrize(
    ("section", "text", "known"),
    [
        (
            "danger_statement",
            "We are worried that Lee might push Kai (7) again.",
            ["Lee", "Kai (7)", "push"],
        ),
        ("harm", "Lee pushed Kai (7) down the stairs.", ["Lee", "pushed Kai (7) down the stairs"]),
        ("safety_goal", "Dad will cook tea.", ["Dad", "cook tea"]),
        ("existing_safety", "Gran loves Kai.", []),
    ],
)
def test_scaffold_copies_known_parts_and_marks_the_rest(
    section: str, text: str, known: list[str]
) -> None:
    findings = [f for f in lint_text(text, section=section).findings if f.rewrite]
    assert findings, "a structure finding should carry a rewrite"
    rewrite = findings[0].rewrite or ""
    for part in known:
        assert part in rewrite, (part, rewrite)
    assert "[" in rewrite  # the missing parts stay placeholders
    outside = re.sub(r"\[[^\]]*\]", " ", rewrite)
    for word in re.findall(r"[A-Za-z']+", outside):
        assert word.lower() in TEMPLATE_WORDS or word in text, f"invented {word!r} in {rewrite!r}"


def test_scaffold_never_turns_a_failure_into_an_action() -> None:
    findings = lint_text("Grace failed to take Ada (6) to the dentist.", section="harm").findings
    for finding in findings:
        assert "took Ada" not in (finding.rewrite or "")
        assert "take Ada" not in (finding.rewrite or "")
