"""The report: the JSON contract of docs/report.md (and DESIGN.md), as frozen dataclasses.

Fields may be added; none may be renamed or removed without bumping REPORT_VERSION.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

REPORT_VERSION = 1

VerdictKind = Literal["supported", "contradicted", "disputed", "unverified", "not_a_claim"]
VERDICTS: tuple[VerdictKind, ...] = (
    "supported",
    "contradicted",
    "disputed",
    "unverified",
    "not_a_claim",
)


@dataclass(frozen=True)
class Fact:
    """One assertion behind a verdict, as the report shows it."""

    id: str
    statement: str
    date: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    text: str
    verdict: VerdictKind
    correction: str | None
    explanation: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Restoration:
    at: int
    value: str
    fact: str | None
    confidence: float


@dataclass(frozen=True)
class BoilerplateSpan:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Report:
    source: str
    kb_version: str
    text: str
    clean_text: str
    claims: tuple[Claim, ...]
    restorations: tuple[Restoration, ...]
    boilerplate: tuple[BoilerplateSpan, ...]

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {kind: 0 for kind in VERDICTS}
        for claim in self.claims:
            counts[claim.verdict] += 1
        return {
            "sentences": len(self.claims),
            **counts,
            "restored": len(self.restorations),
            "boilerplate": len(self.boilerplate),
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract, key for key."""
        return {
            "report_version": REPORT_VERSION,
            "source": self.source,
            "kb_version": self.kb_version,
            "text": self.text,
            "clean_text": self.clean_text,
            "summary": self.summary(),
            "claims": [_lists(asdict(c)) for c in self.claims],
            "restorations": [asdict(r) for r in self.restorations],
            "boilerplate": [asdict(b) for b in self.boilerplate],
        }


def _lists(value: Any) -> Any:
    """asdict() keeps tuples; the contract has JSON arrays."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value
