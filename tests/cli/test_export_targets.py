"""Every output a command must refuse: the plan by any path, open plans, devices, pipes, folders,
refusing and full disks, one file named twice, a failure midway through several outputs.

Each case runs the real command line in a child process from the plan's folder
and asserts the exit code, the one error line, that the plan file is byte for
byte what it was (so its edit log too, which is also read back), and that no
file anywhere the command could write appeared, changed or was left behind.
A folder that refuses new files even to root is a read-only or immutable
filesystem made for the test, or sysfs; a full disk is a small tmpfs filled up.
Where the machine cannot make one, the case is skipped and says why.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from runcli import ROOT, error_line, run_cli

from summit_app.plan import model
from summit_app.store.lock import PlanLock, lock_path
from summit_app.store.plan_file import PlanFile, close_document, open_document

NEVER_A_PLAN = "an export never replaces a plan file"
THE_PLAN = f"is the plan being exported; {NEVER_A_PLAN}"
ANOTHER_PLAN = f"is a Summit Planner plan file; {NEVER_A_PLAN}"
NOT_A_FILE = "not a file; give a file name"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, demo: model.Plan) -> Path:
    path = tmp_path_factory.mktemp("demo") / "plan.techplan"
    PlanFile.create(path, demo).close()
    return path


def _root_only(what: str) -> None:
    if os.geteuid() != 0:
        pytest.skip(f"{what} needs root (mount); run the suite as root to test it")


def _mount_tmpfs(folder: Path, options: str) -> None:
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {made.stderr.strip() or made.returncode}")


def _unmount(folder: Path) -> None:
    if subprocess.run(["umount", str(folder)], check=False).returncode != 0:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


@dataclass
class Place:
    """The plan's folder (where the command runs), the plan in it, and the other folders a case makes."""

    folder: Path
    plan: Path
    scratch: Path
    cleanup: ExitStack
    watched: list[Path] = field(default_factory=list)  # folders that must be left exactly as they were

    def full_disk(self) -> Path:
        """A 1 MiB filesystem with no free space left."""
        _root_only("a full disk")
        disk = self._new_folder("full-disk")
        _mount_tmpfs(disk, "size=1m,mode=0755")
        self.cleanup.callback(_unmount, disk)
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        fd = os.open(disk / "placeholder", os.O_CREAT | os.O_WRONLY, 0o644)
        try:
            os.posix_fallocate(fd, 0, free)
        finally:
            os.close(fd)
        assert os.statvfs(disk).f_bavail == 0
        return disk

    def read_only_disk(self) -> Path:
        _root_only("a read-only filesystem")
        disk = self._new_folder("read-only")
        _mount_tmpfs(disk, "ro,size=64k")
        self.cleanup.callback(_unmount, disk)
        return disk

    def immutable_folder(self) -> Path:
        """A folder no one may add files to, root included (``chattr +i``)."""
        folder = self._new_folder("immutable")
        if shutil.which("chattr") is None:
            pytest.skip("chattr is not installed")
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True, check=False)
        if made.returncode != 0:
            pytest.skip(f"this filesystem has no immutable folders: {made.stderr.strip()}")
        self.cleanup.callback(subprocess.run, ["chattr", "-i", str(folder)], check=True)
        return folder

    def _new_folder(self, name: str) -> Path:
        folder = self.scratch / name
        folder.mkdir()
        self.watched.append(folder)
        return folder


@pytest.fixture
def place(tmp_path: Path, demo_file: Path) -> Iterator[Place]:
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = folder / "plan.techplan"
    shutil.copyfile(demo_file, plan)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with ExitStack() as cleanup:
        yield Place(folder, plan, scratch, cleanup, [folder])


