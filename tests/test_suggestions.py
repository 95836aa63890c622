"""Every jargon, vague, judgemental and hedging finding says what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import corpus_paths, lint_corpus

from sos_lint import lint_file, lint_text
from sos_lint.config import Config
from sos_lint.engine.rules import Rule, builtin_rules

WORD_CATEGORIES = ("jargon", "vague", "judgemental", "hedging")
WORD_RULES = [r for r in builtin_rules() if r.category in WORD_CATEGORIES]


@pytest.mark.parametrize("rule", WORD_RULES, ids=lambda r: r.code)
def test_every_entry_has_a_suggestion(rule: Rule) -> None:
    """An entry needs its own alternatives, or the rule's suggestions to fall back on."""
    if rule.kind == "python" or not rule.entries:
        assert rule.suggestions, f"{rule.path}: no suggestions"
        return
    bare = [entry.term for entry in rule.entries if not entry.alternatives]
    assert not bare or rule.suggestions, f"{rule.path}: no suggestion for {', '.join(bare)}"
    for entry in rule.entries:
        assert all(a.strip() for a in entry.alternatives), f"{rule.path}: {entry.term}"
        if entry.safe:
            first = entry.alternatives[0]
            assert not first.endswith("?"), f"{rule.path}: {entry.term} is safe but asks"


def _findings(paths: list[Path]) -> list[tuple[str, str, int]]:
    config = Config(select=WORD_CATEGORIES)
    out = []
    for path in paths:
        for finding in lint_file(path, config=config).findings:
            out.append((finding.code, finding.text, len(finding.suggestions)))
    return out


def test_findings_on_the_examples_carry_suggestions(examples: Path) -> None:
    found = _findings(sorted(p for p in examples.iterdir() if p.suffix in (".md", ".txt", ".docx")))
    assert found
    assert [f for f in found if f[2] == 0] == []


def test_findings_on_the_corpus_carry_suggestions(root: Path) -> None:
    paths = corpus_paths(root)
    if not paths:
        pytest.skip("no labelled corpus")
    config = Config(select=WORD_CATEGORIES)
    bare = []
    for record, findings in lint_corpus(paths, config):
        bare += [(record.id, f.code) for f in findings if not f.suggestions]
    assert bare == []


@pytest.mark.parametrize(
    ("text", "message", "question"),
    [
        ("Mia was hit.", "“Mia was hit” does not say who did it", "Who hit Mia?"),
        ("She was shaken.", "“She was shaken” does not say who did it", "Who shook her?"),
        ("Mia was given vodka.", "who did it", "Who gave Mia vodka?"),
        (
            "The children were left alone.",
            "“The children were left” does not say who did it",
            "Who left the children?",
        ),
        (
            "Tegan is not being given her tablets.",
            "does not say who should have done it",
            "Who was meant to give Tegan her tablets?",
        ),
        (
            "Ethan (3) was found wandering on the main road at 11pm.",
            "does not say who left Ethan unwatched",
            "Who was meant to be looking after Ethan",
        ),
        ("Bruising was noted on 3 May.", "does not say who caused the injury", "Who caused"),
        ("Jayden (6) could be hit again.", "does not say who might do it", "Who might hit"),
        ("Tyrese will be taken to the GP.", "does not say who will do it", "Who will take"),
        # a particle stays with its verb, and "broken" is asked about as "broke"
        ("The cooker was left on.", "does not say who did it", "Who left the cooker on?"),
        # ("on all night" is parsed as a place; the question still keeps "on")
        (
            "The cooker was left on all night.",
            "“The cooker was left on”",
            "Who left the cooker on?",
        ),
        ("The patio door got broken.", "does not say who did it", "Who broke the patio door?"),
        (
            "Mhairi is worried about what was done to her in the car.",
            "“was done to her” does not say who did it",
            "Say who did what",
        ),
    ],
)
def test_a_hidden_doer_finding_asks_the_right_question(
    text: str, message: str, question: str
) -> None:
    """The question fits the passive: who did it, who should have, who was looking after."""
    found = [f for f in lint_text(text, section="harm").findings if f.code == "SOS601"]
    assert len(found) == 1, text
    assert message in found[0].message
    assert question in found[0].suggestions[0].replacement


def test_a_loose_deadline_in_a_next_step_is_reported_once_as_a_missing_date() -> None:
    """ "ASAP" in a next step is one gap (no date), reported by the next-step check only."""
    found = lint_text("Dad will refer himself to the drug service ASAP.", section="next_step")
    codes = [f.code for f in found.findings]
    assert "SOS203" not in codes
    deadline = [f for f in found.findings if f.code == "SOS742"]
    assert len(deadline) == 1
    assert "“ASAP” is not a date" in deadline[0].message
    goal = lint_text("Dad will stop drinking in front of Kai asap.", section="safety_goal")
    assert "SOS203" in [f.code for f in goal.findings]


def test_a_vague_time_in_a_next_step_is_named_by_both_checks() -> None:
    """ "In the near future" is a vague time (writers mark it so) as well as no date: the
    next-step check still names the words, not only that the date is missing."""
    found = lint_text("The social worker will visit Gran in the near future.", section="next_step")
    assert "SOS203" in [f.code for f in found.findings]
    deadline = [f for f in found.findings if f.code == "SOS742"]
    assert len(deadline) == 1
    assert "“in the near future” is not a date" in deadline[0].message


def test_one_finding_per_phrase(root: Path) -> None:
    """Where two rules of one category would flag a phrase and a word inside it ("meet the
    children's needs" and "needs"), only the finding on the whole phrase is reported."""
    from sos_lint.engine.runner import PHRASE_CATEGORIES

    found = lint_text(
        "Mum will meet the children's needs and Kai will stay in his kinship placement.",
        section="safety_goal",
    ).findings
    assert found
    for a in found:
        for b in found:
            nested = a is not b and a.start <= b.start and b.end <= a.end
            assert not (nested and a.category == b.category and a.category in PHRASE_CATEGORIES), (
                a.code,
                a.text,
                b.code,
                b.text,
            )
    texts = {f.text for f in found}
    assert "meet the children's needs" in texts or "kinship placement" in texts
