"""Exit codes and exact one-line messages of the command-line tool."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from kremlinology import __version__

from .conftest import KB_BROKEN, KB_TINY, CliResult

Cli = Callable[..., CliResult]


def test_cli_version(cli: Cli) -> None:
    assert cli("--version") == (0, f"kremlinology {__version__}\n", "")


def test_cli_validate_ok(cli: Cli) -> None:
    code, out, err = cli("--data", str(KB_TINY), "kb", "validate")
    assert code == 0 and err == ""
    assert out.startswith("ok: 17 entities, 15 assertions")


def test_cli_validate_lists_each_problem(cli: Cli, data_copy: Path) -> None:
    shutil.copy(KB_BROKEN / "k401_no_source.yaml", data_copy)
    code, out, err = cli("--data", str(data_copy), "kb", "validate")
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "k401_no_source.yaml:2: assertions[no-source].sources: K401 assertion has no source: "
        "cite at least one",
        "1 problem(s) in the data files",
    ]


def test_cli_build_then_stats_json(cli: Cli, tmp_path: Path) -> None:
    kb = str(tmp_path / "kb.sqlite")
    code, out, _ = cli("--data", str(KB_TINY), "--kb", kb, "kb", "build")
    assert code == 0 and "built" in out
    code, out, _ = cli("--data", str(KB_TINY), "--kb", kb, "kb", "stats", "--format", "json")
    stats = json.loads(out)
    assert code == 0
    assert set(stats) >= {"kb_version", "entities", "assertions", "sources", "predicates"}
    assert stats["entities"]["person"] == 7 and stats["assertions"] == 15


def test_cli_stats_text(cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("--data", str(KB_TINY), "--kb", str(tmp_path / "k.sqlite"), "kb", "stats")
    assert code == 0
    assert "15 assertions (1 disputed)" in out


def test_cli_unknown_command_is_usage_error(cli: Cli) -> None:
    code, _, err = cli("frobnicate")
    assert code == 2 and "No such command" in err


def test_cli_bad_format_is_usage_error(cli: Cli) -> None:
    code, _, err = cli("--data", str(KB_TINY), "kb", "stats", "--format", "xml")
    assert code == 2 and "xml" in err


def test_cli_unwritable_kb_is_one_line(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = cli("--data", str(KB_TINY), "--kb", str(blocker / "kb.sqlite"), "kb", "build")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and err.startswith("Error: ")


def test_cli_module_entry_point_exit_code(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kremlinology",
            "--data",
            str(tmp_path / "missing"),
            "kb",
            "validate",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
