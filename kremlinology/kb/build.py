"""Compile the data files into one SQLite file, atomically.

Stages:
1. validate the data folder (kb/rules.py): a folder with problems builds nothing;
2. write every table into a temporary file beside the target;
3. `os.replace` it over the target, so a failed build leaves the previous file intact.

The same data gives the same `kb_version` (kb/load.py: data_version).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from importlib import resources
from pathlib import Path

from ..dates import Interval
from ..errors import BuildError
from .model import Alternative, Assertion, Citation, Entity, KBData, Phase, Span
from .rules import validate

# The folder of the data files shipped with the package.
DEFAULT_DATA_DIR = Path(str(resources.files("kremlinology") / "data"))


def build_kb(target: Path, *, data_dir: Path = DEFAULT_DATA_DIR) -> str:
    """Validate `data_dir` and compile it to `target`; return the kb_version."""
    data = validate(data_dir)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write(tmp, data, data_dir)
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as e:
        raise BuildError(f"could not write the knowledge base to {target}: {e}") from e
    finally:
        if tmp.exists():
            tmp.unlink()
    return data.version


def _write(path: Path, data: KBData, data_dir: Path) -> None:
    path.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as db:
        db.executescript(resources.files(__package__).joinpath("schema.sql").read_text())
        _insert_all(db, data, data_dir)
        db.commit()


def _insert_all(db: sqlite3.Connection, data: KBData, data_dir: Path) -> None:
    meta = {"kb_version": data.version, "data_dir": str(data_dir)}
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    db.executemany(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (s.id, s.author, s.title, s.year, s.kind, s.url, s.publisher)
            for s in data.sources.values()
        ),
    )
    db.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (e.id, e.kind, e.name, e.qid, e.description, e.part_of, int(e.single_holder))
            for e in data.entities.values()
        ),
    )
    db.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?, ?, ?)",
        (row for e in data.entities.values() for row in _name_rows(e)),
    )
    db.executemany(
        "INSERT INTO names_fts VALUES (?, ?)",
        ((name, e.id) for e in data.entities.values() for name in e.names()),
    )
    for a in data.assertions.values():
        _insert_assertion(db, a)
    for p in data.phases.values():
        _insert_phase(db, p)


def _name_rows(e: Entity) -> Iterator[tuple[str, str, str, str, str | None, str | None]]:
    yield e.id, e.name, e.name.casefold(), "canonical", None, None
    for alias in e.aliases:
        start, end = _span_columns(alias.when)[:2]
        yield e.id, alias.name, alias.name.casefold(), alias.kind, start, end


def _span_columns(
    span: Span | None,
) -> tuple[str | None, str | None, int | None, str | None, str | None]:
    """start, end, precision, iso, rendered: the columns every dated row shares."""
    if span is None:
        return None, None, None, None, None
    start, end = span.bounds()
    first = span.start if isinstance(span, Interval) else span
    return start.isoformat(), end.isoformat(), int(first.precision), span.iso(), span.render()


def _insert_assertion(db: sqlite3.Connection, a: Assertion) -> None:
    start, end, precision, iso, rendered = _span_columns(a.when)
    when_text = None if a.when is None else a.when.iso()
    db.execute(
        "INSERT INTO assertions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?)",
        (
            a.id,
            a.subject,
            a.predicate,
            a.object,
            a.value,
            a.role,
            when_text,
            a.calendar.value if a.calendar else None,
            start,
            end,
            precision,
            iso,
            rendered,
            a.place,
            a.statement,
            a.polarity,
            a.confidence,
            json.dumps(list(a.tags)),
            a.note,
            a.where.file,
            a.where.line,
        ),
    )
    _insert_citations(db, a.id, a.sources)
    for i, alt in enumerate(a.alternatives):
        _insert_alternative(db, a.id, i, alt)
    db.execute("INSERT INTO statements_fts VALUES (?, ?, ?)", (a.statement, a.note or "", a.id))


def _insert_citations(db: sqlite3.Connection, owner: str, sources: tuple[Citation, ...]) -> None:
    db.executemany(
        "INSERT INTO citations VALUES (?, ?, ?, ?)",
        ((owner, i, c.source, c.locator) for i, c in enumerate(sources)),
    )


def _insert_alternative(db: sqlite3.Connection, owner: str, i: int, alt: Alternative) -> None:
    start, end, _precision, iso, rendered = _span_columns(alt.when)
    cites = json.dumps([[c.source, c.locator] for c in alt.sources])
    db.execute(
        "INSERT INTO alternatives VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (owner, i, alt.held_by, iso, rendered, start, end, alt.object, alt.value, cites),
    )


def _insert_phase(db: sqlite3.Connection, p: Phase) -> None:
    start, end, _precision, iso, rendered = _span_columns(p.when)
    db.execute(
        "INSERT INTO phases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (p.id, p.people[0], p.people[1], p.label, start, end, iso, rendered, p.polarity, p.summary),
    )
    _insert_citations(db, p.id, p.sources)
