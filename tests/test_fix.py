"""``--fix`` and ``--diff``: safe replacements only, inflected to fit, never overlapping, and
gone when the fixed file is linted again; Word files keep their formatting."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from sos_lint import lint_file, lint_text
from sos_lint.cli import main
from sos_lint.config import Config
from sos_lint.engine.rules import builtin_rules
from sos_lint.fix import Edit, apply_edits, fix_result, inflect_like, plan_edits
from sos_lint.models import FileResult, Suggestion

# Rules whose work is done elsewhere in the suite; keeps these tests about fixing.
CONFIG = Config(select=("jargon", "vague", "judgemental", "hedging", "tool"))
EXTRA = (
    "\n## Notes added for the fixing tests\n\n"
    "- The nurse noted several contusions on Chidi's arm prior to the visit.\n"
    "- Commenced on 3 May: Grace utilised the food bank in order to feed the children.\n"
    "- Nkechi resides nearby and assisted with the school run every day.\n"
)


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input)


def _fixable(result: FileResult) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in result.findings if any(s.safe for s in f.suggestions)]


# -- replacements -------------------------------------------------------------------------


def test_replacements_take_case_and_inflection() -> None:
    text = (
        "Commenced on 3 May. Mum utilised the food bank. Dad utilises it too. "
        "The nurse saw two contusions and one laceration. Gran is utilising her car."
    )
    result = lint_text(text, section="harm", config=CONFIG)
    edits, notes = plan_edits(result)
    fixed = apply_edits(text, edits)
    assert fixed == (
        "Started on 3 May. Mum used the food bank. Dad uses it too. "
        "The nurse saw two bruises and one cut. Gran is using her car."
    )
    assert not notes


def test_inflection_uses_the_tag_of_the_matched_word(nlp: Any) -> None:
    doc = nlp("Escalated worries were noted. He has looked after children. The placements ended.")
    assert inflect_like("raise with a manager", [doc[0]]) == "raised with a manager"
    term = frozenset({"looked", "after", "child"})
    assert inflect_like("a child in care", list(doc[7:10]), term) == "children in care"
    assert inflect_like("home", [doc[12]]) == "homes"
    assert inflect_like("where the child lives", [doc[12]]) is None  # left for the writer


def test_article_follows_the_replacement() -> None:
    text = "Gran gave an additional blanket."
    result = lint_text(text, section="general", config=CONFIG)
    edits, _ = plan_edits(result)
    assert apply_edits(text, edits) == "Gran gave an extra blanket."


def test_only_safe_suggestions_are_applied() -> None:
    text = "Kai is LAC and the home is chaotic. Mum commenced a course."
    result = lint_text(text, section="harm", config=CONFIG)
    edits, _ = plan_edits(result)
    assert apply_edits(text, edits) == "Kai is LAC and the home is chaotic. Mum started a course."


def test_fixes_never_overlap() -> None:
    text = "Gran is here prior to the visit."
    base = lint_text(text, section="harm", config=CONFIG)
    finding = next(f for f in base.findings if f.text == "prior to")
    start, end = text.index("here"), text.index(" the visit")
    wider = replace(
        finding,
        start=start,
        end=end,
        text="here prior to",
        suggestions=(Suggestion("early, before", True),),
    )
    inner = replace(finding, start=end - 5, end=end, suggestions=(Suggestion("earlier", True),))
    clash = FileResult(base.path, (finding, wider, inner), base.document)
    edits, _ = plan_edits(clash)
    assert [(e.start, e.end) for e in edits] == [(start, end)]
    assert apply_edits(text, edits) == "Gran is early, before the visit."


def test_stale_suppression_comments_are_removed_with_their_enable() -> None:
    text = (
        "# Harm\n\n"
        "<!-- sos-lint: disable SOS101 -->\n"
        "Kai goes to school.\n"
        "<!-- sos-lint: enable SOS101 -->\n"
        "Gran takes him. <!-- sos-lint: ignore SOS102 -->\n"
    )
    result = lint_text(text, path="a.md", config=CONFIG)
    assert [f.code for f in result.findings] == ["SOS001", "SOS001"]
    edits, _ = plan_edits(result)
    assert apply_edits(text, edits) == "# Harm\n\nKai goes to school.\nGran takes him.\n"


def test_apply_edits_keeps_everything_else() -> None:
    assert apply_edits("abc def ghi", [Edit(4, 7, "XY", ("SOS1",))]) == "abc XY ghi"


# -- the command line ---------------------------------------------------------------------


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(
        "# Harm\n\n- Mum utilised the food bank prior to Christmas.\n", encoding="utf-8"
    )
    return path


def test_fix_writes_in_place_with_a_backup(draft: Path) -> None:
    original = draft.read_text(encoding="utf-8")
    result = run("check", str(draft), "--fix", "--select", "jargon")
    assert result.exit_code == 0, result.output
    assert (
        draft.read_text(encoding="utf-8")
        == "# Harm\n\n- Mum used the food bank before Christmas.\n"
    )
    assert (draft.parent / "draft.md.bak").read_text(encoding="utf-8") == original
    assert "fixed 2 finding(s)" in result.stderr
    assert not _fixable(lint_file(draft, config=CONFIG))


def test_fix_without_backup(draft: Path) -> None:
    run("check", str(draft), "--fix", "--no-backup", "--select", "jargon")
    assert not (draft.parent / "draft.md.bak").exists()
    assert "used" in draft.read_text(encoding="utf-8")


def test_diff_prints_a_patch_and_writes_nothing(draft: Path) -> None:
    original = draft.read_text(encoding="utf-8")
    result = run("check", str(draft), "--diff", "--select", "jargon")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- {draft}\n+++ {draft}\n@@")  # absolute: no a/ b/
    assert "-- Mum utilised the food bank prior to Christmas.\n" in result.stdout
    assert "+- Mum used the food bank before Christmas.\n" in result.stdout
    assert draft.read_text(encoding="utf-8") == original
    assert not (draft.parent / "draft.md.bak").exists()
    nothing = run("check", str(draft), "--diff", "--select", "SOS301")
    assert nothing.exit_code == 0 and nothing.stdout == ""


def test_fix_keeps_encoding_bom_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("\ufeffMum utilised the café.\r\nGran helps.\r\n".encode())
    run("check", str(path), "--fix", "--select", "jargon")
    assert path.read_bytes() == "\ufeffMum used the café.\r\nGran helps.\r\n".encode()
    old = tmp_path / "old.txt"
    old.write_bytes("Mum utilised the café.\n".encode("cp1252"))
    run("check", str(old), "--fix", "--select", "jargon")
    assert old.read_bytes() == "Mum used the café.\n".encode("cp1252")


def test_fix_on_standard_input_prints_the_fixed_text() -> None:
    result = run("check", "-", "--fix", "--select", "jargon", input="Mum utilised it.\n")
    assert result.stdout == "Mum used it.\n"
    assert "Found 0 finding(s)" in result.stderr


def test_fix_round_trip_on_the_shipped_examples(
    examples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    for path in examples.iterdir():
        if path.suffix in (".md", ".txt"):
            shutil.copy(path, work / path.name)
    okafor = work / "okafor-family-map.md"
    okafor.write_text(okafor.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    monkeypatch.chdir(work)
    names = sorted(p.name for p in work.iterdir())
    originals = {name: (work / name).read_text(encoding="utf-8") for name in names}
    # What should be left: every finding without a safe fix, unless a fix rewrote its words.
    expected: dict[str, list[tuple[str, str]]] = {}
    fixes = 0
    for name in names:
        before = lint_file(name, config=CONFIG)
        edits, _ = plan_edits(before)
        fixes += len(edits)
        expected[name] = sorted(
            (f.code, f.text)
            for f in before.findings
            if not any(s.safe for s in f.suggestions)
            and not any(e.start < f.end and f.start < e.end for e in edits)
        )
    selection = ",".join(CONFIG.select)
    diff = run("check", *names, "--diff", "--select", selection)
    assert diff.exit_code == 1 and diff.stdout.count("+++ b/") == 1  # only okafor has safe fixes
    fixed = run("check", *names, "--fix", "--select", selection)
    assert fixes == 7
    assert f"fixed {fixes} finding(s) in okafor-family-map.md" in fixed.stderr, fixed.stderr
    for name in names:
        after = lint_file(name, config=CONFIG)
        assert not _fixable(after), name
        assert sorted((f.code, f.text) for f in after.findings) == expected[name], name
    assert okafor.read_text(encoding="utf-8").endswith(
        "\n## Notes added for the fixing tests\n\n"
        "- The nurse noted several bruises on Chidi's arm before the visit.\n"
        "- Started on 3 May: Grace used the food bank to feed the children.\n"
        "- Nkechi lives nearby and helped with the school run every day.\n"
    )
    # The diff printed before fixing is a correct patch: applied to the originals it gives
    # exactly the fixed files.
    restored = tmp_path / "restored"
    restored.mkdir()
    for name, text in originals.items():
        (restored / name).write_text(text, encoding="utf-8")
    applied = subprocess.run(
        ["patch", "-p1", "--quiet"], input=diff.stdout, text=True, cwd=restored, capture_output=True
    )
    assert applied.returncode == 0, applied.stderr
    for name in names:
        assert (restored / name).read_text(encoding="utf-8") == (work / name).read_text(
            encoding="utf-8"
        )


def test_every_safe_entry_is_fixed_away_in_its_rule_examples() -> None:
    for rule in builtin_rules():
        if not any(e.safe for e in rule.entries):
            continue
        for example in rule.flag_examples:
            section = example.section or "general"
            config = Config(select=(rule.code,))
            result = lint_text(example.text, section=section, config=config)
            fixed = fix_result(result, write=False)
            if not fixed.edits:
                continue
            again = lint_text(fixed.fixed, section=section, config=config)
            fixed_spans = {(e.start, e.end) for e in fixed.edits}
            assert len(again.findings) <= len(result.findings) - len(fixed_spans), (
                rule.code,
                example.text,
                fixed.fixed,
            )


# -- Word documents -----------------------------------------------------------------------


def _paragraph_xml(document: Any) -> list[bytes]:
    body = document.element.body
    return [etree.tostring(p) for p in body.iter("{*}p")]


def _runs(paragraph: Any) -> list[tuple[str, bool | None, bool | None]]:
    return [(r.text, r.bold, r.italic) for r in paragraph.runs]


def test_docx_round_trip_keeps_untouched_text_and_styles(examples: Path, tmp_path: Path) -> None:
    source = tmp_path / "brown.docx"
    document = docx.Document(str(examples / "brown-family-map.docx"))
    # Safe terms inside plain runs, inside a bold run and split across two runs.
    document.paragraphs[4].runs[2].text = " is on 3 June at the Civic Centre, prior to the review."
    extra = document.paragraphs[7]
    extra.add_run(" Gran ")
    extra.add_run("assist").bold = True
    extra.add_run("ed with the school run.")
    cell = document.tables[0].rows[1].cells[2].paragraphs[0]
    cell.runs[0].text = "Kerry will utilise the nursery."
    document.save(str(source))
    source_bytes = source.read_bytes()

    result = run("check", str(source), "--fix", "--select", ",".join(CONFIG.select))
    target = tmp_path / "brown.fixed.docx"
    assert target.exists() and source.read_bytes() == source_bytes  # never overwritten
    assert "fixed 3 finding(s)" in result.stderr
    assert not (tmp_path / "brown.docx.bak").exists()

    before, after = docx.Document(str(source)), docx.Document(str(target))
    assert _runs(after.paragraphs[4]) == [
        ("The ", None, None),
        ("ICPC", True, None),
        (" is on 3 June at the Civic Centre, before the review.", None, None),
    ]
    assert _runs(after.paragraphs[7])[1:] == [
        (" Gran ", None, None),
        ("helped", True, None),
        (" with the school run.", None, None),
    ]
    fixed_cell = after.tables[0].rows[1].cells[2].paragraphs[0]
    assert fixed_cell.text == "Kerry will use the nursery."
    # every other paragraph is byte-for-byte the same XML, so its runs and styles are kept
    old_xml, new_xml = _paragraph_xml(before), _paragraph_xml(after)
    assert len(old_xml) == len(new_xml)
    changed = [i for i, (a, b) in enumerate(zip(old_xml, new_xml, strict=True)) if a != b]
    assert len(changed) == 3
    for i in (1, 6, 8):  # bold "Draft", italic quotation, italic "refused"
        assert _runs(after.paragraphs[i]) == _runs(before.paragraphs[i])
    assert [p.style.name for p in after.paragraphs] == [p.style.name for p in before.paragraphs]
    again = lint_file(target, config=CONFIG)
    assert not _fixable(again)
    assert sorted((f.code, f.text) for f in again.findings) == sorted(
        (f.code, f.text)
        for f in lint_file(source, config=CONFIG).findings
        if not any(s.safe for s in f.suggestions)
    )


def test_docx_without_safe_fixes_is_not_written(examples: Path, tmp_path: Path) -> None:
    source = tmp_path / "brown.docx"
    shutil.copy(examples / "brown-family-map.docx", source)
    result = run("check", str(source), "--fix", "--select", ",".join(CONFIG.select))
    assert result.exit_code == 1
    assert not (tmp_path / "brown.fixed.docx").exists()
