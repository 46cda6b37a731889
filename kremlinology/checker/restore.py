"""Restoration: each stripped-number gap gets a value from the facts its sentence matches.

For a gap, the candidates are the assertions about the sentence's entities or sharing its
rare words. Each is scored on the whole sentence and, with more weight, on the words next to
the gap (they decide between "from [1922]" and "his death in [1953]"); it must agree with
the gap's cue (a month written before the gap must fall in the assertion's date). An
interval gives its first year after "from"/"since", its last after "until"/"to" or where
the words near the gap speak of an end.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np

from ..dates import Bounds, month_number
from ..errors import DateParseError
from ..text.gaps import Gap
from .document import Sentence
from .index import WORD, CheckIndex, IndexedAssertion, stems
from .match import Evidence, evidence, names_action
from .report import Restoration

# Characters read on each side of a gap for its nearest words.
NEAR_BEFORE, NEAR_AFTER = 32, 24
# Below this score a wrong number is likelier than a right one: leave the gap empty.
# (Measured on the eval gold set: see eval/baseline.json for the floors it holds.)
MIN_EVIDENCE = 2.5
END_WORDS = frozenset(
    {
        "until",
        "till",
        "to",
        "death",
        "die",
        "end",
        "out",
        "expel",
        "remov",
        "split",
        "broke",
        "dissolv",
    }
)
START_WORDS = frozenset({"from", "since", "began", "becam", "form", "found"})
# A word next to the gap that names the assertion's predicate ("his death in", "born in")
# is the strongest evidence of which fact the gap belongs to.
PREDICATE_BONUS = 3.0
# A word anywhere in the sentence for the kind of action ("proposed") of a fact about an
# entity the sentence names. On the gold set 1 and 3 give restore F1 0.667, 2 gives 0.683.
ACTION_BONUS = 2.0
# The whole sentence counts for less than the words next to the gap (divided by this).
# Measured on the eval gold set: 4 gives restore P/R 0.729/0.642, 2 gives 0.712/0.627.
SENTENCE_SHARE = 4.0
# A mention of the fact's object (the Politburo, the post) in the sentence. Raising it to 2
# lowered restore precision on the gold set (0.729 -> 0.712), so it weighs as the subject.
OBJECT_BONUS = 1.0
# Qualifiers of the stripped date itself ("in early [1926]"): as evidence they would pull
# in any statement that happens to say "early". (Months stay: a statement that names the
# gap's month is likelier its fact; leaving them out lowered restore F1 0.667 -> 0.640.)
DATE_STEMS = frozenset(stems(["early", "late", "mid"]))
# The cue of a gap that is the second of a pair: it takes an interval's last year.
SECOND_OF_PAIR = "conj:and"
# Aligning a gap with the years a statement writes: words compared on each side, words
# that say nothing about which year is meant, and the fewest shared words that decide.
ALIGN_WORDS = 4
ALIGN_SKIP = frozenset("the a an of in on at to by".split())
MIN_ALIGNED = 2
RELATIVE = re.compile(r"(?:which|who|whom|whose)\b", re.I)
STATEMENT_YEAR = re.compile(r"(?<!\d)1[89]\d\d(?!\d)")


@dataclass(frozen=True)
class Choice:
    value: str
    assertion: IndexedAssertion
    score: float


def restore_gaps(sent: Sentence, text: str, index: CheckIndex) -> list[Restoration]:
    """A restoration for each year gap of the sentence that the facts can decide."""
    found: list[Restoration] = []
    gaps = [g for g in sent.gaps if g.kind in ("year", "range")]
    if not gaps:
        return found
    ev = evidence(sent, index)
    for gap in gaps:
        choice = _choose(gap, sent, text, index, ev)
        if choice is not None:
            confidence = min(0.95, 0.3 + choice.score / 12) * gap.confidence
            found.append(
                Restoration(gap.at, choice.value, choice.assertion.id, round(confidence, 2))
            )
    return found


def _choose(gap: Gap, sent: Sentence, text: str, index: CheckIndex, ev: Evidence) -> Choice | None:
    window = text[max(sent.start, gap.at - NEAR_BEFORE) : gap.at]
    before = stems(
        WORD.findall(window)[1:] if len(window) == NEAR_BEFORE else WORD.findall(window)
    )[-3:]
    after = stems(WORD.findall(text[gap.at : min(sent.end, gap.at + NEAR_AFTER)]))[:2]
    following = text[gap.at : gap.at + 8].lstrip(" ,")
    if following[:1].isupper() or RELATIVE.match(following):
        # The gap took a full stop with it (what follows is another sentence), or a
        # relative clause follows ("in April [1922], which gave him..."): its words
        # describe the fact, they do not say which fact the date belongs to.
        after = []
    month = _cue_month(gap.cue)
    near = {w for w in before + after if w not in DATE_STEMS}
    score = _evidence(ev, near, index) + (0.5 if month else 0.0)
    cols = np.flatnonzero(ev.candidates & (score >= MIN_EVIDENCE))
    # The best-scored assertion whose date fits the cue (ties go to the first id).
    for col in cols[np.lexsort((cols, -score[cols]))].tolist():
        a = index.order[col]
        year = _year(a, month, before, second=gap.cue == SECOND_OF_PAIR)
        if year is not None:
            year = _aligned_year(a, gap, sent, text, month) or year
            return Choice(str(year), a, float(score[col]))
    return None


def _aligned_year(
    a: IndexedAssertion, gap: Gap, sent: Sentence, text: str, month: int | None
) -> int | None:
    """A year the statement writes with the same words around it as the gap has.

    "held together through 1924 and into the early months of 1925" gives the gap in
    "the alliance survived throughout [ ] and the early months of [ ]" its two years: each
    statement year is scored by the words it shares with the gap on the same side.
    """
    readings = [b for b in (a.bounds, *a.alternative_bounds) if b is not None]
    first = min(b[0].year for b in readings)
    last = max((b[1] - dt.timedelta(days=1)).year for b in readings)
    left = _plain_words(text[max(sent.start, gap.at - NEAR_BEFORE) : gap.at])[-ALIGN_WORDS:]
    right = _plain_words(text[gap.at : min(sent.end, gap.at + NEAR_AFTER)])[:ALIGN_WORDS]
    scored: dict[int, int] = {}
    for found in STATEMENT_YEAR.finditer(a.statement):
        year = int(found.group())
        s_left = _plain_words(a.statement[: found.start()])[-ALIGN_WORDS:]
        if not first <= year <= last or _wrong_month(s_left, month):
            continue
        s_right = _plain_words(a.statement[found.end() :])[:ALIGN_WORDS]
        shared = len(set(left) & set(s_left)) + len(set(right) & set(s_right))
        scored[year] = max(scored.get(year, 0), shared)
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    if (
        not ranked
        or ranked[0][1] < MIN_ALIGNED
        or (len(ranked) > 1 and ranked[1][1] == ranked[0][1])
    ):
        return None
    return ranked[0][0]


def _plain_words(text: str) -> list[str]:
    return [w for w in (w.lower() for w in WORD.findall(text)) if w not in ALIGN_SKIP]


def _wrong_month(words: list[str], month: int | None) -> bool:
    """Whether the statement names another month than the gap's cue just before its year."""
    if month is None or not words:
        return False
    try:
        return month_number(words[-1]) != month
    except DateParseError:
        return False


