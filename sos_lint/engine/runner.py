"""The runner: Document -> one spaCy parse per statement -> rules -> findings.

Flow: pick the active rules; parse every statement once (``nlp.pipe``), with the parser only
if an active rule needs it; run the term matcher and the python checks over their scopes
against the shared ``Doc``s; then acronym definitions, the accept list, inline suppressions,
severity overrides and sorting.
"""

from __future__ import annotations

import bisect
import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sos_lint import nlp as nlp_module
from sos_lint.config import Config
from sos_lint.engine.rules import Rule, TermEntry, builtin_rules
from sos_lint.engine.selection import (
    active_rules,
    check_selectors,
    section_allows,
    severity_for,
    specificity,
)
from sos_lint.engine.terms import TermMatch, TermMatcher
from sos_lint.errors import RuleError
from sos_lint.models import Document, Finding, Section, Severity, Statement, Suggestion

if TYPE_CHECKING:
    from sos_lint.grammar import GrammarChecker

UNUSED_SUPPRESSION = "SOS001"
_ACRONYM_FILLERS = {"in", "of", "and", "the", "for", "to", "on", "at", "with", "&", "a", "an"}


@dataclass(frozen=True)
class Hit:
    """What a python check reports: an absolute span and, optionally, its own wording."""

    start: int
    end: int
    message: str | None = None
    suggestions: tuple[Suggestion, ...] | None = None
    rewrite: str | None = None
    severity: Severity | None = None
    data: dict[str, Any] | None = None

    @classmethod
    def on_span(cls, statement: Statement, span: Any, message: str, ask: str) -> Hit:
        """A hit on a span of the statement's doc, with its message and one question (not a
        safe fix) for the writer."""
        return cls(
            statement.start + span.start_char,
            statement.start + span.end_char,
            message=message,
            suggestions=(Suggestion(ask, safe=False),),
        )


@dataclass(frozen=True)
class CheckContext:
    """Everything a python check may read. ``items`` are the statements in its scope."""

    rule: Rule
    document: Document
    config: Config
    items: Sequence[tuple[Statement, Any]]
    section: Section | None = None
    section_type: str | None = None
    shared: dict[str, Any] = field(default_factory=dict)


CheckFunction = Callable[[CheckContext], Iterable[Hit]]


def _import(path: str, rule: Rule) -> CheckFunction:
    module_name, _, attr = path.partition(":")
    try:
        module = importlib.import_module(module_name)
        return getattr(module, attr)  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as exc:
        raise RuleError(f"{rule.path}: cannot import `function: {path}` ({exc})") from None


def _config_terms(rule: Rule, config: Config) -> Rule:
    entries = tuple(
        TermEntry(
            variants=(term,),
            alternatives=alternatives,
            safe=False,
            exact_case=term.isupper(),
            note=alternatives[0] if alternatives else "",
        )
        for term, alternatives in config.terms.items()
    )
    return replace(rule, entries=rule.entries + entries)


class LineIndex:
    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


