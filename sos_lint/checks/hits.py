"""Building hits for the parse-based checks that find a span of words: one place for the rule
that quoted words and a family member's own words are theirs to keep."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sos_lint.checks.filters import not_childs_own_words, not_quoted
from sos_lint.engine.runner import CheckContext, Hit


def writers_own_hits(
    context: CheckContext,
    spans: Callable[[Any], Iterable[tuple[int, int]]],
    message: str,
    ask: str,
) -> Iterable[Hit]:
    """A hit for each (first, end) token range ``spans`` finds in a statement's doc, unless it
    is quoted or a family member's own words; ``message`` takes the words as ``{text}``."""
    for statement, doc in context.items:
        for start_i, end_i in spans(doc):
            if not (not_quoted(doc, start_i, end_i) and not_childs_own_words(doc, start_i, end_i)):
                continue
            span = doc[start_i:end_i]
            yield Hit.on_span(statement, span, message.format(text=span.text), ask)
