"""Stripped-number gaps: where a year, a day or a footnote marker was cut out of the text.

Scrapers that drop numbers drop the spaces and commas around them too, so the traces are
grammatical, not numeric. The rules, numbered as in `RULES`:

1. glued tokens: a token that is two words run together, "ofZinoviev", "PetrogradStalin"
   (a case change inside a word) or "Mayit", "Leninwho", "Inthe", "partyheld" (checked
   against the word list in words.py). A month or a preposition on the left means a year
   was cut ("in May 1924, it"); any other word means a footnote marker ("party,[7] held");
2. dangling prepositions: "from until", "of and", "between and", "since ,", "in In the",
   "during Zinoviev," and, with `is_name`, "in Lenin, who";
3. months without their year: "January 21, The", "21 January Stalin", "in January Stalin",
   and, with low confidence because English allows it, "in May he left";
4. other traces: "in the s" (a decade), "( – )" or "in –" (a whole range), "[ ]" and
   "rule.The" (footnote markers).

A `Gap`'s `at` is the index just after the word the missing number followed (after "May"
in "Mayit", after "from" in "from until", after "21," in "January 21, The"): the restorer
inserts " 1924" or " 1924," there. Kinds: "year"; "day" (a month with its day cut: "on
October, the"); "range", only when one trace stands for a whole range such as "1924–1927"
(a lone dash, empty parentheses), while "from until" and "between and" give two "year"
gaps, one per number; "footnote". `confidence` is how sure the rule is, from the cases in
tests/data/texts: glue is near certain, a bare month is a guess.

`is_name(s)` must answer True for names of people only ("Lenin", "Joseph Stalin"): "in
Lenin, who" is a gap, "in Petrograd, the" is not. Its answers are kept with each token's
split (a function or a bound method, such as NameIndex.is_person, whose answer for a name
never changes).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kremlinology.dates import MONTHS
from kremlinology.text import words
from kremlinology.text.sentences import SENTENCE_STARTERS, split_sentences

GapKind = Literal["year", "day", "range", "footnote"]
IsName = Callable[[str], bool]
Span = tuple[int, int]


@dataclass(frozen=True)
class Gap:
    """A place in the text where a number was stripped."""

    at: int
    kind: GapKind
    cue: str
    glued: Span | None
    confidence: float


# Confidence of each trace. Glue and ungrammatical pairs are near certain; the lower values
# are traces that ordinary English also produces ("he came in.", "in May he left").
GLUED_YEAR = 0.95  # "Mayit", "ofZinoviev": no English word looks like this
GLUED_FOOTNOTE = 0.85  # "PetrogradStalin", "Leninwho": could also be a typo
GLUED_LOWER = 0.7  # "partyheld": all lower case, a plain typo is as likely
MONTH_NEW_SENTENCE = 0.85  # "January 21, The": a sentence began where the year was
MONTH_NAME_AFTER = 0.7  # "21 January Stalin": English would want a comma
MONTH_BARE_NAME = 0.6  # "in January Stalin opposed": plausible without a year
MONTH_BARE_PUNCT = 0.4  # "returned in October.": the year may be known from context
MONTH_BARE_WORD = 0.3  # "in May he left": ordinary English
MONTH_NO_DAY = 0.6  # "on October, the": "on" wants a day
DECADE = 0.85  # "in the s"
RANGE_DASH = 0.8  # "( – )", "in –,"
FOOTNOTE_TRACE = 0.6  # "[ ]", "rule.The": also URLs, typos

# Words after which a cut number was a year ("in 1924", "early 1926", "and 1927").
YEAR_WORDS = frozenset(
    "in of from since until till during throughout by before after between early late mid"
    " and or to circa around".split()
)
# Shorter tokens are too often real words the list lacks ("Ina", "Ofa"); "Inhe" is four.
MIN_GLUED = 4

MONTH_NAMES = "|".join(MONTHS)
TOKEN = re.compile(rf"\b[^\W\d_]{{{MIN_GLUED},}}\b")
MONTH_KEYS = {month.lower(): month for month in MONTHS}
# Left parts that mean a cut year ("Mayit", "Inhe"), longest first so "Until" beats "Un".
PREFIXES = sorted(
    [(key, month) for key, month in MONTH_KEYS.items()] + [(word, "") for word in YEAR_WORDS],
    key=lambda pair: -len(pair[0]),
)
# The same, looked up by a token's first letters (33 startswith tests cost 5 us a token):
# the prefixes are distinct, so trying each length, longest first, finds what PREFIXES'
# order finds.
PREFIX_WORDS = dict(PREFIXES)
PREFIX_LENGTHS = sorted({len(key) for key in PREFIX_WORDS}, reverse=True)

# Speed: Python's re skips ahead fast to a pattern that starts with plain literals, but
# tries every position of one that starts with a character class or a capture group
# ("[Ii]n": 90 ms against 14 ms on 1 MB, benchmarks/bench_text.py). So one pattern finds the
# prepositions, spelt out in both cases (PREP_BEFORE_TRACE), and anchored matches read what
# follows them.
PREP_WORDS = "in of since until till during throughout from between by".split()
# "in early [1926]": the year follows the qualifier.
QUALIFIER = re.compile(r"[ \t]+(early|late|mid)\b")
# The connector may be glued to what followed the second number: "of andSoviet".
PAIR_AFTER = re.compile(r"[ \t]+(and|or|until|till|to|through)(?![a-z])")
PUNCT_AFTER = re.compile(r"([ \t]*)(?:[.,;:!?)\n]|$)")
CAPITAL_AFTER = re.compile(r"[ \t]+(?=[A-Z])")
CAPITAL_RUN = re.compile(r"[A-Z][^\W\d_]*(?:[ \t]+[A-Z][^\W\d_]*){0,2}")

# Pairs that English does not produce without a number between them ("from until"), with
# their confidence; "in and", "throughout and" are also "came in and sat", "throughout and
# after", so they are low. A pair followed by another preposition is a coordination, not a
# gap: "during and after the war", "in and around Moscow".
PAIR_CONFIDENCE = {
    ("from", "until"): 0.95,
    ("from", "till"): 0.95,
    ("from", "to"): 0.9,
    ("from", "through"): 0.9,
    ("between", "and"): 0.95,
    ("of", "and"): 0.9,
    ("of", "or"): 0.8,
    ("during", "and"): 0.8,
    ("early", "and"): 0.8,
    ("until", "and"): 0.6,
    ("throughout", "and"): 0.6,
    ("in", "and"): 0.4,
    ("in", "or"): 0.4,
}
COORDINATED = re.compile(
    r"[ \t]+(?:after|before|around|out|of|beyond|since|following|outside|near|into|from"
    r"|throughout|during|within|at|on)\b"
)
# Pairs whose connector must be followed by a second number: "between [1923] and [1927]".
RANGE_PAIRS = frozenset(
    {("between", "and"), ("from", "to"), ("from", "until"), ("from", "till"), ("from", "through")}
)
# What may follow the connector when a second number was cut after it. After a range
# ("between and") anything but a lower-case word ("from [1922] to the end" is English); after
# other pairs only the end of a clause: "during and." but not "throughout and the".
CLAUSE_FOLLOWERS = frozenset(
    {"end", "punct", "comma-end", "comma-lower", "comma-starter", "comma-capital"}
)
RANGE_FOLLOWERS = CLAUSE_FOLLOWERS | {"starter", "capital", "dash"}
# A preposition before punctuation: "during ." is a gap, "he came in." is English (a
# stranded preposition), "ever since." too. A blank before the mark ("since ,") is what
# the cut left behind and adds SPACE_BONUS.
PUNCT_CONFIDENCE = {
    "during": 0.9,
    "between": 0.85,
    "until": 0.8,
    "till": 0.8,
    "early": 0.9,
    "late": 0.9,
    "mid": 0.9,
    "since": 0.6,
    "throughout": 0.6,
    "of": 0.6,
    "in": 0.4,
    "from": 0.4,
    "by": 0.3,
}
SPACE_BONUS = 0.3
MAX_CONFIDENCE = 0.95
# A preposition before a capitalised word that starts sentences ("in In the years") is near
# certain; before "The" or "A" it may be a title ("published in The Times").
CAPITAL_STARTER = 0.9
CAPITAL_ARTICLE = 0.4
ARTICLES = frozenset({"The", "A", "An"})
# Before a person's name ("in Lenin, who"): only prepositions that take dates rather than
# people; "of Lenin", "from Lenin", "by Lenin" are ordinary.
PERSON_DATE_PREPS = frozenset({"in", "since", "until", "till", "during", "throughout", "early"})
# The prepositions that one of PAIR_AFTER, PUNCT_AFTER, CAPITAL_AFTER follows (after "in",
# maybe past a qualifier): most are followed by a lower-case word and hold no gap, and the
# regex, not Python, passes them by (`_dangling` reads the rest as before: 14,400 matches
# on the corpus -> 4,400). A capital counts after the others only if it is an
# article or starts sentences (`_capital_confidence`). Each spelling checks that it starts
# a word after it ("in(?<!\win)"): a "\b" first would make re try every position (27 ms
# on 1 MB against 22).
PREP_BEFORE_TRACE = re.compile(
    "|".join(
        rf"{spelling}(?<!\w{spelling})\b"
        + (rf"(?:{QUALIFIER.pattern})?" if word == "in" else "")
        + rf"(?={PAIR_AFTER.pattern}|{PUNCT_AFTER.pattern}|"
        + (
            CAPITAL_AFTER.pattern
            if word in PERSON_DATE_PREPS
            else rf"[ \t]+(?:{'|'.join(sorted(ARTICLES | SENTENCE_STARTERS))})(?![^\W\d_])"
        )
        + ")"
        for word in PREP_WORDS
        for spelling in (word, word.capitalize())
    )
)
NAME_COMMA = 0.75  # "in Lenin, who"
NAME_BARE = 0.5  # "in Lenin who": also "faith in Lenin"
DURING_CAPITAL_COMMA = 0.6  # "during Kamenev," where is_name does not know the name

# Months and seasons are found first, then what stands before and after them is read.
MONTH_WORD = re.compile(rf"(?:{MONTH_NAMES})\b")
SEASONS = ("spring", "summer", "autumn", "winter")
SEASON_WORD = re.compile(rf"(?:{'|'.join(SEASONS)})\b")
DAY_AFTER = re.compile(r"[ \t]+\d{1,2}\b,?")
DAY_BEFORE = re.compile(r"\b\d{1,2}[ \t]+$")
ON_BEFORE = re.compile(r"\b[Oo]n[ \t]+$")
# A year after the month, or after its day: what `_follower` then reads is a digit, which
# no month rule takes ("October 1917", "25 October 1917", "October 25, 1917").
YEAR_AFTER = re.compile(r"[ \t]+\d{1,2}\b,?[ \t]*,?[ \t]*\d|(?![ \t]+\d{1,2}\b)[ \t]*,?[ \t]*\d")
PREP_BEFORE = re.compile(
    r"\b(?i:in|since|until|till|by|during|from|to|between|and|early|late|mid|of|before|after"
    r"|throughout)[ \t]+$"
)
# A season without an article after a comma or a preposition: "in Gorki, summer" ends a
# caption; "in summer." is also English, hence the low value for punctuation.
SEASON_BEFORE = re.compile(r"(?:,|\b(?i:in|since|until|by|during|early|late|mid))[ \t]+$")
# How far back to look for those: "throughout" and a few blanks.
LOOK_BACK = 16
DASH_ONLY = {"dash": RANGE_DASH}  # "(July – August)": any month before a range dash
SEASON_CONFIDENCE = {
    "end": 0.5,
    "punct": MONTH_BARE_PUNCT,
    "starter": MONTH_NEW_SENTENCE,
    "capital": MONTH_BARE_NAME,
    "dash": RANGE_DASH,
}
# The confidence of a month's gap by what follows it (see `_follower`), per rule.
MONTH_DAY_CONFIDENCE = {
    "starter": MONTH_NEW_SENTENCE,
    "capital": MONTH_NAME_AFTER,
    "comma-capital": MONTH_BARE_PUNCT,
    "dash": RANGE_DASH,
}
DAY_MONTH_CONFIDENCE = MONTH_DAY_CONFIDENCE | {
    "comma-capital": MONTH_NAME_AFTER,
    "punct": MONTH_BARE_PUNCT,
}
PREP_MONTH_CONFIDENCE = DAY_MONTH_CONFIDENCE | {
    "capital": MONTH_BARE_NAME,
    "comma-capital": MONTH_BARE_NAME,
    "lower": MONTH_BARE_WORD,
    "comma-lower": MONTH_BARE_WORD,
}
FOLLOWER = re.compile(r"(?P<blank>[ \t]*)(?P<comma>,?)[ \t]*(?P<next>[^\W_]+|\S)?")

DECADE_WORDS = frozenset({"the", "early", "late", "mid"})
DECADE_TRACE = re.compile(
    r"(?:[Tt]he(?:[ \t]+(?:early|late|mid))?|early|late|mid)(?=[ \t]+s\b(?!['’]))"
)
# "()" held one year ("Service ()"), "(–)" a range ("Kamenev (–)").
EMPTY_PARENS = re.compile(r"\((?=[ \t,]*\))")
DASH_PARENS = re.compile(r"\((?=[ \t,]*[–-][ \t,]*\))")

# A preposition before a lone dash: "in – ,", or "in-." when the blanks went too.
PREP_DASH = re.compile(
    r"(?:[Ii]n|[Oo]f|[Ff]rom|[Dd]uring|[Bb]etween|[Tt]he)(?=[ \t]*[–-](?:[ \t,.;)\n]|$))"
)
EMPTY_BRACKETS = re.compile(r"\[(?=[ \t]*\])")
EMPTY_BRACKETS_CONFIDENCE = 0.9

# Speed: DECADE_TRACE and PREP_DASH start with a letter, so re tries them at every letter
# (16 and 45 ms on 1 MB, benchmarks/bench_text.py). What they look ahead for is rare (an
# "s" alone, a dash before a blank or a mark), so that is found first and only what stands
# before it is read: `_decades` and `_dash_preps`, the same matches in 1 and 5 ms.
LONE_S = re.compile(r"s(?<=[ \t]s)\b(?!['’])")
# A dash before a blank or a mark, each dash its own pattern: one that starts with a literal
# is scanned for at C speed, "[–-]" is not (6 ms on 1 MB against 1).
DASH_ENDS = tuple(re.compile(rf"{dash}(?=[ \t,.;)\n]|$)") for dash in "–-")
PREP_BEFORE_DASH = re.compile(r"(?:[Ii]n|[Oo]f|[Ff]rom|[Dd]uring|[Bb]etween|[Tt]he)\Z")
LONGEST_DASH_PREP = len("between")
PERIOD_GLUE = re.compile(r"\.(?=[A-Z][a-z])")  # after two lower-case letters: `_period_glue`


def find_gaps(
    text: str,
    sentences: Sequence[Span] | None = None,
    *,
    is_name: IsName = lambda s: False,
) -> list[Gap]:
    """The gaps in `text` that fall inside `sentences` (all of them by default), in order
    of `at`; one per place, the most confident.

    Each rule scans the whole text once: its patterns cannot cross a newline, and `_follower`
    sees a sentence end inside a line as punctuation, so scanning sentence by sentence found
    the same gaps 1.3 times slower (benchmarks/bench_text.py).
    """
    spans = split_sentences(text) if sentences is None else sorted(sentences)
    starts = [start for start, _ in spans]
    best: dict[int, Gap] = {}
    for rule in RULES:
        for gap in rule(text, 0, len(text), is_name):
            index = bisect.bisect_right(starts, gap.at) - 1
            inside = index >= 0 and gap.at <= spans[index][1]
            if inside and (gap.at not in best or gap.confidence > best[gap.at].confidence):
                best[gap.at] = gap
    return [best[at] for at in sorted(best)]


# 1. Glued tokens


def _glued_tokens(text: str, start: int, end: int, is_name: IsName) -> Iterator[Gap]:
    """Each distinct token outside the frequent words is split once, then found where it
    occurs: nearly every token is a frequent word, and a set test is all they cost.

    TOKEN reads only the text's distinct blank-separated chunks ("Leninwho,") that are not
    a frequent word as written ("the", "The"): a token never holds a blank, and those
    chunks hold no other token. Reading the whole text took 44 ms on 1 MB, this 30
    (benchmarks/bench_text.py); a cache of each chunk's tokens took 20 when it knew the
    chunks and 48 when it did not, so there is none.
    """
    frequent = words.frequent_words()
    chunks = set(text[start:end].split()).difference(words.frequent_forms())
    tokens = set(TOKEN.findall(" ".join(chunks)))
    for token in sorted(t for t in tokens if t.lower() not in frequent):
        parts = _split_token(token, is_name)
        if parts is not None:
            for offset in _occurrences(text, token, start, end):
                yield _glued_gap(parts, offset, len(token))


def _occurrences(text: str, token: str, start: int, end: int) -> Iterator[int]:
    at = text.find(token, start, end)
    while at >= 0:
        after = at + len(token)
        if _is_boundary(text, at - 1) and _is_boundary(text, after):
            yield at
        at = text.find(token, after, end)


def _is_boundary(text: str, index: int) -> bool:
    """Whether `text[index]` is outside a word, as regex \\b sees it (digits are inside)."""
    return index < 0 or index >= len(text) or not (text[index].isalnum() or text[index] == "_")


# Distinct rare tokens whose split is kept: a split depends only on the token (and the
# names), texts repeat their rare tokens, and a miss costs what no cache did.
SPLIT_CACHE = 1 << 16


@lru_cache(maxsize=SPLIT_CACHE)
def _split_token(token: str, is_name: IsName) -> tuple[str, str] | None:
    if token[-1] == "s" and token[:-1].lower() in DECADE_WORDS:
        return token[:-1], "s"  # "the early [1920]s" with the blank cut too: "earlys"
    rank = words.rank(token)
    if (rank is not None and rank <= words.MAX_PART_RANK) or is_name(token):
        return None
    if token.islower():
        parts = words.split_glued(token)
        return (parts[0], parts[1]) if parts else words.split_function_tail(token, is_name)
    if token[0].isupper() and token[1:].islower():
        return _split_capitalised(token, is_name)
    return words.split_case_change(token)


def _split_capitalised(token: str, is_name: IsName) -> tuple[str, str] | None:
    """ "Mayit", "Inhe": a month or a preposition, then a function word; else a function
    tail ("Leninwho")."""
    lower = token.lower()
    for length in PREFIX_LENGTHS:
        word = PREFIX_WORDS.get(lower[:length])
        if word is not None and words.is_function_word(token[length:]):
            return word or token[:length], token[length:]
    return words.split_function_tail(token, is_name)


def _glued_gap(parts: tuple[str, str], offset: int, length: int) -> Gap:
    left, right = parts
    at, glued = offset + len(left), (offset, offset + length)
    key = left.lower()
    lower = left.islower() and right.islower()
    if right == "s":
        return Gap(at, "year", "decade", glued, DECADE)
    if key in MONTH_KEYS:
        return Gap(at, "year", f"month:{MONTH_KEYS[key]}", glued, GLUED_YEAR)
    if key in YEAR_WORDS:
        confidence = GLUED_LOWER if lower else GLUED_YEAR
        return Gap(at, "year", _cue(key), glued, confidence)
    return Gap(at, "footnote", "footnote", glued, GLUED_LOWER if lower else GLUED_FOOTNOTE)


def _cue(word: str) -> str:
    word = word.lower()
    return f"conj:{word}" if word in ("and", "or") else f"prep:{word}"


# 2. Dangling prepositions


def _dangling(text: str, start: int, end: int, is_name: IsName) -> Iterator[Gap]:
    for match in PREP_BEFORE_TRACE.finditer(text, start, end):
        word = match.group().split(maxsplit=1)[0]  # "in" of "in early"
        word, at = word.lower(), match.start() + len(word)
        qualifier = QUALIFIER.match(text, at, end) if word == "in" else None
        if qualifier is not None:
            word, at = qualifier.group(1), qualifier.end()
        yield from _dangling_at(text, word, at, end, is_name)


def _dangling_at(text: str, word: str, at: int, end: int, is_name: IsName) -> Iterator[Gap]:
    """What follows the preposition `word` ending at `at`: a connector, a mark, a capital."""
    if pair := PAIR_AFTER.match(text, at, end):
        confidence = PAIR_CONFIDENCE.get((word, pair.group(1)))
        if confidence and not COORDINATED.match(text, pair.end(), end):
            yield Gap(at, "year", _cue(word), None, confidence)
            yield from _second_number(text, pair.end(), end, (word, pair.group(1)))
    elif punct := PUNCT_AFTER.match(text, at, end):
        bonus = SPACE_BONUS if punct.group(1) else 0.0
        confidence = min(PUNCT_CONFIDENCE[word] + bonus, MAX_CONFIDENCE)
        yield Gap(at, "year", _cue(word), None, confidence)
    elif capital := CAPITAL_AFTER.match(text, at, end):
        run = CAPITAL_RUN.match(text, capital.end(), end)
        confidence = _capital_confidence(word, run, text, end, is_name) if run else 0.0
        if confidence:
            yield Gap(at, "year", _cue(word), None, confidence)


def _second_number(text: str, at: int, end: int, pair: tuple[str, str]) -> Iterator[Gap]:
    """The number after the connector: "between [1923] and [1927], the", "during and."."""
    category, _ = _follower(text, at, end)
    if category in (RANGE_FOLLOWERS if pair in RANGE_PAIRS else CLAUSE_FOLLOWERS):
        yield Gap(at, "year", _cue(pair[1]), None, MONTH_NEW_SENTENCE)


def _capital_confidence(
    word: str, run: re.Match[str], text: str, end: int, is_name: IsName
) -> float:
    first = run.group().split()[0]
    after = text[run.end() : min(run.end() + 2, end)]
    if first in MONTH_KEYS.values():
        return 0.0  # rule 3
    if first in ARTICLES:
        return CAPITAL_ARTICLE
    if first in SENTENCE_STARTERS:
        return CAPITAL_STARTER
    possessive = after.startswith(("'", "’"))
    if word in PERSON_DATE_PREPS and not possessive and (is_name(run.group()) or is_name(first)):
        return NAME_COMMA if after.startswith(",") else NAME_BARE
    if word == "during" and after.startswith(","):
        return DURING_CAPITAL_COMMA
    return 0.0


# 3. Months without their year


def _months(text: str, start: int, end: int, is_name: IsName) -> Iterator[Gap]:
    for match in MONTH_WORD.finditer(text, start, end):
        if _starts_word(text, match) and not _dated(text, match, end):
            yield from _month_gap(text, match, end)


def _dated(text: str, match: re.Match[str], end: int) -> bool:
    """Whether a year follows the month, so that `_month_gap` finds no gap but a day cut
    after "on" ("on October 1917"): 3,100 of the corpus's 5,100 months are passed by."""
    before = max(match.start() - LOOK_BACK, 0)
    return bool(YEAR_AFTER.match(text, match.end(), end)) and not ON_BEFORE.search(
        text, before, match.start()
    )


