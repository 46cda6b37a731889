"""The checker on texts the team wrote: true statements, altered ones, garbled ones.

Each altered statement must come out contradicted with the right correction; each true one
must not. The shipped knowledge base (kb_full) decides.
"""

from __future__ import annotations

import pytest

from kremlinology.checker.pipeline import check
from kremlinology.checker.report import Report
from kremlinology.kb import KB


def _only_claim(report: Report, needle: str) -> tuple[str, str | None]:
    claims = [c for c in report.claims if needle in c.text]
    assert len(claims) == 1, [c.text for c in report.claims]
    return claims[0].verdict, claims[0].correction


TRUE = [
    "Lenin died at Gorki on 21 January 1924.",
    "Trotsky was removed from the Politburo in October 1926.",
    "The Thirteenth Party Congress met in Moscow in May 1924.",
    "Trotsky was murdered in Mexico by Ramón Mercader in August 1940.",
    "On 23 October 1917 the Bolshevik Central Committee voted for an armed insurrection.",
    "On 10 October 1917 the Bolshevik Central Committee voted for an armed insurrection.",
]


@pytest.mark.parametrize("text", TRUE)
def test_pipeline_true_statement_is_not_contradicted(text: str, kb_full: KB) -> None:
    verdict, _ = _only_claim(check(text, kb=kb_full), text[:20])
    assert verdict in ("supported", "disputed")


ALTERED = [
    ("Lenin died at Gorki on 21 January 1926.", "1924"),
    ("Trotsky was removed from the Politburo in October 1923.", "1926"),
    ("The Thirteenth Party Congress met in Moscow in May 1927.", "1924"),
    ("Trotsky was murdered in Mexico by Ramón Mercader in August 1945.", "1940"),
]


@pytest.mark.parametrize(("text", "right"), ALTERED)
def test_pipeline_wrong_year_is_contradicted(text: str, right: str, kb_full: KB) -> None:
    verdict, correction = _only_claim(check(text, kb=kb_full), text[:20])
    assert verdict == "contradicted"
    assert correction is not None and right in correction


def test_pipeline_wrong_person_is_contradicted(kb_full: KB) -> None:
    text = (
        "In February 1924 Kamenev succeeded Lenin as chairman of the Council of People's "
        "Commissars."
    )
    verdict, correction = _only_claim(check(text, kb=kb_full), "succeeded")
    assert verdict == "contradicted"
    assert correction is not None and "Rykov" in correction


def test_pipeline_restores_a_glued_year(kb_full: KB) -> None:
    text = "Trotsky was expelled from the Communist Party in Novemberand sent to Alma-Ata.\n"
    report = check(text, kb=kb_full)
    at = text.index("November") + len("November")
    assert [(r.at, r.value) for r in report.restorations] == [(at, "1927")]
    assert "November 1927 and" in report.clean_text


def test_pipeline_opinion_is_not_a_claim(kb_full: KB) -> None:
    verdict, _ = _only_claim(
        check("I think Stalin was the cleverest of them all.", kb=kb_full), "cleverest"
    )
    assert verdict == "not_a_claim"


def test_pipeline_marks_site_boilerplate(kb_full: KB) -> None:
    text = "Lenin died at Gorki on 21 January 1924. We strive for accuracy and fairness.\n"
    report = check(text, kb=kb_full)
    kinds = {(text[b.start : b.end], b.kind) for b in report.boilerplate}
    assert ("We strive for accuracy and fairness.", "site") in kinds
    assert "strive" not in report.clean_text


def test_pipeline_doubt_marker_is_never_supported(kb_full: KB) -> None:
    text = "Stalin smuggled Lenin to Finland in August 1917 [ dubious — discuss ]."
    verdict, _ = _only_claim(check(text, kb=kb_full), "smuggled")
    assert verdict != "supported"


def test_pipeline_offsets_point_into_the_text(kb_full: KB) -> None:
    text = (
        "Lenin died in Januaryafter a long illness. Trotsky lost the war commissariat in January\n"
    )
    report = check(text, kb=kb_full)
    assert all(text[c.start : c.end] == c.text for c in report.claims)
    assert all(0 <= r.at <= len(text) for r in report.restorations)


def test_pipeline_every_claim_cites_its_facts(kb_full: KB) -> None:
    report = check("Lenin died at Gorki on 21 January 1924.", kb=kb_full)
    facts = [f for c in report.claims for f in c.facts]
    assert facts and all(f.sources for f in facts)


# A date after "since"/"until" is the start or the end of an interval, not any day in it.
INTERVAL_EDGES = [
    ("Stalin had been General Secretary since April 1923.", "contradicted"),
    ("Stalin had been General Secretary since April 1922.", "supported"),
    ("Trotsky sat on the Politburo until October 1926.", "supported"),
    ("Trotsky sat on the Politburo until October 1924.", "contradicted"),
]


@pytest.mark.parametrize(("text", "expected"), INTERVAL_EDGES)
def test_pipeline_reads_a_date_as_an_intervals_edge(text: str, expected: str, kb_full: KB) -> None:
    verdict, _ = _only_claim(check(text, kb=kb_full), text[:20])
    assert verdict == expected


