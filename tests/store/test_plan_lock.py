"""The lock beside an open plan: a second opener is told who has it; a dead holder's lock is reclaimed."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from badfiles import snapshot
from runcli import ROOT, error_line, run_cli

from summit_app.store.errors import PlanLockedError
from summit_app.store.lock import current_holder, lock_path
from summit_app.store.plan_file import PlanFile

HOLD = """
import sys
from summit_app.store.plan_file import PlanFile
plan_file = PlanFile.open(sys.argv[1], holder=sys.argv[2])
print("holding", flush=True)
sys.stdin.read()
"""

MakePlan = Callable[..., Path]


@pytest.fixture
def held_by_another_process(make_plan_file: MakePlan) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A plan held open for editing by another running process, as by a second copy of the app."""
    path = make_plan_file()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen([sys.executable, "-c", HOLD, str(path), "Dana Whitfield (table 3)"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "holding\n"
        try:
            yield path, holder
        finally:
            holder.kill()


def _write_lock(path: Path, **record: object) -> None:
    base = {"name": "Sam Okafor", "host": socket.gethostname(), "pid": os.getpid(), "started": "",
            "app": "Summit Planner", "since": "2026-03-10 09:12 UTC"}
    lock_path(path).write_text(json.dumps({**base, **record}), encoding="utf-8")


def test_second_process_is_told_who_holds_the_plan(
    held_by_another_process: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, holder = held_by_another_process
    with pytest.raises(PlanLockedError) as caught:
        PlanFile.open(path, holder="Sam")
    assert caught.value.holder.name == "Dana Whitfield (table 3)"
    assert caught.value.holder.pid == holder.pid
    assert caught.value.holder.describe().startswith(f"Dana Whitfield (table 3) on {socket.gethostname()} (since ")
    assert current_holder(path) == caught.value.holder


def test_command_line_says_who_holds_the_plan_and_changes_nothing(
    held_by_another_process: tuple[Path, subprocess.Popen[str]], tmp_path: Path,
) -> None:
    path, _ = held_by_another_process
    before = snapshot(tmp_path)
    result = run_cli("export", path, "--sign", "--pdf", tmp_path / "signed.pdf")
    assert result.returncode == 2
    line = error_line(result)
    who = "the plan is open in another window: Dana Whitfield (table 3) on "
    assert line.startswith(f"summit-app: error: {path}: {who}")
    assert line.endswith("; open it read-only or as a copy")
    assert snapshot(tmp_path) == before


def test_lock_of_a_killed_holder_is_reclaimed(held_by_another_process: tuple[Path, subprocess.Popen[str]]) -> None:
    path, holder = held_by_another_process
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock_path(path).exists()  # left behind by the crash
    assert current_holder(path) is None
    with PlanFile.open(path, holder="Sam") as plan_file:
        assert not plan_file.read_only
        assert json.loads(lock_path(path).read_text(encoding="utf-8"))["name"] == "Sam"
    assert not lock_path(path).exists()


def test_lock_of_a_dead_process_on_this_host_is_reclaimed(make_plan_file: MakePlan) -> None:
    path = make_plan_file()
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    _write_lock(path, pid=int(finished.stdout), started="12345")
    with PlanFile.open(path, holder="Sam"):
        assert json.loads(lock_path(path).read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_lock_whose_pid_was_reused_by_another_process_is_reclaimed(make_plan_file: MakePlan) -> None:
    path = make_plan_file()
    _write_lock(path, pid=os.getpid(), started="1")  # a live pid, but not the process that took the lock
    PlanFile.open(path, holder="Sam").close()


def test_half_written_lock_is_reclaimed(make_plan_file: MakePlan) -> None:
    path = make_plan_file()
    lock_path(path).write_text('{"name": "Sam Oka', encoding="utf-8")
    PlanFile.open(path, holder="Sam").close()
    assert not lock_path(path).exists()


def test_lock_from_another_computer_is_respected(make_plan_file: MakePlan) -> None:
    path = make_plan_file()
    _write_lock(path, host="planning-laptop.district.example", pid=1)
    before = lock_path(path).read_bytes()
    with pytest.raises(PlanLockedError, match=r"Sam Okafor on planning-laptop\.district\.example"):
        PlanFile.open(path, holder="Dana")
    assert lock_path(path).read_bytes() == before


def test_live_holder_in_this_process_is_respected_and_read_only_opens_still_work(make_plan_file: MakePlan) -> None:
    path = make_plan_file()
    with PlanFile.open(path, holder="Dana"):
        with pytest.raises(PlanLockedError, match="Dana on "):
            PlanFile.open(path, holder="Sam")
        with PlanFile.open(path, read_only=True) as reader:
            assert reader.read_only
    assert not lock_path(path).exists()
