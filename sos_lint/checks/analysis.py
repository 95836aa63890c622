"""What a statement says, read from its dependency parse: who acts, doing what, to whom.

The behavioural, hidden-actor and structure checks all read these facts, computed once per
statement ``Doc`` and cached on ``doc._.sos_facts`` (the one custom attribute sos-lint
declares). Word classes come from ``rules/lexicon.yml``; the structure comes from the parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from sos_lint.engine.paths import rules_dir
from sos_lint.errors import RuleError
from sos_lint.nlp import children_of, tokens
from sos_lint.yamlio import load_yaml

MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
PERSON_PRONOUNS = {"he", "she", "they", "we", "i", "him", "her", "them", "us", "me", "you"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
POSSIBILITY_MODALS = {"could", "might", "may", "would"}
FUTURE_MODALS = {"could", "might", "may", "will", "would", "wo", "'ll", "shall", "can", "ca"}

_TIME = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"|(?:january|february|march|april|june|july|august|september|october|november|december)\b"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?"
    r"|(?:in|on|since|from|until|by|early|late|mid|end of|beginning of)\s+may\b|\bmay\s+(?:19|20)\d\d"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|\b(?:19|20)\d\d\b|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
    r"|\d{1,2}(?::\d\d)?\s*(?:am|pm)\b|\d{1,2}:\d\d|midnight|midday|noon"
    r"|boxing day|christmas(?: day| eve)?|new year(?:'s)?(?: day| eve)?|bonfire night|halloween|easter|bank holiday|half[- ]term|birthday"
    r"|yesterday|today|tonight|tomorrow|last\s+(?:night|week|month|year|weekend|term|summer|winter|spring|autumn)"
    r"|this\s+(?:morning|afternoon|evening|week|month|year|term)"
    r"|(?:every|each)\s+(?:\w+\s+){0,2}(?:day|night|morning|evening|afternoon|week|weekend|month|time|visit|term|fortnight)"
    r"|(?:every|each)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|\b(?:daily|nightly|weekly|fortnightly|monthly|always|whenever|twice|once|never)\b"
    r"|\b(?:\w+|\d+)\s+times?\b"
    r"|\b(?:since|until|till|for|over|during|within|in)\s+(?:the\s+)?(?:last|past|next|first|coming|following)?\s*"
    r"(?:\w+\s+)?(?:days?|nights?|weeks?|weekends?|months?|years?|terms?|hours?|minutes?|fortnights?|summer|holidays?|christmas|easter)"
    r"|\bsince\b|\buntil\b|\bfrom now\b|\bfrom\s+(?:now|today|the)\b|\bat\s+(?:night|weekends?|bedtime|breakfast|teatime|school)"
    r"|\bat\s+least\b|\bin\s+(?:the\s+)?(?:morning|evening|afternoon|night)"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|nights?|weeks?|months?|years?)\s+(?:ago|old)"
    r"|\bago\b|\bevery\b|\bin\s+(?:19|20)\d\d|\blast\b|\bnext\b|\bweekday|\bweekend|\bbedtime|\bschool\s+(?:days?|nights?|run|holidays?))",
    re.I,
)
_AGE = re.compile(
    r"\(\s*(?:aged\s+)?\d{1,2}(?:\s*(?:months?|years?|yrs?|weeks?))?\s*\)|\baged\s+\d|\b\d{1,2}[- ]years?[- ]old\b"
    r"|\b\d{1,2}[- ](?:months?|weeks?|days?)[- ]old\b|\b\d{1,2}\s*(?:yo|y/o)\b",
    re.I,
)

# A child's age in words: "Max and Ollie, who are both seven", "aged nine", "a girl of nine",
# "a six-year-old". (Not "seven months pregnant".)
_YEARS_IN_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen)"
)
_AGE_IN_WORDS = re.compile(
    rf"\baged\s+{_YEARS_IN_WORDS}\b|\(\s*{_YEARS_IN_WORDS}\s*\)"
    rf"|\bwho (?:is|are|was|were) (?:both |all |only |just )?{_YEARS_IN_WORDS}\b"
    r"(?!\s+(?:of|hours?|minutes?|days?|weeks?|times?|months\s+pregnant)\b)"
    rf"|\b(?:girl|boy|child) of {_YEARS_IN_WORDS}\b"
    rf"|\b{_YEARS_IN_WORDS}[- ](?:years?|months?|weeks?)[- ]old\b",
    re.I,
)

# An age given in passing: "Jack, then 7 months, screamed", "Kofi, who is 3, has a blister".
_AGE_ASIDE = re.compile(
    r",\s*(?:then|now|who is|who was|who's|who’s)\s+(?:aged\s+|only\s+|just\s+)?(\d{1,2})\b"
    r"(?:\s*(months?|weeks?|days?|years?)(?:\s+old)?)?(?!\s+pregnant)\s*,",
    re.I,
)


def _aside_age(doc: Any, text: str) -> bool:
    """A child's age given in passing, after a name that is not a parent's ("Dad, who is 17,
    punched Mum" gives an age, but not a child's)."""
    for match in _AGE_ASIDE.finditer(text):
        if not is_child_age(match.group(1), match.group(2)):
            continue
        before = next((t for t in tokens(doc) if t.idx + len(t.text) == match.start()), None)
        if before is not None and (
            is_carer_token(before)
            or before.lemma_.lower() in words("carer_roles") | words("other_people")
        ):
            continue
        return True
    return False


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    path = rules_dir() / "lexicon.yml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read the lexicon ({exc})") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: the lexicon must map names to word lists")
    out: dict[str, frozenset[str]] = {}
    for name, words in data.items():
        if not isinstance(words, list):
            raise RuleError(f"{path}: `{name}` must be a list")
        out[str(name)] = frozenset(str(w).lower() for w in words)
    return out


def words(name: str) -> frozenset[str]:
    return lexicon()[name]


def _own_phrase(token: Any) -> list[Any]:
    """The token's phrase without the clauses hung off it: in "by the iron, which had been
    left on where she was playing", "she" is not who burnt her."""
    out = [token]
    for child in token.children:
        if child.dep_ not in RELATIVE_DEPS:
            out.extend(_own_phrase(child))
    return out


RELATIVE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})


# Verbs of finding out, a separate event from the harm: "left alone and found by police".
DISCOVERED = frozenset({"find", "discover", "locate", "see", "notice", "spot"})


def _verb_phrase(verb: Any) -> list[Any]:
    """The verb's phrase without the clauses hung off it or joined to it with their own
    auxiliary: in "was hit with a belt, leaving marks that were seen by the school nurse" or
    "was left alone and was found by police", neither the nurse nor the police did it (but
    in "was hit and controlled by two partners" the partners did both)."""
    out = [verb]
    for child in verb.children:
        if child.dep_ in RELATIVE_DEPS or (
            child.dep_ == "conj"
            and (
                any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in child.children)
                or child.lemma_.lower() in DISCOVERED
            )
        ):
            continue  # ("left home alone and found by police": the police found them)
        out.extend(_own_phrase(child))
    return out


# Parts of the body: "pulled by her hair" names where, not who.
BODY = frozenset(
    {
        "arm",
        "leg",
        "face",
        "head",
        "back",
        "body",
        "hair",
        "skin",
        "neck",
        "ear",
        "eye",
        "nose",
        "mouth",
        "tooth",
        "teeth",
        "bottom",
        "chest",
        "hand",
        "foot",
        "feet",
        "cheek",
        "chin",
        "lip",
        "wrist",
        "ankle",
        "shoulder",
        "finger",
        "toe",
        "rib",
        "skull",
        "forehead",
        "thigh",
        "collarbone",
        "knee",
        "elbow",
        "hip",
        "jaw",
        "femur",
        "shin",
        "bone",
        "tummy",
        "stomach",
        "scalp",
        "thumb",
        "forearm",
        "privates",
        "genitals",
        "throat",
    }
)


@dataclass
class Clause:
    """A verb with its subject, voice, modality and negation (inherited through conj/xcomp)."""

    verb: Any
    subject: Any | None
    passive: bool
    agent: Any | None
    negated: bool
    modals: frozenset[str]
    objects: tuple[Any, ...]

    @property
    def lemma(self) -> str:
        return str(self.verb.lemma_).lower()

    @property
    def agent_person(self) -> Any | None:
        """The person in a ``by`` phrase ("hit by her stepdad"), not a time ("by 3pm") or a
        part of the body ("dragged out of bed by her hair": where she was held, not who)."""
        if self.agent is not None and not _by_body_part(self.agent):
            # the person must head the phrase: "keep her phone charged by her bed" is a place
            return next((t for t in _by_whom(self.agent) if _by_person(t)), None)
        # The small model sometimes hangs "by his uncle" off the object before it
        # ("hit with a phone charger by his uncle"): take a "by" + person after the verb.
        for token in _verb_phrase(self.verb):
            if (
                token.i > self.verb.i
                and token.lower_ == "by"
                and token.dep_ in ("prep", "agent")
                and not _by_body_part(token)
            ):
                person = next((t for t in _by_whom(token) if _by_person(t)), None)
                if person is not None:
                    return person
        return None


