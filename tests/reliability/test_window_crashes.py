"""The real window killed at random moments, again and again on one plan: every edit it applied is kept.

tests/store/test_crash_safety.py kills a process editing through the store 50
times; here the process is the app itself. window_worker.py runs the main window
and applies edits through its ``UiContext``, as every pane does, and is killed
with SIGKILL: some times while Qt starts, the window is built and the plan opens
(rolling back the last one's journal and reclaiming its lock), most times while
it edits. After every kill the store test's own check runs: the file passes
SQLite's integrity check, opens, and holds every edit whose ``apply`` returned.
At the end the window opens the plan and shows every member those edits added.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from guihelpers import column_of, plan_on_disk
from runcli import ROOT
from store import test_crash_safety as store_crash

from summit_app.plan import model
from summit_app.store.plan_file import PlanFile

WORKER = Path(__file__).with_name("window_worker.py")
KILLS = 10


def _kill_the_window(worker: Any, rng: random.Random, starting: float | None) -> tuple[int | None, float]:
    """Start a window and kill it: within ``starting`` seconds (while Qt starts, the window is built and
    the plan opens), or, when None, while it edits. The last edit it reported done, and how long it
    took to open the plan (0 if it was killed before)."""
    worker.start()
    pid = worker.wait_for("worker")
    forked, opened = time.monotonic(), 0.0
    if starting is not None:
        time.sleep(rng.uniform(0, starting))
    else:
        worker.wait_for("opened")
        opened = time.monotonic() - forked
        time.sleep(rng.uniform(0.020, 0.300))
    os.kill(pid, signal.SIGKILL)
    status = worker.wait_for("ended")  # every line the window wrote has arrived
    assert os.WIFSIGNALED(status), "the window stopped on its own (see the errors file)"
    assert os.WTERMSIG(status) == signal.SIGKILL
    return worker.seen.get("done"), opened


@pytest.mark.slow
def test_the_window_killed_at_random_moments_keeps_every_applied_edit(
    tmp_path: Path, demo: model.Plan, make_window: Any
) -> None:
    path = tmp_path / "plan.techplan"
    PlanFile.create(path, demo).close()
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    errors = tmp_path / "window-errors.txt"
    print(f"seed {seed}; the windows' errors go to {errors}")  # shown if it fails
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    confirmed, early_kills = -1, 0
    with errors.open("w") as stderr, subprocess.Popen(
        [sys.executable, str(WORKER), str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=stderr, text=True, env=env,
    ) as process:
        worker = store_crash._Worker(process)
        try:
            starting = 0.0  # how long a window takes to open the plan, from the late kills
            for kill in range(KILLS):
                early = kill % 3 == 1  # after a late kill, so ``starting`` is known
                last, opened = _kill_the_window(worker, rng, 0.9 * starting if early else None)
                starting = max(starting, opened)
                early_kills += early and "opened" not in worker.seen
                confirmed = max(confirmed, -1 if last is None else last)
                store_crash._check_after_kill(path, confirmed)
        finally:
            process.kill()
    print(f"{KILLS} kills ({early_kills} before the plan was open), {confirmed + 1} edits confirmed")
    assert confirmed > KILLS  # the windows really were editing when killed
    assert early_kills > 0
    window = make_window(path=path)
    team = window.workspace.pane("district").team
    crash_members = [m for m in plan_on_disk(path).members if m.id.startswith("crash-")]
    assert len(crash_members) >= confirmed // 2 + 1
    name = column_of(team, "name")
    names = {team.model.index(row, name).data() for row in range(team.model.rowCount())}
    assert {m.name for m in crash_members} <= names
