"""The checker: text -> Report, in numbered steps.

1. split sentences; mark boilerplate and the text's own doubt markers;
2. find stripped-number gaps;
3. per sentence, in reading order: link names (and carry "he" to the last person named),
   ground dates (carrying the year), match candidate assertions, restore the sentence's
   gaps, decide the verdict;
4. assemble clean_text (content only, restored numbers in, glued words apart) and the report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import partial

from ..kb import KB
from ..text.clean import Boilerplate, Doubt, find_doubts, mark_boilerplate
from ..text.gaps import Gap, find_gaps
from ..text.ground import scan_dates
from ..text.link import Mention, link_mentions
from ..text.sentences import split_sentences
from .document import Sentence
from .index import CheckIndex, index_for
from .match import match_claims
from .report import BoilerplateSpan, Claim, Fact, Report, Restoration
from .restore import restore_gaps
from .verdict import Verdict, decide_verdict

# A sentence is boilerplate when boilerplate spans cover at least this share of it.
BOILERPLATE_SHARE = 0.8
PRONOUN = re.compile(r"\b(?:he|his|him)\b", re.I)


def check(text: str, *, kb: KB, source: str = "-", site_lines: Sequence[str] = ()) -> Report:
    """Check a decoded text against the knowledge base (see the module docstring)."""
    index = index_for(kb)
    spans = split_sentences(text)
    boilerplate = mark_boilerplate(text, spans, site_lines=site_lines)
    doubts = find_doubts(text)
    gaps = find_gaps(text, spans, is_name=index.names.is_person)
    mentions = Mentions(link_mentions(text, index.names))
    sentences = _sentences(text, spans, boilerplate, doubts, gaps)
    restorations = _restore(text, sentences, mentions, index)
    clauses = _sentences(
        text, split_at_stripped_boundaries(text, spans, gaps), boilerplate, doubts, gaps
    )
    claims = _judge(text, clauses, restorations, mentions, index)
    return Report(
        source=source,
        kb_version=kb.version,
        text=text,
        clean_text=clean_text(text, boilerplate, restorations, gaps),
        claims=tuple(claims),
        restorations=tuple(restorations),
        boilerplate=tuple(BoilerplateSpan(b.start, b.end, b.kind) for b in boilerplate),
    )


def split_at_stripped_boundaries(
    text: str, spans: list[tuple[int, int]], gaps: Sequence[Gap]
) -> list[tuple[int, int]]:
    """Split sentences where a stripped year took the full stop or comma with it.

    "Lenin died on 21 January Stalin was given..." holds two claims: a year gap followed by
    a capitalised word ends the first.
    """
    cuts = sorted(g.at for g in gaps if g.kind in ("year", "range") and _capital_after(text, g.at))
    found: list[tuple[int, int]] = []
    for start, end in spans:
        inside = [c for c in cuts if start < c < end]
        for a, b in zip([start, *inside], [*inside, end], strict=True):
            a, b = _trim(text, a, b)
            if a < b:
                found.append((a, b))
    return found


def _capital_after(text: str, at: int) -> bool:
    rest = text[at : at + 3].lstrip(" ,")
    return bool(rest) and rest[0].isupper()


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,":
        a += 1
    while b > a and text[b - 1] == " ":
        b -= 1
    return a, b


def _sentences(
    text: str,
    spans: list[tuple[int, int]],
    boilerplate: Sequence[Boilerplate],
    doubts: Sequence[Doubt],
    gaps: list[Gap],
) -> list[Sentence]:
    found = []
    gap_ats = [g.at for g in gaps]  # gaps come in text order
    doubt_starts = sorted(d.start for d in doubts)
    for start, end in spans:
        sent = Sentence(start, end, text[start:end])
        sent.alone_on_line = _line_edge(text, start - 1, -1) and _line_edge(text, end, 1)
        sent.boilerplate = _boilerplate_kind(start, end, boilerplate)
        sent.doubt = bisect.bisect_left(doubt_starts, start) < bisect.bisect_left(doubt_starts, end)
        sent.gaps = gaps[bisect.bisect_right(gap_ats, start) : bisect.bisect_right(gap_ats, end)]
        found.append(sent)
    return found


def _line_edge(text: str, at: int, step: int) -> bool:
    """Whether only spaces lie between `at` and a line break (or the text's edge)."""
    while 0 <= at < len(text) and text[at] == " ":
        at += step
    return at < 0 or at >= len(text) or text[at] == "\n"


def _boilerplate_kind(start: int, end: int, boilerplate: Sequence[Boilerplate]) -> str | None:
    """The kind of boilerplate covering the sentence, if it covers most of it (the spans
    are sorted and disjoint, as mark_boilerplate gives them)."""
    covered, kind = 0, None
    first = bisect.bisect_right(boilerplate, start, key=lambda b: b.end)
    last = bisect.bisect_left(boilerplate, end, key=lambda b: b.start)
    for b in boilerplate[first:last]:
        overlap = min(end, b.end) - max(start, b.start)
        if overlap > 0:
            covered += overlap
            kind = b.kind
    return kind if covered >= BOILERPLATE_SHARE * (end - start) else None


class Mentions:
    """The text's name mentions, linked once, handed out by sentence."""

    def __init__(self, found: list[Mention]) -> None:
        self.found = found
        self.starts = [m.start for m in found]

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, lo=i)
        return [m for m in self.found[i:j] if m.end <= end]


