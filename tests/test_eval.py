"""The eval scorer and gate (issue #4) on hand-made reports, and the gold set's integrity.

No checker runs here: reports are built by hand from the report dataclasses.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from kremlinology.checker.report import BoilerplateSpan, Claim, Report, Restoration

EVAL = Path(__file__).parent.parent / "eval"
STYLES = {"student-essay", "encyclopedia", "scraped-page", "quiz", "timeline", "news", "blog"}
KINDS = {"correct", "garbled", "altered"}
BOILERPLATE_KINDS = {"heading", "caption", "byline", "site", "markup"}


def _load(name: str) -> ModuleType:
    """eval/NAME.py by path: eval/ is not a package."""
    spec = importlib.util.spec_from_file_location(f"kremlinology_eval_{name}", EVAL / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


score = _load("score")
gate = _load("gate")

TEXT = "Home | News\nLenin died in Mayit was read. Stalin ruled in.\nShare this"
BOILER = (0, 11, "site")  # "Home | News"


def _at(fragment: str) -> int:
    return TEXT.index(fragment) + len(fragment)


def _gold() -> Any:
    died = TEXT.index("Lenin died")
    ruled = TEXT.index("Stalin ruled")
    return score.Gold(
        name="tiny",
        style="news",
        kind="garbled",
        text=TEXT,
        restorations=((_at("in May"), "1924"),),
        without_restorations=(_at("ruled in"),),
        claims=(
            score.GoldClaim(died, died + 10, "supported"),
            score.GoldClaim(ruled, ruled + 12, "contradicted", ("1922",)),
        ),
        boilerplate=(BOILER,),
        without_boilerplate=((died, died + 10),),
    )


def _claim(fragment: str, verdict: str, correction: str | None = None) -> Claim:
    start = TEXT.index(fragment)
    return Claim(start, start + len(fragment), fragment, verdict, correction, "", ())  # type: ignore[arg-type]


def _report(
    *,
    restorations: tuple[Restoration, ...] = (),
    boilerplate: tuple[BoilerplateSpan, ...] = (),
    claims: tuple[Claim, ...] = (),
) -> Report:
    return Report("-", "v", TEXT, TEXT, claims, restorations, boilerplate)


def _perfect() -> Report:
    return _report(
        restorations=(Restoration(_at("in May"), "1924", None, 1.0),),
        boilerplate=(BoilerplateSpan(*BOILER),),
        claims=(
            _claim("Lenin died in Mayit was read.", "supported"),
            _claim("Stalin ruled in.", "contradicted", "since 3 April 1922"),
        ),
    )


def test_score_perfect_report_scores_one() -> None:
    result = score.metrics([score.score_text(_gold(), _perfect())])
    assert result == {name: 1.0 for name in result}


def test_score_wrong_restoration_value_is_false_positive_and_miss() -> None:
    report = _report(restorations=(Restoration(_at("in May"), "1925", None, 1.0),))
    tally = score.score_restorations(_gold(), report)
    assert (tally.hits, tally.false, tally.found, tally.missed) == (0, 1, 0, 1)


def test_score_restoration_within_tolerance_counts() -> None:
    report = _report(restorations=(Restoration(_at("in May") + 2, "1924", None, 1.0),))
    assert score.score_restorations(_gold(), report).hits == 1


def test_score_restoration_at_without_place_is_false_positive() -> None:
    extra = Restoration(_at("ruled in"), "1924", None, 1.0)
    report = _report(restorations=(*_perfect().restorations, extra))
    tally = score.score_restorations(_gold(), report)
    assert (tally.hits, tally.false, tally.missed) == (1, 1, 0)
    assert tally.precision == 0.5


def test_score_boilerplate_kind_mismatch_does_not_count() -> None:
    report = _report(boilerplate=(BoilerplateSpan(0, 11, "heading"),))
    tally = score.score_boilerplate(_gold(), report)
    assert (tally.hits, tally.found, tally.missed) == (0, 0, 1)
    assert tally.false == 1


def test_score_boilerplate_on_content_is_false_positive() -> None:
    died = TEXT.index("Lenin died")
    report = _report(
        boilerplate=(BoilerplateSpan(*BOILER), BoilerplateSpan(died, died + 20, "site"))
    )
    tally = score.score_boilerplate(_gold(), report)
    assert (tally.hits, tally.false, tally.found) == (1, 1, 1)


def test_score_contradicted_needs_the_right_correction() -> None:
    report = _report(claims=(_claim("Stalin ruled in.", "contradicted", "1923"),))
    outcomes = score.score_verdicts(_gold(), report)
    assert [(o.predicted, o.correct) for o in outcomes] == [
        ("missing", False),
        ("contradicted", False),
    ]


def test_score_supported_precision_counts_claims_marked_supported() -> None:
    report = _report(
        claims=(
            _claim("Lenin died in Mayit was read.", "supported"),
            _claim("Stalin ruled in.", "supported"),
        )
    )
    result = score.metrics([score.score_text(_gold(), report)])
    assert result["supported_precision"] == 0.5
    assert result["verdict.accuracy"] == 0.5


def test_gate_refuses_to_lower_a_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "baseline.json"
    gate.write_baseline(path, floors={"verdict.accuracy": 0.9}, fingerprint="f")
    before = path.read_text(encoding="utf-8")
    status = gate._update(
        gate.read_baseline(path),
        {"verdict.accuracy": 0.8},
        fingerprint="f",
        path=path,
        allow_regression=False,
    )
    assert status == 1
    assert path.read_text(encoding="utf-8") == before
    assert "eval: verdict.accuracy 0.8000 < floor 0.9000" in capsys.readouterr().out


def test_gate_lowers_a_floor_only_when_allowed() -> None:
    floors = {"a": 0.9, "b": 0.5}
    scores = {"a": 0.8, "b": 0.7}
    assert gate.raised_floors(floors, scores, allow_regression=False) == {"a": 0.9, "b": 0.7}
    assert gate.raised_floors(floors, scores, allow_regression=True) == {"a": 0.8, "b": 0.7}


def test_gate_tolerates_epsilon_but_not_more() -> None:
    assert gate.regressions({"a": 0.9 - gate.EPSILON / 2}, {"a": 0.9}) == []
    assert gate.regressions({"a": 0.89}, {"a": 0.9}) == ["eval: a 0.8900 < floor 0.9000"]


def test_gate_update_writes_fingerprint_and_floors(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    status = gate._update(None, {"a": 0.123456}, fingerprint="f", path=path, allow_regression=False)
    assert status == 0
    assert json.loads(path.read_text(encoding="utf-8"))["floors"] == {"a": 0.1235}


def test_gate_without_baseline_passes_with_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert gate.main([], baseline_path=tmp_path / "absent.json") == 0
    assert capsys.readouterr().out == "eval: no baseline yet (run python eval/gate.py --update)\n"


def test_gate_fails_when_the_checker_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "baseline.json"
    gate.write_baseline(path, floors={}, fingerprint="f")
    monkeypatch.setitem(sys.modules, "kremlinology.checker.pipeline", None)  # import fails
    assert gate.main([], baseline_path=path) == 1
    assert capsys.readouterr().out == "eval: kremlinology.check is not available\n"


GOLD_YAMLS = sorted((EVAL / "gold").glob("*.yaml"))


@pytest.mark.parametrize("path", GOLD_YAMLS, ids=lambda p: p.stem)
def test_gold_file_parses_and_every_anchor_is_unique(path: Path) -> None:
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert meta["style"] in STYLES and meta["kind"] in KINDS
    anchors = [r["after"] for r in meta.get("restorations", [])]
    anchors += [r["after"] for r in meta.get("without_restorations", [])]
    anchors += [c["text"] for c in meta.get("claims", [])]
    anchors += [b["text"] for b in meta.get("without_boilerplate", [])]
    anchors += [b["text"] for b in meta.get("boilerplate", []) if "nth" not in b]
    assert [a for a in anchors if text.count(a) != 1] == []
    score.load_gold(path)  # resolves nth-anchored boilerplate too, or raises GoldError


@pytest.mark.parametrize("path", GOLD_YAMLS, ids=lambda p: p.stem)
def test_gold_annotations_use_the_contract_vocabulary(path: Path) -> None:
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    for claim in meta.get("claims", []):
        assert claim["verdict"] in score.VERDICT_LABELS
        assert ("correction" in claim) == (claim["verdict"] == "contradicted"), claim
    assert all(b["kind"] in BOILERPLATE_KINDS for b in meta.get("boilerplate", []))
    for restoration in meta.get("restorations", []):
        assert str(restoration["value"]).isdigit()
        assert 1 <= len(restoration["after"].split()) <= 5


def test_gold_set_meets_the_issue_minimums() -> None:
    golds = score.load_gold_set()
    assert len(golds) >= 12
    assert sum(len(g.claims) for g in golds) >= 150
    assert sum(len(g.restorations) for g in golds) >= 40
    assert sum(len(g.boilerplate) for g in golds) >= 25
    assert {p.with_suffix(".txt").exists() for p in GOLD_YAMLS} == {True}


def test_gold_fingerprint_changes_with_the_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    first = score.fingerprint(tmp_path)
    (tmp_path / "a.txt").write_text("y", encoding="utf-8")
    assert score.fingerprint(tmp_path) != first