def _evidence(ev: Evidence, near: set[str], index: CheckIndex) -> np.ndarray:
    """Per assertion: the words it shares with the sentence, more with the words next to
    the gap, a bonus when a near word names its predicate, and its subject and object."""
    m = index.matrices
    score = ev.shared / SENTENCE_SHARE
    near_rows = [m.stem_rows[s] for s in near if s in m.stem_rows]
    if near_rows:
        score = score + m.words[near_rows].sum(axis=0)
    predicate_rows = [m.predicate_rows[s] for s in near if s in m.predicate_rows]
    if predicate_rows:
        score = score + PREDICATE_BONUS * m.predicate[predicate_rows].any(axis=0)
    if ev.entity_rows:
        named = (m.subject[ev.entity_rows] + m.object[ev.entity_rows]).any(axis=0)
        score = score + ACTION_BONUS * names_action(ev, index) * named
        score = score + m.subject[ev.entity_rows].sum(axis=0)
        score = score + OBJECT_BONUS * m.object[ev.entity_rows].sum(axis=0)
    return score


def _year(
    a: IndexedAssertion, month: int | None, before: list[str], *, second: bool = False
) -> int | None:
    """The year the assertion gives this gap, or None when its date cannot fit the cue.

    `second`: the gap is the second of a pair ("the years of [1926] and [1927]").
    """
    for bounds in (a.bounds, *a.alternative_bounds):
        if bounds is None:
            continue
        use_end = a.is_interval and (second or _wants_end(before, bounds, month))
        day = bounds[1] - dt.timedelta(days=1) if use_end else bounds[0]
        if month is None or _month_fits(bounds, month, day, a.is_interval):
            return day.year
    return None


def _month_fits(bounds: Bounds, month: int, day: dt.date, is_interval: bool) -> bool:
    if is_interval or (bounds[1] - bounds[0]).days > 366:
        return day.month == month
    last = bounds[1] - dt.timedelta(days=1)
    return bounds[0].month <= month <= last.month or (
        bounds[0].year < last.year and (month >= bounds[0].month or month <= last.month)
    )


def _wants_end(before: list[str], bounds: Bounds, month: int | None) -> bool:
    if before and before[-1] in START_WORDS:
        return False
    if any(w in END_WORDS for w in before):
        return True
    if month is not None:
        last = bounds[1] - dt.timedelta(days=1)
        return last.month == month and bounds[0].month != month
    return False


def _cue_month(cue: str) -> int | None:
    if not cue.startswith("month:"):
        return None
    try:
        return month_number(cue.split(":", 1)[1])
    except DateParseError:
        return None
