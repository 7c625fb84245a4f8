"""A command whose reader has gone (``summit-app check PLAN | head``) ends quietly, not with an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from runcli import ROOT, run_cli


@pytest.mark.parametrize("command", [["check", "{plan}", "--json"], ["info", "{plan}"], ["schema"]])
def test_output_into_a_closed_pipe_ends_quietly(tmp_path: Path, command: list[str]) -> None:
    plan = tmp_path / "demo.techplan"
    assert run_cli("new", plan, "--demo").returncode == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SUMMIT_APP_DEBUG", None)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line: every write meets a closed pipe
    try:
        result = subprocess.run([sys.executable, "-m", "summit_app", *(a.format(plan=plan) for a in command)],
                                env=env, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60,
                                check=False)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141
