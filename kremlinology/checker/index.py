"""The knowledge base as the checker reads it: assertions in memory, as vectors.

Built once per compiled KB (cached by path and kb_version): reading ~1,000 rows and
stemming their statements costs a few milliseconds, far less than opening SQLite twice.

Assertions are numbered in id order; every per-word and per-entity fact about them is a
row of a matrix with one column per assertion, so a sentence is scored against the whole
knowledge base with a few row sums (`checker.match`) instead of a Python loop over
candidates: a sentence that names Stalin would otherwise visit his ~200 assertions.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import snowballstemmer

from ..dates import Bounds
from ..kb import KB
from ..kb.answers import citations
from ..text.link import NameIndex, link_mentions

WORD = re.compile(r"[^\W\d_]+")
# Function words carry no evidence about which fact a sentence states.
STOPWORDS = frozenset(
    "a an the of in on at to by for from with and or but as is was were be been being had has "
    "have it its he his him she her they their them this that these those which who whom whose "
    "what when where while after before into onto over under than then so such not no also "
    "only even just about against between during until since upon would could should will can "
    "did do does done there here all any some one two both each other more most very much "
    "himself itself themselves own same s "
    # Words of time say when, not what: a date's neighbours ("soon", "the early months of")
    # would otherwise outweigh the words of the fact.
    "soon later earlier time times again still "
    "already often once ago".split()
)
NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "nobody", "none", "without"})
# Words that mean the same event in the statements and in the texts (after stemming).
SYNONYMS = {
    "death": "die",
    "dead": "die",
    "expuls": "expel",
    "birth": "born",
    "elect": "elect",
    "elector": "elect",
    "assassin": "kill",
    "murder": "kill",
    "murdered": "kill",
    "smuggl": "take",
    "escort": "take",
    "took": "take",
    "taken": "take",
    "seiz": "take",
    "upris": "insurrect",
    "led": "lead",
    "chair": "lead",
    "chairman": "lead",
    "head": "lead",
    "embalm": "embalm",
    "preserv": "embalm",
    "formal": "offici",
    "speech": "speak",
    "arrang": "organiz",
    "oust": "remov",
    "dismiss": "remov",
}
_STEMMER = snowballstemmer.stemmer("english")
# British -ise spellings stem apart from -ize ones ("organis" vs "organ"): read them as -ize.
_BRITISH_ISE = re.compile(r"(?<=\w\w)is(e|ed|es|ing|ation|ations)$")


def stems(words: list[str]) -> list[str]:
    """Lower-cased content-word stems, with synonyms folded together."""
    found = (_stem(w.lower()) for w in words)
    return [s for s in found if s]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """One word's stem ('' for a function word); cached: texts repeat their words."""
    if word in STOPWORDS or len(word) < 2:
        return ""
    stem: str = _STEMMER.stemWord(_BRITISH_ISE.sub(r"iz\1", word))
    return SYNONYMS.get(stem, stem)


# A negation word and the words it denies, up to the end of the clause: "no one was
# officially proclaimed his successor" denies "officially proclaimed successor". "No. 9"
# (a number) is not a negation.
_NEGATED = re.compile(
    r"(?:\b(?:" + "|".join(sorted(NEGATIONS)) + r")\b(?!\.\s*\d)|n't)(?P<scope>[^,;:.!?()]*)",
    re.I,
)


def negation_scope(text: str) -> frozenset[str] | None:
    """The stems of the words the text's negations deny and it does not also affirm
    ("General Secretary ... which named no General Secretary" denies only "named");
    None when it denies nothing of its own."""
    found = list(_NEGATED.finditer(text))
    if not found:
        return None
    denied = {s for m in found for s in stems(WORD.findall(m.group("scope")))}
    edges = [0, *(i for m in found for i in m.span()), len(text)]
    rest = " ".join(text[a:b] for a, b in zip(edges[::2], edges[1::2], strict=True))
    return frozenset(denied - set(stems(WORD.findall(rest)))) or None


