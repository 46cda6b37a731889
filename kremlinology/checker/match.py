"""Claim matching: score the knowledge base's assertions against one sentence.

score = entity overlap + 3 * (share of the assertion's content words the sentence has)
        + 2 * (share of the sentence's content words the assertion has) + date agreement.
Weights are idf, so "Tammerfors" counts for more than "party".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dates import Calendar, HistDate
from .document import Sentence
from .index import CheckIndex, IndexedAssertion, stems
from .index import WORD as _WORD

# A sentence and an assertion must share at least this share of the assertion's content
# weight to be about the same fact (below it, shared names alone match too much).
MIN_COVERAGE = 0.2
# Dates before Russia's switch may be written in either style: try both readings.
SWITCH = dt.date(1918, 2, 14)


@dataclass(frozen=True)
class Candidate:
    assertion: IndexedAssertion
    score: float
    coverage: float
    entity_overlap: float
    date_agrees: bool | None  # None when the sentence or the assertion has no date
    other_style: bool  # the dates agree only when the text's date is read in the other style


def content_stems(sent: Sentence) -> list[str]:
    spans = [(m.start, m.end) for m in sent.mentions]
    words = [
        w.group()
        for w in _WORD.finditer(sent.text)
        if not any(s <= sent.start + w.start() < e for s, e in spans)
    ]
    return stems(words)


def match_claims(sent: Sentence, index: CheckIndex, *, limit: int = 5) -> list[Candidate]:
    """The best candidate assertions for a sentence, best first."""
    entities = sent.entities
    if not entities:
        return []
    sentence_stems = set(content_stems(sent))
    ids = {aid for e in entities for aid in index.by_entity.get(e, ())}
    found = [_score(index.assertions[aid], sent, sentence_stems, index) for aid in ids]
    found = [c for c in found if c.coverage >= MIN_COVERAGE or c.entity_overlap >= 2]
    found.sort(key=lambda c: (-c.score, c.assertion.id))
    return found[:limit]


def _score(a: IndexedAssertion, sent: Sentence, sentence_stems: set[str],
           index: CheckIndex) -> Candidate:
    shared = a.stems & sentence_stems
    weight = sum(index.weight(s) for s in shared)
    coverage = weight / (sum(index.weight(s) for s in a.stems) or 1.0)
    precision = weight / (sum(index.weight(s) for s in sentence_stems) or 1.0)
    overlap = _entity_overlap(a, sent)
    agrees, other_style = date_agreement(sent, a)
    date_term = {True: 1.5, False: 0.0, None: 0.0}[agrees]
    score = overlap + 3 * coverage + 2 * precision + date_term
    return Candidate(a, score, coverage, overlap, agrees, other_style)


def _entity_overlap(a: IndexedAssertion, sent: Sentence) -> float:
    mentioned = {m.entity for m in sent.mentions}
    overlap = 0.0
    for entity, weight in ((a.subject, 1.0), (a.object, 1.0), (a.place, 0.5)):
        if entity and entity in mentioned:
            overlap += weight
        elif entity and entity == sent.coref:
            overlap += weight * 0.75
    return overlap


def date_agreement(sent: Sentence, a: IndexedAssertion) -> tuple[bool | None, bool]:
    """(agrees, only in the other style): does any date of the sentence fit the assertion?"""
    if not sent.dates or a.bounds is None:
        return None, False
    spans = (a.bounds, *a.alternative_bounds)
    for mention in sent.dates:
        if any(_overlaps(mention.date.bounds(), s) for s in spans):
            return True, False
    for mention in sent.dates:
        other = _other_style(mention.date)
        if other is not None and any(_overlaps(other.bounds(), s) for s in spans):
            return True, True
    # A year carried from context may be wrong: it can support a match, never refute one.
    if all(m.year_carried for m in sent.dates):
        return None, False
    return False, False


def _other_style(date: HistDate) -> HistDate | None:
    if date.bounds()[0] >= SWITCH:
        return None
    flipped = Calendar.JULIAN if date.calendar is Calendar.GREGORIAN else Calendar.GREGORIAN
    try:
        return HistDate(date.year, date.month, date.day, flipped, date.qualifier)
    except ValueError:
        return None


def _overlaps(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