# Disputed only when the dispute is about what the sentence claims.
DISPUTE_SCOPE = [
    # The end of Stalin's title is disputed, not its start.
    ("Stalin became General Secretary on 3 April 1922.", "supported"),
    # The day of the expulsion is disputed (12 or 14 November), not the month.
    ("Trotsky was expelled from the Communist Party in November 1927.", "supported"),
    # Stalin's birth year is what is disputed.
    ("Stalin was born in December 1878.", "disputed"),
]


@pytest.mark.parametrize(("text", "expected"), DISPUTE_SCOPE)
def test_pipeline_is_disputed_only_where_the_dispute_is(
    text: str, expected: str, kb_full: KB
) -> None:
    verdict, _ = _only_claim(check(text, kb=kb_full), text[:20])
    assert verdict == expected


SWAPPED = [
    ("The Shanghai massacre of April 1927 was ordered by Wang Jingwei.", "Chiang"),
    ("Zinoviev died of his wounds in Mexico City on 21 August 1940.", "Trotsky"),
]


@pytest.mark.parametrize(("text", "right"), SWAPPED)
def test_pipeline_deed_given_to_another_person_is_contradicted(
    text: str, right: str, kb_full: KB
) -> None:
    verdict, correction = _only_claim(check(text, kb=kb_full), text[:20])
    assert verdict == "contradicted"
    assert correction is not None and right in correction


def test_pipeline_a_person_named_in_the_statement_is_no_swap(kb_full: KB) -> None:
    """'Zinoviev was expelled together with Trotsky' does not refute Trotsky's expulsion."""
    text = "By November 1927 Trotsky had been expelled from the party."
    verdict, _ = _only_claim(check(text, kb=kb_full), "expelled")
    assert verdict == "supported"


def test_pipeline_the_word_for_the_deed_picks_the_fact(kb_full: KB) -> None:
    """'dies' points at the death, not at the Politburo seat that ended with it."""
    verdict, correction = _only_claim(check("5 March 1952: Stalin dies.", kb=kb_full), "dies")
    assert verdict == "contradicted"
    assert correction is not None and "1953" in correction


def _restored(text: str, kb: KB) -> list[str]:
    return [r.value for r in sorted(check(text, kb=kb).restorations, key=lambda r: r.at)]


def test_pipeline_restores_each_year_a_statement_writes_beside_the_same_words(
    kb_full: KB,
) -> None:
    """One interval fact, two gaps: the words around each gap pick the statement's year."""
    text = (
        "The alliance of Zinoviev, Kamenev and Stalin against Trotsky survived "
        "throughout  and the early months ofThen it broke apart."
    )
    assert _restored(text, kb_full) == ["1924", "1925"]


def test_pipeline_the_second_of_a_pair_takes_the_intervals_end(kb_full: KB) -> None:
    text = (
        "In the years of andSoviet policy towards the Chinese revolution divided Stalin "
        "and the United Opposition."
    )
    assert _restored(text, kb_full) == ["1926", "1927"]


def test_pipeline_a_relative_clause_after_a_gap_does_not_pick_its_year(kb_full: KB) -> None:
    """The words of "which gave him ..." describe the appointment; they must not pull in
    another fact that shares them (a report Stalin gave in April 1923)."""
    text = (
        "Stalin was appointed General Secretary of the Central Committee in Aprilwhich gave "
        "him control of appointments across the party."
    )
    assert _restored(text, kb_full) == ["1922"]


# A text that names its calendar is held to it; one that does not is read in both.
STYLES = [
    ("Lenin returned to Petrograd on 16 April 1917 (Old Style).", "contradicted"),
    ("Lenin returned to Petrograd on 3 April 1917 (Old Style).", "supported"),
    ("Lenin returned to Petrograd on 16 April 1917 by the New Style calendar.", "supported"),
    ("Lenin returned to Petrograd on 16 April 1917.", "supported"),
]


@pytest.mark.parametrize(("text", "expected"), STYLES)
def test_pipeline_holds_a_named_calendar_to_its_style(
    text: str, expected: str, kb_full: KB
) -> None:
    verdict, correction = _only_claim(check(text, kb=kb_full), "Lenin returned")
    assert verdict == expected
    if expected == "contradicted":
        assert correction is not None and "3 [16] April 1917" in correction


def test_pipeline_a_fact_of_another_time_does_not_refute_a_date(kb_full: KB) -> None:
    """Yalta is not in the KB; Stalin's meeting with Bukharin in 1913 must not refute it."""
    text = "Stalin met Roosevelt and Churchill at Yalta in February 1945."
    verdict, correction = _only_claim(check(text, kb=kb_full), "Yalta")
    assert verdict == "unverified"
    assert correction is None


def test_pipeline_a_sentence_that_repeats_the_other_side_is_disputed(kb_full: KB) -> None:
    """The KB records 'Stalin organised Lenin's funeral' as the view it disputes."""
    text = "Stalin was given the honour of organizing Lenin's funeral."
    verdict, _ = _only_claim(check(text, kb=kb_full), "funeral")
    assert verdict == "disputed"


def test_pipeline_british_and_american_spellings_stem_alike() -> None:
    from kremlinology.checker.index import stems

    assert stems(["organised", "criticising"]) == stems(["organized", "criticizing"])
