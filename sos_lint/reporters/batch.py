"""The short text summary ``sos-lint scan`` prints: counts and rule codes, never case text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sos_lint.models import CATEGORIES


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def render_scan_summary(summary: Mapping[str, Any], output: str, summary_path: str) -> str:
    ok = int(summary.get("records_ok", 0))
    lines = [
        f"Scanned {summary.get('records', 0):,} records ({summary.get('words', 0):,} words): "
        f"{ok:,} checked, {summary.get('records_error', 0):,} could not be checked.",
    ]
    reasons = summary.get("errors_by_reason") or {}
    if reasons:
        lines.append("  Not checked: " + ", ".join(f"{r} {n:,}" for r, n in reasons.items()))
    lines.append(
        f"Records with findings: {summary.get('records_with_findings', 0):,} "
        f"({_pct(int(summary.get('records_with_findings', 0)), ok)})"
    )
    by_category = summary.get("records_with_findings_by_category") or {}
    for category in CATEGORIES:
        if by_category.get(category):
            lines.append(
                f"  {category:<16} {by_category[category]:>8,}  {_pct(by_category[category], ok):>4}"
            )
    severity = summary.get("records_with_findings_by_severity") or {}
    lines.append(
        "By severity: "
        + ", ".join(f"{name} {severity.get(name, 0):,}" for name in ("error", "warning", "info"))
    )
    rules = summary.get("top_rules") or []
    if rules:
        lines.append("Most frequent rules:")
        for rule in rules[:10]:
            lines.append(
                f"  {rule['code']}  {rule['rule']:<36} {rule['findings']:>8,} findings in {rule['records']:,} records"
            )
    for column, values in (summary.get("groups") or {}).items():
        lines.append(f"By {column}:")
        for value, block in list(values.items())[:30]:
            checked = int(block.get("records_ok", 0))
            top = sorted(
                (block.get("records_with_findings_by_category") or {}).items(),
                key=lambda kv: -kv[1],
            )[:3]
            detail = ", ".join(f"{c} {_pct(n, checked)}" for c, n in top)
            lines.append(
                f"  {value[:30]:<30} {block.get('records', 0):>8,} records, "
                f"{_pct(int(block.get('records_with_findings', 0)), checked)} with findings"
                + (f" ({detail})" if detail else "")
            )
        if len(values) > 30:
            lines.append(f"  ... and {len(values) - 30} more (see {summary_path})")
    lines.append(f"Results: {output}; summary: {summary_path}")
    return "\n".join(lines)
