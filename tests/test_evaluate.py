"""`sos-lint eval`: statement-level scores on a labelled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sos_lint.cli import main
from sos_lint.errors import InputError
from sos_lint.evaluate import EVAL_CATEGORIES, Prediction, Record, load_records, score


def _record(rid: str, categories: set[str]) -> Record:
    return Record(rid, "harm", "text", frozenset(categories))


def test_scores_are_computed_per_category() -> None:
    predictions = [
        Prediction(_record("a", {"jargon"}), frozenset({"jargon"}), ("SOS101",)),
        Prediction(_record("b", {"jargon"}), frozenset(), ()),
        Prediction(_record("c", set()), frozenset({"jargon"}), ("SOS101",)),
        Prediction(_record("d", set()), frozenset(), ()),
    ]
    scores = score(predictions)
    jargon = scores.per_category["jargon"]
    assert (jargon["tp"], jargon["fp"], jargon["fn"]) == (1, 1, 1)
    assert jargon["precision"] == 0.5 and jargon["recall"] == 0.5
    assert scores.clean_total == 2 and scores.clean_flagged == 1
    assert scores.macro_f1 == pytest.approx(0.5)


def test_eval_cli_on_a_small_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "mini.jsonl"
    rows = [
        {"id": "1", "section": "harm", "text": "Kai is LAC.", "categories": ["jargon"]},
        {
            "id": "2",
            "section": "existing_strength",
            "text": "Gran cooks tea for Kai.",
            "categories": [],
        },
        {
            "id": "3",
            "section": "general",
            "text": "It appears that Dad left early.",
            "categories": ["hedging"],
        },
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(corpus), "--format", "json", "--errors"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["records"] == 3
    assert set(payload["per_category"]) == set(EVAL_CATEGORIES)
    assert payload["per_category"]["jargon"]["tp"] == 1
    assert payload["per_category"]["hedging"]["tp"] == 1
    assert payload["clean_with_findings"] == 0
    text = CliRunner().invoke(main, ["eval", str(corpus)]).stdout
    assert "macro-F1" in text and "clean statements with any finding: 0/1" in text


def test_bad_corpus_lines_are_clear_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "section": "nowhere", "text": "x", "categories": []}\n')
    with pytest.raises(InputError, match="unknown section"):
        load_records(bad)
    bad.write_text("not json\n")
    with pytest.raises(InputError, match=r"bad.jsonl:1"):
        load_records(bad)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_shipped_corpus_is_well_formed(root: Path, split: str) -> None:
    records = load_records(root / "corpora" / f"statements-{split}.jsonl")
    assert len(records) > 200
    clean = sum(1 for r in records if not r.categories)
    assert clean >= len(records) / 3
