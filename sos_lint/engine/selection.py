"""Which rules run, and at what severity: select/ignore by code, prefix, name or category.

As in ruff, the most specific selector wins: a full code or rule name beats a code prefix,
and a longer prefix beats a shorter one; a category counts as a family prefix. On a tie,
ignore wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sos_lint.config import Config
from sos_lint.engine.rules import Rule
from sos_lint.errors import ConfigError
from sos_lint.models import CATEGORIES, TOOL_CATEGORY, Severity

OPT_IN_FAMILIES = {9}  # grammar runs only when asked for (--grammar)


def specificity(selector: str, rule: Rule) -> int:
    """How specifically ``selector`` names ``rule`` (0: it does not)."""
    sel = selector.strip()
    if not sel:
        return 0
    upper = sel.upper()
    if upper == "ALL":
        return 1
    if upper == rule.code or sel.lower() == rule.name:
        return 100
    if sel.lower() == rule.category:
        return 4
    if upper.startswith("SOS") and rule.code.startswith(upper):
        return len(upper)
    return 0


def check_selectors(selectors: Iterable[str], rules: Sequence[Rule], origin: str) -> None:
    """An unknown selector is an error, so a typo never silently disables nothing."""
    for sel in selectors:
        if sel.upper() == "ALL" or sel.lower() in CATEGORIES or sel.lower() == TOOL_CATEGORY:
            continue
        if not any(specificity(sel, rule) for rule in rules):
            raise ConfigError(f"{origin}: unknown rule selector {sel!r}")


def is_selected(rule: Rule, select: Sequence[str], ignore: Sequence[str]) -> bool:
    best_select = max((specificity(s, rule) for s in select), default=0)
    best_ignore = max((specificity(s, rule) for s in ignore), default=0)
    if not select:
        best_select = 0 if rule.family in OPT_IN_FAMILIES else 1
    if best_select == 0:
        return False
    return best_select > best_ignore


def active_rules(rules: Sequence[Rule], config: Config) -> tuple[Rule, ...]:
    select = list(config.select) + list(config.extend_select)
    if config.extend_select and not config.select:
        select = ["ALL", *config.extend_select]
    selected = [r for r in rules if is_selected(r, select, config.ignore)]
    if not config.select and config.grammar:
        selected += [
            r
            for r in rules
            if r.family == 9 and r not in selected and is_selected(r, ["ALL"], config.ignore)
        ]
    return tuple(sorted(selected, key=lambda r: r.code))


def section_allows(rule: Rule, section: str, config: Config) -> bool:
    if not rule.applies_to(section):
        return False
    rules = config.sections.get(section)
    if rules is None:
        return True
    best_ignore = max((specificity(s, rule) for s in rules.ignore), default=0)
    best_select = max((specificity(s, rule) for s in rules.select), default=0)
    if rules.select and best_select == 0:
        return False
    return best_ignore == 0 or best_select > best_ignore


def severity_for(rule: Rule, overrides: Mapping[str, Severity]) -> Severity:
    best = (0, rule.level)
    for selector, level in overrides.items():
        score = specificity(selector, rule)
        if score > best[0]:
            best = (score, level)
    return best[1]
