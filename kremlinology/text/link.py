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

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..kb import KB
from . import words

TOKEN = re.compile(r"[^\W\d_]+")
# A lower-case letter followed by an upper-case one inside a token is a glue point.
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
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

    by_first: dict[str, tuple[tuple[tuple[str, ...], str, bool], ...]]
    kinds: dict[str, str]
    display: dict[str, str]
    single: frozenset[str]

    @classmethod
    def from_kb(cls, kb: KB) -> NameIndex:
        rows = kb.db.execute(
            "SELECT n.entity_id, n.name, e.kind, e.name FROM names n JOIN entities e "
            "ON e.id = n.entity_id"
        ).fetchall()
        return cls.from_names((r[0], r[1], r[2], r[3]) for r in rows)

    @classmethod
    def from_names(cls, rows: Iterator[tuple[str, str, str, str]]) -> NameIndex:
        grouped: dict[str, list[tuple[tuple[str, ...], str, bool]]] = defaultdict(list)
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
        kinds = {
            self.kinds.get(e) for p, e, _ in self.by_first.get(name.lower(), ()) if len(p) == 1
        }
        return bool(kinds & PERSON_KINDS) and "place" not in kinds


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of text[start:end], split at glue points."""
    found: list[Token] = []
    for match in TOKEN.finditer(text, start, len(text) if end is None else end):
        found.extend(_split_camel(match.group(), match.start()))
    return found


def _split_camel(word: str, offset: int) -> Iterator[Token]:
    cuts = [0, *(m.start() for m in CAMEL.finditer(word)), len(word)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        yield Token(offset + a, offset + b, word[a:b])


def link_mentions(
    text: str, index: NameIndex, start: int = 0, end: int | None = None
) -> list[Mention]:
    """Every known name in text[start:end], longest match first, left to right."""
    toks = tokens(text, start, end)
    mentions: list[Mention] = []
    i = 0
    while i < len(toks):
        found = _match_at(toks, i, index)
        if found is None:
            glued = _glued_name(toks[i], index)
            if glued is not None:
                mentions.append(glued)
            i += 1
            continue
        length, entity = found
        mentions.append(
            Mention(toks[i].start, toks[i + length - 1].end, entity, index.kinds[entity])
        )
        i += length
    return mentions


def _match_at(toks: list[Token], i: int, index: NameIndex) -> tuple[int, str] | None:
    first = toks[i].text
    for parts, entity, capital in index.by_first.get(first.lower(), ()):
        if capital and not first[:1].isupper():
            continue
        window = toks[i : i + len(parts)]
        if len(window) == len(parts) and all(
            t.text.lower() == p for t, p in zip(window, parts, strict=True)
        ):
            return len(parts), entity
    return None


def _glued_name(token: Token, index: NameIndex) -> Mention | None:
    """A capitalised token made of a one-word name and a word: "Leninwho" -> Lenin."""
    word = token.text
    if not word[:1].isupper() or word.lower() in index.by_first:
        return None
    for cut in range(len(word) - MIN_GLUED_REST, 2, -1):
        head, rest = word[:cut].lower(), word[cut:]
        if head in index.single and rest.islower() and words.is_word(rest):
            entity = next(e for p, e, _ in index.by_first[head] if len(p) == 1)
            return Mention(token.start, token.start + cut, entity, index.kinds[entity])
    return None
