"""Who held an office: a sentence that gives a post to someone who never held it.

"Trotsky was the first chairman of the Council of People's Commissars" ties a person to an
office with a holding word (was, became, as, named, headed...). "Rykov headed the Communist
International" and "with Stalin as its chairman" tie a person to the head office of a body.
When the knowledge base lists the office's holders (`held_office` assertions) and the
person is not among them at any time, the sentence is contradicted; the correction names
the holder at the sentence's date, the first one for "first", else every holder.
A person who held the office at another time is left to the date rules of `verdict`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import bounds_overlap
from .document import Sentence
from .index import CheckIndex, IndexedAssertion

# Words between a person and an office that say the person held it.
HOLDING = re.compile(
    r"\b(?:was|were|is|became|becomes|become|as|named|appointed|elected|made|served|"
    r"remained|succeeded|headed|heads|chaired|led)\b",
    re.I,
)
# Words that make a body's name stand for its head office ("headed the Comintern").
HEADING = re.compile(r"\b(?:headed|heads|chaired|led|leads|head|chairman|chair|president)\b", re.I)
# "..., with Stalin as its chairman": the head of the body named before the person.
AS_HEAD = re.compile(r"\s*as\s+(?:its|the)\s+(?:chairman|chair|head|leader|president)\b", re.I)
# At most this many characters between the person and the office they are given.
REACH = 60
CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:who|which|that|whom|whose|asked|wanted)\b", re.I)
FIRST = re.compile(r"\bfirst\b", re.I)


@dataclass(frozen=True)
class Misassigned:
    """An office given to someone who never held it, with who did."""

    person: str
    office: str
    correction: str
    holders: tuple[IndexedAssertion, ...]


def misassigned_office(sent: Sentence, index: CheckIndex) -> Misassigned | None:
    """The first office of the sentence given to a person the knowledge base never lists."""
    for person, office in _claimed_holders(sent, index):
        holders = index.holders.get(office, ())
        if not holders or person in {h.subject for h in holders}:
            continue
        chosen = _holders_meant(sent, holders)
        names = "; ".join(_holder_name(h, index) for h in chosen)
        return Misassigned(person, office, names, chosen)
    return None


def _claimed_holders(sent: Sentence, index: CheckIndex) -> list[tuple[str, str]]:
    """(person, office) pairs the sentence states: the person named nearest before the
    office (or "he" at the start, for the person carried from context), tied to it by a
    holding word."""
    kinds = index.names.kinds
    people = [m for m in sent.mentions if kinds.get(m.entity) == "person"]
    pairs: list[tuple[str, str]] = []
    for m in sent.mentions:
        offices: tuple[str, ...]
        if kinds.get(m.entity) == "office":
            offices, words = (m.entity,), HOLDING
        else:
            offices, words = index.head_offices.get(m.entity, ()), HEADING
        # "Stalin stepped into Lenin's chair": a name in the possessive holds nothing.
        before = [p for p in people if p.end <= m.start and not _possessive(sent, p.end)]
        holder, edge = (before[-1].entity, before[-1].end) if before else (None, sent.start)
        if holder is None and _starts_with_pronoun(sent):
            holder = sent.coref
        if offices and holder and _ties(sent.text[edge - sent.start : m.start - sent.start], words):
            pairs.extend((holder, o) for o in offices)
    pairs.extend(_as_head(sent, index))
    return pairs


def _ties(between: str, words: re.Pattern[str]) -> bool:
    """Whether the words between a person and an office make the person its holder: short,
    with a holding word and no clause break ("Lenin, who was ill, asked for another General
    Secretary" gives Lenin no post)."""
    return (
        len(between) <= REACH and not CLAUSE_BREAK.search(between) and bool(words.search(between))
    )


def _as_head(sent: Sentence, index: CheckIndex) -> list[tuple[str, str]]:
    """ "..., with Stalin as its chairman": the person and the head office of the last body
    named before them."""
    kinds = index.names.kinds
    found: list[tuple[str, str]] = []
    for i, m in enumerate(sent.mentions):
        if kinds.get(m.entity) != "person":
            continue
        if not AS_HEAD.match(sent.text, m.end - sent.start):
            continue
        bodies = [b for b in sent.mentions[:i] if b.entity in index.head_offices]
        if bodies:
            found.extend((m.entity, o) for o in index.head_offices[bodies[-1].entity])
    return found


def _possessive(sent: Sentence, end: int) -> bool:
    return sent.text.startswith(("'s", "\u2019s"), end - sent.start)


def _starts_with_pronoun(sent: Sentence) -> bool:
    return sent.text.lstrip().lower().startswith(("he ", "she "))


def _holders_meant(
    sent: Sentence, holders: tuple[IndexedAssertion, ...]
) -> tuple[IndexedAssertion, ...]:
    """The holder(s) the sentence should have named: at its date, the first, or all."""
    dated = sorted((h for h in holders if h.bounds), key=lambda h: h.bounds or (dt.date.min,))
    written = [m.date.bounds() for m in sent.dates if not m.year_carried]
    if written:
        at = tuple(
            h for h in dated if any(h.bounds and bounds_overlap(w, h.bounds) for w in written)
        )
        if at:
            return at
    if FIRST.search(sent.text) and dated:
        return (dated[0],)
    return tuple(dated) or holders


def _holder_name(h: IndexedAssertion, index: CheckIndex) -> str:
    name = index.names.display.get(h.subject, h.subject)
    years = h.years()
    if years is None:
        return name
    first, last = years
    return f"{name} ({first}–{last})" if first != last else f"{name} ({first})"
