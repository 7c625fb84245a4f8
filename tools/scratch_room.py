"""What the room screenshot tools share: a room folder of their own, and waiting on the window.

``scratch_room(prefix)`` gives a temporary folder the room's server can reach
(its cluster goes in ``FOLDER/room``); on leaving, the server is stopped and
the folder removed. ``wait(condition, tool)`` runs the event loop until the
window gets there.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication

from summit_app.room import cluster


@contextmanager
def scratch_room(prefix: str) -> Iterator[Path]:
    """A temporary folder for a room (``FOLDER/room``), its server stopped and the folder gone afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)  # the room's server (the postgres user, when run as root) must reach its cluster
    try:
        yield folder
    finally:
        if cluster.is_running(folder / "room"):
            cluster.stop_cluster(folder / "room")
        shutil.rmtree(folder, ignore_errors=True)


def wait(condition: Callable[[], bool], tool: str, seconds: float = 15) -> None:
    """Let the window's event loop run until ``condition()`` holds (``tool`` names who gives up if it never does)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"{tool}: the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)
