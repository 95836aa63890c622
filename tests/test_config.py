"""Configuration discovery, validation and its effect on linting."""

from __future__ import annotations

from pathlib import Path

import pytest

from sos_lint import lint_text
from sos_lint.config import Config, find_config, load_config, parse_config
from sos_lint.errors import ConfigError
from sos_lint.models import Severity


def test_found_upwards_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.sos-lint]\nfail-on = "error"\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    assert load_config(start=nested).fail_on == "error"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "sub").mkdir()
    assert (
        find_config(tmp_path / "sub") is None
        or find_config(tmp_path / "sub") != tmp_path / "pyproject.toml"
    )


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"severity": {"SOS101": "loud"}}, "severity.SOS101"),
        ({"sections": {"nowhere": {}}}, "sections.nowhere"),
        ({"sections": {"harm": {"only": []}}}, "sections.harm.only"),
        ({"select": 3}, "select"),
        ({"readability": {"reading-age": -1}}, "readability.reading-age"),
        ({"headings": {"harm": 5}}, "headings.harm"),
    ],
)
def test_bad_values_name_the_key(data: dict, key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        parse_config(data, "test.toml")


def test_severity_override_and_accept_list() -> None:
    config = parse_config(
        {"terms": {"SPARROW": ["the front door team"]}, "severity": {"SOS190": "error"}}, "t"
    )
    result = lint_text("The SPARROW rang Gran.", config=config)
    assert [f.severity for f in result.findings if f.code == "SOS190"] == [Severity.ERROR]
    accepted = parse_config({"terms": {"SPARROW": ["x"]}, "accept": ["sparrow"]}, "t")
    assert not [
        f
        for f in lint_text("The SPARROW rang Gran.", config=accepted).findings
        if f.code == "SOS190"
    ]


def test_per_section_ignore() -> None:
    config = parse_config(
        {"terms": {"SPARROW": ["x"]}, "sections": {"harm": {"ignore": ["SOS190"]}}}, "t"
    )
    text = "# Harm\n\nThe SPARROW rang.\n\n# Background\n\nThe SPARROW rang.\n"
    found = [f.section for f in lint_text(text, config=config).findings if f.code == "SOS190"]
    assert found == ["general"]


def test_defaults() -> None:
    assert Config().fail_on == "warning"