class Linter:
    """A configured linter: rules chosen, model loaded, matcher compiled, once."""

    def __init__(self, config: Config | None = None, rules: Sequence[Rule] | None = None) -> None:
        self.config = config or Config()
        all_rules = list(rules if rules is not None else builtin_rules())
        all_rules = [
            _config_terms(r, self.config) if r.options.get("config_terms") else r for r in all_rules
        ]
        origin = self.config.source or "options"
        check_selectors(self.config.select, all_rules, origin)
        check_selectors(self.config.ignore, all_rules, origin)
        check_selectors(self.config.extend_select, all_rules, origin)
        for section_rules in self.config.sections.values():
            check_selectors(section_rules.select, all_rules, origin)
            check_selectors(section_rules.ignore, all_rules, origin)
        self.all_rules = tuple(all_rules)
        self.rules = active_rules(all_rules, self.config)
        self.codes = {r.code for r in self.rules}
        self.python_rules = [r for r in self.rules if r.kind == "python"]
        self.functions = {r.code: _import(r.function or "", r) for r in self.python_rules}
        # A term rule's ``filter`` option: parse-based conditions each match must meet.
        self.filters: dict[str, list[Callable[[Any, int, int], bool]]] = {
            r.code: [_import(str(path), r) for path in _as_list(r.options["filter"])]  # type: ignore[misc]
            for r in self.rules
            if r.kind != "python" and r.options.get("filter")
        }
        self.needs_parser = any(_needs_parser(r) for r in self.rules)
        self.nlp = nlp_module.load(self.config.model)
        self.matcher = TermMatcher(self.nlp, [r for r in self.rules if r.kind != "python"])
        self.severities = {r.code: severity_for(r, self.config.severity) for r in self.all_rules}
        self.accept = {a.lower() for a in self.config.accept}
        self.shared: dict[str, Any] = {}
        self._parser_sections: dict[str, bool] = {}
        self._allowed_by_section: dict[str, frozenset[str]] = {}
        self.grammar: GrammarChecker | None = None
        if any(r.family == 9 for r in self.rules):
            from sos_lint.grammar import GrammarChecker

            self.grammar = GrammarChecker(self.config.languagetool_url)

    # -- parsing -------------------------------------------------------------------------
    def parse(
        self, texts: Iterable[str], parser: bool | None = None, batch_size: int = 64
    ) -> Iterator[Any]:
        """Parse texts with this linter's components (the parser only if asked or needed)."""
        use_parser = self.needs_parser if parser is None else parser
        return nlp_module.pipe(self.nlp, texts, parser=use_parser, batch_size=batch_size)

    def needs_parse(self, section: str) -> bool:
        """Whether any active rule that applies to ``section`` needs the dependency parser."""
        need = self._parser_sections.get(section)
        if need is None:
            need = any(
                _needs_parser(r) and section_allows(r, section, self.config) for r in self.rules
            )
            self._parser_sections[section] = need
        return need

    def parse_statements(self, statements: Sequence[Statement], batch_size: int = 64) -> list[Any]:
        """One Doc per statement, in order; the parser runs only where a rule needs it."""
        flags = [self.needs_parse(st.section) for st in statements]
        docs: list[Any] = [None] * len(statements)
        for with_parser in (True, False):
            positions = [i for i, flag in enumerate(flags) if flag is with_parser]
            if not positions:
                continue
            parsed = self.parse(
                (statements[i].text for i in positions), parser=with_parser, batch_size=batch_size
            )
            for i, doc in zip(positions, parsed, strict=True):
                # the text parsed, kept: ``Doc.text`` joins the tokens again on every access
                doc.user_data["sos_text"] = statements[i].text
                docs[i] = doc
        return docs

    # -- public entry points -------------------------------------------------------------
    def lint_document(self, document: Document) -> list[Finding]:
        docs = self.parse_statements(document.statements)
        try:
            return self.findings(document, docs)
        finally:
            _release(docs)

    def lint_documents(
        self, documents: Iterable[Document], batch_size: int = 64
    ) -> Iterator[tuple[Document, list[Finding]]]:
        """Lint many documents with shared ``nlp.pipe`` streams over all their statements."""
        pending: list[Document] = []
        size = 0
        for document in documents:
            pending.append(document)
            size += len(document.statements)
            if size >= batch_size * 4:
                yield from self._flush(pending, batch_size)
                pending, size = [], 0
        if pending:
            yield from self._flush(pending, batch_size)

    def _flush(
        self, documents: list[Document], batch_size: int
    ) -> Iterator[tuple[Document, list[Finding]]]:
        statements = [st for d in documents for st in d.statements]
        docs = iter(self.parse_statements(statements, batch_size=batch_size))
        for document in documents:
            mine = [next(docs) for _ in document.statements]
            try:
                found = self.findings(document, mine)
            finally:
                _release(mine)
            yield document, found

    # -- the analysis --------------------------------------------------------------------
    def findings(self, document: Document, docs: Sequence[Any]) -> list[Finding]:
        lines = LineIndex(document.text)
        items = list(zip(document.statements, docs, strict=True))
        out: list[Finding] = []
        defined: set[str] = set()
        for statement, doc in items:
            out.extend(self._term_findings(document, statement, doc, lines, defined))
        for rule in self.python_rules:
            out.extend(self._python_findings(rule, document, items, lines))
        if self.grammar is not None:
            out.extend(self.grammar.findings(self, document, items, out, lines))
        out = [f for f in out if f.text.lower() not in self.accept]
        out = self._defer(out)
        out = _outermost(out)
        out = self._suppress(document, out, lines)
        out.sort(key=lambda f: (f.start, f.end, f.code))
        return out

    def _defer(self, findings: list[Finding]) -> list[Finding]:
        """Drop a catch-all rule's finding where a rule of the category it defers to (its
        ``defer_to`` option) already flags the same text: "CAMHS" gets the word list's
        finding, with its plain alternative, not SOS107's general one as well."""
        deferring = {r.code: r.options["defer_to"] for r in self.rules if r.options.get("defer_to")}
        if not deferring:
            return findings
        kept: list[Finding] = []
        for finding in findings:
            category = deferring.get(finding.code)
            if category is not None and any(
                other.category == category
                and other.code != finding.code
                and other.start < finding.end
                and finding.start < other.end
                for other in findings
            ):
                continue
            kept.append(finding)
        return kept

    def _allowed(self, section: str) -> frozenset[str]:
        """The codes of the rules that apply in a section type (worked out once per type)."""
        allowed = self._allowed_by_section.get(section)
        if allowed is None:
            allowed = frozenset(
                r.code for r in self.rules if section_allows(r, section, self.config)
            )
            self._allowed_by_section[section] = allowed
        return allowed

    def _term_findings(
        self,
        document: Document,
        statement: Statement,
        doc: Any,
        lines: LineIndex,
        defined: set[str],
    ) -> list[Finding]:
        found: list[Finding] = []
        parsed = doc.has_annotation("DEP")
        doc.user_data["sos_section"] = statement.section  # (for filters that depend on it)
        for match in self.matcher(doc, self._allowed(statement.section)):
            keep = self.filters.get(match.rule.code)
            if keep and parsed and not all(f(doc, match.start, match.end) for f in keep):
                continue
            span = doc[match.start : match.end]
            start = statement.start + span.start_char
            end = statement.start + span.end_char
            text = document.text[start:end]
            if match.entry.exact_case or (text.isupper() and len(text) > 1):
                if text in defined:
                    continue
                expansion = _acronym_expansion(doc, match)
                if expansion is not None:
                    defined.add(text)
                    found.append(
                        self._defined_acronym(match, statement, start, end, text, expansion, lines)
                    )
                    continue
            found.append(self._term_finding(match, statement, start, end, text, lines))
        return found

    def _term_finding(
        self,
        match: TermMatch,
        statement: Statement,
        start: int,
        end: int,
        text: str,
        lines: LineIndex,
    ) -> Finding:
        rule, entry = match.rule, match.entry
        suggestions = tuple(
            Suggestion(alt, safe=entry.safe and i == 0 and not alt.endswith("?"))
            for i, alt in enumerate(entry.alternatives)
        ) or tuple(Suggestion(s, safe=False) for s in rule.suggestions)
        alternative = suggestions[0].replacement if suggestions else ""
        message = _format(rule.message, text=text, alternative=alternative, note=entry.note)
        return self.make_finding(rule, statement, start, end, text, message, suggestions, lines)

    def _defined_acronym(
        self,
        match: TermMatch,
        statement: Statement,
        start: int,
        end: int,
        text: str,
        expansion: str,
        lines: LineIndex,
    ) -> Finding:
        message = (
            f"“{text}” is explained here as “{expansion}”, so later uses are not flagged; "
            "families may still not know the letters, so consider writing the words each time"
        )
        finding = self.make_finding(
            match.rule,
            statement,
            start,
            end,
            text,
            message,
            (Suggestion(expansion, safe=False),),
            lines,
        )
        return replace(finding, severity=Severity.INFO)

    def make_finding(
        self,
        rule: Rule,
        statement: Statement | None,
        start: int,
        end: int,
        text: str,
        message: str,
        suggestions: tuple[Suggestion, ...],
        lines: LineIndex,
        severity: Severity | None = None,
        rewrite: str | None = None,
        data: dict[str, Any] | None = None,
        section: str | None = None,
    ) -> Finding:
        line, column = lines(start)
        end_line, end_column = lines(end)
        return Finding(
            code=rule.code,
            rule=rule.name,
            category=rule.category,
            severity=severity or self.severities.get(rule.code, rule.level),
            message=message,
            explanation=rule.explanation,
            text=text,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            section=section or (statement.section if statement else "general"),
            statement_index=statement.index if statement else None,
            suggestions=suggestions,
            rewrite=rewrite,
            extra=tuple(sorted((data or {}).items())),
        )

    def _python_findings(
        self,
        rule: Rule,
        document: Document,
        items: list[tuple[Statement, Any]],
        lines: LineIndex,
    ) -> Iterator[Finding]:
        function = self.functions[rule.code]
        mine = [(st, doc) for st, doc in items if rule.code in self._allowed(st.section)]
        contexts: list[CheckContext] = []
        if rule.scope in ("statement", "sentence"):
            contexts = [
                CheckContext(
                    rule, document, self.config, [item], None, item[0].section, self.shared
                )
                for item in mine
            ]
        elif rule.scope == "section":
            groups: dict[tuple[int, str], list[tuple[Statement, Any]]] = {}
            for item in mine:
                groups.setdefault((item[0].section_index, item[0].section), []).append(item)
            for (index, section_type), group in groups.items():
                section = document.sections[index] if index < len(document.sections) else None
                contexts.append(
                    CheckContext(
                        rule, document, self.config, group, section, section_type, self.shared
                    )
                )
            for section in document.sections:
                # A section with no statements at all can still be missing its parts.
                if not section.statement_indexes and section_allows(
                    rule, section.type, self.config
                ):
                    contexts.append(
                        CheckContext(
                            rule, document, self.config, [], section, section.type, self.shared
                        )
                    )
        else:
            contexts = [CheckContext(rule, document, self.config, mine, None, None, self.shared)]
        by_index = {st.index: st for st, _ in items}
        for context in contexts:
            for hit in function(context) or ():
                statement = _statement_at(hit.start, context, by_index)
                text = document.text[hit.start : hit.end]
                suggestions = hit.suggestions
                if suggestions is None:
                    suggestions = tuple(Suggestion(s, safe=False) for s in rule.suggestions)
                message = hit.message or _format(rule.message, text=text, alternative="", note="")
                yield self.make_finding(
                    rule,
                    statement,
                    hit.start,
                    hit.end,
                    text,
                    message,
                    suggestions,
                    lines,
                    severity=hit.severity,
                    rewrite=hit.rewrite,
                    data=hit.data,
                    section=statement.section if statement else context.section_type,
                )

    def _suppress(
        self, document: Document, findings: list[Finding], lines: LineIndex
    ) -> list[Finding]:
        if not document.suppressions:
            return findings
        used = [False] * len(document.suppressions)
        kept: list[Finding] = []
        rules = {r.code: r for r in self.all_rules}
        for finding in findings:
            hidden = False
            for i, sup in enumerate(document.suppressions):
                if not (sup.start <= finding.start < max(sup.end, sup.start + 1)):
                    continue
                rule = rules.get(finding.code)
                if not sup.codes or (
                    rule is not None and any(specificity(c, rule) for c in sup.codes)
                ):
                    used[i] = True
                    hidden = True
            if not hidden:
                kept.append(finding)
        unused_rule = rules.get(UNUSED_SUPPRESSION)
        if unused_rule is not None and UNUSED_SUPPRESSION in self.codes:
            for sup, was_used in zip(document.suppressions, used, strict=True):
                if was_used:
                    continue
                codes = " ".join(sup.codes) or "all rules"
                message = _format(unused_rule.message, text=codes, alternative="", note="")
                kept.append(
                    self.make_finding(
                        unused_rule,
                        None,
                        sup.comment_start,
                        sup.comment_end,
                        document.text[sup.comment_start : sup.comment_end],
                        message,
                        (Suggestion("", safe=True),),
                        lines,
                        section=_section_at(document, sup.comment_start),
                    )
                )
        return kept


