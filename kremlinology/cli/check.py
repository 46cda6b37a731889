"""`kremlinology check FILE|-`: read a text against the knowledge base."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from ..errors import InputError
from ..text.read import DEFAULT_MAX_BYTES, read_text
from . import app, open_settings_kb, out


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


@app.command("check")
def check_command(
    ctx: typer.Context,
    file: str = typer.Argument(
        ..., metavar="FILE|-", help="Text, Markdown or HTML; - reads stdin."
    ),
    format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Output format."),
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Refuse inputs larger than this."
    ),
) -> None:
    """Restore stripped dates and give every claim a cited verdict."""
    from ..checker.pipeline import check  # imported here: `kremlinology kb ...` must not pay for it
    from ..render.report import REPORT_RENDERERS

    data = _read_bytes(file, max_bytes)
    read = read_text(data, max_bytes=max_bytes)
    with open_settings_kb(ctx) as kb:
        report = check(read.text, kb=kb, source=file, site_lines=read.html_boilerplate_lines)
    rendered = REPORT_RENDERERS[format.value](report)
    if format is ReportFormat.text:
        out.print(rendered, soft_wrap=True)
    else:
        sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")


def _read_bytes(file: str, max_bytes: int) -> bytes:
    if file == "-":
        return sys.stdin.buffer.read(max_bytes + 1)
    path = Path(file)
    if not path.exists():
        raise InputError(f"{file}: no such file")
    if path.is_dir():
        raise InputError(f"{file}: is a folder, not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{file}: {size:,} bytes is over the limit of {max_bytes:,} bytes; "
            "raise it with --max-bytes"
        )
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"{file}: cannot be read ({e.strerror})") from None
