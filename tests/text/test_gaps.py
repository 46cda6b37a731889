"""find_gaps (and the word list behind it): each rule with cases that must and must not
fire, the fast rules against the plain readings they replaced, and precision and recall on
the garbled fixtures in tests/data/texts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kremlinology.text import gaps, words
from kremlinology.text.gaps import Gap, find_gaps
from kremlinology.text.sentences import split_sentences

TEXTS = Path(__file__).parent.parent / "data" / "texts"
PEOPLE = frozenset(
    {"Lenin", "Stalin", "Trotsky", "Zinoviev", "Kamenev", "Bukharin", "Sverdlov", "Olga"}
)
# Gaps at or above this are claims; below it they are hints the restorer may use if a fact
# fits (a bare "in May he" is ordinary English). Precision is measured on claims only.
CLAIM = 0.5


def is_person(name: str) -> bool:
    return name in PEOPLE


def gaps_of(text: str) -> list[tuple[str, str, str]]:
    """(the word just before each gap, kind, cue), for compact asserts."""
    found = find_gaps(text, is_name=is_person)
    return [(text[: gap.at].split()[-1], gap.kind, gap.cue) for gap in found]


def only_gap(text: str) -> Gap:
    found = find_gaps(text, is_name=is_person)
    assert len(found) == 1, found
    return found[0]


# words.py


@pytest.mark.parametrize(
    ("token", "parts"),
    [("partyheld", ["party", "held"]), ("Inthe", ["In", "the"]), ("mayit", ["may", "it"])],
)
def test_words_split_glued_finds_two_frequent_words(token: str, parts: list[str]) -> None:
    assert words.split_glued(token) == parts


@pytest.mark.parametrize("token", ["another", "nevertheless", "maybe", "bloodbath", "zinoviev"])
def test_words_split_glued_keeps_real_words(token: str) -> None:
    assert words.split_glued(token) is None


@pytest.mark.parametrize(("token", "expected"), [("Petrograd", True), ("partyheld", False)])
def test_words_is_word_looks_up_lower_case(token: str, expected: bool) -> None:
    assert words.is_word(token) is expected


# 1. Glued tokens


@pytest.mark.parametrize(
    ("text", "before", "cue"),
    [
        ("The congress met in Mayit was short.", "met in May", "month:May"),
        ("It began in Octoberwhich surprised him.", "in October", "month:October"),
        ("It began in DecemberStalin left.", "in December", "month:December"),
        ("In Januarythe party met.", "In January", "month:January"),
    ],
)
def test_gaps_finds_glued_month_year(text: str, before: str, cue: str) -> None:
    gap = only_gap(text)
    assert (text[: gap.at].endswith(before), gap.kind, gap.cue) == (True, "year", cue)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("In the last months ofKamenev was ill.", "prep:of"),
        ("He was ill duringTrotsky wrote.", "prep:during"),
        ("In earlyBukharin spoke.", "prep:early"),
        ("Inthe party there was unrest.", "prep:in"),
        ("Inhe married Olga.", "prep:in"),
        ("The years of and andSoviet policy changed.", "conj:and"),
    ],
)
def test_gaps_finds_preposition_glued_to_the_next_word(text: str, cue: str) -> None:
    assert any(gap.cue == cue and gap.glued for gap in find_gaps(text))


def test_gaps_glued_gap_reports_the_glued_token_span() -> None:
    text = "It met in Aprilover the question."
    gap = only_gap(text)
    assert gap.glued is not None
    assert (text[gap.glued[0] : gap.glued[1]], gap.at) == ("Aprilover", text.index("over"))


@pytest.mark.parametrize(
    "text",
    [
        "The Bolshevik partyheld a congress.",
        "He stayed in MoscowTrotsky left.",
        "He sat in the Constituent Assemblyand spoke.",
        "He wrote to Leninwho was ill.",
        "He was in the Politburoand voted.",
        "He wrote to Sverdlovwho replied.",
    ],
)
def test_gaps_finds_glued_footnote_marker(text: str) -> None:
    assert only_gap(text).kind == "footnote"


@pytest.mark.parametrize(
    "text",
    [
        "Nevertheless another meeting was held.",
        "Tomsky and Radek met Kalinin in Petrograd.",
        "McDonald and MacArthur used an iPhone and YouTube.",
        "Marchand wrote about Inessa Armand.",
        "The Mayor of Maykop wrote in Ukrainian.",
    ],
)
def test_gaps_ignores_real_words_and_names(text: str) -> None:
    assert find_gaps(text, is_name=lambda name: name in {"Marchand", "Inessa"}) == []


def test_gaps_glued_month_is_more_confident_than_a_bare_month() -> None:
    glued = only_gap("The congress met in Mayit was short.")
    bare = only_gap("The congress met in May it was short.")
    assert glued.confidence > CLAIM > bare.confidence


# 2. Dangling prepositions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He ruled from until his death.", [("from", "year", "prep:from")]),
        (
            "A break between and, the party said.",
            [("between", "year", "prep:between"), ("and", "year", "conj:and")],
        ),
        ("The purges of and the trials.", [("of", "year", "prep:of")]),
        ("Since , the party has split.", [("Since", "year", "prep:since")]),
        ("It grew during .", [("during", "year", "prep:during")]),
        ("He died in In the years after.", [("in", "year", "prep:in")]),
        ("They met in Lenin, who was ill.", [("in", "year", "prep:in")]),
        ("He was ill during Kamenev, who left.", [("during", "year", "prep:during")]),
    ],
)
def test_gaps_finds_dangling_preposition(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert gaps_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They met in Petrograd, the capital.",
        "Their faith in Lenin's ideas was strong.",
        "He fought during and after the war.",
        "They fought in and around Moscow.",
        "The archives of Stalin were opened.",
        "It lasted from the spring to the autumn.",
    ],
)
def test_gaps_ignores_ordinary_prepositions(text: str) -> None:
    assert gaps_of(text) == []


def test_gaps_needs_is_name_for_a_preposition_before_a_person() -> None:
    assert find_gaps("They met in Lenin, who was ill.") == []


@pytest.mark.parametrize(
    "text", ["The essay appeared in The Times.", "He came in and sat down.", "He came in."]
)
def test_gaps_stranded_preposition_is_below_claim_confidence(text: str) -> None:
    assert all(gap.confidence < CLAIM for gap in find_gaps(text))


# 3. Months without their year


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("He died on January 21, The funeral was grand.", "January 21,"),
        ("He died on 21 January Stalin spoke.", "21 January"),
        ("He spoke in January He was ill.", "in January"),
        ("Kamenev (born 18 July – died 25 August) was", "18 July"),
    ],
)
def test_gaps_finds_month_without_year(text: str, before: str) -> None:
    gap = find_gaps(text)[0]
    assert text[: gap.at].endswith(before) and gap.kind == "year"
    assert gap.confidence >= CLAIM


@pytest.mark.parametrize(
    "text",
    [
        "On October 25, the Bolsheviks rose.",
        "On 25 October the Bolsheviks rose.",
        "In May 1924 the congress met.",
        "On 25 October 1917 they rose.",
    ],
)
def test_gaps_ignores_month_that_may_simply_omit_the_year(text: str) -> None:
    assert find_gaps(text) == []


@pytest.mark.parametrize("text", ["In May he left for Gorki.", "It was read out in May."])
def test_gaps_bare_month_is_a_low_confidence_hint(text: str) -> None:
    gap = only_gap(text)
    assert (gap.kind, gap.cue) == ("year", "month:May") and gap.confidence < CLAIM


def test_gaps_on_month_without_day_is_a_day_gap() -> None:
    gap = only_gap("The vote was on October, the rising later.")
    assert (gap.kind, gap.cue) == ("day", "month:October")


# 4. Other traces


@pytest.mark.parametrize(
    ("text", "before", "kind"),
    [
        ("In the s the party grew.", "In the", "year"),
        ("In the earlys Kamenev led Moscow.", "In the early", "year"),
        ("Kamenev ( – ) was shot.", "Kamenev (", "range"),
        ("Service, R. () Stalin.", "R. (", "year"),
        ("The Right led in – , then fell.", "led in", "range"),
        ("He was shot.[ ] His son too.", "shot.[", "footnote"),
        ("He was shot.His son too.", "shot.", "footnote"),
    ],
)
def test_gaps_finds_decade_range_and_footnote_traces(text: str, before: str, kind: str) -> None:
    gap = only_gap(text)
    assert (text[: gap.at].endswith(before), gap.kind) == (True, kind)


# Words and marks the decade and dash traces are made of, each with the blank after it.
TRACE_TEXTS = st.lists(
    st.tuples(
        st.sampled_from(["in", "Of", "the", "The", "early", "bathe", "s", "'", "–", "-", ")", ","]),
        st.sampled_from([" ", "\t", "", "\n"]),
    ),
    max_size=30,
).map(lambda pairs: "".join(piece + blank for piece, blank in pairs))


@settings(max_examples=500)
@given(TRACE_TEXTS, st.integers(0, 8), st.integers(0, 8))
@example("early s", 0, 0)
@example("x\nthe early s,\tbathe s and s", 1, 0)
@example("of\t\t- in –", 0, 0)
def test_gaps_fast_trace_finders_find_what_their_patterns_find(
    text: str, cut_start: int, cut_end: int
) -> None:
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    end = max(start, end)
    for fast, pattern in ((gaps._decades, gaps.DECADE_TRACE), (gaps._dash_preps, gaps.PREP_DASH)):
        expected = [m.span() for m in pattern.finditer(text, start, end)]
        assert [m.span() for m in fast(text, start, end)] == expected


def split_capitalised_in_order(token: str) -> tuple[str, str] | None:
    """`_split_capitalised` as first written: every prefix in PREFIXES' order."""
    for key, word in gaps.PREFIXES:
        if token.lower().startswith(key) and words.is_function_word(token[len(key) :]):
            return word or token[: len(key)], token[len(key) :]
    return words.split_function_tail(token, is_person)


