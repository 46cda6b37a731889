"""The building blocks of every answer: the period asked about, assertions and tenures as
answers show them, and their sources as citation lines.

The question functions live in kb/queries.py and kb/institutions.py; this module holds what
they share. Dates follow kb/schema.sql: `start`/`end` are New Style days, half-open; `iso`
keeps the written precision and `rendered` shows both calendars where the source used OS.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..dates import HistDate
from ..errors import DateParseError
from .model import Source
from .store import KB

Row = sqlite3.Row

# Open ends of a period, as ISO days that sort before and after every stored day.
EARLIEST = "0001-01-01"
LATEST = "9999-12-31"


def date_order(table: str = "") -> str:
    """Undated rows last; at one start day the coarser date first (as HistDate.sort_key)."""
    t = f"{table}." if table else ""
    return f"ORDER BY {t}start IS NULL, {t}start, {t}precision, {t}id"


def ends(iso: str | None) -> tuple[str | None, str | None]:
    """("1922-04-03", "1952-10-16") from "1922-04-03/1952-10-16"; a date is both ends."""
    if iso is None:
        return None, None
    start, _, end = iso.partition("/")
    return start, end or start


def overlap_days(row: Row, first: str, after: str) -> int:
    """How many days of a dated row fall inside [first, after)."""
    start, end = max(row["start"], first), min(row["end"], after)
    return (datetime.date.fromisoformat(end) - datetime.date.fromisoformat(start)).days


@dataclass(frozen=True)
class Period:
    """What a question asks about: one date (`on`), a range (either end open), or all time.

    A year or a month given as `on` means any time in it ("who held it in 1924").
    """

    on: HistDate | None = None
    start: HistDate | None = None
    end: HistDate | None = None

    def __post_init__(self) -> None:
        if self.on is not None and (self.start or self.end):
            raise DateParseError("give one date or a range (from, to), not both")
        if self.start and self.end and self.end.bounds()[1] <= self.start.bounds()[0]:
            raise DateParseError(
                f"the range ends ({self.end.render()}) before it starts ({self.start.render()})"
            )

    def bounds(self) -> tuple[str, str]:
        """Half-open New Style ISO days [first, after)."""
        if self.on is not None:
            first, after = self.on.bounds()
            return first.isoformat(), after.isoformat()
        first_text = self.start.bounds()[0].isoformat() if self.start else EARLIEST
        return first_text, self.end.bounds()[1].isoformat() if self.end else LATEST

    def render(self) -> str:
        """ "on 1 January 1923", "in 1925", "from 1923 to 1925", "at any time"."""
        if self.on is not None:
            return f"on {self.on.render()}" if self.on.day else f"in {self.on.render()}"
        parts = [f"from {self.start.render()}" if self.start else ""]
        parts.append(f"to {self.end.render()}" if self.end else "")
        return " ".join(p for p in parts if p) or "at any time"

    def to_dict(self) -> dict[str, str | None]:
        if self.on is not None:
            return {"on": self.on.iso()}
        return {
            "from": self.start.iso() if self.start else None,
            "to": self.end.iso() if self.end else None,
        }


@dataclass(frozen=True)
class Entry:
    """One assertion as a question shows it: date, statement, polarity and sources."""

    assertion: str
    predicate: str
    subject: str
    object_id: str | None
    iso: str | None
    rendered: str | None
    statement: str
    polarity: str | None
    confidence: str
    sources: tuple[str, ...]
    phase: str | None = None
    start_day: str | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.iso,
            "statement": self.statement,
            "polarity": self.polarity,
            "assertion": self.assertion,
            "sources": list(self.sources),
            "predicate": self.predicate,
            "subject": self.subject,
            "object": self.object_id,
            "confidence": self.confidence,
            "phase": self.phase,
        }


@dataclass(frozen=True)
class Tenure:
    """An office, a seat, a faction or a phase over a time: who or what, the role, the dates."""

    id: str
    name: str
    role: str | None
    iso: str | None
    rendered: str | None
    assertion: str
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        start, end = ends(self.iso)
        return {"id": self.id, "name": self.name, "role": self.role, "start": start, "end": end}


def tenure_of(row: Row, entity_id: str, name: str, sources: tuple[str, ...] = ()) -> Tenure:
    return Tenure(entity_id, name, row["role"], row["iso"], row["rendered"], row["id"], sources)


def citations(kb: KB, owners: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Every owner's sources as "Author, Title (year), locator", in citation order."""
    cited: dict[str, list[str]] = {owner: [] for owner in owners}
    marks = ", ".join("?" * len(owners))
    rows = kb.db.execute(
        "SELECT c.owner, c.locator, s.* FROM citations c JOIN sources s ON s.id = c.source_id"
        f" WHERE c.owner IN ({marks}) ORDER BY c.owner, c.ord",
        tuple(owners),
    )
    for row in rows:
        source = Source(
            row["id"], row["author"], row["title"], row["year"], row["kind"], row["url"]
        )
        cited[row["owner"]].append(source.cite(row["locator"]))
    return {owner: tuple(sources) for owner, sources in cited.items()}


def entries(kb: KB, where: str, params: Sequence[object]) -> tuple[Entry, ...]:
    """The assertions matching `where`, in date order, with their sources."""
    rows = list(kb.db.execute(f"SELECT * FROM assertions WHERE {where} {date_order()}", params))
    sources = citations(kb, [row["id"] for row in rows])
    return tuple(_entry(row, sources[row["id"]]) for row in rows)


def _entry(row: Row, sources: tuple[str, ...]) -> Entry:
    return Entry(
        assertion=row["id"],
        predicate=row["predicate"],
        subject=row["subject"],
        object_id=row["object"],
        iso=row["iso"],
        rendered=row["rendered"],
        statement=row["statement"],
        polarity=row["polarity"],
        confidence=row["confidence"],
        sources=sources,
        start_day=row["start"],
    )
