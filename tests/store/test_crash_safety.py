"""A plan survives its app being killed at any moment: nothing applied is ever lost.

A worker process applies edits in a loop and prints each edit's number once
``apply`` returned; it is killed with SIGKILL at random moments, again and
again on the same file. After every kill the file must pass SQLite's
integrity check, open (rolling back a half-written transaction and reclaiming
the dead worker's lock) and hold every edit whose ``apply`` returned.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import IO

import pytest
from runcli import ROOT

from summit_app.plan import model
from summit_app.store.lock import lock_path
from summit_app.store.plan_file import PlanFile

WORKER = Path(__file__).with_name("crash_worker.py")
KILLS = 50


def _line(stream: IO[str]) -> tuple[str, int]:
    line = stream.readline()
    assert line, "the crash worker stopped answering"
    word, number = line.split()
    return word, int(number)


class _Worker:
    """The crash worker process and what its lines said."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        assert process.stdin is not None
        assert process.stdout is not None
        self.process, self._in, self._out = process, process.stdin, process.stdout
        self.seen: dict[str, int] = {}

    def start(self) -> None:
        self.seen = {}
        self._in.write("go\n")
        self._in.flush()

    def wait_for(self, word: str) -> int:
        """Read lines up to ``word`` (or return at once if it came already); its number."""
        while word not in self.seen:
            said, number = _line(self._out)
            self.seen[said] = number
        return self.seen[word]


def _kill_a_worker(worker: _Worker, rng: random.Random) -> int | None:
    """Start a worker and kill it; the last edit number it reported done.

    Mostly 20–150 ms into its editing; one time in four while it opens the plan
    (rolling back the last worker's journal, reclaiming its lock).
    """
    worker.start()
    pid = worker.wait_for("worker")
    if rng.random() < 0.25:
        time.sleep(rng.uniform(0, 0.06))
    else:
        worker.wait_for("opened")
        time.sleep(rng.uniform(0.020, 0.150))
    os.kill(pid, signal.SIGKILL)
    status = worker.wait_for("ended")
    assert os.WIFSIGNALED(status), "the worker failed on its own"
    assert os.WTERMSIG(status) == signal.SIGKILL
    return worker.seen.get("done")


def _digest(path: Path) -> tuple[str, ...]:
    journal = path.with_name(path.name + "-journal")
    files = [path, journal] if journal.exists() else [path]
    return tuple(hashlib.sha256(f.read_bytes()).hexdigest() for f in files)


def _assert_holds_edits(plan: model.Plan, log_length: int, confirmed: int) -> None:
    """Edits 0..confirmed are all there, and nothing but whole edits is."""
    # Later ones may be there too: a worker can die after its commit, before its report.
    assert log_length >= confirmed + 1, f"edit {confirmed} was reported done, the file has {log_length} edits"
    members = {m.id: m for m in plan.members if m.id.startswith("crash-")}
    assert sorted(members) == sorted(f"crash-{n}" for n in range(0, log_length, 2))
    for n in range(1, log_length, 2):
        assert members[f"crash-{n - 1}"].title == f"title {n}"


def _check_after_kill(path: Path, confirmed: int) -> None:
    before = _digest(path)
    with PlanFile.open(path, read_only=True) as reader:  # must not roll back the journal itself
        _assert_holds_edits(reader.load(), len(reader.edit_log()), confirmed)
    assert _digest(path) == before
    with PlanFile.open(path, holder="checker") as plan_file:  # rolls back, reclaims the stale lock
        _assert_holds_edits(plan_file.load(), len(plan_file.edit_log()), confirmed)
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


@pytest.mark.slow
def test_killed_at_random_moments_the_plan_keeps_every_applied_edit(
    tmp_path: Path, demo: model.Plan
) -> None:
    path = tmp_path / "plan.techplan"
    PlanFile.create(path, demo).close()
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    print(f"seed {seed}; the workers' errors go to {tmp_path / 'worker-errors.txt'}")  # shown if it fails
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen: Counter[str] = Counter()
    confirmed = -1
    with (tmp_path / "worker-errors.txt").open("w") as errors, subprocess.Popen(
        [sys.executable, str(WORKER), str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=errors, text=True, env=env,
    ) as process:
        worker = _Worker(process)
        try:
            for _ in range(KILLS):
                last = _kill_a_worker(worker, rng)
                confirmed = max(confirmed, -1 if last is None else last)
                journal = path.with_name(path.name + "-journal")
                seen["journal left"] += journal.exists() and journal.stat().st_size > 0
                seen["lock left"] += lock_path(path).exists()
                _check_after_kill(path, confirmed)
        finally:
            process.kill()
    print(f"{KILLS} kills, {confirmed + 1} edits confirmed, {dict(seen)}")
    assert confirmed > KILLS  # the workers really were editing when killed,
    assert seen["journal left"] > 0  # some of them in the middle of a transaction
    assert seen["lock left"] > KILLS // 2
