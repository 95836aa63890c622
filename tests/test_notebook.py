"""The quality-review notebook runs top to bottom on a small scan, so it never rots."""

from __future__ import annotations

from pathlib import Path

import pytest
from scan_helpers import ROOT, scan_csv

NOTEBOOK = ROOT / "notebooks" / "quality-review.ipynb"


def test_quality_review_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    results, _, (code, _, err) = scan_csv(tmp_path, 120, "--quiet", bad_every=30)
    assert code == 0, err
    monkeypatch.setenv("SOS_LINT_RESULTS", str(results))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "120 records (116 checked)" in text
    assert "grouped by team" in text
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3  # the category, reading-age and danger-statement plots
