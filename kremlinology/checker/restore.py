"""Restoration: each stripped-number gap gets a value from the facts its clause matches.

For a gap, the candidates are the assertions about the sentence's entities; each is scored
on the clause around the gap (the words nearest the gap decide between "from [1922]" and
"his death in [1953]"), and must agree with the gap's cue (a month before the gap must be
the assertion's month). An interval gives its first year after "from"/"since", its last
after "until"/"to" or where the clause speaks of an end.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.gaps import Gap
from .document import Sentence
from .index import WORD, CheckIndex, IndexedAssertion, stems
from .report import Restoration

# How many characters of context on each side of a gap make its clause.
CLAUSE_CHARS = 60
# A restoration needs this much evidence (clause score) to be made at all: below it, a
# wrong number is likelier than a right one, and an empty gap is the honest answer.
MIN_EVIDENCE = 1.0
END_WORDS = frozenset({"until", "till", "to", "death", "died", "end", "out", "expelled",
                       "removed", "split", "broke"})
START_WORDS = frozenset({"from", "since", "began", "became", "formed", "founded"})
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Choice:
    value: str
    assertion: IndexedAssertion
    confidence: float


def restore_gaps(sent: Sentence, text: str, index: CheckIndex) -> list[Restoration]:
    """A restoration for each year gap of the sentence that the facts can decide."""
    found: list[Restoration] = []
    for gap in sent.gaps:
        if gap.kind not in ("year", "range"):
            continue
        choice = _choose(gap, sent, text, index)
        if choice is not None:
            found.append(Restoration(gap.at, choice.value, choice.assertion.id,
                                     round(choice.confidence, 2)))
    return found


def _choose(gap: Gap, sent: Sentence, text: str, index: CheckIndex) -> Choice | None:
    before = text[max(sent.start, gap.at - CLAUSE_CHARS) : gap.at]
    after = text[gap.at : min(sent.end, gap.at + CLAUSE_CHARS // 2)]
    near = WORD.findall(before)[-4:]
    clause = set(stems(WORD.findall(before) + WORD.findall(after)))
    month = _cue_month(gap.cue)
    best: tuple[float, IndexedAssertion, int] | None = None
    ids = {aid for e in sent.entities for aid in index.by_entity.get(e, ())}
    for aid in sorted(ids):
        a = index.assertions[aid]
        scored = _score(a, clause, near, month, sent, index)
        if scored is not None and (best is None or scored[0] > best[0]):
            best = (scored[0], a, scored[1])
    if best is None or best[0] < MIN_EVIDENCE:
        return None
    confidence = min(0.95, 0.4 + best[0] / 6) * gap.confidence
    return Choice(str(best[2]), best[1], confidence)


def _score(a: IndexedAssertion, clause: set[str], near: list[str], month: int | None,
           sent: Sentence, index: CheckIndex) -> tuple[float, int] | None:
    years = a.years()
    if years is None or a.bounds is None:
        return None
    use_end = a.is_interval and _wants_end(near, a, month)
    if month is not None:
        day = a.bounds[1] if use_end else a.bounds[0]
        if use_end:
            day = day.fromordinal(day.toordinal() - 1)
        if day.month != month or (a.bounds[1] - a.bounds[0]).days > 62 and not a.is_interval:
            return None
    shared = a.stems & clause
    score = sum(index.weight(s) for s in shared) / 3
    score += 1.0 if a.subject in sent.entities else 0.0
    score += 0.5 if month is not None else 0.0
    return score, years[1] if use_end else years[0]


def _wants_end(near: list[str], a: IndexedAssertion, month: int | None) -> bool:
    lowered = [w.lower() for w in near]
    if any(w in START_WORDS for w in lowered[-1:]):
        return False
    if any(w in END_WORDS for w in lowered):
        return True
    if month is not None and a.bounds is not None:
        last = a.bounds[1].fromordinal(a.bounds[1].toordinal() - 1)
        return last.month == month and a.bounds[0].month != month
    return False


def _cue_month(cue: str) -> int | None:
    if not cue.startswith("month:"):
        return None
    name = cue.split(":", 1)[1][:3].lower()
    return MONTHS.index(name) + 1 if name in MONTHS else None
