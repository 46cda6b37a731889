"""Boilerplate spans (headings, captions, bylines, site text, markup) and doubt markers.

`mark_boilerplate` works in three passes, numbered as in the code; where marks overlap the
earlier pass wins:

1. lines: a whole line that is site text (trafilatura's non-main HTML lines, "a | b |"
   menus, "Home > News" breadcrumbs), a Markdown "#" heading, a byline ("By NAME, ...",
   "Posted by NAME | ...") or category line ("Posted in X", "Filed under X"), a caption, a
   line repeated in the document (keyword headings) or a short title-like line without a
   final period;
2. markup: wiki edit links ("[ edit ]", "[ hide ]") with the section heading glued before
   them, stray "|", Markdown emphasis and link syntax (the link text stays content);
3. sentences: site sentences ("All rights reserved.", cookie notices, calls to comment
   such as "Tell us in the comments!"), author bios ("He is the author of ..."), and a
   caption glued to the paragraph after it, where only the caption is marked ("Stalin
   visiting Lenin in Gorki in" of "... in Lenin, who ...").

Doubt markers ("[ dubious — discuss ]", "[citation needed]") are not boilerplate: the
source itself flags the claim, so `find_doubts` returns them for the verdicts.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from kremlinology.text import words
from kremlinology.text.sentences import SENTENCE_STARTERS

Kind = Literal["heading", "caption", "byline", "site", "markup"]
Span = tuple[int, int]


@dataclass(frozen=True)
class Boilerplate:
    """A span of the text that is not content, and what it is."""

    start: int
    end: int
    kind: Kind


@dataclass(frozen=True)
class Doubt:
    """A marker by which the source doubts its own claim; `label` is its words."""

    start: int
    end: int
    label: str


# Headings in our fixtures and the example page run to 10 words ("Lenin vs Stalin: Their
# Showdown Over the Birth of the USSR"); a 12-word cap leaves room and keeps sentences out.
HEADING_MAX_WORDS = 12
# A line this short without a final mark is a heading even in sentence case ("Early life",
# "See also", "Next question"): a paragraph of six words with no period is not prose.
SHORT_LINE_WORDS = 6
# Share of capitalised words (of four letters or more) that makes a line title-like.
TITLE_CASE_SHARE = 0.6
# Captions run longer than headings ("Vladimir Lenin and Joseph Stalin, Soviet Union
# founders" is 9 words); past 20 a line is a paragraph.
CAPTION_MAX_WORDS = 20
# A section heading before "[ edit ]" is a few words; more means the sentence started
# elsewhere and we cannot tell where the heading begins.
WIKI_HEADING_MAX_WORDS = 10
# A line repeated this often is a keyword heading, if it is short enough to be one.
REPEATS = 2
# Short lines repeat: a page's keyword headings, a site's menus and footers on each of its
# pages. Their kinds are kept for this many lines, some 1 MB of them at most.
LINE_CACHE_SIZE = 4096

NON_BLANK_LINE = re.compile(r"[^\n]+")
WORD = re.compile(r"\S+")
FINAL_MARK = re.compile(r"[.!:;,]$")  # "?" may end a title: "Partners or Rivals?"
MARKDOWN_HEADING = re.compile(r"#{1,6}\s")
# Speed: re skips ahead fast to a pattern that starts with a literal, but tries one that
# starts with a class at every position. So PIPES starts at the pipe and looks behind for
# the blank.
PIPES = re.compile(r"\|(?<=\s\|)(?:\s.*\|| *$)")
# A byline: "By" or "Posted by", up to four capitalised words, then the end of the line
# or a separator or "on", "at", "in" and the rest ("By Anna Smith, Rome correspondent",
# "Posted by Admin | 3 comments"). "By October, ..." opens a sentence, not a byline.
BY_NAME = re.compile(
    r"(?:(?:Posted|Written|Reviewed|Edited|Fact[- ]checked|Compiled|Reported) by|By)\s+"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Christmas|Easter)\b)"
    r"(?:[A-Z][\w'’.-]*+\s*+){1,4}(?:(?:[,|·•—–-]|(?:on|at|in)\s)(?P<rest>.*))?$"
)
# A blog's category line: "Posted in History", "Filed under: Russia, Revolutions".
CATEGORY_LINE = re.compile(r"(?:Posted|Filed) (?:in|under)\b:?\s*[A-Z]")
# A breadcrumb trail: "Home > History > Russia", "News » Europe » Russia".
BREADCRUMB_HOME = re.compile(r"home\s*[>»›/]")
BREADCRUMB_STEP = re.compile(r"\s[>»›]\s")
BREADCRUMB_STEPS = 2
PHOTO_CREDIT_OPENING = re.compile(
    r"(?:photo|image|picture|illustration|credit|source)s?\s*:", re.IGNORECASE
)
PHOTO_CREDIT = re.compile(
    r"getty images|wikimedia commons|courtesy of|\bvia wikimedia", re.IGNORECASE
)
# What a PHOTO_CREDIT match holds, lower-cased. The case-blind search costs 40 ms per MB of
# lines, plain substring tests a tenth of that; on ASCII re's case-blindness is lower()'s.
PHOTO_CREDIT_HINTS = ("getty images", "wikimedia", "courtesy of")
# A name word is taken whole (`*+`): re could otherwise split "STALIN" into "S" "TALIN" ...
# and try every split, 15 s for a five-word line in capitals that is no caption.
NAME_LIST_CAPTION = re.compile(
    r"(?:[A-Z][\w'’.-]*+\s*(?:,\s*|\s(?:and|&)\s)?)+"
    r"(?:\s(?:in|at|with|on|near|during|outside)\s+(?:[A-Z][\w'’.-]*+\s*)+)*,\s+[^.!?]+"
)
FINITE_VERBS = re.compile(
    r"\b(?:is|was|were|are|had|has|have|did|became|will|would|could|said)\b", re.IGNORECASE
)

# Site text: phrases found anywhere in a sentence (lower-cased, plain substring tests: one
# regex of them all took 0.4 s per MB), and openings matched at its start.
SITE_PHRASES = (
    "accuracy and fairness",
    "all rights reserved",
    "©",
    "copyright",
    "subscribe to our",
    "subscribe now",
    "subscribe today",
    "our newsletter",
    "we use cookies",
    "accept cookies",
    "our cookies",
    "cookie policy",
    "cookie settings",
    "cookie consent",
    "privacy policy",
    "terms of use",
    "terms of service",
    "contact us",
    "look right",
    "click here",
)
# SITE_OPENING is written in lower case and matched on lower-cased text: without
# re.IGNORECASE it runs in half the time (3.8 against 8.1 ms per MB of sentences).
SITE_OPENING = re.compile(
    r"(?:subscribe\b|newsletter\b|share (?:this|on|via|the article)\b|share$|advertisements?$"
    r"|(?:updated|published|last (?:updated|modified|reviewed)|posted)\b(?: on)?\s*:"
    r"|read more\b|related(?: articles| posts| stories| reading)?(?:\s*:|$)"
    r"|(?:also read|read next|recommended|you (?:may|might) also like)(?:\s*:|$)"
    r"|(?:sign|log) (?:in|up)\b|follow us\b|skip to\b|back to top\b|jump to\b"
    r"|(?:article title|website name|access date|original published date|citation information)"
    r"|(?:next|previous) (?:question|quiz|page|article|post|story|chapter|lesson|episode)\b"
    r"|your score\b"
    r"|from wikipedia, the free encyclopedia|(?:retrieved|archived) from\b"
    r"|this article (?:was|is|has been) (?:most recently )?(?:revised|updated|reviewed)"
    r"|this (?:page|article|post|entry) was last (?:edited|modified|updated)\b"
    r"|(?:tags?|categories|category)\s*:"
    # calls to comment, share or subscribe: the reader is told to act on the page (only
    # where the page is named: "Tell me, comrade, your comments" is a quotation)
    r"|(?:please |so |now )?(?:(?:tell (?:us|me)|let (?:us|me) know)\b[^.!?]*"
    r"\b(?:in the comments?|comments? (?:below|section))\b"
    r"|(?:leave|drop|post) (?:a|your) (?:comment|reply)\b"
    r"|(?:share|post) your (?:thoughts|views|opinions?|comments?)\b"
    r"|join the (?:discussion|conversation)\b"
    r"|(?:don['’]t|do not) forget to (?:like|share|subscribe|comment|follow)\b"
    r"|if you (?:enjoyed|liked) this (?:post|article|quiz|story|page|piece|list)\b))"
)
BYLINE_SENTENCE = re.compile(
    r"^(?:He|She|They) (?:is|are) (?:the |an? )?(?:[\w-]+ ){0,2}(?:author|co-author|editor"
    r"|professor|lecturer|historian|journalist|writer|correspondent|contributor|reporter"
    r"|columnist|fellow|researcher)\b"
    r"|^(?:He|She|They) (?:teaches|writes|lives|has written|holds a)\b"
    r"|^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3} is (?:a|an|the) (?:[\w-]+ ){0,3}(?:writer"
    r"|historian|journalist|author|professor|editor|lecturer|researcher|contributor"
    r"|correspondent|reporter|columnist)\b"
    r"|^About the author\b"
)
# "Written by NAME, staff writer": a short sentence that does not go on into a clause of its
# own ("Written by Lenin in 1902, the pamphlet set out ..." is a claim, not a byline).
CREDIT_SENTENCE = re.compile(r"^(?:Written|Reviewed|Edited|Fact[- ]checked|Compiled|Posted) by\b")
CREDIT_WORDS = 10
CLAUSE_AFTER_COMMA = re.compile(r",\s+(?:the|a|an|it|he|she|they|this|these|his|her|its)\s", re.I)
# Speed: a BYLINE_SENTENCE match opens with one of these or holds " is " (its name branch);
# the test costs a third of the match, which fails on nearly every sentence.
BIO_OPENINGS = (
    *("He ", "She ", "They "),
    *("Written by", "Reviewed by", "Edited by", "Fact-checked by", "Fact checked by"),
    *("Compiled by", "Posted by", "About the author"),
)

EDIT_LINK = re.compile(
    r"\[\s*(?:edit|edit source|hide|show|change|update|view|talk|toggle)\s*\]", re.IGNORECASE
)
STRAY_PIPE = re.compile(r"\|(?=\s|$)")  # and a blank or the line start before it: `_markup_marks`
EMPHASIS = re.compile(r"(\*\*|__)(?=\S)[^\n]+?(?<=\S)\1")
LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]+\)")

# Doubt markers: a bracketed note whose words are Wikipedia's inline cleanup templates
# ("dubious", "citation needed", "when?", "according to whom?" ...).
BRACKETED = re.compile(r"\[\s*([^\[\]\n]{1,80}?)\s*\]")
DOUBT_WORDS = re.compile(
    r"dubious|discuss|citation|disputed|unreliable|source|verif|clarification|failed"
    r"|original research|neutral|vague|specify|needed|whom|unbalanced|opinion|weasel"
    r"|speculation|contradict|inconsistent|synthesis|^(?:when|who|which|why|how|where)\?$",
    re.IGNORECASE,
)

# Caption grammar: names, a participle, then anything verbless. Where a caption runs into
# its paragraph, the paragraph's subject follows one of these links ("in Gorki in | Lenin,
# who") and a comma or one of the clause words ends it.
CAPTION_LINKS = frozenset("in at with on near during outside after before from to of".split())
CLAUSE_WORDS = frozenset(
    "who which whose whom was were had has is are did died became said would could".split()
)
NAME_LINKS = frozenset({"and", "&"})
PAST_PARTICIPLES = frozenset(
    "pictured photographed shown seen depicted portrayed captured filmed".split()
)
# Words in -ing that are not participles.
NOT_PARTICIPLES = frozenset(
    "during morning evening nothing something anything everything thing king spring string"
    " ring bring sing wing ceiling sibling".split()
)


def mark_boilerplate(
    text: str, sentences: Sequence[Span], *, site_lines: Sequence[str] = ()
) -> list[Boilerplate]:
    """Boilerplate spans of `text`, sorted and disjoint."""
    site = frozenset(_squash(line) for line in site_lines)
    lines = list(_line_marks(text, site))
    passes = (
        lines,
        _markup_marks(text, sentences),
        _sentence_marks(text, sentences, marked={mark.start: mark.end for mark in lines}),
    )
    return _disjoint(mark for marks in passes for mark in marks)


def find_doubts(text: str) -> list[Doubt]:
    """The doubt markers in `text`, in order."""
    doubts = []
    for match in BRACKETED.finditer(text):
        label = _squash(match.group(1))
        if DOUBT_WORDS.search(label) and not EDIT_LINK.fullmatch(match.group()):
            doubts.append(Doubt(match.start(), match.end(), label))
    return doubts


# 1. Lines


def _line_marks(text: str, site: frozenset[str]) -> Iterator[Boilerplate]:
    spans = [_strip(text, m.start(), m.end()) for m in NON_BLANK_LINE.finditer(text)]
    lines = [(start, end, text[start:end]) for start, end in spans if start < end]
    # A line's words up to one past the caption cap: telling a paragraph needs no more, and
    # only lines short enough for a heading are squashed and counted for repeats (a longer
    # line cannot equal one of them). Split and squash cost a fifth of the pass otherwise.
    heads = [line.split(None, CAPTION_MAX_WORDS) for _, _, line in lines]
    keys = [" ".join(head).lower() if len(head) <= HEADING_MAX_WORDS else "" for head in heads]
    counts = Counter(key for key in keys if key)
    for (start, end, line), head, key in zip(lines, heads, keys, strict=True):
        kind: Kind | None
        if site and _squash(line) in site:
            kind = "site"
        elif len(head) > CAPTION_MAX_WORDS:
            kind = _paragraph_kind(line)
        else:
            kind = _short_line_kind(line, repeated=bool(key) and counts[key] >= REPEATS)
        if kind is not None:
            yield Boilerplate(start, end, kind)


def _paragraph_kind(line: str) -> Kind | None:
    """What a stripped line of more than CAPTION_MAX_WORDS words is: a menu, a Markdown
    heading, or (None) content."""
    if PIPES.search(line):
        return "site"
    return "heading" if MARKDOWN_HEADING.match(line) else None


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _short_line_kind(line: str, *, repeated: bool) -> Kind | None:
    """What a stripped line of at most CAPTION_MAX_WORDS words is; `repeated` when the text
    holds it REPEATS times or more."""
    if PIPES.search(line):
        return "site"
    lower = line.lower()
    if _is_site_line(lower) or _is_breadcrumb(lower):
        return "site"  # "From Wikipedia, the free encyclopedia" is no caption
    if MARKDOWN_HEADING.match(line):
        return "heading"
    if EDIT_LINK.search(line):
        return None  # pass 2 splits it into heading and markup
    if _is_byline_line(line):
        return "byline"  # before captions: "By Anna Smith, Rome correspondent" is names
    if _is_caption_line(line, lower):
        return "caption"
    words_in_line = line.split()
    if len(words_in_line) <= HEADING_MAX_WORDS and (repeated or _is_title(line, words_in_line)):
        return "heading"
    return None


def _is_breadcrumb(lower: str) -> bool:
    """A short line, lower-cased, that is a trail of links from the home page."""
    if BREADCRUMB_HOME.match(lower):
        return True
    if ">" not in lower and "»" not in lower and "›" not in lower:
        return False  # most lines: BREADCRUMB_STEP opens with a class, tried everywhere
    return len(BREADCRUMB_STEP.findall(lower)) >= BREADCRUMB_STEPS


def _is_byline_line(line: str) -> bool:
    """A short line naming the author ("By ...", "Posted by ...") or the blog's category; a
    line with a verb or a final full stop after the name is a sentence ("By Trotsky, the
    army was rebuilt.")."""
    if CATEGORY_LINE.match(line):
        return not _final_mark(line)
    byline = BY_NAME.match(line)
    if byline is None:
        return False
    rest = byline.group("rest")
    return rest is None or (not _final_mark(line) and FINITE_VERBS.search(rest) is None)


def _is_caption_line(line: str, lower: str) -> bool:
    if PHOTO_CREDIT_OPENING.match(line) or _has_photo_credit(line, lower):
        return True
    if _final_mark(line):
        return False
    names = NAME_LIST_CAPTION.fullmatch(line)
    if names is not None and not FINITE_VERBS.search(line):
        return True
    return _caption_end(line) == len(line)


def _has_photo_credit(line: str, lower: str) -> bool:
    """PHOTO_CREDIT.search(line); `lower` is line.lower()."""
    if line.isascii() and not any(hint in lower for hint in PHOTO_CREDIT_HINTS):
        return False
    return PHOTO_CREDIT.search(line) is not None


def _is_title(line: str, words_in_line: Sequence[str]) -> bool:
    if _final_mark(line) or line.endswith("."):
        return False
    if len(words_in_line) <= SHORT_LINE_WORDS:
        return True
    if line.endswith("?"):
        return False  # a longer question on its own line is a quiz or FAQ item, not a title
    long_words = [word for word in words_in_line[1:] if len(word) >= 4 and word[0].isalpha()]
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return bool(long_words) and capitalised >= TITLE_CASE_SHARE * len(long_words)


# 2. Markup


def _markup_marks(text: str, sentences: Sequence[Span]) -> Iterator[Boilerplate]:
    starts = [start for start, _ in sentences]
    for match in EDIT_LINK.finditer(text):
        yield from _wiki_heading(text, starts, match.start())
        yield Boilerplate(match.start(), match.end(), "markup")
    for match in STRAY_PIPE.finditer(text):
        if match.start() == 0 or text[match.start() - 1].isspace():
            yield Boilerplate(match.start(), match.end(), "markup")
    yield from _markdown_markup(text)


def _wiki_heading(text: str, starts: Sequence[int], at: int) -> Iterator[Boilerplate]:
    """ "The October Revolution" in "... violence. The October Revolution[ edit ] The ..."."""
    index = bisect.bisect_right(starts, at) - 1
    line_start = text.rfind("\n", 0, at) + 1
    start, end = _strip(text, max(starts[index] if index >= 0 else 0, line_start), at)
    heading = text[start:end]
    # A full stop before the link ends the paragraph's last sentence: the heading was lost.
    if heading and len(heading.split()) <= WIKI_HEADING_MAX_WORDS and not _final_mark(heading):
        yield Boilerplate(start, end, "heading")


def _markdown_markup(text: str) -> Iterator[Boilerplate]:
    # EMPHASIS opens with a group, which re tries at every position (5 ms per MB of text
    # without one); two substring tests tell the texts that have none.
    emphasis = EMPHASIS.finditer(text) if "**" in text or "__" in text else ()
    for match in emphasis:
        width = len(match.group(1))
        yield Boilerplate(match.start(), match.start() + width, "markup")
        yield Boilerplate(match.end() - width, match.end(), "markup")
    for match in LINK.finditer(text):
        if match.start() > 0 and text[match.start() - 1] == "!":  # an image: no text in it
            yield Boilerplate(match.start() - 1, match.end(), "markup")
        else:
            yield Boilerplate(match.start(), match.start(1), "markup")
            yield Boilerplate(match.end(1), match.end(), "markup")


# 3. Sentences


def _sentence_marks(
    text: str, sentences: Sequence[Span], *, marked: dict[int, int]
) -> Iterator[Boilerplate]:
    """`marked` maps the start of each line pass 1 marked to its end: a sentence inside one
    is not read, as its mark would lose (a fifth of the sentences: headings, quiz lines)."""
    # A phrase in a sentence is in the text, so only those found in the text are tried.
    lower = text.lower()
    phrases = tuple(phrase for phrase in SITE_PHRASES if phrase in lower)
    for start, end in sentences:
        if marked.get(start, -1) >= end:
            continue
        sentence = text[start:end]
        if _is_site_sentence(sentence.lower(), phrases):
            yield Boilerplate(start, end, "site")
        elif _is_bio(sentence):
            yield Boilerplate(start, end, "byline")
        elif start == 0 or text[start - 1] == "\n":
            caption_end = _caption_end(sentence)
            if caption_end:
                yield Boilerplate(*_strip(text, start, start + caption_end), "caption")


def _is_site_line(lower: str) -> bool:
    """A whole line, lower-cased, that opens with site text."""
    return lower.startswith(SITE_PHRASES) or SITE_OPENING.match(lower) is not None


def _is_site_sentence(lower: str, phrases: tuple[str, ...]) -> bool:
    """A sentence, lower-cased, that opens with site text or holds one of `phrases`."""
    if phrases and any(phrase in lower for phrase in phrases):
        return True
    return SITE_OPENING.match(lower) is not None


def _is_bio(sentence: str) -> bool:
    """An author's bio or credit (BYLINE_SENTENCE, CREDIT_SENTENCE), tried only where one of
    their openings or " is " is."""
    if not sentence.startswith(BIO_OPENINGS) and " is " not in sentence:
        return False
    if CREDIT_SENTENCE.match(sentence):
        return len(sentence.split()) <= CREDIT_WORDS and not CLAUSE_AFTER_COMMA.search(sentence)
    return BYLINE_SENTENCE.match(sentence) is not None


def _caption_end(sentence: str) -> int:
    """Where a caption that opens `sentence` ends, or 0 when none does. A caption is names
    and a participle, then anything verbless ("Stalin visiting Lenin in Gorki in"), and may
    run into the paragraph it captions: see `_subject_start`."""
    if "ing" not in sentence and PAST_PARTICIPLES.isdisjoint(sentence.split()):
        return 0  # no participle: most sentences, told apart without reading their words
    found = WORD.finditer(sentence)
    tokens = []
    for match in found:  # the names, and the word after them (most sentences stop here)
        tokens.append(match)
        if not _is_name_word(match.group()):
            break
    first = _skip_names(tokens)
    if first == 0 or first >= len(tokens) or not _is_participle(tokens[first].group()):
        return 0
    tokens.extend(found)
    for index in range(first + 1, len(tokens)):
        word = tokens[index].group()
        if word in SENTENCE_STARTERS:
            return tokens[index - 1].end()
        if word.endswith((",", ";")) or word in CLAUSE_WORDS:
            return _subject_start(tokens, first, index)
    if FINITE_VERBS.search(sentence) or len(tokens) > CAPTION_MAX_WORDS:
        return 0
    return len(sentence)


def _subject_start(tokens: Sequence[re.Match[str]], first: int, stop: int) -> int:
    """The caption ran into a clause at `stop`: it ends at the link word before the
    clause's capitalised subject ("... in Gorki in | Lenin, who"), or there is none."""
    index = stop if tokens[stop].group()[0].isupper() else stop - 1
    while index > first and tokens[index].group()[0].isupper():
        index -= 1
    if index > first and index < stop and tokens[index].group() in CAPTION_LINKS:
        return tokens[index].end()
    return 0


def _skip_names(tokens: Sequence[re.Match[str]]) -> int:
    index = 0
    while index < len(tokens) and _is_name_word(tokens[index].group()):
        if tokens[index].group().endswith(","):
            return 0  # "Stalin, visiting ..." is a sentence with an aside
        index += 1
    return index


def _is_name_word(word: str) -> bool:
    return word[0].isupper() or word in NAME_LINKS


def _is_participle(word: str) -> bool:
    if word in PAST_PARTICIPLES:
        return True
    if not word.endswith("ing") or len(word) < 5 or not word.islower():
        return False
    stem = word[:-3]
    return word not in NOT_PARTICIPLES and (
        words.is_word(stem) or words.is_word(stem + "e") or stem[-1] == stem[-2]
    )


# Helpers


def _disjoint(marks: Iterator[Boilerplate]) -> list[Boilerplate]:
    """Keep each mark unless it overlaps one kept before it: earlier passes win."""
    starts: list[int] = []
    kept: list[Boilerplate] = []
    for mark in marks:
        index = bisect.bisect_left(starts, mark.start)
        if index > 0 and kept[index - 1].end > mark.start:
            continue
        if index < len(kept) and kept[index].start < mark.end:
            continue
        starts.insert(index, mark.start)
        kept.insert(index, mark)
    return kept


def _final_mark(line: str) -> bool:
    """FINAL_MARK.search(line), read from where its "$" lets a match start."""
    return FINAL_MARK.search(line, max(len(line) - 2, 0)) is not None


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _squash(text: str) -> str:
    return " ".join(text.split())
