"""Hostile but well-formed plan files (hostile_plans.py): refused in one line everywhere, nothing run or changed.

Each file goes through ``info``, ``check``, every export and ``export --sign``
(in this process, through the real command line's ``main``, with the test's
time limit), then the window's ``--smoke`` in a child process with its own
time limit. Every command must refuse it with exit 2 and the same one line,
never a traceback or a statement's SQL; the window either refuses it with
that line or lists its broken items; and every file in its folder, the
journal beside it too, must be byte for byte as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from badfiles import snapshot
from hostile_plans import HOSTILE_PLANS
from runcli import error_line, run_cli

from summit_app.cli import main

OUTPUTS = ("plan.json", "plan.xlsx", "plan.pdf", "signed.pdf")
#: Words of SQL that must never reach the person (a failing statement's text).
SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "CREATE ", "[SQL:", "Traceback")



def _commands(path: Path, out: Path) -> list[list[str]]:
    return [
        ["info", str(path), "--json"],
        ["info", str(path)],
        ["check", str(path)],
        ["export", str(path), "--json", str(out / "plan.json"), "--xlsx", str(out / "plan.xlsx"),
         "--pdf", str(out / "plan.pdf")],
        ["export", str(path), "--pdf", str(out / "signed.pdf"), "--sign", "--author", "Dana"],
    ]


def _refusal(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(args)
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), err
    [line] = err.splitlines()
    assert line.startswith(f"summit-app: error: {args[1]}: "), line
    assert not any(word in line for word in SQL_WORDS), line
    return line


@pytest.mark.slow  # a child process per file for the window
@pytest.mark.timeout(180)
@pytest.mark.parametrize("kind", HOSTILE_PLANS)
def test_a_hostile_plan_is_refused_in_one_line_and_left_as_it_was(
    kind: str, good_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SUMMIT_APP_DEBUG", raising=False)
    folder = tmp_path / "picked"
    folder.mkdir()
    path = folder / "plan.techplan"
    HOSTILE_PLANS[kind](path, good_plan)
    before = snapshot(folder)
    lines = {_refusal(args, capsys) for args in _commands(path, tmp_path)}
    assert len(lines) == 1, lines  # the same reason whatever the command
    smoke = run_cli(path, "--smoke", timeout=60)
    assert "Traceback" not in smoke.stderr
    if smoke.returncode == 2:
        assert error_line(smoke) == lines.pop()
    else:  # the window listed the broken items instead of opening the plan
        assert (smoke.returncode, smoke.stderr) == (0, "")
    assert snapshot(folder) == before
    assert [name for name in OUTPUTS if (tmp_path / name).exists()] == []


def test_the_corpus_covers_every_kind_of_hostility() -> None:
    prefixes = {name.split("-")[0] for name in HOSTILE_PLANS}
    assert len(HOSTILE_PLANS) >= 40
    assert {"district", "budget", "upgrade", "acceptance", "trigger", "view", "table", "index", "column", "journal",
            "revision"} <= prefixes