def _by_whom(by: Any) -> list[Any]:
    """The nouns heading a "by" phrase, with those joined to them and the "of" of "one of"."""
    heads = [c for c in by.children if c.dep_ == "pobj"]
    heads += [c for h in heads for c in h.children if c.dep_ in ("conj", "appos")]
    heads += [o for h in heads for p in h.children if p.lower_ == "of" for o in p.children]
    # "harmed by his dad's alcoholism": the owner named (but not "by her bed")
    heads += [c for h in heads for c in h.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    # "by his stepfather most weekends", parsed as a kind of weekend
    heads += [
        c
        for h in heads
        for c in h.children
        if c.dep_ in ("amod", "compound") and c.pos_ == "ADJ" and c.lower_ in role_words()
    ]
    return heads


def _by_person(token: Any) -> bool:
    """A person after "by", or a role the tagger took for an adjective ("his stepfather")."""
    return is_person(token) or (token.pos_ == "ADJ" and token.lower_ in role_words())


def _by_body_part(by: Any) -> bool:
    return any(c.dep_ == "pobj" and c.lemma_.lower() in BODY for c in by.children)


@dataclass
class Facts:
    doc: Any
    clauses: list[Clause] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)
    children: list[Any] = field(default_factory=list)
    carers: list[Any] = field(default_factory=list)
    text: str = ""
    # Results worked out once per statement by the checks that share them.
    cache: dict[str, Any] = field(default_factory=dict)
    _child_names: frozenset[str] | None = None
    # Worked out on first use (from the fixed text and parse, so the answer is the same):
    # only a few checks ask, and the time pattern is slow to search.
    _has_age: bool | None = None
    _has_time: bool | None = None

    @property
    def has_age(self) -> bool:
        if self._has_age is None:
            self._has_age = (
                bool(_AGE.search(self.text))
                or _aside_age(self.doc, self.text)
                or bool(_AGE_IN_WORDS.search(self.text))
            )
        return self._has_age

    @property
    def has_time(self) -> bool:
        if self._has_time is None:
            self._has_time = mentions_time(self.text)
        return self._has_time

    @property
    def has_future(self) -> bool:
        return any(c.modals & FUTURE_MODALS for c in self.clauses) or bool(
            re.search(r"\b(?:going to|if|unless|again|in future|in the future)\b", self.text, re.I)
        )

    @property
    def child_names(self) -> frozenset[str]:
        if self._child_names is not None:
            return self._child_names
        return frozenset(t.lower_ for t in self.children if t.pos_ == "PROPN")

    def is_child(self, token: Any) -> bool:
        """A token that refers to one of the statement's children (by name or role; in a
        words-and-pictures story, "you" is the child it is written for)."""
        return (
            token.lower_ in self.child_names
            or is_child_token(token)
            or (
                token.lower_ in ("you", "your")
                and self.doc.user_data.get("sos_section") == "words_and_pictures"
            )
        )


NOT_NAMES = {
    "cannabis",  # ("Cannabis is no longer kept in the house": not a name)
    "alcohol",
    "heroin",
    "cocaine",
    "methadone",
    "referral",  # ("Referral to be made to FNP": a note's opening noun, not a name)
    "review",
    "visit",
    "contact",
    "therapy",
    "counselling",
    "housing",
    "programme",
    "program",
    "course",
    "service",
    "services",
    "team",
    "school",
    "academy",
    "college",
    "hospital",
    "clinic",
    "centre",
    "center",
    "council",
    "court",
    "street",
    "road",
    "lane",
    "park",
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "diwali",
    "hub",
    "house",
    "unit",
    "ward",
    "project",
    "trust",
    "group",
    "club",
    "police",
    "office",
    "surgery",
    "station",
    "credit",
    "universal",
    "benefit",
    "home",
    "foundation",
    "charity",
    "freedom",
    "aid",
    "payment",  # ("Personal Independence Payment was stopped")
    "allowance",
    "pension",
}
# A service noun that opens a note, capitalised: "Support will be put in place for the family"
# (only for the capitalised word itself; the other uses of NOT_NAMES read names of agencies).
NOTE_OPENERS = frozenset(
    {"support", "help", "respite", "work", "advice", "supervision", "funding", "childcare"}
    | {"input", "intervention", "provision"}
)


def _bare_title_noun(token: Any) -> bool:
    """A capitalised singular noun with no determiner in a subject or object slot ("Grace
    failed to ...", "... told Hope"): the small model often tags first names as nouns, and
    names it does not know as adjectives ("Deshawn could be harmed", "Precious")."""
    return (
        (
            (token.pos_ == "NOUN" and token.tag_ == "NN")
            or token.pos_ == "ADJ"
            # "Tyrese", "Asif" tagged as plurals the lemmatiser could not make singular
            # (a real plural, "Things", comes back as "thing")
            or (
                token.tag_ == "NNS"
                and token.lemma_ == token.text
                and token.text.isalpha()
                and token.lower_ not in words("organisations")
                and not (token.i + 1 < len(token.doc) and token.nbor(1).text == "-")
            )  # (not "Pre-proceedings", split at the hyphen)
        )
        and token.is_title
        and (
            token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos", "poss")
            # a note's "Sipho to be taken for a medical": a name the parse made the root
            # (an unknown word tagged a plural or an adjective; not "Referral to be made")
            or (
                token.dep_ == "ROOT"
                and (token.pos_ == "ADJ" or token.tag_ == "NNS")
                and any(
                    c.dep_ == "acl"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
                    for c in children_of(token)
                )
            )
        )
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in children_of(token))
        and not token.lower_.endswith(ABSTRACT_ENDINGS)  # "Safety has been evidenced"
    )


# Endings of abstract nouns, which a capital at the start of a sentence does not make names.
ABSTRACT_ENDINGS = ("ness", "ment", "tion", "sion", "ance", "ence", "ity", "ism", "ship", "ety")


# Verbs an injury can be the subject of ("the bruise is fading", "burns covered his arm").
INJURY_PREDICATES = frozenset({"be", "have", "appear", "cover", "heal", "fade", "look", "need"})


def _harm_word_as_name(token: Any) -> bool:
    """ "Mark" and "Burns" are names when written as one mid-sentence ("... and Mark might
    throw things"), with a title ("Mr Burns"), owning something ("Mark's car") or acting at
    the start of a sentence ("Mark is likely to punch Euan"); a mark or a burn does none of
    these."""
    children = children_of(token)
    # (a date the parse ran into the name is not the name's own: "On 3 March Mark hit ...")
    dated = any(c.dep_ == "compound" and c.lower_ in MONTHS for c in children)
    if token.tag_ != "NNP" or any(
        c.dep_ in ("det", "amod") or (c.dep_ == "nummod" and not dated) for c in children
    ):
        return False
    if token.i != token.sent.start or any(c.dep_ == "case" for c in children_of(token)):
        return True
    if any(c.lower_.rstrip(".") in ("mr", "mrs", "ms", "miss", "dr") for c in children_of(token)):
        return True
    head = token.head
    if token.dep_ != "nsubj" or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_.lower() not in INJURY_PREDICATES:
        return True
    return any(
        c.dep_ in ("xcomp", "acomp") and any(g.dep_ == "xcomp" for g in children_of(c))
        for c in children_of(head)
    )  # ("Mark is likely to punch Euan", not "Mark is visible on her arm")


def _is_name(token: Any) -> bool:
    if not token.text[:1].isupper():
        return False
    if _surname(token):
        return True  # "Destiny Fairbanks" (tagged a noun), "Leon Ward has locked ..."
    if token.pos_ != "PROPN" and not _bare_title_noun(token) and not has_age_after(token):
        return False
    low = token.lower_
    if (low in MONTHS or low in DAYS) and has_age_after(token):
        return True  # "Jun (10)", "May (4)": a child's age makes the word a name
    if (
        low in MONTHS
        and token.i > 1
        and token.nbor(-1).text == "-"
        and token.nbor(-2).is_title
        and token.nbor(-2).lower_ not in MONTHS | DAYS  # (not "April-May")
        and not token.nbor(-2).whitespace_
        and not token.nbor(-1).whitespace_
    ):
        return True  # "Ellie-May", split at the hyphen
    if low in words("harm_nouns"):
        return _harm_word_as_name(token)  # "Mark might throw things", not "Mark on her arm"
    if low in MONTHS or low in DAYS or low in NOT_NAMES or low in NOTE_OPENERS:
        return False
    if any(t.lower_ in NOT_NAMES for t in (token.head,) if t.pos_ == "PROPN" and t.i > token.i):
        return False  # "Oak Lane School", "Freedom Programme"
    if token.text.isupper() and len(token.text) > 1:
        return False  # acronyms: CAMHS, A&E, GP
    return not token.ent_type_ or token.ent_type_ == "PERSON"


def _surname(token: Any) -> bool:
    """The second word of a person's full name: a title-case word with a first name hung on it
    ("Destiny Fairbanks"). A word that is usually a place ("Oak Lane", "Elm Ward") counts only
    as the one doing something ("Leon Ward has locked the children in")."""
    if token.i == 0 or not token.is_title or not token.is_alpha:
        return False
    first = token.nbor(-1)
    if not (
        first.dep_ == "compound"
        and first.head == token
        and first.pos_ == "PROPN"
        and first.is_title
        and first.is_alpha
        and first.lower_ not in MONTHS | DAYS | NOT_NAMES
    ):
        return False
    return token.lower_ not in NOT_NAMES or (token.dep_ == "nsubj" and token.head.pos_ == "VERB")


