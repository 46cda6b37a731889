"""The questions (kb/queries.py, kb/institutions.py, kb/names.py).

Mechanics run on kb_tiny (conftest) and on `kb_made`, a board with factions and an alliance
written below; the known answers the issue asks for run on kb_full, the shipped data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kremlinology.dates import parse_date
from kremlinology.errors import AmbiguousNameError, DateParseError, NotFoundError
from kremlinology.kb import KB, build_kb, open_kb
from kremlinology.kb.queries import (
    Entry,
    Period,
    changes,
    holders,
    members_on,
    profile,
    relation,
    resolve,
    search,
    timeline,
)

# A board of five: Ann (Reds) and Bob (Pinks) allied 1924-1926 against Cat and Dan (Blues);
# Dan moves from candidate to full on 30 June 1925; from 1926 Cat also leads the Greens and
# Eve, without a faction, allies with Cat. Ann and Bob have one curated phase.
MADE_YAML = """
sources:
  - {id: src, author: A. Author, title: "A Book", year: 2000, kind: monograph}
entities:
  - {id: ann, kind: person, name: Ann Able, aliases: [Able]}
  - {id: bob, kind: person, name: Bob Baker, aliases: [Baker]}
  - {id: cat, kind: person, name: Cat Cole, aliases: [Cole]}
  - {id: dan, kind: person, name: Dan Dole, aliases: [Dole]}
  - {id: eve, kind: person, name: Eve Ebb, aliases: [Ebb]}
  - {id: board, kind: body, name: Board, aliases: [Presidium]}
  - {id: presidium, kind: body, name: Presidium}
  - {id: reds, kind: faction, name: Reds}
  - {id: pinks, kind: faction, name: Pinks}
  - {id: blues, kind: faction, name: Blues}
  - {id: greens, kind: faction, name: Greens}
assertions:
  - {id: ann-board, subject: ann, predicate: member_of, object: board, role: full,
     when: "1920-01-01/1930-12-31", statement: Able sat on the Board.,
     sources: [{source: src, locator: ch. 1}]}
  - {id: bob-board, subject: bob, predicate: member_of, object: board, role: full,
     when: "1920-01-01/1930-12-31", statement: Baker sat on the Board.,
     sources: [{source: src, locator: ch. 1}]}
  - {id: cat-board, subject: cat, predicate: member_of, object: board, role: full,
     when: "1920-01-01/1930-12-31", statement: Cole sat on the Board.,
     sources: [{source: src, locator: ch. 1}]}
  - {id: dan-board-candidate, subject: dan, predicate: member_of, object: board, role: candidate,
     when: "1920-01-01/1925-06-30", statement: Dole was a candidate.,
     sources: [{source: src, locator: ch. 1}]}
  - {id: dan-board-full, subject: dan, predicate: member_of, object: board, role: full,
     when: "1925-06-30/1930-12-31", statement: Dole was a full member.,
     sources: [{source: src, locator: ch. 1}]}
  - {id: eve-board, subject: eve, predicate: member_of, object: board, role: candidate,
     when: "1920-01-01/1930-12-31", statement: Ebb was a candidate.,
     sources: [{source: src, locator: ch. 1}]}
  - {id: ann-reds, subject: ann, predicate: member_of, object: reds, when: "1920/1930",
     statement: Able led the Reds., sources: [{source: src, locator: ch. 2}]}
  - {id: bob-pinks, subject: bob, predicate: member_of, object: pinks, when: "1920/1930",
     statement: Baker led the Pinks., sources: [{source: src, locator: ch. 2}]}
  - {id: cat-blues, subject: cat, predicate: member_of, object: blues, when: "1920/1930",
     statement: Cole led the Blues., sources: [{source: src, locator: ch. 2}]}
  - {id: dan-blues, subject: dan, predicate: member_of, object: blues, when: "1920/1930",
     statement: Dole followed Cole., sources: [{source: src, locator: ch. 2}]}
  - {id: cat-greens, subject: cat, predicate: member_of, object: greens, when: "1926/1928",
     statement: Cole also led the Greens., sources: [{source: src, locator: ch. 2}]}
  - {id: reds-pinks, subject: reds, predicate: allied_with, object: pinks, when: "1924/1926-06",
     statement: The Reds and the Pinks allied., sources: [{source: src, locator: ch. 3}]}
  - {id: eve-cat, subject: eve, predicate: allied_with, object: cat, when: "1926/1928",
     statement: Ebb allied with Cole., sources: [{source: src, locator: ch. 3}]}
  - {id: ann-met-bob, subject: ann, predicate: met, object: bob, when: "1922-05",
     polarity: cooperation, statement: Able met Baker in May 1922.,
     sources: [{source: src, locator: ch. 4}]}
  - {id: cat-criticized-bob, subject: cat, predicate: criticized, object: bob, when: "1922-06",
     polarity: conflict, statement: Cole criticized Baker for siding with Able in June 1922.,
     tags: [bob-ann], sources: [{source: src, locator: ch. 4}]}
  - {id: cat-praised-bob, subject: cat, predicate: praised, object: bob, when: "1922-07",
     polarity: cooperation, statement: Cole praised Baker and Able in July 1922.,
     sources: [{source: src, locator: ch. 4}]}
  - {id: board-founded, subject: board, predicate: founded, when: "1920-01-01",
     statement: "Able, Baker, Cole and Dole founded the Board on 1 January 1920.",
     sources: [{source: src, locator: ch. 1}]}
  - {id: cat-arrested, subject: cat, predicate: arrested, when: "1929", polarity: conflict,
     statement: Cole was arrested in 1929., note: Dole had informed on him.,
     sources: [{source: src, locator: ch. 5}]}
