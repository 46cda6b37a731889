"""Cross-record validation rules, one small function per rule, registered by code.

Each rule takes the loaded data and yields DataErrors. docs/validation.md documents every
code (tested). Schema problems (K1xx) are found while loading, in kb/load.py.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..dates import Interval
from ..errors import DataError, DataErrors
from . import vocab
from .load import Loaded, load_data
from .model import Assertion, Citation, KBData, Span, Where

Rule = Callable[[Loaded], Iterable[DataError]]
RULES: dict[str, Rule] = {}

# Every code a problem can carry, with its one-line meaning (docs/validation.md lists them).
CODES: dict[str, str] = {
    "K100": "a data file is not readable YAML",
    "K101": "the top level or a list is not shaped as the format says",
    "K102": "a required field is missing",
    "K103": "a field is not part of the format",
    "K104": "a field has the wrong type or a value outside its vocabulary",
    "K105": "a date cannot be parsed",
    "K106": "an id is not lower-case a-z, 0-9 and '-'",
    "K201": "an id is used twice",
    "K202": "a reference names no known entity",
    "K203": "a citation names no known source",
    "K204": "a predicate is not in the vocabulary",
    "K205": "a predicate joins kinds of entity it does not allow",
    "K301": "an assertion about a person is dated outside the person's life",
    "K302": "two people hold a single-holder office at the same time",
    "K304": "a date before 14 February 1918 does not say its calendar",
    "K401": "an assertion or phase cites no source",
    "K402": "a disputed assertion lists no alternatives",
    "K403": "a citation of an offline source has no locator",
    "K404": "an assertion that is not disputed lists alternatives",
}


def rule(code: str) -> Callable[[Rule], Rule]:
    """Register a rule under its code."""

    def register(fn: Rule) -> Rule:
        RULES[code] = fn
        return fn

    return register


def _error(code: str, message: str, where: Where, field: str) -> DataError:
    return DataError(code, message, file=where.file, line=where.line, field=field)


def validate(folder: Path) -> KBData:
    """Load and check a data folder; raise DataErrors listing every problem."""
    loaded = load_data(folder)
    errors = [*loaded.errors, *check_rules(loaded)]
    if errors:
        raise DataErrors(sorted(errors, key=lambda e: (e.file, e.line, e.code)))
    return loaded.data


def check_rules(loaded: Loaded) -> list[DataError]:
    return [error for fn in RULES.values() for error in fn(loaded)]


@rule("K201")
def _duplicate_ids(loaded: Loaded) -> Iterator[DataError]:
    first: dict[str, Where] = {}
    for _kind, record_id, where in loaded.ids:
        if record_id in first:
            seen = first[record_id]
            yield _error(
                "K201", f"id '{record_id}' is already used at {seen.file}:{seen.line}", where, "id"
            )
        else:
            first[record_id] = where


def _references(a: Assertion) -> Iterator[tuple[str, str]]:
    yield "subject", a.subject
    if a.object:
        yield "object", a.object
    if a.place:
        yield "place", a.place
    for alt in a.alternatives:
        if alt.object:
            yield "alternatives.object", alt.object


@rule("K202")
def _unknown_entities(loaded: Loaded) -> Iterator[DataError]:
    entities = loaded.data.entities
    for a in loaded.data.assertions.values():
        for field, ref in _references(a):
            if ref not in entities:
                yield _error(
                    "K202", f"'{ref}' is no known entity", a.where, f"assertions[{a.id}].{field}"
                )
    for e in entities.values():
        if e.part_of and e.part_of not in entities:
            yield _error(
                "K202", f"'{e.part_of}' is no known entity", e.where, f"entities[{e.id}].part_of"
            )
    for p in loaded.data.phases.values():
        for person in p.people:
            if person not in entities:
                yield _error(
                    "K202", f"'{person}' is no known entity", p.where, f"phases[{p.id}].people"
                )


def _all_citations(data: KBData) -> Iterator[tuple[str, Where, Citation]]:
    for a in data.assertions.values():
        for c in a.sources:
            yield f"assertions[{a.id}].sources", a.where, c
        for alt in a.alternatives:
            for c in alt.sources:
                yield f"assertions[{a.id}].alternatives", a.where, c
    for p in data.phases.values():
        for c in p.sources:
            yield f"phases[{p.id}].sources", p.where, c


@rule("K203")
def _unknown_sources(loaded: Loaded) -> Iterator[DataError]:
    for field, where, citation in _all_citations(loaded.data):
        if citation.source not in loaded.data.sources:
            yield _error(
                "K203",
                f"'{citation.source}' is no known source (add it to a file's sources: list)",
                where,
                field,
            )


@rule("K403")
def _missing_locators(loaded: Loaded) -> Iterator[DataError]:
    sources = loaded.data.sources
    for field, where, citation in _all_citations(loaded.data):
        source = sources.get(citation.source)
        if source is not None and not source.url and not citation.locator:
            yield _error(
                "K403",
                f"cite '{citation.source}' with a locator (chapter or section): it has no url",
                where,
                field,
            )


@rule("K204")
def _unknown_predicates(loaded: Loaded) -> Iterator[DataError]:
    for a in loaded.data.assertions.values():
        if a.predicate not in vocab.PREDICATES:
            yield _error(
                "K204",
                f"predicate '{a.predicate}' is not in the vocabulary (docs/predicates.md)",
                a.where,
                f"assertions[{a.id}].predicate",
            )


@rule("K205")
def _predicate_kinds(loaded: Loaded) -> Iterator[DataError]:
    entities = loaded.data.entities
    for a in loaded.data.assertions.values():
        predicate = vocab.PREDICATES.get(a.predicate)
        if predicate is None:
            continue
        subject = entities.get(a.subject)
        if subject and subject.kind not in predicate.subjects:
            yield _error(
                "K205",
                f"'{a.predicate}' takes a subject of kind "
                f"{'/'.join(predicate.subjects)}, not {subject.kind}",
                a.where,
                f"assertions[{a.id}].subject",
            )
        obj = entities.get(a.object or "")
        if obj and obj.kind not in predicate.objects:
            allowed = "/".join(predicate.objects) or "no entity (use value)"
            yield _error(
                "K205",
                f"'{a.predicate}' takes an object of kind {allowed}, not {obj.kind}",
                a.where,
                f"assertions[{a.id}].object",
            )


def _bounds(span: Span) -> tuple[dt.date, dt.date]:
    return span.bounds()


def life_spans(data: KBData) -> dict[str, tuple[dt.date, dt.date]]:
    """Each person's widest possible life, from born/died assertions and their alternatives."""
    lives: dict[str, list[dt.date]] = defaultdict(lambda: [dt.date.min, dt.date.max])
    for a in data.assertions.values():
        if a.predicate not in ("born", "died") or a.when is None:
            continue
        spans = [a.when, *(alt.when for alt in a.alternatives if alt.when)]
        life = lives[a.subject]
        if a.predicate == "born":
            life[0] = min(_bounds(s)[0] for s in spans)
        else:
            life[1] = max(_bounds(s)[1] for s in spans)
    return {k: (v[0], v[1]) for k, v in lives.items()}