def is_individual(token: Any) -> bool:
    """A person and not an organisation: ``is_person`` also takes "the school" (which can be
    worried or act), but nobody calls a school a name or is hurt beside one."""
    return is_person(token) and token.lemma_.lower() not in words("organisations")


def is_person(token: Any) -> bool:
    """A person: a pronoun, a family or professional role, or a name (worked out once per
    token; the checks ask about the same tokens many times)."""
    user_data = token.doc.user_data
    known = user_data.get("sos_person")
    if known is None:  # (not ``setdefault``, which would build a new dict on every call)
        known = user_data["sos_person"] = {}
    answer = known.get(token.i)
    if answer is None:
        answer = known[token.i] = _is_person(token)
    return answer  # type: ignore[no-any-return]


# Parts of speech that are never a person, whatever the word ("and", "the", "on", "7").
NEVER_PEOPLE = frozenset(
    {"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "SYM", "SPACE", "AUX"}
)


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    return (
        words("carer_roles")
        | words("child_roles")
        | words("professional_roles")
        | words("other_people")
    )


def _is_person(token: Any) -> bool:
    pos = token.pos_
    if pos in NEVER_PEOPLE:
        return False
    low = token.lower_
    if pos == "PRON":
        return low in PERSON_PRONOUNS
    text = token.text
    if pos not in ("NOUN", "PROPN") and not text[:1].isupper():
        return False  # a lower-case verb, adjective or adverb is not a role or a name
    roles = role_words()
    if token.lemma_.lower() in roles or low in roles:
        return True  # "Mum", "the children", "the teacher", "her partner"
    if text.isupper() and low in words("role_abbreviations"):
        return True  # "The SW will ring Mum", "HV to visit"
    return _is_name(token)


def is_child_token(token: Any) -> bool:
    return token.lemma_.lower() in words("child_roles") or token.lower_ in words("child_roles")


def is_carer_token(token: Any) -> bool:
    return token.lemma_.lower() in words("carer_roles")


def _name_read_as_adverb(token: Any) -> bool:
    """A capitalised word mid-sentence that the tagger took for an adverb ("Raj")."""
    return (
        token.dep_ == "advmod"
        and token.text[:1].isupper()
        and token.i > token.sent.start
        and token.text.isalpha()
        and not token.text.isupper()
        and token.lower_ not in words("sentence_adverbs")
    )


def _own_subject_lost(verb: Any) -> bool:
    """A conjoined passive whose auxiliaries follow a noun ("... as the threshold for CP is
    still met"): that noun was its subject, so it does not share the first verb's."""
    auxes = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not any(c.dep_ == "auxpass" for c in auxes):
        return False
    first = min(auxes, key=lambda t: t.i)
    return first.i > 0 and verb.doc[first.i - 1].pos_ in ("NOUN", "PROPN")


_DATE_LIKE = re.compile(r"^\d{1,4}([/.-]\d{1,4}){1,2}$")


def _past_the_date(subject: Any) -> Any:
    """A note's "12/03/24 - Dad (Marek) hit Zofia": the parse makes the date the subject and
    Dad its apposition; the person is the subject."""
    if _DATE_LIKE.match(subject.text):
        person = next((c for c in children_of(subject) if c.dep_ == "appos" and is_person(c)), None)
        if person is not None:
            return person
    return subject


def _person_before_aux(verb: Any, subject: Any) -> Any:
    """A garden path: in "Since the strategy meeting the twins have been kept away" or "Fatima
    will attend the course and the children will be kept away", the parse hangs the twins or
    the children on the words before them and makes "strategy" or "attend" the subject. A
    person straight before the verb's first auxiliary, after that subject, is the subject."""
    if is_person(subject):
        return subject
    auxes = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not auxes:
        return subject
    doc = verb.doc
    first = min(a.i for a in auxes)
    if first == 0:
        return subject  # ("Has anyone visited Mum": nothing comes before the auxiliary)
    before = doc[first - 1]
    opener = doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    # "Since the start of December Ada has been taken ...": a time phrase at the start with
    # no comma, which the parse runs on into the name
    fronted = (
        opener is not None
        and opener.i == opener.sent.start
        and opener.lower_ in ("since", "after", "before", "until", "from", "following")
    )
    if (
        before.i > subject.i
        and before.pos_ in ("NOUN", "PROPN")
        # (not "Dad's row with Mum might ..." nor "the arguing between Mum and Dad has ...",
        # where the person sits in a phrase inside the subject)
        and (
            (before.dep_ in ("dobj", "conj") and not _inside_a_phrase(before, subject))
            or (fronted and before.dep_ == "pobj")
        )
        and is_person(before)
    ):
        return before
    return subject


def _inside_a_phrase(token: Any, top: Any) -> bool:
    """A preposition stands between ``token`` and ``top`` on the way up the parse."""
    node = token
    for _ in range(8):
        if node == top or node.head == node:
            return False
        node = node.head
        if node.dep_ == "prep":
            return True
    return False


REFLEXIVES = frozenset(
    {"herself", "himself", "themselves", "themself", "myself", "yourself", "itself"}
)


# "is likely to", "is bound to": a prediction of what the person will do.
LIKELY = frozenset({"likely", "unlikely", "bound", "sure", "certain", "liable", "prone", "apt"})


def _subject(verb: Any) -> tuple[Any | None, bool]:
    """The verb's subject, following conj/xcomp/advcl chains to the clause that has one.

    The small model sometimes swallows a name into a date ("On 14 April Sean hit ..."); when no
    subject is attached, a person just before the verb (past auxiliaries) is taken instead, and
    a past-tense verb hung on such a name takes it as its subject. A garden path ("Since the
    strategy meeting the twins have been kept ...") is repaired by ``_person_before_aux``, and a
    get-passive's participle ("might get trapped") looks to "get".
    """
    node = verb
    for _ in range(6):
        subjects = [c for c in children_of(node) if c.dep_ in SUBJECT_DEPS]
        if len(subjects) > 1 and subjects[0].pos_ in ("X", "SYM", "PUNCT"):
            subjects = subjects[1:]  # a scale's "0 = Rosie removed": the parse took "="
        if subjects:
            # (the parse can hang a fronted phrase on the verb as a second subject: "From now
            # until the review in June, ... Ionut will go for a walk"; the nearest is the one)
            child = subjects[0]
            if child.like_num:  # "Precious (14) will spend ...": the parse took "14"
                child = bracketed_owner(child) or child
            if (child.pos_ == "NOUN" or child.lower_ in MONTHS) and not is_person(child):
                # (a second subject the parse found: "Between 1 and 14 May, ... Angela chose")
                child = next(
                    (c for c in reversed(subjects) if c.i < node.i and is_person(c)),
                    # "when Lorraine and Evie argue, Lorraine might lock ...": the parse made
                    # "argue" a noun and the name its apposition
                    next(
                        (
                            a
                            for a in child.children
                            if a.dep_ == "appos"
                            and is_person(a)
                            # (not "because of Mum's depression, Isla ...": a real noun)
                            and not any(d.dep_ in ("det", "poss") for d in child.children)
                        ),
                        child,
                    ),
                )
            found = _person_before_aux(node, _past_the_date(child))
            return found, child.dep_.endswith("pass")
        participle = node.dep_ == "advcl" and node.tag_ == "VBG"
        if node.dep_ == "conj" and _own_subject_lost(node):
            break  # "SW scored 3 as the threshold is still met": not the scorer who is met
        if (
            node.dep_ in ("conj", "xcomp", "acl") or participle or _got(node)
        ) and node.head != node:
            node = node.head
            continue
        if node.dep_ == "acomp" and node != verb and node.lemma_.lower() in LIKELY:
            node = node.head  # "Dad is likely to punch Euan": the subject of "is likely"
            continue  # (but "is able to store" stays an ability, with no one acting)
        if (
            node.dep_ == "acomp"
            and node != verb
            and node.lemma_.lower() == "able"
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in node.head.children)
        ):
            node = node.head  # "she might not be able to get Oscar to school": a forecast
            continue
        if (
            node.dep_ == "relcl"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in children_of(node))
            and is_person(node.head)
        ):
            return node.head, False  # a note's "Dad (Ryan) to book himself onto a course"
        break
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and verb.i - i < 8:
        if _name_read_as_adverb(doc[i]):
            return doc[i], False  # "Every night until the case closes, Raj will keep ..."
        if doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
            i -= 1
        elif doc[i].text == ")" and i >= 2 and doc[i - 2].text == "(":
            i -= 3  # skip an age in brackets: "Zubair (9) was made to ..."
        else:
            break
    misparsed = verb.dep_ == "amod" and verb.tag_ == "VBD"  # "partner, Lyndon, kicked Rayan"
    if (
        verb.dep_ == "acl"
        and verb.i > 0
        and doc[verb.i - 1].text == ","
        and is_person(verb.head)
        and any(c.dep_ in ("dobj", "oprd") and is_person(c) for c in children_of(verb))
    ):
        return verb.head, False  # "Shannon's boyfriend, Ryan, called Kayden (6) 'thick'"
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and is_person(verb.head):
        return verb.head, False  # "On 2 February Wayne Doyle called Jake ...": a finite verb
        # the parse hung on the name the date swallowed (a true acl is a participle)
    if verb.dep_ in ("conj", "xcomp", "acl", "amod", "relcl") and not misparsed:
        return None, False
    i = _before_aside(doc, i)
    if i >= 0 and is_person(doc[i]):
        return doc[i], False
    # "Martin Jones, Kelsey's stepdad, came into ...": step back over an appositive.
    j = i
    while j >= 0 and verb.i - j < 10 and doc[j].pos_ != "VERB":
        if doc[j].dep_ in ("pobj", "compound", "npadvmod", "nsubj", "appos", "ROOT") and (
            _is_name(doc[j]) or is_carer_token(doc[j]) or (misparsed and is_person(doc[j]))
        ):
            return doc[j], False
        j -= 1
    return None, False


