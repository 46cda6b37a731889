"""mark_boilerplate and find_doubts: each kind on small texts and on the garbled fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kremlinology.text import clean
from kremlinology.text.clean import Boilerplate, find_doubts, mark_boilerplate
from kremlinology.text.sentences import split_sentences

TEXTS = Path(__file__).parent.parent / "data" / "texts"


def marks(text: str, site_lines: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    found = mark_boilerplate(text, split_sentences(text), site_lines=site_lines)
    return [(text[mark.start : mark.end], mark.kind) for mark in found]


PARAGRAPH = "Stalin became General Secretary and built a following in the provinces."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Lenin and Trotsky: Allies of Necessity", "heading"),
        ("Early life", "heading"),
        ("## The succession struggle", "heading"),
        ("Trotsky and Kamenev, leaders of the Left Opposition", "caption"),
        ("Trotsky addressing Red Army soldiers in Moscow", "caption"),
        ("Photo: Trotsky in exile, Getty Images", "caption"),
        ("By Anna Sokolova", "byline"),
        ("Trotsky | Biography, Exile, & Facts |", "site"),
        ("Sign up for our newsletter!", "site"),
    ],
)
def test_clean_marks_a_whole_line_by_kind(line: str, kind: str) -> None:
    assert marks(f"{line}\n\n{PARAGRAPH}\n") == [(line, kind)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Olga Smirnova, staff writer", "byline"),
        ("By Peter Hall | Updated 9:15 am", "byline"),
        ("Posted by Editor | 2 comments", "byline"),
        ("Posted by Mark Evans on 5 May", "byline"),
        ("Posted in Soviet History", "byline"),
        ("Filed under: Revolutions, Russia", "byline"),
        ("Home > Blog > Russia", "site"),
        ("Home / Topics", "site"),
        ("History » Europe » Russia", "site"),
        ("Related: Five myths about Rasputin", "site"),
        ("Read next: The fall of the Romanovs", "site"),
        ("You may also like", "site"),
        ("Next quiz: Famous Tsars", "site"),
        ("Previous lesson: The Decembrists", "site"),
        ("Leave a reply", "site"),
    ],
)
def test_clean_marks_web_page_furniture_lines(line: str, kind: str) -> None:
    assert marks(f"{line}\n\n{PARAGRAPH}\n") == [(line, kind)]


@pytest.mark.parametrize(
    "line",
    [
        "By October, the Bolsheviks held Petrograd.",
        "By Trotsky, the Red Army was rebuilt",
        "By Christmas the Whites had retreated",
        "Posted in Tsaritsyn, Stalin quarrelled with Trotsky.",
        "Lenin posted the letter in March.",
        "Recommended by Lenin, Stalin became General Secretary.",
        "Output in 1928 > output in 1913, the planners claimed.",
    ],
)
def test_clean_keeps_sentences_that_open_like_furniture(line: str) -> None:
    assert [kind for _, kind in marks(f"{line}\n\n{PARAGRAPH}\n")] in ([], ["heading"])


def test_clean_marks_a_heading_in_capitals() -> None:
    """NAME_LIST_CAPTION once tried every split of every word here: minutes, not a mark."""
    line = "THE RUSSIAN REVOLUTION AND THE STRUGGLE FOR POWER"
    assert marks(f"{line}\n\n{PARAGRAPH}\n") == [(line, "heading")]


def test_clean_marks_every_copy_of_a_repeated_line_as_heading() -> None:
    text = f"lenin stalin rivalry facts\n\n{PARAGRAPH}\n\nLenin Stalin rivalry  facts\n"
    assert [kind for _, kind in marks(text)] == ["heading", "heading"]


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPH,
        "Lenin returned to Petrograd in April",
        "Who joined Stalin in the triumvirate against Trotsky in the end?",
        "Trotsky, fearing arrest, left for Alma-Ata that winter.",
        "Lenin returning from exile was greeted by a crowd at the station.",
    ],
)
def test_clean_keeps_content_lines(line: str) -> None:
    assert marks(f"{line}\n") in ([], [(line, "heading")][: int(len(line.split()) <= 6)])


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("She is a professor of Russian history at Leeds.", "byline"),
        ("He is the author of three books on the Civil War.", "byline"),
        ("Ivan Petrov is a journalist based in Riga.", "byline"),
        ("Written by Daniel Ortiz.", "byline"),
        ("We strive for accuracy and fairness.", "site"),
        ("All rights reserved.", "site"),
        ("We use cookies to improve your experience.", "site"),
        ("If you see something that doesn't look right, contact us!", "site"),
        ("Updated: March", "site"),
        ("Tell us in the comments!", "site"),
        ("Let me know what you think in the comments below.", "site"),
        ("Leave a comment.", "site"),
        ("Share your thoughts with other readers.", "site"),
        ("Join the discussion!", "site"),
        ("Don’t forget to share this quiz with your friends!", "site"),
        ("If you enjoyed this article, read our guide to the Civil War.", "site"),
        ("This page was last edited on 1 June 2021, at 10:00.", "site"),
    ],
)
def test_clean_marks_bio_and_site_sentences(sentence: str, kind: str) -> None:
    text = f"{PARAGRAPH} {sentence}\n"
    assert marks(text) == [(sentence, kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        "He was the editor of Pravda before the war.",
        "Stalin refused to subscribe to the theory of permanent revolution.",
        "Trotsky shared the platform with Zinoviev.",
        "Lenin posted the letter in March.",
        "Stalin told the comrades in the Politburo that he would resign.",
        "Let us read Lenin's comments on the national question.",
        "Tell me, comrade, what are your comments on the draft?",
        "Trotsky left a comment in the margin of the draft.",
        "This article was written by Lenin in exile.",
    ],
)
def test_clean_keeps_sentences_about_the_subject(sentence: str) -> None:
    assert marks(f"{PARAGRAPH} {sentence}\n") == []


def test_clean_marks_only_the_caption_glued_before_a_paragraph() -> None:
    text = "Trotsky leaving Moscow for exile in Trotsky, who had lost everything, went quietly.\n"
    assert marks(text) == [("Trotsky leaving Moscow for exile in", "caption")]


def test_clean_caption_ends_before_a_sentence_starter() -> None:
    text = "Lenin speaking at Red Square The crowd was large and the speech long.\n"
    assert marks(text) == [("Lenin speaking at Red Square", "caption")]


def test_clean_marks_wiki_edit_link_as_markup_and_the_heading_before_it() -> None:
    text = f"{PARAGRAPH} Exile and death[ edit ] Trotsky reached Mexico at last.\n"
    assert marks(text) == [("Exile and death", "heading"), ("[ edit ]", "markup")]


def test_clean_marks_no_heading_before_a_wiki_link_after_a_full_stop() -> None:
    text = f"{PARAGRAPH} Lenin fell ill. [ edit ] He never recovered.\n"
    assert marks(text) == [("[ edit ]", "markup")]


@pytest.mark.parametrize("link", ["[edit]", "[ hide ]", "[ edit source ]"])
def test_clean_marks_wiki_links_of_every_spelling(link: str) -> None:
    assert (link, "markup") in marks(f"Contents {link}\n\n{PARAGRAPH}\n")


def test_clean_marks_stray_pipe_as_markup() -> None:
    text = f"{PARAGRAPH} | Trotsky disagreed with him about the peasants.\n"
    assert marks(text) == [("|", "markup")]


def test_clean_marks_markdown_syntax_but_keeps_link_text() -> None:
    text = "Stalin was **rude**, wrote [Lenin](https://example.org/testament) in his notes.\n"
    assert marks(text) == [
        ("**", "markup"),
        ("**", "markup"),
        ("[", "markup"),
        ("](https://example.org/testament)", "markup"),
    ]


def test_clean_marks_a_markdown_image_whole() -> None:
    text = "![Lenin in Gorki](img/gorki.jpg) Lenin rested at Gorki that summer.\n"
    assert marks(text)[0] == ("![Lenin in Gorki](img/gorki.jpg)", "markup")


def test_clean_marks_html_non_main_lines_as_site() -> None:
    text = f"Home | Shop\n\n{PARAGRAPH}\n\nMore stories from our archive\n"
    found = marks(text, site_lines=("More stories  from our archive",))
    assert ("More stories from our archive", "site") in found


def test_clean_does_not_mark_doubt_markers() -> None:
    text = f"He fled to Finland [ dubious — discuss ] in disguise. {PARAGRAPH}\n"
    assert marks(text) == []


@pytest.mark.parametrize(
    ("marker", "label"),
    [
        ("[ dubious — discuss ]", "dubious — discuss"),
        ("[citation needed]", "citation needed"),
        ("[disputed – discuss]", "disputed – discuss"),
        ("[unreliable source?]", "unreliable source?"),
        ("[better source needed]", "better source needed"),
        ("[verification needed]", "verification needed"),
        ("[when?]", "when?"),
        ("[according to whom?]", "according to whom?"),
    ],
)
def test_clean_finds_doubt_marker_with_its_label(marker: str, label: str) -> None:
    text = f"Stalin hid Lenin in a hayloft{marker}. He shaved him."
    (doubt,) = find_doubts(text)
    assert (text[doubt.start : doubt.end], doubt.label) == (marker, label)


@pytest.mark.parametrize("text", ["Trotsky[ edit ] left.", "Lenin [Ulyanov] wrote.", "a [b] c"])
def test_clean_finds_no_doubt_in_other_brackets(text: str) -> None:
    assert find_doubts(text) == []


FIXTURE_MARKS = [
    ("essay", "Lenin and Stalin: Partners or Rivals?", "heading"),
    ("essay", "By Maria Petrova", "byline"),
    ("essay", "Conclusion", "heading"),
    ("encyclopedia", "Lev Kamenev | Biography, Death, & Facts |", "site"),
    ("encyclopedia", "From Wikipedia, the free encyclopedia", "site"),
    ("encyclopedia", "Lenin and Kamenev in Gorki, summer", "caption"),
    ("encyclopedia", "Lev Kamenev and the October Revolution", "heading"),
    ("encyclopedia", "Opposition and death", "heading"),
    ("encyclopedia", "[ edit ]", "markup"),
    ("encyclopedia", "If you see something that doesn't look right, contact us!", "site"),
    ("quiz", "Soviet History Quiz: Lenin, Stalin and the Succession", "heading"),
    ("quiz", "Share this article", "site"),
    ("quiz", "Written by Daniel Ortiz.", "byline"),
    ("quiz", "Sign up for our newsletter to get a new history quiz every week!", "site"),
]


@pytest.mark.parametrize(("name", "snippet", "kind"), FIXTURE_MARKS)
def test_clean_marks_fixture_boilerplate(name: str, snippet: str, kind: str) -> None:
    text = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    assert (snippet, kind) in marks(text)


FIXTURE_CONTENT = [
    ("essay", "The two men first met at the Bolshevik conference in Tammerfors"),
    ("essay", "J. V. Stalin was by now a member of the Politburo"),
    ("encyclopedia", "Kamenev worked closely with Lenin in Paris and Kraków"),
    ("encyclopedia", "He was one of the seven members of the first Politburoand"),
    ("quiz", "Answer: Zinoviev and Kamenev."),
    ("quiz", "How well do you know the struggle for power after Lenin?"),
]


@pytest.mark.parametrize(("name", "snippet"), FIXTURE_CONTENT)
def test_clean_keeps_fixture_content(name: str, snippet: str) -> None:
    text = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    start = text.index(snippet)
    found = mark_boilerplate(text, split_sentences(text))
    assert [m for m in found if m.start < start + len(snippet) and start < m.end] == []


@given(st.text(alphabet=st.sampled_from(list("aZ .|[]edit#*\nBy,Photo:ing()")), max_size=150))
def test_clean_marks_are_inside_sorted_and_disjoint(text: str) -> None:
    found: list[Boilerplate] = mark_boilerplate(text, split_sentences(text))
    previous_end = 0
    for mark in found:
        assert previous_end <= mark.start < mark.end <= len(text)
        previous_end = mark.end


# The fast tests against the patterns they stand for (clean.py "Speed" notes).

PIPES_AS_WRITTEN = re.compile(r"\s\|(?:\s.*\|| *$)")
PHOTO_CREDIT_AS_WRITTEN = re.compile(
    r"^(?:photo|image|picture|illustration|credit|source)s?\s*:|getty images|wikimedia commons"
    r"|courtesy of|\bvia wikimedia",
    re.IGNORECASE,
)
LINE_PIECES = st.sampled_from(
    [
        "Photo",
        "s",
        ":",
        " ",
        "Getty",
        "GETTY",
        "images",
        "imageſ",
        "via",
        "wiKimedia",
        "xvia",
        "wikimedia",
        "commons",
        "courtesy",
        "of",
        "|",
        "\t",
        ".",
        ",",
        "?",
        "\n",
        "ing",
        "Lenin",
    ]
)
LINES = st.lists(LINE_PIECES, max_size=12).map("".join)


@settings(max_examples=300)
@given(LINES)
@example("Lenin, via wikimedia")
@example("WIKIMEDIA COMMONS.")
@example("Getty imageſ")
def test_clean_fast_line_tests_agree_with_their_patterns(line: str) -> None:
    assert bool(clean.PIPES.search(line)) == bool(PIPES_AS_WRITTEN.search(line))
    photo = clean.PHOTO_CREDIT_OPENING.match(line) or clean._has_photo_credit(line, line.lower())
    assert bool(photo) == bool(PHOTO_CREDIT_AS_WRITTEN.search(line))
    assert clean._final_mark(line) == bool(clean.FINAL_MARK.search(line))


SENTENCE_PIECES = st.sampled_from(
    "He/She/They/ is / is/is /a/ author/Written/ by/Fact/-checked/ checked/About the author"
    "/Ivan/ Petrov/Posted/ on/\n/ /.".split("/")
)


@settings(max_examples=300)
@given(st.lists(SENTENCE_PIECES, max_size=10).map("".join))
@example("He is the author of two books.")
@example("Ivan Petrov is a historian.")
@example("Fact checked by Anna.")
def test_clean_fast_bio_test_agrees_with_its_pattern(sentence: str) -> None:
    if clean.CREDIT_SENTENCE.match(sentence):
        expected = len(sentence.split()) <= clean.CREDIT_WORDS and not (
            clean.CLAUSE_AFTER_COMMA.search(sentence)
        )
    else:
        expected = bool(clean.BYLINE_SENTENCE.match(sentence))
    assert clean._is_bio(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Written by Lenin in 1902, What Is to Be Done? set out the idea of a vanguard party.",
        "Written by Stalin's secretary, the note reached Lenin in March.",
        "Posted by Lenin to the Central Committee, the letter arrived on 5 March.",
    ],
)
def test_clean_a_claim_that_opens_like_a_credit_is_content(sentence: str) -> None:
    assert clean.mark_boilerplate(sentence, split_sentences(sentence)) == []


def test_clean_a_short_credit_is_a_byline() -> None:
    text = "Written by Anna Smith, staff writer."
    assert [b.kind for b in clean.mark_boilerplate(text, split_sentences(text))] == ["byline"]


def test_clean_site_opening_is_written_in_lower_case() -> None:
    """It is matched on lower-cased text, without re.IGNORECASE (clean.py)."""
    assert re.search(r"(?<!\\)[A-Z]", clean.SITE_OPENING.pattern) is None
