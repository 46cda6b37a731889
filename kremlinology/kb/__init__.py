"""The knowledge base: model, loading and validation, SQLite build, read-only access."""

from .build import DEFAULT_DATA_DIR, build_kb
from .rules import validate
from .store import KB, Stats, open_kb

__all__ = ["DEFAULT_DATA_DIR", "KB", "Stats", "build_kb", "open_kb", "validate"]
