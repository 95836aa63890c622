"""Parse-based conditions on word-list matches (sos_lint/checks/filters.py), through the linter."""

from __future__ import annotations

import pytest

from sos_lint.api import lint_text


def codes(text: str, section: str = "general") -> set[str]:
    return {f.code for f in lint_text(text, section=section).findings}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Mum claims she was at work when it happened.", True),
        ("Dad claims no knowledge of the placement.", True),  # not "place" inside "placement"
        ("Dad claims no knowledge of the background.", True),  # not "back" inside it
        ("Mum claims Universal Credit and child benefit.", False),
        ("Mum is waiting to hear about her PIP claim.", False),
    ],
)
def test_claims_doubts_an_account_not_a_benefit(text: str, flagged: bool) -> None:
    assert ("SOS303" in codes(text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Dad has hit Kai several times since 2 March.", True),  # a date is not a count
        ("Uncle Raj has come to several meetings, all four since March.", False),
        ("Several neighbours rang the police.", True),
    ],
)
def test_several_with_a_count_beside_it(text: str, flagged: bool) -> None:
    assert ("SOS208" in codes(text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Things got heated at home on Saturday.", True),
        ("Mum said, 'I'll be honest, things got heated.' Then Dwayne threw a cup.", False),
        ("Kai's mum said “things got heated” on Saturday.", False),
        ('Kai\'s mum said "things got heated" on Saturday.', False),
    ],
)
def test_vague_words_in_quotation_marks_are_the_speakers_own(text: str, flagged: bool) -> None:
    assert ("SOS206" in codes(text)) is flagged


def test_blame_needs_a_person() -> None:
    assert "SOS304" in codes("Mum refused to let the worker in on 3 May.")
    assert "SOS304" not in codes("The council refused the family's request for a bigger flat.")


def test_a_named_frequency_beside_regularly() -> None:
    assert "SOS203" in codes("Idil has regularly taken Hodan shopping.", "existing_safety")
    assert "SOS203" not in codes(
        "Idil has regularly taken Hodan shopping, every Saturday morning.", "existing_safety"
    )


def test_filters_run_when_only_their_rule_is_selected() -> None:
    """A filter needs the parse: selecting one term rule must still parse the text."""
    from sos_lint.config import Config

    result = lint_text(
        "The council refused the family's request in March.",
        section="general",
        config=Config(select=("SOS304",)),
    )
    assert not result.findings
