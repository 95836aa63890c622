"""Hidden actors: passives with no doer, and nouns that stand in for someone's action.

Not flagged, deliberately: a passive with a ``by`` agent ("Mia was hit by her stepdad"); an
official action that is a fact about the subject ("Dad was arrested", "Mum was admitted to
hospital", "Tom was born in May"); feelings and states ("Kai was frightened"); and the future
impact in a danger statement ("Kai could be badly hurt"), where the carer is already named.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sos_lint.checks.analysis import (
    ASPECT_VERBS,
    BODY,
    CHILDS_OWN_NOISE,
    DAYS,
    FUTURE_MODALS,
    LIKELY,
    MONTHS,
    POSSIBILITY_MODALS,
    REFLEXIVES,
    SUBSTANCES,
    Clause,
    age_after,
    ancestors,
    bracketed_owner,
    facts,
    has_age_after,
    has_child_age_after,
    is_carer_token,
    is_child_token,
    is_individual,
    is_person,
    pronoun_means_a_child,
    refers_to_a_child,
    role_words,
    stated_causes,
    words,
)
from sos_lint.checks.filters import HOUSES, PLANNING, SAFETY_SECTIONS, not_quoted
from sos_lint.engine.runner import CheckContext, Hit
from sos_lint.models import Suggestion
from sos_lint.nlp import tokens

WHO = Suggestion("Who did this? Name the person: “[Name] hit Mia”.", safe=False)
WHO_MIGHT = Suggestion(
    "Who could do what? Name them: “[Name] might hit Mia again when he has been drinking”.",
    safe=False,
)


def _span(statement: Any, among: Iterable[Any]) -> tuple[int, int]:
    listed = list(among)
    start = min(t.idx for t in listed)
    end = max(t.idx + len(t.text) for t in listed)
    return statement.start + start, statement.start + end


# Verbs that name what happened to the child (the effect), not what someone did.
EFFECT_VERBS = frozenset(
    {
        "hurt",
        "harm",
        "injure",
        "upset",
        "frighten",
        "scare",
        "affect",
        "impact",
        "traumatise",
        "bruise",
        "cut",
        "burn",
        "scald",
        "kill",
        "break",
        "fracture",
        "damage",
        "wound",
        "scar",
        "distress",
        "tease",
        "bully",
        "strike",
        "catch",
        "knock",
    }
)
REPORTING = frozenset(
    {
        "say",
        "report",
        "rumour",
        "rumor",
        "believe",
        "think",
        "understand",
        "know",
        "expect",
        "allege",
        "suppose",
        "feel",
        "consider",
        "deem",
        "describe",
        "claim",
        "wind",
    }
)
DECISION = frozenset({"decide", "determine"})  # (writers do not ask who "agreed")
# States and feelings that take a passive form ("can't be bothered", "wrapped up in").
STATES = frozenset(
    {
        "bother",
        "wake",
        "wrap",
        "fed",
        "bore",
        "involve",
        "absorb",
        "preoccupy",
        "obsess",
        "attach",
        "dysregulate",
        "terrify",
        "petrify",
        "devastate",
        "overwhelm",
        "stress",
        "stick",
        "motivate",
        "exhaust",
        "want",
        "predict",
        "flag",
        "signpost",
        "soak",  # "soaked and shivering": how the child was
        "drench",
        "trust",  # "can't be trusted": a view of the person, not something done to them
        "engage",  # "was engaged throughout the review": took part
        "guard",  # "is very guarded with professionals": how she is
        "chuff",  # "Kerry was really chuffed with the sleep diary"
        "chuffed",
        "glue",  # "glued to their screens"
        "dehydrate",  # "Oscar had lost weight and was dehydrated": how he was
        "decay",  # "four of her teeth were decayed"
        "muddle",  # "she hears voices and gets muddled": how she is
        "confuse",
        "wear",  # "when she is worn out": tired
        "unsettle",  # "when Ardit is unsettled at night": how the baby is
        "select",  # "was selected for the county squad"
        "choose",
        "overload",  # "when Chloe is overloaded after work": how she is
        "infatuate",  # "Bethany is infatuated with Kyle"
        "besot",
        "fluster",  # "Connor gets flustered when Isla is ill": how he gets
        "incapacitate",  # "when Mum is incapacitated": how she is
        "retire",  # "Mick is retired": no longer working
    }
)
# Plans and lists a person is put on: "put on a PSP", "put on the waiting list".
LISTS = frozenset({"plan", "psp", "list", "register", "timetable", "programme", "pep"})
# Verbs that, done to a person, are something someone did to them: "made to kneel", "put
# outside", "kept off school", "sent to her room".
DONE_TO = frozenset({"make", "put", "keep", "send", "force", "order"})


def _receives_a_thing(verb: Any) -> bool:
    """ "was sent a letter", "was offered a place": a passive that keeps an object (but "sent
    to her room", where the parse calls "to" a dative, does not)."""
    return any(
        c.dep_ in ("dobj", "dative")
        and c.pos_ != "ADP"
        # (not "taken off her", where the parse makes the person an object)
        and not (c.pos_ == "PRON" and c.i > 0 and c.doc[c.i - 1].lower_ in ("off", "from"))
        for c in verb.children
    )


def _done_to_a_person(verb: Any) -> bool:
    if verb.lemma_.lower() == "send" and _receives_a_thing(verb):
        return False  # "Mum was sent a letter": a thing was sent, not the person
    if verb.lemma_.lower() == "make":  # "made to kneel" (the parse may call it advcl)
        return any(
            c.dep_ in ("xcomp", "ccomp")
            or (c.dep_ == "advcl" and any(a.tag_ == "TO" for a in c.children))
            for c in verb.children
        )
    return True


def _agent_is_a_cause(clause: Clause) -> bool:
    """A ``by`` phrase naming a thing or an event gives the cause of a feeling ("frightened
    by the fire alarm"): not a hidden doer. An instrument of harm ("hit by a belt") is not a
    cause, and "by 3pm" or "by the end of May" is a time."""
    if clause.lemma in FEELINGS and any(
        c.lower_ == "by" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        for c in clause.verb.children
    ):
        return True  # "impacted by caring for her siblings": the cause is an activity
    if any(
        c.lower_ == "by"
        and any(
            g.dep_ == "pcomp"
            and any(w.tag_ == "WP" and w.lower_ == "what" for w in g.children)
            and any(
                w.dep_ == "nsubj"
                and (
                    g.lemma_.lower() in WITNESSED
                    or (is_individual(w) and w.lower_ not in ("they", "someone", "somebody"))
                )
                for w in g.children
            )
            for g in c.children
        )
        for c in clause.verb.children
    ):
        # "affected by what she sees": the cause is what she witnesses; "hurt by what Dad
        # did" names the doer (not "by what someone did to him")
        return True
    agent = clause.agent
    if agent is None:
        return False
    noun = next((t for t in agent.children if t.dep_ == "pobj"), None)
    if noun is not None and noun.lemma_.lower() in ANIMALS | VEHICLES:
        return True  # "bitten on the foot by a rat", "hit by a car": what did it is named
    if clause.lemma in words("harm_verbs") and clause.lemma not in FEELINGS:
        return False
    if (
        noun is not None
        and noun.lemma_.lower() in BODY
        and not any(c.lower_ == "of" for c in noun.children)  # ("by his head of year")
    ):
        return False  # "held down by his throat": where he was held, not a cause
    if noun is not None and noun.lower_ in ("this", "that", "it", "which", "all"):
        return True  # "Deshawn has been affected by this for years": the cause just named
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return not (
        noun.like_num
        or noun.text[:1].isdigit()  # "by 8.45am"
        or noun.lower_ in TIME_WORDS
        or noun.ent_type_ in ("DATE", "TIME")
    )


# Animals that bite, sting or scratch: "bitten by a rat" names what did it.
ANIMALS = frozenset(
    {"dog", "puppy", "cat", "kitten", "rat", "mouse", "wasp", "bee", "horse", "snake", "fox"}
    | {"spider", "flea", "bedbug", "mosquito", "tick", "animal", "pet", "ferret", "parrot"}
)


# What runs a child down in the road: "could be hit by a car".
VEHICLES = frozenset({"car", "van", "bus", "lorry", "truck", "train", "vehicle", "taxi", "bike"})

# What a thing can do to a person's feelings: "frightened by the fire alarm".
FEELINGS = frozenset(
    {
        "frighten",
        "scare",
        "upset",
        "distress",
        "affect",
        "impact",
        "traumatise",
        "wake",
        "worry",
        "startle",
        "shock",
        "terrify",
    }
)
# Nouns after "by" that make it a time: "by the end of May", "by Friday", "by 3pm".
TIME_WORDS = (
    MONTHS
    | DAYS
    | frozenset(
        {
            "end",
            "time",
            "week",
            "weekend",
            "tomorrow",
            "today",
            "tonight",
            "morning",
            "evening",
            "night",
            "afternoon",
            "term",
            "half",
            "pm",
            "am",
        }
    )
)


def _is_effect(verb: Any) -> bool:
    """The verb names an injury or a feeling; the lemmatiser sometimes leaves participles
    as they are ("bruised"), so the written form is tried without its ending too."""
    text = verb.lower_
    candidates = {verb.lemma_.lower(), text, text[:-1], text[:-2], text[:-3]}
    return bool(candidates & EFFECT_VERBS)


# Nouns that label a person as a danger ("an alcoholic", "a bully"), unlike "a nurse".
LABEL_NOUNS = frozenset(
    {"alcoholic", "addict", "abuser", "bully", "thug", "drunk", "junkie", "perpetrator", "believer"}
)


def _labelled_adult(clause: Clause) -> bool:
    """ "Paul is a violent man", "Shannon is neglectful": a named adult given a label (which
    the judgemental rules take up) is who the danger statement is about."""
    subject = clause.subject
    return (
        clause.lemma == "be"
        and subject is not None
        and (is_carer_token(subject) or (subject.pos_ == "PROPN" and is_person(subject)))
        and not facts(subject.doc).is_child(subject)
        and any(
            (
                c.dep_ == "attr"
                and c.pos_ == "NOUN"
                and (
                    c.lemma_.lower() in LABEL_NOUNS
                    or any(a.lemma_.lower() in words("trait_adjectives") for a in c.children)
                )
            )
            or (c.dep_ == "acomp" and c.lemma_.lower() in words("trait_adjectives"))
            for c in clause.verb.children
        )
    )


def _actor_named_nearby(
    clause: Clause, whole: bool = False, harm_only: bool = False, main_only: bool = False
) -> bool:
    """Another clause in the same sentence (or statement) names a person acting (subjects
    shared through "and" count: "Jordan might lose his temper and shake her"). With
    `main_only`, a person named only in a clause that sets the occasion ("when", "while",
    "if", "because" and the rest of OCCASIONS) does not count, nor a pronoun that acts on no
    one ("He could fall from the window": the child again)."""
    harm = words("harm_verbs")
    sent = clause.verb.sent
    for other in facts(clause.verb.doc).clauses:
        verb = other.verb
        if verb == clause.verb:
            continue
        if main_only and (
            _only_the_occasion(verb)
            or (
                # ("He could fall from the window": the child again, most likely)
                other.subject is not None
                and other.subject.pos_ == "PRON"
                and not any(c.dep_ in ("dobj", "dative") and is_person(c) for c in verb.children)
            )
        ):
            continue
        if verb.tag_ == "VBG" and verb.lower_ in INJURY_FORMS:
            continue  # "Poppy was noted to have bruising": the injury, parsed as a verb
        if verb.pos_ != "VERB":
            if (
                whole
                and not harm_only
                and _labelled_adult(other)
                and other.subject is not None
                and (clause.subject is None or other.subject.lower_ != clause.subject.lower_)
                and verb.dep_ != "advcl"  # (not "when his dad is angry": a time, not a doer)
            ):
                return True  # "Paul is a violent man and Skye could be assaulted": Paul
            continue
        if other.passive:
            if whole and not harm_only and other.agent_person is not None:
                return True  # "could be contacted by adult men ... and be exploited"
            continue
        if (
            verb.dep_ == "conj"
            and verb.head == clause.verb
            and verb.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
        ):
            continue  # "Teddy could be dropped or smothered": the passive's second verb
        if not whole and not (sent.start <= verb.i < sent.end):
            continue
        if harm_only and verb.lemma_.lower() not in harm:
            continue
        subject = other.subject
        if (
            subject is not None
            and subject == clause.subject
            and (
                # ("Kyle might continue to be hit": the passive is what he goes on suffering)
                (
                    clause.verb.dep_ == "xcomp"
                    and clause.verb.head == verb
                    and verb.lemma_.lower() in GOES_ON
                )
                or not any(is_individual(t) for t in verb.subtree if t != subject)
            )
        ):
            continue  # "Mason could be shaken again and suffer a brain injury": Mason again
            # (but "get into a car with a stranger and be harmed" names the stranger)
        if subject is not None and subject.lower_ == "they" and _several_children(clause):
            continue  # "Jakub and Lena might be sent to bed ... They could go hungry"
        if subject is not None and subject.pos_ == "PRON" and verb in clause.verb.subtree:
            continue  # "Asha might be shaken again when she cries": the child, not the doer
        if (
            subject is not None
            and subject.pos_ == "PRON"
            # (a child "frightened to go home" harms no one; "she might hit him" does)
            and (
                verb.lemma_.lower() not in harm
                or not any(c.dep_ in ("dobj", "dative") for c in verb.children)
            )
            and (pronoun_means_a_child(subject) or _refers_back(subject, clause))
            and not _arms(verb)  # ("he might pick up a knife again")
            # (not "he might drive Yusuf (9) around": someone acting on another person; but
            # "when he meets the boys" is the child meeting them)
            and not (
                verb.lemma_.lower() not in ("meet", "see", "visit", "join", "follow", "call")
                and any(c.dep_ in ("dobj", "dative") and is_person(c) for c in verb.children)
            )
        ):
            continue  # "Lacey (6) might be smacked again ... She could feel ashamed"
        if (
            whole
            and not harm_only
            and subject is not None
            and not is_person(subject)
            and other.modals & (FUTURE_MODALS | IMPACT_FRAMING)
        ):
            # "Liam's anger problem will return, and Jayden could be hurt": Liam's doing
            subject = next(
                (c for c in subject.children if c.dep_ == "poss" and is_person(c)), subject
            )
        if subject is not None and subject.lower_ in PARTITIVES:
            # "one of these men might give her alcohol", "one of her parents bruised her ears"
            subject = next(
                (o for p in subject.children if p.lower_ == "of" for o in p.children), subject
            )
        if (
            subject is not None
            and is_person(subject)
            and (not facts(verb.doc).is_child(subject) or _child_doing_harm(verb))
            and not _only_worried(other)
            and (subject.pos_ != "PRON" or verb.lemma_.lower() not in WHERE_SOMEONE_IS)
        ):
            return True  # "when he drinks he might lose his temper"; but in "if she goes
            # home" the pronoun is most likely the child
    return False


# How a child looks when sent out: "well presented", "smartly turned out".
TURNED_OUT = frozenset({"well", "smartly", "nicely", "neatly", "immaculately", "beautifully"})
# What a child may take in without anyone doing it to them: "affected by what she sees".
WITNESSED = frozenset({"see", "hear", "witness", "watch", "read"})
# What can be cut short or cut back: "his hours were cut", "her benefits were cut".
AMOUNTS = frozenset(
    {"hour", "shift", "benefit", "funding", "pay", "wage", "budget", "payment", "credit"}
    | {"income", "contract", "salary"}
)


# Verbs that say a passive goes on, starts or stops: "might continue to be hit".
GOES_ON = ASPECT_VERBS | {"stop", "remain"}


# What opens a clause that only sets the occasion: "when Wayne goes to the pub".
OCCASIONS = frozenset(
    {"when", "whenever", "while", "whilst", "if", "after", "before", "because", "once", "as"}
)


def _only_the_occasion(verb: Any) -> bool:
    """The verb is inside a clause that says when or why ("when Wayne goes to the pub",
    "because Mum refuses to give up nights"), which is not the act the sentence reports."""
    node = verb
    # (up to the clause it belongs to: "Gran is worried because Wayne left her" is the
    # worry's reason, not an occasion inside the sentence about the child)
    while node.dep_ not in ("ROOT", "ccomp") and node.head.i != node.i:
        if node.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in OCCASIONS for c in node.children
        ):
            return True
        node = node.head
    return False


# Left without anyone minding them: "left alone", "left at home on her own", "left with Marcus".
UNMINDED = frozenset({"alone", "unsupervised", "unattended", "home"})


def _left_unminded(verb: Any) -> bool:
    """ "Bella might be left at home on her own", "Tyler might be left with Marcus" or "with
    strangers" (not "left with brain damage", an outcome)."""
    for c in verb.children:
        if c.lower_ in UNMINDED and c.dep_ in ("advmod", "acomp", "oprd", "npadvmod", "dobj"):
            return True
        if c.dep_ != "prep":
            continue
        objects = [o for o in c.children if o.dep_ == "pobj"]
        if c.lower_ == "on" and any(o.lower_ == "own" for o in objects):
            return True
        if c.lower_ == "at" and any(o.lemma_.lower() in ("home", "house", "flat") for o in objects):
            return True
        if c.lower_ == "with" and any(
            is_person(o) and o.lemma_.lower() not in words("professional_roles") for o in objects
        ):
            return True  # (not "left waiting with staff she does not know")
    return False


# Injuries the tagger may read as verbs: "noted to have bruising to her ear".
INJURY_FORMS = frozenset({"bruising", "bleeding", "swelling", "scarring", "grazing"})  # -ing only
PARTITIVES = frozenset({"one", "either", "neither", "both", "some", "each", "any"})


def _refers_back(pronoun: Any, clause: Clause) -> bool:
    """ "Freya is likely to be bullied ... and she could stop going to school": "she" after a
    named young person the passive is about, in the same sentence, is that young person."""
    subject = clause.subject
    return (
        pronoun.lower_ in ("he", "she")
        and subject is not None
        and subject.i < pronoun.i
        and subject.sent.start == pronoun.sent.start
        and _named_non_carer(subject)
    )


def _child_doing_harm(verb: Any) -> bool:
    """A child can be the one who hurts someone: "Kai (11) might kick Zanele (6)". (A child
    who goes somewhere, sees something or hurts only things or themselves is not a doer.)"""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if _arms(verb):
        return True  # "Levi (16) might pick up a knife again": the one who could hurt someone
    if not objects:  # "might bite or scratch Skye": the object the verbs share
        objects = [
            o
            for c in verb.children
            if c.dep_ == "conj"
            for o in c.children
            if o.dep_ in ("dobj", "dative")
        ]
    if lemma in LEAD_ON:  # ("make Jahmal carry drugs": Jahmal is the complement's subject)
        objects += [
            s
            for c in verb.children
            if c.dep_ in ("ccomp", "xcomp")
            for s in c.children
            if s.dep_ == "nsubj"
        ]
    leads_on = lemma in LEAD_ON or (lemma == "give" and _given_harmful(verb))
    return (lemma in words("harm_verbs") or leads_on) and any(
        is_person(c) and c.lower_ not in REFLEXIVES for c in objects
    )


# A young person arming themselves ("carry a knife", "pick up a knife") is the danger's doer.
ARMING = frozenset({"carry", "pick", "pull", "hold", "bring", "take", "use", "grab", "wave"})
WEAPONS = frozenset({"knife", "blade", "machete", "weapon", "gun", "firearm", "bat", "hammer"})


def _arms(verb: Any) -> bool:
    return verb.lemma_.lower() in ARMING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in WEAPONS for c in verb.children
    )


# What older children do to draw a younger one in: "older boys might make Jahmal carry drugs".
# ("give" counts only with drugs or drink: "keep giving Lewis cannabis to sell")
LEAD_ON = frozenset({"make", "force", "pressure", "persuade", "groom", "exploit", "push"})


def _several_children(clause: Clause) -> bool:
    subject = clause.subject
    if subject is None:
        return False
    f = facts(subject.doc)
    return f.is_child(subject) and (
        subject.tag_ == "NNS" or any(c.dep_ == "conj" for c in subject.subtree)
    )


WHERE_SOMEONE_IS = frozenset({"go", "come", "return", "stay", "live", "move", "get", "be"})


def _only_worried(clause: Clause) -> bool:
    """ "Nia's foster carer is worried that ...": the worried party, or a professional
    reporting, is not who might do it."""
    lemma = clause.lemma
    if lemma in words("worry_words") or lemma in REPORTING or lemma in ("be", "fear"):
        return True
    if lemma in WISHES | {"want"}:
        return True  # "Lacey-Mae wishes that she would not be hurt": the child's wish
    subject = clause.subject
    return subject is not None and subject.lemma_.lower() in words("organisations")


IMPACT_FRAMING = POSSIBILITY_MODALS


def _same_act_has_a_doer(clause: Clause) -> bool:
    """The statement already says who does this very act ("Samuel might hit him with a belt
    again. Tobi could ... grow up thinking that being hit is normal")."""
    f = facts(clause.verb.doc)
    return any(
        other.verb != clause.verb
        and not other.passive
        and other.lemma == clause.lemma
        and other.subject is not None
        and is_person(other.subject)
        and not f.is_child(other.subject)
        and any(c.dep_ == "dobj" for c in other.verb.children)
        for other in f.clauses
    )


