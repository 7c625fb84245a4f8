"""The hostile-file corpus: tests/badfiles.py's files, plus plans that are fine but may not be written.

Each case puts one "plan" at ``folder/plan.techplan`` while it is active (a
context manager: a plan locked by another running instance needs that instance
alive, a read-only folder must be made writable again for clean-up), and says
what opening it must give: for reading and for editing, either the phrase the
one-line reason contains, or ``None`` when that open succeeds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from badfiles import BAD_FILES
from runcli import ROOT

PLAN_NAME = "plan.techplan"
#: Who holds the plan in the other running instance.
HOLDER = "Dana at table 4"
READ_ONLY = "the file or its folder is read-only; open it read-only instead"

Maker = Callable[[Path, Path], contextlib.AbstractContextManager[None]]


@dataclass(frozen=True)
class Case:
    """One hostile file: how to make it, and the reason each kind of open must give (None: it opens)."""

    make: Maker
    refused_for_reading: str | None
    refused_for_editing: str | None


def _plain(maker: Callable[[Path, Path], None]) -> Maker:
    @contextlib.contextmanager
    def make(folder: Path, good: Path) -> Iterator[None]:
        maker(folder / PLAN_NAME, good)
        yield

    return make


#: A plan held open by another process, which prints ``held`` and keeps it until its stdin closes.
_HOLD = (
    "import sys\n"
    "from summit_app.store.plan_file import PlanFile\n"
    "with PlanFile.open(sys.argv[1], holder=sys.argv[2]):\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.read()\n"
)


@contextlib.contextmanager
def held_by_another_instance(path: Path, holder: str = HOLDER) -> Iterator[subprocess.Popen[str]]:
    """Another process has ``path`` open for editing (so its lock is live) until the block ends."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen([sys.executable, "-c", _HOLD, str(path), holder], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True, env=env) as process:
        assert process.stdout is not None
        assert process.stdin is not None
        try:
            assert process.stdout.readline().strip() == "held", "the other instance did not open the plan"
            yield process
        finally:
            process.stdin.close()  # it closes the plan and releases its lock
            process.wait(timeout=30)


@contextlib.contextmanager
def locked_by_another_instance(folder: Path, good: Path) -> Iterator[None]:
    shutil.copyfile(good, folder / PLAN_NAME)
    with held_by_another_instance(folder / PLAN_NAME):
        yield


@contextlib.contextmanager
def read_only_plan(folder: Path, good: Path) -> Iterator[None]:
    shutil.copyfile(good, folder / PLAN_NAME)
    (folder / PLAN_NAME).chmod(0o444)
    yield


@contextlib.contextmanager
def read_only_folder(folder: Path, good: Path) -> Iterator[None]:
    """A plan in a folder nobody may write (as root only the mode bits say so; the app honours them)."""
    shutil.copyfile(good, folder / PLAN_NAME)
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)


def stale_lock(path: Path, holder: str = "Sam, whose laptop crashed") -> None:
    """Leave the lock of an instance that ended without releasing it (as a killed app does)."""
    script = ("import sys\nfrom pathlib import Path\nfrom summit_app.store.lock import PlanLock\n"
              "PlanLock(Path(sys.argv[1]), sys.argv[2]).acquire()\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script, str(path), holder], env=env, check=True, timeout=60)


CASES: dict[str, Case] = {
    **{kind: Case(_plain(make), reason, reason) for kind, (make, reason) in BAD_FILES.items()},
    "locked-by-another-instance": Case(locked_by_another_instance, None,
                                       f"the plan is open in another window: {HOLDER} on "),
    "read-only-plan": Case(read_only_plan, None, READ_ONLY),
    "read-only-folder": Case(read_only_folder, None, READ_ONLY),
}
