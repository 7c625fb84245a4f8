"""The app as a process: ``summit-app PLAN --smoke``, refusals on the command line, and a kill mid-session."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_types import MakePlanFile
from guihelpers import plan_on_disk

from summit_app.plan import model
from summit_app.store.lock import current_holder

ROOT = Path(__file__).resolve().parents[2]


def run_app(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "summit_app", *args], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env=env, check=False)


def test_smoke_opens_paints_and_exits(make_plan_file: MakePlanFile) -> None:
    path = make_plan_file(model.Plan(district=model.District(name="Harbor")))
    result = run_app(str(path), "--smoke")
    assert (result.returncode, result.stderr) == (0, "")
    assert current_holder(path) is None
    assert not path.with_name(path.name + ".lock").exists()


def test_smoke_on_a_refused_plan_prints_the_cli_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.techplan"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = run_app(str(bad), "--smoke")
    info = run_app("info", str(bad))
    assert result.returncode == 2
    assert result.stderr.splitlines() == info.stderr.splitlines()
    assert result.stderr.startswith(f"summit-app: error: {bad}: ")
    assert result.stderr.count("\n") == 1


#: Runs ``summit-app PLAN`` in-process, quits it once it is up (when, its start-up done, it
#: starts warming up the store), then reports the cyclic collector's state.
RUN_AND_QUIT = """
import gc, sys
from PySide6.QtWidgets import QApplication
from summit_app import app, cli

started = app._warm_up_store

def start_then_quit(window):
    thread = started(window)
    QApplication.instance().quit()
    return thread

app._warm_up_store = start_then_quit
code = cli.main([sys.argv[1]])
print(code, gc.isenabled(), gc.get_freeze_count() > 10_000)
"""


def test_the_running_app_collects_again_once_started(make_plan_file: MakePlanFile, tmp_path: Path) -> None:
    """Start-up runs without the cyclic collector, its long-lived objects frozen; then it is on again."""
    path = make_plan_file(model.Plan(district=model.District(name="Harbor")))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", RUN_AND_QUIT, str(path)], capture_output=True, text=True,
                            timeout=60, cwd=ROOT, env=env, check=False)
    assert result.stdout.split() == ["0", "True", "True"], result.stderr
    assert current_holder(path) is None


@pytest.mark.slow
def test_an_edit_survives_the_app_being_killed(make_plan_file: MakePlanFile) -> None:
    path = make_plan_file(model.Plan(district=model.District(name="Harbor")))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, str(Path(__file__).with_name("gui_child.py")), str(path), "Harbor Unified"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "edited"
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert plan_on_disk(path).district.name == "Harbor Unified"
    assert current_holder(path) is None  # the dead window's lock is stale and reclaimed
