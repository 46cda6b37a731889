"""YAML data files -> model records, keeping file:line for every record.

Stages:
1. read each `*.yaml` file of the data folder in name order (K100 on unreadable YAML);
2. check the top level and each record's fields and types (K101–K106);
3. build frozen model records; cross-record rules run later (kb/rules.py).

Every problem is collected: loading never stops at the first one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..dates import Calendar, HistDate, Interval, parse_span
from ..errors import BuildError, DataError, DateParseError
from . import vocab
from .model import (
    Alias,
    Alternative,
    Assertion,
    Citation,
    Entity,
    KBData,
    Phase,
    Source,
    Span,
    Where,
)

# Bumped whenever the compiled form changes, so that the same data still gets a new
# kb_version when the SQLite layout it compiles to is different.
SCHEMA_VERSION = "1"
LINE_KEY = "__line__"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TOP_LEVEL = ("sources", "entities", "assertions", "phases")

# Field tables: required and optional keys of each record kind (K102, K103).
FIELDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "sources": (
        frozenset({"id", "author", "title", "year", "kind"}),
        frozenset({"url", "publisher"}),
    ),
    "entities": (
        frozenset({"id", "kind", "name"}),
        frozenset({"aliases", "qid", "description", "part_of", "single_holder"}),
    ),
    "assertions": (
        frozenset({"id", "subject", "predicate", "statement"}),
        frozenset(
            {
                "object",
                "value",
                "role",
                "when",
                "calendar",
                "place",
                "polarity",
                "confidence",
                "alternatives",
                "sources",
                "tags",
                "note",
            }
        ),
    ),
    "phases": (
        frozenset({"id", "people", "label", "when", "polarity", "summary"}),
        frozenset({"calendar", "sources"}),
    ),
}


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that records the 1-based line of every mapping under LINE_KEY."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


def data_files(folder: Path) -> list[Path]:
    """The data files of a folder, in the order they are loaded."""
    if not folder.is_dir():
        raise BuildError(f"no data folder at {folder}: give --data DIR, a folder of *.yaml files")
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise BuildError(f"the data folder {folder} holds no *.yaml files")
    return files


def data_version(folder: Path) -> str:
    """The content hash of the data folder: same files, same bytes, same version."""
    digest = hashlib.sha256(f"schema:{SCHEMA_VERSION}\n".encode())
    for path in data_files(folder):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@dataclass
class _Problems:
    """Collects DataErrors for one file."""

    file: str
    errors: list[DataError] = field(default_factory=list)

    def add(self, code: str, message: str, line: int, field_name: str = "") -> None:
        self.errors.append(DataError(code, message, file=self.file, line=line, field=field_name))


@dataclass
class Loaded:
    """What the loader read: the records and the problems, before cross-record rules."""

    data: KBData
    errors: list[DataError]
    # every record kind and id in load order, for duplicate detection (K201)
    ids: list[tuple[str, str, Where]] = field(default_factory=list)


def load_data(folder: Path) -> Loaded:
    """Read every data file of `folder`; collect all schema problems (K1xx)."""
    loaded = Loaded(KBData(data_version(folder), {}, {}, {}, {}), [])
    for path in data_files(folder):
        _load_file(path, loaded)
    return loaded


def _load_file(path: Path, loaded: Loaded) -> None:
    problems = _Problems(path.name)
    doc = _parse_yaml(path, problems)
    if doc is not None:
        for key, records in _top_level(doc, problems):
            for raw in _records(records, key, problems):
                _load_record(key, raw, problems, loaded)
    loaded.errors.extend(problems.errors)


def _parse_yaml(path: Path, problems: _Problems) -> dict[str, Any] | None:
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        problems.add("K100", f"YAML syntax error: {problem}", line)
        return None
    except UnicodeDecodeError as e:
        problems.add("K100", f"the file is not UTF-8 ({e.reason})", 0)
        return None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        problems.add(
            "K101", "the file must be a mapping with sources/entities/assertions/phases", 1
        )
        return None
    return doc


def _top_level(doc: dict[str, Any], problems: _Problems) -> Iterator[tuple[str, Any]]:
    line = doc.get(LINE_KEY, 1)
    for key, value in doc.items():
        if key == LINE_KEY:
            continue
        if key not in TOP_LEVEL:
            problems.add(
                "K101", f"unknown top-level key '{key}' (use {', '.join(TOP_LEVEL)})", line, key
            )
            continue
        yield key, value


def _records(value: Any, key: str, problems: _Problems) -> Iterator[dict[str, Any]]:
    if value is None:
        return
    if not isinstance(value, list):
        problems.add("K101", f"'{key}' must be a list of records", 1, key)
        return
    for i, raw in enumerate(value):
        if isinstance(raw, dict):
            yield raw
        else:
            problems.add("K101", f"{key}[{i}] must be a mapping, not {type(raw).__name__}", 1, key)


def _load_record(key: str, raw: dict[str, Any], problems: _Problems, loaded: Loaded) -> None:
    reader = _Reader(raw, problems, key)
    if not reader.check_fields():
        return
    where = Where(problems.file, reader.line)
    record_id = reader.id()
    loaded.ids.append((key, record_id, where))
    build = _BUILDERS[key]
    record = build(reader, where)
    if reader.ok and record is not None:
        getattr(loaded.data, key)[record_id] = record


class _Reader:
    """Typed access to one raw record; every bad field becomes a problem, not an exception."""

    def __init__(self, raw: dict[str, Any], problems: _Problems, key: str) -> None:
        self.raw = raw
        self.problems = problems
        self.key = key
        self.line = int(raw.get(LINE_KEY, 0))
        self.ok = True
        self.label = f"{key}[{raw.get('id', '?')}]"

    def fail(self, code: str, message: str, field_name: str) -> None:
        self.ok = False
        self.problems.add(code, message, self.line, f"{self.label}.{field_name}")

    def check_fields(self) -> bool:
        required, optional = FIELDS[self.key]
        present = set(self.raw) - {LINE_KEY}
        for name in sorted(required - present):
            self.fail("K102", f"required field '{name}' is missing", name)
        for name in sorted(present - required - optional):
            allowed = ", ".join(sorted(required | optional))
            self.fail("K103", f"unknown field '{name}' (allowed: {allowed})", name)
        return self.ok

    def id(self) -> str:
        value = self.text("id")
        if value and not ID_PATTERN.match(value):
            self.fail("K106", f"id '{value}' must be lower case a-z, 0-9 and '-'", "id")
        return value

    def text(self, name: str, *, required: bool = True) -> str:
        value = self.raw.get(name)
        if value is None and not required:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail("K104", f"'{name}' must be text, not {type(value).__name__}", name)
            return ""
        text = str(value).strip()
        if not text and required:
            self.fail("K104", f"'{name}' must not be empty", name)
        return text

    def optional(self, name: str) -> str | None:
        return self.text(name, required=False) or None

    def choice(self, name: str, allowed: tuple[str, ...], default: str | None = None) -> str | None:
        value = self.raw.get(name, default)
        if value is None:
            return None
        if value not in allowed:
            self.fail("K104", f"'{name}' is '{value}'; allowed: {', '.join(allowed)}", name)
            return None
        return str(value)

    def calendar(self) -> Calendar | None:
        value = self.choice("calendar", vocab.CALENDARS)
        return Calendar(value) if value else None

    def span(self, name: str, calendar: Calendar | None, raw: Any = None) -> Span | None:
        value = self.raw.get(name) if raw is None else raw
        if value is None:
            return None
        try:
            span = parse_span(str(value), calendar=calendar)
        except DateParseError as e:
            self.fail("K105", str(e), name)
            return None
        if calendar is None and _before_switch(span):
            self.fail(
                "K304",
                f"'{value}' is before 14 February 1918: say `calendar: julian` "
                "(Old Style) or `calendar: gregorian`",
                name,
            )
        return span

    def strings(self, name: str) -> tuple[str, ...]:
        value = self.raw.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail("K104", f"'{name}' must be a list of strings", name)
            return ()
        return tuple(value)

    def citations(self, raw: Any, name: str = "sources") -> tuple[Citation, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.fail("K104", f"'{name}' must be a list of citations", name)
            return ()
        return tuple(c for c in (self._citation(item, name) for item in raw) if c is not None)

    def _citation(self, item: Any, name: str) -> Citation | None:
        if isinstance(item, str):
            return Citation(item)
        if isinstance(item, dict) and isinstance(item.get("source"), str):
            locator = item.get("locator")
            return Citation(item["source"], str(locator) if locator is not None else None)
        self.fail("K104", "a citation is a source id or {source: ID, locator: TEXT}", name)
        return None


def _before_switch(span: Span) -> bool:
    first = span.start if isinstance(span, Interval) else span
    return first.bounds()[0] < _SWITCH


def _build_source(r: _Reader, where: Where) -> Source | None:
    year = r.raw.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        r.fail("K104", f"'year' must be a whole number, not {year!r}", "year")
        year = 0
    kind = r.choice("kind", vocab.SOURCE_KINDS) or ""
    return Source(
        r.text("id"),
        r.text("author"),
        r.text("title"),
        year,
        kind,
        r.optional("url"),
        r.optional("publisher"),
        where,
    )


def _build_entity(r: _Reader, where: Where) -> Entity | None:
    kind = r.choice("kind", vocab.ENTITY_KINDS) or ""
    single = r.raw.get("single_holder", True)
    if not isinstance(single, bool):
        r.fail("K104", "'single_holder' must be true or false", "single_holder")
    return Entity(
        r.text("id"),
        kind,
        r.text("name"),
        _aliases(r),
        r.optional("qid"),
        r.optional("description"),
        r.optional("part_of"),
        bool(single),
        where,
    )


def _aliases(r: _Reader) -> tuple[Alias, ...]:
    raw = r.raw.get("aliases") or []
    if not isinstance(raw, list):
        r.fail("K104", "'aliases' must be a list", "aliases")
        return ()
    return tuple(a for a in (_alias(r, item) for item in raw) if a is not None)


def _alias(r: _Reader, item: Any) -> Alias | None:
    if isinstance(item, str):
        return Alias(item)
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        r.fail("K104", "an alias is a name or {name: TEXT, kind: KIND, when: DATES}", "aliases")
        return None
    kind = item.get("kind", "name")
    if kind not in vocab.ALIAS_KINDS:
        r.fail("K104", f"alias kind '{kind}'; allowed: {', '.join(vocab.ALIAS_KINDS)}", "aliases")
    calendar = Calendar(item["calendar"]) if item.get("calendar") in vocab.CALENDARS else None
    when = item.get("when")
    span = r.span("aliases", calendar or Calendar.GREGORIAN, raw=when) if when else None
    return Alias(item["name"], str(kind), span)


def _build_assertion(r: _Reader, where: Where) -> Assertion | None:
    calendar = r.calendar()
    value = r.raw.get("value")
    return Assertion(
        id=r.text("id"),
        subject=r.text("subject"),
        predicate=r.text("predicate"),
        statement=r.text("statement"),
        sources=r.citations(r.raw.get("sources")),
        object=r.optional("object"),
        value=None if value is None else str(value),
        role=r.optional("role"),
        when=r.span("when", calendar),
        calendar=calendar,
        place=r.optional("place"),
        polarity=r.choice("polarity", vocab.POLARITIES),
        confidence=r.choice("confidence", vocab.CONFIDENCES, "certain") or "certain",
        alternatives=_alternatives(r, calendar),
        tags=r.strings("tags"),
        note=r.optional("note"),
        where=where,
    )


def _alternatives(r: _Reader, calendar: Calendar | None) -> tuple[Alternative, ...]:
    raw = r.raw.get("alternatives") or []
    if not isinstance(raw, list) or not all(isinstance(a, dict) for a in raw):
        r.fail("K104", "'alternatives' must be a list of mappings", "alternatives")
        return ()
    return tuple(_alternative(r, item, calendar) for item in raw)


def _alternative(r: _Reader, item: dict[str, Any], calendar: Calendar | None) -> Alternative:
    if not isinstance(item.get("held_by"), str):
        r.fail("K102", "each alternative needs 'held_by' (who holds this view)", "alternatives")
    own = item.get("calendar")
    alt_calendar = Calendar(own) if own in vocab.CALENDARS else calendar
    when = r.span("alternatives", alt_calendar, raw=item["when"]) if "when" in item else None
    value = item.get("value")
    return Alternative(
        held_by=str(item.get("held_by", "")),
        sources=r.citations(item.get("sources"), "alternatives"),
        when=when,
        object=item.get("object"),
        value=None if value is None else str(value),
    )


def _build_phase(r: _Reader, where: Where) -> Phase | None:
    calendar = r.calendar()
    people = r.strings("people")
    if len(people) != 2:
        r.fail("K104", "'people' must name exactly two people", "people")
        return None
    when = r.span("when", calendar)
    if when is None:
        return None
    return Phase(
        r.text("id"),
        (people[0], people[1]),
        r.text("label"),
        when,
        r.choice("polarity", vocab.PHASE_POLARITIES) or "",
        r.text("summary"),
        r.citations(r.raw.get("sources")),
        calendar,
        where,
    )


_SWITCH = HistDate(1918, 2, 14).bounds()[0]
_BUILDERS: dict[str, Callable[[_Reader, Where], Any]] = {
    "sources": _build_source,
    "entities": _build_entity,
    "assertions": _build_assertion,
    "phases": _build_phase,
}
