"""A plan on a disk that fills mid-edit: the refused edit is told in one line, nothing applied is lost.

The disk is a small filesystem made for the test (tmpfs, which only root may
mount), filled with a placeholder file up to a chosen number of free bytes.
Every edit whose ``apply`` returned must be in the reopened file, the refused
one must not be, the file must pass ``PRAGMA integrity_check``, nothing may be
left beside it, and once space is freed the plan takes edits again. Where no
small filesystem can be made, the tests are skipped and say why.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from badfiles import snapshot
from guihelpers import plan_on_disk, type_into
from pytestqt.qtbot import QtBot
from runcli import error_line, run_cli

from summit_app.plan import model
from summit_app.plan.document import PlanDocument
from summit_app.plan.edits import AddItem, Edit
from summit_app.store.errors import PlanFileError
from summit_app.store.lock import lock_path
from summit_app.store.plan_file import PlanFile, close_document, open_document

DISK_SIZE = "2m"
PAGE = 4096  # tmpfs allocates whole pages: a lock file takes one
DISK_FULL = "the disk is full, so the last change was not saved; free some space and try again"
NO_LOCK = "its lock file cannot be written beside it (No space left on device); open it read-only instead"
ATTEMPTS = 6


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder that is a 2 MiB filesystem of its own, unmounted after the test."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("making a small filesystem needs root (mount -t tmpfs); run the suite as root to test a full disk")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE},mode=0755", "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {made.stderr.strip() or made.returncode}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], check=False).returncode != 0:
            subprocess.run(["umount", "--lazy", str(folder)], check=True)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, demo: model.Plan) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.techplan"
    PlanFile.create(path, demo).close()
    return path


def fill(disk: Path, leave: int) -> Path:
    """Take all the free space of ``disk`` but ``leave`` bytes; the placeholder file to delete later."""
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    filler = disk / "placeholder"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o644)
    try:
        os.posix_fallocate(fd, 0, free - leave)
    finally:
        os.close(fd)
    return filler


def edit(n: int) -> Edit:
    """Edit ``n``: a new team member whose title takes one to four kilobytes."""
    title = f"title {n} " + "of some length " * (70 + 37 * n % 210)
    return AddItem("members", model.TeamMember(f"full-{n}", f"Member {n}", "teacher-leader", title), label=f"edit {n}")


def edit_until_refused(document: PlanDocument) -> tuple[int, PlanFileError]:
    """Apply edits until the disk refuses one: how many were applied, and the refusal."""
    for n in range(500):
        try:
            document.apply(edit(n))
        except PlanFileError as exc:
            return n, exc
    pytest.fail("the disk never filled up")


def integrity(path: Path) -> list[tuple[str]]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()


def _check_attempt(path: Path, filler: Path, demo_log: int) -> None:
    """Fill the disk mid-edit once and check everything the module docstring promises."""
    document = open_document(path, author="Dana")
    try:
        applied, refused = edit_until_refused(document)
        assert (refused.what, refused.why) == (str(path), DISK_FULL)
        kept = document.plan
        with pytest.raises(PlanFileError, match="the disk is full"):
            document.apply(edit(applied))  # still full: refused again, and still nothing half-done
        assert document.plan is kept
    finally:
        close_document(document)
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([path.name, filler.name])  # no journal, no lock
    assert integrity(path) == [("ok",)]
    with PlanFile.open(path, read_only=True) as reader:
        assert reader.load() == kept
        assert [e.label for e in reader.edit_log()[demo_log:]] == [f"edit {n}" for n in range(applied)]
    filler.unlink()
    document = open_document(path, author="Dana")  # with room again, the plan takes edits again
    try:
        document.apply(edit(applied))
    finally:
        close_document(document)
    assert plan_on_disk(path).members[-1].id == f"full-{applied}"


@pytest.mark.slow
def test_a_full_disk_refuses_the_edit_in_one_line_and_keeps_every_applied_one(
    small_disk: Path, demo_file: Path
) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    rooms = [rng.randrange(2 * PAGE, 160 * 1024) for _ in range(ATTEMPTS)]
    print(f"seed {seed}: free bytes at the start of each attempt {rooms}")  # shown if it fails
    with PlanFile.open(demo_file, read_only=True) as reader:
        demo_log = len(reader.edit_log())
    for room in rooms:
        path = small_disk / "plan.techplan"
        shutil.copyfile(demo_file, path)
        _check_attempt(path, fill(small_disk, room), demo_log)
        path.unlink()


@pytest.mark.parametrize(("room", "why"), [(0, NO_LOCK), (PAGE, DISK_FULL)], ids=["no-room-for-the-lock",
                                                                               "no-room-for-the-edit"])
def test_signing_on_a_full_disk_is_refused_in_one_line(room: int, why: str, small_disk: Path, demo_file: Path,
                                                       tmp_path: Path) -> None:
    """``export --sign`` records the signature in the plan: refused, the plan as it was and no PDF."""
    path = small_disk / "plan.techplan"
    shutil.copyfile(demo_file, path)
    fill(small_disk, room)
    before = snapshot(small_disk)
    result = run_cli("export", path, "--sign", "--pdf", tmp_path / "signed.pdf", cwd=tmp_path)
    assert result.returncode == 2
    assert error_line(result) == f"summit-app: error: {path}: {why}"
    assert snapshot(small_disk) == before
    assert not (tmp_path / "signed.pdf").exists()
    assert not lock_path(path).exists()


def test_the_window_says_in_its_status_bar_that_the_edit_was_not_saved(
    qtbot: QtBot, small_disk: Path, demo_file: Path, make_window: Any
) -> None:
    path = small_disk / "plan.techplan"
    shutil.copyfile(demo_file, path)
    filler = fill(small_disk, PAGE)  # room for the lock, none for the edit
    window = make_window(path=path)
    name = window.workspace.pane("district").district_form.editor("name")
    type_into(qtbot, name, "Harbor Unified")
    assert window.statusBar().currentMessage() == f"Not changed: {DISK_FULL}"
    assert plan_on_disk(path).district.name == "Cedar Valley Unified School District"
    filler.unlink()
    type_into(qtbot, name, "Harbor Unified")
    assert plan_on_disk(path).district.name == "Harbor Unified"
    window.close()
    assert integrity(path) == [("ok",)]


def test_the_window_offers_read_only_when_not_even_the_lock_fits(small_disk: Path, demo_file: Path,
                                                                 make_window: Any, prompts: Any) -> None:
    path = small_disk / "plan.techplan"
    shutil.copyfile(demo_file, path)
    fill(small_disk, 0)
    before = snapshot(small_disk)
    prompts.script("offer_read_only", True)
    window = make_window(path=path)
    assert prompts.asked == [("offer_read_only", (path, NO_LOCK))]
    assert window.context is not None
    assert window.context.read_only
    window.close()
    assert snapshot(small_disk) == before
