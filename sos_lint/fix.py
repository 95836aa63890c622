"""Applying safe suggestions: ``sos-lint check --fix`` and ``--diff``.

Only a suggestion marked ``safe`` is applied (a term-table entry whose first alternative
cannot change the meaning, or the removal of a stale sos-lint comment). A replacement takes
the original's capitalisation and inflection: the spaCy tag of the matched word ("Escalated"
is VBD, "placements" is NNS) is given to lemminflect to inflect the alternative's head word.
Where that cannot be done the fix is left for the writer. Fixes never overlap.

Text and Markdown files are rewritten in place, keeping their encoding and line endings,
with a backup (``FILE.bak``) unless asked not to. A Word document is never overwritten: the
fixed copy is written beside it as ``NAME.fixed.docx``, and only the runs that hold replaced
characters are edited, so every other run keeps its formatting.
"""

from __future__ import annotations

import difflib
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lemminflect import getAllInflections, getInflection, getLemma

from sos_lint import nlp as nlp_module
from sos_lint.config import Config
from sos_lint.models import Document, FileResult, Finding, Statement

BACKUP_SUFFIX = ".bak"
_ENABLE_COMMENT = re.compile(r"<!--\s*sos-lint\s*:\s*enable\b.*?-->", re.I | re.S)
DOCX_FIXED_SUFFIX = ".fixed.docx"

_INFLECTED_TAGS = {
    "NNS": "NOUN",
    "NNPS": "NOUN",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBZ": "VERB",
}
# Words that end the head noun phrase of an alternative ("a child | in care").
_PHRASE_BREAKS = frozenset(
    {"of", "in", "with", "for", "to", "from", "who", "that", "where", "which", "about", "at"}
    | {"on", "by", "and", "or", "than"}
)
_ARTICLES = frozenset({"a", "an"})
# Spelling-based exceptions to "an before a vowel letter".
_A_BEFORE_VOWEL = ("uni", "use", "usu", "one", "once", "eu", "ewe")
_AN_BEFORE_CONSONANT = ("hour", "honest", "honour", "heir")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (offsets into the linted text)."""

    start: int
    end: int
    replacement: str
    codes: tuple[str, ...]


@dataclass
class FixOutcome:
    """What fixing one file did, or would do."""

    path: str
    original: str
    fixed: str
    edits: list[Edit] = field(default_factory=list)
    written: str | None = None
    backup: str | None = None
    notices: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff of the text (for Word, of the paragraph text, one line each)."""
        absolute = Path(self.path).is_absolute()
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.fixed.splitlines(keepends=True),
            fromfile=self.path if absolute else f"a/{self.path}",
            tofile=self.path if absolute else f"b/{self.path}",
        )
        out = []
        for line in lines:
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return "".join(out)


# -- choosing the edits -------------------------------------------------------------------


def _safe_replacement(finding: Finding) -> str | None:
    for suggestion in finding.suggestions:
        if suggestion.safe and not suggestion.is_question:
            return suggestion.replacement
    return None


def _statement_of(document: Document, finding: Finding) -> Statement | None:
    if finding.statement_index is not None and finding.statement_index < len(document.statements):
        return document.statements[finding.statement_index]
    return None


def _head_index(words: Sequence[str], upos: str) -> int | None:
    """Which word of an alternative carries its inflection: a verb alternative starts with
    its verb ("raise with a manager"); a noun phrase ends its head noun before the phrase
    breaks off ("a child | in care")."""
    if upos == "VERB":
        return 0 if words and getAllInflections(words[0].lower(), upos="VERB") else None
    head = None
    for i, word in enumerate(words):
        if word.lower() in _PHRASE_BREAKS:
            break
        if getAllInflections(word.lower(), upos="NOUN"):
            head = i
    return head


def inflect_like(
    replacement: str, tokens: Sequence[Any], term_words: frozenset[str] = frozenset()
) -> str | None:
    """``replacement`` inflected as the matched tokens are, or None if that cannot be done.

    ``term_words`` are the words of the term as the table writes them: a matched word
    spelt that way ("looked" in "looked after child") is part of the term, not an
    inflection of it.
    """
    tagged = [
        t for t in tokens if t.tag_ in _INFLECTED_TAGS and t.is_alpha and t.lower_ not in term_words
    ]
    if not tagged:
        return replacement
    nouns = [t for t in tagged if _INFLECTED_TAGS[t.tag_] == "NOUN"]
    target = nouns[-1] if nouns else tagged[0]
    upos = _INFLECTED_TAGS[target.tag_]
    words = replacement.split(" ")
    index = _head_index(words, upos)
    if index is None:
        return None
    word = words[index]
    lemmas = getLemma(word.lower(), upos=upos)
    forms = getInflection(lemmas[0] if lemmas else word.lower(), tag=target.tag_)
    if not forms:
        return None
    words[index] = _same_case(forms[0], word)
    if upos == "NOUN" and len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]  # "a child in care" -> "children in care"
    return " ".join(words)


