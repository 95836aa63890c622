"""Parse-based conditions on word-list matches (a term rule's ``filter`` option).

A word list finds "refused", "claims" or "regularly"; whether the word is a fault depends on
the sentence. Each filter takes the statement's ``Doc`` and the matched token span and says
whether the match stands. Filters only run on parsed ``Doc``s; without a parse the match
stands.
"""

from __future__ import annotations

import re
from typing import Any

from sos_lint.checks.analysis import (
    DAYS,
    DEMAND_SECTIONS,
    MONTHS,
    POSSIBILITY_MODALS,
    doc_text,
    facts,
    is_child_token,
    is_individual,
    is_person,
    mentions_time,
    role_words,
    words,
)


def _verb_subject(token: Any) -> Any | None:
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for clause in facts(token.doc).clauses:
        if clause.verb == verb:
            return clause.subject
    return None


def _head_word(doc: Any, start: int, end: int) -> Any:
    """The matched words' verb ("failed" in "failed to"), else their last word."""
    return next((t for t in doc[start:end] if t.pos_ == "VERB"), doc[end - 1])


def person_acts(doc: Any, start: int, end: int) -> bool:
    """Blame words describe people: drop the match when the verb's subject is an
    organisation or a thing ("The council refused the family's application")."""
    head = _head_word(doc, start, end)
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if head.pos_ == "NOUN" and owner is not None:
        # "Mum's refusal to declutter", "his refusal to engage": the owner is the person
        if owner.lemma_.lower() in words("organisations"):
            return False  # "the council's refusal"
        return (owner.tag_ == "PRP$" and owner.lower_ != "its") or is_person(owner)
    subject = _verb_subject(head)
    if subject is None:
        return True  # a fragment ("Refused to let the worker in") is still about a person
    if subject.pos_ == "PRON":
        return subject.lower_ not in ("it", "this", "that", "which")
    if subject.lemma_.lower() in words("organisations"):
        return False
    return is_person(subject) or subject.ent_type_ == "PERSON"


def doubting_report(doc: Any, start: int, end: int) -> bool:
    """ "Mum claims she was at work" doubts her account; "Mum claims Universal Credit" and
    "the council refused the application" do not. Other reporting words need a person."""
    token = _head_word(doc, start, end)
    if token.lemma_.lower() == "claim":
        return _claims_an_account(token)
    if token.lemma_.lower() == "admit" and _admitted_somewhere(token):
        return False
    if token.lower_ in LIE_FORMS:
        return _called_a_liar(token)
    if token.lower_ in ("lay", "lays", "laid", "laying", "lain"):
        return False  # "will lay Rio on his back": the matcher's forms of "lie" include these
    if token.dep_ in ("compound", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"):
        return False  # used as a noun ("her PIP claim") whatever the tagger says
    if _after_a_determiner(token):
        return False  # "her report", "the allegations": a noun after a determiner
    return person_acts(doc, start, end)


# "lie" in its sense of saying what is not true ("lay" and "lain" are only lying down).
LIE_FORMS = frozenset({"lie", "lies", "lied", "lying"})
# How someone lies down: "lying on the sofa", "lies awake", "left lying around".
LYING_DOWN = frozenset(
    {"down", "awake", "asleep", "around", "about", "still", "flat", "back", "face", "low"}
    | {"next", "there", "here", "beside", "alongside", "in"}
)
# When someone lied, not where they lay: "on several occasions", "at the meeting".
LIE_TIMES = frozenset({"occasion", "occasions", "time", "times", "meeting", "visit", "conference"})
# Whose words the lying is in: "says the nurses are lying", "admitted she had lied".
# Verbs that report someone's words: "Kai told me he is actually scared of Dad".
REPORTED_BY = frozenset({"say", "tell", "explain", "report", "disclose", "describe", "write"})
ACCUSED_BY = REPORTED_BY | frozenset(
    {"claim", "believe", "think", "feel", "accuse", "insist", "shout", "scream", "text"}
    | {"message", "suggest", "allege", "argue"}
    # (and the person's own account: "Mum admitted she had lied because she was afraid")
    | {"admit", "agree", "accept", "confess", "acknowledge"}
)


def _called_a_liar(token: Any) -> bool:
    """ "Dad has lied to doctors about her pain", "Lee is using cocaine and lying about it": the
    writer's verdict on someone's honesty. Not lying down ("lies awake", "left lying on the
    sofa"), not someone else's accusation ("Sheila believes Kerry-Ann is lying"), not the
    reason a child was punished ("hit him because he lied about his homework", "for lying")
    and not a stranger online "lying about their age"."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("pcomp", "amod", "acl"):
        return False
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].lower_ in ("stop", "keep"):
        return False  # "stop lying" is SOS302's
    children = list(token.children)
    if any(
        (c.dep_ != "prep" and c.lower_ in LYING_DOWN)
        or c.dep_ in ("acomp", "oprd", "npadvmod")
        or (
            c.dep_ == "prep"
            and c.lower_ not in ("to", "about", "for", "since")
            # (not a time: "lied on many occasions", "lied in September")
            and not any(
                o.dep_ == "pobj" and (o.lemma_.lower() in LIE_TIMES or mentions_time(o.text))
                for o in c.children
            )
        )
        for c in children
    ):
        return False  # "lies awake", "lying on the floor", "lying face-down"
    subject = _verb_subject(token)
    if subject is None or not (is_person(subject) or subject.pos_ == "PRON"):
        return False  # "his weed lying around", "Lee's arm was lying across her"
    if subject.lower_ in ("someone", "somebody", "anyone", "anybody", "people") or any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children
    ):
        return False  # "when someone online is lying about their age"
    if any(
        c.dep_ == "mark" and c.lower_ in ("because", "when", "whenever", "if", "as")
        for c in children
    ):
        return False  # "because Andrei lied about school": why he was punished
    node = token
    while True:
        if any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS)
            for c in node.children
        ):
            return False  # "she is not lying", a danger's "she could start lying to her mum"
        if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or node.head == node:
            return True
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in ACCUSED_BY:
            return False  # "Chantelle still says the nurses are lying"
        node = node.head


def _admitted_somewhere(token: Any) -> bool:
    """ "asked to be admitted to the mother and baby unit", "when Lena is admitted": taken
    into a hospital or unit, not owning up (which is "admitted to the police that ...")."""
    if any(c.dep_ == "auxpass" for c in token.children):
        return True
    return any(
        p.lower_ in ("to", "into")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in ADMITTED_TO for o in p.children)
        for p in token.children
    )


ADMITTED_TO = frozenset(
    {"hospital", "unit", "ward", "mbu", "a&e", "hospice", "clinic", "centre", "bay", "icu"}
    | {"nicu", "scbu", "home", "placement", "refuge", "hostel", "school", "college"}
)


def _after_a_determiner(token: Any) -> bool:
    """A determiner or possessive, and no verb, in the two words before: a noun's place."""
    before = token.doc[max(0, token.i - 2) : token.i]
    return any(t.tag_ in ("DT", "PRP$", "POS") for t in before) and not any(
        t.pos_ in ("VERB", "AUX") for t in before
    )


CLAIMS = frozenset({"claim", "claims", "claimed", "claiming"})
_CLAUSE_OPENERS = frozenset(
    {
        "that",
        "to",
        "she",
        "he",
        "they",
        "i",
        "we",
        "it",
        "her",
        "his",
        "nothing",
        "no",
        "not",
        "there",
    }
)


def _claims_an_account(token: Any) -> bool:
    """ "Mum claims she was at work", "claimed to have stopped", "injuries that Mum claims
    were accidents" (the parse may call it a noun): a doubted account. But "claims Universal
    Credit", "claim help with rent", "the benefit she claims" and "her PIP claim" are money."""
    if token.lower_ not in CLAIMS:
        return False
    doc = token.doc
    if _after_a_determiner(token):
        return False  # "her claim", "the claims"
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None:
        return False
    if after.lower_ in _CLAUSE_OPENERS and not (
        after.lower_ in ("her", "his") and after.head.dep_ not in ("nsubj", "nsubjpass")
    ):
        return True  # "and claims she had only one drink", "claims her son fell"
    if any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in token.children):
        return False  # "cannot claim help with the rent (and Grace works ...)": money claimed
    if token.pos_ == "VERB" and any(c.dep_ in ("ccomp", "xcomp") for c in token.children):
        return True
    before = doc[token.i - 1] if token.i > 0 else None
    return before is not None and is_person(before) and after.pos_ in ("AUX", "VERB")
    # ("injuries that Mum claims were accidents")