def _section_at(document: Document, offset: int) -> str:
    current = "general"
    for section in document.sections:
        if section.start <= offset:
            current = section.type
    return current


def _statement_at(
    offset: int, context: CheckContext, by_index: dict[int, Statement]
) -> Statement | None:
    for statement, _ in context.items:
        if statement.start <= offset <= statement.end:
            return statement
    for statement in by_index.values():
        if statement.start <= offset <= statement.end:
            return statement
    return None


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _needs_parser(rule: Rule) -> bool:
    """A python check that reads the parse, or a term rule whose matches a parse filters."""
    return "parser" in rule.needs or bool(rule.options.get("filter"))


def _format(template: str, **values: str) -> str:
    try:
        return template.format_map(_Blank(values)).strip()
    except (ValueError, IndexError):
        return template


def _acronym_expansion(doc: Any, match: TermMatch) -> str | None:
    """The words before "(ACR)" whose initials spell the acronym, if they do."""
    if match.start == 0 or match.end >= len(doc):
        return None
    if doc[match.start - 1].text != "(" or doc[match.end].text != ")":
        return None
    letters = [ch.lower() for ch in doc[match.start : match.end].text if ch.isalpha()]
    if not letters:
        return None
    needed = len(letters) - 1
    first = match.start - 1
    i = match.start - 2
    while i >= 0 and needed >= 0:
        token = doc[i]
        if not (token.is_alpha or token.text == "&"):
            return None
        if token.text[0].lower() == letters[needed]:
            needed -= 1
            first = i
        elif token.lower_ not in _ACRONYM_FILLERS:
            return None
        i -= 1
    if needed >= 0:
        return None
    return doc[first : match.start - 1].text


