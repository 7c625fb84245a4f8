"""The lock belongs to the plan file, not its name: links, racing openers, junk at the lock path, hostile names."""

from __future__ import annotations

import contextlib
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

from summit_app.plan import model
from summit_app.store.errors import LockHolder, PlanLockedError, ReadOnlyFileError
from summit_app.store.lock import PlanLock, current_holder, kernel_lock_usable, lock_path
from summit_app.store.plan_file import PlanFile

WORKER = Path(__file__).with_name("lock_worker.py")
HOLDER = "Dana Whitfield (table 3)"
REFUSED = "the plan is open in another window: "
UNKNOWN = "the plan is open for editing in another window or program; open it read-only or as a copy"
MakePlan = Callable[..., Path]


class Opener:
    """Another process that opens the plan when told to and keeps it until told to let go."""

    def __init__(self, path: Path, name: str, mode: str = "file") -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen([sys.executable, str(WORKER), str(path), name, mode], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.reply() == "ready"

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def reply(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().rstrip("\n")

    def end(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)
        if self.process.stdout is not None:
            self.process.stdout.close()


@contextlib.contextmanager
def held(path: Path, name: str = HOLDER) -> Iterator[Opener]:
    """``path`` held open for editing by another running process until the block ends."""
    opener = Opener(path, name)
    try:
        opener.send("open")
        assert opener.reply() == "got"
        yield opener
    finally:
        opener.process.kill()
        opener.end()


def dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    return int(finished.stdout)


def leave_stale_record(path: Path) -> None:
    """The record of a holder whose process has ended, as a killed app leaves it."""
    record = {"name": "Sam, whose laptop crashed", "host": socket.gethostname(), "pid": dead_pid(),
              "started": "12345", "app": "Summit Planner", "since": "2026-03-10 09:12 UTC"}
    lock_path(path).write_text(json.dumps(record), encoding="utf-8")


# --- every path to the file reaches the same lock -------------------------------------------------


def _other_name(kind: str, path: Path, tmp_path: Path) -> Path:
    """Another way to name the plan at ``path``."""
    if kind == "symlink":
        (tmp_path / "link.techplan").symlink_to(path.name)
        return tmp_path / "link.techplan"
    if kind == "hard link":
        os.link(path, tmp_path / "link.techplan")
        return tmp_path / "link.techplan"
    if kind == "symlinked folder":
        (tmp_path / "shortcut").symlink_to(tmp_path, target_is_directory=True)
        return tmp_path / "shortcut" / path.name
    (tmp_path / "sub").mkdir()
    return Path(os.path.relpath(tmp_path / "sub" / ".." / path.name))  # ../plan.techplan, relative


KINDS = ["symlink", "hard link", "symlinked folder", "relative with .."]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("held_by", ["plan name", "other name"])
def test_any_name_of_a_held_plan_is_refused_with_the_holder_named(
    kind: str, held_by: str, make_plan_file: MakePlan, tmp_path: Path,
) -> None:
    path = make_plan_file()
    other = _other_name(kind, path, tmp_path)
    holder_path, opener_path = (path, other) if held_by == "plan name" else (other, path)
    with held(holder_path) as holder:
        with pytest.raises(PlanLockedError) as caught:
            PlanFile.open(opener_path, holder="Sam")
        assert (caught.value.holder.name, caught.value.holder.pid) == (HOLDER, holder.process.pid)
        assert current_holder(opener_path) == caught.value.holder


@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_signing_through_a_link_while_the_plan_is_edited_is_refused_and_changes_nothing(
    kind: str, make_plan_file: MakePlan, tmp_path: Path,
) -> None:
    path = make_plan_file()
    link = _other_name(kind, path, tmp_path)
    with held(path):
        before = snapshot(tmp_path)
        result = run_cli("export", link, "--pdf", tmp_path / "signed.pdf", "--sign")
        assert result.returncode == 2
        assert error_line(result).startswith(f"summit-app: error: {link}: {REFUSED}{HOLDER} on ")
        assert snapshot(tmp_path) == before


def test_a_hard_link_in_another_folder_is_refused_without_knowing_who(make_plan_file: MakePlan,
                                                                       tmp_path: Path) -> None:
    """The holder's record is beside the name it used, which this name does not lead to: refused all the same."""
    path = make_plan_file()
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "copy.techplan"
    os.link(path, link)
    with held(path):
        before = snapshot(tmp_path)
        result = run_cli("export", link, "--pdf", tmp_path / "signed.pdf", "--sign")
        assert result.returncode == 2
        assert error_line(result) == f"summit-app: error: {link}: {UNKNOWN}"
        assert snapshot(tmp_path) == before
        assert current_holder(link) == LockHolder("", "", 0, "")


def test_the_lock_survives_sqlite_opening_and_closing_the_file(make_plan_file: MakePlan, tmp_path: Path) -> None:
    """SQLite's own fcntl locks come and go with its connections; the plan's lock stays until it is closed."""
    import sqlite3

    path = make_plan_file()
    with PlanFile.open(path, holder="Dana") as plan_file:
        assert plan_file.edit_log() is not None  # SQLAlchemy connects to the file
        for _ in range(3):
            con = sqlite3.connect(path)
            con.execute("BEGIN IMMEDIATE")  # takes and drops SQLite's write lock
            con.rollback()
            con.close()  # closing a descriptor of the file drops this process's fcntl locks
        with PlanFile.open(path, read_only=True) as reader:
            reader.close()
        result = run_cli("export", path, "--pdf", tmp_path / "signed.pdf", "--sign")
        assert result.returncode == 2
        assert f"{REFUSED}Dana on " in error_line(result)
    PlanFile.open(path, holder="Sam").close()  # and it is let go on close


def test_a_killed_holder_is_reclaimed_through_a_hard_link(make_plan_file: MakePlan, tmp_path: Path) -> None:
    path = make_plan_file()
    link = _other_name("hard link", path, tmp_path)
    with held(path) as holder:
        holder.process.send_signal(signal.SIGKILL)
        holder.process.wait()
        assert lock_path(path).exists()  # its record, left behind
        assert current_holder(link) is None
        with PlanFile.open(link, holder="Sam") as plan_file:
            assert not plan_file.read_only
            assert json.loads(lock_path(link).read_text(encoding="utf-8"))["name"] == "Sam"
    assert not lock_path(link).exists()


# --- openers racing over a stale lock ---------------------------------------------------------------

RACERS = 16
ROUNDS = 10


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["file", "record"])
def test_racing_openers_over_a_stale_lock_make_exactly_one_editor(mode: str, make_plan_file: MakePlan) -> None:
    """16 processes open the plan at once, ten times, each time over a dead holder's record: one gets it.

    Each keeps what it got until all have answered, so "one at a time" cannot pass by turns.
    ``record`` is the lock of a network share (the record alone).
    """
    path = make_plan_file()
    racers = [Opener(path, f"racer {n}", mode) for n in range(RACERS)]
    try:
        for _ in range(ROUNDS):
            leave_stale_record(path)
            for racer in racers:
                racer.send("open")
            answers = [racer.reply() for racer in racers]
            winners = [racer for racer, answer in zip(racers, answers, strict=True) if answer == "got"]
            assert len(winners) == 1, answers
            assert all(a == "got" or a.startswith("refused the plan is open") for a in answers), answers
            record = json.loads(lock_path(path).read_text(encoding="utf-8"))
            assert record["pid"] == winners[0].process.pid
            for racer in racers:
                racer.send("release")
            assert [racer.reply() for racer in racers] == ["released"] * RACERS
            assert not lock_path(path).exists()
    finally:
        for racer in racers:
            racer.end()


# --- whatever is at the lock path: one line, or a clean open, never a hang ------------------------


def _folder(record: Path) -> None:
    record.mkdir()
    (record / "notes.txt").write_text("someone's notes", encoding="utf-8")


def _fifo(record: Path) -> None:
    os.mkfifo(record)


def _huge(record: Path) -> None:
    with record.open("wb") as out:
        out.truncate(100 * 1024 * 1024)  # 100 MB (sparse: no disk needed)


JUNK: dict[str, Callable[[Path], None]] = {
    "folder": _folder,
    "symlink to /dev/zero": lambda record: record.symlink_to("/dev/zero"),
    "symlink to itself": lambda record: record.symlink_to(record.name),
    "fifo": _fifo,
    "100 MB file": _huge,
    "binary junk": lambda record: record.write_bytes(os.urandom(3000) + b"\xff\xfe\x00"),
    "brackets nested deep": lambda record: record.write_text("[" * 4000, encoding="utf-8"),
    "a list": lambda record: record.write_text("[1, 2]", encoding="utf-8"),
    "wrong types": lambda record: record.write_text('{"name": 7, "host": [], "pid": "1", "since": null}',
                                                    encoding="utf-8"),
    "empty": lambda record: record.write_bytes(b""),
}
FOLDER_REFUSAL = ("its lock file plan.techplan.lock is a folder; move it away, or open the plan read-only "
                  "instead")


#: The kinds the command line itself is run on (signing renders a PDF: a few seconds each).
ON_THE_COMMAND_LINE = ["folder", "symlink to /dev/zero", "fifo", "100 MB file", "binary junk"]
OPEN_AND_CLOSE = ("import sys\nfrom summit_app.store.plan_file import PlanFile\n"
                  "PlanFile.open(sys.argv[1], holder='Sam').close()\n")


@pytest.mark.parametrize("junk", ON_THE_COMMAND_LINE)
def test_junk_at_the_lock_path_is_replaced_or_refused_in_one_line(junk: str, make_plan_file: MakePlan,
                                                                  demo: model.Plan, tmp_path: Path) -> None:
    path = make_plan_file(demo)  # a plan that may be signed: no blocking finding
    JUNK[junk](lock_path(path))
    plan_bytes = path.read_bytes()
    result = run_cli("export", path, "--pdf", tmp_path / "signed.pdf", "--sign", timeout=60)
    if junk == "folder":
        assert result.returncode == 2
        assert error_line(result) == f"summit-app: error: {path}: {FOLDER_REFUSAL}"
        assert path.read_bytes() == plan_bytes
        assert (lock_path(path) / "notes.txt").read_text(encoding="utf-8") == "someone's notes"
        assert not (tmp_path / "signed.pdf").exists()
    else:
        assert (result.returncode, result.stderr) == (0, "")
        assert (tmp_path / "signed.pdf").stat().st_size > 0
        assert not os.path.lexists(lock_path(path))  # replaced by our record, which went on close
    assert current_holder(path) is None


@pytest.mark.parametrize("junk", sorted(set(JUNK) - set(ON_THE_COMMAND_LINE)))
def test_other_junk_at_the_lock_path_is_replaced(junk: str, make_plan_file: MakePlan) -> None:
    path = make_plan_file()
    JUNK[junk](lock_path(path))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    opened = subprocess.run([sys.executable, "-c", OPEN_AND_CLOSE, str(path)], env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert (opened.returncode, opened.stderr) == (0, "")
    assert not os.path.lexists(lock_path(path))
    assert current_holder(path) is None


@pytest.mark.parametrize("junk", JUNK)
def test_junk_at_the_lock_path_under_the_record_alone(junk: str, make_plan_file: MakePlan) -> None:
    path = make_plan_file()
    JUNK[junk](lock_path(path))
    lock = PlanLock(path, "Sam", kernel_lock=False)
    if junk == "folder":
        with pytest.raises(ReadOnlyFileError, match="is a folder; move it away"):
            lock.acquire()
        assert not lock.held
        return
    lock.acquire()
    assert json.loads(lock_path(path).read_text(encoding="utf-8"))["name"] == "Sam"
    with pytest.raises(PlanLockedError, match="Sam on "):
        PlanLock(path, "Dana", kernel_lock=False).acquire()
    lock.release()
    assert not os.path.lexists(lock_path(path))


def test_a_lock_path_linked_to_another_file_replaces_the_link_not_the_file(make_plan_file: MakePlan,
                                                                           tmp_path: Path) -> None:
    path = make_plan_file()
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    lock_path(path).symlink_to(precious)
    with PlanFile.open(path, holder="Sam"):
        assert not lock_path(path).is_symlink()
    assert precious.read_text(encoding="utf-8") == "keep me"


# --- a holder's name is shown as one plain line ----------------------------------------------------

HOSTILE_NAME = "Dana\n\x1b[2J\x1b[31mWhitfield\x1b[0m\r\x07\u202etxt.exe\u202c\u200b " + "x" * 500


def test_a_hostile_holder_name_is_printed_on_one_plain_line(make_plan_file: MakePlan, tmp_path: Path) -> None:
    path = make_plan_file()
    with held(path, HOSTILE_NAME):
        result = run_cli("export", path, "--pdf", tmp_path / "signed.pdf", "--sign")
    assert result.returncode == 2
    line = error_line(result)  # exactly one line
    shown = line.removeprefix(f"summit-app: error: {path}: {REFUSED}")
    assert shown.startswith("Dana Whitfield txt.exe xxx")
    assert len(shown) < 200
    assert all(c.isprintable() for c in line)
    assert not {"\x1b", "\u202e", "\u200b", "\r", "\x07"} & set(line)


def test_every_part_of_a_holder_is_shown_plainly() -> None:
    """What the window's dialog shows (``describe``) is as plain as the command line's."""
    holder = LockHolder(HOSTILE_NAME, "host\x1b]0;pwned\x07\nname", 1, "now\u2028later")
    shown = holder.describe()
    assert shown.startswith("Dana Whitfield txt.exe xxx")
    assert shown.endswith(" on host name (since now later)")
    assert all(c.isprintable() for c in shown)
    assert holder.name == HOSTILE_NAME  # the record is kept as read; only what is shown is cleaned


# --- where the kernel lock is used ------------------------------------------------------------------


def test_local_folders_use_the_kernel_lock(tmp_path: Path) -> None:
    from summit_app.store.lock import _mount_type

    assert _mount_type(Path("/proc/self")) == "proc"
    assert kernel_lock_usable(tmp_path / "plan.techplan")


def test_the_record_alone_follows_symlinks_to_one_record(make_plan_file: MakePlan, tmp_path: Path) -> None:
    """On a network share the record is found by the resolved name: a symlink leads to the same one."""
    path = make_plan_file()
    link = _other_name("symlink", path, tmp_path)
    opener = Opener(path, "Dana", "record")
    try:
        opener.send("open")
        assert opener.reply() == "got"
        with pytest.raises(PlanLockedError, match="in another window: Dana on "):
            PlanLock(link, "Sam", kernel_lock=False).acquire()
    finally:
        opener.end()
    assert not lock_path(path).exists()  # it let go when its input ended
