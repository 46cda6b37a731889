"""Claim matching: score the knowledge base's assertions against one sentence.

score = entity overlap + 3 * (share of the assertion's content words the sentence has)
        + 3 * (share of the sentence's content words the assertion has);
the date then decides between near-equal candidates. Weights are idf, so "Tammerfors"
counts for more than "party". Every assertion is scored at once, as vectors
(`index.Matrices`); only the few leaders become `Candidate` objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from ..dates import Calendar, HistDate, gregorian_to_julian
from .document import Sentence
from .index import PLACE_WEIGHT, CheckIndex, IndexedAssertion, stems
from .index import WORD as _WORD

# A sentence and an assertion must share at least this share of the assertion's content
# weight to be about the same fact (below it, shared names alone match too much).
MIN_COVERAGE = 0.2
# Two candidates within this score of each other match the words about equally well: the
# sentence's date may then decide between them.
DATE_MARGIN = 0.5
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


@dataclass(frozen=True)
class Evidence:
    """One sentence against every assertion: vectors with one entry per assertion."""

    stems: frozenset[str]
    shared: np.ndarray  # the summed idf of the words the sentence and statement share
    candidates: np.ndarray  # bool: about the sentence's entities, or sharing two rare words
    entity_rows: list[int]  # the rows of the sentence's entities (the coref included)


def content_stems(sent: Sentence) -> list[str]:
    """The sentence's content-word stems, names included (idf keeps common names light)."""
    return stems(_WORD.findall(sent.text))


def evidence(sent: Sentence, index: CheckIndex) -> Evidence:
    """What the sentence shares with each assertion: word weight, and whether it is a candidate.

    Candidates are the assertions about the sentence's entities, or sharing at least two of
    its rare words whatever they name.
    """
    m = index.matrices
    sentence_stems = frozenset(content_stems(sent))
    rows = [m.stem_rows[s] for s in sentence_stems if s in m.stem_rows]
    n = len(index.order)
    shared = m.words[rows].sum(axis=0) if rows else np.zeros(n)
    entity_rows = [m.entity_rows[e] for e in sent.entities if e in m.entity_rows]
    candidates = np.zeros(n, dtype=bool)
    if entity_rows:
        candidates |= (m.subject[entity_rows] + m.object[entity_rows] + m.place[entity_rows]).any(
            axis=0
        )
    rare = [r for r in rows if m.rare[r]]
    if len(rare) >= 2:
        candidates |= np.count_nonzero(m.words[rare], axis=0) >= 2
    return Evidence(sentence_stems, shared, candidates, entity_rows)


def match_claims(
    sent: Sentence, index: CheckIndex, *, limit: int = 5, found: Evidence | None = None
) -> list[Candidate]:
    """The best candidate assertions for a sentence, best first."""
    ev = found or evidence(sent, index)
    m = index.matrices
    sentence_weight = sum(index.weight(s) for s in ev.stems) or 1.0
    coverage = ev.shared / m.weights
    overlap = _entity_overlap(sent, index)
    keep = ev.candidates & ((coverage >= MIN_COVERAGE) | (overlap >= 2))
    cols = np.flatnonzero(keep)
    if not len(cols):
        return []
    score = overlap[cols] + 3 * coverage[cols] + 3 * ev.shared[cols] / sentence_weight
    ranked = cols[np.lexsort((cols, -score))]
    top = score.max()
    # Only the near-equal leaders can be reordered by their date (_prefer_agreeing_date).
    within = int(np.count_nonzero(score >= top - DATE_MARGIN))
    chosen = ranked[: max(limit, within + 1)]
    by_col = dict(zip(cols.tolist(), score.tolist(), strict=True))
    candidates = [
        _candidate(index.order[c], sent, by_col[c], float(coverage[c]), float(overlap[c]))
        for c in chosen.tolist()
    ]
    return _prefer_agreeing_date(candidates)[:limit]


def _prefer_agreeing_date(found: list[Candidate]) -> list[Candidate]:
    """Among near-equal matches, the one whose date fits the sentence goes first.

    The date must not rank candidates outright: a wrong year would then pull in any other
    fact of that year, and a contradiction could never be found.
    """
    if not found or found[0].date_agrees is not False:
        return found
    for i, c in enumerate(found[1:], start=1):
        if c.score < found[0].score - DATE_MARGIN:
            break
        if c.date_agrees:
            return [c, *found[:i], *found[i + 1 :]]
    return found


def _entity_overlap(sent: Sentence, index: CheckIndex) -> np.ndarray:
    """Per assertion: 1 for a subject or object the sentence names, 0.5 for a place;
    three quarters of that for the person carried from context ("he")."""
    m = index.matrices
    total = np.zeros(len(index.order))
    for entity, factor in (*((e, 1.0) for e in sent.mention_entities), (sent.coref, 0.75)):
        row = m.entity_rows.get(entity) if entity else None
        if row is not None and not (factor < 1 and entity in sent.mention_entities):
            total += factor * (m.subject[row] + m.object[row] + PLACE_WEIGHT * m.place[row])
    return total


def _candidate(
    a: IndexedAssertion, sent: Sentence, score: float, coverage: float, overlap: float
) -> Candidate:
    agrees, other_style = date_agreement(sent, a)
    return Candidate(a, score, coverage, overlap, agrees, other_style)


def date_agreement(sent: Sentence, a: IndexedAssertion) -> tuple[bool | None, bool]:
    """(agrees, only in the other style): does any date of the sentence fit the assertion?"""
    if a.bounds is None:
        return None, False
    if not sent.dates:
        return _month_day_agreement(sent, a)
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


def _month_day_agreement(sent: Sentence, a: IndexedAssertion) -> tuple[bool | None, bool]:
    """A day and month without a year ("On October 23") can confirm a one-day fact."""
    if a.bounds is None or (a.bounds[1] - a.bounds[0]).days != 1:
        return None, False
    for month, day in sent.month_days:
        if (a.bounds[0].month, a.bounds[0].day) == (month, day):
            return True, False
        if a.bounds[0] < SWITCH and _julian_month_day(a.bounds[0]) == (month, day):
            return True, True
    return None, False


def _julian_month_day(day: dt.date) -> tuple[int, int]:
    _, month, mday = gregorian_to_julian(day)
    return month, mday


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