@rule("K301")
def _outside_life(loaded: Loaded) -> Iterator[DataError]:
    lives = life_spans(loaded.data)
    for a in loaded.data.assertions.values():
        predicate = vocab.PREDICATES.get(a.predicate)
        if a.when is None or a.subject not in lives or predicate is None or predicate.posthumous:
            continue
        born, died = lives[a.subject]
        start, end = _bounds(a.when)
        if end <= born or start >= died:
            yield _error(
                "K301",
                f"dated {a.when.iso()}, outside the life of '{a.subject}' "
                f"({born.isoformat()} – {died.isoformat()})",
                a.where,
                f"assertions[{a.id}].when",
            )


@rule("K302")
def _overlapping_holders(loaded: Loaded) -> Iterator[DataError]:
    entities = loaded.data.entities
    terms: dict[str, list[Assertion]] = defaultdict(list)
    for a in loaded.data.assertions.values():
        office = entities.get(a.object or "")
        if (
            a.predicate == "held_office"
            and office
            and office.single_holder
            and isinstance(a.when, Interval)
            and a.role in (None, "holder")
        ):
            terms[office.id].append(a)
    for office_id, held in terms.items():
        held.sort(key=lambda a: _bounds(a.when)[0] if a.when else dt.date.min)
        for before, after in zip(held, held[1:], strict=False):
            if (
                before.when
                and after.when
                and _overlap(before.when, after.when)
                and before.subject != after.subject
            ):
                yield _error(
                    "K302",
                    f"'{after.subject}' holds '{office_id}' while "
                    f"'{before.subject}' still does ({before.id})",
                    after.where,
                    f"assertions[{after.id}].when",
                )


# Successive holders share the handover day (an interval includes its end date).
HANDOVER = dt.timedelta(days=1)


def _overlap(a: Span, b: Span) -> bool:
    (a0, a1), (b0, b1) = _bounds(a), _bounds(b)
    return a0 + HANDOVER < b1 and b0 + HANDOVER < a1


@rule("K401")
def _unsourced(loaded: Loaded) -> Iterator[DataError]:
    for a in loaded.data.assertions.values():
        if not a.sources:
            yield _error(
                "K401",
                "assertion has no source: cite at least one",
                a.where,
                f"assertions[{a.id}].sources",
            )
    for p in loaded.data.phases.values():
        if not p.sources:
            yield _error(
                "K401", "phase has no source: cite at least one", p.where, f"phases[{p.id}].sources"
            )


@rule("K402")
def _disputed_without_alternatives(loaded: Loaded) -> Iterator[DataError]:
    for a in loaded.data.assertions.values():
        if a.confidence == "disputed" and not a.alternatives:
            yield _error(
                "K402",
                "disputed assertion lists no alternatives (who holds what)",
                a.where,
                f"assertions[{a.id}].alternatives",
            )


@rule("K404")
def _alternatives_without_dispute(loaded: Loaded) -> Iterator[DataError]:
    for a in loaded.data.assertions.values():
        if a.alternatives and a.confidence != "disputed":
            yield _error(
                "K404",
                "alternatives given but confidence is not 'disputed' "
                "(use a note for a minority view)",
                a.where,
                f"assertions[{a.id}].confidence",
            )


def count_codes(errors: Iterable[DataError]) -> Counter[str]:
    return Counter(e.code for e in errors)