_TIME_NOUNS = (
    r"day|night|morning|afternoon|evening|week|weekend|fortnight|month|year|term|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|time|visit|session|meal|"
    r"school day|holiday"
)
_NAMED_FREQUENCY = re.compile(
    rf"\b(?:every|each)\s+(?:other\s+|single\s+|\w+\s+)?(?:{_TIME_NOUNS})s?\b"
    r"|\b(?:once|twice|three times|four times|five times|\d+\s+times)\b"
    r"|\b(?:daily|weekly|fortnightly|monthly|nightly)\b"
    r"|\bon\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b",
    re.IGNORECASE,
)


def no_named_frequency(doc: Any, start: int, end: int) -> bool:
    """ "regularly, every Saturday morning": the frequency is named beside the vague word, or
    counted later in the statement ("Sometimes her old friends knock late at night; she
    counted five times in January"), so the statement already says how often."""
    sent = doc[start].sent
    left = max(sent.start, start - 10)
    nearby = doc[left:start].text + " " + doc[end:].text
    if end < len(doc) and doc[end].lower_ in DAYS:
        return False  # "regular Tuesday visits"
    return not _NAMED_FREQUENCY.search(nearby)


# Quoted words: "...", “...”, and '...' opened after a space, a colon or the start.
_QUOTED = re.compile(
    r"[\"“]([^\"”]*)[\"”]|(?:(?<=\s)|(?<=^)|(?<=:)|(?<=\())['‘](\S.*?)['’](?=[\s.,;:!?)]|$)"
)


def not_quoted(doc: Any, start: int, end: int) -> bool:
    """A vague word inside quotation marks is what the parent or child said ("Mum said, 'I'll
    be honest, things got heated.'"): the record should quote it, not reword it."""
    spans = doc.user_data.get("sos_quoted")
    if spans is None:
        spans = [(m.start(), m.end()) for m in _QUOTED.finditer(doc_text(doc))]
        doc.user_data["sos_quoted"] = spans
    if not spans:
        return True
    first = doc[start].idx
    last = doc[end - 1].idx + len(doc[end - 1])
    return not any(s < first and last <= e for s, e in spans)


def no_number_nearby(doc: Any, start: int, end: int) -> bool:
    """ "several meetings, all four since March": the count is given right after."""
    sent = doc[start].sent
    window = doc[end : min(sent.end, end + 7)]
    return not any(
        t.like_num
        and t.ent_type_ not in ("DATE", "TIME")
        and not _next_is_a_month(t)
        and not _a_year(t)
        and not _an_age(t)
        for t in window
    )


def _a_year(token: Any) -> bool:
    """ "during 2023": a year, not a count."""
    return len(token.text) == 4 and token.text.isdigit() and 1900 <= int(token.text) <= 2100


def _an_age(token: Any) -> bool:
    """ "Kai (7)": a child's age in brackets, not a count."""
    doc = token.doc
    return (
        0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"
    )


def _next_is_a_month(token: Any) -> bool:
    """ "2 March", "3 May": a date, not a count."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ in MONTHS


# What opens an explanation straight after a term: ", which means ...", ", where everyone ...".
_EXPLAINS = re.compile(
    r"^\s*(?:,\s*(?:which\s+means|meaning|that\s+is|i\.e\.|which\s+is\s+(?:a|an|the|when|where)"
    r"|which\s+are|who|where)\b|\(\s*[a-z])",
    re.IGNORECASE,
)


def not_explained(doc: Any, start: int, end: int) -> bool:
    """A term explained where it is used ("an interim care order, which means the council
    decides where you live", "a court order called a non-molestation order", "the children's
    guardian, who speaks for Jade in court") has done what the rule asks."""
    before = doc[max(0, start - 3) : start].text.lower()
    if re.search(r"\b(?:called|known as|named)\s*(?:an?|the)?\s*$", before):
        return False
    tail = end
    # "a Team Around the Family meeting, where ...": step over the noun the term modifies
    while tail < len(doc) and tail - end < 2 and doc[tail].pos_ in ("NOUN", "PROPN"):
        tail += 1
    following = doc[tail : min(len(doc), tail + 4)].text
    if tail < len(doc) and doc[tail].text == ",":
        following = ", " + doc[tail + 1 : min(len(doc), tail + 4)].text
    return not _EXPLAINS.search(following)


# Where a bare "mental health" is the whole worry: the worry column, the child's pages, and text
# checked with no section.
BARE_WORRY_SECTIONS = frozenset(
    {"worry", "house_of_worries", "house_of_dreams", "words_and_pictures", None}
)


# What a parent is asked to accept: "needs to accept that her drinking puts Mia at risk".
ACCEPTING = frozenset(
    {"accept", "recognise", "recognize", "acknowledge", "understand", "realise", "realize"}
)
# How a named cause is said to endanger a child: "puts Mia at risk", "placed them at risk".
ENDANGERING = frozenset({"put", "place"})
ENDANGERING_FORMS = frozenset({"puts", "putting", "places", "placed", "placing"})


def not_what_must_be_accepted(doc: Any, start: int, end: int) -> bool:
    """ "Kerry needs to accept that her drinking put Mia at risk": in a demand, "at risk" is
    what the parent is asked to accept, and the drinking named is what puts the child there
    (the demand itself is a state of mind, which SOS502 reports; the blind writers did not
    call these vague in 11 of 12). "Mum needs to accept that Mia is at risk" names no cause
    and is still vague."""
    if doc.user_data.get("sos_section") not in DEMAND_SECTIONS or doc[end - 1].lower_ != "risk":
        return True
    # "at risk from her patches": the cause is named after the words
    named_after = end < len(doc) and doc[end].lower_ == "from"
    node = doc[start]
    while node.dep_ != "ROOT" and node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in ACCEPTING:
            # "that her drinking puts Mia at risk" (the parse may take "places" for a noun)
            endangers = any(
                t.lemma_.lower() in ENDANGERING or t.lower_ in ENDANGERING_FORMS
                for t in doc[node.left_edge.i : start]
            )
            return not (endangers or named_after)
        node = node.head
    return True


def worry_not_spelt_out(doc: Any, start: int, end: int) -> bool:
    """ "Gran raised one concern: Poppy's car seat is too small", "Mr Khan's concern is that
    Aisha walks home alone": the worry is stated straight after the word, so it is not vague;
    and "could suffer brain damage" names the harm it could suffer."""
    last = doc[end - 1]
    if (
        end - start == 2
        and doc[start].lower_ == "mental"
        and last.lower_ == "health"
        and doc.user_data.get("sos_section") not in BARE_WORRY_SECTIONS
        and any(t.pos_ in ("VERB", "AUX") for t in doc)  # (a bare "Mum's mental health." is)
    ):
        # "worried that Jade's mental health will deteriorate": outside the worry column and
        # the child's pages the person's mental health is named as a subject (SOS501 asks what
        # they do there), and blind writers rarely counted it vague; in the worry column a
        # bare "Mum's mental health" is the vague worry itself
        return False
    if last.lemma_.lower() == "suffer":
        return not any(c.dep_ == "dobj" and c.lemma_.lower() != "harm" for c in last.children)
    if last.lemma_.lower() == "fight":
        # "Mummy and Daddy had a big fight. Daddy pushed Mummy and she fell": the next words
        # say what happened (not "Mummy got hurt", which still leaves it unsaid)
        return not any(
            t.i >= end
            and t.pos_ == "VERB"
            and t.lemma_.lower() in words("harm_verbs")
            and any(c.dep_ == "nsubj" and is_person(c) for c in t.children)
            and any(c.dep_ == "dobj" and is_person(c) for c in t.children)
            for t in doc
        )
    if doc[start].lower_ == "concerned":
        # "concerned about Dad hitting Mia": what they fear is said (not "concerned about
        # Tyler's presentation"); nor "concerned about Mia, who has come in hungry on four
        # days this week", "not concerned about", "whenever she is concerned about"
        concerned = doc[start]
        if any(c.dep_ == "neg" or c.lower_ == "longer" for c in concerned.head.children):
            return False
        if any(
            a.dep_ == "advcl" and any(m.lower_ in WHENEVER for m in a.children)
            for a in [concerned.head, *concerned.head.ancestors]
        ):
            return False
        objects = [o for o in last.children if o.dep_ == "pobj"]
        told = any(c.dep_ == "relcl" for o in objects for c in o.children)
        # ("about Mum drinking", the parse may make "drinking" a noun)
        doing = any(
            t.lower_.endswith("ing") and t.i > end and is_person(doc[t.i - 1])
            for t in doc[end : end + 4]
        )
        return not (_names_what(doc, end) or told or doing)
    if last.lemma_.lower() not in ("concern", "worry"):
        return True
    after = [t.lower_ for t in doc[end : min(len(doc), end + 6)]]
    if (after[:1] == ["that"] or after[:2] == ["is", "that"]) and not _nobodys(last):
        return False
    if ":" in after and not any(
        p in after[: after.index(":")] for p in (".", ";", ",", "re", "re.")
    ):  # (but "Concerns re: CSE" is a topic, not the worry)
        return False  # "raised one concern at the meeting: ..."
    return not (after[:1] == ["about"] and _names_what(doc, end + 1))


def _nobodys(concern: Any) -> bool:
    """ "There are concerns that Kayla might relapse", "The concern is that ...": a worry
    nobody owns, so the reader cannot ask whose it is or what they saw (not "Mr Khan's
    concern is that", "Gran raised a concern that")."""
    if any(c.dep_ == "poss" for c in concern.children):
        return False
    if concern.dep_ == "ROOT" and concern.lemma_.lower() == "concern":
        return True  # "Concerns that Zara is being groomed online." as a whole note
    head = concern.head
    if any(c.dep_ == "expl" for c in head.children):
        return True  # "there are concerns that"
    return (
        concern.dep_ == "nsubj"
        and head.lemma_ == "be"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in concern.children)
    )


