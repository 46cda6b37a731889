"""The controlled vocabulary: entity kinds, predicates and enumerations.

This module is the single source for the loader, the validation rules and docs/predicates.md
(tested in tests/test_docs.py). Add a predicate here, then document it.
"""

from __future__ import annotations

from dataclasses import dataclass

ENTITY_KINDS = (
    "person",
    "body",
    "office",
    "faction",
    "congress",
    "event",
    "document",
    "place",
    "organization",
)

ALIAS_KINDS = (
    "name",
    "birth_name",
    "pseudonym",
    "transliteration",
    "former_name",
    "nickname",
    "abbreviation",
)

CONFIDENCES = ("certain", "probable", "disputed")
POLARITIES = ("cooperation", "conflict", "neutral")
PHASE_POLARITIES = (*POLARITIES, "mixed")
SOURCE_KINDS = ("monograph", "encyclopedia", "article", "primary", "web")
CALENDARS = ("julian", "gregorian")


@dataclass(frozen=True)
class Predicate:
    """One predicate: its meaning and the kinds it may join.

    `objects` empty means the predicate takes a literal `value` or nothing.
    `posthumous` predicates may be dated after the subject's death (K301 skips them).
    """

    name: str
    meaning: str
    subjects: tuple[str, ...]
    objects: tuple[str, ...] = ()
    posthumous: bool = False


_ANY = ENTITY_KINDS
_PEOPLE = ("person",)
_GROUPS = ("body", "faction", "organization", "congress")

