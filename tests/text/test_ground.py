"""Time grounding: dates, their calendars when the text names one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kremlinology.dates import Calendar
from kremlinology.text import ground
from kremlinology.text.ground import find_dates, find_month_days


@pytest.mark.parametrize(
    ("text", "calendar"),
    [
        ("on 16 April 1917 (Old Style)", Calendar.JULIAN),
        ("on 25 October 1917 by the New Style calendar", Calendar.GREGORIAN),
        ("in March 1917 by the Old Style calendar", Calendar.JULIAN),
        ("on 7 November 1917, N.S., the", Calendar.GREGORIAN),
        ("on 10 October 1917 [Julian]", Calendar.JULIAN),
    ],
)
def test_ground_reads_the_calendar_a_text_names(text: str, calendar: Calendar) -> None:
    (mention,) = find_dates(text)
    assert mention.calendar_marked and mention.date.calendar is calendar


def test_ground_a_bare_os_after_a_date_is_no_calendar_mark() -> None:
    """Only the unmistakable forms count without brackets ("OS" may be anything)."""
    (mention,) = find_dates("in 1917 OS releases")
    assert not mention.calendar_marked


# The first-character lookahead (ground.py "Speed") changes no match.
DATE_AS_WRITTEN = re.compile(ground.DATE.pattern.removeprefix(ground._FIRST_CHAR))
DATE_PIECES = st.sampled_from(
    "21|1924|1920|s|January|Jan.|Sept|May|early|mid|c.|circa|of|in|In|by|(O.S.)|[N.S.]"
    "|Old Style|calendar|the|x-|٣|-".split("|")
)
DATE_TEXTS = st.lists(
    st.tuples(DATE_PIECES, st.sampled_from([" ", "", ", ", "\n"])), max_size=20
).map(lambda pairs: "".join(piece + blank for piece, blank in pairs))


@given(DATE_TEXTS, st.integers(0, 6))
def test_ground_date_pattern_finds_what_it_did_without_the_lookahead(text: str, cut: int) -> None:
    start = min(cut, len(text))
    found = [m.groupdict() | {"span": m.span()} for m in ground.DATE.finditer(text, start)]
    expected = [m.groupdict() | {"span": m.span()} for m in DATE_AS_WRITTEN.finditer(text, start)]
    assert found == expected


def test_ground_month_days_and_dates_of_one_sentence_after_another() -> None:
    text = "On October 23 he spoke. On 7 November 1917 they rose. In May 1924 it ended."
    assert find_month_days(text, 0, 23) == [(10, 23)]
    assert [m.date.month for m in find_dates(text, 24, 53)] == [11]
    assert find_month_days(text, 24, 53) == []
    assert find_month_days(text) == [(10, 23)]
