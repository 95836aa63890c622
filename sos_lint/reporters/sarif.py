"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards and other tools."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sos_lint.engine.rules import builtin_rules
from sos_lint.models import FileResult

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    if path.startswith("<"):
        return path.strip("<>")
    return Path(path).as_posix()


def render_sarif(results: Sequence[FileResult], **_: object) -> str:
    from sos_lint import __version__

    rules = builtin_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}
                    ],
                }
            )
        for f in result.findings:
            entry: dict[str, Any] = {
                "ruleId": f.code,
                "level": _LEVEL[str(f.severity)],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(result.path)},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                            },
                        }
                    }
                ],
                "properties": {"category": f.category, "section": f.section},
            }
            if f.code in index:
                entry["ruleIndex"] = index[f.code]
            if f.suggestions:
                entry["properties"]["suggestions"] = [s.replacement for s in f.suggestions]
            sarif_results.append(entry)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "sos-lint",
                "version": __version__,
                "informationUri": "https://example.invalid/sos-lint",
                "rules": [
                    {
                        "id": rule.code,
                        "name": rule.name,
                        "shortDescription": {"text": rule.name.replace("-", " ")},
                        "fullDescription": {"text": rule.explanation},
                        "defaultConfiguration": {"level": _LEVEL[str(rule.level)]},
                        "properties": {"category": rule.category},
                    }
                    for rule in rules
                ],
            }
        },
        "results": sarif_results,
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2)
