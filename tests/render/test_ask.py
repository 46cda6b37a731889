"""Renderings of answers (render/ask.py), on answers built by hand."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console, RenderableType

from kremlinology.dates import parse_date
from kremlinology.kb.queries import (
    Bloc,
    Changes,
    Composition,
    Entry,
    Hit,
    Holders,
    LifeDate,
    Period,
    Profile,
    Ref,
    Relation,
    RelationPhase,
    SearchResults,
    Seat,
    Tenure,
    Timeline,
)
from kremlinology.render.ask import (
    ASK_RENDERERS,
    empty_message,
    render_json,
    render_markdown,
    render_text,
)

LENIN = Ref("lenin", "person", "Vladimir Lenin")
STALIN = Ref("stalin", "person", "Joseph Stalin")
GENSEC = Ref("general-secretary", "office", "General Secretary")
POLITBURO = Ref("politburo", "body", "Politburo")
SERVICE = "Robert Service, Stalin: A Biography (2004), ch. 15"
LEWIN = "Moshe Lewin, Lenin's Last Struggle (1968), ch. 5"

BREAK = RelationPhase(
    id="break",
    label="The break",
    iso="1922-12/1923-03",
    rendered="December 1922 – March 1923",
    polarity="conflict",
    summary="Lenin turned against Stalin.",
    sources=(SERVICE,),
)


def entry(statement: str, sources: tuple[str, ...], **fields: str | None) -> Entry:
    values: dict[str, str | None] = {
        "iso": "1923-03-05",
        "rendered": "5 March 1923",
        "polarity": "conflict",
        "phase": "break",
    }
    values.update(fields)
    return Entry(
        assertion="a-" + statement[:5].lower(),
        predicate="corresponded",
        subject="lenin",
        object_id="stalin",
        statement=statement,
        confidence="certain",
        sources=sources,
        **values,  # type: ignore[arg-type]
    )


RELATION = Relation(
    LENIN,
    STALIN,
    (BREAK,),
    (
        entry("Lenin wrote to Stalin | demanding an apology.", (LEWIN, SERVICE)),
        entry("Stalin replied.", (LEWIN,), iso="1923-03-07", rendered="7 March 1923"),
    ),
)


def plain(renderable: RenderableType) -> str:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def composition(*seats: Seat, blocs: tuple[Bloc, ...] = ()) -> Composition:
    return Composition(POLITBURO, parse_date("1 January 1926"), seats, blocs)


def seat(person: str, status: str, bloc: str | None = None) -> Seat:
    return Seat(person, person.title(), status, "1919/1930", f"{person}-seat", bloc=bloc)


# --- the registry ---------------------------------------------------------------------------


def test_ask_renderers_cover_text_md_and_json() -> None:
    assert sorted(ASK_RENDERERS) == ["json", "md", "text"]


def test_render_json_is_the_answer_as_a_dict() -> None:
    assert json.loads(render_json(RELATION)) == RELATION.to_dict()


# --- relation -------------------------------------------------------------------------------


def test_render_text_relation_numbers_sources_in_order_of_first_use() -> None:
    text = plain(render_text(RELATION))
    assert f"[1] {SERVICE}" in text and f"[2] {LEWIN}" in text
    assert "demanding an apology. [2][1]" in text


def test_render_text_relation_puts_narrative_then_dated_list_then_sources() -> None:
    text = plain(render_text(RELATION))
    order = [text.index(s) for s in ("Lenin turned against", "Dated interactions", "Sources")]
    assert order == sorted(order)


def test_render_text_relation_labels_the_phase_in_the_dated_list() -> None:
    text = plain(render_text(RELATION))
    assert text.count("The break") == 2


def test_render_text_relation_groups_entries_outside_phases() -> None:
    outside = entry("They met.", (LEWIN,), iso="1905-12", rendered="December 1905", phase=None)
    answer = Relation(LENIN, STALIN, (BREAK,), (outside, *RELATION.interactions))
    text = plain(render_text(answer))
    assert text.index("Outside the curated phases") < text.index("They met.")


def test_render_text_relation_says_when_no_phases_are_curated() -> None:
    uncurated = Relation(LENIN, STALIN, (), RELATION.interactions)
    assert "No curated phases" in plain(render_text(uncurated))


def test_render_markdown_relation_has_headings_and_numbered_sources() -> None:
    md = render_markdown(RELATION)
    assert md.startswith("# Vladimir Lenin and Joseph Stalin\n")
    assert "## The break (December 1922 – March 1923), conflict" in md
    assert f"1. {SERVICE}" in md.splitlines()


def test_render_markdown_relation_lists_interactions_under_their_phase() -> None:
    md = render_markdown(RELATION)
    assert md.index("### The break") < md.index("| 5 March 1923 | conflict |")


def test_render_markdown_escapes_pipes_in_table_cells() -> None:
    assert "Lenin wrote to Stalin \\| demanding" in render_markdown(RELATION)


# --- profile, timeline ----------------------------------------------------------------------


PROFILE = Profile(
    person=STALIN,
    description=None,
    aliases=("Koba",),
    born=LifeDate(
        "1878-12-18", "6 [18] December 1878", "Gori", "disputed", ("21 December 1879 (Soviet)",)
    ),
    died=None,
    offices=(
        Tenure("general-secretary", "General Secretary", None, "1922/1952", "1922 – 1952", "x"),
    ),
    memberships=(),
    factions=(),
    relationships=(),
)


def test_render_text_profile_keeps_old_style_brackets() -> None:
    assert "Born: 6 [18] December 1878, Gori" in plain(render_text(PROFILE))


def test_render_text_profile_shows_the_disputed_alternative() -> None:
    assert "(disputed; also 21 December 1879 (Soviet))" in plain(render_text(PROFILE))


def test_render_markdown_profile_lists_offices() -> None:
    assert "| General Secretary |  | 1922 – 1952 |" in render_markdown(PROFILE)


def test_render_text_timeline_titles_the_period() -> None:
    answer = Timeline(STALIN, Period(start=parse_date("1923")), RELATION.interactions)
    assert plain(render_text(answer)).startswith("Joseph Stalin: timeline from 1923")


# --- holders, bodies, search ----------------------------------------------------------------


HOLDERS = Holders(
    GENSEC,
    Period(on=parse_date("1 January 1923")),
    (
        Tenure(
            "stalin",
            "Joseph Stalin",
            None,
            "1922-04-03/1952-10-16",
            "3 April 1922 – 16 October 1952",
            "g",
            (SERVICE,),
        ),
    ),
)


def test_render_text_holders_cites_each_holder() -> None:
    text = plain(render_text(HOLDERS))
    assert "General Secretary on 1 January 1923" in text
    assert "Joseph Stalin  3 April 1922 – 16 October 1952  [1]" in text


def test_render_markdown_holders_is_a_table() -> None:
    assert "| Joseph Stalin | 3 April 1922 – 16 October 1952 | [1] |" in render_markdown(HOLDERS)


def test_render_text_composition_names_the_majority() -> None:
    bloc = Bloc("Stalin's group", ("stalin-group",), ("stalin", "molotov"), 2)
    answer = composition(
        seat("stalin", "full", "Stalin's group"),
        seat("molotov", "full", "Stalin's group"),
        seat("trotsky", "full"),
        blocs=(bloc,),
    )
    assert "Majority: Stalin's group, 2 of 3 full members." in plain(render_text(answer))


def test_render_text_composition_keys_members_to_blocs_by_letter() -> None:
    blocs = (
        Bloc("Right", ("right",), ("rykov", "tomsky"), 2),
        Bloc("Left", ("left",), ("trotsky",), 1),
    )
    answer = composition(
        seat("rykov", "full", "Right"),
        seat("tomsky", "full", "Right"),
        seat("trotsky", "full", "Left"),
        blocs=blocs,
    )
    lines = plain(render_text(answer)).splitlines()
    assert "  A  Right: 2 full" in lines and "  B  Left: 1 full" in lines
    assert [line.split()[-1] for line in lines if line.startswith("Trotsky")] == ["B"]


def test_render_text_composition_says_when_no_bloc_had_a_majority() -> None:
    answer = composition(seat("stalin", "full"), seat("trotsky", "full"))
    assert "No bloc held a majority of the 2 full members." in plain(render_text(answer))


def test_render_markdown_composition_counts_full_and_candidates() -> None:
    answer = composition(seat("stalin", "full"), seat("kamenev", "candidate"))
    assert "1 full and 1 candidate members." in render_markdown(answer)


def test_render_text_search_lists_names_and_statements() -> None:
    answer = SearchResults(
        "koba",
        (Hit("stalin", "person", "Joseph Stalin", "Koba", 3.2),),
        (Hit("a1", "assertion", "1905", "Koba met Lenin.", 1.0),),
    )
    text = plain(render_text(answer))
    assert "Joseph Stalin" in text and "Koba met Lenin." in text


# --- empty answers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (
            Holders(GENSEC, Period(on=parse_date("1 January 1900")), ()),
            "No one held general-secretary on 1 January 1900.",
        ),
        (
            Composition(POLITBURO, parse_date("1900"), (), ()),
            "No one sat on politburo in 1900.",
        ),
        (
            Changes(POLITBURO, Period(start=parse_date("1900"), end=parse_date("1901")), ()),
            "No one joined or left politburo from 1900 to 1901.",
        ),
        (
            Timeline(STALIN, Period(start=parse_date("1960")), ()),
            "No dated assertions about Joseph Stalin from 1960.",
        ),
        (
            Relation(LENIN, STALIN, (), ()),
            "Nothing in the knowledge base links Vladimir Lenin and Joseph Stalin.",
        ),
        (SearchResults("zzz", (), ()), "Nothing in the knowledge base matches 'zzz'."),
    ],
    ids=["holders", "composition", "changes", "timeline", "relation", "search"],
)
def test_empty_message_says_what_was_not_found(answer: object, message: str) -> None:
    assert empty_message(answer) == message


@pytest.mark.parametrize(
    "answer", [RELATION, HOLDERS, PROFILE], ids=["relation", "holders", "profile"]
)
def test_empty_message_is_none_for_an_answer(answer: object) -> None:
    assert empty_message(answer) is None
