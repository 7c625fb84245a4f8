"""Starting and stopping the phone service beside the room (``summit-app room phones``; ``room stop`` stops it).

The service runs as a process of its own (``summit-app room serve-phones``)
so the facilitator's command returns; its port and process id are written to
``phones.json``. It listens on every address of the machine (phones reach it on
the room's network) on plain HTTP: a self-signed certificate would warn on
every phone, and no secret but the member's own link travels.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
import urllib.request
from pathlib import Path

from summit_app.room import cluster
from summit_app.room.phones.database import ensure_phones
from summit_app.room.phones.serve import COMMAND
from summit_app.room.phones.settings import PhonesSettings, load_settings, save_settings
from summit_app.room.state import load_state, room_lock
from summit_app.workflows.errors import UsageError

DEFAULT_PORT = 8780
START_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0
LOG_FILE = "phones.log"


def running_pid(room: Path, settings: PhonesSettings | None) -> int | None:
    """The service's process id if it runs (checked by its command line, not the number alone)."""
    if settings is None or not settings.pid:
        return None
    try:
        command = Path(f"/proc/{settings.pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    return settings.pid if COMMAND.encode() in command and str(room.resolve()).encode() in command else None


def start_service(room: Path, port: int | None = None) -> tuple[PhonesSettings, str]:
    """Start the phone service (its role and schema made the first time); the settings and what happened."""
    with room_lock(room):
        state = load_state(room)
        settings = load_settings(room) or PhonesSettings.fresh()
        if running_pid(room, settings) is not None:
            return settings, "The phone service is already running"
        ensure_phones(room, state, settings)
        chosen = _pick(port if port is not None else settings.port or DEFAULT_PORT, explicit=port is not None)
        pid = _spawn(room, chosen)
        settings.port, settings.pid, settings.host = chosen, pid, state.host
        save_settings(room, settings)
    _wait_until_answering(pid, chosen, room)
    return settings, "Phone service started"


def _spawn(room: Path, port: int) -> int:
    """Start the service in a session of its own (it outlives the command), its output in ``phones.log``."""
    log = room / LOG_FILE
    actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, str(log), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600),
               (os.POSIX_SPAWN_DUP2, 1, 2)]
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "summit_app"]
    argv = [*program, "room", COMMAND, "--data", str(room.resolve()), "--port", str(port)]
    try:
        return os.posix_spawn(sys.executable, argv, {**os.environ, "PYTHONUNBUFFERED": "1"},
                              file_actions=actions, setsid=True)
    except OSError as exc:
        raise UsageError("room phones", f"cannot start the phone service ({exc.strerror or exc})") from None


def _pick(port: int, *, explicit: bool) -> int:
    if not 1 <= port <= 65535:
        raise UsageError("--port", "give a port number from 1 to 65535")
    if cluster.port_is_free(port):
        return port
    if explicit:
        raise UsageError(f"port {port}", "is in use by another program; choose another with --port")
    return cluster.free_port()


def _wait_until_answering(pid: int, port: int, room: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if _ended(pid):
            raise UsageError("room phones", f"the phone service stopped at once; see {room / LOG_FILE}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"http://127.0.0.1:{port}/health",
                                                                  timeout=1) as answer:
            if answer.status == 200:
                return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    raise UsageError("room phones", f"the phone service did not answer within {START_TIMEOUT:.0f} s; "
                                    f"see {room / LOG_FILE}")


def stop_service(room: Path) -> bool:
    """Stop the phone service if it runs (True if it did); the caller holds the room's lock."""
    settings = load_settings(room)
    pid = running_pid(room, settings)
    if settings is None or pid is None:
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    while running_pid(room, settings) is not None and time.monotonic() < deadline:
        _reap(pid)
        time.sleep(0.05)
    if running_pid(room, settings) is not None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _reap(pid)
    settings.pid = 0
    save_settings(room, settings)
    return True


def _ended(pid: int) -> bool:
    """True once the service this process started has exited (its exit status collected)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return not Path(f"/proc/{pid}").exists()
    return done == pid


def _reap(pid: int) -> None:
    """Collect the child's exit status when this process started it (else it lingers as a zombie)."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)
