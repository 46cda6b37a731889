"""The checker's speed, side by side with spaCy's bare English tokenizer on the same text.

Prints: the warm in-process check of the seed page (median ms); throughput on a ~1 MB corpus
(the seed page, the shipped example and the eval gold texts) in words/s for our checker and
for `spacy.blank("en")`'s tokenizer, and their ratio, read two ways; and the cold CLI check
of the seed page (a fresh process, median of several). Run on demand: `make bench`.

The two readings of the corpus:
- repeated: the distinct texts over and over to ~1 MB, every cache kept. spaCy's tokenizer
  caches each whitespace-separated chunk it has seen, so from the second round on it only
  looks chunks up (TECH-NOTES.md: "its cache flatters it").
- as varied text: the same ~1 MB, but each round over the distinct texts starts with empty
  per-word caches on both sides (a fresh spaCy tokenizer; our bounded functools caches
  cleared), as a corpus of different texts would. The word list, the index and spaCy's
  vocabulary stay loaded.
Targets (issue #4): warm < 50 ms; ratio >= 0.2; cold CLI < 1.5 s.
"""

from __future__ import annotations

import math
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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
            rounds = math.ceil(CORPUS_BYTES / sum(len(t) for t in texts))
            words = rounds * sum(len(t.split()) for t in texts)
            print(
                f"corpus: {len(texts)} distinct texts x {rounds} rounds = "
                f"{rounds * sum(len(t) for t in texts):,} chars, {words:,} words"
            )
            ours = _rates(texts, rounds, lambda text: check(text, kb=kb), _clear_our_caches)
        theirs = _spacy_rates(texts, rounds)
        for reading in ("repeated", "as varied text"):
            line = f"{reading}: kremlinology check {words / ours[reading]:,.0f} words/s"
            if theirs:
                line += (
                    f", spaCy blank('en') tokenizer {words / theirs[reading]:,.0f} words/s, "
                    f"ratio {theirs[reading] / ours[reading]:.2f} (target >= 0.2)"
                )
            print(line)
        cold = _cold_cli(kb_path)
        print(f"cold CLI check of the seed page: {cold:.0f} ms (target < 1500 ms)")


def _rates(
    texts: list[str], rounds: int, run: Callable[[str], object], reset: Callable[[], object]
) -> dict[str, float]:
    """Seconds for `rounds` rounds over the texts: with every cache kept ("repeated"), and
    with `reset` before each round ("as varied text"; the reset itself is not timed)."""
    seconds = {"repeated": 0.0, "as varied text": 0.0}
    for reading in seconds:
        for _ in range(rounds):
            if reading != "repeated":
                reset()
            start = time.perf_counter()
            for text in texts:
                run(text)
            seconds[reading] += time.perf_counter() - start
    return seconds


def _clear_our_caches() -> None:
    """Empty the package's bounded functools caches: per-word answers (stems, glued
    names). Unbounded ones hold loaded resources (the word list) and stay, as the
    checker index does."""
    for name, module in list(sys.modules.items()):
        if name != "kremlinology" and not name.startswith("kremlinology."):
            continue
        for value in vars(module).values():
            parameters = getattr(value, "cache_parameters", None)
            if parameters is not None and parameters()["maxsize"] is not None:
                value.cache_clear()


def _spacy_rates(texts: list[str], rounds: int) -> dict[str, float] | None:
    try:
        import spacy
    except ImportError:
        print("spaCy is not installed: pip install -e '.[bench]' for the side-by-side")
        return None
    nlp = spacy.blank("en")

    def fresh_tokenizer() -> None:
        nonlocal nlp
        nlp = spacy.blank("en")

    return _rates(texts, rounds, lambda text: nlp.tokenizer(text), fresh_tokenizer)


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