# What makes a worry a condition for acting, not the worry itself: "whenever she is concerned".
WHENEVER = frozenset({"when", "whenever", "if", "once"})


def _names_what(doc: Any, i: int) -> bool:
    """ "a concern about Kai walking home alone": a person doing something, not a topic."""
    if i >= len(doc):
        return False
    token = doc[i]
    return is_person(token) and any(
        t.tag_ == "VBG" and t.i > token.i for t in doc[i : min(len(doc), i + 4)]
    )


# Verbs done to objects: "threw things", "packed her things", "bought the things she needed".
HANDLED = frozenset(
    {"throw", "break", "smash", "pack", "carry", "buy", "sell", "steal", "take", "bring", "move"}
    | {"tidy", "wash", "collect", "clean", "hide", "lose", "fetch", "drop", "pick", "kick"}
    | {"find", "keep", "put", "get", "leave", "store", "give", "sort", "unpack", "chuck"}
    | {"damage", "destroy", "need", "want", "own", "use", "have", "make", "draw", "like", "love"}
    | {"smoke", "drink", "eat", "end", "send", "post", "share", "say", "spill", "cook", "tell"}
    | {"remember", "read", "write", "learn", "touch", "grab", "hold", "handle", "knock", "lick"}
    | {"fix", "mend", "repair", "hoard", "smell", "taste", "donate", "recycle", "bin", "stack"}
    | {"pile", "clear", "dump", "hoover", "dust", "label", "fold"}
)
# Objects reached through a preposition: "climbs on things", "reaches for things", "fills
# the flat with things", "can't let go of things".
REACHED = frozenset({"climb", "reach", "bump", "bang", "trip", "crawl"})
FILLED = frozenset({"fill", "cover", "clutter", "cram", "stuff", "block", "pile", "stack", "part"})
# Things described by what they are made of or their state: "broken electrical things".
CONCRETE = frozenset(
    {"electrical", "broken", "old", "sharp", "heavy", "precious", "valuable", "plastic", "metal"}
    | {"second-hand", "glass", "wooden", "dirty", "clean", "spare"}
)
# What kind of things, said: "saw frightening things in the war", "thought scary things were
# real" (not "did horrible things to Mummy", which still hides what he did, nor "the small
# things", a summary)
KINDS_OF_THING = frozenset({"scary", "frightening", "hot", "new", "kind", "neutral", "everyday"})
# Things explained, forgotten or agreed to, told as how someone is (but in a plan, "will
# explain things to Kai" or "check on things" names nothing anyone can see done).
EXPLAINED = frozenset({"explain", "forget", "believe", "agree"})
# "wants things to go back to normal", "for things to calm down": how things should become.
BECOME = frozenset({"be", "go", "get", "calm", "settle", "change", "improve", "stay", "feel"})
WISHED = frozenset({"want", "like", "hope", "wish", "need", "love", "prefer"})


def _things_to_become(doc: Any, end: int) -> bool:
    """ "Kian would like things to go back to normal", "for things to calm down": a wish for
    things to become some way, with no picture in it. Only "things" wished for (after "want",
    "like", "hope", "wish", "need" or "for"), not "threw things to get her attention", "packed
    things to go to Gran's" or "a list of things to get", and not the child's own "I want ..."."""
    token = doc[end - 1]
    wisher = token.head
    if token.dep_ == "nsubj" and wisher.head != wisher:
        wisher = wisher.head  # "wants things to go back": "things" is the subject of "go"
    wished = (
        wisher.lemma_.lower() in WISHED
        # "would like things to ...", not "likes things to be in the same place" (a habit)
        and (
            wisher.lemma_.lower() != "like"
            or any(c.lower_ in ("would", "'d") for c in wisher.children)
        )
    ) or (token.dep_ in ("pobj", "nsubj") and wisher.lower_ == "for")
    if not wished or any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in wisher.children):
        return False
    window = doc[end : min(len(doc), end + 5)]
    for i, t in enumerate(window):
        if t.tag_ == "TO" and i + 1 < len(window):
            verb = window[i + 1]
            if verb.lemma_.lower() not in BECOME or any(c.dep_ == "dobj" for c in verb.children):
                return False  # ("things to get from the shop": objects)
            after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
            return not (verb.lemma_.lower() == "be" and after is not None and after.tag_ == "VBN")
        if t.pos_ in ("VERB", "AUX", "PUNCT", "CCONJ"):
            return False
    return False


