from __future__ import annotations

from pathlib import Path

from kremlinology.dates import Calendar, HistDate, Interval
from kremlinology.kb.load import data_version, load_data

from ..conftest import KB_TINY


def test_load_reads_starter_data_without_problems() -> None:
    loaded = load_data(KB_TINY)
    assert loaded.errors == []
    assert set(loaded.data.entities) >= {"lenin", "stalin", "politburo"}


def test_load_keeps_calendar_and_precision() -> None:
    born = load_data(KB_TINY).data.assertions["lenin-born"]
    assert born.when == HistDate(1870, 4, 10, Calendar.JULIAN)
    assert born.when.iso() == "1870-04-22"


def test_load_reads_intervals() -> None:
    term = load_data(KB_TINY).data.assertions["stalin-gensec"]
    assert isinstance(term.when, Interval)
    assert term.when.iso() == "1922-04-03/1952-10-16"


def test_load_records_file_and_line() -> None:
    born = load_data(KB_TINY).data.assertions["lenin-born"]
    lines = (KB_TINY / born.where.file).read_text().splitlines()
    assert "id: lenin-born" in lines[born.where.line - 1]


def test_load_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("assertions:\n  - id: x\n    statement: [unclosed\n")
    errors = load_data(tmp_path).errors
    assert [(e.code, e.file) for e in errors] == [("K100", "bad.yaml")]
    assert errors[0].line >= 3
    assert errors[0].render().startswith("bad.yaml:")


def test_load_collects_every_problem(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "entities:\n  - {id: x, kind: wizard, name: X}\n  - {id: Y, kind: person, name: Y}\n"
    )
    codes = sorted(e.code for e in load_data(tmp_path).errors)
    assert codes == ["K104", "K106"]


def test_load_version_is_a_content_hash(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("sources: []\n")
    first = data_version(tmp_path)
    assert data_version(tmp_path) == first
    (tmp_path / "a.yaml").write_text("sources: []\n# changed\n")
    assert data_version(tmp_path) != first


def test_load_non_utf8_file_is_k100(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes("entities: []\n# \xe9\n".encode("latin-1"))
    assert [e.code for e in load_data(tmp_path).errors] == ["K100"]
