"""Entity linking: mentions of the knowledge base's names -> entity ids.

Stages:
1. `NameIndex.from_kb` reads every name and alias from the KB once (the only place the
   text layer touches the KB);
2. `tokens` splits the text into word tokens, also at glue points ("ofZinoviev" -> "of",
   "Zinoviev"; "Leninwho" -> "Lenin", "who") where stripped numbers glued words together;
3. `link_mentions` matches the longest known name at each token (case matters for names
   written with capitals; possessives fall out of tokenisation: "Stalin's" -> "Stalin").
Pronouns are resolved in check/, which knows the sentences.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from ..kb import KB
from . import words

TOKEN = re.compile(r"[^\W\d_]+")
TOKEN_SPLIT = re.compile(r"([^\W\d_]+)")  # separators and tokens, alternating
# A lower-case letter followed by an upper-case one inside a token is a glue point.
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Where a glue point is: an upper-case letter after a lower-case one. Looking behind from
# the capital scans 1 MB in 3 ms, against 7 for "[a-z][A-Z]" (benchmarks/bench_text.py).
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

# A name: its lower-case tokens, its entity id, and whether it needs its capital.
Entry = tuple[tuple[str, ...], str, bool]
# A first token's names of two tokens or more by their second token (in by_first's order),
# then the entity of its first one-token name when the token is capitalised, and when not.
SecondLevel = tuple[dict[str, tuple[Entry, ...]], str | None, str | None]


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


@dataclass(frozen=True)
class NameIndex:
    """Names keyed by their first token (lower case): [(tokens, entity id, capitalised)]."""

    by_first: dict[str, tuple[Entry, ...]]
    kinds: dict[str, str]
    display: dict[str, str]
    single: frozenset[str]
    # by_first split by second token, for `link_mentions`: "the" starts 27 names, of which
    # the token after it leaves one or two to compare.
    by_second: dict[str, SecondLevel] = field(init=False, repr=False, compare=False)
    # The lower-case single-token names of people, for `is_person` (find_gaps asks it of
    # every rare token).
    people: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_second: dict[str, SecondLevel] = {}
        for first, entries in self.by_first.items():
            longer: dict[str, list[Entry]] = defaultdict(list)
            for entry in entries:
                if len(entry[0]) > 1:
                    longer[entry[0][1]].append(entry)
            one_token = [(e, capital) for p, e, capital in entries if len(p) == 1]
            if_upper = next((e for e, _ in one_token), None)
            if_lower = next((e for e, capital in one_token if not capital), None)
            by_second[first] = ({k: tuple(v) for k, v in longer.items()}, if_upper, if_lower)
        object.__setattr__(self, "by_second", by_second)
        object.__setattr__(self, "people", frozenset(k for k in self.by_first if self._person(k)))

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


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of text[start:end], split at glue points."""
    toks, offsets = _words(text, start, len(text) if end is None else end)
    return [Token(offsets[2 * i + 1], offsets[2 * i + 2], t) for i, t in enumerate(toks)]


def _words(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """The tokens of text[start:end], and offsets such that token i is
    text[offsets[2 * i + 1] : offsets[2 * i + 2]]: no Token objects, for `link_mentions`.

    One regex split finds the tokens; glue points are rare (about one a page), so only the
    tokens that hold one are cut, found from the points' offsets (benchmarks/bench_text.py).
    """
    parts = TOKEN_SPLIT.split(text[start:end])
    points = [m.start() for m in GLUE_CAPITAL.finditer(text, start, end)]
    if points:
        parts = _cut_at_glue(parts, [p - start for p in points])
    return parts[1::2], list(accumulate(map(len, parts), initial=start))


def _cut_at_glue(parts: list[str], points: list[int]) -> list[str]:
    """Split the tokens of TOKEN_SPLIT's `parts` that hold a glue point (an offset into
    the joined parts); the pieces of a token are kept apart by empty separators."""
    offsets = list(accumulate(map(len, parts), initial=0))
    cut: list[str] = []
    done = 0
    # A glue point follows a lower-case letter of its token, so it lies strictly inside one.
    for k in sorted({bisect.bisect_right(offsets, p) - 1 for p in points}):
        cut.extend(parts[done:k])
        for n, piece in enumerate(CAMEL.split(parts[k])):
            cut.extend((piece,) if n == 0 else ("", piece))
        done = k + 1
    cut.extend(parts[done:])
    return cut


def link_mentions(
    text: str, index: NameIndex, start: int = 0, end: int | None = None
) -> list[Mention]:
    """Every known name in text[start:end], longest match first, left to right."""
    toks, offsets = _words(text, start, len(text) if end is None else end)
    lowers = tuple(map(str.lower, toks))
    by_second = index.by_second
    # Most tokens neither start a name nor have a capital: a comprehension skips them.
    pairs = enumerate(zip(toks, lowers, strict=True))
    candidates = [i for i, (tok, low) in pairs if low in by_second or tok[:1].isupper()]
    mentions: list[Mention] = []
    free = 0  # the first token not inside a name found
    for i in candidates:
        if i < free:
            continue
        node = by_second.get(lowers[i])
        if node is None:
            glued = _glued_name(toks[i], offsets[2 * i + 1], index)
            if glued is not None:
                mentions.append(glued)
        elif (found := _match_at(toks, lowers, i, node)) is not None:
            length, entity = found
            start_at, end_at = offsets[2 * i + 1], offsets[2 * (i + length)]
            mentions.append(Mention(start_at, end_at, entity, index.kinds[entity]))
            free = i + length
    return mentions


def _match_at(
    toks: list[str], lowers: tuple[str, ...], i: int, node: SecondLevel
) -> tuple[int, str] | None:
    """The longest name at token i: of those that start with it, only the ones whose
    second token follows can match, else a one-token name (by_first's order)."""
    by_second, if_upper, if_lower = node
    upper = toks[i][:1].isupper()
    if i + 1 < len(lowers):
        for parts, entity, capital in by_second.get(lowers[i + 1], ()):
            if (upper or not capital) and lowers[i : i + len(parts)] == parts:
                return len(parts), entity
    one_token = if_upper if upper else if_lower
    return None if one_token is None else (1, one_token)


def _glued_name(word: str, offset: int, index: NameIndex) -> Mention | None:
    """A capitalised token made of a one-word name and a word: "Leninwho" -> Lenin."""
    if not word[:1].isupper() or word.lower() in index.by_first:
        return None
    for cut in range(len(word) - MIN_GLUED_REST, 2, -1):
        head, rest = word[:cut].lower(), word[cut:]
        if head in index.single and rest.islower() and words.is_word(rest):
            entity = next(e for p, e, _ in index.by_first[head] if len(p) == 1)
            return Mention(offset, offset + cut, entity, index.kinds[entity])
    return None
