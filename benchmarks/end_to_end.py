"""End-to-end check of a large scan: every id once, injected bad rows reported, the rest linted.

    python benchmarks/end_to_end.py --records 50000 --jobs 2

Generates a CSV with a group column and bad rows (empty, numeric, oversized, invalid UTF-8)
every ``--bad-every`` records, runs ``sos-lint scan`` on it in a child process, then reads the
JSONL output back and checks it. The test suite checks the same properties on 2,000 records
(tests/test_batch.py); this is the full-size run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_records import write_csv

REASONS = {
    "empty": "empty text",
    "numeric": "non-text cell",
    "oversized": "text over the size limit",
    "invalid-utf8": "undecodable bytes",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--bad-every", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--max-chars", type=int, default=20_000)
    parser.add_argument("--workdir", help="keep the files here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sos-lint-e2e-") as temp:
        folder = Path(args.workdir or temp)
        folder.mkdir(parents=True, exist_ok=True)
        source, output = folder / "records.csv", folder / "results.jsonl"
        bad = write_csv(source, args.records, bad_every=args.bad_every, max_chars=args.max_chars)
        print(f"generated {args.records:,} records ({len(bad):,} bad) in {source}")
        command = [
            sys.executable, "-m", "sos_lint.cli", "scan", str(source), "-o", str(output),
            "--text-column", "note", "--id-column", "record_id", "--section-column", "section",
            "--group-by", "team,service", "--jobs", str(args.jobs),
            "--max-chars", str(args.max_chars), "--quiet",
        ]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"scan failed ({done.returncode}): {done.stderr}")
        ids: Counter[str] = Counter()
        statuses: Counter[str] = Counter()
        wrong: list[str] = []
        words = 0
        with output.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                ids[record["id"]] += 1
                statuses[record["status"]] += 1
                words += record["words"]
                kind = bad.get(record["id"])
                if kind is None and record["status"] != "ok":
                    wrong.append(f"{record['id']}: unexpected error {record['error']!r}")
                if kind is not None and not (
                    record["status"] == "error" and record["error"].startswith(REASONS[kind])
                ):
                    wrong.append(f"{record['id']}: {kind} row reported as {record['error']!r}")
        expected = {f"R{i:07d}" for i in range(1, args.records + 1)}
        missing = expected - set(ids)
        repeated = [i for i, n in ids.items() if n > 1]
        print(
            f"scanned in {seconds:.0f} s ({words / seconds:,.0f} words/s, "
            f"{args.records / seconds:,.0f} records/s) with --jobs {args.jobs}"
        )
        print(
            f"statuses: {dict(statuses)}; missing ids: {len(missing)}; repeated ids: {len(repeated)}"
        )
        print(
            f"bad rows reported correctly: {len(bad) - sum(1 for w in wrong if 'row reported' in w)} of {len(bad)}"
        )
        if missing or repeated or wrong:
            for problem in wrong[:10]:
                print("  " + problem)
            raise SystemExit("FAILED")
        print("OK: every id once, every bad row reported, every other record linted")


if __name__ == "__main__":
    main()
