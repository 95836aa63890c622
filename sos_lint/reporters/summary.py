"""Counts shared by the reporters (so every format agrees on the numbers)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sos_lint.models import FileResult


def summarise(results: Sequence[FileResult]) -> dict[str, Any]:
    severities: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    for result in results:
        for finding in result.findings:
            severities[str(finding.severity)] += 1
            categories[finding.category] += 1
            codes[finding.code] += 1
    return {
        "files": len(results),
        "files_with_errors": sum(1 for r in results if r.error),
        "findings": sum(severities.values()),
        "by_severity": {k: severities.get(k, 0) for k in ("error", "warning", "info")},
        "by_category": dict(sorted(categories.items())),
        "by_code": dict(sorted(codes.items())),
    }