def listing(folder: Path) -> dict[str, str]:
    """Every name under ``folder`` with what it is: a regular file's SHA-256, a link's target, a type."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            mode = path.lstat().st_mode
            if stat.S_ISREG(mode):
                what = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISLNK(mode):
                what = "link to " + os.readlink(path)
            else:
                what = stat.filemode(mode)[0]  # d, p, c, b, s: never opened (a pipe would block)
            out[os.path.relpath(path, folder)] = what
    return out


def edit_log(plan: Path) -> list[tuple[str, str]]:
    with PlanFile.open(plan, read_only=True) as reader:
        return [(entry.label, entry.author) for entry in reader.edit_log()]


# --- the table ------------------------------------------------------------------------
# Each case prepares what it needs and returns the command's arguments after ``export PLAN``
# (or a whole ``rollup`` command), the output named in the error line, and why (one of these).

Case = Callable[[Place], tuple[list[str], str, tuple[str, ...]]]


def _symlink(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    (place.folder / "link.xlsx").symlink_to("plan.techplan")
    return ["--xlsx", "link.xlsx"], "link.xlsx", (THE_PLAN,)


def _symlink_from_elsewhere(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    link = place.scratch / "plan.json"
    link.symlink_to(place.plan)
    place.watched.append(place.scratch)
    return ["--json", str(link)], str(link), (THE_PLAN,)


def _hard_link(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    (place.folder / "hard.pdf").hardlink_to(place.plan)
    return ["--pdf", "hard.pdf", "--sign"], "hard.pdf", (THE_PLAN,)


def _lock_file(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    target = str(lock_path(place.plan))
    return ["--pdf", target, "--sign"], target, (f"is the lock file of the plan being exported; {NEVER_A_PLAN}",)


def _another_open_plan(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    other = place.folder / "other.techplan"
    PlanFile.create(other, model.Plan()).close()
    document = open_document(other, author="Dana")  # held open for editing while the command runs
    place.cleanup.callback(close_document, document)
    return ["--json", "other.techplan"], "other.techplan", (ANOTHER_PLAN,)


def _file_held_by_a_window(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    """A file a running app holds open for editing (its lock is live), whatever its bytes say."""
    held = place.folder / "held.json"
    held.write_text("{}", encoding="utf-8")
    lock = PlanLock(held, "Dana")
    lock.acquire()
    place.cleanup.callback(lock.release)
    return ["--json", "held.json"], "held.json", (ANOTHER_PLAN,)


def _other_plans_journal(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    PlanFile.create(place.folder / "other.techplan", model.Plan()).close()
    return (["--json", "other.techplan-journal"], "other.techplan-journal",
            (f"is the journal of the plan other.techplan; {NEVER_A_PLAN}",))


def _fifo(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    os.mkfifo(place.folder / "pipe.json")
    return ["--json", "pipe.json"], "pipe.json", (f"is a named pipe (FIFO), {NOT_A_FILE}",)


def _device_node(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    """A null device (what /dev/null is) made in the test's folder: a regression must not destroy the real one."""
    try:
        os.mknod(place.folder / "null.pdf", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return ["--pdf", "null.pdf"], "null.pdf", (f"is a device, {NOT_A_FILE}",)


def _socket(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    path = place.folder / "s.xlsx"
    if len(str(path)) > 100:
        pytest.skip("the test folder's path is too long for a socket address")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    place.cleanup.callback(server.close)
    return ["--xlsx", "s.xlsx"], "s.xlsx", (f"is a socket, {NOT_A_FILE}",)


def _folder(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    (place.folder / "exports").mkdir()
    return ["--xlsx", "exports"], "exports", ("is a folder; give a file name",)


def _same_file_twice_by_link(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    (place.folder / "a.json").write_text("last week's", encoding="utf-8")
    (place.folder / "b.json").hardlink_to(place.folder / "a.json")
    return (["--json", "a.json", "--pdf", "b.json"], "b.json",
            ("is the same file as a.json, named for another output; give each output its own file",))


def _refusing_folder(make: Callable[[Place], Path], name: str, reasons: tuple[str, ...],
                     *extra: str) -> Case:
    """An output in a folder made by ``make`` that refuses it for one of ``reasons``."""

    def case(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
        target = str(make(place) / name)
        flag = {".json": "--json", ".xlsx": "--xlsx", ".pdf": "--pdf"}[Path(name).suffix]
        return [flag, target, *extra], target, tuple(f"cannot be written ({r})" for r in reasons)

    return case


def _sysfs(place: Place) -> Path:
    return Path("/sys/kernel")  # sysfs never lets anyone, root included, make a file


FULL = ("No space left on device",)


def _second_of_three_fails(place: Place) -> tuple[list[str], str, tuple[str, ...]]:
    """The first output is written, the second finds the disk full: neither the first nor the third is left."""
    (place.folder / "plan.json").write_text("last week's export", encoding="utf-8")
    target = str(place.full_disk() / "plan.xlsx")
    return ["--json", "plan.json", "--xlsx", target, "--pdf", "plan.pdf"], target, tuple(
        f"cannot be written ({r})" for r in FULL)


CASES: dict[str, Case] = {
    "json-is-the-plan": lambda p: (["--json", "plan.techplan"], "plan.techplan", (THE_PLAN,)),
    "pdf-is-the-plan": lambda p: (["--pdf", "plan.techplan"], "plan.techplan", (THE_PLAN,)),
    "signed-pdf-is-the-plan": lambda p: (["--pdf", "plan.techplan", "--sign"], "plan.techplan", (THE_PLAN,)),
    "xlsx-is-./plan": lambda p: (["--xlsx", "./plan.techplan"], "./plan.techplan", (THE_PLAN,)),
    "absolute-path-of-the-plan": lambda p: (["--xlsx", str(p.plan)], str(p.plan), (THE_PLAN,)),
    "symlink-to-the-plan": _symlink,
    "symlink-elsewhere-to-the-plan": _symlink_from_elsewhere,
    "hard-link-to-the-plan-signed": _hard_link,
    "the-plan's-journal": lambda p: (["--json", "plan.techplan-journal"], "plan.techplan-journal",
                                     (f"is the journal of the plan being exported; {NEVER_A_PLAN}",)),
    "the-plan's-journal-signed": lambda p: (["--pdf", "./plan.techplan-journal", "--sign"],
                                            "./plan.techplan-journal",
                                            (f"is the journal of the plan being exported; {NEVER_A_PLAN}",)),
    "the-plan's-lock-signed": _lock_file,
    "another-open-plan": _another_open_plan,
    "a-file-held-open-by-a-window": _file_held_by_a_window,
    "another-plan's-journal": _other_plans_journal,
    "a-fifo": _fifo,
    "a-device-node": _device_node,
    "a-socket": _socket,
    "a-folder": _folder,
    "a-folder-with-a-slash": lambda p: (["--pdf", "../plans/"], "../plans/", ("is a folder; give a file name",)),
    "a-missing-folder": lambda p: (["--json", "missing/plan.json"], "missing/plan.json",
                                   ("its folder does not exist",)),
    "a-missing-folder-signed": lambda p: (["--pdf", "missing/plan.pdf", "--sign"], "missing/plan.pdf",
                                          ("its folder does not exist",)),
    "a-file-as-folder": lambda p: (["--json", "plan.techplan/plan.json"], "plan.techplan/plan.json",
                                   ("its folder does not exist",)),
    "a-name-too-long": lambda p: (["--xlsx", "x" * 300 + ".xlsx"], "x" * 300 + ".xlsx",
                                  ("cannot be written (File name too long)",)),
    "a-read-only-disk": _refusing_folder(Place.read_only_disk, "plan.xlsx", ("Read-only file system",)),
    "a-read-only-disk-signed": _refusing_folder(Place.read_only_disk, "plan.pdf", ("Read-only file system",),
                                                "--sign"),
    "an-immutable-folder": _refusing_folder(Place.immutable_folder, "plan.json", ("Operation not permitted",)),
    "sysfs": _refusing_folder(_sysfs, "plan.pdf", ("Permission denied", "Read-only file system")),
    "a-full-disk-json": _refusing_folder(Place.full_disk, "plan.json", FULL),
    "a-full-disk-xlsx": _refusing_folder(Place.full_disk, "plan.xlsx", FULL),
    "a-full-disk-pdf": _refusing_folder(Place.full_disk, "plan.pdf", FULL),
    "a-full-disk-signed": _refusing_folder(Place.full_disk, "plan.pdf", FULL, "--sign"),
    "the-same-path-twice": lambda p: (["--json", "a.json", "--xlsx", "./a.json"], "./a.json",
                                      ("is the same file as a.json, named for another output; "
                                       "give each output its own file",)),
    "the-same-file-twice-by-link": _same_file_twice_by_link,
    "second-of-three-fails": _second_of_three_fails,
}

ROLLUP_CASES: dict[str, tuple[list[str], str, str]] = {
    "xlsx-is-the-plan": (["--xlsx", "plan.techplan"], "plan.techplan",
                         f"is one of the plans being rolled up; {NEVER_A_PLAN}"),
    "pdf-is-./the-plan": (["--xlsx", "r.xlsx", "--pdf", "./plan.techplan"], "./plan.techplan",
                          f"is one of the plans being rolled up; {NEVER_A_PLAN}"),
    "the-same-path-twice": (["--xlsx", "r.xlsx", "--pdf", "./r.xlsx"], "./r.xlsx",
                            "is the same file as r.xlsx, named for another output; give each output its own file"),
    "a-fifo-as-pdf": (["--xlsx", "r.xlsx", "--pdf", "pipe.pdf"], "pipe.pdf", f"is a named pipe (FIFO), {NOT_A_FILE}"),
}


def _assert_refused(place: Place, args: list[str], target: str, reasons: tuple[str, ...]) -> None:
    before = {folder: listing(folder) for folder in place.watched}
    plan_bytes, log = place.plan.read_bytes(), edit_log(place.plan)
    result = run_cli(*args, cwd=place.folder)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert error_line(result) in [f"summit-app: error: {target}: {why}" for why in reasons]
    assert place.plan.read_bytes() == plan_bytes
    assert edit_log(place.plan) == log
    assert {folder: listing(folder) for folder in place.watched} == before  # nothing written, nothing left


@pytest.mark.parametrize("case", CASES)
def test_export_refuses_the_target(case: str, place: Place) -> None:
    args, target, reasons = CASES[case](place)
    _assert_refused(place, ["export", "plan.techplan", *args], target, reasons)


@pytest.mark.parametrize("case", ROLLUP_CASES)
def test_rollup_refuses_the_target(case: str, place: Place) -> None:
    args, target, why = ROLLUP_CASES[case]
    os.mkfifo(place.folder / "pipe.pdf")
    _assert_refused(place, ["rollup", "plan.techplan", *args], target, (why,))


def test_the_second_of_two_rollup_outputs_failing_leaves_neither(place: Place) -> None:
    target = str(place.full_disk() / "r.pdf")
    _assert_refused(place, ["rollup", "plan.techplan", "--xlsx", "r.xlsx", "--pdf", target], target,
                    ("cannot be written (No space left on device)",))


def test_all_outputs_are_written_when_every_target_is_good(place: Place) -> None:
    """The same command with good targets: everything written, the plan signed, nothing else left."""
    (place.folder / "plan.json").write_text("last week's export", encoding="utf-8")
    result = run_cli("export", "plan.techplan", "--json", "plan.json", "--xlsx", "./plan.xlsx",
                     "--pdf", "plan.pdf", "--sign", cwd=place.folder)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in place.folder.iterdir()) == ["plan.json", "plan.pdf", "plan.techplan", "plan.xlsx"]
    assert '"fingerprint"' in (place.folder / "plan.json").read_text(encoding="utf-8")
    assert (place.folder / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert (place.folder / "plan.xlsx").read_bytes().startswith(b"PK")
    assert edit_log(place.plan)[-1][0] == "Export for signature"
    again = run_cli("export", "plan.techplan", "--json", "again.json", cwd=place.folder)
    assert again.returncode == 0, again.stderr  # the JSON written with the signature is the plan as signed
    assert (place.folder / "again.json").read_bytes() == (place.folder / "plan.json").read_bytes()


# --- file modes -----------------------------------------------------------------------


def _export_with_umask(umask: int, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SUMMIT_APP_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "summit_app", "export", *args], cwd=folder, env=env, umask=umask,
                          capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)],
                         ids=["umask-022", "umask-077", "umask-002"])
def test_exports_get_the_users_normal_file_mode(umask: int, mode: int, place: Place) -> None:
    """As any new file: 0666 less the umask; a file replaced gets it too (it is a new file)."""
    old = place.folder / "plan.json"
    old.write_text("last week's export", encoding="utf-8")
    old.chmod(0o640)
    result = _export_with_umask(umask, place.folder, "plan.techplan", "--json", "plan.json", "--xlsx", "plan.xlsx",
                                "--pdf", "plan.pdf")
    assert result.returncode == 0, result.stderr
    modes = {name: stat.S_IMODE((place.folder / name).stat().st_mode) for name in ("plan.json", "plan.xlsx",
                                                                                   "plan.pdf")}
    assert modes == dict.fromkeys(modes, mode)
