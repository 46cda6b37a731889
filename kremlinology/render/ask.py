"""Renderings of the answers to questions (kb/queries.py): text (Rich), md and json.

`ASK_RENDERERS` maps each format to its renderer; `render_text` returns a Rich renderable,
the others a string. Sources are numbered in order of first use, cited as [n] after each
item and listed at the end. `empty_message` says, in one line, that a question found nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import singledispatch
from itertools import groupby

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..kb.queries import (
    Changes,
    Composition,
    Entry,
    Holders,
    LifeDate,
    Profile,
    Relation,
    SearchResults,
    Tenure,
    Timeline,
)

Answer = Relation | Timeline | Profile | Holders | Composition | Changes | SearchResults

POLARITY_STYLES = {"cooperation": "green", "conflict": "red", "neutral": "blue", "mixed": "yellow"}
# Wide enough for "26 October [8 November] 1917" on one line, and for "cooperation".
DATE_WIDTH = 28
POLARITY_WIDTH = 11
OUTSIDE_PHASES = "Outside the curated phases"
NO_PHASES = "No curated phases: the assertions that mention both."


class _Notes:
    """Sources numbered in order of first use."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def refs(self, sources: Iterable[str]) -> str:
        numbers = [self.numbers.setdefault(s, len(self.numbers) + 1) for s in sources]
        return "".join(f"[{n}]" for n in numbers)


def render_json(answer: Answer) -> str:
    return json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) + "\n"


# --- empty answers --------------------------------------------------------------------------


@singledispatch
def empty_message(answer: Answer) -> str | None:
    """One line saying the answer is empty, or None when it holds something."""
    raise TypeError(f"no empty_message for {type(answer).__name__}")


@empty_message.register
def _(answer: Relation) -> str | None:
    if answer.phases or answer.interactions:
        return None
    return f"Nothing in the knowledge base links {answer.a.name} and {answer.b.name}."


@empty_message.register
def _(answer: Timeline) -> str | None:
    if answer.entries:
        return None
    return f"No dated assertions about {answer.person.name} {answer.period.render()}."


@empty_message.register
def _(answer: Profile) -> str | None:
    return None


@empty_message.register
def _(answer: Holders) -> str | None:
    return None if answer.holders else f"No one held {answer.office.id} {answer.period.render()}."


@empty_message.register
def _(answer: Composition) -> str | None:
    if answer.members:
        return None
    on = answer.on.render()
    return f"No one sat on {answer.body.id} {'on' if answer.on.day else 'in'} {on}."


@empty_message.register
def _(answer: Changes) -> str | None:
    if answer.changes:
        return None
    return f"No one joined or left {answer.body.id} {answer.period.render()}."


@empty_message.register
def _(answer: SearchResults) -> str | None:
    if answer.entities or answer.assertions:
        return None
    return f"Nothing in the knowledge base matches '{answer.text}'."


# --- text -----------------------------------------------------------------------------------


