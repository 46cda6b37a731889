"""The only conftest: shared fixtures, each named for what it builds.

- `kb_tiny_path` / `kb_tiny`: the hand-written starter data (tests/data/kb_tiny) compiled
  once per session into a temporary folder.
- `kb_full_path` / `kb_full`: the shipped knowledge base (kremlinology/data), compiled once
  per session; for tests that assert known answers from the real data.
- `cli`: runs the command-line tool in-process and returns (exit code, stdout, stderr).
- autouse guards: no network, and no KREMLINOLOGY_* variables leaking in from the shell.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kremlinology.cli import main
from kremlinology.kb import DEFAULT_DATA_DIR, KB, build_kb, open_kb

TESTS = Path(__file__).parent
DATA = TESTS / "data"
KB_TINY = DATA / "kb_tiny"
KB_BROKEN = DATA / "kb_broken"

CliResult = tuple[int, str, str]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach the network: connecting anywhere but loopback fails loudly."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else ""
        if self.family == socket.AF_UNIX or host in ("127.0.0.1", "::1", "localhost"):
            return real_connect(self, address)
        raise RuntimeError(f"network access in a test: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No KREMLINOLOGY_* settings from the developer's shell; a private default KB path."""
    for name in ("KREMLINOLOGY_KB", "KREMLINOLOGY_DATA", "KREMLINOLOGY_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KREMLINOLOGY_KB", str(tmp_path / "default-kb.sqlite"))


@pytest.fixture(scope="session")
def kb_tiny_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "tiny.sqlite"
    build_kb(path, data_dir=KB_TINY)
    return path


@pytest.fixture
def kb_tiny(kb_tiny_path: Path) -> Iterator[KB]:
    with open_kb(kb_tiny_path, data_dir=KB_TINY) as kb:
        yield kb


@pytest.fixture(scope="session")
def kb_full_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "full.sqlite"
    build_kb(path, data_dir=DEFAULT_DATA_DIR)
    return path


@pytest.fixture
def kb_full(kb_full_path: Path) -> Iterator[KB]:
    with open_kb(kb_full_path) as kb:
        yield kb


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the starter data, for tests that change or break it."""
    folder = tmp_path / "data"
    shutil.copytree(KB_TINY, folder)
    return folder


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
