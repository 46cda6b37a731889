"""The JSON report's keys and types, against the checked-in snapshot tests/data/contract.json.

The snapshot changes only with a REPORT_VERSION bump (docs/report.md).
"""

from __future__ import annotations

import json
from typing import Any

from kremlinology.checker.pipeline import check
from kremlinology.checker.report import REPORT_VERSION
from kremlinology.kb import KB

from .conftest import DATA

TYPES = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return TYPES[type(value)]


def _report(kb: KB) -> dict[str, Any]:
    text = (
        "Lenin died at Gorki on 21 January 1924. Trotsky was expelled from the party in "
        "Novemberand exiled. We strive for accuracy and fairness.\n"
    )
    return check(text, kb=kb, source="x.txt").to_dict()


def test_report_contract_matches_snapshot(kb_full: KB) -> None:
    snapshot = json.loads((DATA / "contract.json").read_text())
    report = _report(kb_full)
    assert report["report_version"] == REPORT_VERSION == snapshot["report_version"]
    shape = _shape(report)
    for key in ("source", "kb_version", "text", "clean_text", "summary"):
        assert shape[key] == snapshot["shape"][key]
    for key in ("claims", "restorations", "boilerplate"):
        assert shape[key][0].keys() == snapshot["shape"][key][0].keys(), key


def test_report_contract_text_is_the_input(kb_full: KB) -> None:
    report = _report(kb_full)
    assert report["text"].startswith("Lenin died at Gorki")
    assert all(report["text"][c["start"] : c["end"]] == c["text"] for c in report["claims"])
