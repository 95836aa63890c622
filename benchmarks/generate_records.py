"""Deterministic synthetic case-note records for batch-scan tests and benchmarks.

Every family, worker and event is fictional: the names come from the lists below and the
sentences from templates written for sos-lint. Record ``i`` depends only on the seed and
``i``, so a larger file starts with the same records as a smaller one.

    python benchmarks/generate_records.py 50000 -o records.csv --bad-every 500

Columns: ``record_id``, ``team``, ``worker``, ``service``, ``section``, ``child_name``,
``carer_name``, ``note``. ``--bad-every N`` replaces every Nth record with a bad row, in turn:
empty text, a number, an oversized text, invalid UTF-8 bytes (CSV only; elsewhere empty).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHILDREN = (
    "Kai",
    "Mia",
    "Leo",
    "Amara",
    "Tomasz",
    "Priya",
    "Dylan",
    "Zainab",
    "Callum",
    "Noor",
    "Ellis",
    "Femi",
    "Ravi",
    "Oksana",
    "Declan",
    "Ines",
    "Jun",
    "Bethan",
    "Yusuf",
    "Lottie",
)
CARERS = (
    "Lorna",
    "Marek",
    "Shona",
    "Tariq",
    "Denise",
    "Gareth",
    "Folake",
    "Anil",
    "Rhiannon",
    "Stefan",
    "Bernadette",
    "Kwame",
    "Siobhan",
    "Dariusz",
    "Yasmin",
    "Colin",
)
SURNAMES = (
    "Okafor",
    "Brennan",
    "Kowalski",
    "Mahmoud",
    "Osei",
    "Larkin",
    "Dunmore",
    "Haversham",
    "Nakamura",
    "Quigley",
    "Ferreira",
    "Abernethy",
    "Pemberton",
    "Achterberg",
    "Lindqvist",
)
RELATIONS = ("mum", "dad", "stepdad", "gran", "aunt")
TEAMS = ("North", "South", "East", "West", "Children in Care")
SERVICES = ("Early Help", "Child Protection", "Children in Need", "Fostering")
SECTIONS = (
    "Danger statement",
    "Harm",
    "What's working well",
    "Safety goal",
    "Next steps",
    "Complicating factors",
    "Existing safety",
    "Case note",  # not a Signs of Safety heading: counted as general with a warning
    "",
)
PLACES = ("at school", "at home", "at the park", "in the car", "at Gran's flat", "at the shops")
WHEN = (
    "on Monday",
    "last night",
    "on 3 March",
    "at the weekend",
    "after school",
    "on Friday evening",
)

TEMPLATES: dict[str, tuple[str, ...]] = {
    "Danger statement": (
        "{school} and children's services are worried that when {carer} has been drinking, "
        "{carer} might shout at {child} and push {him} again, and {child} ({age}) could be hurt "
        "and feel scared to be at home.",
        "Social care are worried that {child} is at risk of significant harm due to "
        "{carer}'s chaotic lifestyle and concerns around parenting capacity.",
        "There are concerns that {carer} may have been using substances and that the home "
        "conditions are poor.",
    ),
    "Harm": (
        "{when} {carer}, {child}'s {relation}, pushed {child} ({age}) against the kitchen "
        "door after shouting at {him}; {child} had a bruise on {his} arm.",
        "{child} was hit and an injury was sustained. An incident of domestic abuse was "
        "reported {when}.",
        "{carer} failed to engage with services and refused to let the worker see {child}.",
    ),
    "What's working well": (
        "{gran} collects {child} from school every Tuesday and Thursday and gives {him} tea.",
        "{carer} loves {child} and wants {him} home; {carer} presents as motivated to change.",
        "{child} told {his} teacher that {he} likes reading with {carer} at bedtime.",
    ),
    "Safety goal": (
        "For the next six months, whenever {carer} has been drinking, {gran} will look after "
        "{child} at {his} flat and {child} will tell {his} teacher each week that home feels calm.",
        "{carer} will engage with services and attend all LAC reviews and the ICPC.",
        "{carer} needs to understand the impact of {his_carer} behaviour on {child}.",
    ),
    "Next steps": (
        "The social worker will visit {child} {place} by Friday and talk with {him} alone.",
        "A strategy meeting will be convened and the LADO will be informed; contact will be "
        "supervised until the PLO meeting.",
        "{carer} will ring the family support worker by Wednesday to book the parenting group.",
    ),
    "Complicating factors": (
        "{carer} has been out of work since March and the family owe rent arrears.",
        "{carer} is depressed and appears to be non-compliant with medication.",
        "{carer} speaks Polish at home and {child} often translates for {his_carer} at meetings.",
    ),
    "Existing safety": (
        "Since March, every time {carer} has been drinking, {gran} has collected {child} "
        "from school and {he} has slept at {his} gran's house.",
        "{carer} is a protective factor and has good insight into the risks.",
    ),
    "Case note": (
        "Home visit completed {when}. {child} presented as withdrawn and {carer} was hostile "
        "towards the worker. Escalated to the team manager.",
        "Telephone call with {carer} {when}. {carer} said {child} is settled {place} and "
        "eating well.",
        "Visited {child} {place}. {child} showed me {his} drawings and talked about {his} "
        "friends. {carer} made tea and we agreed the next visit.",
    ),
}
TEMPLATES[""] = TEMPLATES["Case note"]
SCHOOLS = ("Hillside Primary", "St Aidan's school", "Brookfield Academy", "the nursery")


@dataclass(frozen=True)
class Record:
    record_id: str
    team: str
    worker: str
    service: str
    section: str
    child_name: str
    carer_name: str
    note: Any
    bad: str | None = None  # which bad row this is, if any


def _note(rng: random.Random, section: str, names: dict[str, str]) -> str:
    templates = TEMPLATES[section]
    count = min(len(templates), rng.randint(2, 4))
    sentences = [t.format(**names) for t in rng.sample(templates, count)]
    if rng.random() < 0.3:
        extra = rng.choice(TEMPLATES["Case note"]).format(**names)
        return " ".join(sentences) + "\n\n" + extra
    return " ".join(sentences)


def record(index: int, seed: int = 0, bad_every: int = 0, max_chars: int = 100_000) -> Record:
    """Record ``index`` (0-based) of the stream for ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    child = rng.choice(CHILDREN)
    carer = rng.choice(CARERS)
    family = rng.choice(SURNAMES)
    gran = rng.choice(CARERS)
    boy = rng.random() < 0.5
    names = {
        "child": child,
        "carer": carer,
        "gran": f"Gran {gran}" if rng.random() < 0.5 else gran,
        "relation": rng.choice(RELATIONS),
        "age": str(rng.randint(2, 15)),
        "him": "him" if boy else "her",
        "his": "his" if boy else "her",
        "he": "he" if boy else "she",
        "his_carer": rng.choice(("his", "her")),
        "school": rng.choice(SCHOOLS),
        "place": rng.choice(PLACES),
        "when": rng.choice(WHEN),
    }
    section = rng.choice(SECTIONS)
    note: Any = _note(rng, section, names)
    bad = None
    if bad_every and index % bad_every == bad_every - 1:
        bad = ("empty", "numeric", "oversized", "invalid-utf8")[(index // bad_every) % 4]
        note = {
            "empty": "",
            "numeric": str(rng.randint(1000, 99999)),
            "oversized": ("The worker visited the family at home. " * (max_chars // 30 + 10)),
            "invalid-utf8": note,  # the writer breaks its bytes
        }[bad]
    return Record(
        record_id=f"R{index + 1:07d}",
        team=rng.choice(TEAMS),
        worker=f"SW{rng.randint(1, 24):02d}",
        service=rng.choice(SERVICES),
        section=section,
        child_name=f"{child} {family}",
        carer_name=f"{carer} {family}",
        note=note,
        bad=bad,
    )


def records(
    count: int, seed: int = 0, bad_every: int = 0, max_chars: int = 100_000
) -> Iterator[Record]:
    for index in range(count):
        yield record(index, seed, bad_every, max_chars)


COLUMNS = ("record_id", "team", "worker", "service", "section", "child_name", "carer_name", "note")


def _csv_field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def write_csv(
    path: str | Path,
    count: int,
    seed: int = 0,
    bad_every: int = 0,
    sep: str = ",",
    max_chars: int = 100_000,
) -> dict[str, str]:
    """Write a CSV (or TSV) file; returns {record_id: kind} of the bad rows."""
    bad: dict[str, str] = {}
    with open(path, "wb") as out:
        out.write((sep.join(COLUMNS) + "\n").encode())
        for rec in records(count, seed, bad_every, max_chars):
            values = [getattr(rec, c) for c in COLUMNS]
            line = sep.join(_csv_field(str(v)) for v in values).encode("utf-8")
            if rec.bad == "invalid-utf8":
                # A lone continuation byte and a truncated sequence: not UTF-8 at all.
                line = line[:-1] + b" caf\xe9 \x80\xff" + line[-1:]
            if rec.bad:
                bad[rec.record_id] = rec.bad
            out.write(line + b"\n")
    return bad


def write_table(
    path: str | Path, count: int, seed: int = 0, bad_every: int = 0, max_chars: int = 100_000
) -> dict[str, str]:
    """Write JSONL, Parquet or Excel by the suffix; numbers stay numbers."""
    path = Path(path)
    bad: dict[str, str] = {}
    rows = []
    for rec in records(count, seed, bad_every, max_chars):
        row = {c: getattr(rec, c) for c in COLUMNS}
        if rec.bad == "numeric":
            row["note"] = int(rec.note)
        if rec.bad == "invalid-utf8":
            row["note"] = ""
        if rec.bad:
            bad[rec.record_id] = "empty" if rec.bad == "invalid-utf8" else rec.bad
        rows.append(row)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with open(path, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        # Parquet columns have one type: a numeric note becomes its text there.
        for row in rows:
            row["note"] = str(row["note"]) if isinstance(row["note"], int) else row["note"]
        pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=1000)
    elif suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("records")
        sheet.append(list(COLUMNS))
        for row in rows:
            note = row["note"]
            if isinstance(note, str) and len(note) > 32_000:
                note = note[:32_000]  # Excel's cell limit
            sheet.append([row[c] if c != "note" else note for c in COLUMNS])
        book.save(path)
    else:
        raise SystemExit(f"unsupported output {path.suffix!r}")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of records")
    parser.add_argument(
        "-o", "--output", required=True, help=".csv, .tsv, .jsonl, .parquet or .xlsx"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--bad-every", type=int, default=0, help="make every Nth record a bad row")
    parser.add_argument(
        "--max-chars", type=int, default=100_000, help="size limit the oversized rows exceed"
    )
    parser.add_argument("--bad-ids", help="write the bad rows' ids and kinds to this JSON file")
    args = parser.parse_args()
    suffix = Path(args.output).suffix.lower()
    if suffix in (".csv", ".tsv"):
        bad = write_csv(
            args.output,
            args.count,
            args.seed,
            args.bad_every,
            "\t" if suffix == ".tsv" else ",",
            args.max_chars,
        )
    else:
        bad = write_table(args.output, args.count, args.seed, args.bad_every, args.max_chars)
    if args.bad_ids:
        Path(args.bad_ids).write_text(json.dumps(bad, indent=1), encoding="utf-8")
    print(f"wrote {args.count:,} records to {args.output} ({len(bad):,} bad rows)")


if __name__ == "__main__":
    main()
