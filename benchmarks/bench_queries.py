"""Time of each question on the shipped knowledge base, in milliseconds per call.

Run: .venv/bin/python benchmarks/bench_queries.py [--repeat N] [--data DIR]
(prints numbers; nothing is asserted). The target is a few milliseconds per question.

The first call on an opened KB also builds the name index (kb/names.py); it is timed
apart as "first resolve". The rest are warm: median and 95th percentile over N calls.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kremlinology.dates import parse_date
from kremlinology.kb import DEFAULT_DATA_DIR, KB, build_kb, open_kb
from kremlinology.kb.queries import (
    Period,
    changes,
    holders,
    members_on,
    profile,
    relation,
    resolve,
    search,
    timeline,
)
from kremlinology.render.ask import render_json, render_text

REPEAT = 200
# The 95th percentile of N sorted timings.
P95 = 0.95


def _questions(kb: KB) -> dict[str, Callable[[], object]]:
    jan_1923, jan_1926 = parse_date("1 January 1923"), parse_date("1 January 1926")
    range_1920s = Period(start=parse_date("1924"), end=parse_date("1929"))
    return {
        "resolve 'j.v. stalin'": lambda: resolve(kb, "j.v. stalin"),
        "relation lenin stalin": lambda: relation(kb, "lenin", "stalin"),
        "relation trotsky zinoviev (no phases)": lambda: relation(kb, "trotsky", "zinoviev"),
        "timeline stalin": lambda: timeline(kb, "stalin"),
        "timeline trotsky 1924-1929": lambda: timeline(kb, "trotsky", period=range_1920s),
        "person stalin": lambda: profile(kb, "stalin"),
        "office general-secretary 1923-01-01": lambda: holders(
            kb, "General Secretary", period=Period(on=jan_1923)
        ),
        "body politburo 1926-01-01": lambda: members_on(kb, "politburo", on=jan_1926),
        "body politburo 1924-1929 changes": lambda: changes(kb, "politburo", period=range_1920s),
        "search 'testament'": lambda: search(kb, "testament"),
        "relation lenin stalin + render text": lambda: render_text(relation(kb, "lenin", "stalin")),
        "relation lenin stalin + render json": lambda: render_json(relation(kb, "lenin", "stalin")),
    }


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _first_resolve(path: Path, data_dir: Path) -> float:
    with open_kb(path, data_dir=data_dir) as kb:
        return _ms(lambda: resolve(kb, "stalin"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kb.sqlite"
        build_kb(path, data_dir=args.data)
        print(f"first resolve (builds the name index): {_first_resolve(path, args.data):8.2f} ms")
        with open_kb(path, data_dir=args.data) as kb:
            stats = kb.stats()
            print(
                f"{stats.assertions} assertions, {sum(stats.entities.values())} entities; "
                f"{args.repeat} calls each\n"
            )
            print(f"{'question':40} {'median ms':>10} {'p95 ms':>8}")
            for name, fn in _questions(kb).items():
                fn()  # warm
                times = sorted(_ms(fn) for _ in range(args.repeat))
                p95 = times[min(len(times) - 1, int(len(times) * P95))]
                print(f"{name:40} {statistics.median(times):10.2f} {p95:8.2f}")


if __name__ == "__main__":
    main()
