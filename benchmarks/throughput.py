"""Batch-scan throughput against raw spaCy, and peak memory as the input grows.

In one process, on the same generated records: raw ``nlp.pipe`` over the record texts with
the same model and the same components the scan uses (the parser only for records whose
section has a rule that needs it; never NER), then ``scan --jobs 1`` and ``scan --jobs 2``
through the Python API (reading the CSV, writing JSONL, the summary: the whole scan).

    python benchmarks/throughput.py --records 5000
    python benchmarks/throughput.py --records 2000 --memory 10000,100000

Targets (benchmarks, not tests): scan --jobs 1 at least 0.7 of raw spaCy's words per second;
--jobs 2 at least 1.4 times --jobs 1 on two cores. ``--memory`` runs ``sos-lint scan`` in a
child process per size and samples the resident memory of it and its workers.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_records import write_csv


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def _descendants(pid: int) -> list[int]:
    out = []
    for child in _children(pid):
        out.append(child)
        out.extend(_descendants(child))
    return out


def measure_memory(command: list[str]) -> dict[str, float]:
    """Run ``command``; peak RSS (MiB) of the main process, of one worker, and in total."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peaks = {"main": 0, "worker": 0, "total": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            main = _rss_kib(process.pid)
            workers = [_rss_kib(p) for p in _descendants(process.pid)]
            peaks["main"] = max(peaks["main"], main)
            peaks["worker"] = max([peaks["worker"], *workers])
            peaks["total"] = max(peaks["total"], main + sum(workers))
            stop.wait(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    started = time.perf_counter()
    thread.start()
    process.wait()
    stop.set()
    thread.join()
    if process.returncode != 0:
        raise SystemExit(f"scan failed with exit code {process.returncode}: {' '.join(command)}")
    return {
        "seconds": time.perf_counter() - started,
        **{k: v / 1024 for k, v in peaks.items()},
    }


def throughput(records: int, workdir: Path, batch_size: int, jobs: list[int]) -> None:
    import pandas as pd

    from sos_lint import nlp as nlp_module
    from sos_lint.api import get_linter
    from sos_lint.batch import ScanOptions, run_scan
    from sos_lint.config import Config
    from sos_lint.document import HeadingTable

    source = workdir / f"records-{records}.csv"
    write_csv(source, records)
    config = Config()
    linter = get_linter(config)
    linter.nlp("Warm the model up.")
    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    headings = HeadingTable.build(config.headings)
    texts = frame["note"].tolist()
    sections = [headings.lookup(s) or "general" if s else "general" for s in frame["section"]]
    words = sum(len(t.split()) for t in texts)
    print(f"{records:,} records, {words:,} words ({words / records:.0f} per record)")
    print(
        f"model {linter.nlp.meta.get('name')} {linter.nlp.meta.get('version')}; "
        f"{len(linter.rules)} rules; parser needed by rules in "
        f"{sum(linter.needs_parse(s) for s in set(sections))} of {len(set(sections))} section types"
    )

    # Raw spaCy: the same texts, the same components (parser only where the scan uses it).
    started = time.perf_counter()
    for with_parser in (True, False):
        batch = [
            t for t, s in zip(texts, sections, strict=True) if linter.needs_parse(s) is with_parser
        ]
        for _ in nlp_module.pipe(linter.nlp, batch, parser=with_parser, batch_size=128):
            pass
    raw = words / (time.perf_counter() - started)
    print(f"raw spaCy nlp.pipe      {raw:10,.0f} words/s")

    rates: dict[int, float] = {}
    for n in jobs:
        options = ScanOptions(
            inputs=(str(source),),
            output=str(workdir / f"out-{n}.jsonl"),
            text_columns=("note",),
            id_column="record_id",
            section_column="section",
            group_by=("team", "service"),
            jobs=n,
            batch_size=batch_size,
        )
        cpu = time.process_time()
        started = time.perf_counter()
        result = run_scan(options, config)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        rates[n] = result.words / seconds
        print(
            f"scan --jobs {n:<2}          {rates[n]:10,.0f} words/s  "
            f"({result.scanned:,} records in {seconds:.1f} s, {result.scanned / seconds:,.0f} "
            f"records/s; main process CPU {cpu:.1f} s)"
        )
    if 1 in rates:
        print(f"ratio scan --jobs 1 / raw spaCy: {rates[1] / raw:.2f} (target >= 0.7)")
    if 1 in rates and 2 in rates:
        print(f"ratio scan --jobs 2 / --jobs 1:  {rates[2] / rates[1]:.2f} (target >= 1.4)")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {own:,.0f} MiB, largest worker {workers:,.0f} MiB")


def memory_check(sizes: list[int], workdir: Path, jobs: int, select: str | None) -> None:
    print(f"memory check: sos-lint scan --jobs {jobs}" + (f" --select {select}" if select else ""))
    results = []
    for size in sizes:
        source = workdir / f"memory-{size}.csv"
        write_csv(source, size, bad_every=1000)
        command = [
            sys.executable, "-m", "sos_lint.cli", "scan", str(source),
            "-o", str(workdir / f"memory-{size}.jsonl"), "--text-column", "note",
            "--id-column", "record_id", "--section-column", "section", "--group-by", "team",
            "--jobs", str(jobs), "--quiet",
        ]  # fmt: skip
        if select:
            command += ["--select", select]
        peak = measure_memory(command)
        results.append((size, peak))
        print(
            f"  {size:>9,} records: {peak['seconds']:7.1f} s; peak RSS main {peak['main']:6.0f} MiB, "
            f"worker {peak['worker']:6.0f} MiB, total {peak['total']:6.0f} MiB"
        )
        source.unlink()
    if len(results) > 1:
        first, last = results[0][1], results[-1][1]
        growth = last["total"] / first["total"] - 1
        print(
            f"  growth {results[0][0]:,} -> {results[-1][0]:,} records: {growth:+.0%} (target within 20%)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=5000, help="records for the throughput run")
    parser.add_argument("--jobs", default="1,2", help="scan --jobs values to time")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--memory", help="record counts for the memory check, e.g. 10000,100000")
    parser.add_argument("--memory-jobs", type=int, default=2)
    parser.add_argument("--memory-select", help="rules for the memory check (e.g. SOS1 for speed)")
    parser.add_argument(
        "--workdir", help="folder for the generated files (default: a temporary one)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sos-lint-bench-") as temp:
        workdir = Path(args.workdir or temp)
        workdir.mkdir(parents=True, exist_ok=True)
        if args.records:
            throughput(
                args.records, workdir, args.batch_size, [int(j) for j in args.jobs.split(",") if j]
            )
        if args.memory:
            memory_check(
                [int(s) for s in args.memory.split(",")],
                workdir,
                args.memory_jobs,
                args.memory_select,
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
