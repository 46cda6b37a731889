"""Docs are tested against the code: every rule code, predicate, command and report key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kremlinology.cli import _register_commands, app, kb_app
from kremlinology.kb.rules import CODES
from kremlinology.kb.vocab import PREDICATES

DOCS = Path(__file__).parent.parent / "docs"


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(CODES))
def test_docs_validation_lists_every_code(code: str) -> None:
    assert f"**{code}**" in _read("validation.md")


@pytest.mark.parametrize("name", sorted(PREDICATES))
def test_docs_predicates_lists_every_predicate(name: str) -> None:
    assert f"`{name}`" in _read("predicates.md")


def _commands() -> list[str]:
    _register_commands()
    top = [c.name or "" for c in app.registered_commands]
    return [*top, *(f"kb {c.name}" for c in kb_app.registered_commands)]


@pytest.mark.parametrize("command", _commands())
def test_docs_cli_reference_has_every_command(command: str) -> None:
    assert f"## kremlinology {command}\n" in _read("cli.md")


@pytest.mark.parametrize(
    "key",
    [
        "source",
        "kb_version",
        "text",
        "clean_text",
        "summary",
        "claims",
        "restorations",
        "boilerplate",
        "correction",
        "facts",
        "confidence",
    ],
)
def test_docs_report_contract_names_every_key(key: str) -> None:
    assert f'"{key}"' in _read("report.md")
