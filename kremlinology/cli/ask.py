"""The questions: `relation`, `timeline`, `person`, `office`, `body`, `search`.

Each command parses its arguments, makes one call to kb/queries.py, renders the answer
(render/ask.py) and returns an exit code: 1, with one line on stderr, when the answer is
empty (JSON still prints the empty answer). docs/questions.md shows each with its output.
"""

from __future__ import annotations

import sys
from enum import StrEnum

import typer

from ..dates import parse_date
from ..kb import queries
from ..render.ask import ASK_RENDERERS, Answer, empty_message
from . import app, err, open_settings_kb, out


class AskFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"


FORMAT = typer.Option(AskFormat.text, "--format", "-f", help="Output format.")
ON = typer.Option(None, "--on", metavar="DATE", help='One date: "1926", "Oct 1926", "1926-10-23".')
FROM = typer.Option(None, "--from", metavar="DATE", help="Start of a range (inclusive).")
TO = typer.Option(None, "--to", metavar="DATE", help="End of a range (inclusive).")


def _period(
    on: str | None = None, start: str | None = None, end: str | None = None
) -> queries.Period:
    """A Period from the option texts; "10 October 1917 OS" reads as Old Style."""
    return queries.Period(
        on=parse_date(on) if on else None,
        start=parse_date(start) if start else None,
        end=parse_date(end) if end else None,
    )


def _emit(answer: Answer, format: AskFormat) -> None:
    """Print the answer; an empty one also says so on stderr and exits 1."""
    message = empty_message(answer)
    if message is not None:
        err.print(message, markup=False, soft_wrap=True)
        if format is not AskFormat.json:
            raise typer.Exit(1)
    rendered = ASK_RENDERERS[format.value](answer)
    if isinstance(rendered, str):
        sys.stdout.write(rendered)
    else:
        out.print(rendered)
    if message is not None:
        raise typer.Exit(1)


@app.command("relation")
def relation_command(
    ctx: typer.Context,
    a: str = typer.Argument(..., metavar="A", help="A person: name, alias or id."),
    b: str = typer.Argument(..., metavar="B", help="Another person."),
    format: AskFormat = FORMAT,
) -> None:
    """The relationship of two people: cited phases and dated interactions."""
    with open_settings_kb(ctx) as kb:
        answer = queries.relation(kb, a, b)
    _emit(answer, format)


@app.command("timeline")
def timeline_command(
    ctx: typer.Context,
    person: str = typer.Argument(..., metavar="PERSON", help="Name, alias or id."),
    start: str | None = FROM,
    end: str | None = TO,
    format: AskFormat = FORMAT,
) -> None:
    """A person's dated assertions, as subject or object, in date order."""
    period = _period(start=start, end=end)
    with open_settings_kb(ctx) as kb:
        answer = queries.timeline(kb, person, period=period)
    _emit(answer, format)


@app.command("person")
def person_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="Name, alias or id."),
    format: AskFormat = FORMAT,
) -> None:
    """A profile: names, life dates, offices, memberships, factions, relationships."""
    with open_settings_kb(ctx) as kb:
        answer = queries.profile(kb, name)
    _emit(answer, format)


@app.command("office")
def office_command(
    ctx: typer.Context,
    office: str = typer.Argument(..., metavar="OFFICE", help='Name or id: "General Secretary".'),
    on: str | None = ON,
    start: str | None = FROM,
    end: str | None = TO,
    format: AskFormat = FORMAT,
) -> None:
    """Who held an office on a date, or over a range (every holder without dates)."""
    period = _period(on, start, end)
    with open_settings_kb(ctx) as kb:
        answer = queries.holders(kb, office, period=period)
    _emit(answer, format)


@app.command("body")
def body_command(
    ctx: typer.Context,
    body: str = typer.Argument(..., metavar="BODY", help='Name or id: "Politburo".'),
    on: str | None = ON,
    start: str | None = FROM,
    end: str | None = TO,
    format: AskFormat = FORMAT,
) -> None:
    """Members on a date with factions and the majority bloc; or joins and leaves over a range."""
    period = _period(on, start, end)
    with open_settings_kb(ctx) as kb:
        if period.on is not None:
            answer: Answer = queries.members_on(kb, body, on=period.on)
        else:
            answer = queries.changes(kb, body, period=period)
    _emit(answer, format)


@app.command("search")
def search_command(
    ctx: typer.Context,
    text: str = typer.Argument(..., metavar="TEXT", help="Words to find in names and statements."),
    limit: int = typer.Option(
        queries.SEARCH_LIMIT, "--limit", min=1, help="Most hits of each kind."
    ),
    format: AskFormat = FORMAT,
) -> None:
    """Full-text search over names and statements, best first."""
    with open_settings_kb(ctx) as kb:
        answer = queries.search(kb, text, limit=limit)
    _emit(answer, format)