def _before_aside(doc: Any, i: int) -> int:
    """From a comma just before the verb, the word before an aside set off by commas ("On 5
    August Precious, believing Thando was possessed, did not feed him"), where the date
    swallowed the name and the parse gave the verb no subject."""
    if i < 0 or doc[i].text != ",":
        return i
    k = i - 1
    while k > 0 and i - k < 16 and doc[k].text != ",":
        k -= 1
    if (
        k > 0
        and doc[k].text == ","
        and (doc[k + 1].tag_ in ("VBG", "VBN") or doc[k + 1].lower_ in ("who", "whom"))
    ):
        return k - 1
    return i


_MODAL_AUXES = FUTURE_MODALS | {"must", "should"}  # (built once, not for every child)


def _modals(verb: Any) -> frozenset[str]:
    found: set[str] = set()
    node = verb
    if _note_form_plan(verb):
        found.add("will")  # "Dad to manage his anger better": a plan's "Dad will ..."
    for _ in range(4):
        # (the parse sometimes hangs "could" on the passive's "be": "Summer could be hurt")
        helpers = [c for c in children_of(node) if c.dep_ in ("aux", "auxpass")]
        for child in [*children_of(node), *(g for h in helpers for g in children_of(h))]:
            if child.dep_ == "aux" and child.lower_ in _MODAL_AUXES:
                found.add(child.lower_)
            if child.dep_ == "aux" and child.lower_ == "going":
                found.add("going")
        if (node.dep_ in ("conj", "xcomp") or _got(node)) and node.head != node:
            node = node.head
            continue
        break
    return frozenset(found)


def _got(verb: Any) -> bool:
    """ "Nova might get trapped": the parse hangs the participle on "get" as a complement."""
    return verb.dep_ == "acomp" and verb.tag_ == "VBN" and verb.head.lemma_.lower() == "get"


def _note_form_plan(verb: Any) -> bool:
    """ "Dad to attend", "Mum (Ms Lewis) to understand ...": a note's plan, with no finite verb."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb)):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ == "nsubj" for c in children_of(verb))
    head = verb.head
    return verb.dep_ in ("advcl", "acl") and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")


# What one does to oneself, or becomes, with "get": "getting changed", "get fed up", "got
# stoned", "get lost". Not passives.
GET_SELF = frozenset(
    {"changed", "dressed", "undressed", "washed", "married", "lost", "started", "stoned"}
    | {"wasted", "involved", "fed", "bored", "tired", "engaged", "divorced", "sorted"}
    | {"frustrated", "upset", "annoyed", "stressed", "agitated", "overwhelmed", "worked"}
)


def _passive(verb: Any) -> bool:
    get = any(c.dep_ == "auxpass" and c.lemma_.lower() == "get" for c in children_of(verb)) or (
        verb.dep_ in ("xcomp", "acomp", "ccomp") and verb.head.lemma_.lower() == "get"
    )
    if get and verb.lower_ in GET_SELF:
        return False
    children = children_of(verb)
    if any(c.dep_ == "auxpass" and c.lower_ == "'s" for c in children) and any(
        c.dep_ == "dobj" or (c.dep_ == "xcomp" and c.tag_ == "VBG") for c in children
    ):
        return False  # "He's stopped holding Alfie down": "has stopped", with an object
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return True
    if _note_form_passive(verb):
        return True
    # "he gets sent to the shop", "got hit": a get-passive the parser reads as a complement
    return verb.tag_ == "VBN" and get


# Harm verbs a child does on their own: "Freya (4 months) screamed" is not a note's passive.
CHILDS_OWN_NOISE = frozenset({"scream", "shout", "swear", "yell", "shriek", "cry"})


def _note_form_passive(verb: Any) -> bool:
    """A note's passive with its "was" left out: "Children not supervised" (a past tense
    cannot take a bare "not"), "Kids left home alone" (left alone, with no one named) or
    "Mason (11) hit with slipper" (a child, hurt, with nothing hurt by him)."""
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "ROOT" or verb.lemma_ in ("be", "have"):
        return False  # (not "Coach Mike was not a real coach")
    children = children_of(verb)
    if any(
        c.dep_ in ("aux", "ccomp", "xcomp") or (c.dep_ == "dobj" and is_person(c)) for c in children
    ):
        return False  # (not "Mum left Kai alone"; but "left home alone x2", the count misread)
    if not any(
        c.dep_ == "nsubj"
        and c.pos_ in ("NOUN", "PROPN")
        and not is_carer_token(c)
        # (before the verb: in "On 11 March Bev's son Dean (23) smacked Leo (5)" the date
        # swallowed the doer and the parse made Leo the subject)
        and c.i < verb.i
        for c in children
    ):
        return False  # ("Stacey's mum left her home alone": Mum did it)
    if any(
        c.dep_ == "dobj" and any(d.dep_ in ("det", "poss") for d in c.children) for c in children
    ):
        return False  # "Callum (14) left the flat alone": he went out (not "left home alone")
    if any(c.dep_ == "neg" and c.lower_ == "not" for c in children):
        return True
    if (
        verb.lemma_.lower() in words("harm_verbs")
        and verb.lemma_.lower() not in CHILDS_OWN_NOISE
        and not any(
            c.dep_ in ("dobj", "prt", "dative") or (c.dep_ != "nsubj" and is_person(c))
            for c in children
        )
        and [has_age_after(c) for c in children if c.dep_ == "nsubj"] == [True]
    ):
        return True  # "Mason (11) hit with slipper x3 in June": hit by whom?
    if verb.lemma_.lower() in ("remove", "accommodate") and not any(
        c.dep_ in ("dobj", "prt", "dative") for c in children
    ):
        return True  # a scale's "0 = children removed": removed by whom?
    return verb.lemma_.lower() == "leave" and any(c.lower_ == "alone" for c in children)


def _negated(verb: Any) -> bool:
    """Negated itself, or the second verb of a negated pair ("will not drink and drive")."""
    node = verb
    for _ in range(3):
        for child in children_of(node):
            if child.dep_ == "neg" or child.lower_ in ("never", "no longer"):
                return True
        if node.dep_ != "conj" or node.head == node:
            return False
        node = node.head
    return False


def mentions_time(text: str) -> bool:
    """Does ``text`` say when or how often (a date, a day, "every night", "for six weeks")?"""
    return bool(_TIME.search(text))


def facts(doc: Any) -> Facts:
    """The cached facts of a statement Doc (kept in ``doc.user_data``, which is cheaper to
    reach than a ``doc._`` extension and is asked for by every check)."""
    cached = doc.user_data.get("sos_facts")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    text = doc_text(doc)
    result = Facts(doc=doc, text=text)
    for token in tokens(doc):
        if is_person(token) and not _names_an_agency(token):
            result.people.append(token)
            if is_child_token(token) or has_child_age_after(token):
                result.children.append(token)
            elif is_carer_token(token):
                result.carers.append(token)
        copula = token.pos_ == "AUX" and any(
            c.dep_ in ("acomp", "attr") for c in children_of(token)
        )
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and (token.dep_ == "ROOT" or copula)):
            subject, _ = _subject(token)
            agent = next((c for c in children_of(token) if c.dep_ == "agent"), None)
            objects = tuple(
                c
                for c in children_of(token)
                if c.dep_
                in ("dobj", "pobj", "prep", "attr", "acomp", "oprd", "xcomp", "ccomp", "dative")
            )
            result.clauses.append(
                Clause(
                    token, subject, _passive(token), agent, _negated(token), _modals(token), objects
                )
            )
    _name_children(result)
    result._child_names = result.child_names  # the children are known from here on
    doc.user_data["sos_facts"] = result
    return result


def _names_an_agency(token: Any) -> bool:
    """ "Children's services", "the children's centre": part of an agency's name, not a person."""
    return (
        token.dep_ in ("poss", "compound")
        and token.pos_ != "PROPN"  # "Nadia's GP" is Nadia's doctor, not an agency's name
        and token.head != token
        and token.head.lemma_.lower() in words("professional_roles") | NOT_NAMES
    )


def doc_text(doc: Any) -> str:
    """The statement's text, kept: ``Doc.text`` joins the tokens again on every access."""
    text = doc.user_data.get("sos_text")
    if text is None:
        text = doc.user_data["sos_text"] = doc.text
    return text  # type: ignore[no-any-return]


# (compiled once: ``has_age_after`` is asked about most names and nouns)
_AGE_NEXT = re.compile(r"\s*(?:\(\s*(?:aged\s+)?\d|,\s*(?:aged\s+)?\d{1,2}\b|aged\s+\d|who is \d)")


