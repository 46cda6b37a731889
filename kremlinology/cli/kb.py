"""`kremlinology kb ...`: validate, build and describe the knowledge base."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from ..kb import build_kb, validate
from . import Format, kb_app, open_settings_kb, out, settings_of


@kb_app.command("validate")
def kb_validate(ctx: typer.Context) -> None:
    """Check every data file; print each problem as FILE:LINE: FIELD: CODE message."""
    settings = settings_of(ctx)
    data = validate(settings.data_dir)
    out.print(
        f"ok: {len(data.entities)} entities, {len(data.assertions)} assertions, "
        f"{len(data.sources)} sources, {len(data.phases)} phases "
        f"(kb_version {data.version})",
        soft_wrap=True,
    )


@kb_app.command("build")
def kb_build(ctx: typer.Context) -> None:
    """Compile the data files into the SQLite knowledge base (atomically)."""
    settings = settings_of(ctx)
    version = build_kb(settings.kb_path, data_dir=settings.data_dir)
    out.print(f"built {settings.kb_path} (kb_version {version})")


@kb_app.command("stats")
def kb_stats(
    ctx: typer.Context,
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
) -> None:
    """Counts of entities by kind, assertions by predicate and by year."""
    with open_settings_kb(ctx) as kb:
        stats = kb.stats()
    if format is Format.json:
        out.print_json(json.dumps(stats.as_dict()))
        return
    out.print(f"[bold]kremlinology knowledge base[/] {stats.kb_version}")
    out.print(
        f"{stats.assertions} assertions ({stats.disputed} disputed), "
        f"{sum(stats.entities.values())} entities, {stats.sources} sources, "
        f"{stats.phases} relationship phases"
    )
    out.print(_counts_table("entities by kind", stats.entities))
    out.print(_counts_table("assertions by predicate", stats.predicates))
    decades: dict[str, int] = {}
    for year, n in stats.years.items():
        decade = f"{year[:3]}0s"
        decades[decade] = decades.get(decade, 0) + n
    out.print(_counts_table("assertions by decade", decades))


def _counts_table(title: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, box=None, min_width=30)
    for key, n in counts.items():
        table.add_row(key, str(n))
    return table
