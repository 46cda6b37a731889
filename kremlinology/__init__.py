"""kremlinology: a cited, time-aware knowledge base of the Russian Revolution and a checker.

The public API (docs/api.md):

    import kremlinology
    report = kremlinology.check("Lenin died on 21 January 1924.")
    with kremlinology.open_kb(path) as kb: ...
"""

from __future__ import annotations

from pathlib import Path as _Path

from .checker.report import Report
from .errors import (
    AmbiguousNameError,
    BuildError,
    DataError,
    DataErrors,
    DateParseError,
    InputError,
    KremlinologyError,
    NotFoundError,
)
from .kb import KB, open_kb

__version__ = "0.1.0"


def check(text: str, *, kb: KB | None = None, source: str = "-") -> Report:
    """Check a text against the knowledge base (the shipped one, built on first use)."""
    from .checker.pipeline import check as _check
    from .settings import Settings

    if kb is not None:
        return _check(text, kb=kb, source=source)
    settings = Settings()
    with open_kb(_Path(settings.kb_path), data_dir=settings.data_dir) as default_kb:
        return _check(text, kb=default_kb, source=source)


__all__ = [
    "AmbiguousNameError",
    "BuildError",
    "DataError",
    "DataErrors",
    "DateParseError",
    "InputError",
    "KB",
    "KremlinologyError",
    "NotFoundError",
    "Report",
    "__version__",
    "check",
    "open_kb",
]
