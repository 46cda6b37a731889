"""The question commands (cli/ask.py) on kb_tiny: output, exit codes, exact error lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import KB_TINY, CliResult

Cli = Callable[..., CliResult]


@pytest.fixture
def ask(cli: Cli, kb_tiny_path: Path) -> Cli:
    """The CLI on the compiled kb_tiny (conftest), which it finds current and does not rebuild."""

    def run(*args: str) -> CliResult:
        return cli("--data", str(KB_TINY), "--kb", str(kb_tiny_path), *args)

    return run


def as_json(result: CliResult) -> dict[str, object]:
    code, out, err = result
    assert code == 0 and err == "", err
    loaded = json.loads(out)
    assert isinstance(loaded, dict)
    return loaded


# --- relation -------------------------------------------------------------------------------


def test_cli_relation_text_is_narrative_list_and_sources(ask: Cli) -> None:
    code, out, err = ask("relation", "lenin", "J. V. Stalin")
    assert code == 0 and err == ""
    order = [out.index(s) for s in ("The break", "Dated interactions", "Sources", "[1] ")]
    assert order == sorted(order)


def test_cli_relation_json_shape(ask: Cli) -> None:
    answer = as_json(ask("relation", "Lenin", "Koba", "--format", "json"))
    assert (answer["a"], answer["b"]) == ("lenin", "stalin")
    assert answer["interactions"] == [
        {
            "date": "1905-12",
            "statement": "Lenin and Stalin first met at the Bolshevik conference in Tammerfors "
            "in December 1905.",
            "polarity": "neutral",
            "assertion": "lenin-stalin-first-met",
            "sources": [
                "Wikipedia contributors, Joseph Stalin (2026), Revolutionary activity, "
                "https://en.wikipedia.org/wiki/Joseph_Stalin"
            ],
            "predicate": "met",
            "subject": "lenin",
            "object": "stalin",
            "confidence": "certain",
            "phase": None,
        }
    ]


def test_cli_relation_md_starts_with_a_heading(ask: Cli) -> None:
    code, out, _ = ask("relation", "lenin", "stalin", "-f", "md")
    assert code == 0 and out.startswith("# Vladimir Lenin and Joseph Stalin\n")


def test_cli_relation_nothing_linking_exits_1(ask: Cli) -> None:
    assert ask("relation", "krupskaya", "zinoviev") == (
        1,
        "",
        "Nothing in the knowledge base links Nadezhda Krupskaya and Grigory Zinoviev.\n",
    )


# --- timeline, person -----------------------------------------------------------------------


def test_cli_timeline_json_keeps_to_the_range(ask: Cli) -> None:
    answer = as_json(ask("timeline", "stalin", "--from", "1920", "--to", "1952", "-f", "json"))
    assert [e["assertion"] for e in answer["entries"]] == [  # type: ignore[attr-defined]
        "stalin-politburo",
        "stalin-gensec",
    ]


def test_cli_timeline_reads_old_style_dates(ask: Cli) -> None:
    answer = as_json(ask("timeline", "lenin", "--from", "10 October 1917 OS", "-f", "json"))
    assert answer["from"] == "1917-10-23"


def test_cli_person_json_shape(ask: Cli) -> None:
    answer = as_json(ask("person", "Dzhugashvili", "--format", "json"))
    assert {"id", "name", "aliases", "born", "died", "offices", "memberships", "factions"} <= set(
        answer
    )
    assert (answer["born"], answer["born_rendered"]) == ("1878-12-18", "6 [18] December 1878")


def test_cli_person_text_shows_both_calendars(ask: Cli) -> None:
    code, out, _ = ask("person", "lenin")
    assert code == 0 and "Born: 10 [22] April 1870, Simbirsk" in out


# --- office ---------------------------------------------------------------------------------


def test_cli_office_on_a_date(ask: Cli) -> None:
    answer = as_json(ask("office", "General Secretary", "--on", "1 January 1923", "-f", "json"))
    assert answer["on"] == "1923-01-01"
    assert [h["id"] for h in answer["holders"]] == ["stalin"]  # type: ignore[attr-defined]


def test_cli_office_over_a_range(ask: Cli) -> None:
    answer = as_json(
        ask("office", "Sovnarkom chairman", "--from", "Oct 1923", "--to", "1924", "-f", "json")
    )
    assert (answer["from"], answer["to"]) == ("1923-10", "1924")
    assert [h["id"] for h in answer["holders"]] == ["lenin", "rykov"]  # type: ignore[attr-defined]


def test_cli_office_nobody_is_one_line_and_exit_1(ask: Cli) -> None:
    assert ask("office", "general-secretary", "--on", "1900-01-01") == (
        1,
        "",
        "No one held general-secretary on 1 January 1900.\n",
    )


def test_cli_office_nobody_in_json_still_prints_the_answer(ask: Cli) -> None:
    code, out, err = ask("office", "general-secretary", "--on", "1900", "-f", "json")
    assert code == 1 and json.loads(out)["holders"] == []
    assert err == "No one held general-secretary in 1900.\n"


# --- body -----------------------------------------------------------------------------------


def test_cli_body_on_a_date_json_shape(ask: Cli) -> None:
    answer = as_json(ask("body", "politburo", "--on", "1 November 1926", "-f", "json"))
    assert answer["on"] == "1926-11-01" and answer["majority"] is None
    assert [(m["id"], m["status"], m["faction"]) for m in answer["members"]] == [  # type: ignore[attr-defined]
        ("stalin", "full", None)
    ]


def test_cli_body_over_a_range_lists_changes(ask: Cli) -> None:
    code, out, _ = ask("body", "Politburo", "--from", "1926", "--to", "1926")
    assert code == 0 and "left" in out and "Leon Trotsky" in out


# --- search ---------------------------------------------------------------------------------


def test_cli_search_json_ranks_names_and_statements(ask: Cli) -> None:
    answer = as_json(ask("search", "Tammerfors", "-f", "json"))
    assert [h["id"] for h in answer["assertions"]] == ["lenin-stalin-first-met"]  # type: ignore[attr-defined]


def test_cli_search_nothing_exits_1(ask: Cli) -> None:
    assert ask("search", "zeppelin") == (
        1,
        "",
        "Nothing in the knowledge base matches 'zeppelin'.\n",
    )


# --- errors ---------------------------------------------------------------------------------


def test_cli_unknown_name_is_one_line_with_near_matches(ask: Cli) -> None:
    assert ask("relation", "Stallin", "lenin") == (
        1,
        "",
        "Error: No person named 'Stallin' in the knowledge base. "
        "Did you mean: Joseph Stalin (stalin)?\n",
    )


def test_cli_ambiguous_name_is_one_line_with_choices(ask: Cli) -> None:
    assert ask("person", "Lev") == (
        1,
        "",
        "Error: 'Lev' is ambiguous: it could be kamenev (Lev Kamenev); trotsky (Leon Trotsky). "
        "Use one of the ids.\n",
    )


def test_cli_impossible_date_is_one_line(ask: Cli) -> None:
    code, out, err = ask("office", "general-secretary", "--on", "31 February 1923")
    assert (code, out) == (1, "")
    assert err == (
        "Error: cannot use '31 February 1923' as a date: February 1923 (gregorian) has no day 31\n"
    )


def test_cli_date_and_range_together_is_one_line(ask: Cli) -> None:
    code, _, err = ask("office", "general-secretary", "--on", "1923", "--from", "1922")
    assert (code, err) == (1, "Error: give one date or a range (from, to), not both\n")


def test_cli_ask_bad_format_is_usage_error(ask: Cli) -> None:
    code, _, err = ask("person", "stalin", "--format", "xml")
    assert code == 2 and "xml" in err


@pytest.mark.parametrize("command", ["relation", "timeline", "person", "office", "body", "search"])
def test_cli_ask_command_has_help(ask: Cli, command: str) -> None:
    code, out, _ = ask(command, "--help")
    assert code == 0 and "--format" in out
