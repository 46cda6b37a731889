"""Load + validate + build time and file size of the shipped knowledge base.

Run: .venv/bin/python benchmarks/bench_build.py   (prints numbers; nothing is asserted)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from kremlinology.kb import DEFAULT_DATA_DIR, build_kb, validate
from kremlinology.kb.load import data_version

REPEATS = 5


def _time(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "kb.sqlite"
        hash_s = [_time(lambda: data_version(DEFAULT_DATA_DIR)) for _ in range(REPEATS)]
        load_s = [_time(lambda: validate(DEFAULT_DATA_DIR)) for _ in range(REPEATS)]
        build_s = [
            _time(lambda: build_kb(target, data_dir=DEFAULT_DATA_DIR)) for _ in range(REPEATS)
        ]
        size = target.stat().st_size
    data = validate(DEFAULT_DATA_DIR)
    print(
        f"data: {len(data.assertions)} assertions, {len(data.entities)} entities, "
        f"{len(data.sources)} sources"
    )
    print(f"hash data files (staleness check): {statistics.median(hash_s) * 1000:.1f} ms")
    print(f"load + validate:                   {statistics.median(load_s) * 1000:.0f} ms")
    print(f"load + validate + build SQLite:    {statistics.median(build_s) * 1000:.0f} ms")
    print(f"compiled size:                     {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
