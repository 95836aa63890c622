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


@pytest.mark.parametrize(
    ("text", "code", "flagged"),
    [
        (
            "The court made a care order, which means the council decides where Ali lives.",
            "SOS102",
            False,
        ),
        ("Dad has a court order called a non-molestation order.", "SOS102", False),
        (
            "There is a strategy meeting (police and social workers talking) on Monday.",
            "SOS102",
            False,
        ),
        (
            "Ms Gill, the children's guardian, who speaks for Jade in court, will visit.",
            "SOS102",
            False,
        ),
        ("There was a strategy meeting on Monday.", "SOS102", True),
        ("Tia is in placement, which is going well.", "SOS103", True),  # not an explanation
        ("Dwayne goes to the gym, which is a protective factor.", "SOS103", True),
    ],
)
def test_jargon_explained_where_it_is_used(text: str, code: str, flagged: bool) -> None:
    assert (code in codes(text)) is flagged


def test_a_count_later_in_the_statement_names_the_frequency() -> None:
    counted = "Sometimes her old friends knock late at night; she counted five times in January."
    assert "SOS203" not in codes(counted)
    assert "SOS203" in codes("Sometimes her old friends knock on the door late at night.")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Gran raised one concern at the meeting: Poppy's car seat is too small.", False),
        ("Mr Khan's concern is that Aisha (12) walks home alone after dark.", False),
        ("Concerns re: missing episodes.", True),
        ("There are concerns about home conditions.", True),
    ],
)
def test_a_concern_spelt_out_straight_after_is_not_vague(text: str, flagged: bool) -> None:
    assert ("SOS201" in codes(text)) is flagged


def test_could_suffer_a_named_harm_is_not_vague() -> None:
    named = "We are worried Lee might shake Mia (1) again. Mia could suffer brain damage."
    assert "SOS201" not in codes(named, "danger_statement")
    unnamed = "We are worried Lee might drink again and Mia (1) could suffer."
    assert "SOS201" in codes(unnamed, "danger_statement")


def test_a_parents_own_word_in_quotation_marks_is_not_a_label() -> None:
    assert "SOS302" not in codes("Dad said, 'I know people think I'm a waster.'")
    assert "SOS302" in codes("Dad is a waster.")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Sian, who is unstable, hit Ellie-Mae on 3 May.", True),
        ("Mum is manipulative and unstable.", True),
        ("Donna is weak and always gives in to Craig.", True),
        ("Mum is too weak to stand up to Dad about money.", True),
        ("Craig is controlling and Jo goes along with whatever he says.", True),
        ("Claire has been very controlling about Ella's friendships.", True),
        # a relationship, a body, an illness, a change under drugs: not a verdict on a person
        ("Mum and Dad's relationship is unstable.", False),
        ("When her legs are weak she cannot lift Poppy.", False),
        ("Shirin was too weak to get up.", False),
        ("Mum is weak after her chemotherapy.", False),
        ("When Ryan has been using, he might become unstable.", False),
        ("The worry is that Mum is emotionally unstable.", False),
        # "controlling" that acts on something, or names the kind of control
        ("Dad is controlling the money.", False),
        ("Gran is controlling Kai's diabetes well.", False),
        ("Rob has been financially controlling towards Lorna.", False),
        ("Dad is very controlling of Mum.", True),
        ("Mum left a controlling relationship in 2022 and moved to Leeds.", False),
        # a child's or a body's weakness
        ("The baby is weak and not feeding.", False),
        ("Mum was weak and shaky on the morning of 3 May.", False),
        ("Gran is unstable on her feet.", False),
        ("Mum is very weak at the moment because she is not eating.", False),
        ("Mum is too weak to put the baby down safely.", False),
        ("Mum is too weak to put boundaries in place for Shanice.", True),
    ],
)
def test_a_verdict_word_is_a_label_only_when_said_of_a_person(text: str, flagged: bool) -> None:
    assert ("SOS301" in codes(text, "worry")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Grandad has stepped up since the meeting.", True),
        ("The case was stepped up to a child protection plan.", False),  # a service's step
        ("Grandad has stepped up his visits to twice a week.", False),  # says what
        ("Grandad stepped up and did the school run every day in May.", False),
    ],
)
def test_stepped_up_needs_a_person_and_no_account_of_what(text: str, flagged: bool) -> None:
    assert ("SOS207" in codes(text, "working_well")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Marek is very good with Zosia.", True),
        ("Marek is good with the children.", True),
        ("Marek is good with computers.", False),  # a skill, not a grade of care
        ("Marek is good with Zosia. He plaits her hair for school each morning.", False),
    ],
)
def test_good_with_a_child_grades_care_unless_the_care_is_told(text: str, flagged: bool) -> None:
    assert ("SOS202" in codes(text, "existing_strength")) is flagged


@pytest.mark.parametrize(
    ("text", "section", "flagged"),
    [
        ("Mr Lowe has a history of DV with previous partners.", "complicating_factor", False),
        ("There is a long history of DV in Mr Lowe's family.", "complicating_factor", True),
        ("Mr Lowe has a history of hitting Ms Ray.", "harm", True),
    ],
)
def test_a_history_is_background_in_a_complicating_factor(
    text: str, section: str, flagged: bool
) -> None:
    assert ("SOS203" in codes(text, section)) is flagged


@pytest.mark.parametrize(
    ("text", "section", "flagged"),
    [
        ("Marcus has done something wrong on the internet.", "words_and_pictures", True),
        ("Jayden said something bad happened to baby Maisie.", "house_of_worries", True),
        (
            "Skye could wait at the window and think she has done something wrong.",
            "danger_statement",
            False,
        ),
        ("Kuba told Helen he thinks he did something wrong.", "worry", False),
        (
            "Alfie could stop telling any adult when something bad happens to him.",
            "danger_statement",
            False,
        ),
        ("Samira is convinced that she did something wrong.", "worry", False),
        ("Mrs Patel believes Dad did something to Ellie while she stayed over.", "worry", True),
        ("The school thinks something happened to Kai at the weekend.", "worry", True),
        ("When something happened on Friday night, Kai ran to Nan's house.", "harm", True),
        ("If something happens at Dad's, Kai will phone Nan straight away.", "safety_goal", True),
        ("If something happens again Orla could stop telling adults.", "danger_statement", True),
    ],
)
def test_something_wrong_is_vague_only_as_an_account(
    text: str, section: str, flagged: bool
) -> None:
    assert ("SOS209" in codes(text, section)) is flagged