# What a feared event hangs on: "worried that something bad will happen".
FEARED = frozenset(
    {"worry", "fear", "afraid", "scared", "frightened", "worried", "anxious", "imagine"}
    | {"panic", "terrified"}
)
# What a child may think of themselves: "Kuba thinks he did something wrong".
THINKING = frozenset({"think", "believe", "feel", "assume", "convince"})
# What opens a clause about any time it might happen: "when something bad happens to him".
ANY_TIME = frozenset({"when", "whenever", "if", "unless"})
# Sections that plan or record safety (a goal, a next step, what needs to happen, existing
# safety): a trigger there must still be named ("if something happens at Dad's").
PLANNING = frozenset({"safety_goal", "next_step", "needs_to_happen", "existing_safety"})


def _only_feared(something: Any) -> bool:
    """ "Skye could think she has done something wrong", "worried that something bad will
    happen", "Alfie could stop telling any adult when something bad happens to him": a fear,
    a child's own guilt or any time it might happen, not an account of what did (not "Marcus
    has done something wrong on the internet", "Mrs Patel believes Dad did something to
    Ellie", nor a plan's "if something happens at Dad's")."""
    verb = something.head
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else verb
    if following.lower_ == "again" or any(c.lower_ == "again" for c in verb.children):
        return False  # "if something happens again": the event already told
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # (only the clause that holds it: its own link to the clause above)
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    above = node.head
    if node.dep_ in ("ccomp", "xcomp", "advcl"):
        if above.lemma_.lower() in FEARED:
            return True
        if (
            above.lemma_.lower() in THINKING
            and subject is not None
            and subject.lower_ in ("he", "she", "they", "i", "you")
        ):
            return True  # "Kuba thinks he did something wrong": his own guilt
    return (
        node.dep_ == "advcl"
        and verb.tag_ in ("VBZ", "VBP")
        and something.doc.user_data.get("sos_section") not in PLANNING
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in ANY_TIME for c in node.children)
        and _forecast(above)
    )


def _forecast(verb: Any) -> bool:
    """The clause says what could or will happen ("could stop telling", "could make Alfie
    too scared to tell": through its "to", "and" and complement verbs up to the modal)."""
    node = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in FORECASTS for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def things_not_objects(doc: Any, start: int, end: int) -> bool:
    """ "Things need to improve", "the things that happened": a vague stand-in. But objects
    someone handles ("threw things", "her things", "school things", "things she needs") are
    not, and "make things better" is left to the vague quality words."""
    token = doc[end - 1]
    something = next((t for t in doc[start:end] if t.lower_ == "something"), None)
    if something is not None and _only_feared(something):
        return False  # "Skye could think she has done something wrong": feared, not told
    if token.lower_ not in ("things", "stuff"):
        return True  # a whole phrase ("responsibility for what happened"), not an object
    if any(c.dep_ in ("poss", "compound", "nummod") for c in token.children):
        return False  # "her things", "baby things", "two things"
    following = [t.lower_ for t in doc[end : min(len(doc), end + 3)] if t.text != ","]
    if following[:1] in (["like"], [":"]) or following[:2] == ["such", "as"]:
        return False  # "over small things, like spilling his drink": the things are named
    if any(
        c.dep_ == "amod" and c.lower_ in ("other", "few", "same", "best", "favourite")
        for c in token.children
    ):
        return False  # ("the best things at home are when Mum makes pancakes": named next)
    if any(c.dep_ == "amod" and c.lower_ in CONCRETE for c in token.children):
        return False  # "broken electrical things": objects
    done = token.head.lemma_.lower() == "do"  # ("did scary things to Mummy": what, exactly?)
    if not done and any(c.dep_ == "amod" and c.lower_ in KINDS_OF_THING for c in token.children):
        return False  # "saw frightening things in the war": a kind named
    section = doc.user_data.get("sos_section")
    if section in HOUSES | {"words_and_pictures"} and any(
        c.dep_ == "amod" and c.lower_ == "sexual" for c in token.children
    ):
        return False  # "he did sexual things to a 14-year-old girl": a child's words for it
    if section == "scaling" and [t.lower_ for t in doc[end : min(len(doc), end + 3)]][1:3] == [
        "so",
        "bad",
    ]:
        return False  # "0 means things are so bad that ...": a scale's end, told next
    if token.sent.start > 0 and any(
        c.dep_ == "det" and c.lower_ in ("these", "those", "both") for c in token.children
    ):
        return False  # "Connor bit Kacey ... He did those things": the things just told
    if (
        doc.user_data.get("sos_section") not in DEMAND_SECTIONS
        and token.dep_ in ("dobj", "pobj")
        and (
            token.head.lemma_.lower() in EXPLAINED
            or (token.head.dep_ == "prep" and token.head.head.lemma_.lower() in EXPLAINED)
        )
    ):
        return False  # "explains things slowly, with pictures", "forgets things"
    if token.dep_ == "pobj" and (
        (token.head.lower_ == "with" and token.head.head.lemma_.lower() in FILLED)
        or (token.head.lower_ == "of" and token.head.head.lemma_.lower() == "go")
    ):
        return False  # "filling the flat with things", "let go of things", "part with things"
    if _things_to_become(doc, end):
        return True  # "Kian would like things to go back to normal"
    if token.dep_ in ("dobj", "conj") and token.head.lemma_.lower() in HANDLED:
        return False
    if token.dep_ == "dobj" and token.head.lower_ == "mean" and token.head.tag_ == "VB":
        return False  # "Dad says mean things about Nana" (the parse takes "mean" for a verb)
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("on", "for", "into", "over", "onto")
        and token.head.head.lemma_.lower() in REACHED
    ):
        return False  # "when Reggie climbs on things": furniture, not a summary
    if token.dep_ in ("nsubjpass",) and token.head.lemma_.lower() in HANDLED:
        return False  # "things got broken": objects
    if any(
        c.dep_ == "prep" and c.lower_ == "about" and any(o.dep_ == "pobj" for o in c.children)
        for c in token.children
    ) and token.dep_ in ("dobj", "conj"):
        return False  # "says unkind things about Nana", "told things about the court case"
    after = doc[end : min(len(doc), end + 10)]
    like = any(t.lower_ == "like" and (t.dep_ == "prep" or t.pos_ == "ADP") for t in after)
    if like and any(c.dep_ == "relcl" for c in token.children):
        return False  # "things that are not true, like people watching the house"
    before = [t for t in doc[max(0, start - 3) : start] if t.pos_ not in ("DET", "ADJ")]
    if before and before[-1].pos_ == "VERB" and before[-1].lemma_.lower() in HANDLED:
        return False  # "come to the flat drunk and throw things" (the parse may lose the object)
    if before and before[-1].lower_ == "how":
        return False  # "will ask Dylan each week how things are at home": the check, his words
    verb = token.head
    if verb.head.lemma_.lower() in ("make", "put", "get", "set") and verb != verb.head:
        return False  # "make things right": left to the vague quality words
    if any(
        p.lower_ == "at" and any(o.like_num or o.lower_ in ("a", "an") for o in p.subtree)
        for p in verb.children
    ):
        return False  # "things were at a 6": a scaling answer
    for child in token.children:
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in HANDLED:
            return False  # "the things Kai needed for school", "things being thrown"
    return True


HOUSES = frozenset({"house_of_worries", "house_of_good_things", "house_of_dreams"})
FIRST_PERSON = frozenset({"i", "me", "my", "i'm", "we", "us", "our"})
SPEAKER = frozenset({"i", "me", "my", "i'm"})  # (a worker's summary may say "we")