@dataclass(frozen=True)
class IndexedAssertion:
    id: str
    subject: str
    predicate: str
    object: str | None
    place: str | None
    statement: str
    confidence: str
    bounds: tuple[dt.date, dt.date] | None
    alternative_bounds: tuple[tuple[dt.date, dt.date], ...]
    rendered: str | None
    iso: str | None
    is_interval: bool
    stems: frozenset[str]
    weight: float  # the summed idf of `stems`, set once the idf is known
    negated: frozenset[str] | None  # what the statement denies (negation_scope)
    sources: tuple[str, ...]
    # Historians disagree about more than the date (an alternative gives another value).
    value_disputed: bool = False

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(e for e in (self.subject, self.object, self.place) if e)

    def years(self) -> tuple[int, int] | None:
        """First and last New Style year the assertion's date covers."""
        if self.bounds is None:
            return None
        return self.bounds[0].year, (self.bounds[1] - dt.timedelta(days=1)).year


# A word is rare when it appears in under about one statement in twenty (idf >= 4):
# rare words shared by a sentence and a statement find facts about unnamed entities.
RARE_WEIGHT = 4.0
# How much an entity counts when it is the assertion's place rather than its subject/object.
PLACE_WEIGHT = 0.5
# How much an entity counts when a statement about an event names it (PARTICIPANT_KINDS).
PARTICIPANT_WEIGHT = 0.5
PARTICIPANT_KINDS = frozenset({"event"})


@dataclass(frozen=True)
class Matrices:
    """Rows per word or entity, one column per assertion (in `CheckIndex.order`)."""

    stem_rows: dict[str, int]  # stem -> row of `words`
    words: np.ndarray  # the stem's idf where the statement has the stem, else 0
    rare: np.ndarray  # bool per stem row: idf >= RARE_WEIGHT
    entity_rows: dict[str, int]  # entity id -> row of the entity matrices
    subject: np.ndarray  # 1.0 where the entity is the assertion's subject
    object: np.ndarray  # 1.0 where it is the object
    role: np.ndarray  # subject + object + PLACE_WEIGHT * place: what naming the entity weighs
    predicate_rows: dict[str, int]  # stem of a predicate's words -> row of `predicate`
    predicate: np.ndarray  # 1.0 where the stem is one of the assertion's predicate words
    weights: np.ndarray  # per assertion: the summed idf of its statement's stems
    nothing: np.ndarray  # zeros, one per assertion (shared read-only; never written to)
    none: np.ndarray  # False, one per assertion (likewise)


@dataclass(frozen=True)
class CheckIndex:
    version: str
    names: NameIndex
    assertions: dict[str, IndexedAssertion]
    order: tuple[IndexedAssertion, ...]  # the matrices' columns: assertions in id order
    matrices: Matrices = field(repr=False)
    idf: dict[str, float] = field(repr=False)
    name_stems: dict[str, frozenset[str]] = field(repr=False)  # entity -> its names' stems
    # office -> its held_office assertions; body -> its head offices ("Chairman of ...").
    holders: dict[str, tuple[IndexedAssertion, ...]] = field(repr=False)
    head_offices: dict[str, tuple[str, ...]] = field(repr=False)

    def weight(self, stem: str) -> float:
        return self.idf.get(stem, self.idf.get("", 1.0))


_CACHE: dict[tuple[str, str], CheckIndex] = {}


def index_for(kb: KB) -> CheckIndex:
    """The CheckIndex of a compiled KB, built once per (path, kb_version)."""
    key = (str(kb.path), kb.version)
    if key not in _CACHE:
        _CACHE[key] = _build(kb)
    return _CACHE[key]


