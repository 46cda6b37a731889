from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kremlinology.errors import BuildError, DataErrors
from kremlinology.kb import KB, build_kb, open_kb
from kremlinology.kb.load import data_version
from kremlinology.kb.store import stored_version

from ..conftest import KB_BROKEN, KB_TINY


def test_build_records_the_data_version(tmp_path: Path) -> None:
    version = build_kb(tmp_path / "kb.sqlite", data_dir=KB_TINY)
    assert version == data_version(KB_TINY)
    assert stored_version(tmp_path / "kb.sqlite") == version


def test_build_same_data_same_version(tmp_path: Path) -> None:
    assert build_kb(tmp_path / "a.sqlite", data_dir=KB_TINY) == build_kb(
        tmp_path / "b.sqlite", data_dir=KB_TINY
    )


def test_build_failure_keeps_previous_file(tmp_path: Path, data_copy: Path) -> None:
    target = tmp_path / "kb.sqlite"
    build_kb(target, data_dir=data_copy)
    before = target.read_bytes()
    shutil.copy(KB_BROKEN / "k202_unknown_entity.yaml", data_copy)
    with pytest.raises(DataErrors):
        build_kb(target, data_dir=data_copy)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_build_indexes_names_and_statements(kb_tiny: KB) -> None:
    hits = kb_tiny.db.execute(
        "SELECT entity_id FROM names_fts WHERE names_fts MATCH 'koba'"
    ).fetchall()
    assert [h[0] for h in hits] == ["stalin"]
    found = kb_tiny.db.execute(
        "SELECT assertion_id FROM statements_fts WHERE statements_fts MATCH 'Tammerfors'"
    ).fetchall()
    assert [f[0] for f in found] == ["lenin-stalin-first-met"]


def test_build_stores_both_calendars(kb_tiny: KB) -> None:
    row = kb_tiny.db.execute(
        "SELECT iso, rendered, calendar FROM assertions WHERE id = 'lenin-born'"
    ).fetchone()
    assert tuple(row) == ("1870-04-22", "10 [22] April 1870", "julian")


def test_store_opens_read_only(kb_tiny: KB) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        kb_tiny.db.execute("DELETE FROM entities")


def test_store_builds_on_first_use(tmp_path: Path) -> None:
    with open_kb(tmp_path / "new.sqlite", data_dir=KB_TINY) as kb:
        assert kb.version == data_version(KB_TINY)


def test_store_rebuilds_when_data_changes(tmp_path: Path, data_copy: Path) -> None:
    path = tmp_path / "kb.sqlite"
    with open_kb(path, data_dir=data_copy) as kb:
        old = kb.version
    (data_copy / "extra.yaml").write_text("entities:\n  - {id: gorky, kind: person, name: Gorky}\n")
    with open_kb(path, data_dir=data_copy) as kb:
        assert kb.version != old
        assert kb.stats().entities["person"] == 8


def test_store_rejects_a_file_that_is_no_kb(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"not a database")
    with pytest.raises(BuildError, match="not a kremlinology knowledge base"):
        KB(path)


def test_store_stats_counts(kb_tiny: KB) -> None:
    stats = kb_tiny.stats()
    assert stats.entities["person"] == 7
    assert stats.predicates["born"] == 3
    assert stats.disputed == 1
    assert stats.years["1924"] >= 3