def _term_words(finding: Finding, replacement: str) -> frozenset[str]:
    """The words, as written in the term table, of the entries this suggestion comes from."""
    from sos_lint.engine.rules import rule_by_code

    rule = rule_by_code(finding.code)
    if rule is None:
        return frozenset()
    words: set[str] = set()
    for entry in rule.entries:
        if entry.alternatives[:1] == (replacement,):
            for variant in entry.variants:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", variant))
    return frozenset(words)


def _same_case(new: str, old: str) -> str:
    if old[:1].isupper() and not old.isupper():
        return new[:1].upper() + new[1:]
    return new


def _sentence_start(text: str, offset: int, statement: Statement | None) -> bool:
    if statement is not None and offset == statement.start:
        return True
    before = text[:offset].rstrip(" \t")
    return not before or before[-1] in '.!?:\n"“'


def _match_case(replacement: str, original: str, at_sentence_start: bool) -> str:
    if not replacement or not original[:1].isupper():
        return replacement
    acronym = len(original) > 1 and original.isupper()
    if acronym and not at_sentence_start:
        return replacement
    return replacement[:1].upper() + replacement[1:]


def _article_for(word: str) -> str:
    lower = word.lower()
    if lower.startswith(_AN_BEFORE_CONSONANT):
        return "an"
    if lower[:1] in "aeiou" and not lower.startswith(_A_BEFORE_VOWEL):
        return "an"
    return "a"


def _with_article(text: str, edit: Edit) -> Edit:
    """Extend an edit over a preceding "a"/"an" that no longer agrees ("an LAC" -> "a ...")."""
    if not edit.replacement:
        return edit
    head = text[: edit.start]
    stripped = head.rstrip(" ")
    if len(head) - len(stripped) != 1:
        return edit
    word_start = len(stripped)
    while word_start > 0 and stripped[word_start - 1].isalpha():
        word_start -= 1
    article = stripped[word_start:]
    if article.lower() not in _ARTICLES or (word_start > 0 and stripped[word_start - 1].isalnum()):
        return edit
    wanted = _article_for(edit.replacement)
    if wanted == article.lower():
        return edit
    wanted = wanted.capitalize() if article[0].isupper() else wanted
    return Edit(word_start, edit.end, f"{wanted} {edit.replacement}", edit.codes)


