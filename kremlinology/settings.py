"""Defaults and limits, in one frozen place. The CLI may override them from its options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .kb.build import DEFAULT_DATA_DIR

# The compiled knowledge base lives in the user's cache: it is derived data, rebuilt from
# the shipped YAML whenever that changes (kb/store.py).
DEFAULT_KB_PATH = Path.home() / ".cache" / "kremlinology" / "kb.sqlite"


@dataclass(frozen=True)
class Settings:
    kb_path: Path = DEFAULT_KB_PATH
    data_dir: Path = DEFAULT_DATA_DIR
