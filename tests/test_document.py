"""Reading documents into typed sections and statements with exact offsets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sos_lint.config import Config
from sos_lint.document import HeadingTable, build_document, normalise_heading
from sos_lint.errors import InputError
from sos_lint.readers import read_path, read_string


def doc(text: str, **kwargs: object):
    return build_document(read_string(text), **kwargs)  # type: ignore[arg-type]


def test_statement_offsets_are_exact_slices_of_the_input() -> None:
    text = "# Harm\n\n- Dad pushed Kai.\n- Kai cut his head.\n\n## Danger statements\n\nWe are worried.\n"
    document = doc(text)
    assert [s.text for s in document.statements] == [
        "Dad pushed Kai.",
        "Kai cut his head.",
        "We are worried.",
    ]
    for statement in document.statements:
        assert text[statement.start : statement.end] == statement.text
    assert [s.section for s in document.statements] == ["harm", "harm", "danger_statement"]
    assert document.statements[1].line == 4 and document.statements[1].column == 3


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Danger Statements", "danger_statement"),
        ("2. Past harm", "harm"),
        ("What's working well?", "working_well"),
        ("What’s working well", "working_well"),
        ("Success goals", "safety_goal"),
        ("Wellbeing goal", "safety_goal"),
        ("Grey areas", "complicating_factor"),
        ("Danger statements for Kai and Mia", "danger_statement"),
        ("Harm (what has happened)", "harm"),
        ("House of Worries", "house_of_worries"),
        ("Words and Pictures", "words_and_pictures"),
        ("Next steps", "next_step"),
    ],
)
def test_heading_synonyms(heading: str, section: str) -> None:
    assert HeadingTable.build().lookup(heading) == section


def test_unknown_heading_is_general_and_unknown_subheading_keeps_parent() -> None:
    document = doc("# Harm\n\n### Mum\n\nMum hit Kai.\n\n# Family tree\n\nKai is 7.\n")
    assert [s.section for s in document.statements] == ["harm", "general"]


def test_plain_text_headings_and_labelled_lines() -> None:
    text = (
        "HARM:\nOn 2 May Lee pushed Kai (7) and he cut his head.\n\n"
        "Existing safety\nGran has collected Kai every day since March.\n\n"
        "Danger statement: We are worried Lee might push Kai again.\n"
    )
    document = doc(text)
    assert [s.section for s in document.statements] == [
        "harm",
        "existing_safety",
        "danger_statement",
    ]
    labelled = document.statements[2]
    assert labelled.text == "We are worried Lee might push Kai again."
    assert labelled.kind == "labelled"


def test_one_statement_per_line_when_lines_end_sentences() -> None:
    document = doc("Strengths\nMum loves Kai.\nDad cooks tea every night.\n")
    assert [s.text for s in document.statements] == ["Mum loves Kai.", "Dad cooks tea every night."]


def test_wrapped_paragraph_stays_one_statement() -> None:
    document = doc("Harm\nOn 2 May Lee pushed Kai down\nthe stairs and Kai cut his head.\n")
    assert len(document.statements) == 1


def test_three_column_markdown_table_types_cells_by_column() -> None:
    text = (
        "| What are we worried about? | What's working well? | What needs to happen? |\n"
        "|---|---|---|\n"
        "| Lee hit Kai on 2 May. | Gran collects Kai. | Lee will go to his brother's. |\n"
    )
    document = doc(text)
    assert [(s.section, s.text) for s in document.statements] == [
        ("worry", "Lee hit Kai on 2 May."),
        ("working_well", "Gran collects Kai."),
        ("needs_to_happen", "Lee will go to his brother's."),
    ]
    for statement in document.statements:
        assert text[statement.start : statement.end] == statement.text


def test_section_option_types_untitled_text() -> None:
    document = doc("Dad will stop drinking.", section="safety_goal")
    assert document.statements[0].section == "safety_goal"


def test_comments_are_not_statement_text() -> None:
    text = "Kai likes school. <!-- sos-lint: ignore SOS101 -->\n"
    document = doc(text)
    assert document.statements[0].text == "Kai likes school."
    assert len(document.suppressions) == 1


def test_extra_heading_synonyms_from_config() -> None:
    table = HeadingTable.build({"danger_statement": ["What we are scared could happen"]})
    assert table.lookup("What we are scared could happen") == "danger_statement"


def test_normalise_heading() -> None:
    assert normalise_heading("  3. The **Danger Statements**: ") == "danger statements"


def test_docx_example_has_headings_bullets_and_map_table(examples: Path) -> None:
    raw = read_path(examples / "brown-family-map.docx")
    document = build_document(raw)
    sections = {s.section for s in document.statements}
    assert {
        "harm",
        "danger_statement",
        "worry",
        "working_well",
        "needs_to_happen",
        "scaling",
    } <= sections
    for statement in document.statements:
        assert raw.text[statement.start : statement.end] == statement.text
    assert any(s.kind == "cell" for s in document.statements)
    assert any(s.kind == "bullet" for s in document.statements)


@pytest.mark.parametrize(
    "name", ["okafor-family-map.md", "patel-family-map.txt", "brown-family-map.docx"]
)
def test_examples_have_all_core_sections(examples: Path, name: str) -> None:
    document = build_document(read_path(examples / name))
    sections = {s.section for s in document.statements}
    assert {"harm", "danger_statement"} <= sections
    assert len(sections) >= 6


def test_bad_inputs(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.md")
    with pytest.raises(InputError, match="folder"):
        read_path(tmp_path)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02PNG")
    with pytest.raises(InputError, match="binary"):
        read_path(binary)
    empty = tmp_path / "empty.md"
    empty.write_text("  \n\n")
    with pytest.raises(InputError, match="empty"):
        read_path(empty)
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"this is not a zip file")
    with pytest.raises(InputError, match="not a valid Word"):
        read_path(corrupt)


def test_encodings(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfHarm\nLee pushed Kai.\n")
    raw = read_path(bom)
    assert raw.text.startswith("Harm") and not raw.notices
    cp1252 = tmp_path / "cp.txt"
    cp1252.write_bytes("Lee said “stop” to Kai.\n".encode("cp1252"))
    raw = read_path(cp1252)
    assert "“stop”" in raw.text
    assert raw.notices and "cp1252" in raw.notices[0]


def test_config_headings_reach_the_document() -> None:
    from sos_lint.api import to_document

    config = Config(headings={"safety_goal": ("Our promises",)})
    document = to_document(read_string("# Our promises\n\nDad will cook tea.\n"), config)
    assert document.statements[0].section == "safety_goal"


def test_a_bracketed_age_of_eight_is_not_read_as_an_emoticon(nlp: Any) -> None:
    # spaCy's tokenizer lists "8)" as an emoticon, which broke "Amber (8) might bite Skye"
    # into "(", "8)" and sent the whole parse wrong.
    words = [t.text for t in nlp("Amber (8) might bite Skye (5) again :)")]
    assert words[:4] == ["Amber", "(", "8", ")"]
    assert ":)" in words  # other emoticons are still single tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a lower-case word
        (
            "Jack will keep hitting him when he says no. Mikey (14) could be badly hurt.",
            ["Jack will keep hitting him when he says no.", "Mikey (14) could be badly hurt."],
        ),
        # after a name
        (
            "Stacey might try to take him to see Kai. Alfie (9) could be frightened.",
            ["Stacey might try to take him to see Kai.", "Alfie (9) could be frightened."],
        ),
        # after a unit, which the tokeniser keeps with the full stop
        (
            "He put on only 90g, instead of about 500g. When Priya visited, his nappy had been dry since 6am.",
            [
                "He put on only 90g, instead of about 500g.",
                "When Priya visited, his nappy had been dry since 6am.",
            ],
        ),
        # after a score
        (
            "Hannah (social worker): 3. Gary has not placed a bet since 2 March.",
            ["Hannah (social worker): 3.", "Gary has not placed a bet since 2 March."],
        ),
    ],
)
def test_a_sentence_ends_where_the_parser_ran_on(nlp: Any, text: str, expected: list[str]) -> None:
    from sos_lint.nlp import sentences

    doc = nlp(text)
    assert len(list(doc.sents)) == 1  # the parser runs the two together
    assert [s.text for s in sentences(doc)] == expected


def test_a_title_or_a_listed_number_does_not_end_a_sentence(nlp: Any) -> None:
    from sos_lint.nlp import sentences

    # a title before a name is not the end of a sentence
    titled = nlp("The letter was signed by Mrs. Okafor and Dr. Patel on Monday.")
    assert len(sentences(titled)) == 1
    assert len(sentences(nlp("Sgt. Evans came to the house on Monday."))) == 1
    # a numbered list after a colon keeps its number with its item
    listed = nlp("Gran agreed: 1. Gran will collect Kai every Friday. 2. Mum will ring Gran.")
    assert sentences(listed)[0].text == ("Gran agreed: 1. Gran will collect Kai every Friday.")
    # a digit that is not an ASCII number ("²") is left alone, not read as a score
    assert len(sentences(nlp("Hannah: ². Gary has not placed a bet."))) == 1
