"""Judgement that a word list cannot catch on its own: a whole group of people described as if
it were one person ("Traveller men can be intimidating", "as is common in Roma culture",
"despite being a Traveller", "these families don't tend to ..."). A statement about a family
says what its members did; a claim about the community, culture or faith they belong to is a
stereotype, whether it sounds hostile or kind, and the family will read it as prejudice.

Also praise that runs the person down on the way ("Despite her chaotic lifestyle, Mum clearly
loves the twins"): the concession is a verdict on the person, not something that happened; a
reputation passed on as a fact ("a known drug dealer"); and a parent said to rank something
above a child ("has chosen her new partner over her children")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sos_lint.checks.analysis import (
    is_carer_token,
    is_child_token,
    is_person,
    refers_to_a_child,
    words,
)
from sos_lint.checks.filters import not_childs_own_words, not_quoted
from sos_lint.checks.hits import writers_own_hits
from sos_lint.engine.runner import CheckContext, Hit
from sos_lint.nlp import tokens

# Nouns that stand for a group of people, or for the ways of life a group is said to share.
GROUP_PEOPLE = frozenset(
    {"families", "people", "folk", "men", "women", "parents", "mums", "dads", "mothers"}
    | {"fathers", "lads", "boys", "girls", "kids", "children", "households", "communities"}
    | {"community", "culture", "cultures"}
)
GROUP_WAYS = frozenset({"life", "lifestyle", "way", "ways", "tradition", "traditions"})
# A group's ways of life as the subject of any present-tense claim: "Traveller culture makes
# it difficult ...".
WAYS_OF_LIFE = frozenset({"culture", "cultures"})
# What a group is told it may have or do, not what it is like: "are eligible for free meals".
ENTITLED = frozenset(
    {"eligible", "entitled", "welcome", "able", "invited", "allowed", "registered", "open"}
)
# A community is described, not judged, by being present or helping: only a generic adverb
# ("the Roma community generally ...") makes it a generalisation.
COMMUNITIES = frozenset({"community", "communities"})
# Nouns that "these families" can generalise about (not "these men" or "these people", who
# in a statement are usually people already named: "one of these men might ...").
DEMONSTRATED = frozenset({"families", "communities", "households"})
# Adverbs and verbs that make a present-tense sentence about a group a generalisation.
GENERIC_ADVERBS = frozenset(
    {"generally", "usually", "often", "always", "never", "typically", "traditionally"}
    | {"normally", "rarely", "seldom", "commonly", "mostly"}
)
# What a group is said to think or prize: "Roma families don't value education".
ATTITUDE_VERBS = frozenset(
    {"value", "trust", "like", "believe", "see", "think", "want", "prefer", "respect"}
    | {"accept", "care", "mind", "hate", "expect", "distrust", "allow", "let"}
)
# Words that call something usual for the group: "typical of Travellers", "the norm in ...".
USUAL = frozenset({"typical", "common", "normal", "usual", "standard", "norm", "characteristic"})
QUANTIFIERS = frozenset({"lot", "lots", "many", "most", "all", "other", "some"})
MOST = frozenset({"lot", "lots", "many", "most", "all"})
REPORTED = frozenset(
    {"say", "tell", "explain", "describe", "believe", "feel", "think", "claim", "report"}
)
_SUFFIXES = ("ian", "ish", "ese", "i", "ic", "an")


def _identity(token: Any) -> bool:
    """A word naming a people, faith or community: "Traveller", "Roma", "Polish", "Muslim"."""
    if token.lower_ in words("group_identities") or token.lemma_.lower() in words(
        "group_identities"
    ):
        return True
    if token.pos_ not in ("ADJ", "PROPN") or not token.text[:1].isupper():
        return False
    if is_person(token):
        return False  # (a name: "the Duggan family")
    # "Polish", "Nigerian", "Pakistani": a capitalised word with an ending of nationality
    # (a proper noun at the start of a sentence may be any name, so not there)
    first = token.i == token.sent.start
    return token.lower_.endswith(_SUFFIXES) and not (first and token.pos_ == "PROPN")


def _group(token: Any) -> bool:
    """ "Traveller men", "Roma families", "Nigerian culture", "Travellers", "these families"."""
    lower = token.lower_
    if any(c.dep_ in ("poss", "nummod") for c in token.children):
        return False  # "his community", "two Roma families": particular people
    if lower in GROUP_PEOPLE or lower in GROUP_WAYS:
        if any(c.dep_ in ("amod", "compound") and _identity(c) for c in token.children):
            return True
        return lower in DEMONSTRATED and any(
            c.dep_ == "det" and c.lower_ in ("these", "those", "such") for c in token.children
        )
    # "Travellers", "Gypsies": the group named on its own, in the plural
    return token.tag_ in ("NNS", "NNPS") and lower in words("group_identities")


def _after_as(token: Any) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ == "as"


def _reported(token: Any) -> bool:
    """Inside what a family member said or believes: "Mrs Begum said that in her community
    ...". (What a worker, a school or the writer says or thinks is still the record's own
    generalisation: "the duty worker said that Traveller men can be ...".)"""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTED:
            speaker = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            return (
                speaker is not None
                and is_person(speaker)
                and speaker.lemma_.lower() not in words("professional_roles")
                and speaker.lower_ not in ("i", "we")
            )
        node = node.head
    return False


def _generic_adverb(verb: Any) -> bool:
    return verb.lemma_.lower() == "tend" or any(c.lower_ in GENERIC_ADVERBS for c in verb.children)


def _generic(verb: Any, ways: bool = False) -> bool:
    """A present-tense claim made of a whole group: "are very private", "can be intimidating",
    "don't tend to ...", "generally don't value ...", or of its ways ("Traveller culture makes
    it hard ...")."""
    children = list(verb.children)
    if _generic_adverb(verb):
        return True
    if verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in children
    ):
        return False  # a past event: "Roma families came to the open day"
    modals = {c.lower_ for c in children if c.tag_ == "MD"}
    copula = (
        (verb.lemma_ == "be" or verb.pos_ == "AUX")
        and any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() not in ENTITLED for c in children)
    ) or (  # "are very private"; "can be intimidating", parsed as "be" + "intimidating"
        verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in children)
    )
    if modals:
        # ("Aboriginal families can ask for ...", "will be invited ...": a right or a plan)
        return modals <= {"can", "ca"} and copula
    if not (verb.tag_ in ("VBP", "VBZ") or any(c.tag_ in ("VBP", "VBZ") for c in children)):
        return False
    if verb.lemma_ == "be" or verb.pos_ == "AUX":
        return copula
    negated = any(c.dep_ == "neg" for c in children)
    return negated or ways or verb.lemma_.lower() in ATTITUDE_VERBS


