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