def _polarity(polarity: str | None) -> Text:
    return Text(polarity or "", style=POLARITY_STYLES.get(polarity or "", "dim"))


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def _table(*columns: str) -> Table:
    table = Table(box=None, show_header=bool(columns[0]), pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _sources_text(notes: _Notes) -> list[RenderableType]:
    if not notes.numbers:
        return []
    lines = [Text(f"[{n}] {source}") for source, n in notes.numbers.items()]
    return [Text(), _heading("Sources"), *lines]


def _entries_table(entries: Iterable[Entry], notes: _Notes) -> Table:
    """Date, polarity and statement [n], in columns of fixed width so that tables align."""
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column(width=DATE_WIDTH, overflow="fold")
    table.add_column(width=POLARITY_WIDTH)
    table.add_column(ratio=1, overflow="fold")
    for entry in entries:
        statement = Text(entry.statement).append(" " + notes.refs(entry.sources), style="dim")
        table.add_row(entry.rendered or "undated", _polarity(entry.polarity), statement)
    return table


def _entries_by_phase(
    entries: Sequence[Entry], notes: _Notes, labels: dict[str, str]
) -> list[RenderableType]:
    """One table per run of entries in the same phase, under the phase's label."""
    parts: list[RenderableType] = []
    for phase, run in groupby(entries, key=lambda entry: entry.phase):
        label = labels[phase] if phase is not None else OUTSIDE_PHASES
        parts += [Text(label, style="bold italic"), _entries_table(run, notes)]
    return parts


@singledispatch
def render_text(answer: Answer) -> RenderableType:
    """A Rich renderable for the terminal."""
    raise TypeError(f"no text rendering for {type(answer).__name__}")


@render_text.register
def _(answer: Relation) -> RenderableType:
    notes = _Notes()
    parts: list[RenderableType] = [_heading(f"{answer.a.name} and {answer.b.name}")]
    for phase in answer.phases:
        title = Text(phase.label, style="bold").append(f"  {phase.rendered}  ", style="")
        parts += [Text(), title.append_text(_polarity(phase.polarity))]
        parts.append(Text(phase.summary).append(" " + notes.refs(phase.sources), style="dim"))
    if not answer.curated:
        parts.append(Text(NO_PHASES, style="dim"))
    parts += [Text(), _heading("Dated interactions")] if answer.interactions else []
    if answer.curated:
        labels = {phase.id: phase.label for phase in answer.phases}
        parts += _entries_by_phase(answer.interactions, notes, labels)
    elif answer.interactions:
        parts.append(_entries_table(answer.interactions, notes))
    return Group(*parts, *_sources_text(notes))


@render_text.register
def _(answer: Timeline) -> RenderableType:
    notes = _Notes()
    title = _heading(f"{answer.person.name}: timeline {answer.period.render()}")
    table = _entries_table(answer.entries, notes)
    return Group(title, table, *_sources_text(notes))


def _tenure_table(title: str, tenures: Sequence[Tenure], *, role: str = "") -> list[Table]:
    if not tenures:
        return []
    table = _table(title, *((role,) if role else ()), "Dates")
    for tenure in tenures:
        extra = (tenure.role or "",) if role else ()
        table.add_row(tenure.name, *extra, tenure.rendered or "undated")
    return [table]


@render_text.register
def _(answer: Profile) -> RenderableType:
    parts: list[RenderableType] = [_heading(f"{answer.person.name} ({answer.person.id})")]
    if answer.description:
        parts.append(Text(answer.description))
    if answer.aliases:
        parts.append(Text("Also known as: ", style="bold").append(", ".join(answer.aliases)))
    for label, life in (("Born", answer.born), ("Died", answer.died)):
        if life is not None:
            parts.append(Text(f"{label}: ", style="bold").append(_life_line(life)))
    parts += _tenure_table("Office", answer.offices)
    parts += _tenure_table("Member of", answer.memberships, role="Role")
    parts += _tenure_table("Faction", answer.factions)
    parts += _tenure_table("Relationship with", answer.relationships, role="Phase")
    return Group(*parts)


def _life_line(life: LifeDate) -> str:
    """ "6 [18] December 1878, Gori (disputed; also 21 December 1879 (...))"."""
    text = f"{life.rendered}, {life.place}" if life.place else life.rendered
    if life.confidence == "certain":
        return text
    also = f"; also {'; '.join(life.alternatives)}" if life.alternatives else ""
    return f"{text} ({life.confidence}{also})"


@render_text.register
def _(answer: Holders) -> RenderableType:
    notes = _Notes()
    table = _table("Holder", "Dates", "")
    for tenure in answer.holders:
        table.add_row(tenure.name, tenure.rendered or "undated", notes.refs(tenure.sources))
    title = _heading(f"{answer.office.name} {answer.period.render()}")
    return Group(title, table, *_sources_text(notes))


def _majority_line(answer: Composition) -> str:
    majority, full = answer.majority, answer.full_members
    if majority is not None:
        return f"Majority: {majority.label}, {majority.seats} of {full} full members."
    return f"No bloc held a majority of the {full} full members."


def _count(answer: Composition) -> str:
    candidates = len(answer.members) - answer.full_members
    return f"{answer.full_members} full and {candidates} candidate members"


@render_text.register
def _(answer: Composition) -> RenderableType:
    letters = _bloc_letters(answer)
    table = _table("Member", "Status", "Faction", "Bloc")
    for seat in answer.members:
        table.add_row(seat.name, seat.status, seat.faction_name or "", letters.get(seat.bloc, ""))
    blocs = [
        Text(f"  {letters[bloc.label]}  {bloc.label}: {bloc.seats} full") for bloc in answer.blocs
    ]
    title = f"{answer.body.name} {_on(answer)}: {_count(answer)}"
    return Group(_heading(title), table, Text(), Text(_majority_line(answer)), *blocs)


def _bloc_letters(answer: Composition) -> dict[str | None, str]:
    """A, B, C... for the blocs, largest first: a short key into the list under the table."""
    return {bloc.label: chr(ord("A") + i) for i, bloc in enumerate(answer.blocs)}


def _on(answer: Composition) -> str:
    return f"{'on' if answer.on.day else 'in'} {answer.on.render()}"


@render_text.register
def _(answer: Changes) -> RenderableType:
    table = _table("Date", "Change", "Member", "Status")
    for change in answer.changes:
        style = "green" if change.change == "joined" else "red"
        table.add_row(change.rendered, Text(change.change, style=style), change.name, change.status)
    return Group(_heading(f"{answer.body.name}: changes {answer.period.render()}"), table)


@render_text.register
def _(answer: SearchResults) -> RenderableType:
    parts: list[RenderableType] = [_heading(f"Search: {answer.text}")]
    if answer.entities:
        names = _table("Name", "Kind", "Id", "Matched")
        for hit in answer.entities:
            names.add_row(hit.title, hit.kind, hit.id, hit.text)
        parts += [Text(), names]
    if answer.assertions:
        statements = _table("Date", "Statement", "Assertion")
        for hit in answer.assertions:
            statements.add_row(hit.title, hit.text, Text(hit.id, style="dim"))
        parts += [Text(), statements]
    return Group(*parts)


# --- Markdown -------------------------------------------------------------------------------


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _md_table(header: Sequence[str], rows: Iterable[Sequence[str | None]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _md_sources(notes: _Notes) -> list[str]:
    if not notes.numbers:
        return []
    return ["## Sources", "", *(f"{n}. {source}" for source, n in notes.numbers.items()), ""]


def _md_entries(entries: Iterable[Entry], notes: _Notes) -> list[str]:
    rows = (
        (e.rendered or "undated", e.polarity, f"{e.statement} {notes.refs(e.sources)}")
        for e in entries
    )
    return _md_table(("Date", "Polarity", "Statement"), rows)


@singledispatch
def render_markdown(answer: Answer) -> str:
    """A Markdown document: headings, tables and a numbered list of sources."""
    raise TypeError(f"no Markdown rendering for {type(answer).__name__}")


@render_markdown.register
def _(answer: Relation) -> str:
    notes = _Notes()
    lines = [f"# {answer.a.name} and {answer.b.name}", ""]
    for phase in answer.phases:
        lines += [f"## {phase.label} ({phase.rendered}), {phase.polarity}", ""]
        lines += [f"{phase.summary} {notes.refs(phase.sources)}", ""]
    if not answer.curated:
        lines += [NO_PHASES, ""]
    lines += ["## Dated interactions", ""] if answer.interactions else []
    if not answer.curated:
        lines += _md_entries(answer.interactions, notes)
    labels = {phase.id: phase.label for phase in answer.phases}
    for phase, run in groupby(answer.interactions if answer.curated else (), lambda e: e.phase):
        label = labels[phase] if phase is not None else OUTSIDE_PHASES
        lines += [f"### {label}", "", *_md_entries(run, notes)]
    return "\n".join(lines + _md_sources(notes))


@render_markdown.register
def _(answer: Timeline) -> str:
    notes = _Notes()
    lines = [f"# {answer.person.name}: timeline {answer.period.render()}", ""]
    return "\n".join(lines + _md_entries(answer.entries, notes) + _md_sources(notes))


@render_markdown.register
def _(answer: Profile) -> str:
    lines = [f"# {answer.person.name} ({answer.person.id})", ""]
    if answer.description:
        lines += [answer.description, ""]
    if answer.aliases:
        lines += [f"**Also known as:** {', '.join(answer.aliases)}", ""]
    for label, life in (("Born", answer.born), ("Died", answer.died)):
        if life is not None:
            lines += [f"**{label}:** {_life_line(life)}", ""]
    for title, tenures in (
        ("Offices", answer.offices),
        ("Memberships", answer.memberships),
        ("Factions", answer.factions),
        ("Relationships", answer.relationships),
    ):
        if tenures:
            rows = ((t.name, t.role, t.rendered) for t in tenures)
            lines += [f"## {title}", "", *_md_table(("Name", "Role", "Dates"), rows)]
    return "\n".join(lines)


@render_markdown.register
def _(answer: Holders) -> str:
    notes = _Notes()
    rows = ((t.name, t.rendered, notes.refs(t.sources)) for t in answer.holders)
    lines = [f"# {answer.office.name} {answer.period.render()}", ""]
    lines += _md_table(("Holder", "Dates", "Sources"), rows)
    return "\n".join(lines + _md_sources(notes))


@render_markdown.register
def _(answer: Composition) -> str:
    letters = _bloc_letters(answer)
    rows = ((s.name, s.status, s.faction_name, letters.get(s.bloc)) for s in answer.members)
    lines = [f"# {answer.body.name} {_on(answer)}", "", f"{_count(answer)}.", ""]
    lines += _md_table(("Member", "Status", "Faction", "Bloc"), rows)
    lines += [_majority_line(answer), ""]
    lines += [f"- {letters[b.label]}: {b.label}, {b.seats} full" for b in answer.blocs]
    return "\n".join(lines) + "\n"


@render_markdown.register
def _(answer: Changes) -> str:
    rows = ((c.rendered, c.change, c.name, c.status) for c in answer.changes)
    lines = [f"# {answer.body.name}: changes {answer.period.render()}", ""]
    return "\n".join(lines + _md_table(("Date", "Change", "Member", "Status"), rows))


@render_markdown.register
def _(answer: SearchResults) -> str:
    lines = [f"# Search: {answer.text}", ""]
    if answer.entities:
        rows = ((h.title, h.kind, h.id, h.text) for h in answer.entities)
        lines += ["## Names", "", *_md_table(("Name", "Kind", "Id", "Matched"), rows)]
    if answer.assertions:
        found = ((h.title, h.text, h.id) for h in answer.assertions)
        lines += ["## Statements", "", *_md_table(("Date", "Statement", "Assertion"), found)]
    return "\n".join(lines)


# The built-in renderers, in the registry any new format joins (STYLE.md, principle 6).
ASK_RENDERERS: dict[str, Callable[[Answer], RenderableType]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
}
