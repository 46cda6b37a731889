"""Each validation rule has one broken fixture, named by its code (tests/data/kb_broken)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kremlinology.errors import DataErrors
from kremlinology.kb import validate
from kremlinology.kb.rules import CODES, RULES

from ..conftest import KB_BROKEN

BROKEN = sorted(KB_BROKEN.glob("k*.yaml"))


def _code(path: Path) -> str:
    return path.name.split("_")[0].upper()


@pytest.mark.parametrize("broken", BROKEN, ids=[p.stem for p in BROKEN])
def test_rules_broken_fixture_fails_with_its_code(broken: Path, data_copy: Path) -> None:
    shutil.copy(broken, data_copy / broken.name)
    with pytest.raises(DataErrors) as info:
        validate(data_copy)
    found = {(e.code, e.file) for e in info.value.errors}
    assert (_code(broken), broken.name) in found


def test_rules_every_code_has_a_broken_fixture() -> None:
    assert {_code(p) for p in BROKEN} == set(CODES)


def test_rules_registered_codes_are_documented_codes() -> None:
    assert set(RULES) <= set(CODES)


def test_rules_starter_data_is_valid(data_copy: Path) -> None:
    assert "lenin-born" in validate(data_copy).assertions


def test_rules_k302_allows_the_handover_day(data_copy: Path) -> None:
    (data_copy / "handover.yaml").write_text(
        "assertions:\n"
        "  - {id: handover, subject: molotov, predicate: held_office, object: sovnarkom-chairman,"
        " when: '1930-12-19/1941-05-06', calendar: gregorian, statement: Handover test.,"
        " sources: [wp-joseph-stalin]}\n"
        "entities:\n  - {id: molotov, kind: person, name: Vyacheslav Molotov}\n"
    )
    assert "handover" in validate(data_copy).assertions


def test_rules_k301_skips_posthumous_predicates(data_copy: Path) -> None:
    (data_copy / "posthumous.yaml").write_text(
        "assertions:\n"
        "  - {id: embalmed-test, subject: lenin, predicate: embalmed, when: '1924-03',"
        " calendar: gregorian, statement: Embalming test., sources: [wp-vladimir-lenin]}\n"
    )
    assert "embalmed-test" in validate(data_copy).assertions


def test_rules_errors_render_one_per_line(data_copy: Path) -> None:
    for name in ("k401_no_source.yaml", "k204_unknown_predicate.yaml"):
        shutil.copy(KB_BROKEN / name, data_copy / name)
    with pytest.raises(DataErrors) as info:
        validate(data_copy)
    lines = str(info.value).splitlines()
    assert len(lines) == 2
    assert all(":" in line.split(" ")[0] for line in lines)