def _about_person(subject: Any) -> bool:
    """The passive is done to a person, or to a part of a person's body ("her arm")."""
    if is_person(subject) or facts(subject.doc).is_child(subject):
        return True  # (a child's name the tagger misread still names the child)
    head = subject.head.lemma_.lower()
    if head in ("need", "have"):
        # "Kofi's ketones need to be checked": the subject is the needing verb's, the act its
        # complement's
        head = next((c.lemma_.lower() for c in subject.head.children if c.dep_ == "xcomp"), head)
    owned = subject.lemma_.lower() in BODY or (
        (subject.lemma_.lower() in DONE_TO_NEEDS or subject.lower_ in DONE_TO_NEEDS)  # ("dos")
        and (
            head in CARE_ACTS | NEEDS_VERBS
            # "her nappy wasn't changed" (but "her medication was changed" is a doctor's call)
            or (head == "change" and subject.lemma_.lower() in ("nappy", "clothes"))
        )
        and not _in_plan(subject.head)
    )
    return owned and _possessed(subject)


def _possessed(noun: Any) -> bool:
    """ "her arm", "Jayden's oxygen", "her insulin doses" (the owner may hang off "insulin")."""
    holders = [noun] + [c for c in noun.children if c.dep_ == "compound"]
    return any(
        c.dep_ in ("poss", "nmod") and (is_person(c) or c.lower_ in POSSESSIVES)
        for h in holders
        for c in h.children
    )


POSSESSIVES = frozenset({"my", "your", "his", "her", "their", "our"})


# What is done, or not done, about a child's needs: "her needs were not met".
NEEDS_VERBS = frozenset(
    {"meet", "neglect", "ignore", "miss", "forget", "skip", "withhold", "address"}
)


# A child's medicine, feed or care item: "Reuben's tablets", "Isla's hair" (treated for lice).
MEDICINES = frozenset(
    {"medicine", "medication", "tablet", "tablets", "insulin", "oxygen", "relief", "dose"}
    | {"doses", "inhaler", "feed", "feeds", "cream", "creams", "ointment", "emollient", "hair"}
    | {"injection", "injections"}
)
# A baby's feeds ("Kenzie's bottles were made up too weak", "was not given enough milk"); not
# "a bottle of wine" or "a water bottle".
FEEDS = frozenset({"bottle", "bottles", "milk", "formula", "feed", "feeds"})
# What a child needs from someone: "Ruby's needs were not met", "his care was neglected".
OWN_NEEDS = (
    MEDICINES
    | FEEDS
    | {
        "need",
        "needs",
        "care",
        "sugar",  # "his blood sugar was not checked"
        "sugars",
        "ketone",  # "Kofi's ketones need to be checked every two hours"
        "ketones",
        "nappy",
        "nappies",
        "meal",
        "meals",
        "lunch",
        "breakfast",
        "dinner",
        "tea",
        "hygiene",
        "clothes",
        "pad",  # "Rory's pads were not changed for long periods"
        "pads",
        "food",
    }
)
# What handling stands for care done to the child ("her nappy wasn't changed"); a bottle or milk
# put in the fridge is housekeeping.
DONE_TO_NEEDS = OWN_NEEDS - (FEEDS - MEDICINES)


# Participles that say how someone is, not what was done to them: "sitting slumped in her
# chair", "the nights he is rostered".
STATE_PARTICIPLES = frozenset({"slump", "hunch", "sprawl", "curl"})
# Where "settled" is how a child is getting on ("has been settled at Gran's"), not a placing.
GETTING_ON = frozenset(
    {"working_well", "existing_strength", "existing_safety", "house_of_good_things", "general"}
)
# What someone does for themselves, told with "get": "has got changed in the bathroom".
GOT_ONESELF = frozenset({"change", "dress", "undress", "wash", "ready"})
GET_FORMS = frozenset({"get", "gets", "got", "getting", "gotten"})
# How a person likes to be spoken to: "how she likes to be spoken to" (but "likes being
# taken to the park", "doesn't like being locked in" and "called stupid" still ask who).
PREFERRED = frozenset({"like", "prefer", "want", "love"})
SPOKEN_TO = frozenset({"speak", "talk", "address", "approach"})
# What may be taken back from an adult who was given it: "keys were taken back from Darren".
HANDED_BACK = frozenset({"keys", "key", "fob", "card", "cards", "phone", "passport", "permit"})
# What a plan may wait on being mended: "if the chair has not been repaired by then".
MENDED = frozenset({"repair", "fix", "replace", "mend", "service", "fit"})


def _a_state_or_own_doing(clause: Clause) -> bool:
    """Passives that hide no one: a state ("slumped", "well presented", "the nights he is
    rostered"), what someone did for themselves ("got changed", not a baby), being finished
    ("when I'm done"), how someone likes to be spoken to, things taken back from an adult
    ("keys were taken back from Darren"), how a child's medicine must be given, in the
    background, and a plan's "if the chair has not been repaired". ("Settled" is read with
    the other ways of being settled, in `_passive_hides`.)"""
    verb = clause.verb
    lemma = clause.lemma
    subject = clause.subject
    section = verb.doc.user_data.get("sos_section")
    if lemma in STATE_PARTICIPLES:
        return True
    if (clause.lemma == "present" or (lemma == "turn" and _particle(verb, "out"))) and any(
        c.dep_ == "advmod" and c.lower_ in TURNED_OUT for c in verb.children
    ):
        return True  # "the boys are well presented", "always smartly turned out": how they look
    if (
        verb.lower_ == "rostered"
        and subject is not None
        and is_person(subject)
        and not is_child_token(subject)
        and not has_child_age_after(subject)
        and not (subject.pos_ == "PRON" and pronoun_means_a_child(subject))
    ):
        return True  # "on all nights he is rostered": his work pattern
    if (
        lemma in GOT_ONESELF
        and any(c.dep_ == "auxpass" and c.lower_ in GET_FORMS for c in verb.children)
        and not (subject is not None and _very_young(subject))
    ):
        return True  # (but "Ruby (8 months) has got changed only twice today" asks who)
    if (
        lemma == "do"
        and subject is not None
        and subject.lower_ in ("i", "we", "you")
        and not any(c.dep_ in ("dobj", "prep", "xcomp") for c in verb.children)
    ):
        return True
    if (
        lemma in SPOKEN_TO
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in PREFERRED
        and not any(c.dep_ == "neg" for c in verb.head.children)
        and not any(c.dep_ in ("dobj", "ccomp") for c in verb.head.children)
        and not any(c.dep_ in ("oprd", "attr", "dobj") for c in verb.children)
        and not any(
            c.lower_ == "like"
            and c.i + 1 < len(c.doc)
            and c.doc[c.i + 1].lower_ in ("that", "this")
            for c in verb.subtree
        )
    ):
        return True  # "how she likes to be spoken to" (not "like that")
    if (
        lemma == "take"
        and subject is not None
        # ("Keys", opening a sentence, may be read as a name)
        and (not is_person(subject) or subject.lower_ in HANDED_BACK)
        and any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in verb.children)
        and any(
            p.dep_ == "prep"
            and p.lower_ == "from"
            and any(
                o.dep_ == "pobj"
                and is_person(o)
                # (an adult named: the thing is the subject, so a name is most likely a
                # grown-up's, unless an age says otherwise; "taken back from her" may be a
                # child's phone)
                and o.pos_ != "PRON"
                and not is_child_token(o)
                and not has_child_age_after(o)
                for o in p.children
            )
            for p in [*verb.children, *(g for c in verb.children for g in c.children)]
        )
    ):
        return True  # "keys were taken back from Darren": what he had been given
    if (
        section in BACKGROUND
        and subject is not None
        and subject.lemma_.lower() in MEDICINES | FEEDS
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in ("have", "need")
    ):
        return True  # "Kofi's reflux medicine has to be given 30 minutes before a feed"
    return (
        section in PLAN_SECTIONS
        and lemma in MENDED
        and subject is not None
        and not is_person(subject)
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)
    )


def _very_young(person: Any) -> bool:
    """A baby or a toddler: "Ruby (8 months)", "the baby", "Kai (2)"."""
    if person.lemma_.lower() in ("baby", "toddler", "infant", "newborn"):
        return True
    age = age_after(person)
    return age is not None and age < 4


