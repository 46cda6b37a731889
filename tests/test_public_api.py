from __future__ import annotations

import kremlinology


def test_public_api_all_is_exactly_the_public_names() -> None:
    module = type(kremlinology)
    public = {
        name
        for name, value in vars(kremlinology).items()
        if not name.startswith("_") and not isinstance(value, module) and name != "annotations"
    }
    assert set(kremlinology.__all__) == public | {"__version__"}


def test_public_api_all_is_sorted() -> None:
    assert kremlinology.__all__ == sorted(kremlinology.__all__)


def test_public_api_check_uses_the_given_kb(kb_tiny: kremlinology.KB) -> None:
    report = kremlinology.check("Lenin died on 21 January 1924.", kb=kb_tiny)
    assert report.kb_version == kb_tiny.version
    assert report.claims[0].verdict == "supported"
