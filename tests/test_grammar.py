"""Grammar checking against a stand-in LanguageTool server that speaks ``POST /v2/check``.

LanguageTool itself cannot be installed here, so a small local HTTP server answers in
LanguageTool's JSON format (offsets in UTF-16 code units, as the Java server counts them).
Its few "rules" are patterns chosen to exercise each LanguageTool category sos-lint maps.
"""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from click.testing import CliRunner

from sos_lint import lint_text
from sos_lint.cli import main
from sos_lint.config import Config, parse_config
from sos_lint.engine.rules import builtin_rules
from sos_lint.grammar import LanguageToolClient, LanguageToolError, code_for

# (pattern, rule id, category id, issue type, message, replacements)
FAKE_RULES: list[tuple[str, str, str, str, str, list[str]]] = [
    (
        r"\brecieved\b",
        "MORFOLOGIK_RULE_EN_GB",
        "TYPOS",
        "misspelling",
        "Possible spelling mistake found.",
        ["received"],
    ),
    (
        r"\bOkafor\b",
        "MORFOLOGIK_RULE_EN_GB",
        "TYPOS",
        "misspelling",
        "Possible spelling mistake found.",
        ["Okay for"],
    ),
    (
        r"\bLAC\b",
        "MORFOLOGIK_RULE_EN_GB",
        "TYPOS",
        "misspelling",
        "Possible spelling mistake found.",
        ["LAB", "LACK"],
    ),
    (
        r"(?<=\bKai )have\b",
        "NON3PRS_VERB",
        "GRAMMAR",
        "grammar",
        "The verb does not agree with 'Kai'.",
        ["has"],
    ),
    (
        r",(?=[A-Za-z])",
        "COMMA_PARENTHESIS_WHITESPACE",
        "TYPOGRAPHY",
        "whitespace",
        "Put a space after the comma.",
        [", "],
    ),
    (
        r"\bvery very\b",
        "EN_REPEATED_WORDS",
        "REDUNDANCY",
        "style",
        "Avoid repeating 'very'.",
        ["very"],
    ),
    (r"\bprior to\b", "PRIOR_TO", "PLAIN_ENGLISH", "style", "Consider 'before'.", ["before"]),
]


@dataclass
class FakeLanguageTool:
    url: str
    requests: list[dict[str, str]] = field(default_factory=list)


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _answer(text: str) -> dict[str, Any]:
    matches = []
    for pattern, rule_id, category, issue_type, message, replacements in FAKE_RULES:
        for found in re.finditer(pattern, text):
            start = _utf16(text, found.start())
            matches.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "offset": start,
                    "length": _utf16(text, found.end()) - start,
                    "replacements": [{"value": r} for r in replacements],
                    "context": {"text": text[:40], "offset": 0, "length": 0},
                    "sentence": text,
                    "rule": {
                        "id": rule_id,
                        "description": message,
                        "issueType": issue_type,
                        "category": {"id": category, "name": category.title()},
                    },
                }
            )
    return {"software": {"name": "LanguageTool", "apiVersion": 1}, "matches": matches}