def _build(kb: KB) -> CheckIndex:
    names = NameIndex.from_kb(kb)
    rows = kb.db.execute("SELECT * FROM assertions").fetchall()
    cites = citations(kb, [row["id"] for row in rows])
    sides = _other_sides(kb)
    assertions = {row["id"]: _indexed(row, cites, sides.get(row["id"])) for row in rows}
    idf = _idf(assertions.values())
    unseen = idf[""]
    weighted = {
        k: replace(a, weight=sum(idf.get(s, unseen) for s in a.stems))
        for k, a in sorted(assertions.items())
    }
    order = tuple(weighted.values())
    holders: dict[str, list[IndexedAssertion]] = defaultdict(list)
    for a in order:
        if a.predicate == "held_office" and a.object:
            holders[a.object].append(a)
    return CheckIndex(
        kb.version,
        names,
        weighted,
        order,
        _matrices(order, idf, _participants(order, names)),
        idf,
        _name_stems(kb),
        {k: tuple(v) for k, v in holders.items()},
        _head_offices(kb),
    )


def _head_offices(kb: KB) -> dict[str, tuple[str, ...]]:
    """Body -> the offices that head it: single-holder offices of the body named as its
    chairman, president or head."""
    found: dict[str, list[str]] = defaultdict(list)
    for office, body in kb.db.execute(
        "SELECT id, part_of FROM entities WHERE kind = 'office' AND single_holder = 1 "
        "AND part_of IS NOT NULL AND (name LIKE 'Chairman%' OR name LIKE 'President%' "
        "OR name LIKE 'Head%') ORDER BY id"
    ):
        found[body].append(office)
    return {k: tuple(v) for k, v in found.items()}


def _name_stems(kb: KB) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for entity, name in kb.db.execute("SELECT entity_id, name FROM names"):
        found[entity].update(stems(WORD.findall(name)))
    return {k: frozenset(v) for k, v in found.items()}


def _participants(
    order: tuple[IndexedAssertion, ...], names: NameIndex
) -> dict[str, frozenset[str]]:
    """Assertion -> the entities its statement names, for facts about an event: an event
    has no person slots, so those it involves ("no one was named Lenin's successor") are
    found only in the statement's words."""
    return {
        a.id: frozenset(m.entity for m in link_mentions(a.statement, names)) - a.entities
        for a in order
        if names.kinds.get(a.subject) in PARTICIPANT_KINDS
    }


def _matrices(
    order: tuple[IndexedAssertion, ...],
    idf: dict[str, float],
    participants: dict[str, frozenset[str]],
) -> Matrices:
    n = len(order)
    stem_rows = {s: i for i, s in enumerate(sorted({s for a in order for s in a.stems}))}
    words = np.zeros((len(stem_rows), n))
    for col, a in enumerate(order):
        for s in a.stems:
            words[stem_rows[s], col] = idf[s]
    entities = sorted({e for a in order for e in a.entities} | set().union(*participants.values()))
    entity_rows = {e: i for i, e in enumerate(entities)}
    roles = {role: np.zeros((len(entities), n)) for role in ("subject", "object", "place", "named")}
    by_predicate = {a.predicate: predicate_stems(a.predicate) for a in order}
    predicate_rows = {
        s: i for i, s in enumerate(sorted({s for v in by_predicate.values() for s in v}))
    }
    predicate = np.zeros((len(predicate_rows), n))
    for col, a in enumerate(order):
        for role, entity in (("subject", a.subject), ("object", a.object), ("place", a.place)):
            if entity:
                roles[role][entity_rows[entity], col] = 1.0
        for entity in participants.get(a.id, ()):
            roles["named"][entity_rows[entity], col] = 1.0
        for s in by_predicate[a.predicate]:
            predicate[predicate_rows[s], col] = 1.0
    rare = np.array([idf[s] >= RARE_WEIGHT for s in stem_rows], dtype=bool)
    return Matrices(
        stem_rows,
        words,
        rare,
        entity_rows,
        roles["subject"],
        roles["object"],
        roles["subject"]
        + roles["object"]
        + PLACE_WEIGHT * roles["place"]
        + PARTICIPANT_WEIGHT * roles["named"],
        predicate_rows,
        predicate,
        np.array([a.weight or 1.0 for a in order]),
        _frozen(np.zeros(n)),
        _frozen(np.zeros(n, dtype=bool)),
    )


