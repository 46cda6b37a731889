"""Offices given to the wrong person: our own sentences against the shipped KB's holders."""

from __future__ import annotations

import pytest

from kremlinology.checker.pipeline import check
from kremlinology.kb import KB

MISASSIGNED = [
    ("Trotsky was the first chairman of the Council of People's Commissars.", "Lenin"),
    (
        "The congress formed the Council of People's Commissars, with Kamenev as its chairman.",
        "Lenin",
    ),
    ("Bukharin was named People's Commissar for Foreign Affairs in 1917.", "Trotsky"),
    ("Rykov headed the Communist International in 1920.", "Zinoviev"),
    ("Kamenev became General Secretary in 1922.", "Stalin"),
    # A name in the possessive does not hold the office: Zinoviev is the one given it.
    (
        "In 1925 Zinoviev took Rykov's place at the head of the Council of People's Commissars.",
        "Rykov",
    ),
]


@pytest.mark.parametrize(("text", "holder"), MISASSIGNED)
def test_roles_office_given_to_someone_who_never_held_it(
    text: str, holder: str, kb_full: KB
) -> None:
    (claim,) = check(text, kb=kb_full).claims
    assert claim.verdict == "contradicted"
    assert claim.correction is not None and holder in claim.correction
    assert claim.facts and all("held" in f.id or "headed" in f.id for f in claim.facts)


def test_roles_the_date_picks_the_holder(kb_full: KB) -> None:
    (claim,) = check("In 1927 Kamenev was chairman of Sovnarkom.", kb=kb_full).claims
    assert claim.verdict == "contradicted"
    assert claim.correction is not None and "Rykov" in claim.correction
    assert "Lenin" not in claim.correction


HELD = [
    "Stalin became General Secretary in April 1922.",
    "Rykov was chairman of the Council of People's Commissars from 1924.",
    "Zinoviev headed the Communist International from 1919.",
    # Not a claim that Lenin held the post: he asked for another holder.
    "Lenin, who was gravely ill, asked the party to find another General Secretary.",
    # Criticising the holder gives the critic no post.
    "Trotsky attacked the General Secretary at the Thirteenth Congress.",
]


@pytest.mark.parametrize("text", HELD)
def test_roles_holders_and_mere_mentions_are_not_contradicted(text: str, kb_full: KB) -> None:
    claims = check(text, kb=kb_full).claims
    assert all(c.verdict != "contradicted" for c in claims), [c.explanation for c in claims]