PREDICATES: dict[str, Predicate] = {
    p.name: p
    for p in (
        # Life
        Predicate("born", "the subject was born (place in `place`)", _PEOPLE),
        Predicate("died", "the subject died (cause in `value`, place in `place`)", _PEOPLE),
        Predicate("buried", "the subject's body was buried or laid to rest", _PEOPLE, (), True),
        Predicate("embalmed", "the subject's body was embalmed and displayed", _PEOPLE, (), True),
        Predicate("rehabilitated", "the subject was posthumously rehabilitated", _PEOPLE, (), True),
        Predicate("married", "the subject married the object", _PEOPLE, _PEOPLE),
        Predicate("child_of", "the subject is a child of the object", _PEOPLE, _PEOPLE),
        Predicate(
            "studied_at",
            "the subject studied at a school (object or value)",
            _PEOPLE,
            ("organization", "place"),
        ),
        Predicate("illness", "the subject suffered an illness or stroke (in `value`)", _PEOPLE),
        Predicate("wounded", "the subject was wounded (by whom in `object`)", _PEOPLE, _PEOPLE),
        Predicate("killed", "the subject killed or had the object killed", _PEOPLE, _PEOPLE),
        Predicate("used_name", "the subject adopted a name or pseudonym (in `value`)", _PEOPLE),
        # Movement, arrest, exile
        Predicate("arrested", "the subject was arrested (place in `place`)", _PEOPLE),
        Predicate("exiled", "the subject was exiled or deported to a place", _PEOPLE, ("place",)),
        Predicate("escaped", "the subject escaped from exile or prison", _PEOPLE, ("place",)),
        Predicate("emigrated", "the subject went abroad to live", _PEOPLE, ("place",)),
        Predicate("returned", "the subject returned to a place", _PEOPLE, ("place",)),
        Predicate(
            "went_into_hiding", "the subject went into hiding at a place", _PEOPLE, ("place",)
        ),
        Predicate("travelled", "the subject travelled to a place", _PEOPLE, ("place",)),
        Predicate("lived_in", "the subject lived in a place", _PEOPLE, ("place",)),
        # Membership and office
        Predicate("joined", "the subject joined a party or group", _PEOPLE, _GROUPS),
        Predicate(
            "member_of", "the subject was a member (role: full, candidate, ...)", _PEOPLE, _GROUPS
        ),
        Predicate("elected_to", "the subject was elected to a body", _PEOPLE, _GROUPS),
        Predicate("held_office", "the subject held an office over `when`", _PEOPLE, ("office",)),
        Predicate("appointed", "the subject was appointed to an office", _PEOPLE, ("office",)),
        Predicate(
            "removed_from",
            "the subject was removed from an office or body",
            _PEOPLE,
            ("office", *_GROUPS),
        ),
        Predicate(
            "resigned", "the subject resigned an office or seat", _PEOPLE, ("office", *_GROUPS)
        ),
        Predicate(
            "expelled_from",
            "the subject was expelled from a party, body or country",
            _PEOPLE,
            (*_GROUPS, "place"),
        ),
        Predicate("readmitted", "the subject was readmitted to a party", _PEOPLE, _GROUPS),
        Predicate(
            "led",
            "the subject led a body, faction, event or operation",
            _PEOPLE,
            (*_GROUPS, "event"),
        ),
        Predicate("chaired", "the subject chaired a body or meeting", _PEOPLE, (*_GROUPS, "event")),
        Predicate(
            "succeeded", "the subject succeeded the object (office in `value`)", _PEOPLE, _PEOPLE
        ),
        Predicate(
            "edited", "the subject edited a newspaper or journal", _PEOPLE, ("organization", "body")
        ),
        # Works and words
        Predicate("wrote", "the subject wrote or dictated a document", _PEOPLE, ("document",)),
        Predicate(
            "published",
            "a document was published or made public",
            ("document", "person"),
            ("document", "organization", "body"),
            True,
        ),
        Predicate(
            "read_out",
            "a document was read out (at the object)",
            ("document",),
            ("congress", "body"),
        ),
        Predicate(
            "proposed", "the subject proposed a policy, theory or motion", _PEOPLE, ("document",)
        ),
        Predicate(
            "advocated", "the subject argued for a policy (in `value`)", _PEOPLE, ("document",)
        ),
        Predicate(
            "reported",
            "the subject gave a report or speech at a meeting",
            _PEOPLE,
            ("congress", "body", "event"),
        ),
        Predicate(
            "voted",
            "a body or person voted (the motion in `value`)",
            ("person", "body", "congress"),
            ("document",),
        ),
        Predicate(
            "decided",
            "a body decided something (in `value`)",
            ("body", "congress"),
            ("document", "person"),
        ),
        # Interactions of two people (carry `polarity`)
        Predicate("met", "the subject met the object", _PEOPLE, _PEOPLE),
        Predicate("worked_with", "the subject worked together with the object", _PEOPLE, _PEOPLE),
        Predicate(
            "allied_with",
            "the subject allied with the object",
            _PEOPLE + _GROUPS,
            _PEOPLE + _GROUPS,
        ),
        Predicate(
            "supported",
            "the subject supported or defended the object",
            _PEOPLE + _GROUPS,
            _PEOPLE + _GROUPS + ("document",),
        ),
        Predicate(
            "opposed",
            "the subject opposed the object",
            _PEOPLE + _GROUPS,
            _PEOPLE + _GROUPS + ("document",),
        ),
        Predicate(
            "criticized",
            "the subject criticized the object",
            _PEOPLE + _GROUPS,
            _PEOPLE + _GROUPS + ("document",),
        ),
        Predicate(
            "denounced",
            "the subject publicly denounced the object",
            _PEOPLE + _GROUPS,
            _PEOPLE + _GROUPS,
            True,
        ),
        Predicate("praised", "the subject praised the object", _PEOPLE, _PEOPLE),
        Predicate("insulted", "the subject insulted or abused the object", _PEOPLE, _PEOPLE),
        Predicate("apologized", "the subject apologized to the object", _PEOPLE, _PEOPLE),
        Predicate(
            "corresponded", "the subject wrote a letter to the object", _PEOPLE, _PEOPLE + _GROUPS
        ),
        Predicate(
            "visited",
            "the subject visited the object (a person or place)",
            _PEOPLE,
            _PEOPLE + ("place",),
        ),
        Predicate("helped", "the subject helped the object (how in `value`)", _PEOPLE, _PEOPLE),
        Predicate("protected", "the subject sheltered or protected the object", _PEOPLE, _PEOPLE),
        Predicate(
            "isolated", "the subject restricted the object's contacts", _PEOPLE + _GROUPS, _PEOPLE
        ),
        # Events, bodies, documents
        Predicate("occurred", "an event took place (place in `place`)", ("event",)),
        Predicate("held", "a congress, conference or meeting was held", ("congress", "event")),
        Predicate("founded", "a body or organization was founded", _GROUPS + ("place",)),
        Predicate("dissolved", "a body was dissolved or abolished", _GROUPS + ("office",)),
        Predicate(
            "renamed", "an entity was renamed (new name in `value`)", _GROUPS + ("place", "office")
        ),
        Predicate(
            "participated_in",
            "the subject took part in an event",
            _PEOPLE + _GROUPS,
            ("event", "congress"),
        ),
        Predicate("organized", "the subject organized an event", _PEOPLE + _GROUPS, ("event",)),
        Predicate(
            "established_relations",
            "two bodies or states established relations",
            _GROUPS + ("place",),
            _GROUPS + ("place",),
        ),
        Predicate(
            "signed",
            "the subject signed a treaty or document",
            _PEOPLE + _GROUPS,
            ("document", "event"),
        ),
        Predicate(
            "attended",
            "the subject attended a congress or meeting",
            _PEOPLE,
            ("congress", "event", "body"),
        ),
    )
}