def _month_gap(text: str, match: re.Match[str], end: int) -> Iterator[Gap]:
    """ "January 21, The", "21 January Stalin", "in May he", "on October, the"."""
    month, at, before = match.group(), match.end(), max(match.start() - LOOK_BACK, 0)
    day = DAY_AFTER.match(text, at, end)
    if day is not None:
        table, at = MONTH_DAY_CONFIDENCE, day.end()
    elif DAY_BEFORE.search(text, before, match.start()):
        table = DAY_MONTH_CONFIDENCE
    elif ON_BEFORE.search(text, before, match.start()):
        if _follower(text, at, end)[0] != "glued":
            yield Gap(at, "day", f"month:{month}", None, MONTH_NO_DAY)
        return
    else:
        found = PREP_BEFORE.search(text, before, match.start())
        table = PREP_MONTH_CONFIDENCE if found else DASH_ONLY
    confidence = table.get(_follower(text, at, end)[0])
    if confidence:
        yield Gap(at, "year", f"month:{month}", None, confidence)


def _seasons(text: str, start: int, end: int, is_name: IsName) -> Iterator[Gap]:
    """SEASON_WORD's matches, if a season is written at all: str.find looks for four words
    faster than re scans for words that start with "s", "a" or "w" (6 ms on 1 MB against 2)."""
    if all(text.find(season, start, end) < 0 for season in SEASONS):
        return
    for match in SEASON_WORD.finditer(text, start, end):
        before = max(match.start() - LOOK_BACK, 0)
        if not SEASON_BEFORE.search(text, before, match.start()):
            continue
        confidence = SEASON_CONFIDENCE.get(_follower(text, match.end(), end)[0])
        if confidence and _starts_word(text, match):
            yield Gap(match.end(), "year", f"season:{match.group()}", None, confidence)