def has_age_after(token: Any) -> bool:
    start = token.idx + len(token.text)
    tail = doc_text(token.doc)[start : start + 40]
    return bool(_AGE_NEXT.match(tail))


_AGE_AFTER = re.compile(
    r"\s*(?:\(\s*|,\s*|who is\s+)?(?:aged\s+)?(\d+)\b\s*(months?|weeks?|days?|mths?|m\b)?"
    r"(\s+pregnant)?",
    re.I,
)


ADULT_AGE = 18


def is_child_age(number: str, unit: str | None) -> bool:
    """A child's age: under 18 in years, or a baby's count of months, weeks or days."""
    if unit and not unit.lower().startswith("year"):
        return True
    return int(number) < ADULT_AGE


def has_child_age_after(token: Any) -> bool:
    """A name given with a child's age: "Kai (7)", "Lola (3 months)", but not an adult's
    "Leon Harte (22)" or "Mum (19)"."""
    if not has_age_after(token):
        return False
    match = _age_match(token)
    if match is None or len(match.group(1)) == 4:
        return True  # "Kai (2015)": a year of birth
    if match.group(3):
        return False  # "Leanne (24 weeks pregnant)": the mother
    return is_child_age(match.group(1), match.group(2))


def bracketed_owner(token: Any) -> Any | None:
    """The name before a bracketed age: "Bethan" in "Bethan (8)" or "Owen (now 17)"."""
    doc = token.doc
    i = token.i
    while i > 0 and doc[i].text != "(" and token.i - i < 3:
        i -= 1
    return doc[i - 1] if i > 0 and doc[i].text == "(" else None


def _age_match(token: Any) -> re.Match[str] | None:
    """The age given after a name, as matched by ``_AGE_AFTER`` (None if there is none)."""
    if not has_age_after(token):
        return None
    start = token.idx + len(token.text)
    return _AGE_AFTER.match(doc_text(token.doc)[start : start + 40])


def age_after(token: Any) -> float | None:
    """The age in years given after a name ("Kai (2)" 2, "Lola (3 months)" 0.25), if any."""
    match = _age_match(token)
    if match is None or len(match.group(1)) == 4 or match.group(3):
        return None
    unit = (match.group(2) or "").lower()
    number = int(match.group(1))
    if unit.startswith("m"):
        return number / 12
    if unit.startswith(("w", "d")):
        return 0.0
    return float(number)


def refers_to_a_child(token: Any) -> bool:
    """A child's role ("the baby"), a name given with an age ("Kai (7)"), or a name the
    statement's facts have worked out is a child's."""
    return has_child_age_after(token) or facts(token.doc).is_child(token)


def pronoun_means_a_child(pronoun: Any) -> bool:
    """The nearest subject named before the pronoun is a child, by an age given with the
    name ("Bethany (6)") or a child's role ("the baby"); "if Wayne is alone with Poppy (6),
    he might ..." is Wayne."""
    for token in reversed(pronoun.doc[: pronoun.i]):
        if token.pos_ != "PRON" and token.dep_ in ("nsubj", "nsubjpass") and is_person(token):
            return refers_to_a_child(token)
    return False


def _adult_by_role(name: Any) -> bool:
    """A name given with an adult's role: "aunt Rose", "PC Hughes", "Dr Shah"."""
    adults = words("carer_roles") | words("professional_roles") | words("other_people")
    return any(
        c.dep_ in ("compound", "appos") and c.lemma_.lower() in adults and not is_child_token(c)
        for c in children_of(name)
    )


def _name_children(result: Facts) -> None:
    """Named people who are on the receiving end of a carer's action are the children."""
    # A name the parse hung off a date but which is a clause's subject ("From January to
    # April Rashid Ali kept Amira home") is the one acting, not a child.
    acting = {c.subject.i for c in result.clauses if c.subject is not None and not c.passive}
    names = [
        t
        for t in result.people
        if _is_name(t)
        and t not in result.children
        and not is_carer_token(t)
        and not (t.dep_ == "pobj" and t.i in acting)
    ]
    # (once a child is named with an age, other names are not guessed to be children: in
    # "asked Ross to leave ... might throw things at Chelsea while Frankie (4) is nearby"
    # Ross and Chelsea are the adults)
    aged = any(has_child_age_after(t) for t in result.children)
    for name in names:
        if (
            not aged
            and name.dep_ in ("dobj", "pobj", "dative", "nsubjpass")
            and result.carers
            and not _adult_by_role(name)
            and not _acted_on_by_a_child(name, result)
        ):
            result.children.append(name)
    if not result.children and len({t.lower_ for t in names}) >= 2:
        # "Lee might push Kai": the object of the first name's action is the child.
        for name in names:
            if name.dep_ in ("dobj", "pobj", "dative", "nsubjpass") and not _adult_by_role(name):
                result.children.append(name)
    if not result.children and len({t.lower_ for t in names}) >= 2:
        # "... Jordan might shake her again. Maisie could be left with brain damage": the name
        # whose only clauses are what could happen to them is the child.
        for name in names:
            if (
                name.dep_ in ("nsubj", "nsubjpass")
                and any(c.lower_ in POSSIBILITY_MODALS for c in children_of(name.head))
                and name.head.lemma_.lower()
                in words("impact_words") | {"leave", "be", "fall", "get"}
            ):
                result.children.append(name)


def _acted_on_by_a_child(name: Any, result: Facts) -> bool:
    """ "when Reece is woken by Lola (3 months) crying": the baby does it to the adult."""
    return name.dep_ == "nsubjpass" and any(
        c.dep_ == "agent" and any(o in result.children for o in children_of(c))
        for c in children_of(name.head)
    )


ABSENCE_VERBS = frozenset({"stop", "quit", "cease", "refrain", "abstain"})


# The states a plan may wrongly ask for; an action inside them is only their content.
# Reporting verbs ("admitted that she smacked Archie", "thinks Dad will hit") are not here:
# what they report is behaviour.
DEMANDED_STATES = frozenset(
    {
        "understand",
        "acknowledge",
        "accept",
        "recognise",
        "recognize",
        "realise",
        "realize",
        "appreciate",
        "reflect",
        "learn",
        "consider",
        "own",
        "minimise",
        "minimize",
    }
)


# Verbs of thinking in general: the demanded states plus reporting ones.
# Drugs and drink named as what a person uses: "a heroin user", "drug-free".
SUBSTANCES = frozenset(
    {"drug", "substance", "heroin", "crack", "cannabis", "cocaine", "alcohol", "spice", "ketamine"}
)
THOUGHT_VERBS = DEMANDED_STATES | {"think", "believe", "know", "remember", "admit", "deny"}


def ancestors(token: Any, limit: int = 4) -> Iterator[Any]:
    """The token's heads, nearest first, up to ``limit`` steps (the root is its own head)."""
    node = token
    for _ in range(limit):
        if node.head == node:
            return
        node = node.head
        yield node


PROMISES = frozenset({"promise", "pledge", "vow"})


# Verbs that pass a verdict on what someone can do: "has shown that she can keep Chidi safe".
VERDICT_VERBS = frozenset({"prove", "demonstrate", "show", "evidence"})
# What a verdict verb claims to show without a behaviour to see: "demonstrate good parenting".
SHOWN_QUALITIES = frozenset({"parenting", "trusted", "trustworthy"})
WH_WORDS = frozenset({"what", "how", "who", "where", "when", "whom"})


def _inside_thought(verb: Any) -> bool:
    """An action that is the content of a thought ("understand that hitting Kai hurts him"),
    of a promise ("has promised he will not drink") or of knowing how ("knows what to do if
    Glen turns up")."""
    if (
        verb.head.lemma_.lower() == "know"
        and verb.dep_ == "xcomp"
        and any(t.lower_ in WH_WORDS for t in verb.children)
        and any(t.lower_ == "to" for t in verb.children)
    ):
        return True
    return any(node.lemma_.lower() in DEMANDED_STATES | PROMISES for node in ancestors(verb))


# The sections that ask someone to do something: goals, needs and next steps, where a demand
# for a state of mind is a fault even beside good actions ("Mum will walk Leah to school ...
# and Mum will understand why missing school has hurt her").
DEMAND_SECTIONS = frozenset({"safety_goal", "needs_to_happen", "next_step"})
INSIGHT_VERBS = frozenset(
    {
        "show",
        "gain",
        "develop",
        "demonstrate",
        "have",
        "take",
        "build",
        "evidence",
        "increase",
        "improve",
        "lack",
        "need",
        "display",
    }
)


def insight_object(verb: Any) -> Any | None:
    """ "show insight", "lacks insight", "has a lack of insight into"."""
    insight = words("insight_nouns")
    for token in verb.children:
        if token.dep_ not in ("dobj", "attr"):
            continue
        nouns = [token] + [
            g
            for p in token.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        found = next((n for n in nouns if n.lemma_.lower() in insight), None)
        if found is not None:
            return found
    return None


# "make better choices", "make safer decisions": a verdict on choices nobody has named.
GRADED = frozenset(
    {"better", "safer", "good", "positive", "healthy", "healthier", "wise", "wiser", "right"}
    | {"sensible", "appropriate", "informed", "safe", "responsible"}
)


def is_graded_choice(clause: Any) -> bool:
    return clause.lemma == "make" and any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in ("choice", "decision")
        and any(a.dep_ == "amod" and a.lower_ in GRADED for a in c.children)
        for c in clause.verb.children
    )


