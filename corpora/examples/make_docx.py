"""Build brown-family-map.docx, the Word example for sos-lint.

Run with any Python that has python-docx installed:

    python corpora/examples/make_docx.py

The .docx is written beside this script. The output is byte-for-byte the same on every
run: document properties are fixed and the zip members get a fixed timestamp, so a
changed file in a diff always means changed content.

The Brown family, the workers and every event are fictional and were written for
sos-lint. The deliberate faults in the text are listed in README.md beside this script.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "brown-family-map.docx"

# A fixed moment for document properties and zip entries (zip cannot store dates before 1980).
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0, tzinfo=dt.timezone.utc)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# A run is plain text, or (text, "b") for bold, (text, "i") for italic, (text, "bi") for both.
Run = str | tuple[str, str]

TABLE_HEADER = ("What are we worried about?", "What's working well?", "What needs to happen?")

# One row per line of the map; each cell is a list of statements, one paragraph each.
TABLE_ROWS: list[tuple[list[str], list[str], list[str]]] = [
    (
        ["Tyler (3) may have touched Kerry's cannabis on the coffee table on 2 May."],
        [
            "Mick has looked after Tyler and Ellie every Friday and Saturday night since "
            "3 May, when Kerry goes out."
        ],
        ["Kerry will work with services."],
    ),
    (
        ["Kerry has anxiety and struggles to cope."],
        ["Kerry loves her children and wants to do her best for them."],
        ["Kerry will not smoke cannabis."],
    ),
    (
        ["Kerry's parenting capacity is limited."],
        [
            "Jason has phoned Kerry every evening at 7pm since 5 May to check that the "
            "children are in bed."
        ],
        [
            "For the next six months, Kerry will give Ellie her last feed by 10pm, and Mick "
            "will phone at 10.30pm to check Kerry is awake. The health visitor will weigh "
            "Ellie every fortnight and tell Sam how she is doing.",
        ],
    ),
    (
        [
            "Despite the help that a number of agencies have offered over the past year, "
            "including the health visitor, the nursery and the family support team, Kerry "
            "has continued to struggle with the daily routines that Tyler and Ellie need, "
            "and the situation is now escalating.",
        ],
        ["Tyler runs into nursery smiling and hugs his teacher, Jade."],
        [
            "Sam will contact the nursery by 21 May to set up a phone call on any day "
            "Tyler is not there by 9.30am.",
        ],
    ),
    (
        ["It is felt that Kerry is struggling."],
        [
            "Kerry has a work placement at the café on Mondays, and Mick looks after the "
            "children while she is there."
        ],
        [
            "Kerry will go to the drug and alcohol service on 28 May, and Mick will drive "
            "her there.",
            "From 20 May, Kerry will take Tyler to nursery every weekday. Mick will take him if "
            "Kerry has not left the flat by 9am.",
        ],
    ),
]


def add_runs(paragraph: Paragraph, runs: list[Run]) -> None:
    for item in runs:
        text, style = (item, "") if isinstance(item, str) else item
        run = paragraph.add_run(text)
        if "b" in style:
            run.bold = True
        if "i" in style:
            run.italic = True


def para(doc: DocxDocument, *runs: Run, style: str | None = None) -> None:
    add_runs(doc.add_paragraph(style=style), list(runs))


def bullet(doc: DocxDocument, *runs: Run) -> None:
    para(doc, *runs, style="List Bullet")


def build() -> DocxDocument:
    doc = Document()

    doc.add_heading("Brown family: Signs of Safety map", level=1)
    para(
        doc,
        ("Draft", "b"),
        " for the network meeting on 14 May. Written by Sam Fletcher, social worker.",
    )

    doc.add_heading("Background", level=2)
    para(
        doc,
        "Kerry Brown (24) lives in a first-floor flat in Eastfield with her son, Tyler (3), "
        "and her daughter, Ellie (7 months). Kerry's dad, Mick Brown, lives on the same "
        "estate. Ellie's dad, Jason Moore, lives in Hull.",
    )
    para(doc, "The ", ("ICPC", "b"), " is on 3 June at the Civic Centre.")
    para(doc, "Jason's contact with Ellie is on Sunday afternoons at Mick's flat.")
    para(
        doc,
        "Kerry said: ",
        ("\u201cI know the flat gets in a state when I'm low, but I love my kids.\u201d", "i"),
    )
    para(doc, "Kerry admitted smoking cannabis most evenings.")
    para(doc, "Kerry ", ("refused", "i"), " to let the health visitor weigh Ellie on 9 May.")

    doc.add_heading("Harm", level=2)
    bullet(
        doc,
        "On 2 May Tyler (3) ",
        ("was found", "b"),
        " alone in the corridor outside the flat at 7am.",
    )
    bullet(
        doc,
        "Ellie was left in a wet nappy for most of the day on 9 May. The health visitor saw "
        "that her skin was red and sore.",
    )
    bullet(
        doc,
        "Between February and April, Kerry took Tyler to nursery on 11 of his 40 sessions. "
        "Nursery staff say Tyler has fallen behind with his talking.",
    )
    bullet(doc, "Kerry has issues with cannabis.")
    bullet(doc, "Tyler has seen inappropriate things on Kerry's phone.")

    doc.add_heading("Danger statements", level=2)
    bullet(
        doc,
        "Sam and the health visitor are worried that after Kerry smokes cannabis, she might "
        "not wake when Ellie (7 months) cries at night. ",
        ("Ellie could go hungry and get sore skin from a dirty nappy.", "i"),
    )
    bullet(
        doc,
        "The nursery is worried that Kerry might sleep in again and Tyler (3) might get out "
        "of the flat.",
    )

    doc.add_heading("Complicating factors", level=2)
    bullet(
        doc,
        "Kerry's benefit payments stopped in March after she missed an appointment at the "
        "jobcentre, and she owes \u00a3400 on her electricity meter.",
    )
    bullet(doc, "Jason recently moved to Hull, so he can only visit on Sundays.")
    bullet(
        doc,
        "The flat has damp in both bedrooms, and the council has not yet fixed the broken heating.",
    )

    doc.add_heading("Network meeting map", level=1)
    para(
        doc,
        "Kerry, Mick, Jason, the health visitor and Sam filled in this table together on 14 May.",
    )

    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, TABLE_HEADER, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for row in TABLE_ROWS:
        cells = table.add_row().cells
        for cell, statements in zip(cells, row, strict=True):
            cell.paragraphs[0].add_run(statements[0])
            for statement in statements[1:]:
                cell.add_paragraph(statement)

    doc.add_heading("Scaling", level=1)
    para(
        doc,
        ("0", "b"),
        " means Tyler and Ellie cannot stay living with Kerry. ",
        ("10", "b"),
        " means everyone agrees the children are safe enough with Kerry for Sam to close the case.",
    )
    bullet(doc, "Kerry: 7. ", ("\u201cI'm trying really hard and my dad is helping.\u201d", "i"))
    bullet(doc, "Mick: 5. The flat is tidier, but Kerry still sleeps in on weekday mornings.")
    bullet(
        doc, "Jason: 6. The evening phone calls show Kerry is awake when the children go to bed."
    )
    bullet(
        doc, "Health visitor: 4. Ellie has put on weight since 9 May, but her skin is still sore."
    )
    bullet(
        doc,
        "Sam Fletcher, social worker: 3. The weekend plan has worked for two weeks, but Tyler "
        "still misses nursery most days.",
    )

    doc.add_heading("Words and pictures", level=1)
    para(
        doc,
        "This story is for Tyler and Ellie, for when they are older. Mummy and Grandad Mick "
        "helped to write it.",
    )
    para(
        doc,
        "Sometimes Mummy feels very worried and tired. When she smokes a drug called "
        "cannabis, she falls into a deep sleep and does not hear you.",
    )
    para(
        doc,
        "One morning Tyler went out of the flat on his own while Mummy was asleep. A "
        "neighbour brought him home.",
    )
    para(
        doc,
        "Now Grandad Mick looks after you at weekends, and Daddy phones every night. Mummy is "
        "getting help so that she can stay awake and look after you.",
    )

    props = doc.core_properties
    props.author = "sos-lint examples"
    props.last_modified_by = "sos-lint examples"
    props.title = "Brown family: Signs of Safety map (fictional example)"
    props.comments = "Synthetic example for sos-lint. All names are fictional."
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    return doc


def deterministic_bytes(doc: DocxDocument) -> bytes:
    """Save the document, then repack the zip with fixed member timestamps."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def main() -> None:
    OUTPUT.write_bytes(deterministic_bytes(build()))
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