# Verbs of telling someone something: "Kai told me he ...", "said to us that ...".
TELLING = frozenset({"tell", "say", "explain", "show", "ask"})


def _worker_told(token: Any) -> bool:
    """ "Kai told me he worries about things at home": the "me" is the worker being told, and
    the sentence is the worker's summary (not "Scott tells me off", the child's own words)."""
    if token.lower_ not in ("me", "us") or token.dep_ not in ("dobj", "dative", "pobj"):
        return False
    teller = token.head if token.head.pos_ == "VERB" else token.head.head  # ("said to me")
    return (
        teller.lemma_.lower() in TELLING
        and any(c.dep_ == "ccomp" for c in teller.children)
        and not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in teller.children)
    )


def not_childs_own_words(doc: Any, start: int, end: int) -> bool:
    """In the three houses, the child's own words ("I think Dad might be sad", or quoted) keep
    their hedges; the worker's summary of them ("Apparently Sam likes school") does not."""
    if doc.user_data.get("sos_section") not in HOUSES:
        return True
    if not not_quoted(doc, start, end):
        return False
    sentence = doc[start].sent
    if any(t.lower_ in FIRST_PERSON and not _worker_told(t) for t in sentence):
        return False
    # "I don't want another operation. It hurt a lot last time.": the child speaks from the
    # first sentence on; and the parse may cut "Mum stays in bed a lot and I hide" in two.
    # (Not a worker's "He told me this on 3 May" after a summary.)
    if any(t.lower_ in SPEAKER and not _worker_told(t) for t in next(iter(doc.sents))):
        return False
    following = doc[sentence.end] if sentence.end < len(doc) else None
    return not (
        following is not None
        and following.lower_ in ("and", "but", "so")
        and any(t.lower_ in SPEAKER and not _worker_told(t) for t in following.sent)
    )


# Verbs that report an insult someone used on another: "called her useless", "tells him he is
# useless" (but "says Mum is a liar" passes the speaker's verdict on).
NAME_CALLING = frozenset({"call", "tell", "shout", "scream", "yell", "swear", "text", "message"})


def not_name_calling(doc: Any, start: int, end: int) -> bool:
    """ "Dean called Ruby useless" reports what Dean said, which is the harm; "Dean is useless"
    is the writer's own insult."""
    sentence = doc[start].sent
    return not any(
        verb.lemma_.lower() in NAME_CALLING
        # (someone is called the name: not "never calls the school and is useless")
        and any(
            (c.dep_ in ("dobj", "dative", "poss") or (c.dep_ == "nsubj" and c.head != verb))
            and (c.pos_ == "PRON" or is_individual(c))
            for c in verb.subtree
            if c.i < start
        )
        for verb in doc[max(sentence.start, start - 6) : start]
    )


def not_a_connector(doc: Any, start: int, end: int) -> bool:
    """ "Finally, the social worker will visit": "finally" that orders a list is not a sneer
    ("Mum finally got the flat sorted" is)."""
    token = doc[start]
    if end - start != 1 or token.lower_ != "finally":
        return True
    following = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    return not (
        token.is_sent_start
        or (following is not None and following.text == ",")
        or (before is not None and before.lower_ in ("and", "lastly"))
    )


# "ASAP", "in due course": in a next step these stand where the date should be, which the
# next-step check (SOS742) already reports; one finding for the one gap. ("In the next few
# weeks", "in the near future" and "soon" are vague times as well as no date, and writers mark
# both, so they keep both findings.)
LOOSE_DEADLINE_PHRASES = (
    r"(?:in due course|as soon as possible|asap|at the earliest opportunity|when possible"
    r"|where possible|at a later date|as and when)"
)
LOOSE_DEADLINES = re.compile(rf"^{LOOSE_DEADLINE_PHRASES}$", re.IGNORECASE)


def not_a_missing_deadline(doc: Any, start: int, end: int) -> bool:
    if doc.user_data.get("sos_section") != "next_step":
        return True
    return not LOOSE_DEADLINES.match(doc[start:end].text)


# Sections that describe the pattern behind a worry about the future, where "most nights"
# says how usual it is; harm, safety and goals need the count.
PATTERN_SECTIONS = frozenset(
    {"danger_statement", "complicating_factor", "harm", "words_and_pictures"}
)
USUAL_TIMES = frozenset(
    {"nights", "days", "evenings", "mornings", "afternoons", "weekends", "weekdays", "weeks"}
)


def not_a_usual_pattern(doc: Any, start: int, end: int) -> bool:
    """ "Stacey is drunk most nights and could neglect Aiden": in a danger statement or a
    complicating factor, "most nights" is the pattern the worry rests on, not a vague count;
    and in a harm statement or a story for a child ("Sean has called Tilly 'fat' most days
    since Easter") it is how often, said the way a family would say it. A goal, a safety, a
    worry or a general note still needs the count, and "most of the time" is flagged
    everywhere."""
    return not (
        doc[start].lower_ == "most"
        and doc.user_data.get("sos_section") in PATTERN_SECTIONS
        and start + 1 < len(doc)
        and doc[start + 1].lower_ in USUAL_TIMES
    )


FORECASTS = frozenset(POSSIBILITY_MODALS | {"will", "'ll", "wo"})


def not_a_lasting_effect(doc: Any, start: int, end: int) -> bool:
    """ "Ellie could be hurt and ashamed, and might blame herself for years": in a forecast,
    "for years" is how long the harm would last, not a vague account of when something
    happened ("Dad has been drinking for years" still asks since when)."""
    if doc[end - 1].lower_ != "years":
        return True  # ("could be left alone for long periods" is the vague danger itself)
    verb = doc[start].head
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in FORECASTS for c in verb.children):
            return False
        if verb.dep_ != "conj" or verb.head == verb:
            break
        verb = verb.head
    return True


