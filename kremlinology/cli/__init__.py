"""The command-line tool: parse, make one API call, render, return an exit code.

This module and web/ are the only ones that print or exit. Exit codes: 0 ok, 1 bad input
or data, 2 usage (click's convention).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from .. import __version__
from ..errors import DataErrors, KremlinologyError
from ..kb import KB, open_kb
from ..settings import Settings

app = typer.Typer(
    help="Check texts on the Russian Revolution against a cited, time-aware knowledge base.",
    pretty_exceptions_enable=False,
    add_completion=False,
)
kb_app = typer.Typer(help="Validate, build and describe the knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class Format(StrEnum):
    text = "text"
    json = "json"


def settings_of(ctx: typer.Context) -> Settings:
    settings = ctx.find_root().obj
    return settings if isinstance(settings, Settings) else Settings()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    kb: Path = typer.Option(
        None,
        "--kb",
        envvar="KREMLINOLOGY_KB",
        metavar="PATH",
        help="The compiled knowledge base (built on first use).",
    ),
    data: Path = typer.Option(
        None,
        "--data",
        envvar="KREMLINOLOGY_DATA",
        metavar="DIR",
        help="The folder of YAML data files (default: the shipped data).",
    ),
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    """kremlinology: a source-critical knowledge base and text checker."""
    if version:
        out.print(f"kremlinology {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        out.print(ctx.get_help())
        raise typer.Exit(2)
    defaults = Settings()
    ctx.obj = Settings(kb_path=kb or defaults.kb_path, data_dir=data or defaults.data_dir)


def open_settings_kb(ctx: typer.Context) -> KB:
    settings = settings_of(ctx)
    return open_kb(settings.kb_path, data_dir=settings.data_dir)


def _report_error(e: KremlinologyError) -> int:
    if isinstance(e, DataErrors):
        for problem in e.errors:
            err.print(problem.render(), markup=False, soft_wrap=True)
        err.print(f"{len(e.errors)} problem(s) in the data files", markup=False)
        return 1
    err.print(f"Error: {e}", markup=False, soft_wrap=True)
    return 1


def _register_commands() -> None:
    """Import the command modules; each adds its commands to `app` or `kb_app`."""
    from . import ask, check, kb  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning our errors into one line and an exit code.

    Typer handles usage errors itself (exit 2) and ends with SystemExit; our own errors
    propagate out of it and become one stderr line here.
    """
    _register_commands()
    try:
        app(args=argv, prog_name="kremlinology")
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except KremlinologyError as e:
        if os.environ.get("KREMLINOLOGY_DEBUG"):
            raise
        return _report_error(e)
    return 0


def run() -> None:
    sys.exit(main())
