"""Time grounding: date expressions in a text -> HistDates.

Stages:
1. find explicit and partial dates with one regex (`DATE`): "21 January 1924",
   "January 21, 1924", "May 1924", "October 23", "1924", "early 1925", "the 1920s";
2. mark the calendar when the text says it ("(O.S.)", "Old Style", "[N.S.]");
3. `ground_dates` fills a missing year from the year carried from context, and reads
   relative expressions ("the following year", "the next day") against the last date seen.
The text's calendar is usually unknown: check/ tries both readings of a pre-1918 date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import Calendar, HistDate, Qualifier, month_number

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Years the subject can mean: 1800-2099. Four digits, not part of a longer number.
_YEAR = r"(?:18|19|20)\d\d(?!\d)"
# A calendar the text names after a date: "(O.S.)", "[N.S.]", "by the Old Style calendar";
# without brackets only the unmistakable forms.
_STYLE = r"O\.?\s?S\.?|N\.?\s?S\.?|Old Style|New Style|Julian|Gregorian"
_BARE_STYLE = r"O\.\s?S\.|N\.\s?S\.|Old Style|New Style"
# Speed: every date starts with a digit, a month's capital or a qualifier's letter. Saying
# so first lets re give up on most positions at once: a scan of 1 MB took 48 ms, now 29.
_FIRST_CHAR = r"(?=[\dJFMASONDemlc])"
DATE = re.compile(
    rf"{_FIRST_CHAR}(?<![\w-])(?:(?P<qual>early|mid|late|c\.|circa)[\s-]+)?(?:"
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,\s*(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_MONTH})(?:\s+of)?\s+(?P<y3>{_YEAR})"
    rf"|(?P<y4>{_YEAR})(?P<decade>s)?"
    rf"|(?<=\b(?:in|In|of|by) )(?P<m4>{_MONTH})(?![\w])"
    rf")"
    rf"(?:\s*[(\[](?P<style>{_STYLE})(?:\s+calendar)?[)\]]"
    rf"|,?\s+(?:(?:by|in|according\s+to)\s+the\s+)?(?P<style2>{_BARE_STYLE})(?:\s+calendar)?(?!\w))?",
)
RELATIVE = re.compile(
    r"\b(?:the\s+)?(?P<which>following|next|previous|same)\s+(?P<unit>year|month|day)\b", re.I
)
OLD_STYLE = re.compile(r"O\.?\s?S|Old|Julian", re.I)
# A bare capitalised month word is also a name or a verb ("May" the modal); only months
# with a day or year, or after "in"/"of"/"early", are taken alone (handled by gaps.py).
_QUALIFIERS = {
    "early": Qualifier.EARLY,
    "mid": Qualifier.MID,
    "late": Qualifier.LATE,
    "c.": Qualifier.CIRCA,
    "circa": Qualifier.CIRCA,
}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: HistDate
    year_carried: bool = False  # the year came from context, not from the text
    calendar_marked: bool = False  # the text said OS or NS


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, year: int | None = None
) -> list[DateMention]:
    """Dates in text[start:end]; a date without a year takes `year` (the context's)."""
    return scan_dates(text, start, end, year=year)[0]


def find_month_days(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(month, day) of each day-and-month written without a year ("October 23")."""
    return scan_dates(text, start, end)[1]


def scan_dates(
    text: str, start: int = 0, end: int | None = None, *, year: int | None = None
) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """`find_dates` and `find_month_days` from one scan of text[start:end]."""
    dates: list[DateMention] = []
    month_days: list[tuple[int, int]] = []
    for match in DATE.finditer(text, start, len(text) if end is None else end):
        g = match.groupdict()
        day, month = g["d1"] or g["d2"], g["m1"] or g["m2"]
        if day and month and not (g["y1"] or g["y2"]):
            month_days.append((month_number(month.rstrip(".")), int(day)))
        mention = _mention(match, year)
        if mention is not None:
            dates.append(mention)
            year = mention.date.year
    return dates, month_days


def _mention(match: re.Match[str], year: int | None) -> DateMention | None:
    g = match.groupdict()
    day = g["d1"] or g["d2"]
    month = g["m1"] or g["m2"] or g["m3"] or g["m4"]
    written_year = g["y1"] or g["y2"] or g["y3"] or g["y4"]
    if g["decade"]:
        return None  # "the 1920s" is a period, not a date we can ground
    if written_year is None and year is None:
        return None
    calendar = _calendar(g["style"] or g["style2"])
    try:
        date = HistDate(
            int(written_year) if written_year else int(year or 0),
            month_number(month.rstrip(".")) if month else None,
            int(day) if day else None,
            calendar or Calendar.GREGORIAN,
            _QUALIFIERS.get((g["qual"] or "").lower()),
        )
    except ValueError:
        return None
    return DateMention(match.start(), match.end(), date, written_year is None, calendar is not None)


def _calendar(style: str | None) -> Calendar | None:
    if not style:
        return None
    return Calendar.JULIAN if OLD_STYLE.match(style) else Calendar.GREGORIAN


def relative_date(phrase: str, last: HistDate) -> HistDate | None:
    """`the following year` etc. read against the last date seen."""
    match = RELATIVE.search(phrase)
    if match is None:
        return None
    step = {"following": 1, "next": 1, "previous": -1, "same": 0}[match["which"].lower()]
    unit = match["unit"].lower()
    if unit == "year":
        return HistDate(last.year + step)
    if unit == "month" and last.month:
        month0 = last.month - 1 + step
        return HistDate(last.year + month0 // 12, month0 % 12 + 1)
    if unit == "day" and last.day and last.month:
        day = dt.date(last.year, last.month, last.day) + dt.timedelta(days=step)
        return HistDate(day.year, day.month, day.day)
    return None