# Inner states that "manage" or "address" turns into a goal nobody can watch.
EMOTIONS = frozenset({"anger", "emotion", "feeling", "temper", "stress", "mood", "frustration"})
# A person's own condition, which "address" or "process" turns into work nobody can watch.
OWN_CONDITIONS = frozenset(
    {"trauma", "depression", "anxiety", "addiction", "alcoholism", "dependency", "grief"}
)
# "anger issues", "mental health", "alcohol misuse": a general word the modifier makes a
# condition.
CONDITION_HEADS = frozenset({"issue", "problem", "health", "misuse", "use", "abuse"})
CONDITION_MODIFIERS = frozenset(
    {"mental", "anger", "alcohol", "drug", "drugs", "substance", "gambling", "drink", "cannabis"}
)
WORKED_ON = frozenset({"manage", "control", "regulate", "address", "tackle"})


def _own_condition(noun: Any) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in EMOTIONS or lemma in OWN_CONDITIONS:
        return True
    return lemma in CONDITION_HEADS and any(
        c.dep_ in ("compound", "amod") and c.lower_ in CONDITION_MODIFIERS for c in noun.children
    )


def is_managing_feelings(clause: Any) -> bool:
    """ "will manage his anger better", "needs to address his anger", "needs to address her
    alcohol misuse", "needs to process her trauma"."""
    lemma = clause.lemma
    if lemma not in WORKED_ON and lemma not in ("process", "overcome"):
        return False
    return any(
        c.dep_ == "dobj"
        and (c.lemma_.lower() in EMOTIONS or (lemma != "control" and _own_condition(c)))
        for c in clause.verb.children
    )


def is_hypothetical(clause: Any) -> bool:
    """ "Gran would never let anything happen to Mali", "would do anything to protect them"."""
    if "would" not in clause.modals:
        return False
    return any(
        t.lower_ in ("never", "anything", "anyone", "whatever") for t in clause.verb.children
    )


def is_trait_participle(verb: Any) -> bool:
    """ "Dad is controlling": a trait adjective the tagger read as a verb."""
    return (
        verb.tag_ == "VBG"
        and verb.lower_ in words("trait_adjectives")
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
        and not any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("for", "of"))
            for c in verb.children
        )  # ("is controlling the money", "is caring for her brothers")
    )


NOUN_ONLY = frozenset(
    {"programme", "programmes", "course", "courses", "session", "sessions", "appointment"}
    | {"appointments", "counselling", "therapy", "treatment", "intervention", "services"}
)


def is_accepting_phrase(verb: Any) -> bool:
    """ "take on board", "come to terms with", "take it seriously": accepting, not acting."""
    lemma = verb.lemma_.lower()
    near = {t.lower_ for t in verb.subtree if t.i > verb.i and t.i - verb.i < 6}
    if lemma == "come":
        return "terms" in near
    if lemma == "take" and "seriously" in near:
        return True  # "has started to take the concerns seriously"
    return lemma == "take" and "board" in near and "on" in near


# Verbs about when something else happens: "start putting", "keep shouting", "begin to cook".
ASPECT_VERBS = frozenset({"start", "begin", "continue", "keep", "carry", "go"})
DONE_WELL = frozenset({"well", "better", "great", "fine", "ok", "okay", "brilliantly"})


def observable_actions(f: Facts) -> list[Clause]:
    """Clauses that describe something a person did or will do that others could see."""
    cached = f.cache.get("observable_actions")
    if cached is None:
        cached = f.cache["observable_actions"] = _observable_actions(f)
    return list(cached)


def _observable_actions(f: Facts) -> list[Clause]:
    out = []
    not_behaviour = words("mental_verbs") | words("state_verbs") | ABSENCE_VERBS
    for clause in f.clauses:
        if clause.verb.pos_ != "VERB" or clause.verb.lower_ in NOUN_ONLY:
            continue  # ("the Caring Dads programme": "programme" mistagged as a verb)
        lemma = clause.lemma
        gets_someone = lemma == "get" and any(
            c.dep_ in ("dobj", "ccomp", "prt") for c in clause.verb.children
        )
        if lemma in PROMISES:
            continue  # saying what one will do is not doing it
        if lemma in ASPECT_VERBS and any(c.dep_ == "xcomp" for c in clause.verb.children):
            continue  # "will start putting the children first": judged by what is started
        if (
            lemma == "work"
            and any(c.lower_ == "together" for c in clause.verb.children)
            and any(c.dep_ in ("xcomp", "advcl") for c in clause.verb.children)
        ):
            continue  # "will work together to keep the children safe": judged by the aim
        if lemma == "change" and not any(c.dep_ in ("dobj", "prt") for c in clause.verb.children):
            continue  # "show that he has changed": a verdict on the person, not an act
        if lemma in ("go", "move") and [c.lower_ for c in clause.verb.children] == ["forward"]:
            continue  # "going forward", "moving forward": a time, not someone going
        if lemma in ("cope", "cop") or (
            lemma == "pose"
            and any(c.lemma_.lower() in ("risk", "threat", "danger") for c in clause.verb.children)
        ):
            continue  # "is not coping", "poses a risk": verdicts, not acts
        # "might stop Lucy (14) seeing her friends": stopping a person is done to them
        # (and "will see Evie and Noah only at Sheila's house": seeing a person is a visit)
        stops_or_sees_someone = lemma in ("stop", "see") and any(
            c.dep_ == "dobj" and is_person(c) and c.lower_ not in REFLEXIVES
            for c in clause.verb.children
        )
        if lemma in not_behaviour and not (gets_someone or stops_or_sees_someone):
            continue  # ("get Johnny to school" is an action; "get upset" is not)
        if is_compliance(clause) or is_abstract_safety(clause):
            continue
        if lemma in INSIGHT_VERBS and insight_object(clause.verb) is not None:
            continue  # "take responsibility", "build her confidence": a state, not an act
        if (
            is_hypothetical(clause)
            or is_trait_participle(clause.verb)
            or is_graded_choice(clause)
            or is_managing_feelings(clause)
        ):
            continue  # "would never let anything happen", "is controlling"
        if (
            clause.negated
            and clause.modals & {"can", "ca", "could"}
            and clause.verb.dep_ not in ("advcl", "relcl")
        ):
            continue  # "cannot look after Josh": an inability, not something anyone saw
        if is_accepting_phrase(clause.verb):
            continue  # "take on board what the school said": accepting, not doing
        if lemma in VERDICT_VERBS and any(
            c.dep_ in ("ccomp", "xcomp") for c in clause.verb.children
        ):
            continue  # "has proved he is able to protect the girls": a verdict on an act
        if clause.verb.dep_ == "conj" and (
            clause.verb.head.pos_ == "ADJ"
            or (
                clause.verb.head.lemma_ in ("be", "feel", "seem", "look")
                and clause.verb.tag_ in ("VBN", "VBD")
                and not any(
                    c.dep_ in ("dobj", "aux", "auxpass", "nsubj", "agent")
                    for c in clause.verb.children
                )
            )
        ):
            continue  # "will be (or feel) happy and settled": a state joined to a state
        if clause.verb.dep_ in ("amod", "compound") and clause.verb.tag_ != "VBD":
            continue
        if _inside_thought(clause.verb):
            continue
        if any(
            c.dep_ == "xcomp" and c.lemma_.lower() in THOUGHT_VERBS for c in clause.verb.children
        ):
            continue  # "refuses to accept he has a problem": about a state of mind
        subject = clause.subject
        if clause.passive:
            # "Kai was hit" says what happened, not who did it: no one's behaviour is described.
            if clause.agent_person is None:
                continue
        elif subject is None or not (
            is_person(subject) or subject.pos_ == "PRON" or _one_of_people(subject)
        ):
            continue
        elif subject.lower_ in ("anything", "nothing", "something", "everything", "it", "this"):
            continue  # "let anything happen to Mali": no one acts
        elif subject.lower_ in ("which", "what"):
            continue  # "the home conditions are poor, which affects Lily": a thing acts
        elif lemma == "do" and any(c.lower_ in DONE_WELL for c in clause.verb.children):
            continue  # "Dad has been doing well": a verdict, not an act
        out.append(clause)
    return out


def _one_of_people(subject: Any) -> bool:
    """ "one of them might grab her leg", "either of her parents": a person, not a number."""
    return subject.lower_ in ("one", "either", "neither", "both", "each") and any(
        p.lower_ == "of" and any(is_person(o) for o in p.children) for p in subject.children
    )


@lru_cache(maxsize=1)
def _object_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The many-word service names, by first word."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in words("compliance_objects"):
        if " " in phrase:
            parts = tuple(phrase.split())
            by_first.setdefault(parts[0], []).append(parts)
    return {first: tuple(found) for first, found in by_first.items()}


def _named_objects(doc: Any) -> set[int]:
    """Tokens of the many-word service names in the lexicon ("caring dads", "triple p")."""
    cached = doc.user_data.get("sos_named_objects")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    found: set[int] = set()
    phrases = _object_phrases()
    lowered = [t.lower_.rstrip(".") for t in tokens(doc)]  # ("Triple P." ends on "p.")
    for i, word in enumerate(lowered):
        for phrase in phrases.get(word, ()):
            if tuple(lowered[i : i + len(phrase)]) == phrase:
                found.update(range(i, i + len(phrase)))
    doc.user_data["sos_named_objects"] = found
    return found


