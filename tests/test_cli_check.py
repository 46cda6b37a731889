"""`kremlinology check`: formats, and one clear line for every kind of bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CliResult

Cli = Callable[..., CliResult]
EXAMPLE = Path(__file__).parent.parent / "kremlinology" / "examples" / "scraped-page.txt"


def _check(cli: Cli, kb: Path, *args: str) -> CliResult:
    return cli("--kb", str(kb), "check", *args)


def test_cli_check_json_is_the_contract(cli: Cli, kb_full_path: Path) -> None:
    code, out, err = _check(cli, kb_full_path, str(EXAMPLE), "--format", "json")
    report = json.loads(out)
    assert code == 0 and err == ""
    assert report["source"] == str(EXAMPLE)
    assert report["summary"]["restored"] >= 5


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_cli_check_renders_each_format(cli: Cli, kb_full_path: Path, fmt: str) -> None:
    code, out, _ = _check(cli, kb_full_path, str(EXAMPLE), "--format", fmt)
    assert code == 0
    marker = {"text": "Sources", "md": "## Sources", "html": "<h2>Sources</h2>"}[fmt]
    assert marker in out


def test_cli_check_missing_file(cli: Cli, kb_full_path: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert _check(cli, kb_full_path, str(missing)) == (1, "", f"Error: {missing}: no such file\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "whitespace"),
        (b"\x00\x01\x02binary\x00data" * 20, "binary"),
    ],
)
def test_cli_check_bad_input_is_one_line(
    cli: Cli, kb_full_path: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    code, out, err = _check(cli, kb_full_path, str(path))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err.lower()


def test_cli_check_over_the_size_limit(cli: Cli, kb_full_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Lenin died in 1924. " * 100)
    code, _, err = _check(cli, kb_full_path, str(path), "--max-bytes", "100")
    assert code == 1
    assert "over the limit of 100 bytes" in err and "--max-bytes" in err


def test_cli_check_a_folder_is_an_error(cli: Cli, kb_full_path: Path, tmp_path: Path) -> None:
    code, _, err = _check(cli, kb_full_path, str(tmp_path))
    assert code == 1 and "is a folder" in err
