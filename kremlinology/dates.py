"""Historical dates: precision, qualifiers, Old Style (Julian) and New Style (Gregorian).

A `HistDate` keeps the precision and the calendar it was written in. Every comparison goes
through its New Style bounds, half-open: ``[first day, day after the last)``. An `Interval`
runs from the first day of its start to the first day of its end, which it excludes.

`parse_date` works in numbered stages, numbered the same in the code:

1. split off a calendar mark after the date (OS, NS, (Old Style), (New Style));
2. split off a qualifier before it (early, mid, late, c., circa);
3. match one of the accepted forms (`ACCEPTED_FORMS`);
4. build the `HistDate`, which validates its fields.
"""

from __future__ import annotations

import datetime
import enum
import re
from calendar import monthrange
from dataclasses import dataclass, replace

from convertdate import julian

from kremlinology.errors import DateParseError


class Calendar(enum.StrEnum):
    """The calendar a date's fields are written in."""

    JULIAN = "julian"
    GREGORIAN = "gregorian"


class Precision(enum.IntEnum):
    """How much of a date is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


class Qualifier(enum.StrEnum):
    """A word that narrows (early, mid, late) or widens (circa) a date."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"
    CIRCA = "circa"


# Decree of the Council of People's Commissars of 24 January 1918 (OS): the day after
# 31 January 1918 OS was 14 February 1918, the first day of New Style in Russia.
RUSSIA_SWITCH_NS: datetime.date = datetime.date(1918, 2, 14)

# datetime.date spans the years 1..9999. Staying well inside keeps circa widening (one year)
# and the Julian offset (under two months by 9000) inside it; the parser reads 3-4 digit years.
MIN_YEAR = 100
MAX_YEAR = 9000

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# "Jun" and "Jul" need three letters to tell apart; shorter prefixes are refused.
_MONTH_PREFIX_MIN = 3

# The project's convention (DESIGN.md, dates): early/mid/late split a year into thirds of
# four months (1-4, 5-8, 9-12) and a month into days 1-10, 11-20, 21-end.
_THIRD_INDEX = {"early": 0, "mid": 1, "late": 2}
_THIRD_MONTHS = 4
_THIRD_DAYS = 10
# Circa widens a day by a week either side (same convention).
_CIRCA_DAYS = datetime.timedelta(days=7)
_ONE_DAY = datetime.timedelta(days=1)

_RENDER_PREFIX = {
    Qualifier.EARLY: "early ",
    Qualifier.MID: "mid ",
    Qualifier.LATE: "late ",
    Qualifier.CIRCA: "c. ",
}
_QUALIFIER_WORDS = {
    "early": Qualifier.EARLY,
    "mid": Qualifier.MID,
    "late": Qualifier.LATE,
    "c.": Qualifier.CIRCA,
    "ca.": Qualifier.CIRCA,
    "circa": Qualifier.CIRCA,
}
_OLD_STYLE = " (Old Style)"

ACCEPTED_FORMS = (
    '"1924", "1924-05", "1924-05-23", "May 1924", "23 May 1924", "May 23, 1924" and '
    '"25 October [7 November] 1917"; optionally after early/mid/late/c./circa and before '
    "OS, NS, (Old Style) or (New Style)"
)

# Stage 1: a calendar mark at the end, bare or in parentheses.
_CALENDAR_MARK = re.compile(
    r"\s*\(?\s*\b(?P<mark>old style|new style|o\.?s\.?|n\.?s\.?)\s*\)?$", re.IGNORECASE
)
# Stage 2: a qualifier word at the start ("mid-1926" and "c.1905" included).
_QUALIFIER_PREFIX = re.compile(
    r"(?P<word>early|mid|late|circa|ca\.|c\.)(?:\s+|-\s*|(?<=\.))(?P<rest>\S.*)$", re.IGNORECASE
)
# Stage 3: the forms. Dual forms give Old Style first and New Style in brackets.
_Y = r"(?P<year>\d{3,4})"
_M = r"(?P<mname>[A-Za-z]+\.?)"
_D = r"(?P<day>\d{1,2})"
_FORMS = tuple(
    re.compile(pattern)
    for pattern in (
        _Y + r"(?:-(?P<month>\d{1,2})(?:-" + _D + r")?)?",
        _M + r" " + _Y,
        _D + r" " + _M + r",? " + _Y,
        _M + r" " + _D + r"(?:st|nd|rd|th)?,? " + _Y,
        _D + r" \[(?P<ns_day>\d{1,2})\] " + _M + r" " + _Y,
        _D + r" " + _M + r" \[(?P<ns_day>\d{1,2}) (?P<ns_mname>[A-Za-z]+)\] " + _Y,
        _D + r" " + _M + " " + _Y + r" \[(?P<ns_day>\d{1,2}) (?P<ns_mname>[A-Za-z]+) "
        r"(?P<ns_year>\d{3,4})\]",
    )
)

