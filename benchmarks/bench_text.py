"""Speed of the text layer: sentences, gaps and boilerplate on about 1 MB of scraped text.

    .venv/bin/python benchmarks/bench_text.py [PAGE] [--repeat N]

PAGE defaults to the shipped example page; it is repeated to about 1 MB. Prints words per
second for each step and for the three together (best of N runs; read timings as +-25 %,
TECH-NOTES.md). Never run from the tests.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from kremlinology.text.clean import mark_boilerplate
from kremlinology.text.gaps import find_gaps
from kremlinology.text.sentences import split_sentences
from kremlinology.text.words import is_word

# The example page of DESIGN.md where it is checked out, else the page the package ships.
SEED = Path("/work/shared/seed/000_4df31b511e0c3315.txt")
SHIPPED = Path(__file__).parent.parent / "kremlinology" / "examples" / "scraped-page.txt"
EXAMPLE = SEED if SEED.exists() else SHIPPED
TARGET_BYTES = 1_000_000


def best_of(runs: int, step: Callable[[], object]) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("--repeat", type=int, default=5, help="runs per step (best kept)")
    args = parser.parse_args()
    page = args.page.read_text(encoding="utf-8")
    text = "\n\n".join([page] * max(1, TARGET_BYTES // len(page.encode())))
    n_words = len(text.split())
    is_word("warm")  # load the word list outside the timings
    sentences = split_sentences(text)
    steps: dict[str, Callable[[], object]] = {
        "split_sentences": lambda: split_sentences(text),
        "find_gaps": lambda: find_gaps(text, sentences),
        "mark_boilerplate": lambda: mark_boilerplate(text, sentences),
    }
    print(f"{len(text.encode()):,} bytes, {n_words:,} words, {len(sentences):,} sentences")
    total = 0.0
    for name, step in steps.items():
        seconds = best_of(args.repeat, step)
        total += seconds
        print(f"{name:18} {seconds * 1000:8.1f} ms {n_words / seconds:14,.0f} words/s")
    print(f"{'all three':18} {total * 1000:8.1f} ms {n_words / total:14,.0f} words/s")


if __name__ == "__main__":
    main()
