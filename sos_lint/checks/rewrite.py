"""Guided rewrites: a scaffold for a statement built only from what its parse found.

Known parts (the worried people, the carer, the child, the behaviour) are copied from the
statement's own words; everything else stays an explicit ``[placeholder]``, so a scaffold
never invents a fact.
"""

from __future__ import annotations

from typing import Any

from sos_lint.checks.analysis import (
    ABSENCE_VERBS,
    Clause,
    Facts,
    is_child_token,
    is_person,
    observable_actions,
)

_PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "i", "we", "you", "us", "me"}
_OBJECT_DEPS = {"dobj", "prt", "dative", "acomp", "oprd", "punct"}
_OBJECT_PREPS = {"at", "to", "on", "with", "into", "onto", "down", "off", "out", "over"}
CHILD = "[which child, and their age]"
# "failed to take Kai" means Kai was not taken: copying "take Kai" would invert the fact.
NEGATING_HEADS = {"fail", "refuse", "forget", "neglect", "decline", "omit", "avoid", "stop"}


def _span_text(tokens: list[Any]) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _child(f: Facts) -> str | None:
    """A child the statement names, with their age if it gives one, or a child role."""
    for token in f.children:
        if token.pos_ == "PROPN" or token.text[:1].isupper():
            tail = token.doc[token.i + 1 : token.i + 5]
            if len(tail) >= 3 and tail[0].text == "(" and ")" in [t.text for t in tail]:
                close = next(t.i for t in tail if t.text == ")")
                return token.doc[token.i : close + 1].text
            return token.text
    for token in f.children:
        if is_child_token(token):
            return _span_text(
                [
                    t
                    for t in token.subtree
                    if t.dep_ in ("poss", "det", "amod", "case") or t == token
                ]
            )
    return None


def _inflect(verb: Any, tag: str | None) -> str:
    if tag is None:
        return str(verb.text)
    from sos_lint.engine.terms import inflect

    return inflect(verb.lemma_, tag) or str(verb.text)


def _verb_phrase(clause: Clause, tag: str | None = None) -> str:
    """The verb with what directly follows it: its object, particle and object-like
    prepositions ("pushed Kai (7) down the stairs"), copied as written, with the verb put in
    the form the scaffold needs (``VB`` after "might", ``VBN`` after "has")."""
    verb = clause.verb
    end = verb.i
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i < verb.i:
            continue
        object_like = child.dep_ in _OBJECT_DEPS or (
            child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS
        )
        if not object_like:
            break  # stop before time, place or reason phrases and before other clauses
        end = max(t.i for t in child.subtree)
    end = min(end, verb.i + 12)
    span = verb.doc[verb.i : end + 1]
    rest = span.text[len(verb.text) :]
    return _inflect(verb, tag) + rest


def _carer(f: Facts, tag: str | None = None) -> tuple[str | None, str | None]:
    """The first named adult (not the child) doing an observable action, and that action."""
    for clause in observable_actions(f):
        subject = clause.subject
        verb = clause.verb
        if clause.passive or clause.negated or subject is None or f.is_child(subject):
            continue
        if not is_person(subject) or subject.lower_ in _PRONOUNS:
            continue
        if verb.tag_ == "VBG" or verb.lemma_.lower() in ABSENCE_VERBS:
            continue
        if any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children):
            continue  # "failed to take Kai": the action is the complement, which comes next
        own = subject.head == verb
        complement = (
            verb.dep_ == "xcomp"
            and subject.head == verb.head
            and verb.head.lemma_.lower() not in NEGATING_HEADS
        )
        if not (own or complement):
            continue
        return subject.text, _verb_phrase(clause, tag)
    return None, None


def _worried(f: Facts) -> str | None:
    from sos_lint.checks.structure import worried_party

    token = worried_party(f)
    if token is None:
        return None
    return _span_text(list(token.subtree))


def scaffold(section: str, f: Facts) -> str | None:
    child = _child(f) or CHILD
    tag = {"harm": "VBD", "existing_safety": "VBN"}.get(section, "VB")
    carer, action = _carer(f, tag)
    who = carer or "[which carer]"
    if section == "danger_statement":
        worried = _worried(f) or "[Who is worried]"
        last = worried.split()[-1].lower()
        plural = (
            last in ("we", "they", "police")
            or " and " in worried
            or (last.endswith("s") and not last.endswith("'s"))
        )
        return (
            f"{worried} {'are' if plural else 'is'} worried that when [in what situation], "
            f"{who} might {action or '[do what, exactly]'}, and {child} could "
            "[be hurt or affected how]."
        )
    if section in ("safety_goal", "needs_to_happen"):
        return (
            f"For [how long], whenever [the situation in the danger statement], {who} will "
            f"{action or '[do what, exactly]'}; [who in the network] will [see or check it, how "
            f"often], and {child} will [say or show what]."
        )
    if section == "harm":
        return (
            f"On [date, or how often], {who} {action or '[did what, exactly, to which child]'}; "
            f"[what this did to {child}: hurt, frightened, missed school …]."
        )
    if section == "existing_safety":
        return (
            f"Since [when], every time [the danger was present], {who} has "
            f"{action or '[done what, exactly]'}; [who has seen this], and [how this kept "
            f"{child} safe]."
        )
    return None
