"""Open the compiled knowledge base read-only, building it first when it is missing or stale."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError
from .build import DEFAULT_DATA_DIR, build_kb
from .load import data_version


@dataclass(frozen=True)
class Stats:
    """Counts for `kb stats`."""

    kb_version: str
    entities: dict[str, int]
    assertions: int
    sources: int
    phases: int
    predicates: dict[str, int]
    years: dict[str, int]
    disputed: int

    def as_dict(self) -> dict[str, object]:
        return {
            "kb_version": self.kb_version,
            "entities": self.entities,
            "assertions": self.assertions,
            "sources": self.sources,
            "phases": self.phases,
            "predicates": self.predicates,
            "years": self.years,
            "disputed": self.disputed,
        }


class KB:
    """A read-only connection to a compiled knowledge base."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            row = self.db.execute("SELECT value FROM meta WHERE key = 'kb_version'").fetchone()
        except sqlite3.Error as e:
            raise BuildError(
                f"{path} is not a kremlinology knowledge base ({e}); run `kremlinology kb build`"
            ) from e
        self.version: str = row["value"]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> KB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stats(self) -> Stats:
        q = self.db.execute
        kinds = dict(q("SELECT kind, count(*) FROM entities GROUP BY kind ORDER BY kind"))
        predicates = dict(
            q(
                "SELECT predicate, count(*) FROM assertions GROUP BY predicate "
                "ORDER BY count(*) DESC, predicate"
            )
        )
        years = Counter(r[0][:4] for r in q("SELECT start FROM assertions WHERE start IS NOT NULL"))
        return Stats(
            kb_version=self.version,
            entities=kinds,
            assertions=q("SELECT count(*) FROM assertions").fetchone()[0],
            sources=q("SELECT count(*) FROM sources").fetchone()[0],
            phases=q("SELECT count(*) FROM phases").fetchone()[0],
            predicates=predicates,
            years=dict(sorted(years.items())),
            disputed=q("SELECT count(*) FROM assertions WHERE confidence = 'disputed'").fetchone()[
                0
            ],
        )


def stored_version(path: Path) -> str | None:
    """The kb_version recorded in a compiled file, or None when there is no usable file."""
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'kb_version'").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def open_kb(path: Path, *, data_dir: Path = DEFAULT_DATA_DIR) -> KB:
    """Open `path`, (re)building it from `data_dir` first when it is missing or stale."""
    if stored_version(path) != data_version(data_dir):
        build_kb(path, data_dir=data_dir)
    return KB(path)
