"""``--format text``: compiler-style lines, the words underlined in context, a summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from sos_lint.models import FileResult, Finding, Severity
from sos_lint.reporters.summary import summarise

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _context(text: str, finding: Finding, colour: bool) -> list[str]:
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.start)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end].replace("\t", " ")
    end = min(finding.end, line_end)
    lead = finding.start - line_start
    # Keep long lines readable: show a window around the finding.
    window_start = max(0, lead - 60)
    window_end = min(len(line), end - line_start + 60)
    shown = line[window_start:window_end]
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < len(line) else ""
    marker = " " * (len(prefix) + lead - window_start) + "^" * max(1, end - finding.start)
    if colour:
        marker = click.style(marker, fg=_COLOURS[finding.severity], bold=True)
    return [f"    {prefix}{shown}{suffix}", f"    {marker}"]


def format_finding(
    path: str,
    finding: Finding,
    text: str | None,
    colour: bool,
    show_context: bool = True,
    show_rewrite: bool = True,
) -> list[str]:
    location = f"{path}:{finding.line}:{finding.column}:"
    code = finding.code
    if colour:
        location = click.style(location, bold=True)
        code = click.style(code, fg=_COLOURS[finding.severity], bold=True)
    # Suggestions the message already quotes are not repeated in the "try" hint.
    tries = [
        s.replacement
        for s in finding.suggestions
        if s.replacement and s.replacement not in finding.message
    ][:2]
    hint = f" (try: {' / '.join(tries)})" if tries else ""
    lines = [f"{location} {code} [{finding.category}] {finding.message}{hint}"]
    if show_context and text is not None:
        lines.extend(_context(text, finding, colour))
    if finding.rewrite and show_rewrite:
        lines.append(f"    rewrite: {finding.rewrite}")
    return lines


def _last_rewrite_per_statement(findings: Sequence[Finding]) -> dict[int, bool]:
    """For findings with a rewrite: is it the last one of its statement (the one to show it)?"""
    last: dict[tuple[int | None, str], int] = {}
    for finding in findings:
        if finding.rewrite:
            last[(finding.statement_index, finding.rewrite)] = id(finding)
    return {
        id(f): last.get((f.statement_index, f.rewrite or "")) == id(f)
        for f in findings
        if f.rewrite
    }


def render_text(
    results: Sequence[FileResult],
    colour: bool = False,
    quiet: bool = False,
    statistics: bool = False,
    **_: Any,
) -> str:
    out: list[str] = []
    shown: set[str] = set()
    for result in results:
        if result.error:
            continue  # the CLI prints input errors on stderr, one line each
        for notice in result.notices:
            if not notice.startswith(result.path + ": "):
                # Not about this file (e.g. "grammar not checked"): once per run is enough.
                if notice in shown:
                    continue
                shown.add(notice)
            out.append(f"{result.path}: notice: {notice.removeprefix(result.path + ': ')}")
        text = result.document.text if result.document else None
        finding_is_last = _last_rewrite_per_statement(result.findings)
        for finding in result.findings:
            # A statement's rewrite scaffold is shown once, under its last finding.
            last = finding_is_last.get(id(finding), True)
            out.extend(
                format_finding(result.path, finding, text, colour, not quiet, show_rewrite=last)
            )
        if result.readability and not quiet:
            out.extend(_readability_lines(result))
    summary = summarise(results)
    if statistics:
        out.append("")
        for code, count in sorted(summary["by_code"].items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{count:6d}  {code}")
    sev = summary["by_severity"]
    line = (
        f"Found {summary['findings']} finding(s) in {summary['files']} file(s): "
        f"{sev['error']} error, {sev['warning']} warning, {sev['info']} info"
    )
    if summary["files_with_errors"]:
        line += f"; {summary['files_with_errors']} file(s) could not be read"
    out.append(line)
    return "\n".join(out)


def _readability_lines(result: FileResult) -> list[str]:
    scores = (result.readability or {}).get("document") or {}
    if not scores:
        return []
    age = scores.get("reading_age")
    parts = [
        f"reading age {age:.0f}" if isinstance(age, (int, float)) else None,
        f"Flesch {scores['flesch_reading_ease']:.0f}" if "flesch_reading_ease" in scores else None,
        f"{scores['average_sentence_length']:.1f} words a sentence"
        if "average_sentence_length" in scores
        else None,
    ]
    return [f"{result.path}: readability: " + ", ".join(p for p in parts if p)]
