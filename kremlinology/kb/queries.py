"""The questions the knowledge base answers, each a function returning frozen dataclasses.

Every question takes names as a reader writes them (kb/names.py resolves them), dates as
`HistDate`s inside a `Period`, and returns a result with `to_dict()` for JSON:

- `relation(kb, a, b)`: two people's curated phases and their dated interactions;
- `timeline(kb, person, period=...)`: a person's dated assertions;
- `profile(kb, person)`: names, life dates, offices, memberships, factions, relationships;
- `holders(kb, office, period=...)`, `members_on(kb, body, on=...)`, `changes(kb, body,
  period=...)`: offices and bodies (kb/institutions.py, re-exported here);
- `search(kb, text)`: full-text search over names and statements.

docs/questions.md shows each with its output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .answers import (
    Entry,
    Period,
    Row,
    Tenure,
    citations,
    date_order,
    ends,
    entries,
    tenure_of,
)
from .institutions import (
    Bloc,
    Change,
    Changes,
    Composition,
    Holders,
    Seat,
    changes,
    holders,
    members_on,
)
from .names import Ref, names_of, normalise, ref_of, resolve
from .store import KB

__all__ = [
    "Bloc",
    "Change",
    "Changes",
    "Composition",
    "Entry",
    "Hit",
    "Holders",
    "LifeDate",
    "Period",
    "Profile",
    "Ref",
    "Relation",
    "RelationPhase",
    "SearchResults",
    "Seat",
    "Tenure",
    "Timeline",
    "changes",
    "holders",
    "members_on",
    "profile",
    "relation",
    "resolve",
    "search",
    "timeline",
]

# Names shorter than this ("Ch", "K.") match too many words to find a person in a statement.
_MIN_NAME_LENGTH = 3
SEARCH_LIMIT = 20


# --- relation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RelationPhase:
    id: str
    label: str
    iso: str
    rendered: str
    polarity: str
    summary: str
    sources: tuple[str, ...]
    start_day: str = field(repr=False, compare=False, default="")
    end_day: str = field(repr=False, compare=False, default="")

    def to_dict(self) -> dict[str, object]:
        start, end = ends(self.iso)
        return {
            "id": self.id,
            "label": self.label,
            "start": start,
            "end": end,
            "polarity": self.polarity,
            "summary": self.summary,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Relation:
    """Curated phases (possibly none) and the dated interactions of two people."""

    a: Ref
    b: Ref
    phases: tuple[RelationPhase, ...]
    interactions: tuple[Entry, ...]

    @property
    def curated(self) -> bool:
        return bool(self.phases)

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a.id,
            "b": self.b.id,
            "a_name": self.a.name,
            "b_name": self.b.name,
            "curated": self.curated,
            "phases": [phase.to_dict() for phase in self.phases],
            "interactions": [entry.to_dict() for entry in self.interactions],
        }


def relation(kb: KB, a: str, b: str) -> Relation:
    """Two people's curated phases and their interactions, in date order.

    Interactions are 1. the assertions with the two as subject and object, either way;
    2. those tagged with the pair ("lenin-stalin" or "stalin-lenin"), which is how the data
    files file an interaction through a third person or a document under a relationship
    (Stalin's abuse of Krupskaya, the Letter to the Congress); and, for a pair without
    curated phases, 3. those whose statement names both.
    """
    ref_a, ref_b = resolve(kb, a, kinds=("person",)), resolve(kb, b, kinds=("person",))
    phases = _phases(kb, ref_a.id, ref_b.id)
    where = "(subject = ? AND object = ?) OR (subject = ? AND object = ?)"  # 1
    where += " OR EXISTS (SELECT 1 FROM json_each(tags) WHERE value IN (?, ?))"  # 2
    params = [ref_a.id, ref_b.id, ref_b.id, ref_a.id, *_pair_tags(ref_a.id, ref_b.id)]
    naming = [] if phases else _statements_naming(kb, ref_a.id, ref_b.id)  # 3
    if naming:
        where += f" OR id IN ({', '.join('?' * len(naming))})"
    found = entries(kb, where, (*params, *naming))
    return Relation(ref_a, ref_b, phases, tuple(_in_phase(e, phases) for e in found))


def _pair_tags(a: str, b: str) -> tuple[str, str]:
    return f"{a}-{b}", f"{b}-{a}"


def _phases(kb: KB, a: str, b: str) -> tuple[RelationPhase, ...]:
    rows = list(
        kb.db.execute(
            "SELECT * FROM phases WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)"
            " ORDER BY start, end, id",
            (a, b, b, a),
        )
    )
    sources = citations(kb, [row["id"] for row in rows])
    return tuple(_phase_of(row, sources[row["id"]]) for row in rows)


def _phase_of(row: Row, sources: tuple[str, ...]) -> RelationPhase:
    return RelationPhase(
        id=row["id"],
        label=row["label"],
        iso=row["iso"],
        rendered=row["rendered"],
        polarity=row["polarity"],
        summary=row["summary"],
        sources=sources,
        start_day=row["start"],
        end_day=row["end"],
    )


def _in_phase(entry: Entry, phases: Sequence[RelationPhase]) -> Entry:
    """The entry, tagged with the last phase its first day falls in."""
    first = entry.start_day
    inside = [p.id for p in phases if first is not None and p.start_day <= first < p.end_day]
    return replace(entry, phase=inside[-1] if inside else None)


def _statements_naming(kb: KB, a: str, b: str) -> list[str]:
    """Ids of assertions whose statement names both people (full-text, any of their names)."""
    names_a, names_b = _any_name(kb, a), _any_name(kb, b)
    if not (names_a and names_b):
        return []
    query = f"statement : (({names_a}) AND ({names_b}))"  # the statement, not the note
    rows = kb.db.execute(
        "SELECT assertion_id FROM statements_fts WHERE statements_fts MATCH ?", (query,)
    )
    return [row["assertion_id"] for row in rows]


def _any_name(kb: KB, entity_id: str) -> str:
    names = [n for n in names_of(kb, entity_id) if len(normalise(n)) >= _MIN_NAME_LENGTH]
    return " OR ".join(_phrase(name) for name in names)


def _phrase(text: str) -> str:
    return '"' + normalise(text).replace('"', '""') + '"'


# --- timeline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    person: Ref
    period: Period
    entries: tuple[Entry, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "person": self.person.id,
            "name": self.person.name,
            **self.period.to_dict(),
            "entries": [entry.to_dict() for entry in self.entries],
        }


def timeline(kb: KB, person: str, *, period: Period = Period()) -> Timeline:
    """The person's dated assertions, as subject or object, inside `period`, in date order."""
    ref = resolve(kb, person, kinds=("person",))
    first, after = period.bounds()
    where = "(subject = ? OR object = ?) AND start IS NOT NULL AND start < ? AND end > ?"
    return Timeline(ref, period, entries(kb, where, (ref.id, ref.id, after, first)))


# --- profile --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LifeDate:
    """A birth or death: the date in both calendars where the source used Old Style."""

    iso: str
    rendered: str
    place: str | None
    confidence: str
    alternatives: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    person: Ref
    description: str | None
    aliases: tuple[str, ...]
    born: LifeDate | None
    died: LifeDate | None
    offices: tuple[Tenure, ...]
    memberships: tuple[Tenure, ...]
    factions: tuple[Tenure, ...]
    relationships: tuple[Tenure, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.person.id,
            "name": self.person.name,
            "description": self.description,
            "aliases": list(self.aliases),
            "born": self.born and self.born.iso,
            "died": self.died and self.died.iso,
            "born_rendered": self.born and self.born.rendered,
            "died_rendered": self.died and self.died.rendered,
            "offices": [t.to_dict() for t in self.offices],
            "memberships": [t.to_dict() for t in self.memberships],
            "factions": [t.to_dict() for t in self.factions],
            "relationships": [t.to_dict() for t in self.relationships],
        }


def profile(kb: KB, name: str) -> Profile:
    """Names, life dates, offices, memberships, factions and relationship phases of a person."""
    ref = resolve(kb, name, kinds=("person",))
    tenures = _tenures(kb, ref.id)
    row = kb.db.execute("SELECT description FROM entities WHERE id = ?", (ref.id,)).fetchone()
    return Profile(
        person=ref,
        description=row["description"],
        aliases=tuple(names_of(kb, ref.id)[1:]),
        born=_life_date(kb, ref.id, "born"),
        died=_life_date(kb, ref.id, "died"),
        offices=tuple(t for t, kind in tenures if kind == "office"),
        memberships=tuple(t for t, kind in tenures if kind not in ("office", "faction")),
        factions=tuple(t for t, kind in tenures if kind == "faction"),
        relationships=_relationships(kb, ref.id),
    )


def _life_date(kb: KB, person: str, predicate: str) -> LifeDate | None:
    row = kb.db.execute(
        f"SELECT * FROM assertions WHERE subject = ? AND predicate = ? AND start IS NOT NULL"
        f" {date_order()} LIMIT 1",
        (person, predicate),
    ).fetchone()
    if row is None:
        return None
    alternatives = kb.db.execute(
        "SELECT rendered, held_by FROM alternatives WHERE assertion_id = ? AND rendered"
        " IS NOT NULL ORDER BY ord",
        (row["id"],),
    )
    return LifeDate(
        iso=row["iso"],
        rendered=row["rendered"],
        place=ref_of(kb, row["place"]).name if row["place"] else None,
        confidence=row["confidence"],
        alternatives=tuple(f"{alt['rendered']} ({alt['held_by']})" for alt in alternatives),
    )


def _tenures(kb: KB, person: str) -> list[tuple[Tenure, str]]:
    """Offices held and memberships, each with the kind of what was held or joined."""
    rows = list(
        kb.db.execute(
            "SELECT a.*, e.kind AS held_kind, e.name AS held_name FROM assertions a"
            " JOIN entities e ON e.id = a.object WHERE a.subject = ?"
            f" AND a.predicate IN ('held_office', 'member_of') {date_order('a')}",
            (person,),
        )
    )
    return [(tenure_of(row, row["object"], row["held_name"]), row["held_kind"]) for row in rows]


def _relationships(kb: KB, person: str) -> tuple[Tenure, ...]:
    """Phases with the other person as `id`/`name`, the phase label as `role`."""
    rows = kb.db.execute(
        "SELECT * FROM phases WHERE a = ? OR b = ? ORDER BY start, id", (person, person)
    )
    tenures = []
    for row in rows:
        other = ref_of(kb, row["b"] if row["a"] == person else row["a"])
        tenures.append(
            Tenure(other.id, other.name, row["label"], row["iso"], row["rendered"], row["id"])
        )
    return tuple(tenures)


# --- search ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One search result: an entity (by a name it matched) or an assertion (its statement)."""

    id: str
    kind: str
    title: str
    text: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "text": self.text,
            "score": self.score,
        }


