"""Example tests for kremlinology.dates: known Old/New Style pairs, parsing, rendering, bounds."""

from __future__ import annotations

import datetime

import pytest

from kremlinology.dates import (
    MONTHS,
    RUSSIA_SWITCH_NS,
    Calendar,
    HistDate,
    Interval,
    Precision,
    Qualifier,
    could_be_same,
    gregorian_to_julian,
    julian_to_gregorian,
    month_number,
    parse_date,
    parse_span,
    russian_calendar_on,
)
from kremlinology.errors import DateParseError

J = Calendar.JULIAN
G = Calendar.GREGORIAN
D = datetime.date

# (Julian y, m, d) -> New Style day; the sources are the standard biographies and
# chronologies of the revolution (Lenin's and Stalin's births, the two revolutions, the CC
# vote of 10 October 1917, the 1918 switch) and the 1900 Julian leap day.
KNOWN_PAIRS = [
    ((1870, 4, 10), D(1870, 4, 22)),  # Lenin born: 12-day offset in the 19th century
    ((1878, 12, 6), D(1878, 12, 18)),  # Stalin born
    ((1917, 10, 25), D(1917, 11, 7)),  # October Revolution
    ((1917, 10, 10), D(1917, 10, 23)),  # CC votes for insurrection
    ((1917, 2, 23), D(1917, 3, 8)),  # February Revolution
    ((1918, 1, 31), D(1918, 2, 13)),  # last Old Style day in Russia
    ((1918, 2, 1), RUSSIA_SWITCH_NS),  # would have been 1 February OS
    ((1900, 2, 28), D(1900, 3, 12)),  # still 12 days
    ((1900, 2, 29), D(1900, 3, 13)),  # Julian leap day; Gregorian 1900 has none
    ((1900, 3, 1), D(1900, 3, 14)),  # from here 13 days
]


@pytest.mark.parametrize(("os_day", "ns_day"), KNOWN_PAIRS)
def test_dates_julian_to_gregorian_known_pairs(os_day: tuple[int, int, int], ns_day: D) -> None:
    assert julian_to_gregorian(*os_day) == ns_day


@pytest.mark.parametrize(("os_day", "ns_day"), KNOWN_PAIRS)
def test_dates_gregorian_to_julian_known_pairs(os_day: tuple[int, int, int], ns_day: D) -> None:
    assert gregorian_to_julian(ns_day) == os_day


def test_dates_julian_to_gregorian_rejects_missing_day() -> None:
    with pytest.raises(DateParseError, match="no day 29"):
        julian_to_gregorian(1901, 2, 29)


@pytest.mark.parametrize(
    ("day", "calendar"),
    [
        (D(1918, 2, 13), J),
        (D(1917, 11, 7), J),
        (RUSSIA_SWITCH_NS, G),
        (D(1924, 1, 21), G),
    ],
)
def test_dates_russian_calendar_on(day: D, calendar: Calendar) -> None:
    assert russian_calendar_on(day) is calendar


@pytest.mark.parametrize(
    ("name", "number"),
    [("Oct", 10), ("October", 10), ("Sept", 9), ("sep.", 9), ("JUN", 6), ("Jul", 7), ("May", 5)],
)
def test_dates_month_number(name: str, number: int) -> None:
    assert month_number(name) == number


@pytest.mark.parametrize("name", ["Ju", "Octobre", "", "Brumaire"])
def test_dates_month_number_rejects(name: str) -> None:
    with pytest.raises(DateParseError, match="unknown month"):
        month_number(name)


def test_dates_months_are_english_names() -> None:
    assert MONTHS[0] == "January" and MONTHS[11] == "December" and len(MONTHS) == 12


