"""Offices and bodies over time: who held an office, who sat on a body and how it divided.

- `holders`: held_office assertions of an office overlapping a period;
- `members_on`: full and candidate members of a body (member_of with role full|candidate),
  each member's faction (member_of a faction entity), factions joined into blocs by a
  member they share or by `allied_with` links, and the bloc holding the majority of the
  full members;
- `changes`: the joins and leaves of a body over a period.

A year or month given as the date means any time in it: where a member had two seats or
two factions in it, the one covering more of it wins (then the later one).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..dates import HistDate
from .answers import (
    Period,
    Row,
    Tenure,
    citations,
    date_order,
    ends,
    overlap_days,
    tenure_of,
)
from .names import Ref, resolve
from .store import KB

# The seats a body's member_of assertions give (docs/data-format.md, role).
SEAT_ROLES = ("full", "candidate")
_ROLE_MARKS = ", ".join(f"'{role}'" for role in SEAT_ROLES)
_ONE_DAY = datetime.timedelta(days=1)


# --- holders of an office -------------------------------------------------------------------


@dataclass(frozen=True)
class Holders:
    office: Ref
    period: Period
    holders: tuple[Tenure, ...]

    def to_dict(self) -> dict[str, object]:
        found = [
            {**t.to_dict(), "assertion": t.assertion, "sources": list(t.sources)}
            for t in self.holders
        ]
        return {
            "office": self.office.id,
            "office_name": self.office.name,
            **self.period.to_dict(),
            "holders": found,
        }


def holders(kb: KB, office: str, *, period: Period = Period()) -> Holders:
    """Who held `office` at any time in `period`, in date order."""
    ref = resolve(kb, office, kinds=("office",))
    first, after = period.bounds()
    rows = list(
        kb.db.execute(
            "SELECT a.*, e.name AS holder_name FROM assertions a JOIN entities e"
            " ON e.id = a.subject WHERE a.predicate = 'held_office' AND a.object = ?"
            f" AND a.start < ? AND a.end > ? {date_order('a')}",
            (ref.id, after, first),
        )
    )
    sources = citations(kb, [row["id"] for row in rows])
    found = (tenure_of(r, r["subject"], r["holder_name"], sources[r["id"]]) for r in rows)
    return Holders(ref, period, tuple(found))


# --- members of a body on a date ------------------------------------------------------------


@dataclass(frozen=True)
class Seat:
    """A member on the date: full or candidate, the faction and the bloc they belonged to."""

    id: str
    name: str
    status: str
    iso: str | None
    assertion: str
    faction: str | None = None
    faction_name: str | None = None
    bloc: str | None = None

    def to_dict(self) -> dict[str, object]:
        start, end = ends(self.iso)
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "faction": self.faction,
            "faction_name": self.faction_name,
            "bloc": self.bloc,
            "start": start,
            "end": end,
        }


@dataclass(frozen=True)
class Bloc:
    """Allied factions (or allied people) with the members they held and their full seats."""

    label: str
    factions: tuple[str, ...]
    members: tuple[str, ...]
    seats: int

    def to_dict(self) -> dict[str, object]:
        return {
            "bloc": self.label,
            "factions": list(self.factions),
            "members": list(self.members),
            "seats": self.seats,
        }


@dataclass(frozen=True)
class Composition:
    body: Ref
    on: HistDate
    members: tuple[Seat, ...]
    blocs: tuple[Bloc, ...]

    @property
    def full_members(self) -> int:
        return sum(seat.status == "full" for seat in self.members)

    @property
    def majority(self) -> Bloc | None:
        """The bloc with more than half the full members, if one had."""
        if self.blocs and 2 * self.blocs[0].seats > self.full_members:
            return self.blocs[0]
        return None

    def to_dict(self) -> dict[str, object]:
        majority = self.majority
        return {
            "body": self.body.id,
            "body_name": self.body.name,
            "on": self.on.iso(),
            "members": [seat.to_dict() for seat in self.members],
            "blocs": [bloc.to_dict() for bloc in self.blocs],
            "majority": None
            if majority is None
            else {**majority.to_dict(), "of": self.full_members},
        }


def members_on(kb: KB, body: str, *, on: HistDate) -> Composition:
    """Full and candidate members of `body` on `on`, with factions, blocs and the majority.

    1. the seats held on the date; 2. each member's faction; 3. blocs by alliance.
    """
    ref = resolve(kb, body, kinds=("body",))
    first, after = Period(on=on).bounds()
    seats = _seats(kb, ref.id, first, after)  # 1
    memberships = _faction_rows(kb, [seat.id for seat in seats], first, after)
    factions = _best(memberships, first, after)  # 2
    roots = _alliances(kb, memberships, first, after)  # 3
    aligned = [_aligned(seat, factions.get(seat.id), roots) for seat in seats]
    blocs = _blocs(aligned)
    labelled = tuple(replace(s, bloc=s.bloc and blocs[s.bloc].label) for s in aligned)
    ranked = sorted(blocs.values(), key=lambda bloc: (-bloc.seats, bloc.label))
    return Composition(ref, on, labelled, tuple(ranked))


def _best(rows: Iterable[Row], first: str, after: str) -> dict[str, Row]:
    """Per subject, the row covering most of [first, after), then the later one."""
    best: dict[str, Row] = {}
    for row in rows:
        key = (overlap_days(row, first, after), row["start"])
        held = best.get(row["subject"])
        if held is None or key > (overlap_days(held, first, after), held["start"]):
            best[row["subject"]] = row
    return best


def _seats(kb: KB, body: str, first: str, after: str) -> list[Seat]:
    rows = kb.db.execute(
        "SELECT a.*, e.name AS member_name FROM assertions a JOIN entities e ON e.id = a.subject"
        f" WHERE a.predicate = 'member_of' AND a.object = ? AND a.role IN ({_ROLE_MARKS})"
        " AND a.start < ? AND a.end > ?",
        (body, after, first),
    )
    seats = [
        Seat(row["subject"], row["member_name"], row["role"], row["iso"], row["id"])
        for row in _best(rows, first, after).values()
    ]
    # Ids of people are their surnames (docs/data-format.md): full members, then candidates,
    # each in surname order.
    return sorted(seats, key=lambda seat: (SEAT_ROLES.index(seat.status), seat.id))


def _faction_rows(kb: KB, people: Sequence[str], first: str, after: str) -> list[Row]:
    marks = ", ".join("?" * len(people))
    rows = kb.db.execute(
        "SELECT a.*, e.name AS faction_name FROM assertions a JOIN entities e ON e.id = a.object"
        " WHERE a.predicate = 'member_of' AND e.kind = 'faction' AND a.start < ? AND a.end > ?"
        f" AND a.subject IN ({marks})",
        (after, first, *people),
    )
    return list(rows)


def _covers(row: Row, first: str, after: str) -> bool:
    return bool(row["start"] <= first and row["end"] >= after)


def _alliances(kb: KB, memberships: Iterable[Row], first: str, after: str) -> dict[str, str]:
    """Union-find over people and factions: node → the root of its bloc.

    Joined are a person and each faction they belonged to, and the two sides of an
    allied_with link. Only ties that held throughout the date count: over a whole year,
    Zinoviev's Triumvirate (to October 1925) and New Opposition (from October 1925) must
    not join the two sides of 1925 into one bloc.
    """
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    alliances = kb.db.execute(
        "SELECT * FROM assertions WHERE predicate = 'allied_with' AND object IS NOT NULL"
        " AND start <= ? AND end >= ?",
        (first, after),
    )
    ties = [(r["subject"], r["object"]) for r in memberships if _covers(r, first, after)]
    for a, b in ties + [(r["subject"], r["object"]) for r in alliances]:
        parent[find(a)] = find(b)
    return {node: find(node) for node in list(parent)}


def _aligned(seat: Seat, faction: Row | None, roots: dict[str, str]) -> Seat:
    """The seat with its faction and its bloc's root (a faction, or an allied person)."""
    if faction is None:
        return replace(seat, bloc=roots.get(seat.id))
    node = faction["object"]
    return replace(
        seat, faction=node, faction_name=faction["faction_name"], bloc=roots.get(node, node)
    )


