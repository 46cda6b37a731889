"""Claim matching: score the knowledge base's assertions against one sentence.

score = entity overlap + 3 * (share of the assertion's content words the sentence has)
        + 2 * (share of the sentence's content words the assertion has) + date agreement.
Weights are idf, so "Tammerfors" counts for more than "party".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dates import Calendar, HistDate, gregorian_to_julian
from .document import Sentence
from .index import WORD as _WORD
from .index import CheckIndex, IndexedAssertion, stems

# A sentence and an assertion must share at least this share of the assertion's content
# weight to be about the same fact (below it, shared names alone match too much).
MIN_COVERAGE = 0.2
# Two candidates within this score of each other match the words about equally well: the
# sentence's date may then decide between them.
DATE_MARGIN = 0.5
# A word is rare when it appears in under about one statement in twenty (idf >= 4):
# rare words shared by a sentence and a statement find facts about unnamed entities.
RARE_WEIGHT = 4.0
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
    """The sentence's content-word stems, names included (idf keeps common names light)."""
    return stems(_WORD.findall(sent.text))


def match_claims(sent: Sentence, index: CheckIndex, *, limit: int = 5) -> list[Candidate]:
    """The best candidate assertions for a sentence, best first."""
    sentence_stems = set(content_stems(sent))
    shared = shared_weights(sentence_stems, index)
    sentence_weight = sum(index.weight(s) for s in sentence_stems) or 1.0
    found = []
    for aid in candidate_ids(sent, sentence_stems, index):
        a = index.assertions[aid]
        coverage = shared.get(aid, 0.0) / (a.weight or 1.0)
        overlap = _entity_overlap(a, sent)
        if coverage >= MIN_COVERAGE or overlap >= 2:
            found.append(_score(a, sent, coverage, shared.get(aid, 0.0) / sentence_weight, overlap))
    found.sort(key=lambda c: (-c.score, c.assertion.id))
    return _prefer_agreeing_date(found)[:limit]


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


def candidate_ids(sent: Sentence, sentence_stems: set[str], index: CheckIndex) -> set[str]:
    """Assertions about the sentence's entities, or sharing two of its rare words."""
    ids = {aid for e in sent.entities for aid in index.by_entity.get(e, ())}
    return ids | _by_rare_words(sentence_stems, index)


def _by_rare_words(sentence_stems: set[str], index: CheckIndex) -> set[str]:
    """Assertions sharing at least two rare words with the sentence, whatever they name."""
    shared: dict[str, int] = {}
    for stem in sentence_stems:
        if index.weight(stem) >= RARE_WEIGHT:
            for aid in index.by_stem.get(stem, ()):
                shared[aid] = shared.get(aid, 0) + 1
    return {aid for aid, n in shared.items() if n >= 2}


def shared_weights(sentence_stems: set[str], index: CheckIndex) -> dict[str, float]:
    """For each assertion, the summed idf of the words it shares with the sentence.

    One pass over the posting lists of the sentence's words: an inverted-index dot product,
    far cheaper than intersecting the sentence with every candidate's words.
    """
    shared: dict[str, float] = {}
    for stem in sentence_stems:
        weight = index.weight(stem)
        for aid in index.by_stem.get(stem, ()):
            shared[aid] = shared.get(aid, 0.0) + weight
    return shared


def _score(
    a: IndexedAssertion, sent: Sentence, coverage: float, precision: float, overlap: float
) -> Candidate:
    agrees, other_style = date_agreement(sent, a)
    score = overlap + 3 * coverage + 3 * precision
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
