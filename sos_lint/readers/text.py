"""Markdown and plain text: headings, paragraphs, list items, pipe tables, inline comments.

One line-based reader serves both, since practitioners' "plain text" drafts use the same
habits (bullets, numbered lists, headings on their own line). Offsets are into the text as
given; nothing is normalised before offsets are taken.
"""

from __future__ import annotations

import itertools
import re

from sos_lint.readers.base import Block, RawDocument, SuppressionComment

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)([-*+•▪‣◦]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+(?=\S)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_DIRECTIVE = re.compile(
    r"^\s*sos-lint\s*:\s*(disable-next-line|disable-line|disable|enable|ignore)\b(.*)$",
    re.I | re.S,
)
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")
_HR = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
_BR = re.compile(r"<br\s*/?>", re.I)


def _blank_comments(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Replace HTML comments by spaces (newlines kept) so they never become statement text."""
    found: list[tuple[int, int, str]] = []
    chars = list(text)
    for match in _COMMENT.finditer(text):
        found.append((match.start(), match.end(), match.group(1)))
        for i in range(match.start(), match.end()):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars), found


def _parse_codes(rest: str) -> tuple[str, ...]:
    return tuple(code for code in re.split(r"[\s,]+", rest.strip()) if code)


def _comments(text: str, found: list[tuple[int, int, str]]) -> list[SuppressionComment]:
    out: list[SuppressionComment] = []
    for start, end, body in found:
        directive = _DIRECTIVE.match(body)
        if not directive:
            continue
        action = directive.group(1).lower()
        if action == "ignore":
            action = "disable-line"
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        out.append(
            SuppressionComment(
                action=action,
                codes=_parse_codes(directive.group(2)),
                start=start,
                end=end,
                line_start=line_start,
                line_end=len(text) if line_end == -1 else line_end,
            )
        )
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        spans.append((pos, pos + len(content)))
        pos += len(line)
    return spans


def _trim(scan: str, start: int, end: int) -> tuple[int, int]:
    while start < end and scan[start].isspace():
        start += 1
    while end > start and scan[end - 1].isspace():
        end -= 1
    return start, end


def _table_cells(scan: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell content spans of one pipe-table row."""
    row = scan[start:end]
    bars = [i for i, ch in enumerate(row) if ch == "|" and (i == 0 or row[i - 1] != "\\")]
    if not row.strip().startswith("|"):
        bars.insert(0, -1)
    if not row.rstrip().endswith("|"):
        bars.append(len(row))
    cells = []
    for left, right in itertools.pairwise(bars):
        cells.append((start + left + 1, start + right))
    return cells


def read_text(text: str, path: str | None = None, kind: str = "text") -> RawDocument:
    scan, found = _blank_comments(text)
    blocks: list[Block] = []
    lines = _lines(scan)
    table_id = -1
    in_fence = False
    para: list[tuple[int, int]] = []  # spans of the lines of the open paragraph
    para_kind = "paragraph"

    def close_para() -> None:
        nonlocal para, para_kind
        if para:
            start, end = _trim(scan, para[0][0], para[-1][1])
            if start < end:
                blocks.append(Block(kind=para_kind, start=start, end=end))
        para = []
        para_kind = "paragraph"

    i = 0
    while i < len(lines):
        ls, le = lines[i]
        line = scan[ls:le]
        if _FENCE.match(line):
            close_para()
            in_fence = not in_fence
            i += 1
            continue
        if in_fence:
            i += 1
            continue
        if not line.strip() or (_HR.match(line) and not para):
            close_para()
            i += 1
            continue
        atx = _ATX.match(line)
        if atx:
            close_para()
            hs = ls + atx.start(2)
            he = ls + atx.end(2)
            hs, he = _trim(scan, hs, he)
            blocks.append(Block("heading", hs, he, level=len(atx.group(1)), explicit=True))
            i += 1
            continue
        if para and para_kind == "paragraph" and len(para) == 1 and _SETEXT.match(line):
            start, end = _trim(scan, para[0][0], para[0][1])
            level = 1 if line.strip().startswith("=") else 2
            blocks.append(Block("heading", start, end, level=level, explicit=True))
            para = []
            i += 1
            continue
        if (
            line.lstrip().startswith("|")
            and i + 1 < len(lines)
            and _TABLE_SEP.match(scan[lines[i + 1][0] : lines[i + 1][1]])
        ):
            close_para()
            table_id += 1
            for column, (cs, ce) in enumerate(_table_cells(scan, ls, le)):
                cs, ce = _trim(scan, cs, ce)
                if cs < ce:
                    blocks.append(Block("header_cell", cs, ce, table=table_id, column=column))
            i += 2
            while i < len(lines) and scan[lines[i][0] : lines[i][1]].lstrip().startswith("|"):
                rs, re_ = lines[i]
                for column, (cs, ce) in enumerate(_table_cells(scan, rs, re_)):
                    for ps, pe in _split_br(scan, cs, ce):
                        ps, pe = _trim(scan, ps, pe)
                        if ps < pe:
                            blocks.append(Block("cell", ps, pe, table=table_id, column=column))
                i += 1
            continue
        bullet = _BULLET.match(line)
        if bullet:
            close_para()
            para = [(ls + bullet.end(), le)]
            para_kind = "bullet"
            i += 1
            continue
        bold = _BOLD_LINE.match(line)
        if bold and not para:
            hs, he = _trim(scan, ls + bold.start(2), ls + bold.end(2))
            blocks.append(Block("heading", hs, he, level=7, explicit=False))
            i += 1
            continue
        stripped = line.lstrip()
        if stripped.startswith(">"):
            offset = ls + (len(line) - len(stripped)) + 1
            if para and para_kind != "paragraph":
                close_para()
            para.append((offset, le))
            i += 1
            continue
        if (
            not para
            and _heading_like(line)
            and (
                line.rstrip().endswith(":")
                or i + 1 >= len(lines)
                or not scan[lines[i + 1][0] : lines[i + 1][1]].strip()
                or _starts_sentence(scan, lines[i + 1])
            )
        ):
            hs, he = _trim(scan, ls, le)
            blocks.append(Block("heading", hs, he, level=7, explicit=False))
            i += 1
            continue
        para.append((ls, le))
        i += 1
        if _ends_sentence(line) and i < len(lines) and _starts_sentence(scan, lines[i]):
            close_para()
    close_para()
    return RawDocument(
        text=text, blocks=blocks, path=path, comments=_comments(text, found), kind=kind
    )


_END = re.compile(r"[.!?:;][\"')\]”’]*\s*$")


def _heading_like(line: str) -> bool:
    """A short line with no sentence punctuation: a heading if the synonym table knows it."""
    words = line.split()
    return 0 < len(words) <= 8 and not re.search(r"[.!?,;]\s*$", line)


def _ends_sentence(line: str) -> bool:
    return bool(_END.search(line))


def _starts_sentence(scan: str, span: tuple[int, int]) -> bool:
    """A following line that starts like a new statement (capital, digit or quote)."""
    rest = scan[span[0] : span[1]].lstrip()
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘(")


def _split_br(scan: str, start: int, end: int) -> list[tuple[int, int]]:
    parts = []
    pos = start
    for match in _BR.finditer(scan, start, end):
        parts.append((pos, match.start()))
        pos = match.end()
    parts.append((pos, end))
    return parts
