"""Batch scans: every record once, bad rows reported, formats, resume, engines. Real model."""

from __future__ import annotations

import gc
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from scan_helpers import (
    NAME_WORDS,
    ROOT,
    generate_records,
    read_jsonl,
    run_cli,
    scan_csv,
    scan_frame,
)

from sos_lint.batch import cell_text

KIND_REASON = {
    "empty": "empty text",
    "numeric": "non-text cell",
    "oversized": "text over the size limit",
    "invalid-utf8": "undecodable bytes",
}


@pytest.fixture(scope="module")
def big_scan(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """2,000 generated records with injected bad rows, scanned with two worker processes."""
    folder = tmp_path_factory.mktemp("big")
    output, bad, (code, out, err) = scan_csv(folder, 2000, "--jobs", "2", bad_every=97)
    return {
        "folder": folder,
        "output": output,
        "bad": bad,
        "code": code,
        "out": out,
        "err": err,
        "records": read_jsonl(output),
        "summary": json.loads(Path(f"{output}.summary.json").read_text(encoding="utf-8")),
    }


def test_every_record_appears_exactly_once(big_scan: dict[str, Any]) -> None:
    assert big_scan["code"] == 0, big_scan["err"]
    ids = [r["id"] for r in big_scan["records"]]
    assert len(ids) == 2000
    assert Counter(ids).most_common(1)[0][1] == 1
    assert ids == [f"R{i:07d}" for i in range(1, 2001)]  # input order kept across workers


def test_injected_bad_rows_are_errors_with_reasons(big_scan: dict[str, Any]) -> None:
    by_id = {r["id"]: r for r in big_scan["records"]}
    assert set(big_scan["bad"].values()) == set(KIND_REASON)
    for record_id, kind in big_scan["bad"].items():
        record = by_id[record_id]
        assert record["status"] == "error"
        assert record["error"].startswith(KIND_REASON[kind]), (kind, record["error"])
        assert record["findings"] == []
    good = [r for r in big_scan["records"] if r["id"] not in big_scan["bad"]]
    assert all(r["status"] == "ok" and r["error"] is None for r in good)
    assert sum(1 for r in good if r["findings"]) > len(good) // 2


def test_error_messages_never_quote_the_text(big_scan: dict[str, Any]) -> None:
    errors = [r["error"] for r in big_scan["records"] if r["error"]]
    for message in errors:
        assert not any(name in message for name in NAME_WORDS)
    for name in NAME_WORDS:
        assert name not in big_scan["err"]


def test_findings_use_the_check_json_schema(big_scan: dict[str, Any]) -> None:
    record = next(r for r in big_scan["records"] if r["findings"])
    finding = record["findings"][0]
    for key in ("code", "rule", "category", "severity", "message", "explanation", "text"):
        assert key in finding
    for key in ("start", "end", "line", "column", "section", "statement_index", "suggestions"):
        assert key in finding
    assert finding["field"] == "note"
    assert set(record) >= {"id", "status", "group", "section", "words", "counts", "statements"}
    assert set(record["group"]) == {"team", "service"}
    statement = next(s for s in record["statements"] if s["index"] == finding["statement_index"])
    assert statement["text"][finding["start"] - statement["start"] :].startswith(finding["text"])


def test_readability_scores_per_text(big_scan: dict[str, Any]) -> None:
    record = next(r for r in big_scan["records"] if r["status"] == "ok")
    scores = record["readability"]["note"]
    assert scores["reading_age"] >= 5
    assert "flesch_reading_ease" in scores


def test_sections_are_normalised_and_unknown_ones_counted(big_scan: dict[str, Any]) -> None:
    sections = Counter(r["section"] for r in big_scan["records"])
    assert sections["danger_statement"] and sections["working_well"] and sections["safety_goal"]
    unknown = [r for r in big_scan["records"] if "section_unknown" in r]
    assert unknown and all(r["section"] == "general" for r in unknown)
    assert all(r["section_unknown"] == "Case note" for r in unknown)
    assert f"{len(unknown):,} record(s) had a section value" in big_scan["err"]
    assert big_scan["summary"]["unknown_section_values"] == {"Case note": len(unknown)}


def test_summary_counts_by_group(big_scan: dict[str, Any]) -> None:
    summary = big_scan["summary"]
    assert summary["records"] == 2000
    assert summary["records_error"] == len(big_scan["bad"])
    assert sum(summary["errors_by_reason"].values()) == len(big_scan["bad"])
    assert summary["words"] == sum(r["words"] for r in big_scan["records"])
    teams = summary["groups"]["team"]
    assert set(teams) == set(generate_records.TEAMS)
    assert sum(block["records"] for block in teams.values()) == 2000
    assert summary["top_rules"] and summary["top_terms"]
    assert summary["top_terms"][0]["count"] >= summary["top_terms"][-1]["count"]
    assert summary["readability"]["reading_age"]["count"] > 1000
    assert "Scanned 2,000 records" in big_scan["out"]


def test_cell_checks() -> None:
    assert cell_text("Kai was hit.", 100) == ("Kai was hit.", None)
    assert cell_text(float("nan"), 100)[1] == "empty text"
    assert cell_text("   ", 100)[1] == "empty text"
    assert cell_text(42, 100)[1] == "non-text cell (a number)"
    assert cell_text("1,250.50", 100)[1] == "non-text cell (a number)"
    assert cell_text(True, 100)[1] == "non-text cell (true/false)"
    assert cell_text(pd.Timestamp("2024-01-02"), 100)[1] == "non-text cell (a date or time)"
    assert cell_text("x" * 101, 100)[1].startswith("text over the size limit")
    assert cell_text(b"caf\xe9", 100)[1].startswith("undecodable bytes")
    # A real replacement character in the text is text, not a decoding failure.
    assert cell_text("Kai said \ufffd twice.", 100)[1] is None


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_csv_bad_rows_do_not_spoil_their_neighbours(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "odd.csv",
        b"id,team,text\n"
        b"1,A,Mum shouted at Kai in the kitchen.\n"
        b"2,B,caf\xe9 with a broken byte\n"
        b"3,C,The statement has, an unquoted comma, and more\n"
        b'4,D,"A quoted, multi-line\nnote about the LADO."\n'
        b"5,E,Kai said \xef\xbf\xbd was on the letter.\n"
        b'6,F,"An unclosed quote runs to the end\n',
    )
    output = tmp_path / "out.jsonl"
    code, _, err = run_cli("scan", str(source), "-o", str(output), "--id-column", "id")
    assert code == 0, err
    records = {r["id"]: r for r in read_jsonl(output)}
    # The unclosed quote swallows the rest of the file, so that row has no id of its own.
    assert list(records) == ["1", "2", "3", "4", "5", f"{source}:6"]
    assert records["1"]["status"] == "ok"
    assert records["2"]["error"].startswith("undecodable bytes")
    assert records["3"]["error"].startswith("malformed row (5 fields where the header has 3)")
    assert records["4"]["status"] == "ok"
    assert any(f["text"] == "LADO" for f in records["4"]["findings"])
    assert records["5"]["status"] == "ok"
    assert records[f"{source}:6"]["error"].startswith("unreadable row (line 8 opens a quote")


def test_a_record_over_the_time_limit_is_reported_and_its_neighbours_checked(
    tmp_path: Path,
) -> None:
    # A real record far over the limit (a 200,000-character note takes several seconds to
    # check; a short one takes milliseconds), standing in for a record a rule loops on: the
    # scan stops it, says why, and checks the records either side as usual.
    long_note = " ".join(["On 3 May Dad shouted at Kai (4) in the kitchen."] * 4000)
    frame = pd.DataFrame(
        {"id": ["1", "2", "3"], "text": ["Mum was hit.", long_note, "Dad is chaotic."]}
    )
    records, err = scan_frame(
        tmp_path, frame, "--id-column", "id", "--max-chars", "300000", "--record-timeout", "1"
    )
    assert list(records) == ["1", "2", "3"]
    assert records["2"]["status"] == "error"
    assert records["2"]["error"] == "not checked: took longer than the 1 s limit (--record-timeout)"
    assert [f["code"] for f in records["1"]["findings"]] == ["SOS601"]
    assert records["3"]["status"] == "ok" and records["3"]["findings"]
    assert "1 record(s) could not be checked" in err


def test_missing_column_lists_the_available_ones(tmp_path: Path) -> None:
    source = tmp_path / "records.csv"
    generate_records.write_csv(source, 3)
    code, _, err = run_cli(
        "scan", str(source), "-o", str(tmp_path / "o.jsonl"), "--text-column", "notes",
        "--group-by", "teams",
    )  # fmt: skip
    assert code == 2
    assert "no column --text-column 'notes' (did you mean 'note'?)" in err
    assert "--group-by 'teams'" in err
    assert "Available columns: 'record_id', 'team', 'worker'" in err
    code, _, err = run_cli("scan", str(source), "-o", str(tmp_path / "o.jsonl"))
    assert code == 2 and "--text-column" in err and "'note'" in err


def test_several_text_columns_are_linted_separately(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "case": ["A1", "A2", "A3"],
            "worry": ["Kai is LAC.", "", "Mum is hostile."],
            "plan": ["Gran will collect Kai.", "", 17],
        }
    )
    records, _ = scan_frame(
        tmp_path, frame, "--text-column", "worry", "--text-column", "plan", "--id-column", "case"
    )
    assert records["A1"]["status"] == "ok" and records["A1"]["fields"] == ["worry", "plan"]
    assert {f["field"] for f in records["A1"]["findings"]} == {"worry"}
    assert set(records["A1"]["readability"]) == {"worry", "plan"}
    assert records["A2"]["error"] == "worry, plan: empty text"
    assert records["A3"]["error"] == "plan: non-text cell (a number)"
    assert records["A3"]["findings"]  # the good column is still linted


