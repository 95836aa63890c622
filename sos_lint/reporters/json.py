"""``--format json``: one documented object for other systems (schema_version 1)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from sos_lint.models import FileResult
from sos_lint.reporters.summary import summarise

SCHEMA_VERSION = "1.0"


def file_entry(result: FileResult) -> dict[str, Any]:
    document = result.document
    sections: list[dict[str, Any]] = []
    if document is not None:
        for section in document.sections:
            sections.append(
                {
                    "index": section.index,
                    "type": section.type,
                    "heading": section.heading,
                    "start": section.start,
                    "end": section.end,
                    "line": section.line,
                    "statements": [
                        {
                            k: v
                            for k, v in asdict(document.statements[i]).items()
                            if k != "section_index"
                        }
                        for i in section.statement_indexes
                    ],
                }
            )
    entry: dict[str, Any] = {
        "path": result.path,
        "error": result.error,
        "notices": list(result.notices),
        "sections": sections,
        "findings": [f.to_dict() for f in result.findings],
        "summary": summarise([result]),
    }
    if result.readability is not None:
        entry["readability"] = result.readability
    return entry


def json_payload(results: Sequence[FileResult]) -> dict[str, Any]:
    """The whole ``--format json`` object (the HTTP API answers with the same one)."""
    from sos_lint import __version__

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "sos-lint", "version": __version__},
        "files": [file_entry(r) for r in results],
        "summary": summarise(results),
    }


def render_json(results: Sequence[FileResult], **_: object) -> str:
    return json.dumps(json_payload(results), indent=2, ensure_ascii=False)
