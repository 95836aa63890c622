"""Guided rewrites: a scaffold for a statement built only from what its parse found.

Known parts (the worried people, the carer, the child, the behaviour) are copied from the
statement's own words; everything else stays an explicit ``[placeholder]``, so a scaffold
never invents a fact.
"""

from __future__ import annotations

from typing import Any

from sos_lint.checks.analysis import Facts, is_child_token, is_person, observable_actions

_PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "i", "we", "you", "us", "me"}


def _child(f: Facts) -> str | None:
    for token in f.children:
        if token.pos_ == "PROPN":
            tail = f.doc[token.i + 1 : token.i + 4].text
            age = (
                tail[: tail.find(")") + 1] if tail.lstrip().startswith("(") and ")" in tail else ""
            )
            return f"{token.text} {age.strip()}".strip()
    for token in f.children:
        if is_child_token(token):
            return " ".join(
                t.text for t in token.subtree if t.dep_ in ("poss", "det", "amod") or t == token
            )
    return None


def _carer(f: Facts) -> tuple[str | None, str | None]:
    """The first person (not the child) doing an observable action, and the action."""
    for clause in observable_actions(f):
        subject = clause.subject
        if clause.passive or subject is None or f.is_child(subject):
            continue
        if not is_person(subject) or subject.lower_ in _PRONOUNS:
            continue
        verb = clause.verb
        phrase = [
            t
            for t in verb.subtree
            if t.i >= verb.i and t.dep_ not in ("advcl", "conj", "cc", "punct")
        ]
        cut = [
            t
            for t in phrase
            if t.i
            <= max(
                verb.i,
                *(
                    c.i
                    for c in verb.children
                    if c.dep_ in ("dobj", "prt", "dative", "prep") and c.i > verb.i
                ),
                verb.i,
            )
        ]
        words = " ".join(t.text for t in sorted(cut, key=lambda t: t.i)) if cut else verb.text
        return subject.text, words
    return None, None


def _worried(f: Facts) -> str | None:
    from sos_lint.checks.structure import worried_party

    token = worried_party(f)
    if token is None:
        return None
    span = sorted(token.subtree, key=lambda t: t.i)
    return f.doc[span[0].i : span[-1].i + 1].text


def scaffold(section: str, f: Facts) -> str | None:
    child = _child(f) or "[which child, and their age]"
    carer, action = _carer(f)
    who = carer or "[which carer]"
    if section == "danger_statement":
        worried = _worried(f) or "[Who is worried]"
        behaviour = action or "[does what, exactly]"
        if carer and action and action.startswith(carer):
            behaviour = action[len(carer) :].strip()
        return (
            f"{worried} {'are' if worried.lower() in ('we', 'they') or ' and ' in worried else 'is'} "
            f"worried that when [in what situation], {who} might {_bare(behaviour)}, and {child} "
            "could [be hurt or affected how]."
        )
    if section in ("safety_goal", "needs_to_happen"):
        return (
            f"For [how long], whenever [the situation in the danger statement], {who} will "
            f"{_bare(action) if action else '[do what, exactly]'}; [who in the network] will "
            f"[see or check it how often], and {child} will [say or show what]."
        )
    if section == "harm":
        return (
            f"On [date, or how often], {who} {action or '[did what, exactly]'} "
            f"[to {child}]; {child} [was hurt or affected how]."
        )
    if section == "existing_safety":
        return (
            f"Since [when], every time [the danger was present], {who} has "
            f"{_bare(action) if action else '[done what, exactly]'}, so {child} [was safe how]; "
            "[who] has seen this."
        )
    return None


def _bare(phrase: Any) -> str:
    """Drop a leading modal from a copied verb phrase ("will cook tea" -> "cook tea")."""
    text = str(phrase or "")
    for modal in ("will ", "might ", "may ", "could ", "would ", "should ", "must "):
        if text.lower().startswith(modal):
            return text[len(modal) :]
    return text