def _passive_hides(clause: Clause) -> bool:
    """An agentless passive that leaves out who did something to a person."""
    if not clause.passive or clause.verb.tag_ == "VBG" or clause.lemma == "be":
        # (not "she's been lying", which the parse may call a passive, nor "she's been a
        # nightmare", where "been" itself is taken for one)
        return False
    if not _looks_like_a_participle(clause.verb):
        return False  # "Kofi is regularly hypo at school": a noun the tagger took for a verb
    if clause.agent is None and _a_state_or_own_doing(clause):
        return False
    if clause.lemma == "lead" and any(c.lower_ == "easily" for c in clause.verb.children):
        return False  # "Steven is too easily led": how he is (but "was led to a flat" hides who)
    doc = clause.verb.doc
    if (
        clause.verb.i > 1
        and doc[clause.verb.i - 1].text == "-"
        and doc[clause.verb.i - 2].lower_ in ("self", "well")
    ):
        return False  # "he self-harmed", "was well-fed" (but "was ill-treated" hides who)
    if _good_care_described(clause):
        return False
    if clause.subject is None and any(
        t.lower_ in ("it", "this", "that")
        for t in doc[max(0, clause.verb.i - 4) : clause.verb.i]
        if t.dep_ in ("nsubj", "nsubjpass")
    ):
        return False  # "if it is still broken on 17 January": the parse lost "it"
    aux = next((c for c in clause.verb.children if c.dep_ == "auxpass"), None)
    if aux is not None and any(
        t.dep_ == "dobj"
        and t.head.lemma_.lower() in ("check", "ensure")
        and t.head != clause.verb
        and t.right_edge.i == aux.i - 1
        for t in doc[max(0, aux.i - 8) : aux.i]
    ):
        return False  # "Daniel checked her window was locked": the parse took the window for
        # the object of "checked"; a state checked on, as in a plan
    if (
        clause.agent_person is not None
        and clause.lemma in FOUND
        and _found_neglected(clause.verb)
        and not _in_plan(clause.verb)
    ):
        # "Zosia (3) was found by a neighbour wandering on the landing": the neighbour found
        # her; who left her there is still unsaid (unless the statement names the carer:
        # "Nicole failed to supervise Harris ... he was found by police wandering")
        return not _actor_named_nearby(clause, whole=True)
    if clause.agent_person is not None:
        return _unnamed_in_plan(clause)
    if clause.agent is None and _agent_in_complement(clause.verb):
        return False  # "made to work nights at a car wash by adults he met": the adults
    if _agent_is_a_cause(clause):
        return False  # "frightened by the fire alarm": the cause of a feeling
    if clause.agent is None and any(
        p.dep_ == "prep"
        and p.lower_ == "in"
        and any(o.lemma_.lower() in MISHAPS for o in p.children if o.dep_ == "pobj")
        for p in clause.verb.children
    ):
        return False  # "could be seriously hurt in a fire": an accident, not a hidden doer
    if (
        clause.verb.dep_ in ("xcomp", "acomp", "oprd")
        and clause.verb.head.lemma_.lower() in ("feel", "seem", "look", "appear")
        and not any(c.dep_ in ("aux", "auxpass") for c in clause.verb.children)
    ) or any(
        c.dep_ == "auxpass" and c.lemma_.lower() in ("feel", "feels", "felt", "seem", "look")
        for c in clause.verb.children
    ):  # (the parse may take "feels" or "felt" for the passive's auxiliary)
        return False  # "feels supported at school": how she feels (not "seems to get pinched")
    if _is_a_request(clause.verb) and not (
        clause.negated and (clause.lemma in words("harm_verbs") or clause.lemma in LEFT_OUT)
    ):
        return False  # "Fatima will ask the council to be moved", "has asked not to be
        # contacted at work": what she asks for (but "Lily wants never to be left alone again"
        # hides who left her)
    if _taken_to_be_seen(clause.verb):
        return False  # "Courtney will take Ivy to be weighed": Courtney takes her
    if (
        clause.verb.doc.user_data.get("sos_section") == "house_of_dreams"
        and clause.lemma not in words("harm_verbs")
        and clause.lemma not in DONE_TO | SENT_SOMEWHERE
    ):
        return False  # a child's wish "to be reunified", "for his needs to be met" (but
        # "not to be hit any more" or "not be moved again" still hides who)
    verb = clause.verb
    lemma = clause.lemma
    subject = clause.subject
    # "Tegan is not being given her tablets", "the children will be woken and washed": caring
    # for a child is something someone does (or fails to do); who?
    f = facts(verb.doc)
    needs_object = any(
        t.lemma_.lower() in OWN_NEEDS and not _not_a_feed(t)
        for t in verb.children
        if t.dep_ == "dobj"
    )
    care = (
        (
            lemma in CARE_ACTS
            and not _to_somewhere_new(verb)
            and (
                (subject is not None and f.is_child(subject))
                # "the twins ... were not given lunch", the parse losing the subject
                or (subject is None and needs_object and clause.negated)
                # "Tegan is not being given her tablets": a named person (not "Mum" or "Dad", whose
                # "given his medication in hospital" is ordinary) going without what she needs
                or (
                    needs_object
                    and subject is not None
                    and (subject.text[:1].isupper() or subject.lower_ in ("he", "she", "they"))
                    and is_person(subject)
                    and not is_carer_token(subject)
                )
                # "Reggie was not brought to four appointments": a named child's care not done
                or (
                    clause.negated
                    and lemma in FETCHED
                    and _to_care(verb)
                    and subject is not None
                    and _named_non_carer(subject)
                )
                # "Nathaniel's pain relief is not always given": a child's own need, not given
                or (
                    clause.negated
                    and subject is not None
                    and subject.lemma_.lower() in OWN_NEEDS
                    and _possessed(subject)
                )
            )
        )
        or (lemma in GIVEN_CARE and subject is not None and _childs_own_need(subject))
        # "Kenzie's bottles were made up too weak": who made them? (Not "made up of formula
        # and baby rice", "made up to 5ml".)
        or (
            lemma == "make"
            and _particle(verb, "up")
            and not any(t.lower_ in ("of", "to") for t in verb.doc[verb.i + 1 : verb.i + 4])
            and subject is not None
            and subject.lemma_.lower() in FEEDS
            and _childs_own_need(subject, FEEDS)
        )
        # "Isla's eczema is poorly managed", "if Harmony's eczema is not treated"
        # (not "Gareth's epilepsy is not controlled, so he cannot drive" or "Leo's reflux is not
        # treated with medicine", facts given as background)
        or (
            lemma in ("manage", "treat")
            and (clause.negated or any(c.lower_ in POORLY for c in verb.children))
            and subject is not None
            and subject.lemma_.lower() in CHILD_CONDITIONS
            and any(
                c.dep_ == "poss" and (f.is_child(c) or _named_non_carer(c))
                for c in subject.children
            )
            and not any(c.dep_ == "prep" and c.lower_ in ("with", "by") for c in verb.children)
            and verb.doc.user_data.get("sos_section") not in BACKGROUND
            and not _in_plan(verb)
        )
        # "Rory's pads were not changed", "his inhaler was not replaced for a week"
        or (
            lemma in RENEWED
            and clause.negated
            and subject is not None
            and (subject.lemma_.lower() in OWN_NEEDS or subject.lower_ in OWN_NEEDS)
            and _possessed(subject)
        )
    )
    if lemma in STATES and not care:
        return False
    if lemma == "pick" and not any(c.lower_ in ("up", "on") for c in verb.children):
        return False  # "proud of being picked for the rugby team": chosen
    if lemma == "withdraw" and not any(c.lower_ == "from" for c in verb.children):
        return False  # "Niamh is becoming withdrawn": how she is (not "withdrawn from school")
    if lemma in ("rely", "depend") and clause.negated:
        return False  # "Dean can't be relied on": a view of him (but "Finley will be relied
        # upon for Isla's intimate care" hides who relies on him)
    if lemma == "line" and _particle(verb, "up") and any(c.lower_ == "for" for c in verb.children):
        return False  # "no adult is lined up for the night shifts": an arrangement
    if lemma in ("contact", "reach") and clause.modals & {"can", "could"}:
        return False  # "Farida can be contacted on her mobile": how to reach her
    if lemma == "put" and any(
        p.lower_ == "on" and any(o.lemma_.lower() in LISTS for o in p.children)
        for p in verb.children
    ):
        return False  # "has been put on a PSP", "put on the waiting list": an official step
    if (
        clause.negated
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in ("so", "that") for c in verb.children)
        and _someone_else_acts(verb.head, subject)
    ):
        return False  # "Ron takes Kian to the café so he is not left waiting at home": what
        # Ron's step prevents (but "Kai hides in his room so that he is not hit" hides who)
    if lemma == "protect" and any(c.lower_ == "against" for c in verb.children):
        return False  # "Lexi is not protected against measles": immunity, not an act
    if lemma in ("frighten", "scare") and any(c.dep_ == "ccomp" for c in verb.children):
        return False  # "Sharon has been frightened that any tiredness means he is ill": a fear
    if lemma == "isolate" and (
        any(
            c.lower_ in ("socially", "emotionally")
            or (
                c.dep_ == "prep"
                and c.lower_ == "from"
                and not any(is_person(o) for o in c.children)
            )
            for c in verb.children
        )
        or (
            any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
            and not any(c.dep_ == "prep" or c.lower_ in ("been", "being") for c in verb.children)
        )
    ):
        return False  # "Mum is socially isolated", "Dad is isolated and depressed": how he is
        # (but "Jade has been isolated from her friends" and "Jade was isolated" hide who)
    if (
        lemma == "settle"
        and not clause.modals
        and (
            _present_state(verb)
            # "Jayden has been settled at Gran's" in an account of how a child is getting on
            # (not "settled back with Mum", "settled into a school")
            or (
                verb.doc.user_data.get("sos_section") in GETTING_ON
                and not any(c.lower_ in ("into", "back") for c in verb.children)
            )
        )
    ):
        return False  # "Tia is settled in placement": how she is, not something done to her
    if subject is not None and subject.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
        subject = verb.head  # "the bruises that were caused": the noun the clause is about
    if subject is not None and subject.lemma_.lower() in WISHES:
        # "Blessing's dream is to go to church and not be hurt": Blessing is the one hurt
        subject = next((c for c in subject.children if c.dep_ == "poss" and is_person(c)), subject)
    decided = subject is not None and subject.lower_ == "it" and lemma in DECISION
    if (
        lemma == "tie"
        and subject is not None
        and subject.lemma_.lower() in TIED_TERMS
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    ):
        return False  # "her visa is tied to her job": a condition, not someone tying
    harmful = (
        lemma in words("harm_verbs")
        or (lemma == "call" and any(c.lower_ == "names" for c in verb.children))
        # ("she gets called names at home"; and "was called 'a freak'", "got called an
        # attention-seeker": a name thrown at a person, not what a dog or a worker is called)
        or (
            lemma == "call"
            and subject is not None
            and is_person(subject)
            and verb.doc.user_data.get("sos_section") in ALLOWED_ACCOUNTS
            and any(
                c.dep_ == "oprd"
                and c.pos_ in ("NOUN", "ADJ")
                and c.is_lower  # (not "Rhian")
                # (not a part someone has: "are called foster carers", "your advocate")
                and c.lemma_.lower() not in words("carer_roles") | words("professional_roles")
                for c in verb.children
            )
        )
        or (
            lemma in SHUT_IN
            and subject is not None
            and subject.lemma_.lower() in EXITS
            # (not "blocked with bags of rubbish": the clutter is named)
            and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        )
        # ("the landing window has been screwed shut", "the back door was blocked")
        or (lemma == "tell" and subject is not None and is_person(subject) and _told_insult(verb))
    )
    if (
        lemma == "cut"
        and _particle(verb, "off")
        and (subject is None or (not _is_injury(subject) and subject.lemma_.lower() not in BODY))
    ):
        return False  # "fears being cut off by her family": shunned, not hurt
    if subject is not None and _is_injury(subject) and lemma not in REPORTING:
        # "Bruising was noted", "Burns were found on Sami's arms": the injury has no doer,
        # unless the sentence says who caused it ("Dad hit Kai and bruising was noted").
        return not _actor_named_nearby(clause, harm_only=True)
    if lemma == "do" and _done_to_someone(verb):
        # "Mhairi is worried about what was done to her in the car": done by whom?
        return not _actor_named_nearby(clause, whole=True, harm_only=True)
    if lemma in FOUND and _found_injured(verb):
        # "Freddie has been seen with bruises on his shins": who caused them?
        return not _actor_named_nearby(clause, whole=True, harm_only=True)
    if (
        lemma in FOUND
        and _found_neglected(verb)
        and not (
            subject is not None
            and (is_carer_token(subject) or subject.lemma_.lower() in words("other_people"))
        )
    ):
        # "The twins were found unsupervised": who left them so? (Not "Dad was seen drunk".)
        return not _actor_named_nearby(clause, whole=True, harm_only=True)
    official = (
        (
            lemma in words("official_passive_verbs")
            # "Finn has been brought to school on time": a child's care, not an official step
            # (not "Mum was brought to the UK", "brought to court")
            and not (
                lemma == "bring"
                and _to_care(verb)
                and subject is not None
                and (f.is_child(subject) or _named_non_carer(subject))
            )
        )
        or (lemma in SENT_SOMEWHERE and _to_an_institution(verb))
        or (lemma == "put" and _into_custody(verb))  # "fears Imran will be put in custody"
        or (lemma == "keep" and _in_hospital_or_custody(verb))  # "kept in hospital overnight"
        # "was checked at A&E that evening": the doctors' care
        or (lemma == "check" and _place_named(verb, CLINICS, ("at", "in", "by"), ("prep",)))
        or (lemma == "take" and (_into_care(verb) or _to_the_police(verb)))
        or (lemma == "make" and any(c.lower_ in MADE_OFFICIAL for c in verb.children))
    )
    if (
        not official
        and lemma in DONE_TO
        and _done_to_a_person(verb)
        and (subject is None or _about_person(subject))
    ):
        harmful = True  # "made to kneel", "put outside", "sent to her room"
    if care and not ((lemma == "take" and official) or (official and _into_custody(verb))):
        # (a young person "sent to prison" or "remanded to court" is an official step)
        official, harmful = False, True
    if (
        lemma == "give"
        and _particle(verb, "back")
        and subject is not None
        and subject.lemma_.lower() in BELONGINGS
        and _possessed(subject)
    ):
        official = False  # "the children's phones have been given back": by whom?
    if lemma in ("send", "bring", "take") and _sent_to_school_without(verb):
        official, harmful = False, True  # "Yusuf was sent to school without his hearing aids"
    if lemma == "hold" and subject is not None and _about_person(subject) and _held_down(verb):
        official, harmful = False, True  # "Kian was held on the floor for ten minutes": by whom?
    if lemma == "use" and subject is not None and _about_person(subject) and _used_as(verb):
        official, harmful = False, True  # "Precious is being used as a carer": by whom?
    planned_for = subject
    if planned_for is None and verb.dep_ == "acl" and is_person(verb.head):
        planned_for = verb.head  # "Jack to be referred to CAMHS", "Child to be placed ..."
    if planned_for is None and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        # "Holly is to be supported to access counselling"
        planned_for = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    child = planned_for is not None and (
        f.is_child(planned_for)
        or is_child_token(planned_for)
        or (_named_non_carer(planned_for) and not _to_adult_service(verb))
    )
    into_care = lemma == "take" and (_into_care(verb) or _to_the_police(verb))
    if child and lemma in TOLD_OR_TAKEN and not into_care and _planned(clause):
        return True  # "the children will be told about the plan": told by whom?
    if lemma in GIVEN_TO and (
        _given_harmful(verb)
        or (child and _given_harmful(verb, SHOWN_TO_A_CHILD) and not _in_plan(verb))
    ):
        harmful = True  # "Precious was given cannabis and vodka": given by whom?
    if (
        lemma == "tell"
        and child
        and not _in_plan(verb)
        and any(
            (
                c.dep_ == "xcomp"
                and c.lemma_.lower() in ("tell", "say", "speak", "talk")
                and any(n.dep_ == "neg" for n in c.children)
                # a secret, not "told not to speak to Jordan": "anyone", "about it", "what happened"
                and any(t.lower_ in SECRECY for t in c.subtree)
            )
            or _keep_a_secret(c)
            for c in verb.children
        )
    ):
        return True  # "Jade (12) was told not to tell anyone at school": a secret, kept by whom?
    if (
        lemma == "tell"
        and subject is not None
        and not _in_plan(verb)
        and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
        # in an account of what happened to a child (not a strength's "Kai (9) was told he had
        # a place at the new school"), a child by role, age or name
        and verb.doc.user_data.get("sos_section") in TOLD_ACCOUNTS
        and (is_child_token(subject) or has_child_age_after(subject) or f.is_child(subject))
    ):
        # "Sophie (14) was told she was getting fat", "the children were told Dad was away":
        # what a child was told, by whom? (Not an adult's "Dee has been told it could take
        # months", which an office tells her.)
        return True
    if (
        lemma in ("allow", "permit")
        and planned_for is not None
        # (not a protective "is not allowed to see his dad until the hearing")
        and not (
            clause.negated
            and any(c.dep_ == "xcomp" and c.lemma_.lower() in BARRED for c in verb.children)
        )
        and not _in_plan(verb)
        and (
            (
                (f.is_child(planned_for) or is_child_token(planned_for))
                and verb.doc.user_data.get("sos_section") in ALLOWED_ACCOUNTS
            )
            or (
                # "Johnny has been allowed to work on building sites", "Samira will be allowed
                # to choose her friends": who lets them? (Not the background and strengths,
                # where an adult's "is allowed to work 20 hours under his visa" or a child's
                # freedoms are told, nor the child's own words.)
                (planned_for.pos_ == "PROPN" or is_child_token(planned_for))
                and not is_carer_token(planned_for)
                # (not an adult's "is not allowed to drive", which a law or a licence says,
                # unless the statement is an account of harm: "Yasmin was not allowed out")
                and (
                    not clause.negated or verb.doc.user_data.get("sos_section") in ALLOWED_ACCOUNTS
                )
                and verb.dep_ != "relcl"
                and not _under_a_rule(verb)
                and verb.doc.user_data.get("sos_section") in PERMISSION_SECTIONS
            )
        )
        # (not "who is allowed to collect him", "whether Craig is allowed to go near the
        # school", "if Daniel is allowed to babysit")
        and not _asked_or_supposed(verb)
    ):
        # "Yasmin was not allowed out of the house", "Jayden (9) was allowed to play until
        # 4am": who kept her in, or let him? (Not "Dad is not allowed to come to the house".)
        return True
    job = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if (
        lemma in ("expect", "ask")
        and planned_for is not None
        and job is not None
        and not _in_plan(verb)
        and verb.doc.user_data.get("sos_section") not in PLAN_SECTIONS
        and _a_grown_ups_job(job)
        and (
            f.is_child(planned_for)
            or is_child_token(planned_for)
            or planned_for.lower_ == "you"
            # a name given no age, looking after a brother or a parent
            or (_named_non_carer(planned_for) and bool(_job_objects(job) & FAMILY_CARED_FOR))
        )
    ):
        # "Tegan (12) is expected to do all the housework", "Omar (8) is being asked to
        # interpret at the GP", "was asked to send photographs": a child given an adult's job,
        # by whom?
        return True
    if lemma == "treat" and any(c.lower_ in BADLY for c in verb.children):
        official, harmful = False, True  # "you were treated badly at your old gym": by whom?
    if (
        lemma == "tell"
        and _particle(verb, "off")
        and subject is not None
        and _about_person(subject)
        and not _in_plan(verb)
        # (not a plan's "how they were told off", which the plan's own carers do)
        and verb.doc.user_data.get("sos_section") not in PLAN_SECTIONS
    ):
        return True  # "Connor gets told off for crying about Aoife": by whom?
    if not harmful and not care and _receives_a_thing(verb):
        return False  # "Mum was sent a letter", "was offered a place": something received
    if (
        subject is not None
        and not harmful
        and verb.dep_ in ("ROOT", "conj", "ccomp")
        and subject.lemma_.lower()
        in words("carer_roles") | (words("professional_roles") - {"i", "we"})
    ):
        return False  # "Dad will be spoken to about his behaviour": nothing done to a child
    if (
        lemma in ("speak", "talk")
        and _seen_alone(verb)
        and not _planned(clause)
        and not clause.modals & {"should", "must", "need", "ought"}
        # (not "was spoken to alone and threatened with a knife": a second act joined on)
        and not any(c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children)
    ):
        # "Jaden was spoken to alone at school on 7 October": the worker's own visit, told as
        # done (a plan's "to be spoken to alone" still asks who will do it)
        return False
    if lemma in ("place", "put") and any(
        p.dep_ == "prep"
        and p.lower_ == "on"
        and any(o.lemma_.lower() in ("plan", "register", "list") for o in p.children)
        for p in verb.children
    ):
        return False  # "Kyle was placed on a CP plan": an official step, not a hidden act
    if (
        lemma in INTO_CARE
        and (child or (planned_for is not None and planned_for.lower_ == "you"))
        and _moved_by_someone_unnamed(clause)
    ):
        return True  # "you were accommodated with foster carers": who decided?
    if _under_review(verb):
        return False  # "will be kept under review": the professionals' own work
    if lemma in REPORTING or (official and not harmful):
        # "It was decided that ...": who decided? But "is said to be staying" is a report and
        # "Dad was arrested" an official step, not a hidden act.
        return decided
    if subject is None:
        if verb.dep_ == "acl" and (is_person(verb.head) or verb.head.pos_ == "NOUN"):
            subject = verb.head  # "Sipho to be taken for a medical"
        elif not (harmful or verb.dep_ == "ROOT"):
            return False
    if subject is not None and subject.pos_ == "NUM":
        # "two of her pictures were chosen": the pictures
        subject = next(
            (o for p in subject.children if p.lower_ == "of" for o in p.children), subject
        )
    if subject is not None and (subject.pos_ in ("NUM", "PUNCT") or subject.text[:1].isdigit()):
        subject = bracketed_owner(subject)  # "Bethan (8) could be hurt": the parse took "8"
    if subject is not None:
        if _is_injury(subject):
            return True
        section = verb.doc.user_data.get("sos_section")
        if (
            harmful
            and (
                (_anyone(subject) and _childs_own_words(verb))
                # (a story's "someone got hurt", not its "so nobody gets hurt")
                or (
                    subject.lower_ in ("someone", "somebody", "people")
                    and section == "words_and_pictures"
                    and not clause.negated
                    # ("does not get hurt": the parse may hang "not" on "get")
                    and not any(n.dep_ == "neg" for c in verb.children for n in c.children)
                )
            )
            # (not the good-things house's "nobody gets hurt at Nana's")
            and section != "house_of_good_things"
        ):
            # a child's "I want nobody to get hurt any more", or a story's "there was a big
            # argument and someone got hurt": who hurt whom?
            return True
        if subject.lower_ in ("it", "this", "that", "which", "there"):
            return False
        if not _about_person(subject):
            if (
                lemma == "take"
                and _particle(verb, "over")
                and subject.lemma_.lower() in HOME_PLACES | {"property", "bedroom", "room"}
                and not _in_plan(verb)
                # (not "taken over for storage", "taken over with Dad's car parts")
                and not any(c.dep_ == "prep" and c.lower_ in ("for", "with") for c in verb.children)
            ):
                return True  # "Donna's flat was taken over in December": by whom?
            if lemma in GIVEN_TO and _to_a_child(verb):
                return True  # "images were sent to Lacey (13)": sent by whom?
            shared = (
                lemma in SPREAD and not (lemma == "take" and _particle(verb, "down", "off", "away"))
            ) or (lemma == "pass" and _particle(verb, "on", "around"))
            if shared and (
                _image_of_a_person(subject)
                or (lemma != "take" and _the_image_in_an_account(subject))
            ):
                return True  # "images of Megan were shared around her school": by whom?
            if (
                lemma in SMASHED
                # (anything thrown was thrown by someone: "a protein tub was thrown")
                and (
                    subject.lemma_.lower() in THROWN_THINGS
                    # (not a goal's "before anything gets thrown")
                    or (
                        lemma in THROWN_AT
                        and subject.lower_ not in ("anything", "nothing")
                        and not _place_named(verb, BINS, ("in", "into"))  # ("cans in the bin")
                    )
                )
                and (
                    subject.lemma_.lower() not in FIXTURES
                    or lemma in ("smash", "kick", "punch")
                    or _got_done(verb)  # "the patio door got broken": that night, not wear
                )
            ):
                return not _in_plan(verb)  # "things got broken", "a mug was thrown": by whom?
            # "Tobi's phone to be returned to him" (a plan), "the children's phones were given
            # back": handed back by whom? (Not "Kai's bike has been returned after it was
            # stolen", the police's doing.)
            returned = (
                lemma == "return" and verb.doc.user_data.get("sos_section") in PLAN_SECTIONS
            ) or (lemma in ("give", "hand") and _particle(verb, "back"))
            if (
                (
                    lemma in TAKEN_FROM
                    # "Mummy's bank card was kept away from her"
                    or (
                        lemma == "keep" and any(c.lower_ in ("away", "from") for c in verb.children)
                    )
                    or returned
                )
                and (
                    subject.lemma_.lower() in BELONGINGS
                    or (subject.lemma_.lower() in SOLD_BELONGINGS and lemma in SOLD)
                )
                and (_possessed(subject) or _taken_from_someone(verb))
                and (returned or not _in_plan(verb))
                # (not "her statement was read out")
                and not any(c.lower_ == "out" for c in verb.children)
                # (not medicine put out of reach: "Dad's tablets have been removed from the
                # bathroom" is safety)
                and not (lemma == "remove" and subject.lemma_.lower() in DANGERS)
            ):
                return True  # "her passport got taken", "Anaya's messages were read": by whom?
            # "the doors are locked" in a plan describes a state to keep, and "the lift has
            # been broken since January" is about a thing; "Kai's door was locked from the
            # outside" hides who shut a child in
            if harmful and lemma in SHUT_IN and not (_in_plan(verb) or clause.modals):
                # "the window has been nailed shut and Filip's only way out is ...": a way out
                # closed on the people named (not "the fire door will not be blocked")
                return not clause.negated and (
                    any(_named_non_carer(t) for t in verb.sent) or _mentions_a_child(verb)
                )
            if (
                lemma == "miss"
                and subject.lemma_.lower() in CHILD_APPOINTMENTS
                and (
                    _mentions_a_child(verb)
                    or any(c.dep_ == "poss" and is_person(c) for c in subject.children)
                    # ("if appointments continue to be missed, Nia's epilepsy could ...")
                    or any(refers_to_a_child(t) for t in verb.sent)
                    # "Isaac's weight dropped and his 8-week check was missed": his, after a
                    # name that is no carer's
                    or _owner_named_before(subject)
                )
                and not _adults_own(subject)  # (not "Dad's appointments were missed")
                and not (_in_plan(verb) or clause.negated)
            ):
                return True  # "Omid's developmental reviews were missed": who missed them?
            if _fire_set(verb, subject) and not (_in_plan(verb) or clause.negated):
                # "a fire was started in the bathroom": by whom? (not "if Dean falls asleep
                # smoking, a fire could be started", where the statement says how)
                return not (clause.modals and _actor_named_nearby(clause, whole=True))
            if (
                lemma in LEFT_OUT
                and _dangerous(subject)
                # (a "tablet" on its own may be the child's computer)
                and not (subject.lemma_.lower() == "tablet" and subject.tag_ != "NNS")
                and not (_in_plan(verb) or clause.negated)
                and (
                    _mentions_a_child(verb)
                    or _within_reach(verb)
                    or _child_got_it(verb)
                    # an account of what was found: "Methadone was left on the worktop"
                    # (not "left in the locked cupboard", "in the bin", "out of reach")
                    or (
                        not clause.modals
                        and section in DANGER_ACCOUNTS
                        and not any(t.lower_ in PUT_AWAY for t in verb.subtree)
                    )
                )
            ):
                return True  # "tablets were left where Alfie could reach them": by whom?
            if (
                lemma in LEFT_OUT
                and subject.lemma_.lower() in EXITS | {"gate", "stairgate"}
                # ("open" may be parsed as anything, even a modifier of the next name)
                and verb.i + 1 < len(verb.doc)
                and verb.doc[verb.i + 1].lower_ in OPENED
                and not (_in_plan(verb) or clause.negated)
                and (
                    _mentions_a_child(verb)
                    or any(
                        f.is_child(t) or is_child_token(t) or _named_non_carer(t) for t in verb.sent
                    )
                )
            ):
                return True  # "the back door was left open and Lily-Mae got out": by whom?
            if (
                lemma in LEFT_OUT
                and subject.lemma_.lower() in APPLIANCES
                and _switched_on(verb)
                and not (_in_plan(verb) or clause.negated)
                and verb.doc.user_data.get("sos_section") not in PLAN_SECTIONS
            ):
                return True  # "the cooker was left on": by whom?
            if (
                lemma in WITHHELD
                and _childs_own_need(subject)
                and not (_in_plan(verb) or clause.negated)
            ):
                return True  # "Noah's inhalers were confiscated at the farm": by whom?
            if (
                lemma in RESTOCKED
                and clause.negated
                and _childs_own_need(subject, MEDICINES | {"prescription", "prescriptions"})
                and not _in_plan(verb)
                and verb.doc.user_data.get("sos_section") not in PLAN_SECTIONS
            ):
                return True  # "Keira's inhaler ran out and wasn't replaced": by whom?
            if lemma in ("cut", "slash") and subject.lemma_.lower() in AMOUNTS:
                return False  # "Gareth's hours were cut in August": less of something
            return harmful and not _in_plan(verb) and _mentions_a_child(verb)
    if _in_plan(verb) and (clause.negated or _planner_named(verb) or subject is None):
        # "Stacey will make sure the twins are never left alone", "Mr and Mrs Price to ensure
        # the twins are fed": the plan names who makes sure of it; and "will check the doors
        # are locked", with no one the passive is about, is the state the plan keeps
        return False
    if _same_act_has_a_doer(clause):
        return False
    effect = _is_effect(verb)
    if (
        effect
        and clause.negated
        and not clause.modals
        # (but "to go to church and not be hurt", a wish, still hides who might hurt her)
        and not any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children)
    ):
        return False  # "Tyler is at home with Kerry and is not hurt": how he is, not a deed
    # "Lee might push Kai. Kai could be badly hurt": the impact in a danger statement, or "Kai
    # might be hit" (or "is likely to be hit"), when the statement already says who acts;
    # "Sienna could be harmed" on its own hides the doer.
    if (
        lemma == "leave"
        and _framed_as_possible(clause)
        and subject is not None
        and (f.is_child(subject) or _named_non_carer(subject))
        and _left_unminded(verb)
    ):
        # "Bella might be left at home on her own when Wayne goes to the pub": who would
        # leave her? (Not "Lorraine might go out ... Macey could be left alone", which does.)
        return not _actor_named_nearby(clause, whole=True, main_only=True)
    if _framed_as_possible(clause) and _actor_named_nearby(
        # "Lee's drinking could escalate and the children might be exposed to further
        # incidents": exposed by whom? (The blind writers call "exposed to" a hidden doer in
        # 361 of 368 statements.) Only someone named hurting someone answers it. (Not when
        # the parse gives the exposing to someone else: "Children's services could be
        # exposed".)
        clause,
        whole=True,
        harm_only=lemma == "expose"
        and (
            subject is None
            or f.is_child(subject)
            or is_child_token(subject)
            or _named_non_carer(subject)
        ),
    ):
        return False
    if _own_mishap(clause):
        return False
    # "Lee pushed Kai and Kai was hurt" (or "Shaun threw a mug ... Mia was cut above the
    # eye"): the effect of a named act, not a hidden doer.
    if effect and clause.modals & {"will", "'ll"} and _actor_named_nearby(clause, whole=True):
        return False  # "if Jaspreet keeps drinking, Aman will be affected": the impact
    return not (effect and _actor_named_nearby(clause, whole=True, harm_only=True))


def _a_childs_check(thing: Any) -> bool:
    """An appointment only a baby or child has: "his 8-week check", "her jabs"."""
    return thing.lemma_.lower() in ("immunisation", "vaccination", "jab", "jabs") or any(
        any(w in t.lower_ for w in ("week", "month", "year", "develop", "hearing"))
        for t in thing.children
    )


def _owner_named_before(thing: Any) -> bool:
    """ "Isaac's weight dropped and his 8-week check was missed": "his" stands for the nearest
    person named before it, here a name that is no carer's (not "Dad ... his GP review")."""
    owner = next(
        (c for c in thing.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None
    )
    if owner is None or not _a_childs_check(thing):
        return False
    before = [t for t in thing.sent if t.i < owner.i and is_person(t) and t.pos_ != "PRON"]
    return bool(before) and _named_non_carer(before[-1])


def _under_review(verb: Any) -> bool:
    """ "Sibling relationships will be kept under review": the professionals' own work."""
    return any(
        p.dep_ == "prep" and p.lower_ == "under" and any(o.lower_ == "review" for o in p.children)
        for p in verb.children
    )


# What a door, window or the way out is made impassable by: "nailed shut", "blocked".
SHUT_IN = frozenset({"nail", "screw", "bolt", "barricade", "wedge", "block", "jam"})
EXITS = frozenset(
    {"door", "window", "exit", "stair", "stairs", "staircase", "landing", "hallway", "doorway"}
)
# What a child can suffer from a thing, with no one's hand in it: "touch the hotplate and be
# burnt".
OWN_MISHAPS = frozenset({"burn", "scald", "injure", "hurt", "electrocute", "crush", "trap"})


def _framed_as_possible(clause: Clause) -> bool:
    """ "could be hurt", "might be hit", or "is likely to be hurt"."""
    if clause.modals & IMPACT_FRAMING:
        return True
    verb = clause.verb
    return verb.dep_ == "xcomp" and (
        verb.head.lemma_.lower() in LIKELY
        or any(c.dep_ == "acomp" and c.lemma_.lower() in LIKELY for c in verb.head.children)
    )


def _own_mishap(clause: Clause) -> bool:
    """ "Jaylen (6) might touch the hotplate again and be badly burnt": the child's own act and
    what it did to him, with no one else's hand in it."""
    verb = clause.verb
    head = verb.head
    if (
        not clause.modals & IMPACT_FRAMING  # (what did happen may hide who left it so)
        or verb.dep_ != "conj"
        or head.pos_ != "VERB"
        or head.i > verb.i
        or verb.lemma_.lower() not in OWN_MISHAPS
        or head.lemma_.lower() in words("harm_verbs")
        or any(c.dep_ == "auxpass" for c in head.children)
    ):
        return False
    if not (
        head.lemma_.lower() in ON_THEIR_OWN
        or any(c.dep_ == "dobj" and not is_person(c) for c in head.children)
    ):
        return False  # (not "might go to the park and be hurt": hurt by whom there?)
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject is not None and facts(verb.doc).is_child(subject)


# What a child can do alone that ends in a mishap: "climb onto the worktop and be burnt".
ON_THEIR_OWN = frozenset({"fall", "climb", "trip", "slip", "crawl", "play"})
# (not "run away" or "wander off and be hurt": hurt by whom, out there?)


# Where a child's good things, wishes or a scale's top end describe care as a state.
GOOD_STATE_SECTIONS = frozenset({"house_of_good_things", "house_of_dreams", "scaling"})


def _good_care_described(clause: Clause) -> bool:
    """ "school is a place where her needs are met", "10 means everyone is sure Bilal is fed
    well enough": good care as a state to reach, not a deed whose doer is hidden. (A score's
    reason, "because the children are now being fed", still says what someone did.)"""
    verb = clause.verb
    if verb.doc.user_data.get("sos_section") not in GOOD_STATE_SECTIONS or clause.negated:
        return False
    if clause.lemma == "meet":
        return clause.subject is not None and clause.subject.lemma_.lower() == "need"
    if _how_things_stand(clause):
        return True
    return clause.lemma in ("feed", "look", "care") and any(
        t.lower_ == "well" for t in verb.subtree if t.i > verb.i
    )


PRESENT_BE = frozenset({"is", "are", "'s", "'re", "am"})
# Care a child gets, told as how things are: "the boys are fed, loved and in school".
CARE_GIVEN = frozenset({"feed", "dress", "wash", "clothe", "love", "bath", "bathe"})
# What is done to a thing: "the boiler is fixed", "the stairs are still blocked".
THINGS_DONE = frozenset(
    {"fix", "mend", "repair", "do", "sort", "cover", "block", "clear", "finish", "pay"}
    | {"replace", "clean", "tidy", "empty", "fill", "lock", "fit", "book"}
)


def _how_things_stand(clause: Clause) -> bool:
    """A score's reasons told as how things are now: "She says the boys are fed and at school
    every day", "the boiler is fixed", "the stairs are still blocked". (Not "are now being
    fed", which says someone does it, nor a harm: "Tia is still hit when he drinks".)"""
    verb = clause.verb
    if verb.doc.user_data.get("sos_section") != "scaling" or clause.agent is not None:
        return False
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("auxpass", "aux")]
    if not auxes or not all(a in PRESENT_BE for a in auxes):
        return False
    if clause.lemma in CARE_GIVEN or (
        clause.lemma == "look" and any(c.lower_ == "after" for c in verb.children)
    ):
        return True  # "the boys are fed and dressed", "until Kyle is looked after too"
    # a thing, not a person: "the boiler is fixed", "the stairs are still blocked"
    subject = clause.subject
    return clause.lemma in THINGS_DONE and subject is not None and not is_person(subject)