@pytest.mark.parametrize("suffix", [".tsv", ".jsonl", ".parquet", ".xlsx"])
def test_table_formats(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"records{suffix}"
    if suffix == ".tsv":
        bad = generate_records.write_csv(source, 24, bad_every=6, sep="\t", max_chars=2000)
    else:
        bad = generate_records.write_table(source, 24, bad_every=6, max_chars=2000)
    output = tmp_path / "out.jsonl"
    code, _, err = run_cli(
        "scan", str(source), "-o", str(output), "--text-column", "note", "--id-column",
        "record_id", "--group-by", "team", "--max-chars", "2000", "--batch-size", "5",
    )  # fmt: skip
    assert code == 0, err
    records = {r["id"]: r for r in read_jsonl(output)}
    assert list(records) == [f"R{i:07d}" for i in range(1, 25)]
    for record_id, record in records.items():
        if record_id in bad:
            assert record["status"] == "error"
            assert record["error"].startswith(KIND_REASON[bad[record_id]]), record["error"]
        else:
            assert record["status"] == "ok", record["error"]


def test_folder_of_documents(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    (folder / "north").mkdir(parents=True)
    examples = ROOT / "corpora" / "examples"
    for name in ("okafor-family-map.md", "patel-family-map.txt", "brown-family-map.docx"):
        (folder / "north" / name).write_bytes((examples / name).read_bytes())
    (folder / "empty.md").write_text("  \n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    output = tmp_path / "out.jsonl"
    code, _, err = run_cli("scan", str(folder), "-o", str(output), "--group-by", "folder")
    assert code == 0, err
    records = {r["id"]: r for r in read_jsonl(output)}
    assert set(records) == {
        str(folder / "empty.md"),
        *(
            str(folder / "north" / n)
            for n in ("okafor-family-map.md", "patel-family-map.txt", "brown-family-map.docx")
        ),
    }
    assert records[str(folder / "empty.md")]["error"] == "empty text"
    docx = records[str(folder / "north" / "brown-family-map.docx")]
    assert docx["status"] == "ok" and docx["findings"] and docx["group"] == {"folder": "north"}
    assert "1 file(s) that are not .txt, .md or .docx were skipped" in err


def test_per_finding_and_per_record_tables_agree_with_jsonl(tmp_path: Path) -> None:
    source = tmp_path / "records.csv"
    generate_records.write_csv(source, 40, bad_every=13)
    common = ("--text-column", "note", "--id-column", "record_id", "--group-by", "team", "--quiet")
    jsonl, findings_csv, records_pq = (tmp_path / n for n in ("o.jsonl", "f.csv", "r.parquet"))
    assert run_cli("scan", str(source), "-o", str(jsonl), *common)[0] == 0
    assert (
        run_cli("scan", str(source), "-o", str(findings_csv), "--per", "finding", *common)[0] == 0
    )
    assert run_cli("scan", str(source), "-o", str(records_pq), *common)[0] == 0
    records = read_jsonl(jsonl)
    per_finding = pd.read_csv(findings_csv, dtype={"id": str})
    per_record = pq.read_table(records_pq).to_pandas()
    assert list(per_record["id"]) == [r["id"] for r in records]
    assert set(per_finding["id"]) == {r["id"] for r in records}
    for record in records:
        row = per_record[per_record["id"] == record["id"]].iloc[0]
        assert row["status"] == record["status"] and row["team"] == record["group"]["team"]
        assert row["findings"] == len(record["findings"])
        assert row["jargon"] == record["counts"]["by_category"].get("jargon", 0)
        rows = per_finding[per_finding["id"] == record["id"]]
        assert rows["code"].notna().sum() == len(record["findings"])
    assert {"reading_age", "codes", "terms", "severity_warning"} <= set(per_record.columns)
    assert {"code", "message", "statement", "suggestion", "reading_age"} <= set(per_finding.columns)


@pytest.mark.parametrize(
    "suffix,per", [(".jsonl", "record"), (".csv", "finding"), (".parquet", "finding")]
)
def test_resume_skips_what_is_done_and_repairs_a_cut_line(
    tmp_path: Path, suffix: str, per: str
) -> None:
    source = tmp_path / "records.csv"
    generate_records.write_csv(source, 60, bad_every=17)
    output = tmp_path / f"out{suffix}"
    common = (
        "--text-column", "note", "--id-column", "record_id", "--group-by", "team",
        "--per", per, "--batch-size", "10", "--quiet",
    )  # fmt: skip
    assert run_cli("scan", str(source), "-o", str(output), "--limit", "25", *common)[0] == 0
    if suffix != ".parquet":
        # As if the process were killed mid-write: the last line is cut short.
        data = output.read_bytes()
        output.write_bytes(data[: len(data) - 40])
    code, _, err = run_cli("scan", str(source), "-o", str(output), "--resume", *common)
    assert code == 0, err
    if suffix == ".jsonl":
        ids = [r["id"] for r in read_jsonl(output)]
    elif suffix == ".csv":
        ids = list(dict.fromkeys(pd.read_csv(output, dtype={"id": str})["id"]))
        assert len(pd.read_csv(output)) >= 60
    else:
        ids = list(dict.fromkeys(pq.read_table(output).column("id").to_pylist()))
    assert ids == [f"R{i:07d}" for i in range(1, 61)]
    summary = json.loads(Path(f"{output}.summary.json").read_text(encoding="utf-8"))
    assert summary["records"] == 60
    assert summary["scan"]["records_skipped_resume"] >= 20


def test_resume_refuses_a_different_scan(tmp_path: Path) -> None:
    source = tmp_path / "records.csv"
    generate_records.write_csv(source, 5)
    output = tmp_path / "out.csv"
    run_cli("scan", str(source), "-o", str(output), "--text-column", "note", "--quiet")
    code, _, err = run_cli(
        "scan", str(source), "-o", str(output), "--text-column", "note", "--group-by", "team",
        "--resume",
    )  # fmt: skip
    assert code == 2 and "cannot resume" in err


def test_no_progress_bar_when_not_a_terminal_and_quiet_prints_nothing(tmp_path: Path) -> None:
    source = tmp_path / "records.csv"
    generate_records.write_csv(source, 5)
    code, out, err = run_cli(
        "scan", str(source), "-o", str(tmp_path / "o.jsonl"), "--text-column", "note", "--quiet"
    )
    assert code == 0 and out == "" and "records/s" not in err


def test_dask_engine_gives_identical_records(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    source = tmp_path / "records.csv"
    generate_records.write_csv(source, 90, bad_every=11, max_chars=3000)
    common = (
        "--text-column", "note", "--id-column", "record_id", "--section-column", "section",
        "--group-by", "team", "--batch-size", "20", "--max-chars", "3000", "--quiet",
    )  # fmt: skip
    local, distributed = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert run_cli("scan", str(source), "-o", str(local), *common)[0] == 0
    code, _, err = run_cli(
        "scan", str(source), "-o", str(distributed), "--engine", "dask", "--dask-workers", "2",
        *common,
    )  # fmt: skip
    assert code == 0, err
    assert distributed.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")


def test_output_may_not_overwrite_an_input(tmp_path: Path) -> None:
    source = tmp_path / "records.csv"
    generate_records.write_csv(source, 3)
    before = source.read_bytes()
    code, _, err = run_cli("scan", str(source), "-o", str(source), "--format", "csv")
    assert code == 2 and "also an input" in err
    assert source.read_bytes() == before


def test_bad_selector_fails_before_workers_start(tmp_path: Path) -> None:
    source = tmp_path / "records.csv"
    generate_records.write_csv(source, 3)
    code, _, err = run_cli(
        "scan", str(source), "-o", str(tmp_path / "o.jsonl"), "--text-column", "note",
        "--select", "SOS9999", "--jobs", "2",
    )  # fmt: skip
    assert code == 2 and "unknown rule selector 'SOS9999'" in err


def test_a_scan_puts_the_cycle_collector_back(tmp_path: Path) -> None:
    """A scan tunes the cycle collector for speed; the program that runs it (here the CLI,
    in this process) gets its own settings back afterwards, with nothing left frozen."""
    threshold = gc.get_threshold()
    frozen = gc.get_freeze_count()
    output, _, (code, _, err) = scan_csv(tmp_path, 30)
    assert code == 0, err
    assert len(read_jsonl(output)) == 30
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() == frozen


def test_a_scan_keeps_a_programs_own_collector_arrangement(tmp_path: Path) -> None:
    """A program that froze its own objects, or turned automatic collection off, keeps that
    arrangement through a scan and after it."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(0)
    try:
        _, _, (code, _, err) = scan_csv(tmp_path, 10)
        assert code == 0, err
        assert gc.get_threshold()[0] == 0
        assert gc.get_freeze_count() > 0  # (some frozen objects may have been freed since)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
