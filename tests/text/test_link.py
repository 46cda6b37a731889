"""link_mentions: longest names, capitals, glue points, glued names and windows; and the
fast tokeniser and matcher against the plain reading they replaced, on generated text."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from kremlinology.text.link import Mention, NameIndex, link_mentions, tokens

NAMES = [
    ("lenin", "Lenin", "person", "Vladimir Lenin"),
    ("lenin", "Vladimir Lenin", "person", "Vladimir Lenin"),
    ("lenin", "V. I. Lenin", "person", "Vladimir Lenin"),
    ("stalin", "Stalin", "person", "Joseph Stalin"),
    ("zinoviev", "Zinoviev", "person", "Grigory Zinoviev"),
    ("petrograd", "Petrograd", "place", "Petrograd"),
    ("politburo", "Politburo", "body", "Politburo"),
    ("triumvirate", "the triumvirate", "faction", "Triumvirate"),
    ("testament", "Lenin's Testament", "document", "Lenin's Testament"),
    ("party", "Party", "body", "Communist Party"),
    ("party", "the Communist Party", "body", "Communist Party"),
]
INDEX = NameIndex.from_names(iter(NAMES))


def linked(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entity) for m in link_mentions(text, INDEX, start, end)]


def test_link_takes_the_longest_name_first() -> None:
    text = "Vladimir Lenin wrote Lenin's Testament; Lenin died."
    assert linked(text) == [
        ("Vladimir Lenin", "lenin"),
        ("Lenin's Testament", "testament"),
        ("Lenin", "lenin"),
    ]


def test_link_wants_the_capital_of_people_and_places_only() -> None:
    assert linked("lenin and petrograd, the Triumvirate and the triumvirate") == [
        ("the Triumvirate", "triumvirate"),  # bodies and factions are written either way
        ("the triumvirate", "triumvirate"),
    ]


def test_link_skips_generic_single_words_but_not_longer_names() -> None:
    assert linked("the Party and the Communist Party") == [
        ("the Communist Party", "party"),
    ]


def test_link_splits_glue_points_and_glued_names() -> None:
    assert linked("ofZinoviev and PetrogradStalin; Leninwho came") == [
        ("Zinoviev", "zinoviev"),
        ("Petrograd", "petrograd"),
        ("Stalin", "stalin"),
        ("Lenin", "lenin"),
    ]


def test_link_reads_only_the_window_with_offsets_into_the_text() -> None:
    text = "Stalin met Lenin in Petrograd."
    found = link_mentions(text, INDEX, 7, 16)
    assert found == [Mention(11, 16, "lenin", "person")]


def test_tokens_split_at_glue_points_with_offsets() -> None:
    text = "of1924Zinoviev's PetrogradStalin aBcD"
    assert [(t.start, t.end, t.text) for t in tokens(text)] == [
        (0, 2, "of"),
        (6, 14, "Zinoviev"),
        (15, 16, "s"),
        (17, 26, "Petrograd"),
        (26, 32, "Stalin"),
        (33, 34, "a"),
        (34, 36, "Bc"),
        (36, 37, "D"),
    ]


# The plain reading that link_mentions speeds up: every token, every name that starts with
# it in by_first's order.

TOKEN = re.compile(r"[^\W\d_]+")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def plain_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    found = []
    for match in TOKEN.finditer(text, start, end):
        word, offset = match.group(), match.start()
        cuts = [0, *(m.start() for m in CAMEL.finditer(word)), len(word)]
        found += [(offset + a, offset + b, word[a:b]) for a, b in pairwise(cuts)]
    return found


def plain_link(text: str, start: int, end: int) -> list[Mention]:
    toks = plain_tokens(text, start, end)
    mentions, i = [], 0
    while i < len(toks):
        first = toks[i][2]
        for parts, entity, capital in INDEX.by_first.get(first.lower(), ()):
            window = [t[2].lower() for t in toks[i : i + len(parts)]]
            if (not capital or first[:1].isupper()) and tuple(window) == parts:
                end_at = toks[i + len(parts) - 1][1]
                mentions.append(Mention(toks[i][0], end_at, entity, INDEX.kinds[entity]))
                i += len(parts)
                break
        else:
            mentions += link_mentions(text, INDEX, toks[i][0], toks[i][1])  # glued names
            i += 1
    return mentions


WORDS = st.sampled_from(
    "Vladimir vladimir Lenin lenin Lenin's Testament testament the The Communist Party party "
    "Stalin stalin ofZinoviev Zinoviev PetrogradStalin Leninwho Politburo triumvirate "
    "V. I. of in 1924 a aBcD McDonald Ünter straße ΣΑΣ İstanbul".split()
)
TEXTS = st.lists(
    st.tuples(WORDS, st.sampled_from([" ", "", ", ", ". ", "\n", "-", "1924"])),
    max_size=30,
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@given(TEXTS, st.integers(0, 10), st.integers(0, 10))
def test_link_finds_what_the_plain_reading_finds(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    end = max(start, end)
    assert link_mentions(text, INDEX, start, end) == plain_link(text, start, end)


@given(TEXTS, st.integers(0, 10))
def test_tokens_are_the_plain_tokens(text: str, cut: int) -> None:
    start = min(cut, len(text))
    found = [(t.start, t.end, t.text) for t in tokens(text, start)]
    assert found == plain_tokens(text, start, len(text))