def _removal(text: str, start: int, end: int, codes: tuple[str, ...]) -> Edit:
    """Delete a span and the spacing it leaves behind (a whole line if nothing else is on it)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return Edit(line_start, min(line_end + 1, len(text)), "", codes)
    if not text[end:line_end].strip():
        while start > line_start and text[start - 1] in " \t":
            start -= 1
    elif start > line_start and text[start - 1] == " " and text[end : end + 1] == " ":
        end += 1
    return Edit(start, end, "", codes)


def _closing_comment(document: Document, finding: Finding) -> tuple[int, int] | None:
    """The ``enable`` comment that closes a stale ``disable`` region, to remove with it."""
    for suppression in document.suppressions:
        if suppression.comment_start != finding.start:
            continue
        match = _ENABLE_COMMENT.match(document.text, suppression.end)
        shared = sum(1 for other in document.suppressions if other.end == suppression.end)
        if match and suppression.end > suppression.comment_end and shared == 1:
            return match.start(), match.end()
    return None


def plan_edits(result: FileResult, nlp: Any | None = None) -> tuple[list[Edit], list[str]]:
    """The safe, non-overlapping edits for a linted file, and notes on fixes left undone."""
    document = result.document
    if document is None:
        return [], []
    text = document.text
    wanted = [(f, r) for f in result.findings if (r := _safe_replacement(f)) is not None]
    statements = {st.index: st for f, _ in wanted if (st := _statement_of(document, f)) is not None}
    docs: dict[int, Any] = {}
    if statements and any(r for _, r in wanted):
        nlp = nlp or nlp_module.load()
        order = sorted(statements)
        parsed = nlp_module.pipe(nlp, (statements[i].text for i in order), parser=False)
        docs = dict(zip(order, parsed, strict=True))
    candidates: list[Edit] = []
    notes: list[str] = []
    for finding, replacement in wanted:
        if not replacement:
            candidates.append(_removal(text, finding.start, finding.end, (finding.code,)))
            closing = _closing_comment(document, finding)
            if closing is not None:
                candidates.append(_removal(text, *closing, (finding.code,)))
            continue
        statement = _statement_of(document, finding)
        if statement is not None and statement.index in docs:
            doc = docs[statement.index]
            span = doc.char_span(
                finding.start - statement.start,
                finding.end - statement.start,
                alignment_mode="expand",
            )
            inflected = inflect_like(
                replacement,
                list(span) if span is not None else [],
                _term_words(finding, replacement),
            )
            if inflected is None:
                notes.append(
                    f"{result.path}:{finding.line}:{finding.column}: {finding.code} not fixed "
                    "(the replacement could not be inflected to fit)"
                )
                continue
            replacement = inflected
        replacement = _match_case(
            replacement, finding.text, _sentence_start(text, finding.start, statement)
        )
        edit = Edit(finding.start, finding.end, replacement, (finding.code,))
        candidates.append(_with_article(text, edit))
    return _non_overlapping(candidates), notes


def _non_overlapping(edits: Iterable[Edit]) -> list[Edit]:
    """One fix per words: on a clash the edit that starts first (or is longer) wins, and
    the same edit from two rules is made once."""
    chosen: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start), e.codes)):
        if chosen and edit.start < chosen[-1].end:
            last = chosen[-1]
            if (edit.start, edit.end, edit.replacement) == (last.start, last.end, last.replacement):
                chosen[-1] = Edit(last.start, last.end, last.replacement, last.codes + edit.codes)
            continue
        chosen.append(edit)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    out: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


# -- writing ------------------------------------------------------------------------------


def _encoding_of(data: bytes) -> tuple[str, bytes]:
    """The encoding a text file was read with (see ``readers.base.decode_bytes``) and its BOM."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8", b"\xef\xbb\xbf"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252", b""
    return "utf-8", b""


def _write_text(path: Path, fixed: str, backup: bool) -> str | None:
    data = path.read_bytes()
    encoding, bom = _encoding_of(data)
    try:
        encoded = fixed.encode(encoding)
    except UnicodeEncodeError:
        encoding, encoded = "utf-8", fixed.encode("utf-8")
    backup_path = None
    if backup:
        backup_path = str(path) + BACKUP_SUFFIX
        shutil.copy2(path, backup_path)
    path.write_bytes(bom + encoded)
    return backup_path


def fix_result(
    result: FileResult,
    nlp: Any | None = None,
    write: bool = True,
    backup: bool = True,
) -> FixOutcome:
    """Plan and (if ``write``) apply the safe fixes of one linted file."""
    document = result.document
    original = document.text if document is not None else ""
    edits, notes = plan_edits(result, nlp)
    outcome = FixOutcome(result.path, original, apply_edits(original, edits), edits, notices=notes)
    if not write or not outcome.changed or result.path in ("<stdin>", "<text>"):
        return outcome
    path = Path(result.path)
    if path.suffix.lower() == ".docx":
        target = path.with_name(path.name[: -len(".docx")] + DOCX_FIXED_SUFFIX)
        applied, notes = write_fixed_docx(path, original, edits, target)
        outcome.edits = applied
        outcome.fixed = apply_edits(original, applied)
        outcome.notices.extend(notes)
        outcome.written = str(target) if applied else None
    else:
        outcome.backup = _write_text(path, outcome.fixed, backup)
        outcome.written = str(path)
    return outcome


# -- Word ---------------------------------------------------------------------------------

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN_TEXT = "w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"