def _blocs(seats: Sequence[Seat]) -> dict[str, Bloc]:
    """Bloc root → Bloc, for every root that holds a seat."""
    grouped: dict[str, list[Seat]] = defaultdict(list)
    for seat in seats:
        if seat.bloc is not None:
            grouped[seat.bloc].append(seat)
    return {root: _bloc(members) for root, members in grouped.items()}


def _bloc(members: Sequence[Seat]) -> Bloc:
    """Labelled by its factions, the one with most members first; else by its people."""
    counts: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for seat in members:
        if seat.faction is not None and seat.faction_name is not None:
            counts[seat.faction] += 1
            names[seat.faction] = seat.faction_name
    ordered = sorted(counts, key=lambda f: (-counts[f], names[f]))
    label = " + ".join(names[f] for f in ordered) or " + ".join(s.name for s in members)
    seats = sum(seat.status == "full" for seat in members)
    return Bloc(label, tuple(ordered), tuple(seat.id for seat in members), seats)


# --- changes over a period ------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """A member joining or leaving a body (as full or candidate) on a date."""

    day: str
    iso: str
    rendered: str
    change: str
    id: str
    name: str
    status: str
    assertion: str

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.iso,
            "change": self.change,
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "assertion": self.assertion,
        }


@dataclass(frozen=True)
class Changes:
    body: Ref
    period: Period
    changes: tuple[Change, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "body": self.body.id,
            "body_name": self.body.name,
            **self.period.to_dict(),
            "changes": [change.to_dict() for change in self.changes],
        }


def changes(kb: KB, body: str, *, period: Period = Period()) -> Changes:
    """Who joined and who left `body` (full or candidate) within `period`, in date order."""
    ref = resolve(kb, body, kinds=("body",))
    first, after = period.bounds()
    rows = kb.db.execute(
        "SELECT a.*, e.name AS member_name FROM assertions a JOIN entities e ON e.id = a.subject"
        f" WHERE a.predicate = 'member_of' AND a.object = ? AND a.role IN ({_ROLE_MARKS})"
        " AND ((a.start >= ? AND a.start < ?) OR (a.iso LIKE '%/%' AND a.end > ? AND a.end <= ?))",
        (ref.id, first, after, first, after),
    )
    found = [change for row in rows for change in _changes_of(row, first, after)]
    # On one day, leaving before joining: a candidate promoted to full reads in that order.
    order = {"left": 0, "joined": 1}
    found.sort(key=lambda c: (c.day, order[c.change], c.name))
    return Changes(ref, period, tuple(found))


def _changes_of(row: Row, first: str, after: str) -> list[Change]:
    start_iso, end_iso = ends(row["iso"])
    start_text, _, end_text = str(row["rendered"]).partition(" – ")
    member = (row["subject"], row["member_name"], row["role"], row["id"])
    found = []
    if first <= row["start"] < after:
        found.append(Change(row["start"], str(start_iso), start_text, "joined", *member))
    last_day = (datetime.date.fromisoformat(row["end"]) - _ONE_DAY).isoformat()
    if "/" in row["iso"] and first <= last_day < after:
        found.append(Change(last_day, str(end_iso), end_text, "left", *member))
    return found
