"""Verdict rules on sentences the team wrote, against the shipped knowledge base."""

from __future__ import annotations

import pytest

from kremlinology.checker.index import negation_scope
from kremlinology.checker.pipeline import check
from kremlinology.kb import KB


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("No one was officially proclaimed his successor, nor did he name one.", {"offici"}),
        ("Trotsky did not attend the funeral.", {"attend", "funer"}),
        ("Stalin wasn't at the congress; he came later.", {"congress"}),
        ("Lenin took part in the congress.", None),
        # An issue number is not a negation.
        ("It was printed in Kommunist, no. 9, 1956.", None),
    ],
)
def test_negation_scope_is_the_clause_after_the_negation(
    text: str, denied: set[str] | None
) -> None:
    found = negation_scope(text)
    if denied is None:
        assert found is None
    else:
        assert found is not None and denied <= found


def _verdict(text: str, kb: KB) -> tuple[str, list[str]]:
    (claim,) = check(text, kb=kb).claims
    return claim.verdict, [f.id for f in claim.facts]


def test_an_affirmed_denial_is_contradicted(kb_full: KB) -> None:
    # The KB: no one was officially named Lenin's successor. The fact is about the event
    # (the succession), so it is found through the people its statement names.
    verdict, facts = _verdict(
        "When Lenin died, Stalin was formally proclaimed his official successor as head "
        "of the party.",
        kb_full,
    )
    assert verdict == "contradicted"
    assert facts == ["no-official-successor"]


def test_a_denial_the_kb_shares_is_not_contradicted(kb_full: KB) -> None:
    verdict, _ = _verdict(
        "No one was officially proclaimed Lenin's successor when he died in 1924.", kb_full
    )
    assert verdict == "supported"


def test_a_negation_elsewhere_in_the_statement_does_not_contradict(kb_full: KB) -> None:
    # The statement denies an open session, not that the delegations heard the Testament.
    verdict, _ = _verdict(
        "In May 1924 the Testament was read to the heads of the delegations at the "
        "Thirteenth Party Congress.",
        kb_full,
    )
    assert verdict == "supported"


@pytest.mark.parametrize(
    "text",
    [
        "I believe Stalin understood Lenin better than anyone.",
        "Whatever the textbooks say, I think Trotsky was the abler man.",
    ],
)
def test_an_opinion_is_not_a_claim(text: str, kb_full: KB) -> None:
    verdict, _ = _verdict(text, kb_full)
    assert verdict == "not_a_claim"


@pytest.mark.parametrize(
    ("text", "verdict", "right"),
    [
        # The ordinal tells the strokes apart: the first was in May 1922.
        ("In March 1922 Lenin's first stroke left him unable to speak.", "contradicted", "1922"),
        ("In March 1923 Lenin's third stroke left him unable to speak.", "supported", None),
    ],
)
def test_an_ordinal_picks_the_fact_of_a_series(
    text: str, verdict: str, right: str | None, kb_full: KB
) -> None:
    (claim,) = check(text, kb=kb_full).claims
    assert claim.verdict == verdict
    if right:
        assert claim.correction is not None and "May " + right in claim.correction


def test_a_wrong_date_does_not_refute_through_someone_elses_deed(kb_full: KB) -> None:
    # The closest fact is Stalin's attack on Trotsky of November 1924; the sentence is
    # about a book of Trotsky's the KB does not have.
    verdict, _ = _verdict(
        "Written by Trotsky in 1936, The Revolution Betrayed attacked the bureaucracy.", kb_full
    )
    assert verdict == "unverified"
