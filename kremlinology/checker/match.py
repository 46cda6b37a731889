"""Claim matching: score the knowledge base's assertions against one sentence.

score = entity overlap + 3 * (share of the assertion's content words the sentence has)
        + 3 * (share of the sentence's content words the assertion has);
the date then decides between near-equal candidates. Weights are idf, so "Tammerfors"
counts for more than "party". Every assertion is scored at once, as vectors
(`index.Matrices`); only the few leaders become `Candidate` objects.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np

from ..dates import Bounds, Calendar, HistDate, bounds_overlap, gregorian_to_julian
from ..text.ground import DateMention
from .document import Sentence
from .index import WORD as _WORD
from .index import CheckIndex, IndexedAssertion, stems

# A sentence and an assertion must share at least this share of the assertion's content
# weight to be about the same fact (below it, shared names alone match too much).
MIN_COVERAGE = 0.2
# A sentence with a word for the assertion's kind of action ("dies" for `died`): the
# strongest sign of which fact about a person it states.
PREDICATE_WEIGHT = 1.0
# Two candidates within this score of each other match the words about equally well: the
# sentence's date may then decide between them.
DATE_MARGIN = 0.5
# Words before a date that make it the start or the end of an interval ("since April
# 1922", "until his death in 1953"), read up to CUE_REACH characters back.
CUE = re.compile(
    r"\b(?:(?P<start>since|from|bec[oa]mes?|elected|appointed|named|joined|founded|formed"
    r"|took over|began)|(?P<end>until|till|left|removed|expelled|resigned|ousted|dismissed"
    r"|died|death|lost)|(?<=\d )(?P<to>to|and))\b|(?<=\d)(?P<dash>\s?[-–]\s?)",
    re.I,
)
CUE_REACH = 30
# Words that tell the first of a series of like facts from the third (strokes, congresses).
ORDINALS = frozenset(
    stems("first second third fourth fifth sixth seventh eighth ninth tenth last".split())
)
ONE_DAY = dt.timedelta(days=1)
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
    if sent.stems is None:
        sent.stems = stems(_WORD.findall(sent.text))
    return sent.stems


def evidence(sent: Sentence, index: CheckIndex) -> Evidence:
    """What the sentence shares with each assertion: word weight, and whether it is a candidate.

    Candidates are the assertions about the sentence's entities, or sharing at least two of
    its rare words whatever they name.
    """
    m = index.matrices
    sentence_stems = frozenset(content_stems(sent))
    rows = [m.stem_rows[s] for s in sentence_stems if s in m.stem_rows]
    entity_rows = [m.entity_rows[e] for e in sent.entities if e in m.entity_rows]
    rare = [r for r in rows if m.rare[r]]
    if not entity_rows and len(rare) < 2:
        return Evidence(sentence_stems, m.nothing, m.none, entity_rows)  # no candidate
    shared = m.words[rows].sum(axis=0) if rows else m.nothing
    candidates = m.none
    if entity_rows:
        candidates = np.asarray(m.role[entity_rows].any(axis=0))
    if len(rare) >= 2:
        candidates = np.logical_or(candidates, np.count_nonzero(m.words[rare], axis=0) >= 2)
    return Evidence(sentence_stems, shared, candidates, entity_rows)


def match_claims(
    sent: Sentence, index: CheckIndex, *, limit: int = 1, found: Evidence | None = None
) -> list[Candidate]:
    """The best candidate assertions for a sentence, best first."""
    ev = found or evidence(sent, index)
    if ev.candidates is index.matrices.none:
        return []
    m = index.matrices
    sentence_weight = sum(index.weight(s) for s in ev.stems) or 1.0
    coverage = ev.shared / m.weights
    overlap = _entity_overlap(sent, index)
    action = names_action(ev, index)
    # Enough words in common; or two of its entities; or one and the word for the deed.
    keep = ev.candidates & (
        (coverage >= MIN_COVERAGE) | (overlap >= 2) | ((overlap >= 1) & (action > 0))
    )
    cols = np.flatnonzero(keep)
    if not len(cols):
        return []
    score = (
        overlap[cols]
        + 3 * coverage[cols]
        + 3 * ev.shared[cols] / sentence_weight
        + PREDICATE_WEIGHT * action[cols]
    )
    ranked = cols[np.lexsort((cols, -score))]
    top = score.max()
    # Only the near-equal leaders can be reordered by their date (_prefer_agreeing_date).
    within = int(np.count_nonzero(score >= top - DATE_MARGIN))
    chosen = ranked[: max(limit, within)]
    by_col = dict(zip(cols.tolist(), score.tolist(), strict=True))
    candidates = [
        _candidate(index.order[c], sent, by_col[c], float(coverage[c]), float(overlap[c]))
        for c in chosen.tolist()
    ]
    return _prefer_agreeing_date(_prefer_same_ordinal(candidates, ev.stems))[:limit]


def names_action(ev: Evidence, index: CheckIndex) -> np.ndarray:
    """Per assertion: 1.0 when the sentence has a word for its kind of action ("dies")."""
    m = index.matrices
    rows = [m.predicate_rows[s] for s in ev.stems if s in m.predicate_rows]
    if not rows:
        return np.zeros(len(index.order))
    found: np.ndarray = m.predicate[rows].max(axis=0)
    return found


def _prefer_same_ordinal(found: list[Candidate], sentence: frozenset[str]) -> list[Candidate]:
    """Among near-equal matches, drop back those whose statement has another ordinal than
    the sentence: "his first stroke" is not "his third stroke"."""
    said = sentence & ORDINALS
    if not said or len(found) < 2:
        return found
    top = found[0].score
    other = [
        c for c in found if c.score >= top - DATE_MARGIN and (c.assertion.stems & ORDINALS) - said
    ]
    return [c for c in found if c not in other] + other


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
            total += factor * m.role[row]
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
    for mention in sent.dates:
        if any(bounds_overlap(mention.date.bounds(), s) for s in _spans(sent, mention, a)):
            return True, False
    for mention in sent.dates:
        # A date whose calendar the text names ("16 April 1917 (Old Style)") is read in it.
        other = None if mention.calendar_marked else _other_style(mention.date)
        if other is not None and any(
            bounds_overlap(other.bounds(), s) for s in _spans(sent, mention, a)
        ):
            return True, True
    # A year carried from context may be wrong: it can support a match, never refute one.
    if all(m.year_carried for m in sent.dates):
        return None, False
    return False, False


def _spans(sent: Sentence, mention: DateMention, a: IndexedAssertion) -> list[Bounds]:
    """The periods of the assertion a date of the sentence must meet: the whole of each
    (main and alternative) or, for an interval, its first or last day when the words before
    the date say that it started ("since 1922") or ended ("until his death in 1953")."""
    spans = [b for b in (a.bounds, *a.alternative_bounds) if b is not None]
    if not a.is_interval:
        return spans
    before = sent.text[max(0, mention.start - sent.start - CUE_REACH) : mention.start - sent.start]
    cues = list(CUE.finditer(before))
    if not cues or cues[-1].group("to") or cues[-1].group("dash"):
        return spans  # no cue, or the end of a written range ("23 to 31 May"): the whole
    if cues[-1].group("start"):
        return [(b[0], b[0] + ONE_DAY) for b in spans]
    return [(b[1] - ONE_DAY, b[1]) for b in spans]


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
