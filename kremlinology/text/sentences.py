"""Sentence spans as half-open (start, end) offsets into the original text.

Rules, in order:

1. a newline ends a sentence: scraped pages put headings, captions and paragraphs on lines
   of their own, and none of them may run into the next;
2. inside a line, ". ", "? " or "! " (closing quotes and brackets allowed between the mark
   and the space) ends a sentence when an upper-case letter or an opening quote follows;
3. except after an initial ("J. V. Stalin"), a dotted abbreviation ("U.S.S.R.") or a known
   abbreviation (St., Dr., c., e.g., No. ...), unless what follows is a word that
   starts sentences (The, He, In ...): "signed by Group A. The next day";
4. and never inside square or round brackets: "[ dubious — discuss ]" stays with its
   sentence.

`text[start:end]` is the sentence without the whitespace around it. The work is one regex
scan per line plus a few string checks per candidate boundary, so it runs at millions of
words per second (benchmarks/bench_text.py).
"""

from __future__ import annotations

import re

# A candidate end: the marks, closing quotes or brackets, then blanks, then an opening quote
# or a letter; the letter is checked with str.isupper() so that Cyrillic capitals count.
CANDIDATE = re.compile(r"[.?!…]+[\"'”’»)\]]*[ \t]+(?=[\"'“‘«(]|[^\W\d_])")
NON_BLANK_LINE = re.compile(r"[^\n]+")
WORD_AFTER = re.compile(r"[\"'“‘«(]*([^\W\d_]+)")

# Abbreviations after which a capitalised word does not start a new sentence: titles that
# precede names, and Latin or reference abbreviations that precede a word or number.
TITLES = frozenset(
    "mr mrs ms dr prof st gen col lt capt maj sgt adm gov sen rev fr jr sr mt ft".split()
)
ABBREVIATIONS = TITLES | frozenset(
    "c ca cf e.g i.e vs viz al no nos vol vols pp p ch fig approx esp est".split()
)

# Words that start sentences and rarely follow an initial inside a name: after "Group A."
# or "the U.S.S.R." they mean the sentence did end. Titles never end a sentence.
SENTENCE_STARTERS = frozenset(
    (
        "The A An In On At By For From After Before During When While Although Though But And"
        " Yet So However Meanwhile Then This That These Those It Its He She They We I His Her"
        " Their There Here As Despite Since Until Upon With Without"
    ).split()
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the sentences in `text`, in order, none empty."""
    spans: list[tuple[int, int]] = []
    for line in NON_BLANK_LINE.finditer(text):
        _split_line(text, line.start(), line.end(), spans)
    return spans


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    sent_start = start
    for match in CANDIDATE.finditer(text, start, end):
        if _ends_sentence(text, sent_start, match):
            _add_span(text, sent_start, match.end(), spans)
            sent_start = match.end()
    _add_span(text, sent_start, end, spans)


def _ends_sentence(text: str, sent_start: int, match: re.Match[str]) -> bool:
    following = text[match.end()]
    if following.isalpha() and not following.isupper():
        return False
    if _inside_brackets(text[sent_start : match.start()]):
        return False
    return not _after_abbreviation(text, sent_start, match)


def _inside_brackets(sentence_so_far: str) -> bool:
    return sentence_so_far.count("[") > sentence_so_far.count("]") or (
        sentence_so_far.count("(") > sentence_so_far.count(")")
    )


def _after_abbreviation(text: str, sent_start: int, match: re.Match[str]) -> bool:
    if text[match.start()] != ".":
        return False
    word_start = max(text.rfind(" ", sent_start, match.start()), sent_start - 1) + 1
    word = text[word_start : match.start()].lstrip("\"'“‘«([")
    if word.lower() in TITLES:
        return True
    if not _is_initial(word) and word.lower() not in ABBREVIATIONS:
        return False
    after = WORD_AFTER.match(text, match.end())
    return after is None or after.group(1) not in SENTENCE_STARTERS


def _is_initial(word: str) -> bool:
    """An initial such as "J", or a dotted abbreviation such as "U.S.S.R" or "e.g"."""
    if len(word) == 1:
        return word.isalpha() and word.isupper()
    return "." in word and all(len(part) <= 2 for part in word.split("."))


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