def _stereotypes(doc: Any) -> Iterable[tuple[Any, Any]]:
    """(first, last) tokens of each generalisation about a group."""
    for token in tokens(doc):
        lower = token.lower_
        # "typical of Travellers", "as is common in Traveller culture", "the norm for Roma girls"
        if lower in USUAL and token.pos_ in ("ADJ", "NOUN"):
            # (the parse may hang the "in" of "as is common in ..." on the verb)
            heads = [token, token.head] if token.dep_ in ("acomp", "attr") else [token]
            for prep in (c for h in heads for c in h.children):
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "for", "among", "within"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and _group(obj):
                            yield token, obj
        # "Traveller men can be intimidating", "these families don't tend to see ..."
        elif token.dep_ in ("nsubj", "nsubjpass") and _group(token):
            if token.lower_ in GROUP_WAYS:
                continue
            verb = token.head
            if token.lower_ in COMMUNITIES and not _generic_adverb(verb):
                continue  # ("the Somali community at the mosque helps Amina")
            if verb.pos_ in ("VERB", "AUX") and _generic(verb, ways=token.lower_ in WAYS_OF_LIFE):
                yield min(token.left_edge, verb, key=lambda t: t.i), verb
        # "Despite being a Traveller, ..."
        elif lower == "despite":
            for t in token.subtree:
                if t.dep_ in ("attr", "pobj") and (_identity(t) or _group(t)):
                    yield token, t
                    break
        # "As with a lot of these families, ...", "like many Roma parents" (not "plays with
        # other Traveller children": company, not a comparison)
        elif (lower == "like" or (lower == "with" and _after_as(token))) and token.dep_ == "prep":
            quantifiers = QUANTIFIERS if lower == "like" else MOST
            for obj in token.children:
                if obj.dep_ != "pobj":
                    continue
                inner = obj
                if obj.lower_ in quantifiers:
                    inner = next(
                        (
                            o
                            for p in obj.children
                            if p.lower_ == "of"
                            for o in p.children
                            if o.dep_ == "pobj"
                        ),
                        obj,
                    )
                    if inner is obj:
                        continue
                elif not any(c.lower_ in quantifiers for c in obj.children):
                    continue
                if _group(inner):
                    yield token, inner


