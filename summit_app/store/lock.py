"""A lock file beside the plan saying who has it open, so a second opener is told who.

``plan.techplan.lock`` holds JSON: name, host, pid, the process's start time and
since when. A lock whose process is gone (same host, pid dead or reused) is stale
and is reclaimed. Linked into place atomically so two openers cannot both win.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from summit_app.store.errors import LockHolder, PlanLockedError, ReadOnlyFileError


def lock_path(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + ".lock")


def _process_start(pid: int) -> str:
    """The kernel's start time of ``pid`` (Linux), to tell a reused pid from the holder."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[-1].split()[19]


def _alive(pid: int, started: str) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not started or _process_start(pid) in ("", started)


def _read(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _holder(data: dict[str, object]) -> LockHolder:
    pid = data.get("pid")
    return LockHolder(str(data.get("name", "")), str(data.get("host", "")),
                      pid if isinstance(pid, int) else 0, str(data.get("since", "")))


def _host_name() -> str:
    """This computer's name, as ``socket.gethostname()`` gives it (without loading sockets where POSIX says it)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _stale(data: dict[str, object] | None) -> bool:
    if data is None:
        return True  # unreadable or half-written: its writer died before finishing
    holder = _holder(data)
    return holder.host == _host_name() and not _alive(holder.pid, str(data.get("started", "")))


class PlanLock:
    """Held while a plan is open for editing; ``release`` removes it."""

    def __init__(self, plan_path: Path, name: str) -> None:
        self.path = lock_path(plan_path)
        self._plan_path = plan_path
        self._name = name
        self.held = False

    def acquire(self) -> None:
        """Take the lock, reclaiming a stale one; ``PlanLockedError`` if someone holds it."""
        # The record is written whole to a private file first and then linked into
        # place, which fails if a lock exists: nobody ever sees a half-written lock.
        draft = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self._write_draft(draft)
            for _ in range(3):
                try:
                    os.link(draft, self.path)
                except FileExistsError:
                    data = _read(self.path)
                    if not _stale(data):
                        raise PlanLockedError(str(self._plan_path), _holder(data or {})) from None
                    self.path.unlink(missing_ok=True)
                    continue
                self.held = True
                return
        finally:
            draft.unlink(missing_ok=True)
        raise PlanLockedError(str(self._plan_path), _holder(_read(self.path) or {}))

    def _write_draft(self, draft: Path) -> None:
        """Write the record; a full disk (or a folder that refuses it) means the plan cannot be edited here."""
        try:
            draft.write_text(json.dumps(self._record()), encoding="utf-8")
        except OSError as exc:
            raise ReadOnlyFileError(str(self._plan_path), f"its lock file cannot be written beside it "
                                    f"({exc.strerror or exc}); open it read-only instead") from None

    def _record(self) -> dict[str, object]:
        pid = os.getpid()
        return {"name": self._name, "host": _host_name(), "pid": pid,
                "started": _process_start(pid), "app": "Summit Planner",
                "since": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}

    def release(self) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False


def current_holder(plan_path: Path) -> LockHolder | None:
    """Who holds the plan now, or ``None`` if nobody (or only a stale lock)."""
    data = _read(lock_path(plan_path))
    if data is None or _stale(data):
        return None
    return _holder(data)