OVERDOSE = frozenset({"od", "overdose"})
# How often, which the parse may take for a service's head noun: "attend the group weekly".
HOW_OFTEN = frozenset({"weekly", "daily", "fortnightly", "monthly", "nightly"})


def _too_many(dose: Any) -> bool:
    """ "too many tablets", "extra tablets", "too many of her tablets": more medicine than was
    prescribed (not "more parenting courses")."""
    if dose.lower_ == "many" and any(g.lower_ == "too" for g in dose.children):
        return any(
            o.lemma_.lower() in DOSES
            for p in dose.children
            if p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        )
    return dose.lemma_.lower() in DOSES and any(
        c.lower_ in ("extra", "more", "excess", "additional")
        or (c.lower_ == "many" and any(g.lower_ == "too" for g in c.children))
        for c in dose.children
    )


# What is kept up as a service's measure: "maintain her engagement with services".
KEPT_UP = frozenset({"maintain", "sustain", "keep", "improve", "increase", "show", "demonstrate"})
COMPLIANCE_NOUNS = frozenset({"engagement", "cooperation", "co-operation", "compliance"})


def is_compliance(clause: Clause) -> bool:
    """ "will engage with services", "attend a parenting course", "work with professionals".

    Taking a child somewhere ("did not take Zayn to his appointments") is care, not compliance.
    """
    been_to = (
        clause.lemma == "be"
        and clause.verb.lower_ == "been"
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in clause.verb.children)
    )  # "has been to all 12 of his sessions": attended
    if clause.lemma in KEPT_UP and any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in COMPLIANCE_NOUNS
        # (not "her engagement with Ava at bath time": time with a child)
        and not any(
            p.lower_ == "with"
            and any(
                o.dep_ == "pobj"
                and is_person(o)
                and o.lemma_.lower()
                not in words("compliance_objects") | words("professional_roles")
                for o in p.children
            )
            for p in c.children
        )
        for c in clause.verb.children
    ):
        return True  # "will maintain her engagement with services": the service kept to
    if clause.lemma not in words("compliance_verbs") and not been_to:
        return False
    if clause.lemma in ("go", "come") and any(
        p.dep_ == "prep"
        and p.lower_ == "with"
        and any(
            o.lemma_.lower() in ("agreement", "consent", "permission")
            and any(d.dep_ == "poss" for d in o.children)
            for o in p.children
        )
        for p in clause.verb.children
    ):
        return False  # "before he goes out, with his agreement": his consent, not a service
    if clause.lemma == "do" and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in DONE_AS_A_SERVICE for c in clause.verb.children
    ):
        return False  # "will do the checks on Kai in his cot" is care, not a service kept
    if clause.verb.lower_ == "following" and clause.verb.dep_ == "prep":
        return False  # "Following the strategy meeting, it was agreed ...": a preposition
    if clause.passive and clause.subject is not None and clause.subject.lower_ == "it":
        return False  # "it was agreed that ...": a decision reported, not a plan kept
    if clause.passive and clause.subject is not None and is_person(clause.subject):
        return False  # "Jayden has been taken to all his appointments": care done to him
    if clause.subject is not None and refers_to_a_child(clause.subject):
        return False  # "Ruby and Rose have missed five health appointments": the child's care
    if clause.verb.dep_ in ("ccomp", "xcomp") and clause.verb.head.lemma_.lower() in (
        "let",
        "allow",
    ):
        return False  # "Naveed will let Zain go to his youth group": the letting is the act
    if (
        clause.lemma == "agree"
        # (an unnamed "a plan", not "the safety plan" or "the CIN plan")
        and any(
            c.dep_ == "dobj"
            and any(d.dep_ == "det" and d.lower_ == "a" for d in c.children)
            and not any(d.dep_ in ("compound", "amod") for d in c.children)
            for c in clause.verb.children
        )
        and not any(p.dep_ == "prep" and p.lower_ == "with" for p in clause.verb.children)
        and (
            (clause.subject is not None and any(c.dep_ == "conj" for c in clause.subject.children))
            or (clause.verb.dep_ in ("xcomp", "advcl", "acl") and clause.subject is None)
        )
    ):
        return False  # "while Karen and Gareth agreed a plan", "text Alex to agree a plan": made
        # between the family, not a professionals' plan kept to
    if clause.lemma == "take" and any(
        (c.dep_ == "dobj" and (c.lower_ in OVERDOSE or c.pos_ == "NUM" or _too_many(c)))
        or c.lower_ in ("twice", "double")
        for c in clause.verb.children
    ):
        return False  # "took an OD of her medication", "took 40 of her tablets", "might take
        # her tablets twice", "took extra tablets": not a plan kept
    if clause.lemma in ("take", "use") and _routine_seen(clause.verb):
        return False  # "will take her methadone at the chemist each morning": a routine to see
    objects = words("compliance_objects")
    named = _named_objects(clause.verb.doc)  # "the Caring Dads programme"
    if any(
        c.dep_ in ("dobj", "dative")
        and is_person(c)
        and c.i not in named
        and c.lemma_.lower() not in objects  # ("attend the alcohol service": not a person)
        # ("complete the Baby Steps course": a course's name the tagger takes for a person,
        # with its noun hung off the verb)
        and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lemma_.lower() in objects)
        for c in clause.verb.children
    ):
        return False
    if clause.lemma in ("go", "come") and any(
        p.dep_ == "prep"
        and p.lower_ == "with"
        and any(o.dep_ == "pobj" and refers_to_a_child(o) for o in p.children)
        for p in clause.verb.children
    ):
        return False  # "will go with Noah to every choir practice": staying with the child
    if not any(c.dep_ in ("dobj", "prep") for c in clause.verb.children):
        # "will attend and complete the Caring Dads programme": the object is shared
        joined = {c.i for c in clause.verb.children if c.dep_ == "conj"}
        if any(
            other.verb.i in joined and is_compliance(other)
            for other in facts(clause.verb.doc).clauses
        ):
            return True
    subject_side = {t.i for c in clause.verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    for token in clause.verb.subtree:
        if token == clause.verb or token.i in subject_side:
            continue
        if token.i in named and _hangs_off(token, clause.verb, through=named):
            return True
        if (
            token.dep_ == "dobj"
            and token.lower_ in ("it", "them", "one", "any")
            and clause.verb.dep_ == "conj"
            and clause.verb.head.lemma_.lower() in words("compliance_verbs")
            and any(
                t.lemma_.lower() in objects or t.i in named
                for t in clause.verb.head.subtree
                if t.i < clause.verb.i
            )
        ):
            return True  # "engage with the programme and complete it"
        if (
            token.dep_ == "compound"
            and token.head.lemma_.lower() not in objects
            and token.head.lower_ not in HOW_OFTEN
        ):
            continue  # "sign the visit book": a book, not a visit (but "attend the group
            # weekly" may be parsed as a kind of "weekly")
        if any(
            p.dep_ == "poss" and (p.pos_ == "PROPN" or is_child_token(p)) for p in token.children
        ):
            continue  # "might miss more of Alfie's appointments": the child's care
        if (
            clause.lemma in ("miss", "cancel", "dna")
            and token.lemma_.lower() == "appointment"
            and _health_appointment(token)
        ):
            continue  # "keeps missing the vaccine appointments": the child's health care
            # (but "has attended all her appointments with the GP" is a parent's own)
        if (
            (token.lemma_.lower() in objects or token.lower_ in objects)
            and _hangs_off(token, clause.verb)
            and not _when_not_what(token, clause.verb)
        ):
            return True
    if clause.lemma == "test" and any(
        c.lower_ in ("negative", "clean", "positive") for c in clause.verb.children
    ):
        return True  # "has tested negative at every test since May"
    return clause.lemma in ("engage", "comply", "cooperate", "co-operate")


# Health care a parent takes a child to: missing it is neglect of the child's health, not a
# parent's own service missed ("keeps missing the vaccine appointments").
HEALTH_CARE = frozenset(
    {"health", "vaccine", "vaccination", "immunisation", "jab", "dental", "dentist", "hospital"}
    | {"clinic", "eye", "hearing", "dietitian", "dietetic", "audiology", "optician", "gp"}
    | {"paediatric", "paediatrician", "medical", "asthma", "diabetes", "skin", "speech"}
    | {"physio", "physiotherapy", "orthodontist", "cardiology", "outpatient"}
)


def _health_appointment(token: Any) -> bool:
    """ "the vaccine appointments", "appointments at the hearing clinic" (not "her mental
    health appointments" or "Mum's GP appointments": the parent's own)."""
    if any(c.dep_ == "poss" and (c.pos_ == "PRON" or is_carer_token(c)) for c in token.children):
        return False
    near = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    near += [o for p in token.children if p.dep_ == "prep" for o in p.children]
    near += [c for t in near for c in t.children if c.dep_ in ("compound", "amod")]
    if any(t.lower_ == "mental" for t in near):
        return False
    return any(t.lemma_.lower() in HEALTH_CARE or t.lower_ in HEALTH_CARE for t in near)


# Words that make a plan or a meeting the time of the act, not what is kept to: "for the
# duration of the CIN plan", "until the next review".
SPANS_OF_TIME = frozenset({"duration", "length", "life", "lifetime", "course", "rest"})
TIME_PREPOSITIONS = frozenset({"until", "till", "during", "throughout"})
PLANS_AS_TIMES = frozenset({"plan", "order", "review", "proceedings", "assessment"})


def _when_not_what(token: Any, verb: Any) -> bool:
    """ "will use battery lights only, for the duration of the CIN plan", "until the review":
    the plan says when (not "until the end of the course", nor "the rest of the sessions",
    which are what is attended)."""
    head = token
    while head != verb and head.head != head:
        if head.dep_ == "pobj":
            prep = head.head.lower_
            if prep in TIME_PREPOSITIONS and (
                head.lemma_.lower() != "end" or token.lemma_.lower() in PLANS_AS_TIMES
            ):
                return True  # ("until the end of the CP plan", not "of the course")
            if (
                head.lemma_.lower() in SPANS_OF_TIME
                and head != token
                and prep in ("for", "throughout", "during", "over")
            ):
                return True
        head = head.head
    return False


def _hangs_off(token: Any, verb: Any, through: set[int] | frozenset[int] = frozenset()) -> bool:
    """The object belongs to this verb, not a later clause ("... so she can cook", "the
    transport the social worker has booked"). A service's own name may be misparsed as a
    clause ("the Caring Dads programme" read as "Dads programme"), so its words are climbed
    through."""
    head = token
    while head != verb and (
        head.dep_ not in ("advcl", "ccomp", "relcl", "conj")
        or head.i in through
        # (the name's last word read as the subject of the next: "Caring Dads programme")
        or any(c.i in through and c.i == head.i - 1 for c in head.children)
    ):
        if head.head == head:
            break
        head = head.head
    return head == verb


# What a parent "does" for a service: "has done six drug tests", "will do the Freedom course".
DONE_AS_A_SERVICE = frozenset(
    {"test", "screen", "sample", "course", "programme", "program", "session", "assessment"}
)


# When and where a dose is taken: "each morning", "at the chemist", "while Amy watches".
ROUTINE_PLACES = frozenset({"chemist", "pharmacy", "breakfast", "teatime", "bedtime"})
MEDICINES = frozenset({"medication", "medicine", "methadone", "tablet", "med", "insulin"})

# What is taken as a dose: "extra tablets", "too many of her painkillers".
DOSES = (
    MEDICINES
    | {"pill", "painkiller", "dose", "paracetamol", "codeine", "tramadol", "morphine"}
    | {"diazepam", "sleeping", "capsule"}
)


def _routine_seen(verb: Any) -> bool:
    """Taking medicine at a set time or place, or watched, is behaviour someone can see; "take
    her medication as prescribed" is keeping to a treatment."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in MEDICINES for c in verb.children):
        return False
    if "prescribed" in {t.lower_ for t in verb.subtree}:
        return False  # "every day as prescribed": keeping to the treatment
    for token in verb.subtree:
        if token.lower_ in ("each", "every") and token.head.pos_ == "NOUN":
            return True
        if token.lemma_.lower() in ROUTINE_PLACES and token.dep_ == "pobj":
            return True
        if (
            token.dep_ == "advcl"
            and token.head == verb
            and any(c.lower_ == "while" for c in token.children)
        ):
            return True
    return False


SAFEGUARDING_NOUNS = frozenset(
    {"concern", "issue", "procedure", "team", "lead", "matter", "referral", "partner", "policy"}
    | {"training", "meeting", "process", "risk", "need", "officer", "practitioner", "board"}
)


# "by being there", "by ensuring his safety", "by keeping him safe": no act named.
NOT_AN_ACT = frozenset(
    {"be", "make", "ensure", "protect", "safeguard", "prioritise", "prioritize", "meet"}
    | {"demonstrate", "show", "provide", "promote", "maintain", "manage"}
)


# Ways of keeping to a plan or a service: "by following the safety plan".
KEPT_TO = frozenset(
    {"follow", "attend", "engage", "comply", "complete", "adhere", "cooperate", "stick", "work"}
)


def _by_doing(verb: Any) -> bool:
    """ "... by moving out", "by stepping in": how it was done, named (not "by being there"
    or "by ensuring his safety")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "by"
        and any(
            g.tag_ == "VBG"
            and g.lemma_.lower() not in NOT_AN_ACT
            and not any(s.lower_ in ("safe", "safer") for s in g.children)
            # (not "by following the safety plan", "by engaging with services": keeping to
            # a plan or a service, which is no protective act)
            and not (
                g.lemma_.lower() in KEPT_TO
                and any(
                    t.lemma_.lower() in words("compliance_objects")
                    for o in g.children
                    if o.dep_ in ("dobj", "prep")
                    for t in o.subtree
                )
                # ("by following the police advice and moving to a refuge": an act joined, not
                # another service kept to)
                and not any(
                    o.dep_ in ("conj", "advcl", "xcomp")
                    and o.pos_ == "VERB"
                    and o.lemma_.lower() not in KEPT_TO | words("compliance_verbs")
                    for o in g.subtree
                )
            )
            for g in c.children
        )
        for c in verb.children
    )


