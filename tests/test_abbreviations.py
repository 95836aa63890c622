"""SOS107: capital-letter shorthand the word lists do not know."""

from __future__ import annotations

import pytest

from sos_lint.api import lint_text


def codes(text: str, section: str = "harm") -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, section=section).findings]


def sos107(text: str, section: str = "general") -> list[str]:
    return [t for c, t in codes(text, section) if c == "SOS107"]


def test_a_listed_acronym_keeps_the_word_list_finding_only() -> None:
    found = codes("Dad has been on the CAMHS waiting list since May.", "general")
    assert ("SOS101", "CAMHS") in found
    assert ("SOS107", "CAMHS") not in found


def test_unknown_acronyms_are_flagged_each_time_until_spelt_out() -> None:
    assert sos107("The EWO rang on Monday and the EWOs will visit on 3 May.") == ["EWO", "EWOs"]


@pytest.mark.parametrize(
    "text",
    [
        "The education welfare officer (EWO) rang Mum on Monday. The EWO will visit on 3 May.",
        "The EWO (education welfare officer) rang Mum on Monday. The EWO will visit on 3 May.",
        "Kai has a Child in Need (CIN) plan. The CIN meeting is on 12 June.",
    ],
)
def test_spelt_out_once_is_not_flagged_again(text: str) -> None:
    assert sos107(text) == []


def test_spelling_out_in_an_earlier_section_counts() -> None:
    text = (
        "## Background\n\nThe education welfare officer (EWO) has known Johnny since 2023.\n\n"
        "## Next steps\n\n- The EWO will ring Bridget by 4 May to agree a plan for mornings.\n"
    )
    assert [f.text for f in lint_text(text).findings if f.code == "SOS107"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Mum must NOT leave Kai with Lee, even for five minutes.",
        "SAFETY comes first for Nan, who walks Ruby home every day.",
        "Kofi saw the GP on Tuesday and watched TV with Gran after school.",
        "AJ (6) told his teacher that he was hungry every morning last week.",
        "Shanice wrote on her picture: I WANT MY DAD TO STOP SHOUTING.",
        "Mum took Leo to A&E on 4 June after he fell off the sofa.",
        "Henry VIII was the king Ellie wrote about in her Year 4 project.",
    ],
)
def test_everyday_capitals_are_not_flagged(text: str) -> None:
    assert sos107(text) == []


def test_the_finding_says_what_to_do() -> None:
    (finding,) = [
        f
        for f in lint_text("School will complete a PSP with Mason.", section="next_step").findings
        if f.code == "SOS107"
    ]
    assert finding.category == "jargon"
    assert "family may not know" in finding.message
    assert "PSP" in finding.suggestions[0].replacement


def test_non_behavioural_messages_read_as_sentences() -> None:
    """The kind of non-behaviour is slotted into a message: it must still read properly."""
    (finding,) = [
        f
        for f in lint_text(
            "Grandad would never let anything happen to Kacey.", section="existing_safety"
        ).findings
        if f.code == "SOS504"
    ]
    assert finding.message.startswith("“let” is a promise, not something done, with no action")


def test_existing_safety_written_as_a_plan_says_so() -> None:
    (finding,) = [
        f
        for f in lint_text(
            "Grandad will have the boys every weekend from now on.", section="existing_safety"
        ).findings
        if f.code == "SOS731"
    ]
    assert "plan for the future" in finding.message