@dataclass(frozen=True)
class SearchResults:
    text: str
    entities: tuple[Hit, ...]
    assertions: tuple[Hit, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "query": self.text,
            "entities": [h.to_dict() for h in self.entities],
            "assertions": [h.to_dict() for h in self.assertions],
        }


def search(kb: KB, text: str, *, limit: int = SEARCH_LIMIT) -> SearchResults:
    """Names (names_fts) and statements (statements_fts) matching every word, best first."""
    words = normalise(text).split()
    if not words:
        return SearchResults(text, (), ())
    # Every word as a prefix ("trotsk" finds Trotsky and Trotskyists), all required.
    query = " ".join(f'"{word}"*' for word in words)
    return SearchResults(
        text, _search_names(kb, query, limit), _search_statements(kb, query, limit)
    )


def _search_names(kb: KB, query: str, limit: int) -> tuple[Hit, ...]:
    rows = kb.db.execute(
        "SELECT f.entity_id, f.name, e.kind, e.name AS title, bm25(names_fts) AS rank"
        " FROM names_fts f JOIN entities e ON e.id = f.entity_id WHERE names_fts MATCH ?"
        " ORDER BY rank, f.entity_id",
        (query,),
    )
    best: dict[str, Hit] = {}
    for row in rows:
        if row["entity_id"] not in best:
            best[row["entity_id"]] = Hit(
                row["entity_id"], row["kind"], row["title"], row["name"], round(-row["rank"], 3)
            )
    return tuple(best.values())[:limit]


def _search_statements(kb: KB, query: str, limit: int) -> tuple[Hit, ...]:
    rows = kb.db.execute(
        "SELECT a.id, a.iso, a.rendered, a.statement, bm25(statements_fts) AS rank"
        " FROM statements_fts f JOIN assertions a ON a.id = f.assertion_id"
        " WHERE statements_fts MATCH ? ORDER BY rank, a.id LIMIT ?",
        (query, limit),
    )
    return tuple(
        Hit(
            row["id"],
            "assertion",
            row["rendered"] or "undated",
            row["statement"],
            round(-row["rank"], 3),
        )
        for row in rows
    )