def _release(docs: Iterable[Any]) -> None:
    """Drop what the checks kept on each Doc. The tokens and clauses they cache point back at
    the Doc, so without this every Doc waits for the cycle collector instead of being freed
    as soon as its findings are made (a scan makes millions)."""
    for doc in docs:
        doc.user_data.clear()


# Categories about words and phrases, where one phrase should get one finding; a statement's
# missing parts (structure) and its length (hard-to-read) are about the whole statement.
PHRASE_CATEGORIES = frozenset(
    {"jargon", "vague", "judgemental", "hedging", "non-behavioural", "hidden-actor"}
)


def _outermost(findings: list[Finding]) -> list[Finding]:
    """One finding per phrase: where two rules of the same category flag text one inside the
    other ("meet the children's needs" and "needs", "kinship placement" and "placement"), the
    finding on the whole phrase stands and the one inside it is dropped."""
    kept: list[Finding] = []
    for finding in findings:
        if finding.category in PHRASE_CATEGORIES and any(
            other is not finding
            and other.category == finding.category
            and other.code != finding.code
            and other.start <= finding.start
            and finding.end <= other.end
            and (other.end - other.start) > (finding.end - finding.start)
            and other.severity >= finding.severity
            for other in findings
        ):
            continue
        kept.append(finding)
    return kept
