"""split_sentences: exact spans, lines, initials, abbreviations, brackets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kremlinology.text.sentences import split_sentences


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lenin died. Stalin rose.", ["Lenin died.", "Stalin rose."]),
        (
            "Was he rude? Lenin thought so! Trotsky agreed.",
            ["Was he rude?", "Lenin thought so!", "Trotsky agreed."],
        ),
        ('He wrote "Enough." "Go," said Stalin.', ['He wrote "Enough."', '"Go," said Stalin.']),
        ("Кто прав? Троцкий молчал.", ["Кто прав?", "Троцкий молчал."]),
    ],
    ids=["period", "question-exclamation", "quotes", "cyrillic"],
)
def test_sentences_split_at_end_marks_before_capitals(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the .. in the reorganization of the state",
        "He left for Vienna in Jan. and came back",
        "It cost 3.5 roubles. 2 were paid",
    ],
)
def test_sentences_do_not_split_before_lower_case_or_digits(text: str) -> None:
    assert sentences_of(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "J. V. Stalin signed the order.",
        "The letter reached Mr. Trotsky late.",
        "They met at St. Petersburg station.",
        "He was born c. Easter in Gori.",
        "Small parties, e.g. Left Socialist Revolutionaries, joined.",
        "It was Lenin vs. Stalin in the end.",
        "Published in No. Seven of the journal.",
        "The U.S.S.R. Supreme Soviet met.",
    ],
)
def test_sentences_do_not_split_after_initials_or_abbreviations(text: str) -> None:
    assert sentences_of(text) == [text]


def test_sentences_split_after_an_initial_before_a_sentence_starter() -> None:
    text = "The order was signed by Group A. The next day it was void."
    assert sentences_of(text) == ["The order was signed by Group A.", "The next day it was void."]


@pytest.mark.parametrize(
    "text",
    [
        "He fled to Finland [ dubious — discuss ] in disguise.",
        "He fled to Finland [citation needed. See talk] in disguise.",
        "He fled (so Krupskaya says. Others doubt it) to Finland.",
    ],
)
def test_sentences_do_not_split_inside_brackets(text: str) -> None:
    assert sentences_of(text) == [text]


def test_sentences_end_at_every_newline() -> None:
    text = "Lenin and Stalin as Leaders\n\n  Lenin died in winter\nStalin rose. He won.\n"
    assert sentences_of(text) == [
        "Lenin and Stalin as Leaders",
        "Lenin died in winter",
        "Stalin rose.",
        "He won.",
    ]


def test_sentences_spans_exclude_surrounding_whitespace() -> None:
    text = "  Lenin died.   Stalin rose.  \n"
    assert split_sentences(text) == [(2, 13), (16, 28)]


@pytest.mark.parametrize("text", ["", " \n\t\n "])
def test_sentences_of_blank_text_are_none(text: str) -> None:
    assert split_sentences(text) == []


TEXTISH = st.text(alphabet=st.sampled_from(list("aZ .?!\n\t[]()\"'«»J,É")), max_size=200)


@given(TEXTISH)
def test_sentences_spans_are_inside_ordered_and_disjoint(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


@given(TEXTISH)
def test_sentences_cover_every_non_blank_character(text: str) -> None:
    covered = "".join(text[start:end] for start, end in split_sentences(text))
    assert "".join(covered.split()) == "".join(text.split())