def _paragraphs(document: Any) -> dict[tuple[Any, ...], Any]:
    """Every paragraph by the locator ``readers.docx`` gives its line (same walk, same order)."""
    from sos_lint.readers.docx import iter_body

    found: dict[tuple[Any, ...], Any] = {}
    body_index, table_index = 0, -1
    for kind, item in iter_body(document):
        if kind == "p":
            found[("body", body_index)] = item
            body_index += 1
            continue
        table_index += 1
        seen: dict[int, Any] = {}  # holds the elements so that their ids stay unique
        for r, row in enumerate(item.rows):
            for c, cell in enumerate(row.cells):
                if id(cell._tc) in seen:
                    continue
                seen[id(cell._tc)] = cell._tc
                for p_index, paragraph in enumerate(cell.paragraphs):
                    found[("table", table_index, r, c, p_index)] = paragraph
    return found


def _text_pieces(paragraph: Any) -> list[tuple[Any, str]]:
    """The run content elements of a paragraph and the text python-docx gives each."""
    from docx.oxml.ns import qn

    pieces: list[tuple[Any, str]] = []
    for child in paragraph._p.xpath("w:r | w:hyperlink"):
        runs = [child] if child.tag == qn("w:r") else child.xpath("w:r")
        for run in runs:
            pieces.extend((element, str(element)) for element in run.xpath(_RUN_TEXT))
    return pieces


def _edit_paragraph(paragraph: Any, start: int, end: int, replacement: str) -> bool:
    """Replace characters [start, end) of a paragraph inside the runs that hold them.

    The replacement goes into the text element where the replaced words begin, so it takes
    that run's formatting; the rest of the replaced characters are cut from their runs.
    """
    from docx.oxml.ns import qn

    text_tag = qn("w:t")
    pos = 0
    placed = False
    for element, text in _text_pieces(paragraph):
        piece_start, piece_end = pos, pos + len(text)
        pos = piece_end
        if piece_end <= start or piece_start >= end:
            continue
        if element.tag != text_tag:
            if not placed:
                return False  # the words begin at a tab or break: leave it to the writer
            element.getparent().remove(element)
            continue
        left, right = max(start, piece_start) - piece_start, min(end, piece_end) - piece_start
        element.text = text[:left] + ("" if placed else replacement) + text[right:]
        if element.text != element.text.strip():
            element.set(_XML_SPACE, "preserve")
        placed = True
    return placed


def write_fixed_docx(
    source: Path, text: str, edits: Sequence[Edit], target: Path
) -> tuple[list[Edit], list[str]]:
    """Write ``source`` with ``edits`` applied to ``target``: the edits made, and notes on
    any that could not be (nothing is written if none could)."""
    from sos_lint.readers.docx import ParagraphSpan, open_docx, read_docx

    raw = read_docx(source)
    if raw.text != text:
        return [], [f"{source}: changed since it was checked; no fixes written"]
    spans: list[ParagraphSpan] = list(raw.source or [])
    document = open_docx(source)
    paragraphs = _paragraphs(document)
    notes: list[str] = []
    done: list[Edit] = []
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        span = next((s for s in spans if s.start <= edit.start and edit.end <= s.end), None)
        paragraph = paragraphs.get(span.locator) if span is not None else None
        applied = False
        if span is not None and paragraph is not None:
            length = sum(len(t) for _, t in _text_pieces(paragraph))
            if length == span.end - span.start:
                applied = _edit_paragraph(
                    paragraph, edit.start - span.start, edit.end - span.start, edit.replacement
                )
        if applied:
            done.append(edit)
        else:
            notes.append(f"{source}: a fix for {', '.join(edit.codes)} could not be written")
    if done:
        document.save(str(target))
    return sorted(done, key=lambda e: e.start), notes


# -- many files ---------------------------------------------------------------------------


def fix_files(
    results: Sequence[FileResult],
    config: Config,
    section: str | None = None,
    write: bool = True,
    backup: bool = True,
) -> tuple[list[FixOutcome], list[FileResult]]:
    """Fix every linted file; when writing, lint the written files again for the report."""
    from sos_lint.api import get_linter, lint_bytes, lint_file

    nlp = get_linter(config).nlp
    outcomes: list[FixOutcome] = []
    after: list[FileResult] = []
    for result in results:
        if result.error or result.document is None:
            after.append(result)
            continue
        outcome = fix_result(result, nlp, write=write, backup=backup)
        outcomes.append(outcome)
        if not write or not outcome.changed:
            after.append(result)
        elif outcome.written is None:  # standard input: lint the fixed text
            after.append(lint_bytes(outcome.fixed.encode("utf-8"), result.path, section, config))
        else:
            after.append(lint_file(outcome.written, section, config))
    return outcomes, after