@pytest.mark.parametrize(
    "fields",
    [
        {"year": 1924, "month": 13},
        {"year": 1924, "month": 0},
        {"year": 1924, "day": 3},
        {"year": 1923, "month": 2, "day": 29},
        {"year": 1900, "month": 2, "day": 29},
        {"year": 1901, "month": 2, "day": 29, "calendar": J},
        {"year": 1924, "month": 4, "day": 31},
        {"year": 1924, "month": 5, "day": 3, "qualifier": Qualifier.EARLY},
        {"year": 99},
        {"year": 1924, "calendar": "byzantine"},
    ],
)
def test_dates_histdate_rejects_invalid_fields(fields: dict[str, object]) -> None:
    with pytest.raises(DateParseError):
        HistDate(**fields)  # type: ignore[arg-type]


def test_dates_histdate_accepts_julian_leap_day_1900() -> None:
    assert HistDate(1900, 2, 29, J).bounds()[0] == D(1900, 3, 13)


def test_dates_histdate_coerces_strings_from_data_files() -> None:
    date = HistDate(1917, 10, calendar="julian", qualifier="early")  # type: ignore[arg-type]
    assert date.calendar is J and date.qualifier is Qualifier.EARLY


@pytest.mark.parametrize(
    ("date", "precision"),
    [(HistDate(1924), Precision.YEAR), (HistDate(1924, 5), Precision.MONTH),
     (HistDate(1924, 5, 23), Precision.DAY)],
)  # fmt: skip
def test_dates_precision(date: HistDate, precision: Precision) -> None:
    assert date.precision is precision


@pytest.mark.parametrize(
    ("date", "bounds"),
    [
        (HistDate(1924), (D(1924, 1, 1), D(1925, 1, 1))),
        (HistDate(1924, 5), (D(1924, 5, 1), D(1924, 6, 1))),
        (HistDate(1924, 12), (D(1924, 12, 1), D(1925, 1, 1))),
        (HistDate(1924, 1, 21), (D(1924, 1, 21), D(1924, 1, 22))),
        (HistDate(1917, 10, 25, J), (D(1917, 11, 7), D(1917, 11, 8))),
        (HistDate(1917, 10, calendar=J), (D(1917, 10, 14), D(1917, 11, 14))),
        (HistDate(1917, calendar=J), (D(1917, 1, 14), D(1918, 1, 14))),
        (HistDate(1925, qualifier=Qualifier.EARLY), (D(1925, 1, 1), D(1925, 5, 1))),
        (HistDate(1926, qualifier=Qualifier.MID), (D(1926, 5, 1), D(1926, 9, 1))),
        (HistDate(1923, qualifier=Qualifier.LATE), (D(1923, 9, 1), D(1924, 1, 1))),
        (HistDate(1905, qualifier=Qualifier.CIRCA), (D(1904, 1, 1), D(1907, 1, 1))),
        (HistDate(1924, 2, qualifier=Qualifier.EARLY), (D(1924, 2, 1), D(1924, 2, 11))),
        (HistDate(1924, 2, qualifier=Qualifier.MID), (D(1924, 2, 11), D(1924, 2, 21))),
        (HistDate(1924, 2, qualifier=Qualifier.LATE), (D(1924, 2, 21), D(1924, 3, 1))),
        (HistDate(1924, 1, qualifier=Qualifier.CIRCA), (D(1923, 12, 1), D(1924, 3, 1))),
        (HistDate(1924, 1, 21, qualifier=Qualifier.CIRCA), (D(1924, 1, 14), D(1924, 1, 29))),
    ],
)
def test_dates_bounds_half_open_in_new_style(date: HistDate, bounds: tuple[D, D]) -> None:
    assert date.bounds() == bounds


@pytest.mark.parametrize(
    ("date", "converted"),
    [
        (HistDate(1917, 10, 25, J), HistDate(1917, 11, 7)),
        (HistDate(1917, 12, 31, J), HistDate(1918, 1, 13)),
        (HistDate(1917, 10, calendar=J), HistDate(1917, 10, calendar=J)),
        (HistDate(1917, calendar=J), HistDate(1917, calendar=J)),
        (HistDate(1924, 5), HistDate(1924, 5)),
        (HistDate(250, 3, calendar=J), HistDate(250, 3)),  # offset is zero in the 3rd century
    ],
)
def test_dates_to_gregorian(date: HistDate, converted: HistDate) -> None:
    assert date.to_gregorian() == converted