def _follower(text: str, at: int, end: int) -> tuple[str, str]:
    """What follows `at`: ("starter", "The"), ("comma-lower", "the"), ("end", "") ..."""
    match = FOLLOWER.match(text, at, end)
    if match is None or not match["next"]:  # cannot be None: every group may be empty
        return ("comma-end" if match and match["comma"] else "end"), ""
    following, comma = match["next"], "comma-" if match["comma"] else ""
    if following[0].isdigit():
        return "digit", following
    if following[0].isalpha() and not match["blank"] and not comma:
        return "glued", following
    if following in ("–", "-", ")"):
        return "dash", following
    if not following[0].isalpha():
        return "punct", following
    if following[0].islower():
        return comma + "lower", following
    return comma + ("starter" if following in SENTENCE_STARTERS else "capital"), following


# 4. Other traces: decades, whole ranges, footnote markers


def _other_traces(text: str, start: int, end: int, is_name: IsName) -> Iterator[Gap]:
    for finder, kind, cue, confidence in TRACES:
        for match in finder(text, start, end):
            if not match.group()[:1].isalpha() or _starts_word(text, match):
                yield Gap(match.end(), kind, cue, None, confidence)


def _period_glue(text: str, start: int, end: int, is_name: IsName) -> Iterator[Gap]:
    """ "He was shot.His son": a footnote marker cut between the period and the word."""
    for match in PERIOD_GLUE.finditer(text, start, end):
        word = text[max(match.start() - 2, 0) : match.start()]
        if len(word) == 2 and word.isalpha() and word.islower():
            yield Gap(match.end(), "footnote", "footnote", None, FOOTNOTE_TRACE)


