"""Name resolution: "koba", "J. V. Stalin", "general-secretary", "Sovnarkom chairman" → an entity.

`resolve` tries, in order (the numbers match the code):

1. names: every name and alias, normalised (`normalise`: case, accents, dots, dashes and
   spaces); a canonical name beats an alias when both match different entities;
2. ids: "general-secretary", also written with spaces ("general secretary");
3. a loose token match: every word of the query appears in one name or the id of the entity.

Several entities at one stage raise AmbiguousNameError with the choices; none at all raises
NotFoundError with near matches (difflib over every name of the kinds asked for).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..errors import AmbiguousNameError, NotFoundError
from .store import KB

# difflib's ratio above which a name is offered as a near match. It offers "Stalin" for
# "Stallin" (0.92) and "Zinoviev" for "Zinovyev" (0.88); difflib's default of 0.6 also
# offered Lenin, by his pseudonym "Tulin" (0.67), for "Stallin".
NEAR_MATCH_CUTOFF = 0.75
NEAR_MATCHES = 5

_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Ref:
    """An entity as the questions name it: its id, kind and canonical name."""

    id: str
    kind: str
    name: str


def normalise(text: str) -> str:
    """Lower case, accents dropped, every run of non-word characters one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", plain).strip()


@dataclass
class _NameIndex:
    """Every name of every entity, normalised once per open KB (the names table is small)."""

    refs: dict[str, Ref] = field(default_factory=dict)
    by_name: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    tokens: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    display: dict[str, list[str]] = field(default_factory=dict)


_INDEXES: weakref.WeakKeyDictionary[KB, _NameIndex] = weakref.WeakKeyDictionary()


def _index(kb: KB) -> _NameIndex:
    index = _INDEXES.get(kb)
    if index is None:
        index = _INDEXES[kb] = _build_index(kb)
    return index


def _build_index(kb: KB) -> _NameIndex:
    index = _NameIndex()
    for row in kb.db.execute("SELECT id, kind, name FROM entities"):
        index.refs[row["id"]] = Ref(row["id"], row["kind"], row["name"])
        index.tokens[row["id"]] = [frozenset(normalise(row["id"]).split())]
    for row in kb.db.execute("SELECT entity_id, name, kind FROM names"):
        norm = normalise(row["name"])
        canonical = row["kind"] == "canonical"
        index.by_name.setdefault(norm, []).append((row["entity_id"], canonical))
        index.tokens[row["entity_id"]].append(frozenset(norm.split()))
        index.display.setdefault(norm, []).append(row["entity_id"])
    return index


def resolve(kb: KB, name: str, *, kinds: Sequence[str] | None = None) -> Ref:
    """The one entity `name` means, among `kinds` (all kinds when None)."""
    index = _index(kb)
    allowed = set(kinds) if kinds else None
    norm = normalise(name)
    for stage in (_by_name, _by_id, _by_tokens):  # 1, 2, 3
        unique = list(dict.fromkeys(stage(index, name, norm, allowed)))
        if len(unique) == 1:
            return unique[0]
        if unique:
            raise AmbiguousNameError(name, [(ref.id, ref.name) for ref in unique])
    raise NotFoundError(
        f"No {_kind_word(kinds)} named '{name}' in the knowledge base.",
        suggestions=_near_matches(index, norm, allowed),
    )


def ref_of(kb: KB, entity_id: str) -> Ref:
    """The Ref of a known id (ids come from the database, so they exist)."""
    return _index(kb).refs[entity_id]


def names_of(kb: KB, entity_id: str) -> list[str]:
    """Every name of an entity as written, canonical first."""
    rows = kb.db.execute(
        "SELECT name FROM names WHERE entity_id = ? ORDER BY kind != 'canonical', rowid",
        (entity_id,),
    )
    return [row["name"] for row in rows]


def _fits(ref: Ref, allowed: set[str] | None) -> bool:
    return allowed is None or ref.kind in allowed


def _by_name(index: _NameIndex, name: str, norm: str, allowed: set[str] | None) -> list[Ref]:
    hits = [
        (i, canonical)
        for i, canonical in index.by_name.get(norm, [])
        if _fits(index.refs[i], allowed)
    ]
    canonical = {entity_id for entity_id, is_canonical in hits if is_canonical}
    chosen = canonical if len(canonical) == 1 else {entity_id for entity_id, _ in hits}
    return [index.refs[entity_id] for entity_id in sorted(chosen)]


def _by_id(index: _NameIndex, name: str, norm: str, allowed: set[str] | None) -> list[Ref]:
    candidates = dict.fromkeys((name.strip().casefold(), norm.replace(" ", "-")))
    return [index.refs[c] for c in candidates if c in index.refs and _fits(index.refs[c], allowed)]


def _by_tokens(index: _NameIndex, name: str, norm: str, allowed: set[str] | None) -> list[Ref]:
    wanted = frozenset(norm.split())
    if not wanted:
        return []
    return [
        index.refs[entity_id]
        for entity_id, token_sets in sorted(index.tokens.items())
        if _fits(index.refs[entity_id], allowed) and any(wanted <= t for t in token_sets)
    ]


def _near_matches(index: _NameIndex, norm: str, allowed: set[str] | None) -> list[str]:
    names = [
        n for n, ids in index.display.items() if any(_fits(index.refs[i], allowed) for i in ids)
    ]
    close = difflib.get_close_matches(norm, names, n=NEAR_MATCHES, cutoff=NEAR_MATCH_CUTOFF)
    refs = (index.refs[i] for n in close for i in index.display[n])
    return _labels(ref for ref in refs if _fits(ref, allowed))


def _labels(refs: Iterable[Ref]) -> list[str]:
    return list(dict.fromkeys(f"{ref.name} ({ref.id})" for ref in refs))


def _kind_word(kinds: Sequence[str] | None) -> str:
    return " or ".join(kinds) if kinds else "entity"
