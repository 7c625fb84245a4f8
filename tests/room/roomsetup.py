"""A real summit room for the tests: a PostgreSQL cluster of its own, made with the system's programs.

The cluster lives in a folder the ``postgres`` user can enter (the tests run
as root, and the room then runs its server as that user). Every test in
tests/room runs on one worker (each module's ``pytestmark`` puts it in the
``room`` xdist group), so the suite starts one shared room, not one per worker.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from summit_app.cli import main
from summit_app.room import cluster, facilitator
from summit_app.room.state import RoomState, load_state


def open_folder(prefix: str) -> Path:
    """A new folder every user may enter (the server's user must reach the cluster inside it)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


@dataclass
class Room:
    """The running test room: its folder, and ``room(...)`` to run ``summit-app room …`` on it."""

    folder: Path

    @property
    def state(self) -> RoomState:
        return load_state(self.folder)

    def room(self, command: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
        """``summit-app room COMMAND ARGS --data FOLDER`` through the command line's own ``main``, in this process.

        The child-process runs (tests/runcli.py) are kept for ``room start`` and
        ``join``; the room's other commands run here, where they take a tenth of the time.
        """
        return in_process("room", command, *args, "--data", self.folder)

    def passphrase(self, table: str) -> str:
        """The table's passphrase as ``room status --show-passphrase`` reads it (the commands are tested apart)."""
        return self.state.tables[table].passphrase

    def code(self, table: str) -> str:
        return facilitator.join_code(self.state, table).text()

    def add(self, table: str, *source: str | Path) -> None:
        added = self.room("add-table", table, *source)
        assert added.returncode == 0, added.stderr


def in_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return subprocess.CompletedProcess([str(a) for a in args], code, out.getvalue(), err.getvalue())


def start_room(folder: Path) -> RoomState:
    state, _ = facilitator.start_room(facilitator.StartRequest(folder, cluster.free_port(), None, "127.0.0.1"))
    return state


def stop_quietly(folder: Path) -> None:
    if cluster.is_running(folder):
        cluster.stop_cluster(folder)
    shutil.rmtree(folder, ignore_errors=True)