# What a child's wish is called: "Blessing's dream is ... not to be hurt".
WISHES = frozenset({"dream", "wish", "hope"})


# Things broken or thrown in a row ("some things got broken", "a mug was thrown at the wall"),
# not the state of a building ("the lift has been broken since June").
SMASHED = frozenset({"break", "throw", "smash", "chuck", "hurl", "fling", "kick", "punch"})
THROWN_THINGS = frozenset(
    {"thing", "something", "stuff", "item", "object", "plate", "mug", "cup", "bottle", "dish"}
    | {"chair", "furniture", "ornament", "remote", "controller", "ashtray", "window", "door"}
    | {"hole", "wall", "tv", "telly", "television"}
)
# Anything thrown was thrown by someone ("a protein tub was thrown"), unless it went in a bin.
THROWN_AT = frozenset({"throw", "chuck", "hurl", "fling"})
BINS = frozenset({"bin", "skip", "dustbin", "rubbish", "recycling"})
# What can be "tied to" something without anyone tying it: "her visa is tied to her job"
# (not "Kai's door is tied to the banister").
TIED_TERMS = frozenset(
    {"visa", "tenancy", "right", "status", "leave", "benefit", "benefits", "job", "income"}
    | {"housing", "permit", "claim", "application", "contract", "pay", "accommodation"}
)
# (a window or door "smashed" or "kicked in", or a hole "punched" in a wall, was done by
# someone; "broken since January" may be wear)
FIXTURES = frozenset({"window", "door", "hole", "wall"})


# What is done to a person's belongings to control or frighten them: "her phone was taken".
BELONGINGS = frozenset(
    {"phone", "passport", "key", "money", "card", "message", "text", "diary", "laptop"}
    | {"tablet", "bag", "purse", "wallet", "wage", "benefit", "document", "id", "letter"}
    | {"clothes", "photo", "picture", "savings", "history", "credit", "account", "bike"}
    | {"headset", "console", "device", "computer", "ipad", "xbox", "playstation", "charger"}
    | {"binder", "belonging", "belongings", "makeup", "wig", "toy", "toys", "book", "books"}
    | {"door"}  # ("her bedroom door was taken off as a punishment")
)
# Belongings that are only a worry when sold, stolen or broken ("Kai's things were taken to
# Gran's" is a move, "her presents are hidden until her birthday" a surprise).
SOLD_BELONGINGS = frozenset(
    {"thing", "things", "scooter", "trainers", "present", "presents", "game", "games"}
    | {"jewellery", "pushchair", "pram", "bicycle"}
)
SOLD = frozenset({"sell", "pawn", "steal", "smash", "destroy", "ruin", "snatch", "rip", "tear"})

TAKEN_FROM = (
    SOLD
    | {"take", "read", "hide", "confiscate", "withhold", "cut", "burn", "check", "empty"}
    | {"remove"}
)


def _taken_from_someone(verb: Any) -> bool:
    """ "money was taken from Jayden's bank account", "taken from her": the owner is named."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "from"
        and any(
            _possessed(o) or o.lower_ in ("him", "her", "them") or is_child_token(o)
            for o in c.children
        )
        for c in verb.children
    )


# Dangerous things someone left where a child could get at them: "tablets were left out on
# the table where Alfie could reach them".
DANGERS = frozenset(
    {"tablet", "tablets", "medication", "medicine", "pill", "knife", "lighter", "drug"}
    | {"needle", "syringe", "methadone", "vodka", "cannabis", "heroin", "match", "weed"}
    | {"blade", "razor", "bleach", "patch", "cocaine", "spice", "morphine", "painkiller"}
    | {"edible", "edibles", "gummy", "gummies"}
)
LEFT_OUT = frozenset({"leave"})
# Where a danger "was left out" is reported as found, whoever the child: a worry, a harm.
DANGER_ACCOUNTS = frozenset({"harm", "worry", "words_and_pictures", "house_of_worries"})
# What a danger may be called without its name: "burnt foil", "dangerous things".
BURNT = frozenset({"burnt", "burned"})
# Where a danger is put away, not left out: "in the locked cupboard", "in the bin".
PUT_AWAY = frozenset({"locked", "lockbox", "safe", "away", "bin", "reach"})
RISKY = frozenset({"dangerous", "sharp", "unsafe", "harmful"})


def _dangerous(subject: Any) -> bool:
    """What was left is a danger to a child: "methadone", "cannabis sweets", "burnt foil",
    "dangerous things" (not "the tablet charger" or "kitchen foil")."""
    lemma = subject.lemma_.lower()
    mods = {c.lower_ for c in subject.children if c.dep_ in ("amod", "compound")}
    return (
        lemma in DANGERS
        # "cannabis sweets were left on the table"
        or (
            lemma in EDIBLES
            and any(c.dep_ == "compound" and c.lemma_.lower() in DANGERS for c in subject.children)
        )
        or (lemma == "foil" and bool(mods & BURNT))
        or (lemma in ("thing", "item", "object") and bool(mods & RISKY))
    )


# How a way out is left for a child to get through: "the back gate was left open".
OPENED = frozenset({"open", "unlocked", "ajar", "unbolted"})
# What is a danger when "left on": "the cooker was left on", "the hob had been left on".
APPLIANCES = frozenset({"cooker", "hob", "oven", "grill", "heater", "iron", "gas", "fire", "tap"})


# When an appliance is left on ("left on all night", parsed as "on" a time), not where.
ON_FOR = frozenset({"night", "overnight", "evening", "day", "morning", "hour", "afternoon"})


def _switched_on(verb: Any) -> Any | None:
    """The "on" of "the cooker was left on" (or "left on all night", which the parse may read
    as a place), not "the heater was left on the landing"."""
    if verb.i + 1 >= len(verb.doc) or verb.doc[verb.i + 1].lower_ != "on":
        return None
    on = verb.doc[verb.i + 1]
    places = [o for o in on.children if o.dep_ == "pobj"]
    if on.dep_ == "prt" or all(o.lemma_.lower() in ON_FOR for o in places):
        return on
    return None


def _got_done(verb: Any) -> bool:
    """A get-passive ("got broken"): something that happened, not a state."""
    return any(c.dep_ == "auxpass" and c.lemma_.lower() == "get" for c in verb.children)


# What is done with a child's medicine that someone chose to do: "his inhalers were taken".
WITHHELD = frozenset({"confiscate", "withhold", "hide", "take", "stop", "throw"})
# What someone does to keep a child's medicine going: "his inhaler was not replaced".
RESTOCKED = frozenset({"replace", "renew", "refill", "reorder", "order", "collect", "restock"})
# What an order or a plan may bar a child from: "not allowed to see his dad".
BARRED = frozenset({"see", "contact", "visit", "meet", "stay", "live", "speak", "talk", "have"})
# What a child told to keep quiet is kept from: "told not to tell anyone".
SECRECY = frozenset({"anyone", "anybody", "nobody", "it", "what", "teacher", "teachers", "school"})
# Where what a child "was told" is an account of what was done to them (not a strength, a
# plan or a note). A name alone may be an adult's: "Zehra was told her shifts will go on".
TOLD_ACCOUNTS = frozenset(
    {"harm", "worry", "house_of_worries", "words_and_pictures", "danger_statement"}
)
# Sections that give an account of what happened to a child.
ALLOWED_ACCOUNTS = frozenset({"harm", "worry", "danger_statement", "general", "house_of_worries"})
# What a child is taken to or given, which someone misses: "his eye appointments were missed".
CHILD_APPOINTMENTS = frozenset(
    {"appointment", "review", "test", "check", "immunisation", "vaccination", "jab"}
    | {"injection", "dose", "feed", "reviews", "checks", "appointments"}
)


# What a story for a child may call the harm: "there were some grown-up problems at home".
# ("some difficulties at home" is told of a family's hard patch, a parent's illness or a child's
# feelings as often as of harm)
HOME_TROUBLES = frozenset({"problem", "trouble"})
HOME_PLACES = frozenset({"home", "house", "flat"})


def _trouble_at_home(noun: Any) -> bool:
    """ "There were some problems at home": someone did something, and no one is named."""
    if noun.lemma_.lower() not in HOME_TROUBLES or any(
        c.lower_ in ("no", "any", "with", "about")
        or c.dep_ in ("poss", "compound")
        or (c.dep_ == "amod" and c.lower_ not in ("grown", "grown-up", "big", "serious"))
        for c in noun.children
    ):
        return False  # ("money problems", "problems with the boiler": named)
    return _at_home([*noun.children, *noun.head.children])


def _at_home(attached: Iterable[Any]) -> bool:
    """Among these words, an "at home", "in the house" or "in the flat"."""
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("at", "in")
        and any(o.lemma_.lower() in HOME_PLACES for o in p.children)
        for p in attached
    )


# Harms named by letters that a child can be "subject to" (CSE: child sexual exploitation).
SUBJECTED_TO = frozenset({"cse", "cce", "fgm", "exploitation", "grooming", "chastisement"})


def _phrase_names_agent(token: Any) -> bool:
    """A "by" + person in the "subject to ..." phrase ("subject to chastisement by mum's
    partner"; not "... and was found by police")."""
    phrase = list(token.subtree)
    if token.head.lemma_ == "be":  # the parse may hang "by ..." off the verb instead
        phrase += [t for c in token.head.children if c.dep_ in ("prep", "agent") for t in c.subtree]
    return any(
        t.lower_ == "by" and any(is_person(o) for o in t.subtree if o.i != t.i) for t in phrase
    )


# What hurts people with nobody doing it: "hurt in a fire" (but "hurt in a crash" has a driver).
MISHAPS = frozenset({"fire", "flood", "explosion", "blaze", "storm"})


# "by a safe adult", "by a family member": someone, but nobody in particular.
UNNAMED_DETERMINERS = frozenset({"a", "an", "any", "another", "some"})
ANYONE_OF_A_KIND = frozenset({"adult", "person", "grown", "member", "relative", "carer"})


def _told_as_past(verb: Any) -> bool:
    """ "was collected", "has been collected": what happened, not the arrangement now."""
    return any(
        (c.dep_ == "auxpass" and c.tag_ == "VBD") or (c.dep_ == "aux" and c.lemma_ == "have")
        for c in verb.children
    )


def _unnamed_in_plan(clause: Clause) -> bool:
    """A plan's passive whose "by" phrase is anyone of a kind ("the children will be collected
    by a safe adult"): the plan still has to say who. (In a harm statement, "by an adult
    male" is all the family may know.)"""
    agent = clause.agent_person
    return (
        agent is not None
        and clause.verb.doc.user_data.get("sos_section") in PLAN_SECTIONS
        # (not existing safety's account of what has been done: "Jayden was collected from
        # school by a family member every day in February"; but "is collected by a family
        # member every day", the arrangement now, still has to say who)
        and not (
            clause.verb.doc.user_data.get("sos_section") == "existing_safety"
            and not clause.modals
            and _told_as_past(clause.verb)
        )
        and agent.lemma_.lower() in ANYONE_OF_A_KIND  # (not "seen by a paediatrician")
        and any(c.dep_ == "det" and c.lower_ in UNNAMED_DETERMINERS for c in agent.children)
        and clause.subject is not None
        and facts(clause.verb.doc).is_child(clause.subject)
    )


# Things done to a child in a plan whose doer the plan must name: "Kai will be told why".
TOLD_OR_TAKEN = frozenset(
    {"tell", "explain", "take", "ask", "speak", "talk", "show", "give", "place", "move"}
    | {"supervise", "refer", "accommodate", "treat", "collect", "check", "bring", "weigh"}
    | {"drop", "pick", "walk"}
)


# Services for the adults: "Kerry to be referred to anger management" is about a parent.
ADULT_SERVICES = frozenset(
    {"idva", "isva", "perpetrator", "anger", "adult", "adults", "parenting", "drug", "alcohol"}
    | {"substance", "detox", "probation", "dvpp", "freedom", "antenatal", "das", "sgo"}
    | {"carer's", "carers"}
)
# ... unless the service is for young people: "the young people's drug and alcohol service".
YOUNG = frozenset({"young", "youth", "children", "child", "teen", "teenage", "teenagers", "camhs"})


def _to_adult_service(verb: Any) -> bool:
    """ "to be referred to the IDVA service", "offered a parenting course": the one referred is
    a parent, not a child."""
    if verb.lemma_.lower() not in ("refer", "signpost", "offer"):
        return False
    # (the parse may take "adult" in "to adult mental health services" for a complement)
    named = {
        t.lower_
        for c in verb.children
        if c.dep_ in ("prep", "dobj", "dative", "xcomp")
        for t in c.subtree
    }
    return bool(named & ADULT_SERVICES) and not named & YOUNG


# Care acts that take a child where they need to be: "was not brought to her appointments".
FETCHED = frozenset({"bring", "take", "collect", "pick", "fetch"})
CARE_PLACES = frozenset(
    {"appointment", "school", "nursery", "clinic", "gp", "dentist", "check", "review"}
    | {"surgery", "optician", "physio", "club"}
)


def _to_care(verb: Any) -> bool:
    """ "not brought to four appointments", "not collected from nursery" (not "not taken to
    court", which is about an adult)."""
    return any(
        t.lemma_.lower() in CARE_PLACES or t.lower_ in CARE_PLACES
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in ("to", "from")
        for t in p.subtree
    )


BADLY = frozenset({"badly", "harshly", "cruelly", "unfairly", "roughly", "differently"})
# Sections that give the background, where a condition's treatment is a fact about it.
BACKGROUND = frozenset({"complicating_factor", "existing_strength", "general"})
# How a child's condition was looked after, and the conditions: "her asthma is poorly managed".
POORLY = frozenset({"poorly", "badly", "inadequately", "inconsistently"})
CHILD_CONDITIONS = frozenset(
    {"eczema", "asthma", "diabetes", "epilepsy", "allergy", "allergies", "lice", "infection"}
    | {"condition", "reflux", "constipation", "seizures", "rash", "wound", "pain", "sugars"}
)


# Things handed to a child: with no doer named, who gave them?
GIVEN_TO = frozenset({"send", "give", "show", "sell", "supply", "explain"})


# Things it harms a child to be given or shown.
HARMFUL_THINGS = frozenset(
    {"drug", "drugs", "cannabis", "weed", "alcohol", "vodka", "cider", "beer", "spirits"}
    | {"cocaine", "ketamine", "spice", "heroin", "pills", "pornography", "porn", "vape", "vapes"}
    | {"methadone", "subutex", "salt", "laxative", "laxatives", "pill", "substance"}
    | {"substances", "extremist", "explicit", "indecent", "pornographic", "graphic", "gory"}
)
# Things it harms a child (not a parent being shown how) to be shown or sent: "Zain (9) was
# shown a video on his dad's phone", "Sophie is being sent messages at night".
SHOWN_TO_A_CHILD = frozenset(
    {"video", "videos", "clip", "clips", "image", "images", "picture", "pictures", "message"}
    | {"messages", "film", "films", "photo", "photos"}
)


# What a drug comes in that a child would eat: "a cannabis brownie", "cannabis sweets".
EDIBLES = frozenset(
    {"brownie", "sweet", "sweets", "gummy", "gummies", "edible", "edibles", "cake", "cookie"}
    | {"chocolate", "lolly", "biscuit"}
)


def _given_harmful(verb: Any, things: frozenset[str] = HARMFUL_THINGS) -> bool:
    """ "was given cannabis", "was given a bottle containing methadone"."""
    return any(
        t.lower_ in things or t.lemma_.lower() in things
        for c in verb.children
        if c.dep_ in ("dobj", "dative")
        for t in c.subtree
        # (not "a leaflet about drug services": what it is about, not what it is; nor "a
        # substance misuse worker")
        if (t.dep_ != "compound" or t.head.lemma_.lower() in EDIBLES)  # "a cannabis brownie"
        and not any(a.lower_ in ("about", "on", "regarding", "re", "for") for a in _path(t, c))
    )


# Pictures of a person, and what is done with them when they are used to harm her.
IMAGES = frozenset({"image", "photo", "photograph", "picture", "video", "clip", "nude", "selfie"})
SPREAD = frozenset({"share", "send", "post", "circulate", "upload", "spread", "forward", "take"})


IMAGE_ACCOUNT_SECTIONS = frozenset({"harm", "worry", "house_of_worries"})


def _the_image_in_an_account(noun: Any) -> bool:
    """ "The photo was then shared around Year 9" in a harm statement or a worry: the photo
    the account is about."""
    return (
        noun.lemma_.lower() in IMAGES
        and noun.doc.user_data.get("sos_section") in IMAGE_ACCOUNT_SECTIONS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    )


def _particle(verb: Any, *words_: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ in words_ for c in verb.children)


def _image_of_a_person(noun: Any) -> bool:
    """ "Intimate images of Megan (15)", "photos of the children", "Imogen's nude photos",
    and in a child's own words "my pictures"."""
    return noun.lemma_.lower() in IMAGES and (
        any(
            p.lower_ == "of" and any(o.dep_ == "pobj" and is_person(o) for o in p.children)
            for p in noun.children
        )
        or any(
            c.dep_ == "poss"
            and ((is_person(c) and c.lower_ not in ("my", "our")) or _childs_own_words(c))
            for c in noun.children
        )
    )


def _to_whom(verb: Any) -> list[Any]:
    """What follows the verb's "to": "sent to Lacey", "done to her"."""
    return [
        o
        for prep in verb.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
        for o in prep.children
        if o.dep_ == "pobj"
    ]


def _done_to_someone(verb: Any) -> bool:
    """ "what was done to her", "what had been done to Kai" (not "done to a high standard")."""
    return any(is_person(o) for o in _to_whom(verb))


def _to_a_child(verb: Any) -> bool:
    f = facts(verb.doc)
    return any(f.is_child(o) or is_child_token(o) for o in _to_whom(verb))


def _present_state(verb: Any) -> bool:
    return any(
        c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s", "'re") for c in verb.children
    )


REQUESTS = frozenset({"ask", "want", "hope", "request", "apply", "wish", "beg", "plead"})


def _agent_in_complement(verb: Any) -> bool:
    """ "was made to work at a car wash by adults": the parse hangs the "by" on the
    complement ("to work ..."), not on the passive."""
    return any(
        t.lower_ == "by" and any(o.dep_ == "pobj" and is_person(o) for o in t.children)
        for c in verb.children
        if c.dep_ in ("xcomp", "advcl")
        and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        for t in c.subtree
    )


def _is_a_request(verb: Any) -> bool:
    """ "will ask to be moved", and "asking for the calls to be moved" (which the parse may
    hang on "asking" as a clause of its own)."""
    return verb.head.lemma_.lower() in REQUESTS and (
        verb.dep_ == "xcomp"
        or (
            verb.dep_ in ("advcl", "ccomp")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.head.children)
        )
    )


def _named_non_carer(token: Any) -> bool:
    """A name that is not a parent's or a role ("Reggie", "Tania"; not "Mum" or "the nurse"):
    in a plan or an account of care, most likely the child's (the tagger may read a name as a
    noun, so a capitalised person counts too)."""
    return (
        (token.pos_ == "PROPN" or (token.is_title and is_person(token)))
        and not is_carer_token(token)
        and token.lemma_.lower() not in role_words()
    )


