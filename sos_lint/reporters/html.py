"""The supervisor report: one self-contained HTML file (inline CSS, SVG and JavaScript).

It opens offline and loads nothing from anywhere. This module only lays out numbers the
summary module has already worked out (``sos_lint.summary.report_data``); it does no analysis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

COLOURS = {
    "jargon": "#1f77b4",
    "vague": "#ff7f0e",
    "judgemental": "#d62728",
    "non-behavioural": "#9467bd",
    "hidden-actor": "#8c564b",
    "hedging": "#e377c2",
    "hard-to-read": "#7f7f7f",
    "structure": "#bcbd22",
    "grammar": "#17becf",
    "tool": "#aaaaaa",
}
GROUP_COLOURS = ("#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6", "#dd4477")
SEVERITY_ORDER = ("error", "warning", "info")
LABELS = {
    "jargon": "Jargon",
    "vague": "Vague",
    "judgemental": "Judgemental",
    "non-behavioural": "Not behavioural",
    "hidden-actor": "Hidden actor",
    "hedging": "Hedging",
    "hard-to-read": "Hard to read",
    "structure": "Structure",
    "grammar": "Grammar",
    "tool": "Tool",
}

CSS = """
:root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d8d8d8; --panel: #f6f6f3; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: var(--ink); margin: 0; background: #fff; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { background: var(--panel); border-radius: 8px; padding: 12px 16px; min-width: 160px; }
.card b { display: block; font-size: 24px; }
.filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line);
           padding: 10px 0; display: flex; flex-wrap: wrap; gap: 16px; z-index: 2; }