_GROUP_NAMES = ("year", "month", "mname", "day", "ns_day", "ns_mname", "ns_year")

_Ymd = tuple[int, int, int]
_Groups = dict[str, str | None]


# --- Julian <-> Gregorian -------------------------------------------------------------------


def julian_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The New Style (proleptic Gregorian) day of a Julian date."""
    _check_day(Calendar.JULIAN, year, month, day)
    y, m, d = julian.to_gregorian(year, month, day)
    return datetime.date(int(y), int(m), int(d))


def gregorian_to_julian(day: datetime.date) -> tuple[int, int, int]:
    """The Julian (year, month, day) of a New Style day."""
    y, m, d = julian.from_gregorian(day.year, day.month, day.day)
    return int(y), int(m), int(d)


def russian_calendar_on(day: datetime.date) -> Calendar:
    """The calendar Russian sources used on a given New Style day."""
    return Calendar.JULIAN if day < RUSSIA_SWITCH_NS else Calendar.GREGORIAN


def month_number(name: str) -> int:
    """1-12 for an English month name or a prefix of at least three letters ("Oct", "Sept")."""
    key = name.strip().rstrip(".").lower()
    if len(key) >= _MONTH_PREFIX_MIN:
        for number, month in enumerate(MONTHS, start=1):
            if month.lower().startswith(key):
                return number
    raise DateParseError(f"unknown month {name!r}: use an English name such as 'October' or 'Oct'")


def _month_length(calendar: Calendar, year: int, month: int) -> int:
    if calendar is Calendar.JULIAN:
        return int(julian.month_length(year, month))
    return monthrange(year, month)[1]


def _check_day(calendar: Calendar, year: int, month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise DateParseError(f"month {month} is not 1-12 (year {year})")
    if not 1 <= day <= _month_length(calendar, year, month):
        raise DateParseError(f"{MONTHS[month - 1]} {year} ({calendar.value}) has no day {day}")


def _to_ns(calendar: Calendar, year: int, month: int, day: int) -> datetime.date:
    if calendar is Calendar.JULIAN:
        return julian_to_gregorian(year, month, day)
    return datetime.date(year, month, day)


def _from_ns(calendar: Calendar, day: datetime.date) -> _Ymd:
    if calendar is Calendar.JULIAN:
        return gregorian_to_julian(day)
    return day.year, day.month, day.day


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + months
    return total // 12, total % 12 + 1


# --- HistDate -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistDate:
    """A date at year, month or day precision, in the calendar it was written in."""

    year: int
    month: int | None = None
    day: int | None = None
    calendar: Calendar = Calendar.GREGORIAN
    qualifier: Qualifier | None = None

    def __post_init__(self) -> None:
        # Data files hand us plain strings ("julian", "early"); store the enum members.
        object.__setattr__(self, "calendar", _enum_value(Calendar, self.calendar))
        if self.qualifier is not None:
            object.__setattr__(self, "qualifier", _enum_value(Qualifier, self.qualifier))
        _check_fields(self)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    def to_gregorian(self) -> HistDate:
        """The same time with New Style fields; a month or year that has none stays as written."""
        return _convert(self, Calendar.GREGORIAN)

    def to_julian(self) -> HistDate:
        """The same time with Old Style fields; a month or year that has none stays as written."""
        return _convert(self, Calendar.JULIAN)

    def bounds(self) -> tuple[datetime.date, datetime.date]:
        """Half-open New Style bounds ``[first, after last)``, narrowed or widened by qualifier."""
        if self.day is not None:
            return _day_bounds(self, self.day)
        start, after = _written_bounds(self)
        return _to_ns(self.calendar, *start), _to_ns(self.calendar, *after)

    def iso(self) -> str:
        """New Style ISO 8601 at the written precision ("1924", "1924-05", "1917-11-07")."""
        date = self.to_gregorian()
        parts = [f"{date.year:04d}"] + [f"{n:02d}" for n in (date.month, date.day) if n]
        return "-".join(parts)

    def render(self) -> str:
        """English: "21 January 1924", "early 1925", "25 October [7 November] 1917"."""
        prefix = _RENDER_PREFIX[self.qualifier] if self.qualifier else ""
        return prefix + _render_body(self)

    def __str__(self) -> str:
        return self.render()

    def sort_key(self) -> tuple[datetime.date, int]:
        """Order by New Style first day, then coarser before finer."""
        return self.bounds()[0], int(self.precision)


def _enum_value(kind: type[enum.Enum], value: object) -> enum.Enum:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)
        raise DateParseError(f"{value!r} is not a {kind.__name__}: use {allowed}") from None


def _check_fields(date: HistDate) -> None:
    if not MIN_YEAR <= date.year <= MAX_YEAR:
        raise DateParseError(f"year {date.year} is outside {MIN_YEAR}-{MAX_YEAR}")
    if date.month is None:
        if date.day is not None:
            raise DateParseError(f"day {date.day} of {date.year} has no month")
        return
    if date.day is None:
        _check_day(date.calendar, date.year, date.month, 1)
        return
    _check_day(date.calendar, date.year, date.month, date.day)
    if date.qualifier not in (None, Qualifier.CIRCA):
        raise DateParseError(f"'{date.qualifier}' qualifies a year or a month, not a day")


def _ns_day(date: HistDate, day: int) -> datetime.date:
    return _to_ns(date.calendar, date.year, date.month or 1, day)


def _day_bounds(date: HistDate, day: int) -> tuple[datetime.date, datetime.date]:
    first = _ns_day(date, day)
    widen = _CIRCA_DAYS if date.qualifier is Qualifier.CIRCA else datetime.timedelta(0)
    return first - widen, first + _ONE_DAY + widen


def _written_bounds(date: HistDate) -> tuple[_Ymd, _Ymd]:
    """Year or month bounds as (y, m, d) in the written calendar."""
    if date.month is not None:
        return _month_bounds(date.year, date.month, date.qualifier)
    year, qualifier = date.year, date.qualifier
    if qualifier is None:
        return (year, 1, 1), (year + 1, 1, 1)
    if qualifier is Qualifier.CIRCA:
        return (year - 1, 1, 1), (year + 2, 1, 1)
    first = 1 + _THIRD_INDEX[qualifier.value] * _THIRD_MONTHS
    return (year, first, 1), (*_add_months(year, first, _THIRD_MONTHS), 1)


def _month_bounds(year: int, month: int, qualifier: Qualifier | None) -> tuple[_Ymd, _Ymd]:
    next_month = (*_add_months(year, month, 1), 1)
    if qualifier is None:
        return (year, month, 1), next_month
    if qualifier is Qualifier.CIRCA:
        return (*_add_months(year, month, -1), 1), (*_add_months(year, month, 2), 1)
    first = 1 + _THIRD_INDEX[qualifier.value] * _THIRD_DAYS
    after = next_month if qualifier is Qualifier.LATE else (year, month, first + _THIRD_DAYS)
    return (year, month, first), after


def _convert(date: HistDate, target: Calendar) -> HistDate:
    if date.calendar is target:
        return date
    if date.day is not None:
        year, month, day = _from_ns(target, _ns_day(date, date.day))
        return replace(date, year=year, month=month, day=day, calendar=target)
    # A month or year converts only when it is exactly one month or year in the target
    # calendar; otherwise it keeps its written fields and its calendar flag says which.
    exact = replace(date, qualifier=None).bounds()
    year, month, _ = _from_ns(target, exact[0])
    converted = replace(date, year=year, month=month if date.month else None, calendar=target)
    same = replace(converted, qualifier=None).bounds() == exact
    return converted if same else date


def _render_body(date: HistDate) -> str:
    if date.month is None:
        text = str(date.year)
    elif date.day is None:
        text = f"{MONTHS[date.month - 1]} {date.year}"
    elif date.calendar is Calendar.JULIAN:
        return _render_dual(date.year, date.month, date.day)
    else:
        return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    return text + _OLD_STYLE if date.calendar is Calendar.JULIAN else text


def _render_dual(year: int, month: int, day: int) -> str:
    """Old Style first, New Style in brackets, sharing what the two have in common."""
    ns = julian_to_gregorian(year, month, day)
    os_month, ns_month = MONTHS[month - 1], MONTHS[ns.month - 1]
    if ns.year != year:
        return f"{day} {os_month} {year} [{ns.day} {ns_month} {ns.year}]"
    if ns.month != month:
        return f"{day} {os_month} [{ns.day} {ns_month}] {year}"
    return f"{day} [{ns.day}] {os_month} {year}"


# --- Interval -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """From the first day of `start` through the last day of `end`, both included.

    Data authors write ends as sources give them ("23-31 May 1924", "1922/1953"), so the
    end date is part of the interval. Two successive office holders therefore share the
    handover day; kb/rules.py K302 allows that one day.
    """

    start: HistDate
    end: HistDate

    def __post_init__(self) -> None:
        if self.end.bounds()[0] < self.start.bounds()[0]:
            raise DateParseError(
                f"interval ends ({self.end.render()}) before it starts ({self.start.render()})"
            )

    def bounds(self) -> tuple[datetime.date, datetime.date]:
        """Half-open New Style bounds: [first day of start, day after the end's last day)."""
        return self.start.bounds()[0], self.end.bounds()[1]

    def contains(self, date: HistDate | datetime.date) -> bool:
        """Whether a day, or the whole of a HistDate's bounds, lies inside the interval."""
        first, after = self.bounds()
        if isinstance(date, HistDate):
            inner_first, inner_after = date.bounds()
            return first <= inner_first and inner_after <= after
        return first <= date < after

    def overlaps(self, other: Interval) -> bool:
        return bounds_overlap(self.bounds(), other.bounds())

    def iso(self) -> str:
        return f"{self.start.iso()}/{self.end.iso()}"

    def render(self) -> str:
        return f"{self.start.render()} – {self.end.render()}"

    def __str__(self) -> str:
        return self.render()


Span = HistDate | Interval


# Half-open New Style bounds [first day, day after the last), as `HistDate.bounds` gives.
Bounds = tuple[datetime.date, datetime.date]


def bounds_overlap(a: Bounds, b: Bounds) -> bool:
    """Whether two half-open bounds share a day."""
    return a[0] < b[1] and b[0] < a[1]


def could_be_same(a: Span, b: Span) -> bool:
    """Whether two dates or intervals could denote the same time: their NS bounds overlap."""
    return bounds_overlap(a.bounds(), b.bounds())


# --- Parsing --------------------------------------------------------------------------------


def parse_date(text: str, *, calendar: Calendar | None = None) -> HistDate:
    """Read one date (`ACCEPTED_FORMS`). A calendar mark in the text beats `calendar`."""
    body, marked = _split_calendar(" ".join(text.split()))  # 1
    body, qualifier = _split_qualifier(body)  # 2
    groups = _match_form(body)  # 3
    if groups is None:
        raise DateParseError(f"cannot read {text!r} as a date. Accepted forms: {ACCEPTED_FORMS}")
    try:
        return _build(groups, qualifier, _pick_calendar(groups, marked, calendar))  # 4
    except DateParseError as err:
        raise DateParseError(f"cannot use {text!r} as a date: {err}") from err


def parse_span(text: str, *, calendar: Calendar | None = None) -> HistDate | Interval:
    """ "A/B" gives an Interval (both ends read with `calendar`); anything else a HistDate."""
    if "/" not in text:
        return parse_date(text, calendar=calendar)
    start, _, end = text.partition("/")
    try:
        return Interval(parse_date(start, calendar=calendar), parse_date(end, calendar=calendar))
    except DateParseError as err:
        raise DateParseError(f"cannot read {text!r} as an interval: {err}") from err


def _split_calendar(text: str) -> tuple[str, Calendar | None]:
    match = _CALENDAR_MARK.search(text)
    if match is None:
        return text, None
    mark = match["mark"].lower().replace(".", "")
    calendar = Calendar.JULIAN if mark in ("os", "old style") else Calendar.GREGORIAN
    return text[: match.start()], calendar


def _split_qualifier(text: str) -> tuple[str, Qualifier | None]:
    match = _QUALIFIER_PREFIX.match(text)
    if match is None:
        return text, None
    return match["rest"], _QUALIFIER_WORDS[match["word"].lower()]


def _match_form(text: str) -> _Groups | None:
    for form in _FORMS:
        match = form.fullmatch(text)
        if match is not None:
            return dict.fromkeys(_GROUP_NAMES) | match.groupdict()
    return None


def _pick_calendar(groups: _Groups, marked: Calendar | None, given: Calendar | None) -> Calendar:
    if groups["ns_day"] is None:
        return marked or given or Calendar.GREGORIAN
    if marked is Calendar.GREGORIAN:
        raise DateParseError("a bracketed date is Old Style first, New Style in brackets")
    return Calendar.JULIAN


def _build(groups: _Groups, qualifier: Qualifier | None, calendar: Calendar) -> HistDate:
    month = _month_of(groups["month"], groups["mname"])
    day_text = groups["day"]
    day = int(day_text) if day_text else None
    date = HistDate(int(groups["year"] or 0), month, day, calendar, qualifier)
    if groups["ns_day"] is not None:
        _check_dual(date, groups)
    return date


def _month_of(digits: str | None, name: str | None) -> int | None:
    if digits is not None:
        return int(digits)
    return month_number(name) if name is not None else None


def _check_dual(date: HistDate, groups: _Groups) -> None:
    """The bracketed New Style date must be the Old Style one converted."""
    expected = _ns_day(date, date.day or 1)
    month = _month_of(None, groups["ns_mname"]) or date.month
    given = (int(groups["ns_year"] or date.year), month, int(groups["ns_day"] or 0))
    if given != (expected.year, expected.month, expected.day):
        raise DateParseError(
            f"the New Style date in brackets should be {expected.day} "
            f"{MONTHS[expected.month - 1]} {expected.year}"
        )