@pytest.mark.parametrize(
    ("date", "converted"),
    [
        (HistDate(1917, 11, 7), HistDate(1917, 10, 25, J)),
        (HistDate(1870, 4, 22, qualifier=Qualifier.CIRCA),
         HistDate(1870, 4, 10, J, Qualifier.CIRCA)),
        (HistDate(1917, 11), HistDate(1917, 11)),
        (HistDate(1917, 10, 10, J), HistDate(1917, 10, 10, J)),
    ],
)  # fmt: skip
def test_dates_to_julian(date: HistDate, converted: HistDate) -> None:
    assert date.to_julian() == converted


@pytest.mark.parametrize(
    ("date", "iso"),
    [
        (HistDate(1924), "1924"),
        (HistDate(1924, 5), "1924-05"),
        (HistDate(1917, 11, 7), "1917-11-07"),
        (HistDate(1917, 10, 25, J), "1917-11-07"),
        (HistDate(1917, 10, calendar=J), "1917-10"),
        (HistDate(1925, qualifier=Qualifier.EARLY), "1925"),
        (HistDate(800, 3, 1), "0800-03-01"),
    ],
)
def test_dates_iso(date: HistDate, iso: str) -> None:
    assert date.iso() == iso


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (HistDate(1924, 1, 21), "21 January 1924"),
        (HistDate(1924, 5), "May 1924"),
        (HistDate(1924), "1924"),
        (HistDate(1925, qualifier=Qualifier.EARLY), "early 1925"),
        (HistDate(1905, qualifier=Qualifier.CIRCA), "c. 1905"),
        (HistDate(1924, 5, qualifier=Qualifier.LATE), "late May 1924"),
        (HistDate(1917, 10, 25, J), "25 October [7 November] 1917"),
        (HistDate(1917, 12, 31, J), "31 December 1917 [13 January 1918]"),
        (HistDate(1917, 10, 10, J), "10 [23] October 1917"),
        (HistDate(1917, 10, calendar=J), "October 1917 (Old Style)"),
        (HistDate(1917, calendar=J), "1917 (Old Style)"),
        (HistDate(1917, 10, 25, J, Qualifier.CIRCA), "c. 25 October [7 November] 1917"),
    ],
)
def test_dates_render(date: HistDate, text: str) -> None:
    assert date.render() == text


def test_dates_str_is_render() -> None:
    assert str(HistDate(1917, 10, 25, J)) == "25 October [7 November] 1917"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("1924", HistDate(1924)),
        ("1924-05", HistDate(1924, 5)),
        ("1924-05-23", HistDate(1924, 5, 23)),
        ("early 1925", HistDate(1925, qualifier=Qualifier.EARLY)),
        ("mid 1926", HistDate(1926, qualifier=Qualifier.MID)),
        ("mid-1926", HistDate(1926, qualifier=Qualifier.MID)),
        ("late 1923", HistDate(1923, qualifier=Qualifier.LATE)),
        ("c. 1905", HistDate(1905, qualifier=Qualifier.CIRCA)),
        ("c.1905", HistDate(1905, qualifier=Qualifier.CIRCA)),
        ("circa 1905", HistDate(1905, qualifier=Qualifier.CIRCA)),
        ("Oct 1926", HistDate(1926, 10)),
        ("Sept. 1926", HistDate(1926, 9)),
        ("October 1926", HistDate(1926, 10)),
        ("23 October 1926", HistDate(1926, 10, 23)),
        ("October 23, 1926", HistDate(1926, 10, 23)),
        ("  23   October\n1926 ", HistDate(1926, 10, 23)),
        ("10 October 1917 OS", HistDate(1917, 10, 10, J)),
        ("10 October 1917 O.S.", HistDate(1917, 10, 10, J)),
        ("1917-10-10 OS", HistDate(1917, 10, 10, J)),
        ("25 October 1917 (Old Style)", HistDate(1917, 10, 25, J)),
        ("7 November 1917 NS", HistDate(1917, 11, 7)),
        ("7 November 1917 (New Style)", HistDate(1917, 11, 7)),
        ("October 1917 (Old Style)", HistDate(1917, 10, calendar=J)),
        ("25 October [7 November] 1917", HistDate(1917, 10, 25, J)),
        ("10 [23] October 1917", HistDate(1917, 10, 10, J)),
        ("31 December 1917 [13 January 1918]", HistDate(1917, 12, 31, J)),
        ("early May 1924", HistDate(1924, 5, qualifier=Qualifier.EARLY)),
    ],
)
def test_dates_parse_accepted_forms(text: str, date: HistDate) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "calendar", "expected"),
    [
        ("1917-10-25", J, J),
        ("1917-10-25", None, G),
        ("1917-10-25 NS", J, G),
        ("1917-10-25 OS", G, J),
        ("25 October [7 November] 1917", G, J),
    ],
)
def test_dates_parse_calendar_mark_beats_argument(
    text: str, calendar: Calendar | None, expected: Calendar
) -> None:
    assert parse_date(text, calendar=calendar).calendar is expected