def check_group_stereotype(context: CheckContext) -> Iterable[Hit]:
    for statement, doc in context.items:
        seen: set[int] = set()
        for first, last in _stereotypes(doc):
            start_i, end_i = min(first.i, last.i), max(first.i, last.i) + 1
            if start_i in seen or _reported(first):
                continue
            if not (not_quoted(doc, start_i, end_i) and not_childs_own_words(doc, start_i, end_i)):
                continue
            seen.add(start_i)
            span = doc[start_i:end_i]
            yield Hit.on_span(
                statement,
                span,
                f"“{span.text}” describes a whole group, not what this family did",
                "What did this parent do or say, and when? If the family's culture or faith "
                "matters here, say what they told you it means to them.",
            )


# A person's ways that a concession can run down: "despite her chaotic lifestyle".
PERSONAL_WAYS = frozenset(
    {"lifestyle", "lifestyles", "behaviour", "behaviours", "behavior", "behaviors", "attitude"}
    | {"iq", "intelligence", "personality", "temper", "manner", "manners", "ways", "choices"}
    | {"parenting", "nature", "character", "outbursts"}
)
# Words that run those ways down (the verdict, not a description).
RUNNING_DOWN = frozenset(
    {"chaotic", "low", "limited", "difficult", "poor", "bad", "erratic", "volatile", "unstable"}
    | {"aggressive", "challenging", "hostile", "negative", "questionable", "dubious", "messy"}
    | {"troubled", "colourful", "colorful", "disorganised", "disorganized", "unsettled"}
    | {"problematic", "unhelpful", "awkward", "hectic", "reckless", "lazy", "selfish"}
)
# Put-down nouns after "despite being a ...": "a conspiracy nut", "a bit of a know-it-all".
LABELS = frozenset({"nut", "know", "nightmare", "liability", "snob", "bully", "liar", "waster"})
# Verdicts after "despite being": "despite being quite difficult", "despite being so rude".
BEING_VERDICTS = RUNNING_DOWN | frozenset(
    {"rude", "defensive", "uncooperative", "argumentative", "demanding", "stubborn", "hopeless"}
    | {"useless", "immature", "irresponsible", "manipulative", "dramatic", "unreliable"}
)
CONCESSIVE = frozenset({"despite", "notwithstanding"})
# A person's shortcomings named as such: "despite his limitations".
FAILINGS = frozenset({"limitation", "shortcoming", "failing", "flaw"})


def _running_down(phrase: Any) -> Any | None:
    """The word that runs a person down in what a concession concedes: "her chaotic
    lifestyle", "his low IQ", "being quite difficult", "being a bit of a know-it-all"."""
    for obj in phrase.children:
        if obj.dep_ == "pobj" and obj.lemma_.lower() in PERSONAL_WAYS:
            owner = any(
                c.dep_ == "poss" and (c.tag_ == "PRP$" or is_person(c)) for c in obj.children
            )
            verdict = next(
                (c for c in obj.children if c.dep_ == "amod" and c.lower_ in RUNNING_DOWN), None
            )
            if owner and verdict is not None:
                return obj
        # "despite his limitations", "despite her failings": a running-down on its own
        if (
            obj.dep_ == "pobj"
            and obj.lemma_.lower() in FAILINGS
            and any(c.dep_ == "poss" and (c.tag_ == "PRP$" or is_person(c)) for c in obj.children)
            # (not "despite his physical limitations": a disability, named as such)
            and not any(c.dep_ in ("amod", "compound") for c in obj.children)
        ):
            return obj
        # "despite being quite difficult" (not "despite being tired after her shift")
        if obj.dep_ == "pcomp" and obj.lower_ == "being":
            for c in obj.children:
                if c.dep_ in ("acomp", "attr") and c.lower_ in BEING_VERDICTS:
                    return c
                # "despite being a conspiracy nut", "a bit of a know-it-all"
                if c.dep_ == "attr" and any(t.lower_ in LABELS for t in c.subtree):
                    return c
    return None