def stated_as_fact(doc: Any, start: int, end: int) -> bool:
    """ "Mum is not engaging" passes a verdict on what she does; "if Mum does not engage" and
    "will not engage" are the condition or the fear a danger statement is built on."""
    verbs = [t for t in doc[start:end] if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux",)]
    for verb in verbs:
        if any(c.dep_ == "aux" and c.lower_ in FORECASTS for c in verb.children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            return False
    return True


SAFETY_SECTIONS = frozenset({"existing_safety", "existing_strength", "working_well"})
# Sections where "under the influence" is the state a plan or safety rules out.
INFLUENCE_RULED_OUT = frozenset({"safety_goal", "next_step"}) | SAFETY_SECTIONS


def not_an_event_starting(doc: Any, start: int, end: int) -> bool:
    """ "The match kicked off at 3pm": an event starting, not a row (but "Dad kicked off at
    2am" and "when it kicks off at home" are)."""
    kick = doc[start]
    if kick.lemma_.lower() != "kick":
        return True
    subject = next((c for c in kick.children if c.dep_ == "nsubj"), None)
    return subject is None or subject.pos_ == "PRON" or is_person(subject)


def influence_not_ruled_out(doc: Any, start: int, end: int) -> bool:
    """ "Leanne will not come to the house under the influence", "has not been under the
    influence at contact since May": in a goal, a next step, a strength or safety, the state
    is what the plan keeps away, and the rule the family keeps is still clear; the same words
    in a worry or a harm statement leave out what was drunk or taken."""
    if doc[start].lower_ != "under":
        return True
    return doc.user_data.get("sos_section") not in INFLUENCE_RULED_OUT


def not_a_protective_refusal(doc: Any, start: int, end: int) -> bool:
    """In a safety or strength section, "Amy refused to let Lee into the flat" is the
    protective act itself, not blame; "although she refused at first" still is."""
    if doc.user_data.get("sos_section") not in SAFETY_SECTIONS:
        return True
    verb = _head_word(doc, start, end)
    if verb.lemma_.lower() != "refuse":
        return True
    return not any(
        c.dep_ == "xcomp" and c.lemma_.lower() in ("let", "allow", "give", "open", "leave")
        for c in verb.children
    )


# What a family member may choose about the work itself: where the meeting is, its language.
MEETING_CHOICES = frozenset({"meeting", "review", "conference", "map", "language"})


def not_a_choice_about_the_work(doc: Any, start: int, end: int) -> bool:
    """ "Agnieszka chose to speak Polish", "Erin chose to have her review at the youth cafe":
    a choice about the meeting or the language, which is hers to make, not blame. ("Dad
    chose not to come to the meeting" is still blame: a choice not to.)"""
    verb = _head_word(doc, start, end)
    if verb.lemma_.lower() != "choose" or any(c.dep_ == "neg" for c in verb.children):
        return True
    for chosen in verb.children:
        if chosen.dep_ != "xcomp" or any(c.dep_ == "neg" for c in chosen.children):
            continue
        if chosen.lemma_.lower() in ("speak", "talk") and any(
            c.dep_ == "dobj" and c.pos_ == "PROPN" for c in chosen.children
        ):
            return False  # "chose to speak Cantonese"
        if chosen.lemma_.lower() in ("have", "hold") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in MEETING_CHOICES for c in chosen.children
        ):
            return False  # "chose to have her review at the youth cafe"
    return True  # ("Dad chose to walk out of the conference" is still blame)


def not_a_bit_of_a_label(doc: Any, start: int, end: int) -> bool:
    """ "Despite being a bit of a pushover", "Mum is a bit of a soft touch": a label for the
    person (the judgement is the finding), not a vague amount. ("The house is a bit of a
    state" and "a bit of a scuffle" still stand.)"""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or doc[end + 1].lower_ != "a":
        return True
    verb = doc[end + 1].head  # the noun after "a bit of a" ("a mummy's boy"), up to its verb
    while verb.dep_ in ("poss", "compound", "pobj", "prep", "attr") and verb.head != verb:
        verb = verb.head
    if verb.lower_ == "being":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return not (subject is not None and is_person(subject))  # (is_person takes "she" too)


# Everyday jobs a helper can be said to help with: "helps out with the school run".
HELPED_JOBS = frozenset(
    {"run", "childcare", "shopping", "cooking", "washing", "laundry", "cleaning", "bedtime"}
    | {"bedtimes", "homework", "lifts", "meals", "tea", "breakfast", "feeds", "nappies", "bath"}
    | {"baths", "pick-ups", "drop-offs", "housework", "ironing"}
)
# When the help comes: "on Saturdays", "since the summer" (not just "at weekends").
HELP_TIMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays"}
    | {"tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"}
)


# What "effectively" before a verb means "in effect" for: "will effectively become".
IN_EFFECT = frozenset({"become", "end", "close", "mean", "live", "stop", "leave"})


def grades_a_doing(doc: Any, start: int, end: int) -> bool:
    """ "Will co-parent effectively" grades what people do without saying what it is; "is
    effectively the carer" (in effect) and "the medication is working effectively" do not.
    (Every other match passes.)"""
    word = doc[end - 1]
    if word.lower_ != "effectively":
        return True
    verb = word.head
    planned = doc.user_data.get("sos_section") in DEMAND_SECTIONS
    if (
        word.dep_ != "advmod"
        # (an auxiliary too: the parse may hang it on "will" when it splits "co-parent")
        or verb.pos_ not in ("VERB", "AUX")
        or verb.lemma_ == "be"  # "is effectively the carer": in effect
        # ("Dad has effectively moved back in", but a plan's "will effectively supervise";
        # not "will effectively become her carer", "has effectively ended it": in effect)
        or (
            verb.i > word.i
            and not (
                planned
                and verb.lemma_.lower() not in IN_EFFECT
                and not any(a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children)
            )
        )
    ):
        return False
    subject = _verb_subject(verb)
    if subject is None and verb.dep_ == "xcomp":
        subject = _verb_subject(verb.head)  # "need to work together more effectively"
    return subject is None or is_person(subject)


def history_as_background(doc: Any, start: int, end: int) -> bool:
    """A complicating factor is background, and "Mum has a history of DV with previous
    partners" names it as such; elsewhere, and as a "long history", it stands in for what
    happened and when. (Every other match passes.)"""
    history = doc[end - 2] if end - start >= 2 else doc[start]
    return not (
        history.lower_ == "history"
        and doc[end - 1].lower_ == "of"
        and not any(t.lower_ in LONG_HISTORY for t in history.subtree if t.i < history.i)
        and doc.user_data.get("sos_section") == "complicating_factor"
    )


# What makes a history stand in for what happened: "a long-standing history of".
LONG_HISTORY = frozenset({"long", "lengthy", "extensive", "standing", "long-standing"})


def stepped_up_unsaid(doc: Any, start: int, end: int) -> bool:
    """ "Gran has stepped up" says someone does more without saying what (not "stepped up his
    visits to three a week", which says it, nor "the case was stepped up from early help" or
    the "Step Up" group, which are services). (Every other match passes.)"""
    step = doc[start]
    if step.lemma_.lower() != "step":
        return True
    if step.pos_ != "VERB":
        return False  # "the 20 steps up to the flat"
    if doc[end - 1].text == "Up":
        return False  # a programme's name
    if any(
        c.dep_ == "dobj"
        # "stepped up from early help", "to a child protection plan" (but "step up to the
        # plate" says no more than "step up")
        or (
            c.dep_ == "prep"
            and c.lower_ in ("from", "to", "into")
            and not any(o.lower_ in STEP_UP_IDIOMS for o in c.children)
        )
        # "stepped up and taken Lily-Mae to nursery", "stepped up to do the school run",
        # "stepped up by doing the school run", "stepped up, doing the school run": what the
        # stepping up was (not "stepped up since Mum went into hospital", only when)
        or (c.dep_ in ("conj", "xcomp") and c.pos_ == "VERB")
        or (c.dep_ == "advcl" and c.tag_ == "VBG" and not any(m.dep_ == "mark" for m in c.children))
        or (c.dep_ == "prep" and c.lower_ == "by" and any(g.tag_ == "VBG" for g in c.children))
        for c in step.children
    ):
        return False
    subject = _verb_subject(step)
    if subject is not None and _doings_told(doc, step, subject, later_only=True):
        return False  # "Grandad has stepped up. He now does the school run every day."
    return person_acts(doc, start, end)


# What "step up to" may be an idiom for, saying no more than "step up".
STEP_UP_IDIOMS = frozenset({"plate", "mark", "challenge", "role"})


def _doings_told(doc: Any, word: Any, person: Any, later_only: bool = False) -> bool:
    """Whether another clause tells what the same person does: by name, or by "he", "she" or
    "they" whose nearest named person is them ("Grandad has stepped up. He now does the school
    run"; "he has not missed a contact since May"). Not a denial or a failing ("he has missed
    three contacts"), a relative or "when"/"because" clause, a clause after "but", nor what
    the person says, thinks or wants."""
    for clause in facts(doc).clauses:
        verb = clause.verb
        subject = clause.subject
        if (
            verb.i == word.i
            or verb.i == word.head.i
            or (later_only and verb.i < word.i)
            or subject is None
            or verb.pos_ != "VERB"
            # (a denial is no account of what they do, but "has not missed a contact" is)
            or (clause.negated and clause.lemma not in FAILINGS)
            or (not clause.negated and clause.lemma in NOT_DOINGS)
            or verb.dep_ == "relcl"
            or (
                verb.dep_ == "advcl"
                and any(m.dep_ == "mark" or m.tag_ == "WRB" for m in verb.children)
            )
            or any(c.lower_ == "but" for c in verb.head.children if verb.dep_ == "conj")
        ):
            continue
        if subject.lower_ == person.lower_:
            return True
        if subject.lower_ in PERSONAL and _nearest_person(doc, subject) == person.lower_:
            return True
    return False


