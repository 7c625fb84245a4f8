"""An upgrade killed at any point leaves the plan as it was; the next open upgrades it whole.

A worker opens a copy of an older fixture for editing, which backs it up and
migrates it in one transaction, and stops at a chosen statement of the
migration (or just before its commit); the test kills it there with SIGKILL.
SQLite's journal then holds every page the migration changed: rolled back, the
file is the fixture byte for byte, and opening it again upgrades it like a
file that was never interrupted.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from summit_app.plan.signing import signed_state
from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.plan_file import PlanFile

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("upgrade_worker.py")
FIXTURES = ROOT / "tests" / "fixtures"

#: (fixture revision, where the worker stops): inside revision 4's rebuild of the budget lines (old table
#: dropped, new one not yet renamed), after its defaults are filled in, after its last table, before the commit;
#: inside revision 5, between its new tables and after the singleton's row.
STOPS = [
    (3, "DROP TABLE budget_lines"),
    (3, "UPDATE budget_lines SET device_users"),
    (3, "CREATE TABLE accepted_findings"),
    (3, "commit"),
    (1, "DROP TABLE goals"),
    (1, "commit"),
    (4, "CREATE TABLE equity"),
    (4, "INSERT INTO equity"),
    (4, "commit"),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _killed_while_upgrading(path: Path, where: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen([sys.executable, str(WORKER), str(path), where], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env) as worker:
        try:
            line = worker.stdout.readline() if worker.stdout else ""
            assert line == "stopped\n", (line, worker.stderr.read() if worker.stderr else "")
            os.kill(worker.pid, signal.SIGKILL)
        finally:
            worker.kill()
            worker.wait()
        assert worker.returncode == -signal.SIGKILL


def _rolled_back_copy(path: Path, folder: Path) -> Path:
    """The plan with its journal rolled back by SQLite itself, in another folder."""
    folder.mkdir()
    copy = folder / path.name
    shutil.copyfile(path, copy)
    shutil.copyfile(path.with_name(path.name + "-journal"), copy.with_name(copy.name + "-journal"))
    con = sqlite3.connect(copy)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchall()  # the first read rolls the journal back
    finally:
        con.close()
    return copy


@pytest.mark.slow
@pytest.mark.parametrize(("revision", "where"), STOPS, ids=[f"r{r}-{w.split()[0].lower()}" for r, w in STOPS])
def test_an_upgrade_killed_midway_leaves_the_plan_as_it_was(tmp_path: Path, revision: int, where: str) -> None:
    fixture = FIXTURES / f"plan-r{revision}.techplan"
    path = tmp_path / "plan.techplan"
    shutil.copyfile(fixture, path)
    _killed_while_upgrading(path, where)
    journal = path.with_name(path.name + "-journal")
    assert journal.stat().st_size > 0  # the migration was under way: its changes wait in the journal
    assert sha256(path.with_name(f"plan.before-upgrade-r{revision}.techplan.bak")) == sha256(fixture)
    assert sha256(_rolled_back_copy(path, tmp_path / "rolled-back")) == sha256(fixture)

    clean = tmp_path / "clean" / "plan.techplan"
    clean.parent.mkdir()
    shutil.copyfile(fixture, clean)
    with PlanFile.open(clean) as plan_file:
        expected = plan_file.load()
    with PlanFile.open(path, read_only=True) as plan_file:  # reads a rolled-back, upgraded copy
        assert plan_file.schema_version() == revision
        assert plan_file.load() == expected
    with PlanFile.open(path) as plan_file:  # rolls back, backs up again, upgrades
        assert plan_file.schema_version() == SCHEMA_VERSION
        plan = plan_file.load()
    assert plan == expected
    assert signed_state(plan).signed == signed_state(expected).signed
    assert not journal.exists()
    assert sha256(path.with_name(f"plan.before-upgrade-r{revision}-2.techplan.bak")) == sha256(fixture)
