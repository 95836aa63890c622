"""``--format github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence

from sos_lint.models import FileResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def render_github(results: Sequence[FileResult], **_: object) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"::error file={_escape(result.path)}::{_escape(result.error)}")
        for f in result.findings:
            lines.append(
                f"::{_LEVEL[str(f.severity)]} file={_escape(result.path)},line={f.line},"
                f"col={f.column},endLine={f.end_line},endColumn={f.end_column},"
                f"title={f.code} {f.rule}::{_escape(f.message)}"
            )
    return "\n".join(lines)
