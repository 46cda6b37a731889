"""The knowledge base as the checker reads it: assertions in memory, indexed by entity.

Built once per compiled KB (cached by path and kb_version): reading ~1,000 rows and
stemming their statements costs a few milliseconds, far less than opening SQLite twice.
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

import snowballstemmer

from ..kb import KB
from ..kb.answers import citations
from ..text.link import NameIndex

WORD = re.compile(r"[^\W\d_]+")
# Function words carry no evidence about which fact a sentence states.
STOPWORDS = frozenset(
    "a an the of in on at to by for from with and or but as is was were be been being had has "
    "have it its he his him she her they their them this that these those which who whom whose "
    "what when where while after before into onto over under than then so such not no also "
    "only even just about against between during until since upon would could should will can "
    "did do does done there here all any some one two both each other more most very much "
    "himself itself themselves own same s".split()
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
    "smuggl": "took",
    "escort": "took",
    "led": "lead",
    "chair": "lead",
    "chairman": "lead",
    "head": "lead",
    "embalm": "embalm",
    "preserv": "embalm",
    "oust": "remov",
    "dismiss": "remov",
}
_STEMMER = snowballstemmer.stemmer("english")


def stems(words: list[str]) -> list[str]:
    """Lower-cased content-word stems, with synonyms folded together."""
    found = (_stem(w.lower()) for w in words)
    return [s for s in found if s]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """One word's stem ('' for a function word); cached: texts repeat their words."""
    if word in STOPWORDS or len(word) < 2:
        return ""
    stem: str = _STEMMER.stemWord(word)
    return SYNONYMS.get(stem, stem)


def has_negation(text: str) -> bool:
    lowered = text.lower()
    return any(w in NEGATIONS for w in WORD.findall(lowered)) or "n't" in lowered


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
    negated: bool
    sources: tuple[str, ...]

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(e for e in (self.subject, self.object, self.place) if e)

    def years(self) -> tuple[int, int] | None:
        """First and last New Style year the assertion's date covers."""
        if self.bounds is None:
            return None
        return self.bounds[0].year, (self.bounds[1] - dt.timedelta(days=1)).year


@dataclass(frozen=True)
class CheckIndex:
    version: str
    names: NameIndex
    assertions: dict[str, IndexedAssertion]
    by_entity: dict[str, tuple[str, ...]]
    by_stem: dict[str, tuple[str, ...]]
    idf: dict[str, float] = field(repr=False)

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
    ids = [r[0] for r in kb.db.execute("SELECT id FROM assertions")]
    cites = citations(kb, ids)
    alternatives = _alternatives(kb)
    assertions: dict[str, IndexedAssertion] = {}
    for row in kb.db.execute("SELECT * FROM assertions"):
        assertions[row["id"]] = _indexed(row, names, cites, alternatives)
    by_entity: dict[str, list[str]] = defaultdict(list)
    by_stem: dict[str, list[str]] = defaultdict(list)
    for a in assertions.values():
        for entity in a.entities:
            by_entity[entity].append(a.id)
        for stem in a.stems:
            by_stem[stem].append(a.id)
    idf = _idf(assertions.values())
    rare = idf[""]
    weighted = {
        k: replace(a, weight=sum(idf.get(s, rare) for s in a.stems)) for k, a in assertions.items()
    }
    return CheckIndex(
        kb.version,
        names,
        weighted,
        {k: tuple(v) for k, v in by_entity.items()},
        {k: tuple(v) for k, v in by_stem.items()},
        idf,
    )


def _indexed(
    row: sqlite3.Row,
    names: NameIndex,
    cites: dict[str, tuple[str, ...]],
    alternatives: dict[str, tuple[tuple[dt.date, dt.date], ...]],
) -> IndexedAssertion:
    r = row
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
        alternative_bounds=alternatives.get(r["id"], ()),
        rendered=r["rendered"],
        iso=r["iso"],
        is_interval=bool(r["iso"] and "/" in r["iso"]),
        stems=frozenset(stems(WORD.findall(statement))),
        weight=0.0,
        negated=has_negation(statement),
        sources=cites.get(r["id"], ()),
    )


def _alternatives(kb: KB) -> dict[str, tuple[tuple[dt.date, dt.date], ...]]:
    found: dict[str, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for owner, start, end in kb.db.execute(
        "SELECT assertion_id, start, end FROM alternatives WHERE start IS NOT NULL"
    ):
        found[owner].append((dt.date.fromisoformat(start), dt.date.fromisoformat(end)))
    return {k: tuple(v) for k, v in found.items()}


def _idf(assertions: Iterable[IndexedAssertion]) -> dict[str, float]:
    docs = list(assertions)
    counts: Counter[str] = Counter(s for a in docs for s in a.stems)
    n = len(docs) + 1
    idf = {s: math.log(n / (1 + c)) + 1.0 for s, c in counts.items()}
    idf[""] = math.log(n) + 1.0  # an unseen word weighs as the rarest
    return idf