def _taken_to_be_seen(verb: Any) -> bool:
    """ "Courtney will take Ivy to be weighed", "Dad brings Kai to be seen": the carer named
    takes the child for a check, which is the point, not who weighs him."""
    head = verb.head
    return (
        verb.dep_ in ("advcl", "xcomp", "ccomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and head.lemma_.lower() in ("take", "bring")
        and verb.lemma_.lower() not in words("harm_verbs")
        and any(c.dep_ == "nsubj" and is_person(c) for c in head.children)
    )


def _seen_alone(verb: Any) -> bool:
    """ "spoken to alone", "spoken to on her own": without the parents there."""
    near = [*verb.children, *(o for p in verb.children if p.dep_ == "prep" for o in p.children)]
    return any(
        c.lower_ == "alone"
        or (c.dep_ == "prep" and c.lower_ == "on" and any(o.lower_ == "own" for o in c.children))
        for c in near
    )


def _planned(clause: Clause) -> bool:
    """A future or planned passive: "will be told", "is to be taken"."""
    if clause.modals & {"will", "shall", "'ll"}:
        return True
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.verb.children)


# Verbs that are an official step only when the place is an institution or a home: "sent to
# prison", "moved to a flat near her sister", against "sent to her room".
SENT_SOMEWHERE = frozenset({"send", "transfer", "move"})


def _place_named(
    verb: Any,
    places: frozenset[str] | set[str],
    preps: tuple[str, ...] = (),
    deps: tuple[str, ...] = ("prep",),
) -> bool:
    """The verb's own preposition phrase ("to prison", "in hospital", "into care"; any
    preposition when ``preps`` is empty) names one of ``places``, not a place mentioned
    elsewhere in the sentence."""
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in places
        for prep in verb.children
        if prep.dep_ in deps and (not preps or prep.lower_ in preps)
        for o in prep.children
    )


POLICE_PLACES = frozenset({"police", "station", "court", "prison", "custody", "cell"})
HELD_PLACES = frozenset({"hospital", "custody", "prison", "care"})
CLINICS = frozenset({"hospital", "a&e", "clinic", "gp", "doctor", "doctors", "surgery", "ward"})
CUSTODY = frozenset({"prison", "jail", "custody", "remand", "court"})


def _to_the_police(verb: Any) -> bool:
    """ "Daddy was taken to the police station", "taken to court": the police's step."""
    return _place_named(verb, POLICE_PLACES)


def _into_care(verb: Any) -> bool:
    """ "taken into care", "taken into custody": a court's or the police's step."""
    return any(
        c.lower_ == "into" and any(o.lemma_.lower() in ("care", "custody") for o in c.children)
        for c in verb.children
    )


# "made redundant", "made subject to a care order", "made homeless": an official outcome.
MADE_OFFICIAL = frozenset({"redundant", "subject", "homeless", "bankrupt"})


def _in_hospital_or_custody(verb: Any) -> bool:
    return _place_named(verb, HELD_PLACES, ("in", "on"), ("prep", "oprd"))


def _into_custody(verb: Any) -> bool:
    """ "was sent to prison", "sent to court", "put in custody": a step in the justice
    system."""
    return _place_named(verb, CUSTODY, ("to", "into", "in"))


def _to_an_institution(verb: Any) -> bool:
    """The verb's own "to" or "into" phrase names an institution or a home ("sent to
    prison", "moved to a flat"), not a place mentioned elsewhere in the sentence."""
    return _place_named(verb, words("institution_nouns"), ("to", "into", "from"))


def _someone_else_acts(verb: Any, subject: Any) -> bool:
    """An adult other than the passive's own subject is the subject of ``verb``."""
    clause = next((c for c in facts(verb.doc).clauses if c.verb == verb), None)
    doer = clause.subject if clause is not None and not clause.passive else None
    return (
        doer is not None
        and is_person(doer)
        and not facts(verb.doc).is_child(doer)
        and not has_child_age_after(doer)
        and (subject is None or doer.lower_ != subject.lower_)
        and doer.lower_ not in ("he", "she", "they", "i", "you")
    )


def _to_somewhere_new(verb: Any) -> bool:
    """ "sent to a new school", "moved to a new flat": a move someone decided on, not a
    child's daily care left undone."""
    return any(
        p.dep_ == "prep"
        and p.lower_ == "to"
        and any(a.lower_ == "new" for o in p.children if o.dep_ == "pobj" for a in o.children)
        for p in verb.children
    )


# Jobs that are a grown-up's to do or to ask of a child: "expected to mind the baby".
CARING_JOBS = frozenset({"mind", "babysit", "interpret", "translate"})
# Care that is a grown-up's job when it is for someone else: "to cook tea for her brothers"
# (not "to wash his hands").
CARE_FOR_OTHERS = frozenset({"cook", "feed", "bath", "bathe", "wash", "dress", "change"})
# What is done as the job: "do all the housework".
CHORES = frozenset(
    {"housework", "cooking", "cleaning", "shopping", "ironing", "laundry", "caring", "chore"}
    | {"chores"}
)
# What a child may be asked to carry or sell for others: "asked to hold drugs".
CARRIED_FOR_OTHERS = frozenset(
    {"drug", "drugs", "cannabis", "package", "packages", "parcel", "parcels", "knife", "weed"}
)
# Where a child's day is spent, which the parse may read as a body that acts: "after school".
PLACES_OF_DAY = frozenset({"school", "nursery", "college", "work", "club"})
# Whom a child may be left to care for, in a name given no age: "to look after her brother".
# (not "baby", which may be the mother's own: "Kayleigh is expected to feed the baby")
FAMILY_CARED_FOR = frozenset(
    {"brother", "brothers", "sister", "sisters", "sibling", "siblings", "mum", "mummy"}
    | {"mother", "dad", "daddy", "father", "nan", "gran", "grandma", "grandad"}
)


def _job_objects(job: Any) -> set[str]:
    """The words of what the job is done to or for ("after Jack", "all the housework")."""
    return {
        t.lemma_.lower()
        for c in job.children
        if c.dep_ in ("dobj", "prt", "prep", "dative")
        for t in c.subtree
    }


def _a_grown_ups_job(job: Any) -> bool:
    """ "to look after Jack", "to care for her mum", "to cook tea for her brothers", "to do all
    the housework", "to keep an eye on Rosie", "to take on the caring", "to send
    photographs" (not "to look for his shoes", "to wash his hands", "to stop gaming", "to keep
    his room tidy")."""
    lemma = job.lemma_.lower()
    named = _job_objects(job)
    # someone the job is done to or for (not "with Gran", nor "his own books")
    preps = [
        c
        for c in job.children
        if c.dep_ in ("prep", "dative") and c.lower_ in ("for", "after", "on", "to")
    ]
    objects = [c for c in job.children if c.dep_ in ("dobj", "dative") and c not in preps]
    # ("cook tea for her brothers": the parse may hang "for" on the dish)
    preps += [p for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "for"]
    cared_for = objects + [o for p in preps for o in p.children if o.dep_ == "pobj"]
    # (not "after school": the parse reads a school as a body that acts)
    others = any(
        is_person(t) and t.lower_ not in REFLEXIVES and t.lemma_.lower() not in PLACES_OF_DAY
        for t in cared_for
    )
    return (
        lemma in CARING_JOBS
        or (lemma in ("look", "care") and others)  # "look after Jack", "care for her mum"
        or (lemma in CARE_FOR_OTHERS | {"collect"} and others)
        # "to pick up her brothers from school"
        or (lemma == "pick" and "up" in named and others)
        or (lemma in ("do", "take") and bool(named & CHORES))
        # "to take care of her brother" (not "of her own pocket money")
        or (
            lemma == "take"
            and "care" in named
            and any(is_person(t) and t.dep_ == "pobj" for t in job.subtree)
        )
        or (lemma == "do" and "job" in named and bool(named & {"grow", "grown", "adult"}))
        or (lemma == "keep" and "eye" in named and others)
        or (lemma == "send" and bool(named & IMAGES))
        or (lemma in ("hold", "carry", "sell", "deliver") and bool(named & CARRIED_FOR_OTHERS))
    )


def _sent_to_school_without(verb: Any) -> bool:
    """ "was sent to school with head lice", "sent to nursery without a coat": what the one
    who got the child ready left undone (not "sent to a new school", a move)."""
    places = [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in ("to", "into")
        for o in p.children
        if o.lemma_.lower() in ("school", "nursery")
        # (the parse may hang the child's state on the place: "sent to nursery hungry")
        and all(a.dep_ == "amod" and a.lower_ in SENT_IN_A_STATE for a in o.children)
    ]
    if not places:
        return False
    if any(a.lower_ in SENT_IN_A_STATE for o in places for a in o.children):
        return True  # "sent to nursery hungry"
    # "sent to school on 3 March in wet clothes": the parse may hang the clothes on the date
    dated = [
        d
        for p in verb.children
        if p.dep_ == "prep"
        for o in p.children
        if o.lower_ in DATE_WORDS
        for d in o.children
        if d.dep_ == "prep"
    ]
    for c in [*verb.children, *dated]:
        if c.dep_ in ("acomp", "oprd") or (c.dep_ == "advcl" and c.pos_ == "ADJ"):
            return True  # "sent to school hungry" (the parse may make "hungry" a clause)
        if c.dep_ != "prep" or c.lower_ not in ("with", "without", "in"):
            continue
        objects = [o for o in c.children if o.dep_ == "pobj"]
        if c.lower_ == "without" or any(
            (
                (o.lemma_.lower() in UNCARED_FOR or o.lower_ in UNCARED_FOR)
                and (o.lower_ not in WORN or any(a.lower_ in UNWASHED for a in o.children))
            )
            or (c.lower_ == "with" and _is_injury(o))
            # "with no insulin pen" (not "with no marks or bruises", which is good news)
            or (
                c.lower_ == "with"
                and any(d.lower_ == "no" for d in o.children)
                and (o.lemma_.lower() in NEEDED_KIT or o.lower_ in NEEDED_KIT)
            )
            for o in objects
        ):
            return True  # "without his hearing aids", "with head lice", "in dirty clothes",
            # "with no insulin pen"
    return False


# What a child needs with them, sent "with no coat", "with no insulin pen".
NEEDED_KIT = (
    MEDICINES
    | {"coat", "lunch", "pen", "shoes", "glasses", "breakfast", "food", "water", "kit", "socks"}
    | {"hat", "gloves", "aids", "snack", "money", "bag"}
)
DATE_WORDS = MONTHS | DAYS
# How a child arrives when no one has got them ready: "sent to school hungry".
SENT_IN_A_STATE = frozenset(
    {"hungry", "cold", "dirty", "unwashed", "smelly", "unkempt", "soiled", "wet", "filthy"}
    | {"ill", "unwell", "poorly", "sick", "tired", "exhausted", "starving"}
)
# What a child wears, which says nothing unless its state is given: "in the same clothes", "with
# a full nappy" (not "in freshly washed clothes").
WORN = frozenset({"clothes", "uniform", "nappy", "clothing"})
UNWASHED = frozenset(
    {"dirty", "same", "soiled", "wet", "smelly", "stained", "unwashed", "full", "torn", "damp"}
    | {"filthy", "wrong"}
)
# What a child is sent to school in or with when no one has seen to it.
UNCARED_FOR = frozenset(
    {
        "lice",
        "louse",
        "nit",
        "nits",
        "clothes",
        "uniform",
        "pyjamas",
        "nappy",
        "rash",
        "sore",
        "sores",
    }
    | {"toothache", "temperature", "fever"}
)


FOUND = frozenset({"find", "discover", "see", "notice", "observe", "note"})
# What carers do for a child; done to a child in the passive, they hide who does (or fails
# to do) them, though for an adult they are ordinary or official ("Mum was given a warning").
CARE_ACTS = frozenset(
    {
        "give",
        "bring",
        "wake",
        "wash",
        "feed",
        "bath",
        "bathe",
        "move",
        "send",
        "take",
        "leave",
        "put",
        "collect",
        "pick",
        "fetch",
        "settle",
        "walk",
        "monitor",  # "Jayden's oxygen was not monitored overnight"
        "check",
        "provide",  # "Ethan's meals have been provided every weekday"
    }
)


# What is renewed for a child, and hides whose job it was when it is not done.
RENEWED = frozenset({"change", "replace", "refill", "renew"})
# "Lily-Mae's inhaler has been given every day": the care itself, so whose care is it?
GIVEN_CARE = frozenset(
    {"give", "check", "monitor", "connect", "administer", "apply", "put", "treat", "comb"}
)


def _not_a_feed(token: Any) -> bool:
    """ "a bottle of wine", "a water bottle": a bottle that is not a baby's feed."""
    return token.lemma_.lower() in ("bottle", "bottles") and any(
        c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children
    )


def _childs_own_need(subject: Any, needs: frozenset[str] = MEDICINES) -> bool:
    """ "Reuben's tablets", "Darius's feed": a child's medicine or feed (not "Mum's tablets")."""
    if subject.lemma_.lower() not in needs and subject.lower_ not in needs:
        return False
    if any(c.lower_ in ("methadone", "subutex", "buprenorphine") for c in subject.children):
        return False  # "Jade's methadone dose": a parent's treatment
    f = facts(subject.doc)
    return any(
        c.dep_ == "poss"
        and (
            f.is_child(c)
            or _named_non_carer(c)
            # "Kofi (9) had a hypo after his lunchtime dose was given twice"
            or (c.lower_ in ("his", "her", "their") and pronoun_means_a_child(c))
        )
        for c in subject.children
    )


# Where a danger is told: "there is a likelihood of further harm to Jaden".
FURTHER_HARM_SECTIONS = frozenset({"danger_statement", "worry"})
FURTHER_HARM = "this names harm to come but not who could do it"


def _someone_behind_it(harm: Any) -> bool:
    """Whether the sentence names someone who would be behind the harm: "from Dad", "due to
    Mr Campbell's chastisement", "because of Dad's temper", "because Lee has been released"
    (not the child it would happen to, the worried professionals, a place, nor a condition:
    "Dad's history", "Mum's depression")."""
    f = facts(harm.doc)
    sentence = harm.sent
    for t in sentence:
        if t.lower_ == "from" and t.i > harm.i and any(is_person(o) for o in t.children):
            return True
        if (
            t.dep_ == "poss"
            and t.pos_ != "PRON"
            and is_person(t)
            and t.lemma_.lower() not in words("professional_roles")
            and not (f.is_child(t) or is_child_token(t))
            # a doing or a person ("Dad's outbursts", "Dad's new partner"), not a condition,
            # a place or a view ("Mum's depression", "her home", "the worker's view")
            and (
                is_person(t.head)
                or (
                    t.head.lemma_.lower() not in words("condition_nouns") - OWNED_TEMPERS
                    and t.head.lemma_.lower() not in NOT_BEHIND_HARM
                )
            )
        ):
            return True
    return any(
        c.subject is not None
        and is_person(c.subject)
        and c.subject.lemma_.lower() not in words("professional_roles")
        and not (f.is_child(c.subject) or is_child_token(c.subject))
        and (
            (not c.passive and c.lemma not in FURTHER_HARM_FRAMES)
            # "because Lee has been released from prison" (not "Mum has been told that ...")
            or (
                c.passive
                and c.verb.dep_ == "advcl"
                and any(m.dep_ == "mark" for m in c.verb.children)
            )
        )
        for c in f.clauses
        if c.verb.sent == sentence
    )


# Conditions that are a person's doing when behind harm: "because of Dad's temper".
OWNED_TEMPERS = frozenset({"temper", "anger"})
# What a person's possession can be without being behind the harm: "in her home".
NOT_BEHIND_HARM = frozenset(
    {"home", "house", "flat", "room", "bedroom", "view", "opinion", "assessment", "worry"}
    | {"lack", "presentation", "situation", "circumstances", "stress", "health"}
)


# The worrying and hedging that frame the danger, not someone acting in it.
FURTHER_HARM_FRAMES = frozenset(
    {"worry", "concern", "feel", "think", "believe", "remain", "continue", "be", "have"}
    | {"fear", "consider", "need", "suffer", "come"}
    # (explaining is no harm done: "neither parent has been able to offer an explanation")
    | {"offer", "give", "explain", "provide", "say", "tell"}
)
WITHDRAWAL = frozenset({"withdrawal", "withdrawals", "nas"})


def _a_babys_withdrawal(verb: Any, noun: Any) -> bool:
    """ "Baby suffered withdrawal", "Skye sustained withdrawal symptoms": the drugs someone took
    in pregnancy, told as what the baby went through (not "Mum experienced withdrawal", her
    own)."""
    if not (
        noun.lemma_.lower() in WITHDRAWAL
        or noun.lower_ in WITHDRAWAL
        or (
            noun.lemma_.lower() in ("symptom", "sign")
            and any(c.lower_ in WITHDRAWAL for c in noun.children)
        )
    ):
        return False
    f = facts(verb.doc)
    if any(
        c.subject is not None
        and is_carer_token(c.subject)
        and not c.passive
        and c.lemma in DRUG_TAKING
        and any(t.lemma_.lower() in DRUGS_TAKEN for t in c.verb.subtree)
        for c in f.clauses
        if c.verb.sent == verb.sent and c.verb != verb
    ):
        return False  # "Ivy suffered withdrawal after Mum used heroin": the doer is named
    # (a name alone could be the mother's, unless the baby's birth or ward is told:
    # "Kayleigh suffered withdrawal symptoms in prison", "... while she was pregnant")
    newborn = any(t.lemma_.lower() in NEWBORN or t.lower_ in NEWBORN for t in verb.sent)
    return any(
        c.dep_ == "nsubj"
        and (f.is_child(c) or is_child_token(c) or (newborn and _named_non_carer(c)))
        and not is_carer_token(c)
        for c in verb.children
    )


# Words that make a name the baby's ("born", "the neonatal unit"; not "after giving birth",
# said of the mother).
NEWBORN = frozenset({"born", "newborn", "neonatal", "nicu", "scbu", "nnu"})
# A carer's drug use named in the sentence: "after Mum used heroin".
DRUG_TAKING = frozenset({"use", "inject", "smoke", "snort", "take", "drink"})
DRUGS_TAKEN = SUBSTANCES | {"methadone"}


def _is_injury(subject: Any) -> bool:
    """ "Bruising", "burns", "a fracture" (but not "no injuries")."""
    harm = words("harm_nouns")
    if subject.pos_ == "PROPN" and not subject.lower_.endswith("s"):
        return False  # "Mark was charged": a man called Mark; but "Burns were found"
    return (subject.lemma_.lower() in harm or subject.lower_ in harm) and not any(
        c.lower_ in ("no", "any") for c in subject.children
    )


# Where or how a person is held down: "on the floor", "in a headlock", "against the wall" (not
# "held on the bed while Mum changed her nappy").
RESTRAINT_PLACES = frozenset({"floor", "ground", "wall", "headlock", "armlock", "chokehold"})
# Holding a child still for care: "held down for her blood test".
CARE_HOLDS = frozenset({"test", "injection", "jab", "vaccination", "scan", "procedure", "check"})


def _held_down(verb: Any) -> bool:
    """ "held down", "held on the floor", "held in a headlock", "held too tightly": a person
    restrained (not "held at the family centre", "held in prison", "held up at work", a baby
    "held tightly" in comfort or "held down for her blood test")."""
    if any(
        p.lower_ == "for"
        and any(o.lemma_.lower() in CARE_HOLDS for o in p.subtree if o.dep_ in ("pobj", "compound"))
        for p in verb.children
    ):
        return False
    for c in verb.children:
        if c.dep_ == "prt" and c.lower_ == "down":
            return True
        if (
            c.dep_ == "advmod"
            and c.lower_ in ("tightly", "tight", "hard")
            and any(g.lower_ in ("too", "so") for g in c.children)
        ):
            return True  # "held too tightly", "held so hard"
        if (
            c.dep_ == "prep"
            and c.lower_ in ("on", "in", "against", "to")
            and any(o.dep_ == "pobj" and o.lemma_.lower() in RESTRAINT_PLACES for o in c.children)
        ):
            return True
    return False


def _used_as(verb: Any) -> bool:
    """ "used as an interpreter", "used to hold drugs" (but not "got used to it")."""
    return any(
        (c.dep_ == "prep" and c.lower_ == "as")
        or (c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children))
        for c in verb.children
    )


def _found_injured(verb: Any) -> bool:
    """ "seen with bruises", "noted to have a bruise to his left ear"."""
    harm = words("harm_nouns")
    if any(
        p.dep_ == "prep"
        and p.lower_ == "with"
        and any(o.lemma_.lower() in harm or _injured_part(o) for o in p.children)
        for p in verb.children
    ):
        return True
    return any(
        x.dep_ == "xcomp"
        and x.lemma_ == "have"
        and any(
            # ("found to have bruising to her ear": the parse may make "bruising" a verb)
            o.dep_ in ("dobj", "xcomp", "ccomp")
            and any(
                t.lemma_.lower() in harm or t.lower_ in harm or _injured_part(t)
                for t in (o, *(c for c in o.children if c.dep_ == "conj"))
            )
            for o in x.children
        )
        for x in verb.children
    )


# What an unwatched child is found doing: "found wandering", "found crying in the street".
UNWATCHED_ACTS = frozenset({"wander", "cry", "roam", "shiver", "scream"})


