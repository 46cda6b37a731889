"""Property tests for kremlinology.dates: calendar conversion, bounds, render/parse round trips."""

from __future__ import annotations

import datetime
from calendar import monthrange

from hypothesis import given
from hypothesis import strategies as st

from kremlinology.dates import (
    RUSSIA_SWITCH_NS,
    Calendar,
    HistDate,
    Interval,
    Precision,
    Qualifier,
    could_be_same,
    gregorian_to_julian,
    julian_to_gregorian,
    parse_date,
)

# The range the brief asks the round trip to hold over.
FIRST_YEAR, LAST_YEAR = 1000, 2100
# Julian month lengths, written out here so the tests do not lean on convertdate's own table.
JULIAN_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

YearMonthDay = tuple[int, int, int]


def julian_month_length(year: int, month: int) -> int:
    leap_day = 1 if month == 2 and year % 4 == 0 else 0
    return JULIAN_MONTH_DAYS[month - 1] + leap_day


def month_length(calendar: Calendar, year: int, month: int) -> int:
    if calendar is Calendar.JULIAN:
        return julian_month_length(year, month)
    return monthrange(year, month)[1]


def next_julian_day(year: int, month: int, day: int) -> YearMonthDay:
    if day < julian_month_length(year, month):
        return year, month, day + 1
    return (year + 1, 1, 1) if month == 12 else (year, month + 1, 1)


@st.composite
def julian_days(draw: st.DrawFn, first: int = FIRST_YEAR, last: int = LAST_YEAR) -> YearMonthDay:
    year = draw(st.integers(first, last))
    month = draw(st.integers(1, 12))
    return year, month, draw(st.integers(1, julian_month_length(year, month)))


@st.composite
def hist_dates(draw: st.DrawFn, calendar: Calendar | None = None) -> HistDate:
    calendar = calendar or draw(st.sampled_from(Calendar))
    year = draw(st.integers(FIRST_YEAR, LAST_YEAR))
    precision = draw(st.sampled_from(Precision))
    if precision is Precision.YEAR:
        qualifier = draw(st.none() | st.sampled_from(Qualifier))
        return HistDate(year, calendar=calendar, qualifier=qualifier)
    month = draw(st.integers(1, 12))
    if precision is Precision.MONTH:
        qualifier = draw(st.none() | st.sampled_from(Qualifier))
        return HistDate(year, month, calendar=calendar, qualifier=qualifier)
    day = draw(st.integers(1, month_length(calendar, year, month)))
    qualifier = draw(st.sampled_from([None, Qualifier.CIRCA]))
    return HistDate(year, month, day, calendar, qualifier)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    first, second = draw(hist_dates()), draw(hist_dates())
    start, end = sorted([first, second], key=lambda date: date.bounds()[0])
    return Interval(start, end)


spans = hist_dates() | intervals()


@given(julian_days())
def test_dates_julian_gregorian_round_trip(day: YearMonthDay) -> None:
    assert gregorian_to_julian(julian_to_gregorian(*day)) == day


@given(julian_days(), julian_days())
def test_dates_conversion_is_monotonic(a: YearMonthDay, b: YearMonthDay) -> None:
    early, late = sorted([a, b])
    assert (julian_to_gregorian(*early) < julian_to_gregorian(*late)) == (early < late)


@given(julian_days(last=LAST_YEAR - 1))
def test_dates_conversion_steps_one_day_per_day(day: YearMonthDay) -> None:
    step = julian_to_gregorian(*next_julian_day(*day)) - julian_to_gregorian(*day)
    assert step == datetime.timedelta(days=1)


@given(julian_days(last=1918).filter(lambda day: day <= (1918, 1, 31)))
def test_dates_old_style_days_fall_before_the_switch(day: YearMonthDay) -> None:
    assert julian_to_gregorian(*day) < RUSSIA_SWITCH_NS


@given(julian_days(first=1918).filter(lambda day: day >= (1918, 2, 1)))
def test_dates_later_julian_days_fall_on_or_after_the_switch(day: YearMonthDay) -> None:
    assert julian_to_gregorian(*day) >= RUSSIA_SWITCH_NS


@given(spans, spans)
def test_dates_could_be_same_is_symmetric(a: HistDate | Interval, b: HistDate | Interval) -> None:
    assert could_be_same(a, b) == could_be_same(b, a)


@given(hist_dates())
def test_dates_could_be_same_as_itself(date: HistDate) -> None:
    assert could_be_same(date, date)


@given(hist_dates())
def test_dates_bounds_are_non_empty_and_ordered(date: HistDate) -> None:
    first, after = date.bounds()
    assert first < after


@given(hist_dates())
def test_dates_render_parses_back(date: HistDate) -> None:
    assert parse_date(date.render()) == date


@given(hist_dates(calendar=Calendar.GREGORIAN).filter(lambda date: date.qualifier is None))
def test_dates_gregorian_iso_parses_back(date: HistDate) -> None:
    assert parse_date(date.iso()) == date


@given(hist_dates(calendar=Calendar.JULIAN).filter(lambda date: date.day is not None))
def test_dates_julian_day_iso_is_its_new_style_day(date: HistDate) -> None:
    assert parse_date(date.iso()).bounds()[0] == julian_to_gregorian(
        date.year, date.month or 1, date.day or 1
    )


@given(hist_dates())
def test_dates_conversion_keeps_bounds(date: HistDate) -> None:
    assert date.to_gregorian().bounds() == date.bounds() == date.to_julian().bounds()


@given(hist_dates(calendar=Calendar.JULIAN).filter(lambda date: date.day is not None))
def test_dates_julian_day_converts_back(date: HistDate) -> None:
    assert date.to_gregorian().to_julian() == date
