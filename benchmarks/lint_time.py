"""End-to-end time of `sos-lint check` on a shipped ~1,000-word example, from the shell.

Each run is a fresh process, so the figure includes Python start-up, imports and the spaCy
model load: what a practitioner waits for. Prints the median and the spread of N runs.

    python benchmarks/lint_time.py [--runs 5] [FILE]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "corpora" / "examples" / "okafor-family-map.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = shutil.which("sos-lint") or str(Path(sys.executable).with_name("sos-lint"))
    words = len(Path(args.file).read_text(encoding="utf-8").split())
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        proc = subprocess.run([exe, "check", "--quiet", args.file], capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise SystemExit(proc.stderr.decode())
    print(f"file: {args.file} ({words} words)")
    print(
        f"sos-lint check, fresh process: median {statistics.median(times):.2f}s "
        f"(min {min(times):.2f}s, max {max(times):.2f}s, {args.runs} runs)"
    )


if __name__ == "__main__":
    main()