def _found_neglected(verb: Any) -> bool:
    """ "found unsupervised", "found alone", "found wandering" (but "seen alone" is how a
    worker talks to a child without the parents there)."""
    states = words("neglected_states")
    # "found wandering (alone) on the main road": nobody was watching the child
    wandering = [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "oprd") and c.lemma_.lower() in UNWATCHED_ACTS
    ] + [  # ("found by a neighbour wandering on the landing": the parse gives it to the finder)
        w
        for a in verb.children
        if a.dep_ == "agent"
        for o in a.children
        for w in o.children
        if w.dep_ == "acl" and w.tag_ == "VBG" and w.lemma_.lower() in UNWATCHED_ACTS
    ]
    return (
        bool(wandering)
        or any(
            c.dep_ in ("oprd", "acomp", "advmod")
            and c.lower_ in states
            and not (verb.lemma_.lower() == "see" and c.lower_ == "alone")
            for c in verb.children
        )
        or _found_in_a_bad_way(verb)
    )


# How a child left uncared for is found: "found asleep on the stairs", "found wedged between
# the mattress and the wall"; and the state of where, or with what: "in a wet cot", "with a
# dirty nappy", "in a locked bedroom", "in poor home conditions".
FOUND_LYING = frozenset({"asleep", "sleep", "wedge", "trap", "stick"})
# Where nobody should find a child asleep: "on the stairs", "on the floor".
NO_PLACE_TO_SLEEP = frozenset(
    {"stair", "stairs", "floor", "landing", "doorstep", "step", "steps", "street", "pavement"}
    | {"road", "corridor", "mattress", "ground", "grass", "concrete", "tiles"}
)
NEGLECTED_SCENE = frozenset(
    {"wet", "soiled", "dirty", "filthy", "full", "locked", "cold", "poor", "unheated", "bare"}
)


def _found_in_a_bad_way(verb: Any) -> bool:
    """Someone other than a carer ("Dad was found asleep" is his own state) found in a state
    nobody should have left a child in: asleep on the stairs, wedged behind the bed, in a wet
    cot. (A name alone may be an adult's, so a place is asked for, not "asleep on the sofa".)"""
    if verb.lemma_.lower() not in ("find", "discover") or not any(
        c.dep_ == "nsubjpass"
        and is_person(c)
        and not is_carer_token(c)
        and c.lemma_.lower() not in words("other_people")
        for c in verb.children
    ):
        return False
    for c in verb.children:
        if c.dep_ in ("oprd", "xcomp", "acomp") and c.lemma_.lower() in FOUND_LYING:
            # (behind the sofa, on the stairs: not "found asleep in her cot" or "on the sofa")
            return any(
                p.dep_ == "prep"
                and (
                    p.lower_ in ("behind", "under", "between")
                    or (
                        p.lower_ == "on"
                        and any(o.lemma_.lower() in NO_PLACE_TO_SLEEP for o in p.children)
                    )
                )
                for p in (*c.children, *verb.children)
            )
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "with")
            and any(
                a.dep_ == "amod" and a.lower_ in NEGLECTED_SCENE
                for o in c.children
                if o.dep_ == "pobj"
                for a in o.children
            )
        ):
            return True
    return False


def _carer_acts(doc: Any, sufferer: Any) -> bool:
    """Someone other than a child is the subject of an active verb in the statement (not the
    one who would suffer, whose name may have no age beside it, nor anyone who only worries or
    thinks: "Professionals are concerned that Reuben will suffer further harm")."""
    f = facts(doc)
    own = next((c.subject for c in f.clauses if c.verb == sufferer), None)
    professional = words("professional_roles")
    # worrying and thinking are not acts ("Gran is worried that ...", "Mum thinks that ...")
    worrying = words("worry_words") | {"feel"}
    return any(
        c.subject is not None
        and not c.passive
        and c.verb.pos_ == "VERB"
        and c.verb != sufferer
        and is_person(c.subject)
        and not f.is_child(c.subject)
        and c.subject.lower_ not in ("we", "i")
        and not (own is not None and c.subject.lower_ == own.lower_)
        and c.lemma not in worrying
        for c in f.clauses
    ) or any(
        # the parse may lose a clause's subject ("should Mr Ahmed recommence ..., he may not
        # supervise Zara"), or the doer is in a "by" phrase ("drawn back in by the same men");
        # but a pronoun counts only acting on a person, as it may be the one who would suffer
        (
            (t.dep_ == "pobj" and t.head.dep_ == "agent")
            or (
                t.dep_ == "nsubj"
                and t.head.pos_ == "VERB"
                and t.head.lemma_.lower() not in worrying
                and (
                    t.pos_ != "PRON"
                    or any(c.dep_ == "dobj" and is_person(c) for c in t.head.children)
                )
            )
        )
        and is_person(t)
        and not f.is_child(t)
        and t.lower_ not in ("we", "i")
        and t.lemma_.lower() not in professional
        and not (own is not None and t.lower_ == own.lower_)
        for t in tokens(doc)
    )


def _adults_own(noun: Any) -> bool:
    """ "Dad's appointments", "Mum's tablets": something an adult owns."""
    return any(
        c.dep_ == "poss" and (is_carer_token(c) or c.lemma_.lower() in words("other_people"))
        for c in noun.children
    )


def _fire_set(verb: Any, subject: Any) -> bool:
    """ "a fire was started", "the fire was lit", "her bedroom will be set on fire"."""
    lemma = verb.lemma_.lower()
    if subject.lemma_.lower() in ("fire", "blaze") and lemma in ("start", "light", "set"):
        # (not "whenever the gas fire is lit" or "the fire is lit every evening": a heater or
        # a hearth; "a fire was lit in the bedroom" is someone's act)
        return not any(c.dep_ in ("compound", "amod") for c in subject.children) and (
            lemma != "light" or any(c.lower_ == "a" for c in subject.children)
        )
    return lemma == "set" and any(
        p.dep_ == "prep" and p.lower_ == "on" and any(o.lower_ == "fire" for o in p.children)
        for p in verb.children
    )


def _within_reach(verb: Any) -> bool:
    """ "left within reach", "left where you could reach them", "left accessible", or "left
    out" with a child in the sentence."""
    if any(
        t.lemma_.lower() in ("reach", "accessible", "access", "find", "get")
        for t in verb.subtree
        if t.i > verb.i
    ):
        return True
    return _particle(verb, "out", "around") and any(facts(verb.doc).is_child(t) for t in verb.sent)


def _child_got_it(verb: Any) -> bool:
    """ "Tobi found a used needle that had been left under the sofa cushion": the thing left
    is what a child then found, picked up or swallowed."""
    if verb.dep_ != "relcl":
        return False
    taker = verb.head.head
    f = facts(verb.doc)
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (f.is_child(c) or (c.pos_ == "PROPN" and is_person(c) and not is_carer_token(c)))
        for c in taker.children
    )


def _mentions_a_child(verb: Any) -> bool:
    """The thing's state is about a person in the statement: "her door was locked", "Kai's
    door was locked", "the door was locked and the twins could not get out" (but not "the
    back door was locked when I arrived", where only the writer is there)."""
    f = facts(verb.doc)
    subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subject is None and verb.dep_ == "xcomp" and verb.head.lemma_ == "need":
        # "Ellie's insulin needs to be given on time": the need's subject
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if (
        verb.doc.user_data.get("sos_section") == "house_of_worries"
        and subject is not None
        and subject.lemma_.lower() in EXITS
    ):
        return True  # "Jack worries about the time the door was locked": the child's worry
        # (not "the curtains are shut")
    own = _childs_own_words(verb)
    told = verb.doc.user_data.get("sos_section") == "words_and_pictures"  # "you" is the child
    if subject is not None and any(
        c.dep_ == "poss"
        and (is_person(c) or (own and c.lower_ in ("my", "our")) or (told and c.lower_ == "your"))
        and (own or told or c.lower_ not in ("my", "our", "your"))
        for c in subject.children
    ):
        return True  # ("my door gets locked" in a child's own words is the child's door)
    top = verb.head if verb.dep_ == "acl" else verb  # "a pattern of Mollie (9) being kept off"
    inside = [
        t
        for t in top.subtree
        if not any(a.dep_ in ("relcl", "ccomp") and a not in (verb, top) for a in _path(t, top))
    ]
    return any(f.is_child(t) for t in inside)


def _childs_own_words(token: Any) -> bool:
    """A house of worries, good things or dreams: "I", "my" and "our" are the child's."""
    return token.doc.user_data.get("sos_section") in HOUSES


# "Nobody gets hurt", "no one gets bullied": a person, unnamed.
ANYONE = frozenset({"nobody", "noone", "anybody", "anyone", "somebody", "someone", "everybody"})


def _anyone(noun: Any) -> bool:
    return noun.lower_ in ANYONE or (
        noun.lower_ == "one" and any(c.lower_ == "no" for c in noun.children)
    )


def _path(token: Any, top: Any) -> list[Any]:
    """The tokens from ``token`` up to (not including) ``top``."""
    out = []
    while token != top and token.head != token:
        out.append(token)
        token = token.head
    return out


# A child moved into care or away from family: someone decided it.
INTO_CARE = frozenset({"accommodate", "place", "separate", "remove"})


# The legal route of an agreed move into care: "accommodated under s20" ("section 20").
LEGAL_ROUTES = frozenset({"s20", "s.20", "section"})


def _moved_by_someone_unnamed(clause: Clause) -> bool:
    """A past move into care told as if nobody made it ("the siblings were separated when they
    were accommodated"), not a plan ("will be accommodated if"), a state ("has been
    accommodated since March") or a move whose decider is named ("the IRO decided you needed
    to be accommodated")."""
    verb = clause.verb
    if clause.modals or _planned(clause) or verb.dep_ == "xcomp":
        return False
    if any(c.lower_ == "since" for c in verb.subtree):
        return False
    if any(
        c.dep_ == "prep"
        and c.lower_ == "under"
        and any(o.lower_ in LEGAL_ROUTES for o in c.subtree if o != c)
        for c in verb.children
    ):
        # "accommodated under s20": the legal route, agreed with the parents (a story for a
        # child still says who decided: "you were accommodated under section 20")
        return verb.doc.user_data.get("sos_section") == "words_and_pictures"
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "in")
        and any(o.lower_ == "risk" for o in c.children)
        for c in verb.children
    ):
        return False  # "placed at risk": not a move
    return not any(
        t.pos_ == "VERB"
        and t != verb
        and any(
            c.dep_ == "nsubj" and is_person(c) and not facts(verb.doc).is_child(c)
            for c in t.children
        )
        for t in verb.sent
    )


def _planner_named(verb: Any) -> bool:
    """The "ensure" or "make sure" the passive hangs from has a person as its subject."""
    head = verb.head
    if head.lemma_.lower() not in ("ensure", "sure"):
        return False  # (not "keeps getting sent to her aunt's")
    for clause in facts(verb.doc).clauses:
        if clause.verb in (head, head.head) and clause.subject is not None:
            return is_person(clause.subject) and clause.subject.lower_ not in ("it", "this")
    return False


# Where a named person's being allowed to do something hides who allows it: the accounts, the
# plans and the safety (not the background, the strengths, the scale or the child's pages).
PERMISSION_SECTIONS = frozenset(
    {"harm", "worry", "danger_statement", "safety_goal", "needs_to_happen", "next_step"}
    | {"existing_safety", "working_well"}
)


def _under_a_rule(verb: Any) -> bool:
    """ "allowed to see the children under his bail conditions", "allowed to work under his
    visa": a rule says so; and "allowed home from hospital", the doctors' discharge."""
    return any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.subtree) or any(
        c.lower_ == "home" for c in verb.children
    )


def _asked_or_supposed(verb: Any) -> bool:
    """The clause is a question or a condition: "who is allowed to", "whether he is allowed
    to", "if Daniel is allowed to", "what hours Josh is allowed to work" (but not a "when" or
    "what" later in what is allowed: "allowed to work when he should be at school")."""
    asked = [t for t in verb.subtree if t.i < verb.i]
    if verb.dep_ == "relcl":
        asked += list(verb.head.children)  # "what hours Josh is allowed to work"
    if any(t.tag_ in ("WDT", "WP", "WRB") for t in asked):
        return True
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ("ask", "check", "confirm", "clarify"):
        return True  # "to ask ... Josh (15) is allowed to work"
    return any(
        c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless")
        for node in (verb, *verb.ancestors)
        for c in node.children
    )


def _in_plan(verb: Any) -> bool:
    head = verb.head
    if head.lemma_.lower() == "keep" and any(
        c.dep_ == "auxpass" and c.lower_ in ("getting", "being") for c in verb.children
    ):
        return False  # "her things keep getting sold": again and again, not a plan
    return head != verb and head.lemma_.lower() in (
        "check",
        "ensure",
        "make",
        "see",
        "keep",
        "sure",
    )


# Participles whose simple past differs ("Who gave Tegan ...", not "Who given Tegan").
IRREGULAR_PAST = {
    "given": "gave",
    "taken": "took",
    "seen": "saw",
    "shaken": "shook",
    "bitten": "bit",
    "beaten": "beat",
    "thrown": "threw",
    "driven": "drove",
    "forgotten": "forgot",
    "hidden": "hid",
    "spoken": "spoke",
    "shown": "showed",
    "stolen": "stole",
    "woken": "woke",
    "written": "wrote",
    "done": "did",
    "ridden": "rode",
    "forbidden": "forbade",
    "sworn": "swore",
    "torn": "tore",
    "broken": "broke",
    "frozen": "froze",
    "chosen": "chose",
}


OBJECT_FORMS = {"she": "her", "he": "him", "they": "them", "i": "me", "we": "us"}


def _noun_phrase(noun: Any) -> tuple[str, str]:
    """The noun with its determiner and close modifiers, not the clauses hung off it: as
    written ("The children") and as it reads inside a question ("Who left the children?",
    "Who shook her?")."""
    close = [c for c in noun.lefts if c.dep_ in ("det", "poss", "amod", "compound", "nummod")]
    words_ = sorted([t for c in close for t in c.subtree] + [noun], key=lambda t: t.i)
    written = "".join(t.text_with_ws for t in words_).strip()
    if written.lower() in OBJECT_FORMS:
        return written, OBJECT_FORMS[written.lower()]
    if words_[0].pos_ == "DET":
        return written, written[:1].lower() + written[1:]
    return written, written


def _past(verb: Any) -> str:
    return IRREGULAR_PAST.get(verb.lower_, verb.text)


def check_agentless_passive(context: CheckContext) -> Iterable[Hit]:
    for statement, doc in context.items:
        for clause in facts(doc).clauses:
            if not _passive_hides(clause):
                continue
            verb = clause.verb
            if statement.section not in HOUSES and not not_quoted(doc, verb.i, verb.i + 1):
                # "'The children are fed, clean and at school'": the speaker's own words, quoted
                # (but in the three houses a child's "'I got smacked'" still hides who did it)
                continue
            aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
            # (with its particle: "were made up", not "were made")
            prt = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
            if not prt and clause.lemma in LEFT_OUT and (on := _switched_on(verb)) is not None:
                prt = [on]  # "the cooker was left on all night": "on" read as a place
            start, end = _span(statement, [*aux, verb, *prt])
            said, subject = (
                _noun_phrase(clause.subject)
                if clause.subject is not None
                else ("someone", "someone")
            )
            written = statement.text[start - statement.start : end - statement.start]
            thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
            what = ""
            if (
                thing is not None
                and thing.lower_ not in REFLEXIVES
                and len(list(thing.subtree)) <= 5
            ):
                what = " " + "".join(t.text_with_ws for t in thing.subtree).strip()
            what = "".join(f" {p.lower_}" for p in prt) + what  # ("Who left the cooker on?")
            if clause.lemma == "do" and _done_to_someone(verb):
                # "what was done to her": the deed and the doer are both left out
                to = next(p for p in verb.children if p.dep_ == "prep" and p.lower_ == "to")
                whom = "".join(t.text_with_ws for t in to.subtree).strip()
                message = f"“{written} {whom}” does not say who did it, or what they did"
                ask = "Say who did what, or that the child has not said who."
            elif clause.agent_person is not None:
                # "collected by a safe adult": which adult?
                by = "".join(t.text_with_ws for t in clause.agent_person.subtree).strip()
                message = f"“{said} {written} by {by}” does not name who will do it"
                ask = f"Name the person: “[name] will {clause.lemma} {subject}{what}”."
            elif clause.lemma in FOUND and _found_neglected(verb):
                # "Ethan (3) was found wandering": the finder is not the point
                message = f"“{said} {written}” … does not say who left {subject} unwatched"
                ask = f"Who was meant to be looking after {subject}, and where were they?"
            elif (clause.lemma in FOUND and _found_injured(verb)) or (
                clause.subject is not None and _is_injury(clause.subject)
            ):
                # "Freddie has been seen with bruises", "Bruising was noted": who caused it?
                message = f"“{said} {written}” … does not say who caused the injury"
                ask = "Who caused the injury, or what account has each carer given?"
            elif clause.negated:
                # "Tegan is not being given her tablets": whose job was it?
                message = f"“{said} {written}” does not say who should have done it"
                ask = f"Who was meant to {clause.lemma} {subject}{what}? Name them."
            else:
                # "Mia was hit": who did it; "Jayden could be hit again": who might (a danger);
                # "Tyrese will be taken to the GP": who will (a plan)
                modal = (
                    "might"
                    if clause.modals & POSSIBILITY_MODALS
                    else ("will" if _planned(clause) else "")
                )
                act = f"{modal} {clause.lemma}" if modal else _past(verb)
                doing = f"{modal} do it" if modal else "did it"
                message = f"“{said} {written}” does not say who {doing}"
                ask = f"Who {act} {subject}{what}? Write “[who] {act} {subject}{what}”."
            yield Hit(start, end, message=message, suggestions=(Suggestion(ask, safe=False),))


# What a child may be told she is: "Leah was told she was a disgrace".
INSULTS = frozenset(
    {"disgrace", "stupid", "useless", "worthless", "fat", "ugly", "slag", "slut", "liar"}
    | {"waste", "burden", "mistake", "thick", "idiot", "pathetic", "lazy", "evil", "failure"}
    | {"embarrassment", "freak", "horrible", "disgusting", "nothing"}
)


def _told_insult(verb: Any) -> bool:
    """ "was told she was a disgrace", "gets told he is useless": a name thrown at a person
    (not "was told she was going home")."""
    return any(
        c.dep_ == "ccomp"
        and c.lemma_ == "be"
        and not any(n.dep_ == "neg" for n in c.children)  # (not "told she was not stupid")
        # the insult is about the person told ("she", "he", "you"), not "the referral"
        and any(n.dep_ == "nsubj" and n.lower_ in TOLD_ABOUT for n in c.children)
        and any(a.dep_ in ("attr", "acomp") and a.lemma_.lower() in INSULTS for a in c.children)
        for c in verb.children
    )


TOLD_ABOUT = frozenset({"she", "he", "they", "i", "you", "we"})


# What only hides a doer after "there was": "there was a domestic at the flat", "there was
# damage to the property" (not "left with brain damage", an outcome).
THERE_WAS_HARM = frozenset({"domestic", "damage", "disturbance", "scuffle", "brawl"})