.filters label { font-weight: 600; }
.filters select { margin-left: 6px; font: inherit; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.chip { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; color: #fff; margin-right: 4px; }
.sev-error { font-weight: 700; }
article.stmt { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 10px 0; }
article.stmt .where { color: var(--muted); font-size: 13px; }
article.stmt p.text { font-size: 16px; margin: 6px 0; white-space: pre-wrap; }
mark { background: #fff3b0; border-bottom: 3px solid #e0b000; padding: 0 1px; }
mark.sev-error { background: #ffd6d6; border-bottom-color: #c00; }
mark.sev-info { background: #eef3ff; border-bottom-color: #7a9cdb; }
ul.findings { margin: 4px 0 0; padding-left: 20px; font-size: 14px; }
ul.findings .try { color: #0b6b0b; }
.hidden { display: none !important; }
.dim { opacity: 0.15; }
.note { color: var(--muted); font-size: 13px; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1b1b1b; }
.legend span { display: inline-block; margin-right: 14px; font-size: 13px; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
footer { color: var(--muted); font-size: 13px; padding: 32px 20px; }
"""

SCRIPT = """
(function () {
  "use strict";
  var group = document.getElementById("f-group");
  var category = document.getElementById("f-category");
  var severity = document.getElementById("f-severity");
  var empty = document.getElementById("no-statements");
  function has(list, value) {
    return ("|" + (list || "") + "|").indexOf("|" + value + "|") !== -1;
  }
  function apply() {
    var g = group ? group.value : "";
    var c = category ? category.value : "";
    var s = severity ? severity.value : "";
    var shown = 0;
    document.querySelectorAll("[data-item]").forEach(function (el) {
      var ok = (!g || has(el.getAttribute("data-groups"), g)) &&
               (!c || has(el.getAttribute("data-categories"), c)) &&
               (!s || has(el.getAttribute("data-severities"), s));
      el.classList.toggle("hidden", !ok);
      if (ok && el.tagName === "ARTICLE") { shown += 1; }
    });
    document.querySelectorAll("[data-bar]").forEach(function (el) {
      var ok = (!g || !el.getAttribute("data-group") || el.getAttribute("data-group") === g) &&
               (!c || el.getAttribute("data-category") === c);
      el.classList.toggle("dim", !ok);
    });
    document.querySelectorAll("[data-group-row]").forEach(function (el) {
      el.classList.toggle("hidden", !!g && el.getAttribute("data-group-row") !== g);
    });
    if (empty) { empty.classList.toggle("hidden", shown > 0); }
    var counter = document.getElementById("shown-count");
    if (counter) { counter.textContent = String(shown); }
  }
  [group, category, severity].forEach(function (el) {
    if (el) { el.addEventListener("change", apply); }
  });
  apply();
})();
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _label(category: str) -> str:
    return LABELS.get(category, category)


def _group_key(column: str, value: str) -> str:
    return f"{column}={value}"


# -- charts ----------------------------------------------------------------------------------
def category_chart(
    rates: Sequence[tuple[str, str | None, Mapping[str, float]]],
    categories: Sequence[str],
    column: str | None,
) -> str:
    """Horizontal bars: for each category, the share of records with it, one bar per group."""
    bar, gap, label_width, width = 12, 10, 130, 640
    plot = width - label_width - 60
    groups = len(rates) or 1
    height = len(categories) * (groups * bar + gap) + 30
    top_rate = max([r for _, _, rs in rates for r in rs.values()] + [0.01])
    scale = plot / max(top_rate, 0.05)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-label="Share of records with each kind of finding">'
    ]
    y = 10
    for category in categories:
        parts.append(
            f'<text x="{label_width - 8}" y="{y + groups * bar / 2 + 4:.1f}" '
            f'text-anchor="end">{_e(_label(category))}</text>'
        )
        for index, (label, key, values) in enumerate(rates):
            rate = float(values.get(category, 0.0))
            colour = (
                GROUP_COLOURS[index % len(GROUP_COLOURS)]
                if column
                else COLOURS.get(category, "#555")
            )
            group_attr = f' data-group="{_e(key)}"' if key else ""
            parts.append(
                f'<g data-bar="1" data-category="{_e(category)}"{group_attr}>'
                f"<title>{_e(_label(category))}, {_e(label)}: {_pct(rate)} of records</title>"
                f'<rect x="{label_width}" y="{y}" width="{max(rate * scale, 0.5):.1f}" '
                f'height="{bar - 2}" fill="{colour}"></rect>'
                f'<text x="{label_width + rate * scale + 4:.1f}" y="{y + bar - 3}">{_pct(rate)}</text>'
                "</g>"
            )
            y += bar
        y += gap
    parts.append("</svg>")
    legend = ""
    if column:
        legend = (
            '<p class="legend">'
            + "".join(
                f'<span><i style="background:{GROUP_COLOURS[i % len(GROUP_COLOURS)]}"></i>{_e(label)}</span>'
                for i, (label, _, _) in enumerate(rates)
            )
            + "</p>"
        )
    return legend + "".join(parts)


def histogram_chart(dist: Mapping[str, Any], target: float | None, label: str) -> str:
    """Bars of a distribution with the target marked."""
    histogram = dist.get("histogram") or {}
    counts = list(histogram.get("counts") or [])
    if not counts:
        return '<p class="note">No scores.</p>'
    start, step = float(histogram.get("start", 0)), float(histogram.get("width", 1))
    width, height, left, bottom = 640, 220, 50, 30
    plot_w, plot_h = width - left - 20, height - bottom - 20
    peak = max(counts) or 1
    bar_w = plot_w / len(counts)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-label="Distribution of {_e(label)}">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 20}" y2="{height - bottom}" stroke="#888"></line>',
    ]
    for i, count in enumerate(counts):
        low = start + i * step
        h = plot_h * count / peak
        over = target is not None and low >= target
        parts.append(
            f'<rect x="{left + i * bar_w + 1:.1f}" y="{height - bottom - h:.1f}" '
            f'width="{max(bar_w - 2, 1):.1f}" height="{h:.1f}" fill="{"#d62728" if over else "#1f77b4"}">'
            f"<title>{low:g} to {low + step:g}: {count}</title></rect>"
        )
        if len(counts) <= 20 or i % max(1, len(counts) // 10) == 0:
            parts.append(
                f'<text x="{left + i * bar_w + bar_w / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle">{low:g}</text>'
            )
    parts.append(f'<text x="{left - 6}" y="20" text-anchor="end">{peak}</text>')
    parts.append(f'<text x="{left - 6}" y="34" text-anchor="end">texts</text>')
    if target is not None:
        x = left + (float(target) - start) / step * bar_w
        x = min(max(x, left), width - 20)
        parts.append(
            f'<line x1="{x:.1f}" y1="10" x2="{x:.1f}" y2="{height - bottom}" stroke="#111" '
            f'stroke-dasharray="5,4" stroke-width="2"></line>'
            f'<text x="{x + 4:.1f}" y="20">target {target:g}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


# -- sections --------------------------------------------------------------------------------
def _cards(summary: Mapping[str, Any], target: float | None) -> str:
    share = summary.get("share_with_findings", 0.0)
    cards = [
        ("Records checked", f"{summary.get('records_ok', 0):,}"),
        ("Words", f"{summary.get('words', 0):,}"),
        ("Records with a finding", _pct(share)),
        ("Could not be checked", f"{summary.get('records_error', 0):,}"),
    ]
    reading = (summary.get("readability") or {}).get("reading_age") or {}
    if reading.get("count"):
        cards.append(("Median reading age", f"{reading['median']:g}"))
        if target is not None and "share_over_target" in reading:
            cards.append((f"Above reading age {target:g}", _pct(reading["share_over_target"])))
    return (
        '<div class="cards">'
        + "".join(f'<div class="card"><b>{_e(v)}</b>{_e(k)}</div>' for k, v in cards)
        + "</div>"
    )


def _filters(data: Mapping[str, Any]) -> str:
    summary = data["summary"]
    groups = ['<option value="">All</option>']
    for column, values in (summary.get("groups") or {}).items():
        options = "".join(
            f'<option value="{_e(_group_key(column, v))}">{_e(v)}</option>' for v in values
        )
        groups.append(f'<optgroup label="{_e(column)}">{options}</optgroup>')
    categories = '<option value="">All</option>' + "".join(
        f'<option value="{_e(c)}">{_e(_label(c))}</option>' for c in data["categories"]
    )
    severities = '<option value="">All</option>' + "".join(
        f'<option value="{s}">{s.title()}</option>' for s in SEVERITY_ORDER
    )
    return (
        '<nav class="filters" aria-label="Filters">'
        f'<label>Group<select id="f-group">{"".join(groups)}</select></label>'
        f'<label>Category<select id="f-category">{categories}</select></label>'
        f'<label>Severity<select id="f-severity">{severities}</select></label>'
        "</nav>"
    )


def _categories_section(data: Mapping[str, Any]) -> str:
    summary = data["summary"]
    categories = data["categories"]
    parts = [
        '<section id="categories"><h2>How often each kind of problem appears</h2>',
        '<p class="note">Share of the records checked that have at least one finding of each kind.</p>',
        category_chart(
            [("All records", None, summary.get("share_by_category", {}))], categories, None
        ),
    ]
    for column, values in (summary.get("groups") or {}).items():
        rates = [
            (value, _group_key(column, value), block.get("share_by_category", {}))
            for value, block in values.items()
        ]
        parts.append(f"<h3>By {_e(column)}</h3>")
        parts.append(category_chart(rates[:12], categories, column))
        if len(rates) > 12:
            parts.append(
                f'<p class="note">The chart shows the first 12 of {len(rates)} values; the table has them all.</p>'
            )
        header = "".join(f'<th class="num">{_e(_label(c))}</th>' for c in categories)
        rows = []
        for value, block in values.items():
            cells = "".join(
                f'<td class="num">{_pct(block.get("share_by_category", {}).get(c, 0.0))}</td>'
                for c in categories
            )
            rows.append(
                f'<tr data-group-row="{_e(_group_key(column, value))}"><td>{_e(value)}</td>'
                f'<td class="num">{block.get("records_ok", 0):,}</td>{cells}</tr>'
            )
        parts.append(
            f'<table><thead><tr><th>{_e(column)}</th><th class="num">Records</th>{header}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def _readability_section(data: Mapping[str, Any]) -> str:
    summary = data["summary"]
    target = data.get("target")
    reading = (summary.get("readability") or {}).get("reading_age")
    parts = ['<section id="readability"><h2>Reading age</h2>']
    if not reading or not reading.get("count"):
        parts.append('<p class="note">This scan has no readability scores.</p></section>')
        return "".join(parts)
    parts.append(
        '<p class="note">UK reading age (US grade + 5, Flesch-Kincaid) of each text. '
        "Formulas disagree by several years and miss short jargon, so read this as advice. "
        "Red bars are above the target.</p>"
    )
    parts.append(histogram_chart(reading, target, "reading age"))
    rows = []
    for column, values in (summary.get("groups") or {}).items():
        for value, block in values.items():
            dist = (block.get("readability") or {}).get("reading_age") or {}
            if not dist.get("count"):
                continue
            over = _pct(dist["share_over_target"]) if "share_over_target" in dist else ""
            rows.append(
                f'<tr data-group-row="{_e(_group_key(column, value))}"><td>{_e(column)}</td>'
                f'<td>{_e(value)}</td><td class="num">{dist["count"]:,}</td>'
                f'<td class="num">{dist["median"]:g}</td><td class="num">{dist["p90"]:g}</td>'
                f'<td class="num">{over}</td></tr>'
            )
    if rows:
        parts.append(
            '<table><thead><tr><th>Group</th><th>Value</th><th class="num">Texts</th>'
            '<th class="num">Median</th><th class="num">90th percentile</th>'
            '<th class="num">Above target</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def _chip(category: str) -> str:
    return f'<span class="chip" style="background:{COLOURS.get(category, "#555")}">{_e(_label(category))}</span>'


def _terms_section(data: Mapping[str, Any]) -> str:
    summary = data["summary"]
    rows = [
        f'<tr data-item="term" data-categories="{_e(t["category"])}"><td>{_e(t["term"])}</td>'
        f'<td>{_chip(t["category"])}</td><td class="num">{t["count"]:,}</td>'
        f"<td>{_e(t['alternative']) or '<span class=note>describe what happened</span>'}</td></tr>"
        for t in summary.get("top_terms", [])
    ]
    rules = [
        f'<tr data-item="rule" data-categories="{_e(r["category"])}"><td>{_e(r["code"])}</td>'
        f"<td>{_e(r['rule'])}</td><td>{_chip(r['category'])}</td>"
        f'<td class="num">{r["findings"]:,}</td><td class="num">{r["records"]:,}</td></tr>'
        for r in summary.get("top_rules", [])
    ]
    return (
        '<section id="terms"><h2>Words to change, and what to write instead</h2>'
        '<table><thead><tr><th>Words used</th><th>Kind</th><th class="num">Times</th>'
        f"<th>Plainer alternative</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<h3>Most frequent rules</h3>"
        '<table><thead><tr><th>Code</th><th>Rule</th><th>Kind</th><th class="num">Findings</th>'
        f'<th class="num">Records</th></tr></thead><tbody>{"".join(rules)}</tbody></table>'
        "</section>"
    )


def highlight(pieces: Sequence[Mapping[str, Any]], findings: Sequence[Mapping[str, Any]]) -> str:
    """The statement's pieces, those with findings wrapped in <mark> (reasons as a tooltip)."""
    out = []
    for piece in pieces:
        text = _e(piece["text"])
        covering = [findings[i] for i in piece.get("marks", ()) if i < len(findings)]
        if not covering:
            out.append(text)
            continue
        worst = min(
            SEVERITY_ORDER.index(str(f["severity"])) if f["severity"] in SEVERITY_ORDER else 2
            for f in covering
        )
        title = " | ".join(f"{f['code']}: {f['message']}" for f in covering)
        categories = "|".join(sorted({str(f["category"]) for f in covering}))
        out.append(
            f'<mark class="sev-{SEVERITY_ORDER[worst]}" data-categories="{_e(categories)}" '
            f'title="{_e(title)}">{text}</mark>'
        )
    return "".join(out)


def _finding_items(findings: Sequence[Mapping[str, Any]]) -> str:
    """One line per distinct finding, with how many times it occurs in the statement."""
    counted: dict[tuple[str, str, str, str, str], int] = {}
    for f in findings:
        key = (
            str(f["severity"]),
            str(f["category"]),
            str(f["code"]),
            str(f["message"]),
            str(f.get("suggestion") or ""),
        )
        counted[key] = counted.get(key, 0) + 1
    items = []
    for (severity, category, code, message, suggestion), count in counted.items():
        times = f' <span class="note">({count} times)</span>' if count > 1 else ""
        tip = f' <span class="try">Try: {_e(suggestion)}</span>' if suggestion else ""
        items.append(
            f'<li><span class="sev-{_e(severity)}">{_e(severity)}</span> {_chip(category)}'
            f"<b>{_e(code)}</b> {_e(message)}{tip}{times}</li>"
        )
    return "".join(items)


def _statements_section(data: Mapping[str, Any]) -> str:
    items = data.get("statements", [])
    parts = [
        '<section id="statements"><h2>Statements to look at first</h2>',
        '<p class="note">The statements with the most serious findings, worst first '
        f'(<span id="shown-count">{len(items)}</span> shown). Hover over highlighted words for the reason.</p>',
    ]
    for item in items:
        groups = "|".join(_group_key(k, v or "(blank)") for k, v in item["group"].items())
        categories = "|".join(sorted({str(f["category"]) for f in item["findings"]}))
        severities = "|".join(sorted({str(f["severity"]) for f in item["findings"]}))
        where = " · ".join(
            [f"record {_e(item['id'])}"]
            + [f"{_e(k)}: {_e(v or '(blank)')}" for k, v in item["group"].items()]
            + [f"section: {_e(item['section'].replace('_', ' '))}"]
            + (
                [f"field: {_e(item['field'])}"]
                if item.get("field") not in (None, "", "text")
                else []
            )
        )
        findings = _finding_items(item["findings"])
        parts.append(
            f'<article class="stmt" data-item="statement" data-groups="{_e(groups)}" '
            f'data-categories="{_e(categories)}" data-severities="{_e(severities)}">'
            f'<div class="where">{where}</div>'
            f'<p class="text">{highlight(item["segments"], item["findings"])}</p>'
            f'<ul class="findings">{findings}</ul></article>'
        )
    parts.append('<p id="no-statements" class="note hidden">No statements match these filters.</p>')
    parts.append("</section>")
    return "".join(parts)


def _errors_section(summary: Mapping[str, Any]) -> str:
    reasons = summary.get("errors_by_reason") or {}
    if not reasons:
        return ""
    rows = "".join(
        f'<tr><td>{_e(reason)}</td><td class="num">{count:,}</td></tr>'
        for reason, count in reasons.items()
    )
    return (
        '<section id="errors"><h2>Records that could not be checked</h2>'
        '<table><thead><tr><th>Reason</th><th class="num">Records</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def render_report(data: Mapping[str, Any]) -> str:
    summary = data["summary"]
    target = data.get("target")
    redacted = (
        "Personal names are replaced by initials or roles."
        if data.get("redacted")
        else "This report contains case text: share it only within the case team (or make it with --redact)."
    )
    body = "".join(
        [
            "<header>",
            f"<h1>{_e(data['title'])}</h1>",
            f'<p class="meta">From {_e(data["source"])}: {summary.get("records", 0):,} records, '
            f"{summary.get('words', 0):,} words. {_e(redacted)}</p>",
            "</header>",
            "<main>",
            _filters(data),
            _cards(summary, target),
            _categories_section(data),
            _readability_section(data),
            _terms_section(data),
            _statements_section(data),
            _errors_section(summary),
            "</main>",
            f"<footer>Made by sos-lint {_e(data.get('version', ''))}. Findings are prompts for a "
            "rewrite, not a judgement of anyone's practice.</footer>",
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{_e(data['title'])}</title><style>{CSS}</style></head>"
        f"<body>{body}<script>{SCRIPT}</script></body></html>\n"
    )
