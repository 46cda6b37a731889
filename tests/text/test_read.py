"""read_text: refusals with one-line messages, encodings, newlines, format, HTML."""

from __future__ import annotations

import codecs

import pytest

from kremlinology.errors import InputError
from kremlinology.text.read import DEFAULT_MAX_BYTES, read_text

RUSSIAN = (
    "Ленин умер в январе, и Сталин организовал его похороны. Завещание Ленина прочитали "
    "делегатам съезда, но не опубликовали. Троцкий был выслан из страны."
)
FRENCH = (
    "Le régime soviétique après la mort de Lénine: Staline, secrétaire général du parti, "
    "écarte Trotski. Zinoviev et Kamenev s'allient à lui, puis se retournent contre lui. "
    "Trotski est exilé à Alma-Ata, puis expulsé; il meurt assassiné au Mexique."
)


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"", "input is empty"),
        (b"  \n\t \r\n ", "only whitespace"),
        (b"PK\x03\x04\x00\x00binary", "NUL byte at offset 4"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"text", "control bytes"),
        (bytes(range(128, 256)) * 3, "not decodable"),
        (codecs.BOM_UTF8 + b"\xff\xfe broken", "utf-8 byte-order mark"),
    ],
    ids=["empty", "whitespace", "nul", "controls", "undecodable", "bad-bom"],
)
def test_read_refuses_unusable_input_with_one_line(data: bytes, phrase: str) -> None:
    with pytest.raises(InputError) as caught:
        read_text(data)
    assert phrase in str(caught.value)
    assert "\n" not in str(caught.value)


def test_read_refuses_input_over_the_limit_naming_size_limit_and_option() -> None:
    with pytest.raises(InputError) as caught:
        read_text(b"Lenin. " * 20, max_bytes=100)
    assert str(caught.value) == (
        "input is 140 bytes, over the limit of 100 bytes: raise it with --max-bytes"
    )


def test_read_default_limit_accepts_a_long_page() -> None:
    data = b"Stalin became General Secretary. " * (DEFAULT_MAX_BYTES // 40)
    assert read_text(data).format == "text"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Сталин и Ленин".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Сталин и Ленин".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + "Сталин и Ленин".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Сталин и Ленин".encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_read_decodes_unicode_and_drops_the_bom(data: bytes, encoding: str) -> None:
    read = read_text(data)
    assert (read.text, read.encoding) == ("Сталин и Ленин", encoding)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(RUSSIAN, "cp1251"), (RUSSIAN, "koi8_r"), (FRENCH, "latin-1")],
)
def test_read_decodes_legacy_encodings(text: str, encoding: str) -> None:
    assert read_text(text.encode(encoding)).text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_read_normalises_newlines(newline: str) -> None:
    data = f"Lenin died.{newline}Stalin rose.{newline}".encode()
    assert read_text(data).text == "Lenin died.\nStalin rose.\n"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>Lenin</p></body></html>", "html"),
        ("<div class='x'>Lenin and Stalin</div>", "html"),
        ("# Lenin and Stalin\n\nThey met in Tammerfors.", "markdown"),
        ("Stalin was **rude**, Lenin wrote.", "markdown"),
        ("See [the testament](https://example.org/t) of Lenin.", "markdown"),
        ("Lenin and Stalin met in Tammerfors. Stalin was 1 < 2 of them.", "text"),
        ("Lenin's #1 critic was Trotsky.", "text"),
    ],
)
def test_read_sniffs_the_format(text: str, fmt: str) -> None:
    assert read_text(text.encode()).format == fmt


def test_read_keeps_markdown_as_is() -> None:
    text = "# Lenin\n\nHe was **rude**, wrote [Lenin](x).\n"
    assert read_text(text.encode()).text == text


PAGE = """<!DOCTYPE html><html><head><title>Lenin</title><style>p {color: red}</style>
<script>var tracking = "Stalin";</script></head><body>
<nav><a href="/">Home</a> | <a href="/shop">Shop</a></nav>
<article><h1>Lenin and Stalin</h1>
<p>Stalin met Lenin at a party conference in Tammerfors and soon became one of his most
trusted agents in the Caucasus, where he organised strikes and raised money for the party.</p>
<p>Lenin later called him the wonderful Georgian in a letter to Gorky, praising his essay on
the national question, which the party printed in its theoretical journal that spring.</p>
</article>
<footer><p>All rights reserved. Subscribe to our newsletter for more history.</p></footer>
</body></html>"""


def test_read_html_renders_visible_text_as_paragraphs() -> None:
    text = read_text(PAGE.encode()).text
    assert "\n\nStalin met Lenin at a party conference in Tammerfors" in text
    assert "tracking" not in text and "color" not in text


def test_read_html_reports_lines_outside_the_main_content() -> None:
    read = read_text(PAGE.encode())
    assert read.html_boilerplate_lines == (
        "Home | Shop",
        "All rights reserved. Subscribe to our newsletter for more history.",
    )


def test_read_html_keeps_every_line_when_trafilatura_finds_no_main_content() -> None:
    read = read_text(b"<html><body><p>Lenin.</p><p>Stalin.</p></body></html>")
    assert (read.text, read.html_boilerplate_lines) == ("Lenin.\n\nStalin.", ())


def test_read_html_with_an_xml_declaration_is_rendered() -> None:
    data = b'<?xml version="1.0" encoding="utf-8"?><html><body><p>Trotsky.</p></body></html>'
    assert read_text(data).text == "Trotsky."
