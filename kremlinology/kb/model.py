"""The factoid model: frozen records that travel from the YAML loader to SQLite and back.

See docs/data-format.md for the meaning of every field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..dates import Calendar, HistDate, Interval

Span = HistDate | Interval


@dataclass(frozen=True)
class Where:
    """The file and line a record was read from (for error messages)."""

    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class Source:
    id: str
    author: str
    title: str
    year: int
    kind: str
    url: str | None = None
    publisher: str | None = None
    where: Where = field(default=Where(), compare=False)

    def cite(self, locator: str | None = None) -> str:
        """One line: `Author, Title (year), locator`."""
        text = f"{self.author}, {self.title} ({self.year})"
        if locator:
            text += f", {locator}"
        if self.url and not (locator and locator.startswith("http")):
            text += f", {self.url}"
        return text


@dataclass(frozen=True)
class Alias:
    name: str
    kind: str = "name"
    when: Span | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    name: str
    aliases: tuple[Alias, ...] = ()
    qid: str | None = None
    description: str | None = None
    part_of: str | None = None
    single_holder: bool = True
    where: Where = field(default=Where(), compare=False)

    def names(self) -> tuple[str, ...]:
        """The canonical name first, then every alias."""
        return (self.name, *(a.name for a in self.aliases))


@dataclass(frozen=True)
class Citation:
    source: str
    locator: str | None = None


@dataclass(frozen=True)
class Alternative:
    held_by: str
    sources: tuple[Citation, ...]
    when: Span | None = None
    object: str | None = None
    value: str | None = None


@dataclass(frozen=True)
class Assertion:
    id: str
    subject: str
    predicate: str
    statement: str
    sources: tuple[Citation, ...]
    object: str | None = None
    value: str | None = None
    role: str | None = None
    when: Span | None = None
    calendar: Calendar | None = None
    place: str | None = None
    polarity: str | None = None
    confidence: str = "certain"
    alternatives: tuple[Alternative, ...] = ()
    tags: tuple[str, ...] = ()
    note: str | None = None
    where: Where = field(default=Where(), compare=False)


@dataclass(frozen=True)
class Phase:
    id: str
    people: tuple[str, str]
    label: str
    when: Span
    polarity: str
    summary: str
    sources: tuple[Citation, ...]
    calendar: Calendar | None = None
    where: Where = field(default=Where(), compare=False)


@dataclass(frozen=True)
class KBData:
    """Everything the data files hold, keyed by id, plus the content hash."""

    version: str
    sources: dict[str, Source]
    entities: dict[str, Entity]
    assertions: dict[str, Assertion]
    phases: dict[str, Phase]
