"""Entity linking: mentions of the knowledge base's names -> entity ids.

Stages:
1. `NameIndex.from_kb` reads every name and alias from the KB once (the only place the
   text layer touches the KB);
2. `tokens` splits the text into word tokens, also at glue points ("ofZinoviev" -> "of",
   "Zinoviev"; "Leninwho" -> "Lenin", "who") where stripped numbers glued words together;
3. `link_mentions` matches the longest known name at each token (case matters for names
   written with capitals; possessives fall out of tokenisation: "Stalin's" -> "Stalin").
   What a token can start is read from the index once per distinct token (`_Start`).
Pronouns are resolved in check/, which knows the sentences.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, count, pairwise
from typing import TYPE_CHECKING

from ..kb import KB
from . import words

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

TOKEN = re.compile(r"[^\W\d_]+")
TOKEN_SPLIT = re.compile(r"([^\W\d_]+)")  # separators and tokens, alternating
# A glue point: an upper-case letter after a lower-case one inside a token. Looking behind
# from the capital scans 1 MB in 3 ms, against 7 for "[a-z][A-Z]" (benchmarks/bench_text.py).
GLUE_CAPITAL = re.compile(r"[A-Z](?<=[a-z][A-Z])")
# Single-word aliases that are ordinary nouns of the domain: as a bare word they name
# nothing in particular ("the Party", "a Congress"), so only longer names count for them.
GENERIC = frozenset(
    "party congress conference committee union testament government soviet soviets army "
    "assembly revolution opposition bureau secretariat council republic state letter "
    "commission front war left right centre center bloc group platform".split()
)
# A capitalised token whose prefix is a name and whose rest is a word is split at the name
# ("Leninwho"); the rest must be at least this long to avoid names ending in "a" or "s".
MIN_GLUED_REST = 2
PERSON_KINDS = frozenset({"person"})
# Distinct tokens whose `_Start` is kept: a long corpus has some 100,000 distinct words.
START_CACHE = 1 << 17

# A name: its lower-case tokens, its entity id, and whether it needs its capital.
Entry = tuple[tuple[str, ...], str, bool]
# Names of two tokens or more by their second token: [(tokens, entity id)], longest first.
Longer = dict[str, tuple[tuple[tuple[str, ...], str], ...]]


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Start:
    """What a token can start, in the case it is written in: longer names (in by_first's
    order), the name of the token alone, and for a glued name ("Leninwho") the length of
    the name in it."""

    longer: Longer
    one_token: str | None
    glued: int = 0


@dataclass(frozen=True)
class NameIndex:
    """Names keyed by their first token (lower case): [(tokens, entity id, capitalised)]."""

    by_first: dict[str, tuple[Entry, ...]]
    kinds: dict[str, str]
    display: dict[str, str]
    single: frozenset[str]
    # What each first token starts when capitalised, and when not: "the" starts 27 names,
    # of which the token after it leaves one or two to compare.
    upper_starts: dict[str, _Start] = field(init=False, repr=False, compare=False)
    lower_starts: dict[str, _Start] = field(init=False, repr=False, compare=False)
    # The lower-case single-token names of people, for `is_person` (find_gaps asks it of
    # every rare token).
    people: frozenset[str] = field(init=False, repr=False, compare=False)
    # `_read_start`, cached: texts repeat their words, and a token's answer is its own.
    start_of: _lru_cache_wrapper[_Start | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        upper_starts, lower_starts = {}, {}
        for first, entries in self.by_first.items():
            upper_starts[first] = _start(entries)
            if not all(capital for _, _, capital in entries):
                lower_starts[first] = _start([e for e in entries if not e[2]])
        object.__setattr__(self, "upper_starts", upper_starts)
        object.__setattr__(self, "lower_starts", lower_starts)
        object.__setattr__(self, "people", frozenset(k for k in self.by_first if self._person(k)))
        object.__setattr__(self, "start_of", lru_cache(START_CACHE)(self._read_start))

    @classmethod
    def from_kb(cls, kb: KB) -> NameIndex:
        rows = kb.db.execute(
            "SELECT n.entity_id, n.name, e.kind, e.name FROM names n JOIN entities e "
            "ON e.id = n.entity_id"
        ).fetchall()
        return cls.from_names((r[0], r[1], r[2], r[3]) for r in rows)

    @classmethod
    def from_names(cls, rows: Iterator[tuple[str, str, str, str]]) -> NameIndex:
        grouped: dict[str, list[Entry]] = defaultdict(list)
        kinds: dict[str, str] = {}
        display: dict[str, str] = {}
        for entity, name, kind, canonical in rows:
            kinds[entity], display[entity] = kind, canonical
            parts = tuple(t.lower() for t in TOKEN.findall(name))
            if not parts or (len(parts) == 1 and (parts[0] in GENERIC or len(parts[0]) < 3)):
                continue
            # Names of people and places need their capital ("Lenin", not "lenin" the word);
            # names of factions and bodies are written either way ("the triumvirate").
            capital = name[:1].isupper() and kind in ("person", "place")
            entry = (parts, entity, capital)
            if entry not in grouped[parts[0]]:
                grouped[parts[0]].append(entry)
        single = frozenset(k for k, v in grouped.items() if any(len(p) == 1 for p, _, _ in v))
        return cls(
            {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in grouped.items()},
            kinds,
            display,
            single,
        )

    def is_person(self, name: str) -> bool:
        """Whether `name` is a known single-token name of a person (for gaps.find_gaps)."""
        return name.lower() in self.people

    def _person(self, key: str) -> bool:
        kinds = {self.kinds.get(e) for p, e, _ in self.by_first[key] if len(p) == 1}
        return bool(kinds & PERSON_KINDS) and "place" not in kinds

    def _read_start(self, token: str) -> _Start | None:
        """What `token` can start: names if it is their first token in this case, else a
        glued name if it is capitalised ("Leninwho"), else nothing."""
        lower = token.lower()
        if not token[:1].isupper():
            return self.lower_starts.get(lower)
        if lower in self.upper_starts:
            return self.upper_starts[lower]
        cut = _glued_cut(token, self.single)
        if cut is None:
            return None
        head = token[:cut].lower()
        return _Start({}, next(e for p, e, _ in self.by_first[head] if len(p) == 1), cut)


def _start(entries: list[Entry] | tuple[Entry, ...]) -> _Start:
    """The `_Start` of a first token's `entries` (those allowed in one case)."""
    longer: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for parts, entity, _ in entries:
        if len(parts) > 1:
            longer[parts[1]].append((parts, entity))
    one_token = next((entity for parts, entity, _ in entries if len(parts) == 1), None)
    return _Start({k: tuple(v) for k, v in longer.items()}, one_token)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of text[start:end], split at glue points."""
    parts = _parts(text, start, len(text) if end is None else end)
    offsets = list(accumulate(map(len, parts), initial=start))
    return [Token(offsets[i], offsets[i + 1], parts[i]) for i in range(1, len(parts), 2)]


def _parts(text: str, start: int, end: int) -> list[str]:
    """Separators and tokens of text[start:end], alternating: token i is part 2 * i + 1.

    One regex split finds the tokens; glue points are rare (about one a page), so the text
    is cut at them first and the pieces' parts joined: a piece before a glue point ends in
    a letter, so its last separator is empty and stands for the one between the tokens.
    """
    cuts = [start, *(m.start() for m in GLUE_CAPITAL.finditer(text, start, end)), end]
    parts = TOKEN_SPLIT.split(text[start : cuts[1]])
    for piece_start, piece_end in pairwise(cuts[1:]):
        parts[-1:] = TOKEN_SPLIT.split(text[piece_start:piece_end])
    return parts


def link_mentions(
    text: str, index: NameIndex, start: int = 0, end: int | None = None
) -> list[Mention]:
    """Every known name in text[start:end], longest match first, left to right.

    1. each token's `_Start` (one cached call a token: names, a glued name or nothing);
    2. at each token that starts something and is not inside a name found, the longest.
    """
    parts = _parts(text, start, len(text) if end is None else end)
    toks = parts[1::2]
    starts = list(map(index.start_of, toks))
    offsets = list(accumulate(map(len, parts), initial=start))
    mentions: list[Mention] = []
    free = 0  # the first token not inside a name found
    for i in compress(count(), starts):
        first = starts[i]
        if i < free or first is None:
            continue
        length, entity = 1, first.one_token
        # Only the longer names whose second token follows can match: 11,000 of the
        # corpus's 57,000 starts, so the others make no call.
        if first.longer and i + 1 < len(toks):
            entries = first.longer.get(toks[i + 1].lower())
            if entries is not None:
                length, entity = _longest(toks, i, entries, entity)
        if entity is None:
            continue
        start_at = offsets[2 * i + 1]
        if first.glued:
            end_at = start_at + first.glued  # the name only: "Lenin" in "Leninwho"
        else:
            end_at, free = offsets[2 * (i + length)], i + length
        mentions.append(Mention(start_at, end_at, entity, index.kinds[entity]))
    return mentions


def _longest(
    toks: list[str], i: int, entries: tuple[tuple[tuple[str, ...], str], ...], alone: str | None
) -> tuple[int, str | None]:
    """The first of `entries` (longest first) that the tokens from i spell, as (number of
    tokens, entity); else token i alone, the entity `alone` names."""
    window = tuple(map(str.lower, toks[i : i + len(entries[0][0])]))
    for parts, entity in entries:
        if window[: len(parts)] == parts:
            return len(parts), entity
    return 1, alone


def _glued_cut(word: str, single: frozenset[str]) -> int | None:
    """Where a capitalised `word` splits into a one-word name of `single` and a word
    ("Leninwho" -> 5), or None."""
    for cut in range(len(word) - MIN_GLUED_REST, 2, -1):
        head, rest = word[:cut].lower(), word[cut:]
        if head in single and rest.islower() and words.is_word(rest):
            return cut
    return None