CONCEDING = frozenset({"although", "though", "while", "whilst"})


def _conceded_verdict(mark: Any, praised: Any) -> Any | None:
    """The verdict in "Although she can be difficult, Mum ...": a verdict on the person the
    sentence goes on to praise, conceded. (Not "Although Dad was aggressive at the door, Mum
    took the children upstairs", another person; nor "While Dad was out", a time.)"""
    verb = mark.head
    if mark.dep_ != "mark" or verb.dep_ != "advcl" or verb.lemma_ != "be":
        return None
    conceded = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if conceded is None or not (
        conceded.lower_ == praised.lower_
        or (conceded.lower_ in ("he", "she", "they") and conceded.i < praised.i)
    ):
        return None
    if mark.lower_ in ("while", "whilst") and not (
        verb.tag_ in ("VBZ", "VBP") or any(c.lower_ == "can" for c in verb.children)
    ):
        return None  # (a habit, "while she can be difficult", not a past moment)
    return next(
        (c for c in verb.children if c.dep_ == "acomp" and c.lower_ in BEING_VERDICTS), None
    )


def _backhanded(doc: Any) -> Iterable[tuple[Any, Any]]:
    """(first, last) tokens of each concession that runs a person down on the way to a
    strength: "Despite her chaotic lifestyle, Mum clearly loves the kids", "Although she can
    be difficult, Mum keeps the flat spotless"."""
    for token in tokens(doc):
        if token.lower_ in CONCEDING:
            main = token.head.head
            subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and is_person(subject):
                verdict = _conceded_verdict(token, subject)
                if verdict is not None:
                    yield token, verdict
            continue
        if token.lower_ in CONCESSIVE or (
            token.lower_ == "of"
            and token.i > 1
            and doc[token.i - 1].lower_ == "spite"
            and doc[token.i - 2].lower_ == "in"
        ):
            last = _running_down(token)
            if last is None:
                continue
            first = token if token.lower_ in CONCESSIVE else doc[token.i - 2]
            verb = first.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and is_person(subject):
                yield first, last


def check_backhanded_praise(context: CheckContext) -> Iterable[Hit]:
    yield from writers_own_hits(
        context,
        lambda doc: ((first.i, last.i + 1) for first, last in _backhanded(doc)),
        "“{text}” runs the person down on the way to praising them",
        "Keep the strength and say what the person does ('Mum takes the twins to "
        "nursery every morning'); put any worry in the worry column, as what happened.",
    )


# Words that turn a label into a reputation: "a known drug dealer", "a notorious troublemaker".
REPUTED = frozenset({"known", "notorious", "infamous"})  # ("well-known" is split: "well", "known")
INDEFINITE = frozenset({"a", "an"})
# Nouns a reputation can be good or neutral on: "a known face at the school".
NEUTRAL_STANDING = frozenset(
    {"face", "figure", "member", "name", "presence", "supporter", "volunteer", "quantity"}
    | {"friend", "regular", "helper", "character", "personality"}
)


def _said_of_a_person(noun: Any) -> bool:
    """The noun phrase describes a person: "Dad is a known ...", "Craig, a known ...", "who is
    a known ..."."""
    if noun.dep_ == "appos":
        return is_person(noun.head)
    verb = noun.head
    if noun.dep_ == "attr" and verb.lemma_ == "be":
        for subject in verb.children:
            if subject.dep_ != "nsubj":
                continue
            if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
                subject = verb.head  # "Dad, who is a known ..."
            if is_person(subject):
                return True
    return False


def _reputations(doc: Any) -> Iterable[Any]:
    """The noun of "a known drug dealer", "a well-known troublemaker": a label
    passed on as common knowledge, not something anyone saw."""
    for token in tokens(doc):
        if token.lower_ not in REPUTED or token.dep_ != "amod":
            continue
        noun = token.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i < token.i:
            continue
        if not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in noun.children):
            continue
        if noun.lemma_.lower() in NEUTRAL_STANDING:
            continue  # "Gran is a well-known figure at the church"
        if _said_of_a_person(noun):
            yield noun


