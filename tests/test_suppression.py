"""Inline suppression comments, and reporting the ones that hide nothing."""

from __future__ import annotations

from sos_lint import lint_text
from sos_lint.config import parse_config

CONFIG = parse_config({"terms": {"SPARROW": ["the front door team"]}}, "test")


def codes(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, config=CONFIG).findings]


def test_region_disable_enable() -> None:
    text = (
        "The SPARROW rang.\n"
        "<!-- sos-lint: disable SOS190 -->\n"
        "The SPARROW rang again.\n"
        "<!-- sos-lint: enable SOS190 -->\n"
        "The SPARROW rang a third time.\n"
    )
    assert codes(text) == [("SOS190", 1), ("SOS190", 5)]


def test_same_line_and_next_line() -> None:
    text = (
        "The SPARROW rang. <!-- sos-lint: ignore SOS190 -->\n"
        "<!-- sos-lint: disable-next-line jargon -->\n"
        "The SPARROW rang again.\n"
        "The SPARROW rang a third time.\n"
    )
    assert codes(text) == [("SOS190", 4)]


def test_unused_suppression_is_reported() -> None:
    text = "Gran rang. <!-- sos-lint: ignore SOS190 -->\n"
    found = lint_text(text, config=CONFIG).findings
    assert [(f.code, str(f.severity)) for f in found] == [("SOS001", "info")]
    assert found[0].text.startswith("<!--")
