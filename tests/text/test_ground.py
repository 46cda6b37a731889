"""Time grounding: dates, their calendars when the text names one."""

from __future__ import annotations

import pytest

from kremlinology.dates import Calendar
from kremlinology.text.ground import find_dates


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