def check_reputation_label(context: CheckContext) -> Iterable[Hit]:
    yield from writers_own_hits(
        context,
        lambda doc: (
            (next(c.i for c in noun.children if c.dep_ == "det"), noun.i + 1)
            for noun in _reputations(doc)
        ),
        "“{text}” passes on a reputation as if it were a fact",
        "Say what the person did, when, and how you know: 'Craig was convicted of a "
        "racially aggravated assault in 2021'.",
    )


# "chose her partner over her children", "puts drink before the kids": a parent's motives
# told as a ranking of what they care about. ("Over" only after choosing: "put a blanket over
# the baby" is care.)
PUT_BEFORE = frozenset({"before", "above"})
RANKINGS: dict[str, frozenset[str]] = {
    "choose": PUT_BEFORE | {"over"},
    "put": PUT_BEFORE,
    "place": PUT_BEFORE,
}


def _child_phrase(noun: Any) -> bool:
    """ "her children", "Ada", "the baby", "Kayden and Rio", "the needs of her children"."""
    if is_child_token(noun) or refers_to_a_child(noun):
        return True
    return noun.lemma_.lower() in ("need", "welfare", "safety", "wellbeing") and any(
        (c.dep_ == "prep" and c.lower_ == "of" and any(_child_phrase(o) for o in c.children))
        or (c.dep_ == "poss" and _child_phrase(c))  # "her children's safety"
        for c in noun.children
    )


def _named_persons_needs(noun: Any) -> bool:
    """ "Tyler's needs": a named person's needs, which a parent ranking them below something
    else ("Dad puts his job before Tyler's needs") means a child's."""
    return noun.lemma_.lower() in ("need", "welfare", "safety", "wellbeing") and any(
        c.dep_ == "poss" and c.pos_ == "PROPN" and is_person(c) for c in noun.children
    )


def chosen_over_child(doc: Any) -> Iterable[tuple[Any, Any]]:
    """(verb, last token) where someone is said to choose or put something over a child:
    "Kerry has chosen her new partner over her children"."""
    for verb in tokens(doc):
        ranked_above = RANKINGS.get(verb.lemma_.lower())
        if verb.pos_ != "VERB" or ranked_above is None:
            continue
        # (the parse may split the object: "puts her drinking before ..." as "her" and
        # "drinking", two objects; the last one is the thing put first)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects:
            continue
        # ("over" can hang from the chosen thing: "chose Dean's friends over Kai")
        chooser = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if chooser is None and verb.dep_ == "xcomp":  # "will continue to put his job before"
            chooser = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        for prep in (*verb.children, *(g for o in objects for g in o.children)):
            chosen = prep.head if prep.head in objects else objects[-1]
            if prep.dep_ == "prep" and prep.lower_ in ranked_above:
                child = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if child is None or not (
                    _child_phrase(child)
                    or (
                        chooser is not None
                        and is_carer_token(chooser)
                        and _named_persons_needs(child)
                    )
                ):
                    continue  # (not "Mum chose Dean over her own parents", nor "Mark puts his
                    # job before Sarah's needs", where nothing says Sarah is his child)
                # "chosen Darren over Tyler", a person over a child, by an adult (not a child
                # choosing where to live); but "put the children before her relationship" is
                # the goal, not blame
                adult_chooses_a_person = (
                    is_person(chosen)
                    and chooser is not None
                    and not is_child_token(chooser)
                    and not refers_to_a_child(chooser)
                )
                if adult_chooses_a_person or not _child_phrase(chosen):
                    yield verb, child


def _phrase_end(noun: Any) -> int:
    """The index after the noun's phrase, its closing bracket included ("Ruby (3)")."""
    doc = noun.doc
    end = noun.right_edge.i + 1
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        return end + 3  # (an age the parse hung elsewhere)
    while end < len(doc) and doc[end].text == ")":
        end += 1
    return end


def check_chosen_over_child(context: CheckContext) -> Iterable[Hit]:
    yield from writers_own_hits(
        context,
        lambda doc: ((verb.i, _phrase_end(child)) for verb, child in chosen_over_child(doc)),
        "“{text}” tells the reader what the parent cares about most",
        "Say what the parent did and what happened to the child: 'Kerry let Scott "
        "back into the house on 3 May, and that night Scott smacked Ruby'.",
    )
