"""The supervisor report: self-contained HTML, redaction, and a real headless browser."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_FLAGS, needs_chromium
from scan_helpers import NAME_WORDS, generate_records, run_cli, scan_csv

from sos_lint.redact import Redactor, initials, redact_report


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    output, _, (code, _, err) = scan_csv(folder, 160, "--quiet", bad_every=40)
    assert code == 0, err
    return output


@pytest.fixture(scope="module")
def report(results: Path) -> str:
    target = results.parent / "report.html"
    code, out, err = run_cli("report", str(results), "-o", str(target))
    assert code == 0, err
    assert "Report:" in out
    return target.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def redacted(results: Path) -> tuple[Path, str]:
    target = results.parent / "redacted.html"
    code, _, err = run_cli("report", str(results), "-o", str(target), "--redact")
    assert code == 0, err
    return target, target.read_text(encoding="utf-8")


def test_report_is_self_contained(report: str) -> None:
    assert report.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", report)
    assert "<link" not in report and "@import" not in report and "url(" not in report
    assert "default-src 'none'" in report  # the browser may not fetch anything either


def test_report_has_charts_filters_and_statements(report: str) -> None:
    assert report.count("<svg") >= 3  # categories overall, by team and by service, reading age
    for element in ('id="f-group"', 'id="f-category"', 'id="f-severity"'):
        assert element in report
    assert 'data-item="statement"' in report and "<mark" in report
    assert "target 11" in report  # the reading-age target line
    assert "Plainer alternative" in report
    terms = re.findall(r'<tr data-item="term".*?</tr>', report)
    assert len(terms) >= 10
    assert sum("describe what happened" not in row for row in terms) >= 3  # alternatives shown
    assert "Records that could not be checked" in report


def test_unredacted_report_warns_and_shows_names(report: str) -> None:
    assert "share it only within the case team" in report
    assert any(re.search(rf"\b{name}\b", report) for name in NAME_WORDS)


def test_redacted_report_has_none_of_the_names(redacted: tuple[Path, str]) -> None:
    _, html = redacted
    found = [name for name in NAME_WORDS if re.search(rf"\b{name}\b", html, re.IGNORECASE)]
    assert found == []
    assert "[child]" in html  # the child_name column was given the role "child"
    assert "Personal names are replaced" in html


def test_redaction_uses_ner_for_names_not_in_any_column() -> None:
    data: dict[str, Any] = {
        "statements": [
            {
                "id": "R1",
                "text": "Their neighbour, Bronwen Achterberg, rang the police after Dad shouted.",
                "findings": [],
                "group": {},
            },
            {"id": "R2", "text": "Mrs Achterberg said the children were crying.", "group": {}},
        ],
        "summary": {"groups": {}},
        "title": "t",
    }
    out = redact_report(data, [("Kai Okafor", "child")])
    texts = " ".join(s["text"] for s in out["statements"])
    assert "Bronwen" not in texts and "Achterberg" not in texts
    assert "B.A." in texts and "Dad shouted" in texts and "Mrs A." in texts


def test_redactor_roles_initials_and_acronyms() -> None:
    redactor = Redactor()
    redactor.add("Kai Okafor", "child")
    redactor.add("Mum Lorna")
    redactor.add("LADO")
    assert redactor("Kai's mum, Lorna, met OKAFOR and the LADO.") == (
        "[child]'s mum, L., met [child] and the LADO."
    )
    assert redactor("kai-okafor-map.md") == "[child]-[child]-map.md"
    assert initials("Bronwen Achterberg-Lindqvist") == "B.A.L."


def test_report_needs_jsonl_results(tmp_path: Path) -> None:
    source = tmp_path / "results.csv"
    source.write_text("id,status\n1,ok\n", encoding="utf-8")
    code, _, err = run_cli("report", str(source), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "JSONL" in err


@needs_chromium
def test_report_renders_in_headless_chromium(report: str, redacted: tuple[Path, str]) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    path, _ = redacted
    problems: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on(
                "request", lambda r: None if r.url.startswith("file:") else problems.append(r.url)
            )
            page.goto(path.resolve().as_uri())
            page.wait_for_load_state("load")
            assert page.locator("#categories svg").count() >= 1
            assert page.locator("#readability svg").count() == 1
            statements = page.locator("article.stmt")
            total = statements.count()
            assert total > 0
            assert page.locator("#f-category option").count() >= 5
            page.select_option("#f-category", "judgemental")
            visible = page.locator("article.stmt:not(.hidden)").count()
            assert 0 < visible < total
            for index in range(visible):
                categories = (
                    page.locator("article.stmt:not(.hidden)")
                    .nth(index)
                    .get_attribute("data-categories")
                )
                assert "judgemental" in (categories or "").split("|")
            page.select_option("#f-category", "")
            group = page.locator("#f-group option").nth(1).get_attribute("value")
            assert group
            page.select_option("#f-group", group)
            assert page.locator("[data-group-row]:not(.hidden)").count() >= 1
            assert page.locator("#shown-count").inner_text() == str(
                page.locator("article.stmt:not(.hidden)").count()
            )
        finally:
            browser.close()
    assert problems == []


def test_redact_a_group_column_of_names(results: Path) -> None:
    target = results.parent / "by-service.html"
    code, _, err = run_cli(
        "report", str(results), "-o", str(target), "--redact", "--name-column", "service=service"
    )
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert "Early Help" not in html and "[service]" in html
    code, _, err = run_cli(
        "report", str(results), "-o", str(target), "--redact", "--name-column", "worker"
    )
    assert code == 2 and "not a group column" in err


def test_redaction_without_name_columns_still_hides_every_name(tmp_path: Path) -> None:
    source = tmp_path / "records.csv"
    generate_records.write_csv(source, 120)
    results, report = tmp_path / "results.jsonl", tmp_path / "report.html"
    code, _, err = run_cli(
        "scan", str(source), "-o", str(results), "--text-column", "note", "--id-column",
        "record_id", "--section-column", "section", "--group-by", "team", "--quiet",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run_cli("report", str(results), "-o", str(report), "--redact")
    assert code == 0, err
    html = report.read_text(encoding="utf-8")
    assert [n for n in NAME_WORDS if re.search(rf"\b{n}\b", html, re.IGNORECASE)] == []
    assert "Monday" in html or "March" in html or "Friday" in html  # dates are kept