@pytest.fixture(scope="module")
def languagetool() -> Iterator[FakeLanguageTool]:
    requests: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if self.path != "/v2/check":
                self.send_error(404)
                return
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
            requests.append(form)
            data = json.dumps(_answer(form.get("text", ""))).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:  # keep test output (and case text) quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield FakeLanguageTool(f"http://127.0.0.1:{server.server_address[1]}", requests)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_url() -> str:
    """A local port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _config(url: str, **extra: Any) -> Config:
    return Config(grammar=True, languagetool_url=url, **extra)


def test_matches_map_to_codes_with_languagetool_rule_ids(languagetool: FakeLanguageTool) -> None:
    text = (
        "# Harm\n\n"
        "- Kai have missed school on 3 days.\n"
        "- Mum recieved the letter on Monday,Tuesday and Friday.\n"
        "- Dad is very very proud.\n"
    )
    result = lint_text(text, config=_config(languagetool.url), path="map.md")
    grammar = {(f.code, f.text, f.rule) for f in result.findings if f.category == "grammar"}
    assert grammar == {
        ("SOS902", "have", "NON3PRS_VERB"),
        ("SOS901", "recieved", "MORFOLOGIK_RULE_EN_GB"),
        ("SOS903", ",", "COMMA_PARENTHESIS_WHITESPACE"),
        ("SOS904", "very very", "EN_REPEATED_WORDS"),
    }
    spelling = next(f for f in result.findings if f.code == "SOS901")
    assert [s.replacement for s in spelling.suggestions] == ["received"]
    assert not any(s.safe for s in spelling.suggestions)
    assert spelling.to_dict()["languagetool_category"] == "TYPOS"
    assert spelling.section == "harm" and spelling.line == 4
    assert not result.notices


def test_only_statements_are_sent_in_british_english(languagetool: FakeLanguageTool) -> None:
    languagetool.requests.clear()
    text = "# Danger statements\n\nThe school is worried that Kai might be hurt.\n"
    lint_text(text, config=_config(languagetool.url), path="map.md")
    assert len(languagetool.requests) == 1
    sent = languagetool.requests[0]
    assert sent["language"] == "en-GB"
    assert sent["text"] == "The school is worried that Kai might be hurt."


def test_comments_are_not_sent(languagetool: FakeLanguageTool) -> None:
    languagetool.requests.clear()
    statement = "Mum saw Kai. <!-- sos-lint: disable SOS101 recieved -->Gran took him home."
    text = statement + "\n<!-- sos-lint: enable SOS101 -->\n"
    result = lint_text(text, config=_config(languagetool.url), path="notes.md")
    sent = languagetool.requests[0]["text"]
    assert "sos-lint" not in sent and len(sent) == len(statement)
    assert not [f for f in result.findings if f.category == "grammar"]


def test_offsets_survive_characters_outside_the_bmp(languagetool: FakeLanguageTool) -> None:
    text = "Kai drew 🙂🙂 and then recieved a sticker.\n\nGran 🎉 recieved flowers."
    result = lint_text(text, config=_config(languagetool.url))
    found = [f for f in result.findings if f.code == "SOS901"]
    assert [f.text for f in found] == ["recieved", "recieved"]
    for finding in found:
        assert text[finding.start : finding.end] == "recieved"


def test_duplicates_of_our_findings_names_and_accepted_terms_are_dropped(
    languagetool: FakeLanguageTool,
) -> None:
    text = "Grace Okafor saw the nurse prior to the visit. Kai is LAC."
    result = lint_text(text, section="harm", config=_config(languagetool.url))
    codes = {(f.code, f.text) for f in result.findings}
    assert not any(code.startswith("SOS9") for code, _ in codes), codes
    # ours are still there
    assert ("SOS101", "LAC") in codes
    assert any(text == "prior to" and not code.startswith("SOS9") for code, text in codes)
    accepted = lint_text(
        "Mum recieved the letter.",
        section="harm",
        config=_config(languagetool.url, accept=("recieved",)),
    )
    assert not any(f.code == "SOS901" for f in accepted.findings)


def test_the_three_houses_keep_the_childs_own_words(languagetool: FakeLanguageTool) -> None:
    text = "# House of worries\n\n- Daddy recieved a letter and was sad.\n"
    result = lint_text(text, config=_config(languagetool.url), path="map.md")
    assert not [f for f in result.findings if f.category == "grammar"]


def test_grammar_is_opt_in(languagetool: FakeLanguageTool) -> None:
    languagetool.requests.clear()
    result = lint_text("Mum recieved the letter.", config=Config(languagetool_url=languagetool.url))
    assert not languagetool.requests
    assert not [f for f in result.findings if f.category == "grammar"]
    selected = lint_text(
        "Mum recieved the letter.",
        config=Config(select=("SOS901",), languagetool_url=languagetool.url),
    )
    assert [f.code for f in selected.findings] == ["SOS901"]


def test_grammar_findings_can_be_suppressed(languagetool: FakeLanguageTool) -> None:
    text = "<!-- sos-lint: disable-next-line grammar -->\nMum recieved the letter.\n"
    result = lint_text(text, config=_config(languagetool.url), path="notes.md")
    assert not [f for f in result.findings if f.category == "grammar"]


def test_no_server_gives_one_notice_and_the_other_checks_still_run(closed_url: str) -> None:
    result = lint_text("Kai is LAC and Mum recieved the letter.", config=_config(closed_url))
    assert [f.code for f in result.findings] == ["SOS101"]
    assert len(result.notices) == 1
    assert "grammar not checked" in result.notices[0] and closed_url in result.notices[0]
    assert "recieved" not in result.notices[0]  # no case text in notices


def test_no_url_says_how_to_set_one() -> None:
    result = lint_text("Mum recieved the letter.", config=Config(grammar=True))
    assert len(result.notices) == 1 and "--languagetool-url" in result.notices[0]


def test_cli_exit_code_is_unaffected_without_a_server(tmp_path: Path, closed_url: str) -> None:
    first = tmp_path / "a.md"
    second = tmp_path / "b.md"
    first.write_text("Mum recieved the letter.\n", encoding="utf-8")
    second.write_text("Dad recieved the letter.\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["check", str(first), str(second)])
    checked = runner.invoke(
        main, ["check", str(first), str(second), "--grammar", "--languagetool-url", closed_url]
    )
    assert plain.exit_code == checked.exit_code == 0
    assert checked.stdout.count("grammar not checked") == 1


def test_cli_grammar_option(tmp_path: Path, languagetool: FakeLanguageTool) -> None:
    path = tmp_path / "a.md"
    path.write_text("Mum recieved the letter.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["check", str(path), "--grammar", "--languagetool-url", languagetool.url, "-q"],
    )
    assert result.exit_code == 1
    assert f"{path}:1:5: SOS901 [grammar]" in result.stdout


def test_languagetool_config_key(tmp_path: Path, languagetool: FakeLanguageTool) -> None:
    config = parse_config({"grammar": True, "languagetool-url": languagetool.url}, "test")
    result = lint_text("Mum recieved the letter.", config=config)
    assert [f.code for f in result.findings] == ["SOS901"]


GRAMMAR_RULES = [r for r in builtin_rules() if r.category == "grammar"]


@pytest.mark.parametrize("rule", GRAMMAR_RULES, ids=lambda r: r.code)
def test_grammar_rule_examples(rule: Any, languagetool: FakeLanguageTool) -> None:
    config = Config(select=(rule.code,), languagetool_url=languagetool.url)
    for example in rule.flag_examples:
        codes = [f.code for f in lint_text(example.text, example.section, config).findings]
        assert rule.code in codes, example.text
    for example in rule.pass_examples:
        codes = [f.code for f in lint_text(example.text, example.section, config).findings]
        assert rule.code not in codes, example.text


def test_client_errors_and_url_forms(closed_url: str) -> None:
    for url in (closed_url, closed_url + "/", closed_url + "/v2", closed_url + "/v2/check"):
        assert LanguageToolClient(url).endpoint == closed_url + "/v2/check"
    with pytest.raises(LanguageToolError):
        LanguageToolClient(closed_url, timeout=2).check("Hello.")


def test_category_mapping() -> None:
    assert code_for("TYPOS", "misspelling") == "SOS901"
    assert code_for("CONFUSED_WORDS", "misspelling") == "SOS901"
    assert code_for("GRAMMAR", "grammar") == "SOS902"
    assert code_for("SOMETHING_NEW", "other") == "SOS902"
    assert code_for("PUNCTUATION", "typographical") == "SOS903"
    assert code_for("STYLE", "style") == "SOS904"
