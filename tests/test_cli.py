"""The command line: formats, selection, exit codes, bad input. Runs the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sos_lint.cli import main


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(
        "# Organisation terms\n\nThe SPARROW passed the message on.\n",
        encoding="utf-8",
    )
    (tmp_path / "sos-lint.toml").write_text(
        '[terms]\nSPARROW = ["the team that first reads a worry"]\n', encoding="utf-8"
    )
    return path


def test_text_output_is_compiler_style_with_underline(draft: Path) -> None:
    code, out, _ = run("check", str(draft), "--config", str(draft.parent / "sos-lint.toml"))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{draft}:3:5: SOS190 [jargon]")
    assert "the team that first reads a worry" in first
    assert "(try:" not in first  # the message already quotes the alternative
    assert out.splitlines()[2].strip() == "^^^^^^^"


def test_json_output_schema(draft: Path) -> None:
    code, out, _ = run(
        "check", str(draft), "--format", "json", "--config", str(draft.parent / "sos-lint.toml")
    )
    assert code == 1
    payload = json.loads(out)
    assert payload["schema_version"] == "1.0"
    assert payload["tool"]["name"] == "sos-lint"
    entry = payload["files"][0]
    assert entry["path"] == str(draft) and entry["error"] is None
    finding = entry["findings"][0]
    for key in (
        "code",
        "rule",
        "category",
        "severity",
        "message",
        "explanation",
        "text",
        "start",
        "end",
        "line",
        "column",
        "end_line",
        "end_column",
        "section",
        "statement_index",
        "suggestions",
    ):
        assert key in finding
    text = draft.read_text(encoding="utf-8")
    assert text[finding["start"] : finding["end"]] == finding["text"] == "SPARROW"
    assert entry["sections"][0]["type"] == "general"
    assert payload["summary"]["findings"] == 1


def test_fail_on_and_ignore_change_exit_code(draft: Path) -> None:
    config = str(draft.parent / "sos-lint.toml")
    assert run("check", str(draft), "--config", config, "--fail-on", "error")[0] == 0
    assert run("check", str(draft), "--config", config, "--fail-on", "never")[0] == 0
    assert run("check", str(draft), "--config", config, "--ignore", "SOS190")[0] == 0
    assert run("check", str(draft), "--config", config, "--ignore", "jargon")[0] == 0


def test_unknown_selector_is_a_usage_error(draft: Path) -> None:
    code, _, err = run("check", str(draft), "--select", "SOS9999x")
    assert code == 2 and "unknown rule selector" in err


def test_bad_inputs_exit_2_and_others_are_still_linted(tmp_path: Path, draft: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    code, out, err = run(
        "check",
        str(tmp_path / "missing.md"),
        str(binary),
        str(draft),
        "--format",
        "json",
        "--config",
        str(draft.parent / "sos-lint.toml"),
    )
    assert code == 2
    errors = err.strip().splitlines()
    assert len(errors) == 2
    assert "missing.md: no such file" in errors[0]
    assert "binary" in errors[1]
    payload = json.loads(out)
    assert [bool(f["error"]) for f in payload["files"]] == [True, True, False]
    assert payload["files"][2]["findings"]


def test_stdin_with_section() -> None:
    code, out, _ = run(
        "check",
        "-",
        "--format",
        "json",
        "--section",
        "safety_goal",
        input="Dad will cook tea every night.",
    )
    payload = json.loads(out)
    assert payload["files"][0]["path"] == "<stdin>"
    assert payload["files"][0]["sections"][0]["type"] == "safety_goal"
    assert code in (0, 1)


def test_empty_stdin_is_an_input_error() -> None:
    code, _, err = run("check", "-", input="   ")
    assert code == 2 and "empty" in err


def test_malformed_config_names_the_key(tmp_path: Path, draft: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('fail-on = "sometimes"\n', encoding="utf-8")
    code, _, err = run("check", str(draft), "--config", str(bad))
    assert code == 2 and "`fail-on`" in err
    bad.write_text("colour = true\n", encoding="utf-8")
    code, _, err = run("check", str(draft), "--config", str(bad))
    assert code == 2 and "unknown key `colour`" in err
    bad.write_text("select = [\n", encoding="utf-8")
    code, _, err = run("check", str(draft), "--config", str(bad))
    assert code == 2 and "invalid TOML" in err


def test_rules_and_explain() -> None:
    code, out, _ = run("rules")
    assert code == 0 and "SOS190" in out and "SOS001" in out
    code, out, _ = run("explain", "SOS190")
    assert code == 0 and "Why it matters" in out and "Not flagged" in out
    code, _, err = run("explain", "SOS999")
    assert code == 2 and "no rule" in err


def test_statistics(draft: Path) -> None:
    _, out, _ = run(
        "check", str(draft), "--statistics", "--config", str(draft.parent / "sos-lint.toml")
    )
    assert any(line.split() == ["1", "SOS190"] for line in out.splitlines())


def test_sarif_is_valid(draft: Path, root: Path) -> None:
    _code, out, _ = run(
        "check", str(draft), "--format", "sarif", "--config", str(draft.parent / "sos-lint.toml")
    )
    payload = json.loads(out)
    assert payload["version"] == "2.1.0"
    result = payload["runs"][0]["results"][0]
    assert result["ruleId"] == "SOS190"
    schema_path = root.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip("SARIF schema not present beside the repository (../shared/schemas)")
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(payload, json.loads(schema_path.read_text(encoding="utf-8")))


def test_github_format(draft: Path) -> None:
    _, out, _ = run(
        "check", str(draft), "--format", "github", "--config", str(draft.parent / "sos-lint.toml")
    )
    assert out.startswith(f"::warning file={draft},line=3,col=5")
