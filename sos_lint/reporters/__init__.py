"""Reporters turn results into text for people or machines. They hold no analysis."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sos_lint.models import FileResult
from sos_lint.reporters.github import render_github
from sos_lint.reporters.json import render_json
from sos_lint.reporters.sarif import render_sarif
from sos_lint.reporters.text import render_text

Reporter = Callable[..., str]

REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
}


def render(fmt: str, results: Sequence[FileResult], **options: object) -> str:
    return REPORTERS[fmt](results, **options)