def _frozen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


# The words a text uses for a predicate's kind of action, where the predicate's own name
# is not enough ("held_office" is not written; "post" and "secretary" are) or is too
# general ("went", "out"). Other predicates are cued by their own name's words.
PREDICATE_CUES = {
    "born": "born birth",
    "died": "died dies death dead",
    "killed": "killed assassinated murdered shot",
    "expelled_from": "expelled expulsion",
    "removed_from": "removed ousted dismissed dropped out",
    "held_office": "office post secretary commissar chairman chair president premier",
    "led": "led leader headed chairman ordered commanded directed",
    "chaired": "chaired chairman chair headed",
    "founded": "founded establish established formed created",
    "went_into_hiding": "hiding hid hideout",
    "read_out": "read",
    "used_name": "pseudonym alias",
    "exiled": "exiled exile deported banished",
    "wrote": "wrote written write",
    "illness": "ill illness stroke",
    "member_of": "member sat",
    "held": "held",
    "occurred": "occurred broke began erupted happened",
    "established_relations": "relations",
}


@lru_cache(maxsize=256)
def predicate_stems(predicate: str) -> frozenset[str]:
    """The stems of the words a text uses for a predicate ("died" -> {"die"})."""
    cue = PREDICATE_CUES.get(predicate)
    return frozenset(stems(cue.split() if cue else predicate.split("_")))


@dataclass
class _OtherSide:
    """What an assertion's alternatives say: their dates, whether one gives another value,
    and the words of those values (matched too: a text that repeats them is disputed)."""

    bounds: list[Bounds] = field(default_factory=list)
    value_disputed: bool = False
    words: set[str] = field(default_factory=set)


def _other_sides(kb: KB) -> dict[str, _OtherSide]:
    found: dict[str, _OtherSide] = defaultdict(_OtherSide)
    for owner, start, end, other, value in kb.db.execute(
        "SELECT assertion_id, start, end, object, value FROM alternatives "
        "ORDER BY assertion_id, ord"
    ):
        side = found[owner]
        if start is not None:
            side.bounds.append((dt.date.fromisoformat(start), dt.date.fromisoformat(end)))
        if start is None or other is not None or value is not None:
            side.value_disputed = True
        if value is not None:
            side.words.update(stems(WORD.findall(value)))
    return found


def _indexed(
    row: sqlite3.Row, cites: dict[str, tuple[str, ...]], side: _OtherSide | None
) -> IndexedAssertion:
    r = row
    side = side or _OtherSide()
    bounds = None
    if r["start"]:
        bounds = (dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"]))
    statement: str = r["statement"]
    return IndexedAssertion(
        id=r["id"],
        subject=r["subject"],
        predicate=r["predicate"],
        object=r["object"],
        place=r["place"],
        statement=statement,
        confidence=r["confidence"],
        bounds=bounds,
        alternative_bounds=tuple(side.bounds),
        rendered=r["rendered"],
        iso=r["iso"],
        is_interval=bool(r["iso"] and "/" in r["iso"]),
        stems=frozenset(stems(WORD.findall(statement))) | side.words,
        weight=0.0,
        negated=negation_scope(statement),
        sources=cites.get(r["id"], ()),
        value_disputed=side.value_disputed,
    )


def _idf(assertions: Iterable[IndexedAssertion]) -> dict[str, float]:
    docs = list(assertions)
    counts: Counter[str] = Counter(s for a in docs for s in a.stems)
    n = len(docs) + 1
    idf = {s: math.log(n / (1 + c)) + 1.0 for s, c in counts.items()}
    idf[""] = math.log(n) + 1.0  # an unseen word weighs as the rarest
    return idf