def _someone_acts_there(noun: Any) -> bool:
    """ "There was some damage to the car when Mum reversed into the gate": the doer is named
    in the sentence; and "storm damage", "water damage" name a cause, not a hidden person.
    (Any person acting counts, not only a harm verb as in ``_sentence_has_actor``: reversing
    into a gate did the damage.)"""
    if any(c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" for c in noun.children):
        return True
    sentence = noun.sent
    return any(
        not c.passive and c.verb.sent == sentence and c.subject is not None and is_person(c.subject)
        for c in facts(noun.doc).clauses
    )


def _nominal_hits(doc: Any) -> Iterable[tuple[list[Any], str]]:
    harm_nouns = words("harm_nouns")
    for token in tokens(doc):
        lemma = token.lemma_.lower()
        # (read once: each attribute read looks its string up again, and every test below
        # reads them for every token)
        dep, tag, lower = token.dep_, token.tag_, token.lower_
        # "There was an incident of domestic abuse"
        if dep == "expl" and token.head.lemma_ == "be":
            for child in _existents(token.head):
                if (
                    (
                        child.lemma_.lower() in harm_nouns
                        or child.lower_ in harm_nouns
                        or (child.lower_ in THERE_WAS_HARM and not _someone_acts_there(child))
                        or (child.lower_.endswith("ing") and bool(_verb_forms(child) & ARGUING))
                    )
                    and not _has_doer(child)
                    and (
                        not any(c.lower_ in ("no", "any") for c in child.children)
                        or _no_more(token)  # "There will be no more fighting"
                    )
                    # (not "there have been fewer incidents": a count going down)
                    and not any(c.lower_ == "fewer" for c in child.children)
                ) or _trouble_at_home(child):
                    yield [token, token.head, child], "“There was …” hides who did what"
        # "the bruising was non-accidental": someone caused it, and the sentence does not say who
        if (
            lower == "accidental"
            and token.i > 0
            and (
                doc[token.i - 1].lower_ in ("non", "non-")
                or (
                    token.i > 1
                    and doc[token.i - 1].text == "-"
                    and doc[token.i - 2].lower_ == "non"
                )
            )
            and not _sentence_has_actor(token)
        ):
            first = doc[token.i - 1] if doc[token.i - 1].lower_ != "-" else doc[token.i - 2]
            yield [first, token], "“non-accidental” says someone caused it without saying who"
        # "there is sometimes shouting" (the parse makes "shouting" the verb)
        if (
            dep == "expl"
            and token.head.tag_ == "VBG"
            and _verb_forms(token.head) & ARGUING
            and not any(c.dep_ in ("nsubj", "agent") for c in token.head.children)
            and not any(c.dep_ == "neg" or c.lower_ == "no" for c in token.head.children)
        ):
            yield [token, token.head], "“There was …” hides who did what"
        # "Mia sustained a fracture", "the children witnessed domestic abuse"
        # "Luca sustained bruising" (the tagger may read "bruising" as a verb); "your brother
        # got a broken leg"
        got_hurt = (
            lemma == "get"
            and token.pos_ == "VERB"
            # (not "when Daddy gets the belt out": the adult fetching it)
            and not any(c.dep_ == "prt" for c in token.children)
            and not any(
                c.dep_ == "nsubj"
                and (is_carer_token(c) or c.lemma_.lower() in words("other_people"))
                for c in token.children
            )
        )
        if token.pos_ == "VERB" and (lemma in words("hiding_verbs") or got_hurt):
            suffered = list(token.children)
            if dep == "relcl" and not any(c.dep_ == "dobj" for c in suffered):
                suffered.append(token.head)  # "the beating Oscar received"
            for child in suffered:
                if (
                    (
                        child.dep_ == "dobj"
                        or child == token.head
                        or (child.dep_ == "xcomp" and child.lower_ in harm_nouns)
                        # ("Rosie has suffered neglect", the noun misread as an adverb)
                        or (child.dep_ == "advmod" and child.pos_ == "NOUN")
                    )
                    and (
                        _injured_part(child)
                        or (
                            _an_injury(child)
                            if got_hurt
                            else (
                                child.lemma_.lower() in harm_nouns
                                or child.lower_ in harm_nouns
                                or _abuse_nominal(child)
                                or _a_babys_withdrawal(token, child)
                            )
                        )
                    )
                    and not _has_doer(child)
                    and not _has_doer(token)  # "got a hiding off his dad"
                    and not _sentence_has_actor(token)
                    and not _after_an_act_on(token)
                    and not _owned_cause(token)
                    and not _accident_or_other_actor(token, got_hurt)
                ):
                    yield [token, child], "this says what the child went through, not who did it"
        # "following the assault", "due to ongoing domestic abuse", "Mum was a victim of abuse"
        if (
            lemma in DOER_NOUNS
            # (an acronym in capitals: "Da takes Kai to football" is a Scottish dad)
            and (lemma not in ACRONYM_DOERS or token.text.isupper())
            and not _used_as_verb(token)  # not "might ... assault Mum"
            and (
                dep in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj")
                # "underweight due to neglect", "Due to neglect, ..." (the parse may hang the
                # noun as a complement)
                or (dep in ("acomp", "pcomp") and token.i > 0 and doc[token.i - 1].lower_ == "to")
                # ("weight has dropped due to neglect", however the parse hangs it; not "has
                # led to neglect")
                or (
                    token.pos_ == "NOUN"
                    and token.i > 1
                    and doc[token.i - 1].lower_ == "to"
                    and doc[token.i - 2].lower_ in ("due", "owing")
                )
                # "Ongoing neglect of the children's needs." as a whole note
                or (dep == "ROOT" and token.pos_ == "NOUN" and lemma in HARMS_SUFFERED)
                # "Historic DV in the home." as a whole note
                or (dep == "ROOT" and lower in ABUSE_ACRONYMS)
                # "a DV incident", "a history of DV" (the tagger hangs acronyms as modifiers,
                # and "DV and mental health issues" as an adjective)
                or (
                    (dep in ("compound", "nmod") or (dep == "amod" and lower in ABUSE_ACRONYMS))
                    and token.head.pos_ in ("NOUN", "PROPN")
                    # "Mum's DA perpetrator" names the doer
                    and token.head.lemma_.lower() not in words("other_people")
                )
            )
            and not _has_doer(token)
            and not any(c.lower_ in ("no", "any") for c in token.children)
            and not _about_an_offence(token)
            # "child abuse images", "abuse material": a kind of image, named as an offence
            and not (dep in ("compound", "nmod") and token.head.lemma_.lower() in ABUSE_MATERIAL)
            # "Maisie is vulnerable to exploitation": a danger named, not harm that happened
            and not (
                dep == "pobj"
                and token.head.lower_ == "to"
                and token.head.head.lower_ in ("vulnerable", "susceptible")
            )
            and not _sentence_has_actor(token)
            and not _object_of_a_doer(token)
        ):
            yield [token], "this names the abuse but not who did it"
        # "a likelihood of further harm to Jaden", "may come to further harm": harm to come,
        # with no one named who would do it
        if (
            lemma == "harm"
            and token.pos_ == "NOUN"
            and dep in ("pobj", "dobj")
            and any(c.dep_ == "amod" and c.lower_ == "further" for c in token.children)
            and doc.user_data.get("sos_section") in FURTHER_HARM_SECTIONS
            and not _has_doer(token)
            and not _someone_behind_it(token)
        ):
            yield [token], FURTHER_HARM
        # "Lexi had her hair cut off", "Kuba will not have his needs met": the causative
        # have/get hides who did it
        if (
            dep in ("ccomp", "xcomp", "oprd")
            and token.head.lemma_.lower() in ("have", "get")
            and token.i > token.head.i  # (not "Aaron hit Lacey ...; Lacey had a cut")
            and _participle(token)
            # (not "Ruby has not cut herself", a perfect tense the parse hung on "had")
            and not any(c.dep_ == "aux" or c.lower_ in REFLEXIVES for c in token.children)
            and not any(c.dep_ == "nsubj" and is_person(c) for c in token.children)
            and token.head.pos_ == "VERB"
            and any(
                c.dep_ in ("nsubj", "dobj") or (c.dep_ == "compound" and c.pos_ == "NOUN")
                for c in token.children
            )  # ("had his phone smashed": the tagger may hang "phone" as a compound)
            and lemma not in words("official_passive_verbs")
            and lemma not in JOBS_DONE | OPERATIONS
            and lemma not in CHILDS_OWN_NOISE  # ("... bruises and Harley screamed", misparsed)
            # "Marcus ... has the twins' nursery bags packed the night before": his own doing
            and not (
                doc.user_data.get("sos_section") in SAFETY_SECTIONS
                and lemma not in words("harm_verbs")
            )
            and not any(c.dep_ == "agent" for c in token.children)
            # (not "have it not hurt": a wish that something will not hurt; but "had it shoved
            # in her face" hides who)
            and not (
                lemma in ("hurt", "ache", "sting")
                and any(c.dep_ in ("nsubj", "dobj") and c.lower_ == "it" for c in token.children)
            )
        ):
            yield [token.head, token], "this hides who did it"
        # "feels unsafe when exposed to parental conflict", "if left alone": a reduced passive
        if (
            tag == "VBN"
            and dep == "advcl"
            and lemma in words("harm_verbs")
            and any(c.lower_ in ("when", "whenever", "if", "once") for c in token.children)
            and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in token.children
            )
            # (not "if left alone with Kai, Dad might hit him": Dad is who would be left)
            and not any(
                c.dep_ == "nsubj"
                and (is_carer_token(c) or c.lemma_.lower() in words("other_people"))
                for c in token.head.children
            )
        ):
            yield [token], "this hides who did it"
        # "Police found Alby left alone": a participle reporting what someone had done to him
        if (
            tag == "VBN"
            and dep in ("ccomp", "xcomp", "oprd")
            and lemma in words("harm_verbs")
            and token.head.lemma_.lower() in FOUND
            and not any(c.dep_ in ("agent", "aux", "auxpass") for c in token.children)
        ):
            yield [token], "this hides who did it"
        # "bruises caused by a belt", "bruising, sustained while in his parents' care": the
        # injury's cause given as a thing, or not at all
        if (
            dep == "acl"
            and tag == "VBN"
            and token.head.lemma_.lower() in harm_nouns
            and (lemma in words("hiding_verbs") or lemma == "cause")
            and not any(
                c.dep_ == "agent" and any(is_person(x) for x in c.subtree) for c in token.children
            )
            and not _sentence_has_actor(token)
        ):
            yield [token.head, token], "this says how the child was hurt, not who did it"
        # "Some bad things happened at Dad's house", "something happened to Lily": someone
        # did something, and the statement tells the child or family neither what nor who
        if (
            token.pos_ == "VERB"
            and (
                lemma == "happen"
                or (
                    lemma == "go"
                    and any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children)
                )
            )
            and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in ("thing", "stuff", "something")
                for c in token.children
            )
            # what did happen, not a fear ("something bad will happen", "if something happens")
            and tag in ("VBD", "VBN")
            and not any(
                (c.dep_ == "aux" and c.tag_ == "MD")
                or (c.dep_ == "mark" and c.lower_ in ("if", "unless"))
                for c in token.children
            )
            and _something_bad(token)
            and not _sentence_has_actor(token)
        ):
            yield [token], "this says something happened but not who did it"
        # "he presented with marks": the injury arrives with no one who caused it
        if (
            token.pos_ == "VERB"
            and lemma == "present"
            and any(
                p.dep_ == "prep"
                and p.lower_ == "with"
                and any(o.lemma_.lower() in harm_nouns and not _has_doer(o) for o in p.children)
                for p in token.children
            )
            and not _sentence_has_actor(token)
        ):
            yield [token], "this says what the child went through, not who did it"
        # "a child left alone", "the bruises found on her arm": a reduced passive
        if (
            dep == "acl"
            and tag == "VBN"
            and (
                lemma in words("harm_verbs")
                or (lemma in FOUND and token.head.lemma_.lower() in harm_nouns)
            )
            and not any(c.dep_ == "agent" for c in token.children)
            and (
                is_child_token(token.head)
                or token.head.pos_ == "PROPN"
                or token.head.lemma_.lower() in harm_nouns
            )
            and not any(c.lower_ in ("no", "any") for c in token.head.children)
            # (not "When Daddy shouts my ears hurt": the ears hurting, the parse gone astray)
            and not (token.i > 0 and doc[token.i - 1].lemma_.lower() in BODY)
        ):
            yield [token.head, token], "this hides who did it"
        # "When the shouting starts", "the hitting has stopped": harm made a noun, no doer
        if (
            tag in ("VBG", "NN")
            and lower.endswith("ing")
            and _verb_forms(token) & words("harm_verbs")
            and dep in ("nsubj", "dobj", "pobj", "ROOT")
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and not _has_doer(token)
            and not _someone_acts(token)
            and not _sentence_has_actor(token)  # (nor the act just told, with its doer)
        ):
            yield [token], "this names what was done but not who did it"
        # "the smacking of Frankie": a harm verb made a noun, with the child but not the doer
        if (
            tag in ("VBG", "NN")
            and _verb_forms(token) & words("harm_verbs")
            and dep in ("nsubj", "dobj", "pobj", "attr", "ROOT")
            and any(
                p.lower_ == "of" and any(is_person(x) for x in p.children) for p in token.children
            )
            and not _has_doer(token)
        ):
            yield [token], "this names what was done but not who did it"
        # "Kwame has been subject to CCE", "subject to emotional harm": who did it?
        if (
            lower == "subject"
            and token.pos_ == "ADJ"
            and token.head.lemma_ == "be"
            and not _phrase_names_agent(token)
        ):
            for prep in token.children:
                harms = [
                    o
                    for o in prep.children
                    if prep.lower_ == "to"
                    and (o.lemma_.lower() in harm_nouns or o.lower_ in SUBJECTED_TO)
                ]
                if harms:
                    yield [token, prep, harms[0]], "this names the harm but not who did it"
        # "exposure to domestic abuse"
        if lemma == "exposure" and not _has_doer(token, possessive=False):
            yield [token], "“exposure to …” hides who did what"
        # "An injury was sustained"
        if (
            dep == "nsubjpass"
            and lemma in harm_nouns
            and token.head.lemma_ in words("hiding_verbs")
        ):
            yield [token, token.head], "this hides who caused the injury"


QUANTITIES = frozenset({"lot", "lots", "plenty", "number", "couple", "amount", "deal"})
ARGUING = frozenset({"shout", "scream", "argue", "fight", "hit", "swear", "bang"})


def _existents(be: Any) -> Iterable[Any]:
    """What "there is/was" says exists: "there was shouting", "there were lots of rows"."""
    for child in be.children:
        if child.dep_ == "acomp" and child.tag_ == "VBG":
            yield child  # "there will be no more shouting" (the parse makes it a verb)
            continue
        if child.dep_ not in ("attr", "nsubj"):
            continue
        if child.lower_ in QUANTITIES:
            for prep in child.children:
                if prep.lower_ == "of":
                    yield from (o for o in prep.children if o.dep_ == "pobj")
        else:
            yield child


def _looks_like_a_participle(verb: Any) -> bool:
    """Whether a word tagged a past participle has a participle's form ("hurt", "left",
    "smacked"; not "hypo")."""
    if verb.tag_ != "VBN" or verb.lower_.endswith(("ed", "en", "wn", "ne", "t", "d")):
        return True
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.text == "-":
        return True  # "re-traumatised", split at the hyphen
    # ("Isla's arm was broke": the simple past said for the participle)
    return _inflected_as(verb, "VBN", "VBD")


def _inflected_as(token: Any, *tags: str) -> bool:
    """Whether the word is its lemma's form for one of these tags ("taken" for VBN)."""
    from lemminflect import getInflection

    lemma = token.lemma_.lower()
    return any(token.lower_ in getInflection(lemma, tag=tag) for tag in tags)


def _participle(token: Any) -> bool:
    """A past participle, including the ones the tagger reads as a base form because they
    look the same ("had her hair cut off", "got his phone taken")."""
    if token.tag_ == "VBN":
        return True
    if token.tag_ not in ("VB", "VBD") or token.pos_ != "VERB":
        return False
    return _inflected_as(token, "VBN")


def _verb_forms(token: Any) -> set[str]:
    """The verb a word may come from: "smacking" (tagged a noun, lemma "smacking") is
    "smack"; "slapping" is "slap"; "shaking" is "shake"."""
    lemma = token.lemma_.lower()
    text = token.lower_
    forms = {lemma}
    if text.endswith("ing") and len(text) > 5:
        stem = text[:-3]
        forms |= {stem, stem + "e"}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.add(stem[:-1])
    return forms


DOER_NOUNS = frozenset(
    {
        "abuse",
        "violence",
        "assault",
        "neglect",
        "maltreatment",
        "cruelty",
        "chastisement",
        "mistreatment",
        "exploitation",
        "beating",
        "dv",
        "da",
        "nai",
        "dva",
    }
)
OFFENCE_WORDS = frozenset(
    {
        "convict",
        "conviction",
        "charge",
        "arrest",
        "caution",
        "sentence",
        "prison",
        "jail",
        "offence",
        "offense",
        "record",
        "programme",
        "course",
        "service",
        "group",
        "worker",
        "team",
        "support",
        "refuge",
        "helpline",
        "awareness",
        "category",
        "threshold",
        "register",
        "conference",
    }
)


# What an abuse word may name a kind of: "child abuse images", "abuse material".
ABUSE_MATERIAL = frozenset({"image", "imagery", "material", "video", "picture", "photo"})

# Injuries someone can "get" (not "get a good mark" or "get into an argument").
INJURIES = frozenset(
    {"bruise", "bruises", "bruising", "burn", "burns", "cut", "cuts", "fracture", "fractures"}
    | {"injury", "injuries", "scald", "wound", "wounds", "swelling", "bite", "head injury"}
    | {"mark", "marks"}
)
ACCIDENTS = frozenset({"fall", "trip", "slip", "crash", "collide"})
HARMS_SUFFERED = frozenset({"neglect", "abuse", "violence", "maltreatment", "cruelty"})
# Abuse named by its acronym, which counts only in capitals (a Scottish or Irish "Da" is a
# dad): "Historic DV in the home", "a DA incident".
ABUSE_ACRONYMS = frozenset({"dv", "da", "dva"})
ACRONYM_DOERS = ABUSE_ACRONYMS | {"nai"}


def _accident_or_other_actor(verb: Any, got: bool) -> bool:
    """ "fell off his bike and got a cut": an accident; "got the burn when Lee held it to the
    radiator": someone else in the sentence did it (not "he says he gets the belt")."""
    own = {c.lower_ for c in verb.children if c.dep_ == "nsubj"}
    for token in verb.sent:
        if token == verb or token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
            continue
        if token.lemma_.lower() in ACCIDENTS:
            return True
        if (
            got
            and token.lemma_.lower() not in REPORTING | {"tell", "explain"}
            # (someone acting in a "when"/"after" clause, not "and the doctors checked her")
            and (token.dep_ in ("advcl", "relcl") or token.lemma_.lower() in words("harm_verbs"))
            and any(
                c.dep_ == "nsubj" and is_person(c) and c.lower_ not in own for c in token.children
            )
        ):
            return True
    return False


SIZES = frozenset({"bad", "nasty", "big", "deep", "large", "small", "little", "serious"})


# What a child "gets" when someone hits them: "he gets the belt", "got a hiding".
BEATINGS = frozenset(
    {"belt", "slipper", "smack", "slap", "hiding", "beating", "kicking", "battering", "whack"}
    | {"thump", "punch", "clip", "cane", "strap", "wallop", "leathering"}
)


def _an_injury(noun: Any) -> bool:
    """ "a nasty cut", "bruises", "the belt" (but not "a key cut")."""
    if noun.lower_ in BEATINGS and not any(c.dep_ == "poss" for c in noun.children):
        return True  # (not "got his belt")
    return noun.lower_ in INJURIES and all(
        c.lower_ in INJURED | SIZES for c in noun.children if c.dep_ in ("amod", "compound")
    )


INJURED = frozenset(
    {
        "broken",
        "fractured",
        "bruised",
        "burnt",
        "burned",
        "cut",
        "split",
        "black",
        "swollen",
        "dislocated",
        "bleeding",
        "scalded",
        "torn",
    }
)


def _injured_part(noun: Any) -> bool:
    """ "a broken nose", "a black eye", "a fractured wrist": an injury named by its body part."""
    return noun.lemma_.lower() in BODY and any(c.lower_ in INJURED for c in noun.children)


def _someone_acts(token: Any) -> bool:
    """An adult is the subject of a verb in the sentence ("Mummy and Daddy may have been
    fighting when you heard the shouting"); the child's own "I" and "you" do not count."""
    doc = token.doc
    starts = doc.user_data.get("sos_adult_sentences")
    if starts is None:
        f = facts(doc)
        starts = {
            c.verb.sent.start
            for c in f.clauses
            if c.subject is not None
            and is_person(c.subject)
            and not f.is_child(c.subject)
            and c.subject.lower_ not in ("i", "you", "we", "me")
        }
        doc.user_data["sos_adult_sentences"] = starts
    return token.sent.start in starts


def _used_as_verb(token: Any) -> bool:
    doc = token.doc
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "dobj", "aux", "auxpass")
        # (not the "to" of "due to neglect", which the tagger may read as "to neglect")
        and not (c.lower_ == "to" and c.i > 0 and doc[c.i - 1].lower_ in ("due", "owing"))
        for c in token.children
    )


def _object_of_a_doer(token: Any) -> bool:
    """ "Leon has stopped using physical chastisement", "Gavin will perpetrate abuse": the
    person whose verb the abuse word is the object of is the doer. And "videos that praise
    violence": the abuse is what a thing is about, not something done."""
    if token.dep_ != "dobj" or token.head.lemma_.lower() in words("hiding_verbs"):
        return False  # ("Harley sustained an NAI": the one who sustains it is not the doer)
    verb = token.head
    if verb.dep_ == "relcl" and not is_person(verb.head):
        return True  # "videos that praise violence", "a film which shows abuse"
    for clause in facts(token.doc).clauses:
        if clause.verb == token.head:
            subject = clause.subject
            return subject is not None and is_person(subject) and not clause.passive
    return False


LEGAL_PLACES = frozenset({"prison", "jail", "custody", "court", "remand"})


def _about_an_offence(token: Any) -> bool:
    """ "a conviction for assault", "a domestic abuse support group", "sent to prison for
    assault": a fact about a court case or a service, not hidden harm."""
    for node in ancestors(token):
        if node.lemma_.lower() in OFFENCE_WORDS:
            return True
        if node.pos_ in ("VERB", "AUX") and any(
            o.dep_ == "pobj" and o.lemma_.lower() in LEGAL_PLACES
            for prep in node.children
            if prep.dep_ == "prep"
            for o in prep.children
        ):
            return True  # "sent to prison for assault"
    return False


def _abuse_nominal(token: Any) -> bool:
    phrase = " ".join(
        t.lower_ for t in token.subtree if t.dep_ in ("amod", "compound") or t is token
    )
    return token.lemma_.lower() in ("abuse", "violence", "neglect") or phrase in words(
        "abuse_nominals"
    )


WITNESSING = frozenset({"witness", "see", "hear", "observe", "notice", "report", "overhear"})


def _has_doer(noun: Any, possessive: bool = True) -> bool:
    """ "Dad's violence", "violence by Dad", "an argument between Mum and Dad", and "the use of
    chastisement by the parents" (the doer on the noun the abuse word hangs from)."""
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
        holders.append(noun.head.head)
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "to"
        and noun.head.head.lower_ in ("subject", "subjected")
        and _phrase_names_agent(noun.head.head)
    ):
        return True  # "subject to physical chastisement by mum's partner"
    return (
        any(_names_doer(h, possessive) for h in holders)
        or _told_in_relative(noun)
        or _own_history(noun)
    )


# What a person's own history is of, when it is theirs: "Dad has a history of violence".
OWN_VIOLENCE = frozenset({"violence", "aggression", "offending"})


