"""The English word list used to tell real words from glued ones.

It is wordninja's list (a PyPI package we depend on): 126,000 lower-case words ranked by
frequency in English Wikipedia, loaded once on first use. We read its file directly rather
than `import wordninja`, which builds a language model at import time that we do not use.
A word's cost is wordninja's: log(rank * log(N)), Zipf's law, so rare words cost more.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

# A glued token is split in two only when both parts are at least this long: one-letter
# parts ("a", "s", "i") make almost any string splittable.
MIN_PART = 2

# A part of a split must be among the most frequent words: the list's tail holds junk such
# as "inthe" (rank 53,650) and fragments ("ilov", "skaya") that let Russian names split.
# 40,000 keeps "petrograd" (22,841) and "politburo" (46,165 is out: such names are
# recognised by `is_name` in gaps.py instead).
MAX_PART_RANK = 40_000

# The split must be this much cheaper than the whole token: "inthe" costs 13.3 whole and
# 6.0 as "in the"; "another" costs 7.5 whole and 12.2 as "an other", "maybe" 10.6 and 11.9.
SPLIT_MARGIN = 2.0

# Surname particles: "McDonald", "DeGaulle", "LaGuardia" change case but are not glued.
NAME_PARTICLES = frozenset("mc mac de di da du la le van von der del st al el ibn bin".split())
# The word after a cut footnote marker or year is mostly a function word: "who", "and",
# "held", "it". The 1,000 most frequent words cover them and keep "Tom|sky" out (sky: 1,778).
FUNCTION_RANK = 1000
# A function tail is at least this long: "Put|in", "Kalin|in" are names, not glue.
MIN_TAIL = 3
CASE_CHANGE = re.compile(r"[a-z][A-Z]")


@cache
def _ranks() -> dict[str, int]:
    with gzip.open(_word_file()) as stream:
        words = stream.read().decode("utf-8").split()
    return {word: rank for rank, word in enumerate(words, start=1)}


@cache
def frequent_words() -> frozenset[str]:
    """The words ranked within MAX_PART_RANK: real words, never glued ones."""
    return frozenset(word for word, found in _ranks().items() if found <= MAX_PART_RANK)


@cache
def frequent_forms() -> frozenset[str]:
    """The frequent words as running text mostly writes them, in lower case and capitalised
    ("the", "The"), made of letters only: each is one whole token in gaps.TOKEN's sense."""
    frequent = frequent_words()
    letters = [word for word in frequent if word.isalpha() and word.lower() == word]
    capitalised = (word[0].upper() + word[1:] for word in letters)
    return frozenset(
        [*letters, *(form for form in capitalised if form.isalpha() and form.lower() in frequent)]
    )


def _word_file() -> Path:
    spec = importlib.util.find_spec("wordninja")
    if spec is None or spec.origin is None:  # a declared dependency, but fail politely
        raise ModuleNotFoundError("wordninja is not installed: pip install wordninja")
    return Path(spec.origin).parent / "wordninja" / "wordninja_words.txt.gz"


def rank(token: str) -> int | None:
    """The frequency rank of `token` (1 = "the"), or None when it is not in the list."""
    return _ranks().get(token.lower())


def is_word(token: str) -> bool:
    """Whether `token`, lower-cased, is in the word list."""
    return token.lower() in _ranks()


def cost(token: str) -> float:
    """wordninja's cost of `token` as one word; infinite when it is not a word."""
    found = rank(token)
    if found is None:
        return math.inf
    return math.log(found * math.log(len(_ranks())))


def split_glued(token: str) -> list[str] | None:
    """Two frequent words that `token` is glued from, in its own case, or None.

    "partyheld" -> ["party", "held"], "Inthe" -> ["In", "the"]; "another" -> None.
    """
    best: tuple[float, int] | None = None
    for at in range(MIN_PART, len(token) - MIN_PART + 1):
        left, right = token[:at], token[at:]
        if not (_frequent(left) and _frequent(right)):
            continue
        split_cost = cost(left) + cost(right)
        if best is None or split_cost < best[0]:
            best = (split_cost, at)
    if best is None or best[0] + SPLIT_MARGIN > cost(token):
        return None
    return [token[: best[1]], token[best[1] :]]


def _frequent(part: str) -> bool:
    found = rank(part)
    return found is not None and found <= MAX_PART_RANK


def is_function_word(part: str) -> bool:
    """Whether `part` is among the FUNCTION_RANK most frequent words."""
    found = rank(part)
    return len(part) >= MIN_PART and found is not None and found <= FUNCTION_RANK


def split_case_change(token: str) -> tuple[str, str] | None:
    """Split at a lower-to-upper change: "ofZinoviev", "PetrogradStalin"; not "McDonald",
    "iPhone", or a left part that is neither a word nor capitalised."""
    change = CASE_CHANGE.search(token)
    if change is None:
        return None
    left = token[: change.start() + 1]
    if len(left) < MIN_PART or left.lower() in NAME_PARTICLES:
        return None
    if not (left[0].isupper() or is_word(left)):
        return None
    return left, token[len(left) :]


def split_function_tail(token: str, is_name: Callable[[str], bool]) -> tuple[str, str] | None:
    """ "Leninwho", "Politburoand", "Inthe": a listed word or a name, then a function word."""
    for at in range(len(token) - MIN_TAIL, MIN_PART - 1, -1):
        left, right = token[:at], token[at:]
        if is_function_word(right) and (is_word(left) or is_name(left)):
            return left, right
    return None