def _restore(
    text: str, sentences: list[Sentence], mentions: Mentions, index: CheckIndex
) -> list[Restoration]:
    """Step 3a: restore gaps sentence by sentence, with the whole sentence as context."""
    restorations: list[Restoration] = []
    last_person: str | None = None
    for sent in sentences:
        if sent.boilerplate in ("heading", "site", "markup", "byline"):
            continue
        _link(sent, mentions, last_person)
        restorations.extend(restore_gaps(sent, text, index))
        last_person = _first_person(sent) or last_person
    return restorations


def _link(sent: Sentence, mentions: Mentions, last_person: str | None) -> None:
    sent.mentions = mentions.within(sent.start, sent.end)
    sent.coref = _coref(sent, last_person)


def _judge(
    text: str,
    clauses: list[Sentence],
    restorations: list[Restoration],
    mentions: Mentions,
    index: CheckIndex,
) -> list[Claim]:
    """Step 3b: ground dates (carrying the year within a paragraph) and decide each clause."""
    claims: list[Claim] = []
    restored = {r.at: int(r.value) for r in restorations if r.value.isdigit()}
    year: int | None = None
    last_person: str | None = None
    previous_end = 0
    for sent in clauses:
        if "\n\n" in text[previous_end : sent.start]:
            year = None  # a year carries within a paragraph, not across
        previous_end = sent.end
        if sent.boilerplate is None:
            _link(sent, mentions, last_person)
            sent.dates, sent.month_days = scan_dates(text, sent.start, sent.end, year=year)
            year = _last_year(sent, restored, year)
            last_person = _first_person(sent) or last_person
        verdict = decide_verdict(sent, partial(match_claims, sent, index), index)
        claims.append(_claim(sent, verdict))
    return claims


def _coref(sent: Sentence, last_person: str | None) -> str | None:
    people = sent.people()
    if last_person and PRONOUN.search(sent.text) and last_person not in people:
        first_word = sent.text.split(maxsplit=1)[0].lower() if sent.text.split() else ""
        if not people or first_word in ("he", "his"):
            return last_person
    return None


def _first_person(sent: Sentence) -> str | None:
    people = sent.people()
    return people[0] if people else sent.coref


def _last_year(sent: Sentence, restored: dict[int, int], year: int | None) -> int | None:
    written = [(d.start, d.date.year) for d in sent.dates if not d.year_carried]
    values = [(at, y) for at, y in restored.items() if sent.start < at <= sent.end]
    found = sorted([*written, *values])
    return found[-1][1] if found else year


def _claim(sent: Sentence, verdict: Verdict) -> Claim:
    v = verdict
    facts = tuple(Fact(a.id, a.statement, a.iso, a.sources) for a in v.assertions)
    return Claim(
        sent.start,
        sent.end,
        sent.text,
        v.kind,
        v.correction,
        v.explanation,
        facts,
    )


def clean_text(
    text: str,
    boilerplate: Sequence[Boilerplate],
    restorations: Sequence[Restoration],
    gaps: Sequence[Gap],
) -> str:
    """The content with boilerplate removed, restored numbers inserted, glued words apart."""
    inserts: dict[int, str] = {g.at: "" for g in gaps if g.glued is not None}
    for r in restorations:
        inserts[r.at] = r.value
    skip = sorted((b.start, b.end) for b in boilerplate)
    pieces: list[str] = []
    pos = 0
    for start, end in skip + [(len(text), len(text))]:
        pieces.append(_with_inserts(text, pos, max(pos, start), inserts))
        pos = max(pos, end)
    cleaned = "".join(pieces)
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]{2,}", " ", cleaned)).strip() + "\n"


def _with_inserts(text: str, start: int, end: int, inserts: dict[int, str]) -> str:
    out: list[str] = []
    pos = start
    for at in sorted(a for a in inserts if start <= a < end or (a == end and a > start)):
        out.append(text[pos:at])
        value = inserts[at]
        left = " " if at > 0 and not text[at - 1].isspace() else ""
        right = " " if at < len(text) and not text[at].isspace() else ""
        out.append(f"{left}{value}{right}" if value else (" " if left and right else ""))
        pos = at
    out.append(text[pos:end])
    return "".join(out)