phases:
  - {id: ann-bob-friends, people: [ann, bob], label: Friends, when: "1921/1923",
     polarity: cooperation, summary: Able and Baker worked together.,
     sources: [{source: src, locator: ch. 4}]}
"""


@pytest.fixture(scope="module")
def kb_made_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("made")
    (folder / "board.yaml").write_text(MADE_YAML, encoding="utf-8")
    path = folder / "made.sqlite"
    build_kb(path, data_dir=folder)
    return path


@pytest.fixture
def kb_made(kb_made_path: Path) -> Iterator[KB]:
    with open_kb(kb_made_path, data_dir=kb_made_path.parent) as kb:
        yield kb


def on(text: str) -> Period:
    return Period(on=parse_date(text))


def ids(entries: tuple[Entry, ...]) -> list[str]:
    return [entry.assertion for entry in entries]


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["stalin", "Koba", "Dzhugashvili", "J. V. Stalin", "j.v. stalin", "  JOSEPH  stalin "]
)
def test_resolve_normalises_case_dots_and_spaces(kb_tiny: KB, name: str) -> None:
    assert resolve(kb_tiny, name).id == "stalin"


def test_resolve_accepts_an_id(kb_tiny: KB) -> None:
    assert resolve(kb_tiny, "general-secretary").id == "general-secretary"


def test_resolve_accepts_an_id_written_with_spaces(kb_tiny: KB) -> None:
    assert resolve(kb_tiny, "Sovnarkom chairman").id == "sovnarkom-chairman"


def test_resolve_falls_back_to_loose_tokens(kb_tiny: KB) -> None:
    assert resolve(kb_tiny, "General Secretary", kinds=("office",)).id == "general-secretary"


def test_resolve_ambiguous_name_lists_choices(kb_tiny: KB) -> None:
    with pytest.raises(AmbiguousNameError) as caught:
        resolve(kb_tiny, "Lev", kinds=("person",))
    assert [choice[0] for choice in caught.value.choices] == ["kamenev", "trotsky"]


def test_resolve_unknown_name_suggests_near_matches(kb_tiny: KB) -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve(kb_tiny, "Stallin", kinds=("person",))
    assert caught.value.suggestions == ["Joseph Stalin (stalin)"]
    assert str(caught.value).startswith("No person named 'Stallin' in the knowledge base.")


def test_resolve_keeps_to_the_kinds_asked(kb_tiny: KB) -> None:
    with pytest.raises(NotFoundError):
        resolve(kb_tiny, "Politburo", kinds=("person",))


def test_resolve_prefers_a_canonical_name_to_an_alias(kb_made: KB) -> None:
    assert resolve(kb_made, "Presidium").id == "presidium"


# --- periods --------------------------------------------------------------------------------


def test_period_refuses_a_date_and_a_range() -> None:
    with pytest.raises(DateParseError, match="not both"):
        Period(on=parse_date("1924"), start=parse_date("1923"))


def test_period_refuses_a_range_ending_before_it_starts() -> None:
    with pytest.raises(DateParseError, match="before it starts"):
        Period(start=parse_date("1925"), end=parse_date("1924"))


def test_period_to_dict_keeps_precision() -> None:
    period = Period(start=parse_date("Oct 1926"), end=parse_date("1927"))
    assert period.to_dict() == {"from": "1926-10", "to": "1927"}


def test_period_old_style_date_is_new_style_in_iso() -> None:
    assert on("10 October 1917 OS").to_dict() == {"on": "1917-10-23"}


# --- relation -------------------------------------------------------------------------------


def test_relation_gives_phases_with_sources(kb_tiny: KB) -> None:
    answer = relation(kb_tiny, "Lenin", "Koba")
    assert [p.label for p in answer.phases] == ["The break"]
    assert answer.phases[0].sources[0].startswith("Wikipedia contributors, Lenin's Testament")


def test_relation_is_the_same_in_either_order(kb_tiny: KB) -> None:
    assert relation(kb_tiny, "stalin", "lenin").interactions == (
        relation(kb_tiny, "lenin", "stalin").interactions
    )


def test_relation_tags_interactions_with_their_phase(kb_made: KB) -> None:
    answer = relation(kb_made, "ann", "bob")
    assert [(e.assertion, e.phase) for e in answer.interactions] == [
        ("ann-met-bob", "ann-bob-friends"),
        ("cat-criticized-bob", "ann-bob-friends"),
    ]


def test_relation_curated_pair_takes_what_is_tagged_with_the_pair(kb_made: KB) -> None:
    assert "cat-criticized-bob" in ids(relation(kb_made, "ann", "bob").interactions)


def test_relation_curated_pair_skips_statements_merely_naming_both(kb_made: KB) -> None:
    found = ids(relation(kb_made, "ann", "bob").interactions)
    assert "cat-praised-bob" not in found and "board-founded" not in found


def test_relation_uncurated_pair_lists_statements_naming_both(kb_made: KB) -> None:
    answer = relation(kb_made, "cat", "dan")
    assert not answer.curated
    # "Dole followed Cole." (1920) and the founding (1 January 1920): coarser date first.
    assert ids(answer.interactions) == ["dan-blues", "board-founded"]


def test_relation_ignores_names_in_notes(kb_made: KB) -> None:
    assert "cat-arrested" not in ids(relation(kb_made, "cat", "dan").interactions)


def test_relation_interaction_keeps_polarity_and_date(kb_tiny: KB) -> None:
    met = relation(kb_tiny, "lenin", "stalin").interactions[0]
    assert (met.iso, met.polarity, met.phase) == ("1905-12", "neutral", None)


def test_relation_to_dict_has_the_contract_keys(kb_tiny: KB) -> None:
    answer = relation(kb_tiny, "lenin", "stalin").to_dict()
    assert {"a", "b", "phases", "interactions"} <= set(answer)
    phase = answer["phases"][0]  # type: ignore[index]
    assert {"label", "start", "end", "polarity", "summary", "sources"} <= set(phase)
    assert (phase["start"], phase["end"]) == ("1922-12", "1923-03")


# --- timeline -------------------------------------------------------------------------------


def test_timeline_lists_subject_and_object_in_date_order(kb_tiny: KB) -> None:
    assert ids(timeline(kb_tiny, "stalin").entries) == [
        "stalin-born",
        "lenin-stalin-first-met",
        "stalin-politburo",
        "stalin-gensec",
        "stalin-died",
    ]


def test_timeline_keeps_to_the_period(kb_tiny: KB) -> None:
    period = Period(start=parse_date("1920"), end=parse_date("1952"))
    assert ids(timeline(kb_tiny, "stalin", period=period).entries) == [
        "stalin-politburo",
        "stalin-gensec",
    ]


# --- profile --------------------------------------------------------------------------------


def test_profile_lists_aliases_after_the_name(kb_tiny: KB) -> None:
    answer = profile(kb_tiny, "koba")
    assert answer.person.name == "Joseph Stalin"
    assert "Koba" in answer.aliases and "Joseph Stalin" not in answer.aliases


def test_profile_birth_in_both_calendars(kb_tiny: KB) -> None:
    born = profile(kb_tiny, "stalin").born
    assert born is not None
    assert (born.iso, born.rendered, born.place) == ("1878-12-18", "6 [18] December 1878", "Gori")


def test_profile_disputed_birth_carries_alternatives(kb_tiny: KB) -> None:
    born = profile(kb_tiny, "stalin").born
    assert born is not None and born.confidence == "disputed"
    assert born.alternatives == ("21 December 1879 (Stalin's official Soviet biography)",)


def test_profile_splits_offices_memberships_and_factions(kb_made: KB) -> None:
    answer = profile(kb_made, "dan")
    assert [(t.id, t.role) for t in answer.memberships] == [
        ("board", "candidate"),
        ("board", "full"),
    ]
    assert [t.id for t in answer.factions] == ["blues"] and answer.offices == ()


def test_profile_relationships_name_the_other_person(kb_tiny: KB) -> None:
    answer = profile(kb_tiny, "stalin").to_dict()
    assert answer["relationships"] == [
        {
            "id": "lenin",
            "name": "Vladimir Lenin",
            "role": "The break",
            "start": "1922-12",
            "end": "1923-03",
        }
    ]


def test_profile_offices_with_dates(kb_tiny: KB) -> None:
    offices = profile(kb_tiny, "stalin").to_dict()["offices"]
    assert offices == [
        {
            "id": "general-secretary",
            "name": "General Secretary of the Central Committee",
            "role": None,
            "start": "1922-04-03",
            "end": "1952-10-16",
        }
    ]


# --- holders --------------------------------------------------------------------------------


def test_holders_on_a_day(kb_tiny: KB) -> None:
    answer = holders(kb_tiny, "General Secretary", period=on("1 January 1923"))
    assert [t.id for t in answer.holders] == ["stalin"]


def test_holders_in_a_year_means_at_any_time_in_it(kb_tiny: KB) -> None:
    answer = holders(kb_tiny, "sovnarkom-chairman", period=on("1924"))
    assert [t.id for t in answer.holders] == ["lenin", "rykov"]


def test_holders_over_a_range(kb_tiny: KB) -> None:
    period = Period(start=parse_date("1925"), end=parse_date("1926"))
    assert [t.id for t in holders(kb_tiny, "sovnarkom-chairman", period=period).holders] == [
        "rykov"
    ]


def test_holders_before_the_office_existed_is_empty(kb_tiny: KB) -> None:
    assert holders(kb_tiny, "general-secretary", period=on("1900-01-01")).holders == ()


def test_holders_to_dict_shape(kb_tiny: KB) -> None:
    answer = holders(kb_tiny, "general-secretary", period=on("1923")).to_dict()
    assert answer["office"] == "general-secretary" and answer["on"] == "1923"
    holder = answer["holders"][0]  # type: ignore[index]
    assert (holder["id"], holder["start"], holder["end"]) == ("stalin", "1922-04-03", "1952-10-16")
    assert holder["sources"][1] == "Robert Service, Stalin: A Biography (2004), Part Three"


# --- members of a body ----------------------------------------------------------------------


def test_members_on_leaves_out_those_who_had_left(kb_tiny: KB) -> None:
    answer = members_on(kb_tiny, "Politburo", on=parse_date("1 November 1926"))
    assert [seat.id for seat in answer.members] == ["stalin"]


def test_members_on_lists_full_before_candidates(kb_made: KB) -> None:
    answer = members_on(kb_made, "board", on=parse_date("1925-01-01"))
    assert [(s.id, s.status) for s in answer.members] == [
        ("ann", "full"),
        ("bob", "full"),
        ("cat", "full"),
        ("dan", "candidate"),
        ("eve", "candidate"),
    ]


def test_members_on_gives_each_member_a_faction(kb_made: KB) -> None:
    answer = members_on(kb_made, "board", on=parse_date("1925-01-01"))
    assert {s.id: s.faction for s in answer.members} == {
        "ann": "reds",
        "bob": "pinks",
        "cat": "blues",
        "dan": "blues",
        "eve": None,
    }


def test_members_on_joins_allied_factions_into_one_bloc(kb_made: KB) -> None:
    answer = members_on(kb_made, "board", on=parse_date("1925-01-01"))
    assert [(b.label, b.seats, b.members) for b in answer.blocs] == [
        ("Pinks + Reds", 2, ("ann", "bob")),
        ("Blues", 1, ("cat", "dan")),
    ]


def test_members_on_majority_is_of_full_members(kb_made: KB) -> None:
    answer = members_on(kb_made, "board", on=parse_date("1925-01-01")).to_dict()
    majority = answer["majority"]
    assert majority is not None
    assert (majority["bloc"], majority["seats"], majority["of"]) == ("Pinks + Reds", 2, 3)  # type: ignore[index]


def test_members_on_no_majority_without_more_than_half(kb_made: KB) -> None:
    assert members_on(kb_made, "board", on=parse_date("1927-01-01")).majority is None


def test_members_on_person_allied_without_faction_joins_the_bloc(kb_made: KB) -> None:
    answer = members_on(kb_made, "board", on=parse_date("1927-01-01"))
    blocs = {s.id: s.bloc for s in answer.members}
    assert blocs["eve"] == blocs["cat"] is not None


def test_members_on_factions_sharing_a_member_are_one_bloc(kb_made: KB) -> None:
    answer = members_on(kb_made, "board", on=parse_date("1927-01-01"))
    assert [(b.label, b.members) for b in answer.blocs if "cat" in b.members] == [
        ("Blues + Greens", ("cat", "dan", "eve"))
    ]


def test_members_on_a_year_takes_the_seat_held_longer(kb_made: KB) -> None:
    answer = members_on(kb_made, "board", on=parse_date("1925"))
    assert {s.id: s.status for s in answer.members}["dan"] == "full"


# --- changes --------------------------------------------------------------------------------


def test_changes_lists_leaves_in_the_period(kb_tiny: KB) -> None:
    answer = changes(
        kb_tiny, "politburo", period=Period(start=parse_date("1926"), end=parse_date("1926"))
    )
    assert [(c.day, c.change, c.id) for c in answer.changes] == [("1926-10-23", "left", "trotsky")]


def test_changes_on_one_day_leaving_comes_before_joining(kb_made: KB) -> None:
    answer = changes(kb_made, "board", period=on("1925"))
    assert [(c.change, c.id, c.status) for c in answer.changes] == [
        ("left", "dan", "candidate"),
        ("joined", "dan", "full"),
    ]


def test_changes_without_a_period_covers_all_time(kb_tiny: KB) -> None:
    answer = changes(kb_tiny, "politburo")
    assert [(c.iso, c.change) for c in answer.changes] == [
        ("1919-03-25", "joined"),
        ("1919-03-25", "joined"),
        ("1926-10-23", "left"),
        ("1953-03-05", "left"),
    ]


# --- search ---------------------------------------------------------------------------------


def test_search_finds_an_entity_by_alias(kb_tiny: KB) -> None:
    answer = search(kb_tiny, "koba")
    assert [(h.id, h.text) for h in answer.entities] == [("stalin", "Koba")]


def test_search_finds_statements(kb_tiny: KB) -> None:
    assert [h.id for h in search(kb_tiny, "Tammerfors").assertions] == ["lenin-stalin-first-met"]


def test_search_matches_word_prefixes(kb_tiny: KB) -> None:
    assert "trotsky" in [h.id for h in search(kb_tiny, "trots").entities]


def test_search_ranks_the_better_match_first(kb_tiny: KB) -> None:
    hits = search(kb_tiny, "Lenin died").assertions
    assert hits[0].id == "lenin-died"


def test_search_reads_query_syntax_as_words(kb_tiny: KB) -> None:
    answer = search(kb_tiny, '"AND (NOT')
    assert answer.entities == () and answer.assertions == ()


def test_search_without_words_finds_nothing(kb_tiny: KB) -> None:
    assert search(kb_tiny, " .,; ").to_dict() == {
        "query": " .,; ",
        "entities": [],
        "assertions": [],
    }


# --- known answers from the shipped data (issue #5) -----------------------------------------


def test_known_general_secretary_on_1_january_1923(kb_full: KB) -> None:
    answer = holders(kb_full, "General Secretary", period=on("1 January 1923"))
    assert [t.id for t in answer.holders] == ["stalin"]


def test_known_sovnarkom_chairman_on_1_march_1924(kb_full: KB) -> None:
    answer = holders(kb_full, "Sovnarkom chairman", period=on("1 March 1924"))
    assert [t.id for t in answer.holders] == ["rykov"]


def test_known_trotsky_off_the_politburo_on_1_november_1926(kb_full: KB) -> None:
    answer = members_on(kb_full, "Politburo", on=parse_date("1 November 1926"))
    assert answer.members and "trotsky" not in [s.id for s in answer.members]


def test_known_politburo_full_members_on_1_january_1926(kb_full: KB) -> None:
    # Elected by the Central Committee on 1 January 1926, after the Fourteenth Congress.
    answer = members_on(kb_full, "Politburo", on=parse_date("1 January 1926"))
    full = {s.id for s in answer.members if s.status == "full"}
    assert full == {
        "bukharin",
        "kalinin",
        "molotov",
        "rykov",
        "stalin",
        "tomsky",
        "trotsky",
        "voroshilov",
        "zinoviev",
    }


@pytest.mark.parametrize("year", ["1925", "1927"])
def test_known_majority_bloc_is_stalins_side(kb_full: KB, year: str) -> None:
    majority = members_on(kb_full, "Politburo", on=parse_date(year)).majority
    assert majority is not None and "stalin" in majority.members


@pytest.mark.parametrize(
    ("date", "words"),
    [
        ("1922-12-2", "Letter to the Congress"),
        ("1923-01-04", "addendum"),
        ("1922-12", "Krupskaya"),
        ("1923-03-05", "5 March 1923"),
    ],
    ids=["letter-to-the-congress", "addendum", "krupskaya-incident", "letter-of-5-march-1923"],
)
def test_known_lenin_stalin_interaction(kb_full: KB, date: str, words: str) -> None:
    found = [
        e
        for e in relation(kb_full, "Lenin", "Stalin").interactions
        if e.iso is not None and e.iso.startswith(date) and words in e.statement
    ]
    assert found, f"no Lenin-Stalin interaction dated {date}* mentioning {words!r}"
    assert all(e.sources for e in found)