def _own_history(noun: Any) -> bool:
    """ "Reece has a history of violence", "Dad's history of violence": the one whose history
    it is did it (not "a history of domestic violence", which leaves out between whom)."""
    if noun.lemma_.lower() not in OWN_VIOLENCE or noun.dep_ != "pobj":
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ == "domestic" for c in noun.children):
        return False
    history = noun.head.head
    if noun.head.lower_ != "of" or history.lemma_.lower() != "history":
        return False
    if any(
        p.dep_ == "prep" and any(o.lemma_.lower() in PARTNERSHIPS for o in p.children)
        for p in [*noun.children, *noun.head.head.children]
    ):
        return False  # "a history of violence in her relationships": done to her, or by whom?
    owner = next((c for c in history.children if c.dep_ == "poss"), None)
    if owner is None and history.head.lemma_.lower() == "have":
        owner = next((c for c in history.head.children if c.dep_ == "nsubj"), None)
    return (
        owner is not None
        and is_person(owner)
        # (not "the family has a history of violence": someone in it)
        and owner.lemma_.lower() not in GROUPS_OF_PEOPLE
    )


GROUPS_OF_PEOPLE = frozenset({"family", "household", "couple", "parent"})
PARTNERSHIPS = frozenset({"relationship", "partner", "marriage"})


def _told_in_relative(noun: Any) -> bool:
    """ "several incidents where Dad has held Kian down": the relative clause says who did
    it (not "an incident where Isla was dropped", nor "times when the children were alone")."""
    victim = any(p.lower_ == "of" and any(is_person(o) for o in p.children) for p in noun.children)
    return any(
        c.dep_ == "relcl"
        and c.pos_ == "VERB"
        and c.lemma_.lower() not in ("be", "have", "get")
        and not any(a.dep_ == "auxpass" for a in c.children)
        # the incident as the setting ("where", "when", "in which"), not what the clause is
        # about ("the neglect he experiences", "incidents which Dad is minimising")
        and any(
            a.lower_ in ("where", "when", "whereby")
            or (a.dep_ == "prep" and any(w.lower_ == "which" for w in a.children))
            for a in c.children
        )
        and any(
            s.dep_ == "nsubj"
            and is_person(s)
            and not refers_to_a_child(s)
            # ("the smacking of Rory when he wets himself": "he" is Rory)
            and not (s.pos_ == "PRON" and victim)
            for s in c.children
        )
        and _done_to_someone_there(c)
        for c in noun.children
    )


# What someone does at an incident that is not the harm itself: "where Mum rang 999", "in
# which Gran found bruises on Kai's back", "where Dad saw Kai being hit".
ONLOOKING = (
    WITNESSING
    | FOUND
    | {"watch", "call", "ring", "phone", "tell", "ask", "say", "text", "message", "come"}
    | {"arrive", "attend"}
)


def _done_to_someone_there(verb: Any) -> bool:
    """The relative clause's act is harm, or is done to a person: "held Kian down", "used
    restraint on Kian", "lashed out at the children"."""
    lemma = verb.lemma_.lower()
    if lemma in words("harm_verbs"):
        return True
    if lemma in ONLOOKING:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
    ]
    return any(is_person(o) for o in objects)


# Ordinary jobs a person gets done: "get my mocks done", "had his bike fixed".
JOBS_DONE = frozenset({"do", "finish", "fix", "mend", "repair", "sort", "service", "check"})
# What a hospital or clinic does: "has had both hips replaced", "had his teeth removed".
OPERATIONS = frozenset(
    {"replace", "fit", "test", "scan", "operate", "stitch", "plaster"}
    | {"vaccinate", "immunise", "immunize", "transplant", "amputate", "extract"}
)
# Abuse words that, owned ("his DV", "her violence"), can only be what the owner did.
PERPETRATED = frozenset({"dv", "da", "fdv", "violence", "aggression"})


def _names_doer(noun: Any, possessive: bool) -> bool:
    if any(c.dep_ == "amod" and c.lower_ in ("paternal", "maternal") for c in noun.children):
        return True  # "fearful of paternal chastisement": her father's
    for t in noun.subtree:
        if (
            possessive
            and t.dep_ == "poss"
            and t.head.i == noun.i
            and t.lower_ in ("his", "her", "their")
            and noun.lower_ in PERPETRATED
        ):
            return True  # "the impact of his DV": his own
        if possessive and t.dep_ == "poss" and is_person(t) and t.head.i == noun.i:
            if (
                noun.lemma_.lower() == "neglect"
                and (facts(t.doc).is_child(t) or has_age_after(t) or is_child_token(t))
                and not any(c.lower_ == "of" for c in noun.children)
            ):
                continue  # "Dylan's neglect": what Dylan went through, not what he did
            return True  # ("a burn to her forearm": the child's arm, not the doer's burn)
        if (
            t.lower_ in ("by", "from", "off")
            and _same_clause(t, noun)
            and any(is_person(x) for x in t.subtree)
            # ("incidents witnessed by the children": who saw it, not who did it)
            and not (t.lower_ == "by" and t.head.lemma_.lower() in WITNESSING)
        ):
            return True  # (but "a fight between Mum and Dad" still hides who hurt whom)
        if (
            t.lower_ == "of"
            and t.head.i == noun.i
            and any(c.dep_ in ("pobj", "pcomp") and _doer_of_gerund(c) for c in t.children)
        ):
            return True  # "incidents of Dad shouting at the children"
        if (
            t.lower_ == "of"
            and t.head.i == noun.i
            # (not "incidents of the children going without food": what they went through)
            and any(
                c.dep_ == "pobj" and is_person(c) and not refers_to_a_child(c) for c in t.children
            )
            and any(c.dep_ == "acl" and c.tag_ == "VBG" and c.i > t.i for c in noun.children)
        ):
            return True  # (the parse may hang the -ing on "incidents", not on "Dad")
    return False


def _same_clause(token: Any, top: Any) -> bool:
    """No other verb stands between ``token`` and ``top``: in "sustained a fracture and no
    explanation has been provided by the parents", the parents did not cause it."""
    node = token.head
    while node != top and node.head != node:
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "acl":
            return False  # (but "DA perpetrated by their father" is the noun's own phrase)
        node = node.head
    return True


def _doer_of_gerund(token: Any) -> bool:
    """ "Dad shouting": a person doing the -ing, however the parse hangs them."""
    if token.tag_ == "VBG" and any(c.dep_ == "nsubj" and is_person(c) for c in token.children):
        return True
    return is_person(token) and any(c.tag_ == "VBG" for c in token.children)


GOOD_WORDS = frozenset({"good", "nice", "fun", "great", "exciting", "funny", "lovely", "brilliant"})


def _something_bad(verb: Any) -> bool:
    """ "Something happened to Lily", "some bad things happened": to a person, or bad (not
    "something good happened at school", nor "something happened to the boiler")."""
    if verb.doc.user_data.get("sos_section") == "house_of_good_things":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and any(t.lower_ in GOOD_WORDS for t in subject.subtree):
        return False
    to = [
        o
        for p in verb.children
        if p.dep_ in ("prep", "dative") and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return not to or any(is_person(o) or is_child_token(o) for o in to)


def _sentence_has_actor(verb: Any) -> bool:
    if _adult_harms(verb.sent, besides=verb):
        return True
    # "Darren pushed Shona into the radiator ... Kian woke to the shouting": the event just
    # told, with its doer, pointed back to
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in verb.children
    ) and _adult_harms(verb.doc[: verb.sent.start])


def _owned_cause(verb: Any) -> bool:
    """ "Isha has suffered emotional harm as a result of her father's behaviour": the
    sentence says whose doing it was. (Not "as a result of Mum's depression", a condition,
    nor "her parents' volatile relationship", which still hides who did what to whom.)"""
    not_a_doing = words("condition_nouns") | {"lifestyle", "alcoholism", "drinking"}
    # (nor "his parents' domestic abuse", "their fighting": one of them, but which?)
    not_a_doing = not_a_doing | words("harm_nouns") | DOER_NOUNS
    return any(
        any(
            c.dep_ == "poss" and is_person(c) and c.tag_ != "NNS" and c.lower_ != "their"
            for c in cause.children
        )
        and cause.lemma_.lower() not in not_a_doing
        and cause.lower_ not in not_a_doing
        for cause in stated_causes(verb, anywhere=True)
    )


def _after_an_act_on(verb: Any) -> bool:
    """ "Dean grabbed Skye (8) by the arm ... Skye had finger-mark bruises": what the child
    suffered, after a sentence that names who did it to her."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN":
        return False
    for token in verb.doc[: verb.sent.start]:
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in words("harm_verbs")
            and any(c.dep_ == "dobj" and c.lower_ == subject.lower_ for c in token.children)
            and _adult_harms([token])
        ):
            return True
    return False


def _adult_harms(among: Iterable[Any], besides: Any = None) -> bool:
    """Among the tokens given (other than ``besides``), an adult is the subject of a harm verb
    (the subject as the clause finds it: "On 3 March Darren hit Kai", where the parse takes
    "Darren" into the date, or "Dad came home and hit Kai")."""
    among = list(among)
    verbs = {t.i for t in among if t != besides and t.pos_ == "VERB"}
    if not verbs:
        return False
    f = facts(among[0].doc)  # (cached on the Doc)
    harm = words("harm_verbs")
    return any(
        clause.verb.i in verbs
        and not clause.passive
        and clause.lemma in harm
        and clause.subject is not None
        and is_person(clause.subject)
        # (not the child: "Amelia (2) had bruising", which the parse reads as "had bruised")
        and not f.is_child(clause.subject)
        # a subject the clause found only through the chain must be a finite verb's: in "Zara
        # sustained bruising", "bruising" is no act of Zara's
        and (
            (clause.subject.head == clause.verb and clause.subject.dep_ == "nsubj")
            or clause.verb.tag_ in ("VBD", "VBZ", "VBP")
        )
        for clause in f.clauses
    )


PLAN_SECTIONS = PLANNING


def _keep_a_secret(verb: Any) -> bool:
    """ "told to keep a secret": what a child must not tell (not "told to keep quiet while the
    baby slept")."""
    return (
        verb.dep_ == "xcomp"
        and verb.lemma_.lower() == "keep"
        and any(t.lemma_.lower() == "secret" for t in verb.children if t.dep_ != "prep")
    )


def _no_more(token: Any) -> bool:
    """ "There will be no more fighting": a plan's goal that says what stops but not who stops it."""
    return token.dep_ == "expl" and any(a.lower_ in ("will", "'ll") for a in token.head.children)


# An injury reported with the carer's failure to explain it ("a mark on his face which Dad could
# not explain", "fractured wrist, no explanation"): everyone suspects a doer, and the sentence
# names none. Only in statements that report what happened, not a complicating factor's "neither
# can explain how it happened" or a plan.
UNEXPLAINED_SECTIONS = frozenset({"harm", "worry", "general"})
UNEXPLAINED_INJURIES = INJURIES | {"frenulum", "rib", "ribs", "fractured", "bleed", "bleeding"}


def _left_unexplained(doc: Any) -> bool:
    """ "unexplained", "no explanation", "her explanation was inconsistent", "could not explain"
    (read from the words as well as the parse, which note form often defeats)."""
    for token in tokens(doc):
        lemma = token.lemma_.lower()
        if lemma == "unexplained":
            return True
        if lemma not in ("explanation", "explain"):
            continue
        before = {t.lower_ for t in doc[max(0, token.i - 3) : token.i]}
        if lemma == "explanation" and (
            "no" in before or any(t.lower_ in ("inconsistent", "implausible") for t in token.sent)
        ):
            return True
        if lemma == "explain" and (
            any(c.dep_ == "neg" for c in token.children)
            or before & {"not", "n't", "unable", "failed", "cannot", "never", "nobody", "neither"}
        ):
            return True
    return False


def _unexplained_injury(doc: Any) -> Iterable[tuple[list[Any], str]]:
    if doc.user_data.get("sos_section") not in UNEXPLAINED_SECTIONS or not _left_unexplained(doc):
        return
    for token in tokens(doc):
        misread = token.tag_ == "VBG" and token.lower_ in UNEXPLAINED_INJURIES  # "had ... bruising"
        if (token.pos_ in ("VERB", "AUX") and not misread) or any(
            c.lower_ in ("no", "any") for c in token.children
        ):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ in INJURED and after is not None and after.lemma_.lower() in BODY:
            found = [token, after]  # "fractured wrist", "broken upper arm" in note form
        elif token.lower_ in UNEXPLAINED_INJURIES:
            found = [token]
        elif _injured_part(token):
            found = [min(token.children, key=lambda c: c.i), token]
        else:
            continue
        # (not "The paediatrician says an adult pinched the ear", in any sentence)
        if not _adult_harms(tokens(doc)):
            yield found, "An injury nobody has explained, with no one named"
        return


# "Zara was frightened after an incident at home", "An incident occurred on 5 April": something
# happened, and nothing in the statement says who did it. Only where what happened is told; a
# plan or a complicating factor may name an incident without it being the account.
INCIDENT_SECTIONS = frozenset({"harm", "worry", "general", "words_and_pictures"})
INCIDENT_AFTER = frozenset({"after", "following", "since"})
INCIDENT_HAPPENED = frozenset({"occur", "happen"})
WHERE_OR_WHEN = frozenset({"at", "on", "in", "during"})
# An official step taken over it ("was excluded after an incident in the corridor", "the school
# excluded him"): the statement is about the step, and the child's own part may be the incident.
OFFICIAL_STEPS = frozenset(
    {"exclude", "suspend", "expel", "arrest", "detain", "caution", "charge", "restrain"}
)
OFFICIAL_NOUNS = frozenset({"exclusion", "suspension", "arrest", "caution"})
UNNAMED_INCIDENT = "“an incident” says something happened but not who did what"
# Who had them or who took part: "arguments between Mum and Dad", "an incident with her brother"
# (wherever the parse hangs the phrase: "the arguments at home between Mum and Dad").
NAMED_PARTIES = frozenset({"between", "with", "involving"})


def _parties_named(noun: Any) -> bool:
    return any(t.lower_ in NAMED_PARTIES for t in noun.subtree)


def _anyone_named_acting(doc: Any) -> bool:
    """Anyone named doing something in the statement: an adult harming, a "by" phrase, a carer
    as the subject of any active verb ("Following the incident, Dad became aggressive"), an
    official step ("the school excluded him"), or "his dad had done it"."""
    f = facts(doc)
    if _adult_harms(tokens(doc)) or any(t.lemma_.lower() in OFFICIAL_NOUNS for t in tokens(doc)):
        return True
    return any(
        c.agent_person is not None
        or c.lemma in OFFICIAL_STEPS
        or (not c.passive and c.subject is not None and is_carer_token(c.subject))
        or (
            c.lemma == "do"
            and any(o.lower_ in ("it", "this", "that") for o in c.objects)
            and c.subject is not None
            and is_person(c.subject)
        )
        for c in f.clauses
    )


def _unnamed_incident(doc: Any) -> Iterable[tuple[list[Any], str]]:
    if doc.user_data.get("sos_section") not in INCIDENT_SECTIONS:
        return
    for token in tokens(doc):
        if token.lemma_.lower() != "incident" or token.pos_ != "NOUN":
            continue
        head = token.head
        after = token.dep_ in ("pobj", "dobj") and head.lower_ in INCIDENT_AFTER
        happened = token.dep_ == "nsubj" and head.lemma_.lower() in INCIDENT_HAPPENED
        if not (after or happened):
            continue
        if _parties_named(token) or any(
            c.dep_ in ("relcl", "acl", "compound")
            or (c.dep_ == "prep" and c.lower_ not in WHERE_OR_WHEN)
            for c in token.children
        ):
            continue  # "an incident of Dad shouting", "a DA incident": told, or found elsewhere
        sentence_end = token.sent.end
        if any(t.lower_ in ("which", "where") for t in doc[token.i : sentence_end]):
            continue  # "Following an incident in the home, during which Danielle ..."
        if _anyone_named_acting(doc):
            return
        start = head if happened else token
        yield sorted({start, token}, key=lambda t: t.i), UNNAMED_INCIDENT
        return


# "Zara came into school upset after arguments at home", "the children have been affected by
# the arguments at home": rows at home with nobody named having them. ("There were arguments at
# home" is found with the other "there was" sentences.) Not in a danger statement: "Inaya could
# be affected by the arguments at home" was read as the worry's background more often than as a
# hidden doer.
ROWS = frozenset({"argument", "row", "fight", "fighting", "arguing", "shouting", "screaming"})
ROWS_SECTIONS = frozenset({"harm", "worry", "house_of_worries", "words_and_pictures", "general"})
# A row someone has or starts: "Zara had a row at home with her mum", "got into fights".
HAD_A_ROW = frozenset({"have", "start", "cause", "pick", "get", "begin"})


def _rows_at_home(doc: Any) -> Iterable[tuple[list[Any], str]]:
    if doc.user_data.get("sos_section") not in ROWS_SECTIONS:
        return
    for token in tokens(doc):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in ROWS:
            continue
        if (
            _parties_named(token)
            or any(
                c.dep_ in ("poss", "compound") or c.lower_ in ("no", "any") for c in token.children
            )
            or (
                token.lower_ == "row"
                and token.i > 1
                and doc[token.i - 2].lower_ == "in"
                and doc[token.i - 1].lower_ == "a"
            )
        ):
            continue  # "Mum and Dad's arguments", "a pillow fight", "three nights in a row"
        owner = token.head.head if token.head.lower_ == "into" else token.head
        if token.dep_ in ("dobj", "pobj") and owner.lemma_.lower() in HAD_A_ROW:
            continue  # "Zara had a row at home", "keeps getting into arguments": who had it
        if token.head.lemma_ == "be" and any(c.dep_ == "expl" for c in token.head.children):
            continue  # "There were arguments at home": found with "there was"
        if not _at_home(token.children):
            continue
        if _anyone_named_acting(doc) or any(
            c.lemma in ARGUING and c.subject is not None and is_person(c.subject)
            for c in facts(doc).clauses
        ):
            return  # "when Mum and Dad argue, Kai hides": the arguers are named
        # (quoted as written: "arguments at home", "fighting in the flat")
        place = max(t.i for c in token.children if c.dep_ == "prep" for t in c.subtree)
        said = doc[token.i : place + 1].text
        yield [token], f"“{said}” says there were rows but not who had them"
        return


# A child's care left undone, said as how it went: "Noah's chest infection went untreated".
UNDONE_CARE = frozenset(
    {"untreated", "unchecked", "unwashed", "unfed", "unmonitored", "unmedicated"}
)
WENT_WITHOUT = frozenset({"go", "be", "remain", "stay"})
CARE_UNDONE = "this says a child's care was not seen to, but not whose job it was"
WHOSE_JOB = Suggestion(
    "Whose job was it? Name them: “Paul did not take Noah to the GP for nine days”.", safe=False
)


def _care_left_undone(doc: Any) -> Iterable[tuple[list[Any], str]]:
    """ "Noah's chest infection went untreated", "Ellie's blood sugars may have been
    unchecked": a child's need not seen to, with no one named (not "Paul failed to take
    Freddie ..., so Freddie's glue ear went untreated", nor an adult's own condition)."""
    f = facts(doc)
    for token in tokens(doc):
        head = token.head
        if (
            token.lower_ not in UNDONE_CARE
            or token.dep_ not in ("acomp", "oprd", "xcomp", "attr")
            or head.lemma_.lower() not in WENT_WITHOUT
        ):
            continue
        clause = next((c for c in f.clauses if c.verb == head), None)
        subject = clause.subject if clause is not None else None
        if clause is None or subject is None or clause.negated:
            continue
        whose = [c for c in subject.children if c.dep_ == "poss"] + [subject]
        if not any(f.is_child(t) or has_child_age_after(t) for t in whose):
            continue  # (a name alone may be an adult's: "Darren's depression went untreated")
        if not _actor_named_nearby(clause, whole=True):
            yield [head, token], CARE_UNDONE


# What a finding asks for when it is not "who did it": whose job it was, or who could do it.
ASKED_OF = {
    CARE_UNDONE: ("say who should have done it", WHOSE_JOB),
    FURTHER_HARM: ("say who could do what to the child", WHO_MIGHT),
}


def check_hidden_doer_noun(context: CheckContext) -> Iterable[Hit]:
    for statement, doc in context.items:
        plan = statement.section in PLAN_SECTIONS
        kept: dict[tuple[int, int], str] = {}
        danger = statement.section == "danger_statement"
        for found, why in (
            *_nominal_hits(doc),
            *_unexplained_injury(doc),
            *_care_left_undone(doc),
            *_unnamed_incident(doc),
            *_rows_at_home(doc),
        ):
            if plan and not _no_more(found[0]):
                continue  # "keep Musa safe from exploitation": the danger named, not hidden
            if (
                danger
                and found[0].lemma_.lower() in words("hiding_verbs") | {"have", "get"}
                and _carer_acts(doc, found[0])
            ):
                continue  # "Dad might shake her ... she could suffer a head injury": the impact
                # (or "... have his shoulder pulled out of place")
            first, last = min(t.i for t in found), max(t.i for t in found)
            if statement.section not in HOUSES and not not_quoted(doc, first, last + 1):
                continue  # "says he 'knows what real violence does to people'": his words
            kept.setdefault(_span(statement, found), why)
        # one finding for the words ("witnessed domestic abuse", not also "abuse" inside it)
        for (start, end), why in kept.items():
            if not any((s, e) != (start, end) and s <= start and end <= e for s, e in kept):
                ask, suggestion = ASKED_OF.get(why, ("say who did it", WHO))
                yield Hit(start, end, message=f"{why}; {ask}", suggestions=(suggestion,))
