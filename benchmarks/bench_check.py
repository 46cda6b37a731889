"""The checker's speed, side by side with spaCy's bare English tokenizer on the same text.

Prints: the warm in-process check of the seed page (median ms), throughput on a ~1 MB corpus
(the seed page, the shipped example and the eval gold texts, repeated) in words/s for our
checker and for `spacy.blank("en")`'s tokenizer, their ratio, and the cold CLI check of the
seed page (a fresh process, median of several). Run on demand: `make bench`.
Targets (issue #4): warm < 50 ms; ratio >= 0.2; cold CLI < 1.5 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kremlinology.checker.pipeline import check
from kremlinology.kb import DEFAULT_DATA_DIR, open_kb

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_4df31b511e0c3315.txt"
CORPUS_BYTES = 1_000_000
WARM_REPEATS = 20
COLD_REPEATS = 5


def _corpus_texts() -> list[str]:
    paths = [
        SEED,
        ROOT / "kremlinology" / "examples" / "scraped-page.txt",
        *sorted((ROOT / "eval" / "gold").glob("*.txt")),
    ]
    return [p.read_text(encoding="utf-8") for p in paths if p.exists()]


def _median_ms(fn: object, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        kb_path = Path(tmp) / "kb.sqlite"
        with open_kb(kb_path, data_dir=DEFAULT_DATA_DIR) as kb:
            seed = SEED.read_text(encoding="utf-8")
            check(seed, kb=kb)  # warm the caches (index, word list)
            warm = _median_ms(lambda: check(seed, kb=kb), WARM_REPEATS)
            print(f"warm check of the seed page: {warm:.1f} ms (target < 50 ms)")
            texts = _corpus_texts()
            corpus: list[str] = []
            while sum(len(t) for t in corpus) < CORPUS_BYTES:
                corpus.extend(texts)
            words = sum(len(t.split()) for t in corpus)
            start = time.perf_counter()
            for text in corpus:
                check(text, kb=kb)
            ours = words / (time.perf_counter() - start)
        tokenizer_rate = _spacy_rate(corpus, words)
        print(f"corpus: {sum(len(t) for t in corpus):,} chars, {words:,} words")
        print(f"kremlinology check: {ours:,.0f} words/s")
        if tokenizer_rate:
            print(f"spaCy blank('en') tokenizer: {tokenizer_rate:,.0f} words/s")
            print(f"ratio check/tokenizer: {ours / tokenizer_rate:.2f} (target >= 0.2)")
        cold = _cold_cli(kb_path)
        print(f"cold CLI check of the seed page: {cold:.0f} ms (target < 1500 ms)")


def _spacy_rate(corpus: list[str], words: int) -> float | None:
    try:
        import spacy
    except ImportError:
        print("spaCy is not installed: pip install -e '.[bench]' for the side-by-side")
        return None
    # The corpus repeats its texts, and spaCy's tokenizer caches what it has seen (our
    # checker does not): also show its rate on one first pass over the distinct texts.
    distinct = list(dict.fromkeys(corpus))
    fresh = spacy.blank("en")
    start = time.perf_counter()
    for text in distinct:
        fresh.tokenizer(text)
    first_pass = sum(len(t.split()) for t in distinct) / (time.perf_counter() - start)
    print(
        f"spaCy tokenizer, first pass over the {len(distinct)} distinct texts: "
        f"{first_pass:,.0f} words/s"
    )
    nlp = spacy.blank("en")
    start = time.perf_counter()
    for text in corpus:
        nlp.tokenizer(text)
    return words / (time.perf_counter() - start)


def _cold_cli(kb_path: Path) -> float:
    command = [
        sys.executable,
        "-m",
        "kremlinology",
        "--kb",
        str(kb_path),
        "check",
        str(SEED),
        "--format",
        "json",
    ]
    times = []
    for _ in range(COLD_REPEATS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    main()
