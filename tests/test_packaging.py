"""The product as shipped: no network use, rule data inside a built wheel, the quick start."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

NO_NETWORK = textwrap.dedent(
    """
    import socket, sys

    def refuse(*args, **kwargs):
        raise RuntimeError("network access attempted: %r" % (args[:2],))

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from sos_lint.cli import main
    sys.argv = ["sos-lint"] + sys.argv[1:]
    main()
    """
)


def test_lint_makes_no_network_call(examples: Path, tmp_path: Path) -> None:
    """A whole lint, model load included, in a fresh process with outbound sockets blocked."""
    script = tmp_path / "guarded.py"
    script.write_text(NO_NETWORK, encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            str(script),
            "check",
            "--format",
            "json",
            str(examples / "okafor-family-map.md"),
            str(examples / "brown-family-map.docx"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "network access attempted" not in proc.stderr, proc.stderr
    assert proc.returncode in (0, 1), proc.stderr
    payload = json.loads(proc.stdout)
    assert all(f["error"] is None for f in payload["files"])


@pytest.mark.slow
def test_wheel_carries_rules_and_works_in_a_fresh_venv(
    root: Path, tmp_path: Path, examples: Path
) -> None:
    """Build the wheel, install it (no deps) into a new venv that borrows this one's
    dependencies, and lint from outside the source tree so only the wheel's rules can be used."""
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(root),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(dist.glob("sos_lint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "sos_lint/_rules/sections.yml" in names
    assert any(n.startswith("sos_lint/_rules/jargon/") and n.endswith(".csv") for n in names)
    assert "sos_lint/web/index.html" in names  # the page `sos-lint serve` shows

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = [p for p in sys.path if p.endswith("site-packages")]
    Path(site, "borrowed-deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    proc = subprocess.run(
        [
            str(venv / "bin" / "sos-lint"),
            "check",
            "--format",
            "json",
            str(examples / "okafor-family-map.md"),
        ],
        capture_output=True,
        text=True,
        cwd=work,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["files"][0]["findings"]
    where = subprocess.run(
        [str(python), "-c", "from sos_lint.engine.paths import rules_dir; print(rules_dir())"],
        capture_output=True,
        text=True,
        cwd=work,
        check=True,
    ).stdout.strip()
    assert where.startswith(site), where


def test_cache_holds_rule_data_only(tmp_path: Path, examples: Path) -> None:
    """The on-disk cache of term inflections never receives words from the text linted."""
    env = {**__import__("os").environ, "SOS_LINT_CACHE_DIR": str(tmp_path)}
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Harm\n\nZyxwvutian escalated the worries about Quorblet.\n", encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "sos_lint.cli", "check", str(draft)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    files = list(tmp_path.glob("*.json"))
    assert files, "the inflection cache was not written"
    content = "".join(f.read_text(encoding="utf-8") for f in files).lower()
    assert "escalated" in content  # forms of the rule term "escalate"
    assert "zyxwvutian" not in content and "quorblet" not in content
