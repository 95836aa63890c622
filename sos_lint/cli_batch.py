"""``sos-lint scan`` and ``sos-lint report``: argument handling only (see ``sos_lint.batch``)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from sos_lint.cli import EXIT_OK, _split, build_config, fail, main, selection_options
from sos_lint.errors import SosLintError
from sos_lint.models import SECTION_TYPES
from sos_lint.timelimit import DEFAULT_RECORD_TIMEOUT, LONGEST_LIMIT

EXIT_INTERRUPTED = 130


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--output", "-o", required=True, type=click.Path(dir_okay=False), help="Results file."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("jsonl", "csv", "parquet")),
    help="Output format (default: from the output's suffix).",
)
@click.option(
    "--per",
    type=click.Choice(("record", "finding")),
    default="record",
    show_default=True,
    help="CSV/Parquet: one row per record (with counts per category) or per finding.",
)
@click.option(
    "--text-column",
    multiple=True,
    help="Column to lint (repeat for several; each is linted separately). Default: text.",
)
@click.option("--id-column", help="Column of record ids (default: input:row).")
@click.option(
    "--section-column",
    help="Column naming each record's section (heading synonyms understood).",
)
@click.option(
    "--section",
    type=click.Choice(SECTION_TYPES),
    help="Section type of records with no section column value (default: general).",
)
@click.option(
    "--group-by",
    multiple=True,
    help="Columns to carry into the outputs and summarise by (team, worker, ...).",
)
@click.option(
    "--name-column",
    multiple=True,
    help="Column of personal names for the report's --redact; COLUMN=role shows the role.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=256,
    show_default=True,
    help="Records read and linted per chunk.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Scan only the first N records.")
@click.option("--resume", is_flag=True, help="Skip records already in the output.")
@click.option("--engine", type=click.Choice(("local", "dask")), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address to join (implies --engine dask).")
@click.option(
    "--dask-workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Workers of the local Dask cluster.",
)
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of CSV/TSV/JSONL.")
@click.option("--sheet", help="Excel sheet to read (default: the first).")
@click.option(
    "--max-chars", type=click.IntRange(min=1), help="Longest text linted (config max-chars)."
)
@click.option(
    "--summary", "summary_path", type=click.Path(dir_okay=False), help="Summary JSON path."
)
@click.option("--no-readability", is_flag=True, help="Skip readability scores.")
@click.option(
    "--record-timeout",
    type=click.FloatRange(min=0, max=LONGEST_LIMIT),
    default=DEFAULT_RECORD_TIMEOUT,
    show_default=True,
    help=(
        "Seconds one record may take before it is stopped and reported as an error "
        "(0: none; at most a day)."
    ),
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no printed summary.")
@selection_options
def scan(
    inputs: tuple[str, ...],
    output: str,
    fmt: str | None,
    per: str,
    text_column: tuple[str, ...],
    id_column: str | None,
    section_column: str | None,
    section: str | None,
    group_by: tuple[str, ...],
    name_column: tuple[str, ...],
    jobs: int,
    batch_size: int,
    limit: int | None,
    resume: bool,
    engine: str,
    scheduler: str | None,
    dask_workers: int,
    encoding: str,
    sheet: str | None,
    max_chars: int | None,
    summary_path: str | None,
    no_readability: bool,
    record_timeout: float,
    quiet: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    config_path: str | None,
    model: str | None,
) -> None:
    """Lint many records: tables (.csv .tsv .xlsx .jsonl .parquet) or folders of files.

    Every record appears once in the output with status ok or error. Exit codes: 0 the scan
    finished (records that could not be checked are counted in the summary), 2 a usage,
    config or input error, 130 interrupted (run again with --resume to continue).
    """
    from sos_lint.batch import NameColumn, ScanOptions, progress_bar, run_scan
    from sos_lint.reporters.batch import render_scan_summary

    try:
        config = build_config(
            config_path, select, ignore, extend_select, None, model, max_chars=max_chars
        )
        options = ScanOptions(
            inputs=inputs,
            output=output,
            fmt=fmt,
            per=per,
            text_columns=text_column,
            id_column=id_column,
            section_column=section_column,
            section=section,
            group_by=_split(group_by),
            name_columns=tuple(NameColumn.parse(n) for n in name_column),
            jobs=jobs,
            batch_size=batch_size,
            limit=limit,
            resume=resume,
            engine="dask" if scheduler else engine,
            scheduler=scheduler,
            dask_workers=dask_workers,
            encoding=encoding,
            sheet=sheet,
            summary_path=summary_path,
            readability=not no_readability,
            record_timeout=record_timeout,
        )
        update, close = progress_bar(None if not quiet else False)
        try:
            result = run_scan(options, config, on_progress=update)
        finally:
            close()
    except KeyboardInterrupt:
        click.echo(
            "sos-lint: interrupted; the records written so far are complete. "
            "Run the same command with --resume to continue.",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    except SosLintError as exc:
        fail(str(exc))
        return
    for notice in result.notices:
        click.echo(f"sos-lint: {notice}", err=True)
    if result.unknown_sections:
        click.echo(
            f"sos-lint: warning: {result.unknown_sections:,} record(s) had a section value that "
            "is not a known heading and were linted as general (see unknown_section_values "
            "in the summary)",
            err=True,
        )
    if result.errors:
        click.echo(
            f"sos-lint: {result.errors:,} record(s) could not be checked (status error in the "
            "output; reasons in the summary)",
            err=True,
        )
    if not quiet:
        click.echo(render_scan_summary(result.summary, result.output, result.summary_path))
    sys.exit(EXIT_OK)


@main.command()
@click.argument("results", type=click.Path(dir_okay=False))
@click.option(
    "--output", "-o", required=True, type=click.Path(dir_okay=False), help="The HTML file."
)
@click.option("--redact", is_flag=True, help="Replace personal names by initials or roles.")
@click.option(
    "--name-column",
    multiple=True,
    help="With --redact: a group column of names to redact too (COLUMN or COLUMN=role).",
)
@click.option(
    "--group-by", multiple=True, help="Group columns to show (default: all in the results)."
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Statements kept per group value (twice this overall).",
)
@click.option("--title", help="Report title.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (for the reading-age target).",
)
@click.option("--model", help="spaCy model for --redact's name finding.")
def report(
    results: str,
    output: str,
    redact: bool,
    name_column: tuple[str, ...],
    group_by: tuple[str, ...],
    top: int,
    title: str | None,
    config_path: str | None,
    model: str | None,
) -> None:
    """Write a self-contained HTML report for supervisors from scan results (JSONL)."""
    from sos_lint.batch import NameColumn
    from sos_lint.batch_output import usual_mode
    from sos_lint.config import load_config
    from sos_lint.redact import redact_report
    from sos_lint.reporters.html import render_report
    from sos_lint.summary import pop_names, report_data

    try:
        config = load_config(config_path)
        data = report_data(
            results,
            target_reading_age=config.readability.get("reading_age"),
            group_by=_split(group_by) or None,
            top=top,
            title=title,
        )
        names = pop_names(data)
        if redact:
            for spec in (NameColumn.parse(n) for n in name_column):
                values = data["summary"].get("groups", {}).get(spec.column)
                if values is None:
                    raise SosLintError(
                        f"--name-column {spec.column!r} is not a group column of {results} "
                        f"(group columns: {', '.join(data['group_by']) or 'none'})"
                    )
                names.extend((value, spec.role) for value in values)
            data = redact_report(data, names, model or config.model)
            data["redacted"] = True
        html = render_report(data)
        target = Path(output)
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(html)
        usual_mode(temp)
        os.replace(temp, target)
    except SosLintError as exc:
        fail(str(exc))
        return
    click.echo(f"Report: {output}")
    sys.exit(EXIT_OK)