def _nearest_person(doc: Any, pronoun: Any) -> str | None:
    """The named person a pronoun most likely stands for: the nearest subject before it, as
    written ("Finley is brilliant with Isla. He reads her ..." is Finley)."""
    for token in reversed(doc[: pronoun.i]):
        if token.pos_ != "PRON" and token.dep_ in ("nsubj", "nsubjpass") and is_person(token):
            return str(token.lower_)
    return None


PERSONAL = frozenset({"he", "she", "they"})
# Verbs that tell what someone is, says, thinks or wants, not what they do. ("Loves the
# children" is left out: the blind writers read "supportive and loves Noah" as a strength
# described, not a vague one, in 8 of 9 statements.)
NOT_DOINGS = frozenset({"be", "say", "think", "feel", "believe", "seem", "appear", "report"}) | {
    "want",
    "wish",
    "hope",
    "know",
    "understand",
    "live",
    "miss",
    "fail",
    "refuse",
}
# What it is a good account to say someone has not done: "has not missed a contact".
FAILINGS = frozenset({"miss", "fail"})


SNEERS = frozenset({"surprisingly", "actually", "even"})
# The words of praise that "good with" may be said with (the CSV's terms, tagged in more than
# one way by the parser).
PRAISE = frozenset({"good", "great", "brilliant", "fantastic", "amazing", "lovely"})
# What turns praise into a barb: "a lovely mum when she isn't drunk".
BARBS = frozenset({"when", "before", "unless", "if", "underneath"})
# Whom a verdict like "a lovely lad" is passed on.
PRAISED_PEOPLE = frozenset(
    {"lad", "girl", "boy", "lady", "man", "woman", "person", "mum", "dad", "mother", "father"}
    | {"bloke", "kid", "mam"}
)
# What a relative clause may say of a heart rather than a doing: "a lovely girl who just wants
# to be loved", "a caring person who means well".
HEART_STATES = frozenset({"want", "love", "mean", "adore", "care", "try", "wish", "deserve"})
# What "supportive" may describe as a service, not a person: "supportive care".
SERVICES_GIVEN = frozenset(
    {"care", "housing", "accommodation", "lodgings", "service", "group", "unit", "hostel"}
    | {"course", "programme", "environment", "school", "relationship"}
)


def _praised_person(praise: Any) -> Any | None:
    """Whom "good with Kofi" or "supportive" is said of: the subject of its "is" (also in "is
    a supportive presence")."""
    if praise.dep_ == "amod" and praise.head.dep_ == "attr":
        return _verb_subject(praise.head.head)
    verb = praise.head if praise.dep_ in ("acomp", "attr", "conj") else None
    while verb is not None and verb.dep_ == "conj" and verb.pos_ == "ADJ":
        verb = verb.head  # "funny and good with Alfie"
    return _verb_subject(verb) if verb is not None else None


def praise_not_described(doc: Any, start: int, end: int) -> bool:
    """ "Dad is really good with Kofi" or "Nan is supportive" grades how someone is without
    saying what they do. It passes when the statement tells what the same person does ("good
    with Isla. He reads her The Gruffalo every night"), when it is a skill ("good with his
    hands", "good with babies"), a sneer ("surprisingly good with the baby", which is the
    fault) or a denial ("not good with her"), or when "supportive" describes a service
    ("supportive care"). (Every other match passes.)"""
    last = doc[end - 1]
    if last.lower_ == "with" and end - start == 2 and doc[start].lower_ in PRAISE:
        praise = doc[start]
        person = next((c for c in last.children if c.dep_ == "pobj"), None)
        if person is None:
            return False
        if person.pos_ == "PRON":
            someone = person.lower_ in ("her", "him", "them", "me", "us")
        else:
            someone = (person.pos_ == "PROPN" and is_person(person)) or (
                is_person(person) and any(c.dep_ in ("det", "poss") for c in person.children)
            )
        if not someone:
            return False  # a skill: "good with his hands", "good with babies"
    elif last.lower_ == "supportive":
        praise = last
        if praise.dep_ == "amod" and praise.head.lemma_.lower() in SERVICES_GIVEN:
            return False  # "supportive care", "a supportive group"
    elif last.lemma_.lower() in PRAISED_PEOPLE and doc[start].lower_ in ("a", "an"):
        # "Ellis is a lovely lad", "Chloe is a lovely girl who just wants to be loved": a
        # verdict on the person (but "a lovely lad who walks his sister to school" tells what
        # he does, and "a strong man held him down" is who acted)
        praise = doc[end - 2]
        copula = last.head
        if last.dep_ != "attr" or any(
            c.dep_ == "relcl" and c.lemma_.lower() not in HEART_STATES and c.lemma_ != "be"
            for c in last.children
        ):
            return False
        if any(
            # "a lovely lad when he wants to be", "can be a lovely mum", "quite a nice man":
            # praise with a sting in it, which the judgemental rules answer
            (c.dep_ == "advcl" and any(m.lower_ in BARBS for m in c.children))
            or (c.dep_ == "aux" and c.lower_ in ("can", "could"))
            or c.lower_ in ("actually", "quite")
            for c in [*copula.children, *last.children]
        ):
            return False
    else:
        return True
    if any(
        c.lower_ in SNEERS or c.dep_ == "neg" for c in [*praise.children, *praise.head.children]
    ):
        return False
    subject = _praised_person(praise)
    # "Finley is brilliant with Isla. He reads her The Gruffalo every night"
    return subject is None or not _doings_told(doc, praise, subject)


def help_not_described(doc: Any, start: int, end: int) -> bool:
    """ "Gran helps out" or "is a great help" says nothing the plan can rely on; "helps out
    with the school run" or "is a great help on Saturdays" says what or when. (Every other
    match passes.)"""
    last = doc[end - 1]
    if last.lower_ == "out" and doc[start].lemma_.lower() == "help":
        verb = doc[start]
    elif last.lemma_.lower() in ("help", "support") and last.pos_ == "NOUN":
        verb = last  # "a great help with the school run on Mondays"
    else:
        return True
    for token in verb.subtree:
        if token.i < end:
            continue
        if token.lower_ in HELP_TIMES or token.lower_ in HELPED_JOBS or token.lower_ == "since":
            return False
    return True


WH_WORDS = frozenset({"what", "which", "how", "whatever", "whether", "if"})


# Words that judge a person but describe a thing plainly: "Mum is weak" (not "her legs are
# weak"), "Dad is unstable" (not "the wall is unstable").
PERSON_VERDICTS = frozenset({"weak", "unstable"})
# What a person is "too weak to" do that makes it a verdict: "too weak to stand up to Dad"
# (not "too weak to get up", an illness), and "too weak to put boundaries in place".
STANDING_UP = frozenset({"stand", "say", "end", "refuse", "challenge", "tell"})
LIMITS = frozenset({"boundary", "limit", "rule", "foot"})
# How a body is weak or unsteady: "weak and shaky", "unstable on her feet".
BODILY = frozenset(
    {"shaky", "dizzy", "floppy", "tired", "ill", "unwell", "poorly", "sick", "frail", "faint"}
    | {"feet", "legs", "moment", "flu", "virus", "infection", "illness"}
)