@pytest.mark.parametrize("text", ["May 1924", "1924-05"])
def test_dates_parse_keeps_month_precision(text: str) -> None:
    date = parse_date(text)
    assert date.day is None and date.iso() == "1924-05"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "23",
        "1924-13",
        "30 February 1924",
        "Brumaire 1924",
        "early 23 May 1924",
        "25 October [8 November] 1917",
        "25 October [7 November] 1917 NS",
        "1924-05-23T10:00",
    ],
)
def test_dates_parse_error_quotes_input(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    assert repr(text) in str(info.value)


def test_dates_parse_error_lists_accepted_forms() -> None:
    with pytest.raises(DateParseError, match=r"Accepted forms: .*1924-05-23.*Old Style"):
        parse_date("the spring of that year")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("1922-04-03/1952-10-16", Interval(HistDate(1922, 4, 3), HistDate(1952, 10, 16))),
        ("1917/1918", Interval(HistDate(1917), HistDate(1918))),
        ("1924-01-21", HistDate(1924, 1, 21)),
    ],
)
def test_dates_parse_span(text: str, span: HistDate | Interval) -> None:
    assert parse_span(text) == span


def test_dates_parse_span_uses_calendar_for_both_ends() -> None:
    interval = parse_span("1917-10-25/1918-01-31", calendar=J)
    assert interval.bounds() == (D(1917, 11, 7), D(1918, 2, 14))


@pytest.mark.parametrize("text", ["1924/1923", "1924/nonsense", "1917/1918/1919"])
def test_dates_parse_span_errors_quote_input(text: str) -> None:
    with pytest.raises(DateParseError, match="cannot"):
        parse_span(text)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("1917-10-25 OS", "1917-11-07", True),  # one day in two calendars
        ("10 October 1917 OS", "October 23, 1917", True),
        ("1917-10-25", "1917-11-07", False),  # both New Style: 13 days apart
        ("1924", "1924-01-21", True),  # coarse vs fine
        ("1923", "1924-01", False),
        ("January 1924", "1924-01-21", True),
        ("February 1924", "1924-01-31", False),
        ("October 1917 OS", "1917-11-07", True),  # Julian October runs to 13 November NS
        ("October 1917 OS", "1917-11-14", False),
        ("1917 OS", "1918-01-13", True),
        ("1917 OS", "1918-01-14", False),
        ("early 1925", "1925-04-30", True),
        ("early 1925", "1925-05-01", False),
        ("late 1923", "1923-08", False),
        ("c. 1905", "1906-12-31", True),
        ("c. 1905", "1907-01-01", False),
        ("c. 21 January 1924", "1924-01-28", True),
        ("c. 21 January 1924", "1924-01-29", False),
    ],
)
def test_dates_could_be_same(a: str, b: str, same: bool) -> None:
    assert could_be_same(parse_date(a), parse_date(b)) is same
    assert could_be_same(parse_date(b), parse_date(a)) is same