CAUSE_LINKS = (
    ("as", "a", "result", "of"),
    ("as", "result", "of"),
    ("because", "of"),
    ("due", "to"),
)


def stated_causes(verb: Any, anywhere: bool = False) -> list[Any]:
    """What "due to", "because of" or "as a result of" names as the cause of the verb's event
    ("... due to mum's mental health"): on the verb itself, or (``anywhere``) in its phrase.
    The words are matched as written, since the parse hangs them in more than one shape."""
    doc = verb.doc
    causes = []
    for prep in verb.subtree if anywhere else verb.children:
        if prep.dep_ != "prep":
            continue
        for link in CAUSE_LINKS:
            linked = doc[prep.i : prep.i + len(link)]
            if tuple(t.lower_ for t in linked) == link:
                ids = {t.i for t in linked}
                causes.extend(t for t in prep.subtree if t.dep_ == "pobj" and t.head.i in ids)
    return causes


def _shows_a_quality(verb: Any) -> bool:
    """ "demonstrate appropriate parenting", "show he can be trusted" (not "show Kai the
    parenting app", nor "show she can be trusted by ringing Gran every night")."""
    subtree = list(verb.subtree)
    if any(t.lower_ == "by" and any(c.tag_ == "VBG" for c in t.children) for t in subtree):
        return False
    return any(t.lower_ in SHOWN_QUALITIES and t.dep_ not in ("compound", "amod") for t in subtree)


def is_abstract_safety(clause: Clause) -> bool:
    """ "keep Tom safe", "protect the children", "meet Kai's needs", "prioritise the children"."""
    lemma = clause.lemma
    if lemma == "make" and any(c.lower_ == "sure" for c in clause.verb.children):
        lemma = "ensure"  # "Mum will make sure the children are safe"
    if lemma == "put" and any(c.lower_ == "first" for c in clause.verb.children):
        return True  # "will put the children first"
    if lemma in ("act", "behave", "parent") and any(
        c.lower_ in ("protectively", "appropriately", "responsibly", "safely")
        for c in clause.verb.children
    ):
        return True  # "Grandparents always act protectively"
    if lemma not in words("abstract_safety_verbs"):
        return False
    if (
        lemma == "safeguard"
        and clause.verb.tag_ == "VBG"
        and any(
            c.dep_ == "dobj" and c.lemma_.lower() in SAFEGUARDING_NOUNS
            for c in clause.verb.children
        )
    ):
        return False  # "raised safeguarding concerns": a kind of concern (the parse made a verb)
    verb = clause.verb
    if (
        lemma == "safeguard"
        and verb.lower_ == "safeguarding"
        and verb.i + 1 < len(verb.doc)
        and verb.doc[verb.i + 1].pos_ in ("NOUN", "PROPN")
        and (
            verb.doc[verb.i + 1].dep_ != "dobj"
            or verb.doc[verb.i + 1].lemma_.lower() in SAFEGUARDING_NOUNS | {"staff"}
        )
    ):
        return False  # "the trust's safeguarding team", "a safeguarding concern": a name
    if clause.passive and lemma not in ("protect", "safeguard", "keep"):
        return False  # ("Zara will be kept safe" is also a hidden-actor finding)
    if _by_doing(verb):
        return False  # "kept Jack safe by keeping him away from his dad": the act is named

    if any(
        c.dep_ == "dobj" and c.lemma_.lower() in words("harm_nouns") for c in clause.verb.children
    ):
        return False  # "sustained a spiral fracture": an injury, not safety sustained
    tail = {t.lower_ for t in clause.verb.subtree} | {t.lemma_.lower() for t in clause.verb.subtree}
    if lemma in ("protect", "safeguard", "prioritise", "prioritize"):
        return True
    if lemma in VERDICT_VERBS and _shows_a_quality(verb):
        return True  # "to demonstrate appropriate parenting", "will show he can be trusted"
    abstract = words("abstract_safety_words")
    if tail & abstract:
        return True
    phrase = f" {' '.join(t.lower_ for t in clause.verb.subtree)} "
    return any(f" {w} " in phrase for w in abstract if " " in w)  # "good enough care"
