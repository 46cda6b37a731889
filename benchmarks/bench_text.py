"""Speed of the text layer, step by step, on the checker's benchmark corpus.

    .venv/bin/python benchmarks/bench_text.py [TEXT ...] [--repeat N] [--cold]

The corpus is bench_check.py's: the seed page, the shipped example and the eval gold texts
(or the TEXTs given), repeated to about 1 MB and called text by text as the checker calls
them. Prints words per second for each step and for all of them together (best of N runs;
read timings as +-25 %, TECH-NOTES.md). Never run from the tests.

The corpus repeats its texts, so caches of per-token answers know every token after the
first round: --cold clears those of find_gaps and link_mentions before every text, which
is what one fresh text costs.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kremlinology.kb import DEFAULT_DATA_DIR, open_kb
from kremlinology.text import gaps
from kremlinology.text.clean import mark_boilerplate
from kremlinology.text.gaps import find_gaps
from kremlinology.text.ground import find_dates, find_month_days
from kremlinology.text.link import NameIndex, link_mentions
from kremlinology.text.read import read_text
from kremlinology.text.sentences import split_sentences
from kremlinology.text.words import is_word

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_4df31b511e0c3315.txt"
CORPUS = [
    SEED,
    ROOT / "kremlinology" / "examples" / "scraped-page.txt",
    *sorted((ROOT / "eval" / "gold").glob("*.txt")),
]
TARGET_BYTES = 1_000_000

Span = tuple[int, int]


def best_of(runs: int, step: Callable[[], object]) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        timings.append(time.perf_counter() - started)
    return min(timings)


def load_corpus(paths: list[Path]) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in paths if p.exists()]
    corpus: list[str] = []
    while sum(len(t) for t in corpus) < TARGET_BYTES:
        corpus.extend(texts)
    return corpus


def name_index() -> NameIndex:
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_kb(Path(tmp) / "kb.sqlite", data_dir=DEFAULT_DATA_DIR) as kb,
    ):
        return NameIndex.from_kb(kb)


def steps(
    corpus: list[str], index: NameIndex, *, cold: bool = False
) -> dict[str, Callable[[], object]]:
    """Each step over the whole corpus, with the inputs it needs made beforehand."""
    data = [t.encode() for t in corpus]
    spans = [split_sentences(t) for t in corpus]
    pairs = list(zip(corpus, spans, strict=True))

    def gaps_of(text: str, sentences: list[Span]) -> object:
        if cold:
            gaps._split_token.cache_clear()
        return find_gaps(text, sentences, is_name=index.is_person)

    def mentions_of(text: str) -> object:
        if cold:
            index.start_of.cache_clear()
        return link_mentions(text, index)

    return {
        "read_text": lambda: [read_text(d) for d in data],
        "split_sentences": lambda: [split_sentences(t) for t in corpus],
        "mark_boilerplate": lambda: [mark_boilerplate(t, s) for t, s in pairs],
        "find_gaps": lambda: [gaps_of(t, s) for t, s in pairs],
        "link_mentions": lambda: [mentions_of(t) for t in corpus],
        "find_dates": lambda: [_dates(t, s) for t, s in pairs],
    }


def _dates(text: str, spans: list[Span]) -> None:
    """As the checker grounds dates: sentence by sentence, carrying the year."""
    year: int | None = None
    for start, end in spans:
        found = find_dates(text, start, end, year=year)
        find_month_days(text, start, end)
        year = found[-1].date.year if found else year


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="*", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=5, help="runs per step (best kept)")
    parser.add_argument(
        "--cold", action="store_true", help="clear per-token caches before every text"
    )
    args = parser.parse_args()
    corpus = load_corpus(args.texts)
    n_words = sum(len(t.split()) for t in corpus)
    is_word("warm")  # load the word list outside the timings
    timed = steps(corpus, name_index(), cold=args.cold)
    n_bytes = sum(len(t.encode()) for t in corpus)
    print(f"{len(corpus)} texts, {n_bytes:,} bytes, {n_words:,} words")
    total = 0.0
    for name, step in timed.items():
        seconds = best_of(args.repeat, step)
        total += seconds
        print(f"{name:18} {seconds * 1000:8.1f} ms {n_words / seconds:14,.0f} words/s")
    print(f"{'all steps':18} {total * 1000:8.1f} ms {n_words / total:14,.0f} words/s")


if __name__ == "__main__":
    main()