@pytest.mark.parametrize(
    ("interval", "date", "same"),
    [
        ("1922-04-03/1952-10-16", "1924", True),
        ("1922-04-03/1952-10-16", "1952-10-17", False),  # the day after the end
        ("1922-04-03/1952-10-16", "1922-04-03", True),
        ("1922-04-03/1952-10-16", "1922-04-02", False),
    ],
)
def test_dates_could_be_same_with_interval(interval: str, date: str, same: bool) -> None:
    assert could_be_same(parse_span(interval), parse_date(date)) is same


def test_dates_interval_successive_do_not_overlap() -> None:
    lenin = Interval(HistDate(1917, 11, 8), HistDate(1924, 1, 21))
    rykov = Interval(HistDate(1924, 1, 22), HistDate(1930, 12, 19))
    assert not lenin.overlaps(rykov) and not rykov.overlaps(lenin)


def test_dates_interval_handover_day_overlaps() -> None:
    lenin = Interval(HistDate(1917, 11, 8), HistDate(1924, 1, 21))
    rykov = Interval(HistDate(1924, 1, 21), HistDate(1930, 12, 19))
    assert lenin.overlaps(rykov)


@pytest.mark.parametrize(
    ("other", "overlaps"),
    [(("1923", "1925"), True), (("1917", "1917-11-09"), True), (("1900", "1917-11-07"), False)],
)
def test_dates_interval_overlaps(other: tuple[str, str], overlaps: bool) -> None:
    lenin = Interval(HistDate(1917, 11, 8), HistDate(1924, 1, 21))
    assert lenin.overlaps(Interval(parse_date(other[0]), parse_date(other[1]))) is overlaps


def test_dates_interval_end_before_start_raises() -> None:
    with pytest.raises(DateParseError, match="before it starts"):
        Interval(HistDate(1924, 2, 2), HistDate(1924, 1, 21))


def test_dates_interval_bounds_include_end() -> None:
    interval = Interval(HistDate(1922, 4), HistDate(1952, 10))
    assert interval.bounds() == (D(1922, 4, 1), D(1952, 11, 1))


@pytest.mark.parametrize(
    ("date", "inside"),
    [
        (D(1922, 4, 3), True),
        (D(1952, 10, 15), True),
        (D(1952, 10, 16), True),
        (D(1952, 10, 17), False),
        (D(1922, 4, 2), False),
        (HistDate(1924), True),
        (HistDate(1952), False),  # only partly inside
        (HistDate(1952, 10, 2, J), True),  # 15 October NS
        (HistDate(1952, 10, 3, J), True),  # 16 October NS, the last day
        (HistDate(1952, 10, 4, J), False),  # 17 October NS
    ],
)
def test_dates_interval_contains(date: HistDate | D, inside: bool) -> None:
    assert Interval(HistDate(1922, 4, 3), HistDate(1952, 10, 16)).contains(date) is inside


def test_dates_interval_iso() -> None:
    assert parse_span("1922-04-03/1952-10-16").iso() == "1922-04-03/1952-10-16"


def test_dates_interval_render() -> None:
    expected = "3 April 1922 – 16 October 1952"
    assert parse_span("1922-04-03/1952-10-16").render() == expected


def test_dates_sort_key_orders_by_first_day_then_precision() -> None:
    dates = [HistDate(1924, 1, 1), HistDate(1917, 10, 25, J), HistDate(1924), HistDate(1924, 1)]
    ordered = sorted(dates, key=HistDate.sort_key)
    assert ordered == [HistDate(1917, 10, 25, J), HistDate(1924), HistDate(1924, 1),
                       HistDate(1924, 1, 1)]  # fmt: skip