def _decades(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """DECADE_TRACE's matches, read only in the lines that hold a lone "s": a match does
    not cross a line, and it looks ahead to one in its line."""
    line_end = start
    for anchor in LONE_S.finditer(text, start, end):
        if anchor.start() < line_end:
            continue  # the line was read
        line_start = max(text.rfind("\n", start, anchor.start()) + 1, start)
        line_end = text.find("\n", anchor.end(), end)
        line_end = end if line_end < 0 else line_end
        yield from DECADE_TRACE.finditer(text, line_start, line_end)


def _dash_preps(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """PREP_DASH's matches, read back from each dash: the preposition that ends at the
    blanks before it (no preposition ends another, so this is the one PREP_DASH finds)."""
    dashes = (
        match.start() for dash_end in DASH_ENDS for match in dash_end.finditer(text, start, end)
    )
    for at in sorted(dashes):
        while at > start and text[at - 1] in " \t":
            at -= 1
        word = PREP_BEFORE_DASH.search(text, max(at - LONGEST_DASH_PREP, start), at)
        if word is not None:
            yield word


def _starts_word(text: str, match: re.Match[str]) -> bool:
    return match.start() == 0 or not text[match.start() - 1].isalnum()


Finder = Callable[[str, int, int], Iterator[re.Match[str]]]
TRACES: tuple[tuple[Finder, GapKind, str, float], ...] = (
    (_decades, "year", "decade", DECADE),  # DECADE_TRACE's matches
    (EMPTY_PARENS.finditer, "year", "parens", RANGE_DASH),
    (DASH_PARENS.finditer, "range", "parens", RANGE_DASH),
    (_dash_preps, "range", "dash", RANGE_DASH),  # PREP_DASH's matches
    (EMPTY_BRACKETS.finditer, "footnote", "footnote", EMPTY_BRACKETS_CONFIDENCE),
)
Rule = Callable[[str, int, int, IsName], Iterator[Gap]]
RULES: tuple[Rule, ...] = (
    _glued_tokens,
    _dangling,
    _months,
    _seasons,
    _other_traces,
    _period_glue,
)