def _described(word: Any) -> Any | None:
    """Who or what a describing word is said of: "Mum is weak", "Sian, who is unstable",
    "manipulative and unstable", "a weak man"."""
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    if word.dep_ == "amod":
        return word.head
    if word.dep_ not in ("acomp", "attr") or word.head.lemma_ != "be":
        return None  # (not "might become unstable when she has used": a change under drugs)
    subject = next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("who", "that") and word.head.dep_ == "relcl":
        return word.head.head
    return subject


# What names the kind of control or instability instead of judging the person.
HOW_CONTROLLING = frozenset({"financially", "coercively", "emotionally", "economically"})
HOW_UNSTABLE = frozenset({"emotionally", "mentally"})
# What may follow a participle that describes a person: "controlling about her friends".
PARTICIPLE_AS_ADJECTIVE = frozenset({"about", "towards", "toward", "around", "over", "with", "of"})
# A person's ways that "controlling" judges: "his controlling nature" (not "a controlling
# relationship", which names the abuse).
CONTROLLING_WAYS = frozenset(
    {"nature", "personality", "ways", "manner", "approach", "style", "attitude", "character"}
)


def person_verdict(doc: Any, start: int, end: int) -> bool:
    """ "Nicola is weak", "Mum is too weak to stand up to Dad", "Dad is unstable": a verdict on
    a person. Not a relationship, a body or an illness ("the relationship is unstable", "her
    legs are weak", "too weak to get out of bed"). "Controlling" with nothing it acts on
    describes the person ("Craig is controlling and ...", "his controlling nature"), not
    "controlling the money". (Every other match passes.)"""
    word = doc[end - 1]
    if end - start == 1 and word.lower_ == "controlling":
        if word.dep_ == "oprd" or any(c.lower_ in HOW_CONTROLLING for c in word.children):
            return False  # "grown-ups call this controlling", "financially controlling": named
        if word.dep_ == "amod" and not (
            is_person(word.head) or word.head.lemma_.lower() in CONTROLLING_WAYS
        ):
            return False  # "left a controlling relationship": the abuse, named
        return not any(
            c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "prt", "attr")
            or (c.dep_ == "prep" and c.lower_ not in PARTICIPLE_AS_ADJECTIVE)
            for c in word.children
        )
    if end - start != 1 or word.lower_ not in PERSON_VERDICTS:
        return True
    too = any(c.lower_ == "too" for c in word.children)
    if too and not any(
        c.dep_ == "xcomp"
        and (
            c.lemma_.lower() in STANDING_UP
            or any(o.dep_ == "dobj" and o.lemma_.lower() in LIMITS for o in c.children)
        )
        for c in word.children
    ):
        return False
    near = [*word.subtree, *(word.head.subtree if word.dep_ == "acomp" else ())]
    if any(t.lower_ in BODILY for t in near) or any(
        t.dep_ == "mark" and t.lower_ in ("because", "since", "as") for t in near
    ):
        return False  # "weak and shaky", "unstable on her feet", "weak because she is not
        # eating": the body
    if any(
        (c.dep_ == "prep" and c.lower_ in ("after", "from", "since", "following"))
        or c.lower_ == "physically"
        # (the parse may hang "after ..." on the verb: "Mum is weak after her chemotherapy")
        for c in [*word.children, *(word.head.children if word.dep_ == "acomp" else ())]
    ):
        return False  # "weak after her chemotherapy", "physically weak": the body
    if any(c.lower_ in HOW_UNSTABLE for c in word.children):
        return False  # "emotionally unstable": a mental health description, not a verdict
    said_of = _described(word)
    if said_of is not None and (facts(doc).is_child(said_of) or is_child_token(said_of)):
        return False  # "the baby is weak and not feeding": a child's health
    return said_of is not None and all(
        is_person(t) and (t.pos_ != "NOUN" or t.lemma_.lower() in role_words())
        # ("Mum and Dad's relationship is unstable", parsed as "Mum and ... relationship")
        for t in (said_of, *(c for c in said_of.children if c.dep_ == "conj"))
    )


def said_of_a_person(doc: Any, start: int, end: int) -> bool:
    """ "Andrei is a good dad, unlike Sofia": one person held up against another. Not a thing
    or a time ("unlike the old flat", "unlike last year"). And "Gran has been a nightmare" is
    said of a person, "bedtime is a nightmare" of a time of day. (Every other match passes.)"""
    if doc[end - 1].lower_ == "nightmare":
        noun = doc[end - 1]
        if not (
            noun.dep_ == "attr"
            or (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "attr")
        ):
            return False  # "wakes with a nightmare", "after a nightmare": a bad dream
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = (
            next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            or _verb_subject(verb)
            if verb is not None
            else None
        )
        return (
            subject is not None
            and is_person(subject)
            # (a sentence's first noun may pass for a name: "Bedtime is a nightmare")
            and (subject.pos_ != "NOUN" or subject.lemma_.lower() in role_words())
        )
    if doc[start].lower_ != "unlike":
        return True
    head = doc[start].head
    if any(c.dep_ == "aux" and c.lower_ in ("can", "could", "ca") for c in head.children):
        return False  # "Unlike Mum, Dad can drive": what each can do, not a verdict
    for c in doc[start].children:
        if c.dep_ != "pobj":
            continue
        if c.lower_ in ("many", "others", "some"):
            return True  # "a hard-working dad, unlike many on the estate"
        if is_child_token(c) or any(
            d.lower_ in ("most", "many", "other", "some", "all") for d in c.children
        ):
            continue  # "unlike most toddlers, Finn sleeps through the night": how a child is
        if is_person(c):
            return True
    return False


def actually_surprised(doc: Any, start: int, end: int) -> bool:
    """ "Dad has actually managed to ...", "is actually willing": surprise that a person did
    what was expected of them. Not "what Gary actually did" or "which sandwiches he will
    actually eat" (what really happened), nor a thing that "actually works". (Every other
    match passes.)"""
    if end - start != 1 or doc[start].lower_ != "actually":
        return True
    token = doc[start]
    head = token.head
    if any(t.lower_ in WH_WORDS for t in head.subtree if t.i < token.i):
        return False
    for t in reversed(doc[max(token.sent.start, token.i - 5) : token.i]):
        if t.is_punct:
            break
        if t.lower_ in WH_WORDS:
            return False  # (the parse may hang "which sandwiches" elsewhere)
    if any(
        a.dep_ == "ccomp" and a.head.lemma_.lower() in REPORTED_BY for a in [head, *head.ancestors]
    ):
        return False  # "Kai told me he is actually scared of Dad": his words, reported
    subject = _verb_subject(head)
    if subject is None:
        return True  # "needs to stop putting work first and actually be there"
    if subject.pos_ == "PRON":
        return subject.lower_ not in ("it", "this", "that", "which")
    return is_person(subject) or subject.ent_type_ == "PERSON"


def present_as_seeming(doc: Any, start: int, end: int) -> bool:
    """ "The children present as bonded", "may present as guarded": "present as" for "seem".
    Not someone being there ("Mum and Dad were both present as the plan was read", "Gran, who is
    always present as Kai's support", "everyone present as the plan was agreed")."""
    if doc[start:end].text.lower() != "present as":
        return True
    before = doc[max(0, start - 3) : start]
    return not any(
        t.lemma_ == "be"
        or t.lower_ in ("who", "everyone", "all", "both", "anyone")
        or t.text == ","
        for t in before
    )