@given(
    st.sampled_from([key for key, _ in gaps.PREFIXES] + ["un", "ma", "Lenin", "İn"]),
    st.sampled_from(["", "it", "he", "the", "who", "and", "til", "e", "x", "s"]),
)
def test_gaps_split_capitalised_tries_prefixes_longest_first(head: str, tail: str) -> None:
    token = head.capitalize() + tail
    assert gaps._split_capitalised(token, is_person) == split_capitalised_in_order(token)


# The plain readings that the rules speed up, as first written: every token TOKEN finds,
# every preposition, every month.

PREP_WORD = re.compile(
    r"\b(?:in|In|of|Of|since|Since|until|Until|till|Till|during|During|throughout|Throughout"
    r"|from|From|between|Between|by|By)\b"
)


def plain_glued_tokens(text: str) -> Iterator[Gap]:
    frequent = words.frequent_words()
    tokens = set(gaps.TOKEN.findall(text))
    for token in sorted(t for t in tokens if t.lower() not in frequent):
        parts = gaps._split_token(token, is_person)
        if parts is not None:
            for offset in gaps._occurrences(text, token, 0, len(text)):
                yield gaps._glued_gap(parts, offset, len(token))


def plain_dangling(text: str) -> Iterator[Gap]:
    for match in PREP_WORD.finditer(text):
        word, at = match.group().lower(), match.end()
        qualifier = gaps.QUALIFIER.match(text, at) if word == "in" else None
        if qualifier is not None:
            word, at = qualifier.group(1), qualifier.end()
        yield from gaps._dangling_at(text, word, at, len(text), is_person)


