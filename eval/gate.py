"""The eval gate (issue #4): fail when a gold-set score falls under its pinned floor.

    .venv/bin/python eval/gate.py                    # check; exit 1 on a regression
    .venv/bin/python eval/gate.py --update           # raise floors to the current scores
    .venv/bin/python eval/gate.py --update --allow-regression   # also lower them (say why)

`eval/baseline.json` holds one floor per metric of eval/score.py and the sha256 fingerprint
of the gold files the floors were measured on. Floors only go up: `--update` never lowers
one unless `--allow-regression` is given. A changed gold set needs `--update`, so that new
annotations are reviewed with the scores they produce.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

EVAL_DIR = Path(__file__).parent
BASELINE = EVAL_DIR / "baseline.json"
# The checker is deterministic, so a score only moves when the code or the data does; the
# margin absorbs floating-point noise and the 4-decimal rounding of the stored floors only.
EPSILON = 0.0005
DECIMALS = 4


def load_score_module() -> ModuleType:
    """eval/score.py by path: eval/ is not a package."""
    spec = importlib.util.spec_from_file_location("kremlinology_eval_score", EVAL_DIR / "score.py")
    if spec is None or spec.loader is None:
        raise ImportError("eval/score.py cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def regressions(scores: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """One line per metric under its floor (a metric no longer scored counts as 0)."""
    return [
        f"eval: {name} {scores.get(name, 0.0):.4f} < floor {floor:.4f}"
        for name, floor in sorted(floors.items())
        if scores.get(name, 0.0) < floor - EPSILON
    ]


def raised_floors(
    floors: Mapping[str, float], scores: Mapping[str, float], *, allow_regression: bool
) -> dict[str, float]:
    """New floors: each the current score, but never lower than the old floor unless allowed."""
    new = {name: round(value, DECIMALS) for name, value in scores.items()}
    if allow_regression:
        return dict(sorted(new.items()))
    for name, floor in floors.items():
        new[name] = max(new.get(name, 0.0), floor)
    return dict(sorted(new.items()))


def read_baseline(path: Path) -> dict[str, Any] | None:
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write_baseline(path: Path, *, floors: Mapping[str, float], fingerprint: str) -> None:
    """Write aside, then os.replace: a crash never leaves half a baseline."""
    body = {"fingerprint": fingerprint, "epsilon": EPSILON, "floors": dict(floors)}
    aside = path.with_suffix(".json.tmp")
    aside.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    os.replace(aside, path)


def _update(
    baseline: dict[str, Any] | None,
    scores: Mapping[str, float],
    *,
    fingerprint: str,
    path: Path,
    allow_regression: bool,
) -> int:
    floors: dict[str, float] = (baseline or {}).get("floors", {})
    lowered = regressions(scores, floors)
    if lowered and not allow_regression:
        print("\n".join(lowered))
        print("eval: refusing to lower a floor; rerun with --allow-regression and say why")
        return 1
    new = raised_floors(floors, scores, allow_regression=allow_regression)
    write_baseline(path, floors=new, fingerprint=fingerprint)
    print(f"eval: {path.name} updated ({len(new)} floors)")
    return 0


def _check(baseline: dict[str, Any], scores: Mapping[str, float], *, fingerprint: str) -> int:
    problems = regressions(scores, baseline.get("floors", {}))
    if baseline.get("fingerprint") != fingerprint:
        problems.append(
            "eval: the gold set changed since the baseline was pinned; review the scores and "
            "run python eval/gate.py --update"
        )
    if problems:
        print("\n".join(problems))
        return 1
    print(f"eval: ok ({len(baseline.get('floors', {}))} metrics at or above their floors)")
    return 0


def main(argv: Sequence[str] | None = None, *, baseline_path: Path = BASELINE) -> int:
    parser = argparse.ArgumentParser(description="Compare gold-set scores with pinned floors.")
    parser.add_argument("--update", action="store_true", help="raise floors to current scores")
    parser.add_argument(
        "--allow-regression", action="store_true", help="with --update, also lower floors"
    )
    parser.add_argument("--kb", type=Path, help="KB file to use (default: a temporary build)")
    args = parser.parse_args(argv)
    baseline = read_baseline(baseline_path)
    if baseline is None and not args.update:
        print("eval: no baseline yet (run python eval/gate.py --update)")
        return 0
    score = load_score_module()
    try:
        scores = score.metrics(score.run(kb_path=args.kb))
    except ImportError:
        print("eval: kremlinology.check is not available")
        return 1
    fingerprint = score.fingerprint()
    if args.update or baseline is None:  # no baseline without --update returned above
        return _update(
            baseline,
            scores,
            fingerprint=fingerprint,
            path=baseline_path,
            allow_regression=args.allow_regression,
        )
    return _check(baseline, scores, fingerprint=fingerprint)


if __name__ == "__main__":
    sys.exit(main())
