"""Bytes to text: size limit, binary sniff, encoding, format, and HTML rendering.

`read_text` is the only door through which an input enters the checker. Stages:

1. refuse what is not usable text: empty, over the size limit, binary;
2. decode: a BOM wins, then strict UTF-8, then charset-normalizer's best guess;
3. normalise newlines (``\\r\\n`` and ``\\r`` become ``\\n``), nothing else: every offset the
   checker reports is an index into this decoded, newline-normalised text;
4. sniff the format (html, markdown or text);
5. for HTML, render the whole page's visible text (block elements become paragraphs) and
   remember which paragraphs trafilatura does not count as main content, so that
   `clean.mark_boilerplate` can mark them as site boilerplate. For HTML the offsets are into
   the rendered text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any, Literal

from kremlinology.errors import InputError

# 5 MB is about 800,000 words: a hundred times the longest page we expect and a few
# seconds of checking, but small enough that a mistaken dump or archive fails fast instead
# of eating memory. Raise it with the CLI's --max-bytes option.
DEFAULT_MAX_BYTES = 5_000_000

# BOMs, longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that text never holds (tab, newline, form feed and carriage return allowed).
CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13} | {127}

# More than 1 control byte in 10 is not text in any 8-bit encoding; real text has none, and
# a few stray ones (an escape sequence, a form feed) stay far below this.
MAX_CONTROL_RATIO = 0.10

# How much of the input the binary and format sniffers look at: enough for any page head.
SNIFF_BYTES = 4096

# charset-normalizer's chaos scores within this distance are ties on short texts: a
# 200-character French text in Latin-1 scored cp1257 0.0 and cp1252 0.014. Ties go to the
# encoding that is most common on the web (PREFERRED_ENCODINGS).
CHAOS_TIE = 0.02

# Legacy encodings by how common they are on the web (W3Techs), Cyrillic ones moved up for
# our subject.
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "cp1251", "koi8_r", "iso8859_5", "cp1250")

HTML_MARKERS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<p[\s>]|<div[\s>]|<br\s*/?>"
    r"|<article[\s>]|<h[1-6][\s>]",
    re.IGNORECASE,
)
MARKDOWN_MARKERS = re.compile(
    r"^#{1,6}[ \t]+\S|\*\*\S[^*\n]*\*\*|\[[^\]\n]+\]\([^)\s]+\)|^```",
    re.MULTILINE,
)
NEWLINES = re.compile(r"\r\n?")

# HTML rendering. Elements whose content the reader never sees:
INVISIBLE_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "button"}
)
# Elements that start and end a paragraph (HTML's block-level elements and table cells),
# and <br>, which only ends a line.
BLOCK_TAGS = (
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th thead tbody caption blockquote"
    " pre section article header footer nav aside main figure figcaption form fieldset"
    " address hr details summary body html"
).split()
BLOCK_BREAKS = {tag: "\n" for tag in BLOCK_TAGS} | {"br": "\n"}
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# lxml refuses a str that carries an XML encoding declaration; the text is decoded already.
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# trafilatura renders list items as "- item"; the page paragraph has no dash.
MARKDOWN_LIST_ITEM = re.compile(r"^\s*[-*]\s+")

Format = Literal["text", "markdown", "html"]


@dataclass(frozen=True)
class ReadText:
    """A decoded input. `html_boilerplate_lines` are rendered paragraphs outside the main
    content (HTML only), for `clean.mark_boilerplate(site_lines=...)`."""

    text: str
    format: Format
    encoding: str
    html_boilerplate_lines: tuple[str, ...] = ()


def read_text(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadText:
    """Decode `data` into text, or raise InputError with a one-line reason."""
    _check_size(data, max_bytes)
    decoded, encoding = _decode(data)
    text = NEWLINES.sub("\n", decoded)
    if not text.strip():
        raise InputError("input contains only whitespace: give a file with text in it")
    fmt = _sniff_format(text)
    if fmt == "html":
        rendered, boilerplate_lines = _render_html(text)
        return ReadText(rendered, fmt, encoding, boilerplate_lines)
    return ReadText(text, fmt, encoding)


def _check_size(data: bytes, max_bytes: int) -> None:
    if not data:
        raise InputError("input is empty (0 bytes): give a file with text in it")
    if len(data) > max_bytes:
        raise InputError(
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,} bytes: "
            "raise it with --max-bytes"
        )


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding), encoding
    _check_not_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess_encoding(data)


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(
            f"input starts with a {encoding} byte-order mark but is not valid {encoding} "
            f"(byte {e.start}): convert it to UTF-8"
        ) from None


def _check_not_binary(data: bytes) -> None:
    head = data[:SNIFF_BYTES]
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"input is binary (NUL byte at offset {nul}), not text: "
            "give a plain-text, Markdown or HTML file"
        )
    controls = sum(1 for byte in head if byte in CONTROL_BYTES)
    if controls > MAX_CONTROL_RATIO * len(head):
        raise InputError(
            f"input is binary ({controls} control bytes in the first {len(head)}), not text: "
            "give a plain-text, Markdown or HTML file"
        )


def _guess_encoding(data: bytes) -> tuple[str, str]:
    import charset_normalizer  # lazy: only non-UTF-8 inputs need it

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise InputError(
            "input is not decodable: it is not UTF-8 and no known encoding fits; "
            "convert it to UTF-8"
        )
    least_chaos = min(match.chaos for match in matches)
    ties = [match for match in matches if match.chaos <= least_chaos + CHAOS_TIE]
    best = min(ties, key=lambda match: (_preference(match.encoding), -match.coherence))
    return str(best), best.encoding


def _preference(encoding: str) -> int:
    if encoding in PREFERRED_ENCODINGS:
        return PREFERRED_ENCODINGS.index(encoding)
    return len(PREFERRED_ENCODINGS)


def _sniff_format(text: str) -> Format:
    head = text[:SNIFF_BYTES]
    if HTML_MARKERS.search(head):
        return "html"
    if MARKDOWN_MARKERS.search(head):
        return "markdown"
    return "text"


def _render_html(markup: str) -> tuple[str, tuple[str, ...]]:
    """The page's visible text, one paragraph per block, and the paragraphs that are not
    main content (by trafilatura), headings excepted: clean.py marks those itself."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(XML_DECLARATION.sub("", markup, count=1))
    except (etree.ParserError, ValueError) as e:
        raise InputError(
            f"input looks like HTML but cannot be parsed ({e}): give it as plain text"
        ) from None
    paragraphs = _render_paragraphs(root)
    headings = {_squash(h.text_content()) for h in root.iter(*HEADING_TAGS)}
    main = _main_content(markup)
    outside = tuple(p for p in paragraphs if p not in headings and not _is_main(p, main))
    return "\n\n".join(paragraphs), outside


def _render_paragraphs(root: Any) -> list[str]:
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if not tag or tag in INVISIBLE_TAGS:
                walker.skip_subtree()
                continue
            parts.append(BLOCK_BREAKS.get(tag, ""))
            parts.append(element.text or "")
        else:
            parts.append(BLOCK_BREAKS.get(tag, "") if tag not in INVISIBLE_TAGS else "")
            parts.append(element.tail or "")
    lines = (_squash(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _main_content(markup: str) -> tuple[frozenset[str], str] | None:
    import trafilatura  # lazy: 0.4 s to import (TECH-NOTES.md), only HTML needs it

    extracted = trafilatura.extract(markup, include_comments=False, include_tables=True)
    if not extracted:
        return None
    lines = [_squash(MARKDOWN_LIST_ITEM.sub("", line)) for line in extracted.split("\n")]
    return frozenset(lines), "\n".join(lines)


def _is_main(paragraph: str, main: tuple[frozenset[str], str] | None) -> bool:
    if main is None:  # trafilatura found nothing: we cannot tell, so keep everything
        return True
    lines, joined = main
    return paragraph in lines or paragraph in joined


def _squash(text: str) -> str:
    return " ".join(text.split())