def plain_months(text: str) -> Iterator[Gap]:
    for match in gaps.MONTH_WORD.finditer(text):
        if gaps._starts_word(text, match):
            yield from gaps._month_gap(text, match, len(text))


# The words and marks the rules read, each with what follows it.
RULE_TEXTS = st.lists(
    st.tuples(
        st.sampled_from(
            "in In of Of from From between by By during throughout until since early late mid "
            "and or to through on On the The A In He Lenin Moscow Stalin's May October "
            "January summer 5 25 1917 , . ) ; ( – - s he party Mayit ofZinoviev Leninwho "
            "partyheld Inthe earlys PetrogradStalin Politburoand Ünter".split()
        ),
        st.sampled_from([" ", "", ", ", " , ", "\t", "\n", "  ", "."]),
    ),
    max_size=25,
).map(lambda pairs: "".join(piece + blank for piece, blank in pairs))


# Months with what may stand around them: days, years, "on", capitals.
MONTH_TEXTS = st.lists(
    st.tuples(
        st.sampled_from("on On in May October 5 25 1917 The he Stalin – ,".split()),
        st.sampled_from([" ", "", ", ", " , ", ",", "\t", "  "]),
    ),
    max_size=12,
).map(lambda pairs: "".join(piece + blank for piece, blank in pairs))


