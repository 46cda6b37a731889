"""Renderings of a check Report: text (Rich markup), json (the contract), md, html."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from rich.markup import escape

from ..checker.report import Claim, Report, Restoration

MARKS = {
    "supported": ("✓", "green"),
    "contradicted": ("✗", "red"),
    "disputed": ("≈", "yellow"),
    "unverified": ("?", "blue"),
    "not_a_claim": ("·", "dim"),
}


def _numbered_sources(report: Report) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for claim in report.claims:
        for fact in claim.facts:
            for source in fact.sources:
                numbers.setdefault(source, len(numbers) + 1)
    return numbers


def _refs(claim: Claim, numbers: dict[str, int]) -> str:
    found = sorted({numbers[s] for f in claim.facts for s in f.sources})
    return "".join(f"[{n}]" for n in found)


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def render_text(report: Report) -> str:
    """A terminal report: the summary, each claim with its mark, then numbered sources."""
    numbers = _numbered_sources(report)
    s = report.summary()
    lines = [
        f"[bold]{escape(report.source)}[/] — {s['sentences']} sentences: "
        f"[green]{s['supported']} supported[/], [red]{s['contradicted']} contradicted[/], "
        f"[yellow]{s['disputed']} disputed[/], [blue]{s['unverified']} unverified[/], "
        f"{s['not_a_claim']} not claims; {s['restored']} numbers restored; "
        f"{s['boilerplate']} boilerplate spans marked",
        "",
    ]
    restored = {r.at: r for r in report.restorations}
    for claim in report.claims:
        if claim.verdict == "not_a_claim":
            continue
        mark, colour = MARKS[claim.verdict]
        text = _with_restored(report.text, claim.start, claim.end, restored)
        lines.append(f"[{colour}]{mark} {claim.verdict}[/] {text} {_refs(claim, numbers)}")
        if claim.correction:
            lines.append(f"    [red]correction:[/] {escape(claim.correction)}")
        lines.append(f"    [dim]{escape(claim.explanation)}[/]")
    lines += ["", "[bold]Sources[/]"]
    lines += [f"[{n}] {escape(source)}" for source, n in numbers.items()]
    return "\n".join(lines)


def _with_restored(text: str, start: int, end: int, restored: dict[int, Restoration]) -> str:
    out, pos = [], start
    for at in sorted(a for a in restored if start < a <= end):
        out.append(escape(text[pos:at]))
        out.append(f" [bold magenta]⟨{restored[at].value}⟩[/] ")
        pos = at
    out.append(escape(text[pos:end]))
    return "".join(out)


def render_markdown(report: Report) -> str:
    numbers = _numbered_sources(report)
    s = report.summary()
    lines = [
        f"# Check of {report.source}",
        "",
        f"{s['sentences']} sentences: {s['supported']} supported, "
        f"{s['contradicted']} contradicted, {s['disputed']} disputed, "
        f"{s['unverified']} unverified; {s['restored']} numbers restored.",
        "",
    ]
    for claim in report.claims:
        if claim.verdict == "not_a_claim":
            continue
        mark = MARKS[claim.verdict][0]
        lines.append(f"- {mark} **{claim.verdict}**: {claim.text} {_refs(claim, numbers)}")
        if claim.correction:
            lines.append(f"  - correction: {claim.correction}")
        lines.append(f"  - {claim.explanation}")
    lines += ["", "## Sources", ""]
    lines += [f"{n}. {source}" for source, n in numbers.items()]
    lines += ["", "## Clean text", "", report.clean_text]
    return "\n".join(lines)


def render_html(report: Report) -> str:
    """A standalone annotated page: each sentence coloured by verdict, restorations marked."""
    numbers = _numbered_sources(report)
    colours = {
        "supported": "#d4f7d4",
        "contradicted": "#f9d0d0",
        "disputed": "#fbefc2",
        "unverified": "#dde8fb",
        "not_a_claim": "#eeeeee",
    }
    parts = []
    for claim in report.claims:
        title = claim.explanation + (f" Correction: {claim.correction}" if claim.correction else "")
        parts.append(
            f'<span class="claim {claim.verdict}" style="background:{colours[claim.verdict]}" '
            f'title="{html.escape(title)}">{html.escape(claim.text)}'
            f"<sup>{_refs(claim, numbers)}</sup></span> "
        )
    restored = "".join(
        f"<li>at {r.at}: <mark>{html.escape(r.value)}</mark> ({r.fact}, "
        f"confidence {r.confidence})</li>"
        for r in report.restorations
    )
    sources = "".join(f"<li>{html.escape(s)}</li>" for s in numbers)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>kremlinology: {html.escape(report.source)}</title></head><body>"
        f"<h1>Check of {html.escape(report.source)}</h1><p>{''.join(parts)}</p>"
        f"<h2>Restored numbers</h2><ul>{restored}</ul><h2>Sources</h2><ol>{sources}</ol>"
        f"<h2>Clean text</h2><pre>{html.escape(report.clean_text)}</pre></body></html>\n"
    )


REPORT_RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "md": render_markdown,
    "html": render_html,
}