@settings(max_examples=300)
@given(RULE_TEXTS)
@example("He ruled from until his death in early The")
@example("It began in Mayit and partyheld, ofZinoviev.")
def test_gaps_fast_rules_find_what_the_plain_readings_find(text: str) -> None:
    end = len(text)
    assert list(gaps._glued_tokens(text, 0, end, is_person)) == list(plain_glued_tokens(text))
    assert list(gaps._dangling(text, 0, end, is_person)) == list(plain_dangling(text))
    assert list(gaps._months(text, 0, end, is_person)) == list(plain_months(text))


@settings(max_examples=300)
@given(MONTH_TEXTS)
@example("on October 1917, in October 1917 on  May 5, 1917 and 5 May , 1917")
@example("in October 5 The, May 25,The")
def test_gaps_months_pass_by_only_months_with_their_year(text: str) -> None:
    assert list(gaps._months(text, 0, len(text), is_person)) == list(plain_months(text))


def test_words_frequent_forms_are_frequent_words_of_letters() -> None:
    frequent = words.frequent_words()
    forms = words.frequent_forms()
    assert {"the", "The", "party", "Party"} <= forms
    assert all(form.isalpha() and form.lower() in frequent for form in forms)


# The finder as a whole


def test_gaps_search_only_the_given_sentences() -> None:
    text = "He ruled from until then. He died in In the end."
    first = split_sentences(text)[:1]
    assert [gap.cue for gap in find_gaps(text, first)] == ["prep:from"]


@given(st.text(alphabet=st.sampled_from(list("aZ .,in\nfromMayduring()–[]s")), max_size=120))
def test_gaps_are_inside_the_text_sorted_and_one_per_place(text: str) -> None:
    found = find_gaps(text)
    assert all(0 <= gap.at <= len(text) for gap in found)
    assert [gap.at for gap in found] == sorted({gap.at for gap in found})


def load_fixture(name: str) -> tuple[str, dict[str, list[dict[str, object]]]]:
    text = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    return text, yaml.safe_load((TEXTS / f"{name}.gaps.yaml").read_text(encoding="utf-8"))


FIXTURES = sorted(path.name.removesuffix(".gaps.yaml") for path in TEXTS.glob("*.gaps.yaml"))


@pytest.mark.parametrize("name", FIXTURES)
def test_gaps_recall_on_fixtures_is_complete(name: str) -> None:
    text, expected = load_fixture(name)
    found = {(gap.at, gap.kind) for gap in find_gaps(text, is_name=is_person)}
    missed = [g for g in expected["gaps"] if (g["at"], g["kind"]) not in found]
    assert missed == []


@pytest.mark.parametrize("name", FIXTURES)
def test_gaps_precision_on_fixtures_is_complete(name: str) -> None:
    text, expected = load_fixture(name)
    wanted = {(g["at"], g["kind"]) for g in expected["gaps"]}
    claims = [g for g in find_gaps(text, is_name=is_person) if g.confidence >= CLAIM]
    wrong = [(g, text[g.at - 20 : g.at + 20]) for g in claims if (g.at, g.kind) not in wanted]
    assert wrong == []


KNOWN_MISSES = [
    pytest.param(
        name,
        miss,
        marks=pytest.mark.xfail(reason=str(miss["reason"]), strict=True),
        id=f"{name}-{miss['at']}",
    )
    for name in FIXTURES
    for miss in load_fixture(name)[1]["known_misses"]
]


@pytest.mark.parametrize(("name", "miss"), KNOWN_MISSES)
def test_gaps_finds_known_misses(name: str, miss: dict[str, object]) -> None:
    text, _ = load_fixture(name)
    assert (miss["at"], miss["kind"]) in {(g.at, g.kind) for g in find_gaps(text)}
