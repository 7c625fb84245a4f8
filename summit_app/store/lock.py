"""One editor per plan file, whatever path reaches it, and a record saying who it is.

The lock itself is the kernel's: ``flock`` on the plan file, held on a file
descriptor while the plan is open for editing. It belongs to the file (its
inode), so a symlink, a hard link or ``./x`` reaches the same lock; taking it
is one atomic call, so openers racing over a stale lock cannot both win; and
the kernel drops it when its process ends, however it ends. ``flock`` locks are
independent of the ``fcntl`` record locks SQLite takes on the same file (Linux),
and belong to our own open file description, so SQLite opening and closing the
file does not drop it.

Beside the plan's real path (symlinks resolved), ``plan.techplan.lock`` holds
JSON saying who has it: name, host, pid, the process's start time, since when,
and the file's device and inode, so an opener refused through another hard
link can still be told who. A record left by a process that is gone is stale
and replaced; a live one from another computer (a plan on a share) is honoured.
Whatever else is at the record's path is read without following a link or
waiting on a FIFO, and never past a few KB: junk is replaced, a folder refused.

On a network filesystem (NFS, SMB) ``flock`` is emulated with byte-range locks
that collide with SQLite's own, so there — and wherever ``flock`` is refused —
the record alone is the lock: linked into place whole (exactly one opener
succeeds), and a dead holder's record replaced by one atomic rename by the one
opener holding ``plan.techplan.lock.reclaim``. It is found by the resolved
name, so it covers symlinks but not hard links; a holder on another computer is
never judged stale (its process cannot be checked from here).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import stat
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from summit_app.plan.records import ByFields, record
from summit_app.store.errors import LockHolder, PlanFileError, PlanLockedError, ReadOnlyFileError

#: A holder record is a few hundred bytes; anything larger is not one, and is never read whole.
RECORD_LIMIT = 4096
#: How many lock records a refused opener reads in the plan's folder looking for the holder of a hard link.
_SCAN_LIMIT = 64
#: Filesystems whose ``flock`` is emulated with the server's byte-range locks (see the module docstring).
NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "9p",
                                 "lustre", "gpfs", "glusterfs", "fuse.glusterfs", "fuse.sshfs"})
#: ``flock`` errors that mean "not supported here", not "held by someone".
_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL, errno.ENOSYS}
#: How often, and how far apart, an opener retries while another replaces a stale record (the record alone).
_ATTEMPTS, _PAUSE = 200, 0.005
_OCTAL = re.compile(r"\\([0-7]{3})")


def lock_path(plan_path: Path) -> Path:
    """Where the holder record of ``plan_path`` lives: beside the real file, symlinks resolved."""
    real = Path(os.path.realpath(plan_path))
    return real.with_name(real.name + ".lock")


# -- whether a process is still there --------------------------------------------------


def _process_start(pid: int) -> str:
    """The kernel's start time of ``pid`` (Linux), to tell a reused pid from the holder."""
    try:
        proc_stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return proc_stat.rsplit(")", 1)[-1].split()[19]


def _alive(pid: int, started: str) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    return not started or _process_start(pid) in ("", started)


def _host_name() -> str:
    """This computer's name, as ``socket.gethostname()`` gives it (without loading sockets where POSIX says it)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


# -- reading a record, whatever is at its path ----------------------------------------


@record
class Found(ByFields):
    """What is at a lock record's path: ``data`` if it is a record, ``junk`` saying what it is if not."""

    data: dict[str, object] | None
    junk: str
    identity: tuple[int, bytes]  # inode and bytes: the very file that was read, for a safe reclaim

    @property
    def is_folder(self) -> bool:
        return self.junk == "a folder"


def _inspect(path: Path) -> Found | None:
    """The record at ``path`` read safely (no link followed, no FIFO waited on, a few KB at most); None if absent."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError:  # a symlink (ELOOP), or not ours to read: not a record this app wrote
        try:
            return Found(None, "not a readable file", (os.lstat(path).st_ino, b""))
        except FileNotFoundError:
            return None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return Found(None, "a folder", (info.st_ino, b""))
        if not stat.S_ISREG(info.st_mode) or info.st_size > RECORD_LIMIT:
            return Found(None, "not a lock record", (info.st_ino, b""))
        raw = os.read(fd, RECORD_LIMIT + 1)
    except OSError:
        return Found(None, "unreadable", (-1, b""))
    finally:
        os.close(fd)
    return Found(_parse(raw), "", (info.st_ino, raw))


def _parse(raw: bytes) -> dict[str, object] | None:
    """The record in ``raw``, or None if it is not one this app wrote (then it is stale, whoever wrote it)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # half-written, binary junk, or brackets nested thousands deep
        return None
    if not isinstance(data, dict) or not all(isinstance(data.get(key), str) for key in ("name", "host", "since")):
        return None
    pid = data.get("pid")
    return data if isinstance(pid, int) and not isinstance(pid, bool) else None


def _holder(data: dict[str, object]) -> LockHolder:
    pid = data["pid"]
    return LockHolder(str(data["name"]), str(data["host"]), pid if isinstance(pid, int) else 0, str(data["since"]))


def _live(data: dict[str, object] | None) -> bool:
    """Whether a record may still be its holder's: another computer's always is, ours if its process runs."""
    if data is None:
        return False  # unreadable or half-written: its writer died before finishing
    holder = _holder(data)
    return holder.host != _host_name() or _alive(holder.pid, str(data.get("started", "")))


def _is_folder_refusal(plan_path: Path, record: Path) -> ReadOnlyFileError:
    return ReadOnlyFileError(str(plan_path), f"its lock file {record.name} is a folder; move it away, "
                                             "or open the plan read-only instead")


def _unwritable(plan_path: Path, exc: OSError) -> ReadOnlyFileError:
    return ReadOnlyFileError(str(plan_path), f"its lock file cannot be written beside it "
                                             f"({exc.strerror or exc}); open it read-only instead")


# -- which lock a file gets ------------------------------------------------------------


def _mount_type(real: Path) -> str:
    """The filesystem type of the mount holding ``real`` (Linux ``/proc/self/mountinfo``); "" if unknown."""
    try:
        lines = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    for line in lines:
        mount, _, fs = line.partition(" - ")
        fields = mount.split(" ")
        if len(fields) < 5 or not fs:
            continue
        point = _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), fields[4])  # "\040" is a space in a mount point
        inside = str(real) == point or str(real).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fs.split(" ")[0]
    return kind


def kernel_lock_usable(plan_path: Path) -> bool:
    """Whether ``flock`` on the plan is the lock: yes, except on a network filesystem."""
    return _mount_type(Path(os.path.realpath(plan_path))) not in NETWORK_FILESYSTEMS


# -- the lock ---------------------------------------------------------------------------


class PlanLock:
    """Held while a plan is open for editing; ``release`` (or the end of the process) frees it.

    ``kernel_lock``: None chooses by filesystem (``kernel_lock_usable``); False
    uses the record alone, as on a network share.
    """

    def __init__(self, plan_path: Path, name: str, *, kernel_lock: bool | None = None) -> None:
        self.path = lock_path(plan_path)
        self._plan_path = plan_path
        self._name = name
        self._kernel_lock = kernel_lock_usable(plan_path) if kernel_lock is None else kernel_lock
        self._fd: int | None = None  # the plan file, flocked
        self._written: tuple[int, bytes] | None = None  # the record we put in place
        self.held = False

    def acquire(self) -> None:
        """Take the lock; ``PlanLockedError`` naming the holder if someone has it, the plan untouched."""
        if self._kernel_lock and self._take_kernel_lock():
            try:
                self._claim_record()
            except BaseException:
                self._drop_kernel_lock()
                raise
        else:
            self._link_record()
        self.held = True

    def release(self) -> None:
        """Remove our record (only if it is still ours), then let the kernel lock go."""
        if not self.held:
            return
        found = _inspect(self.path)
        if found is not None and self._written is not None and found.identity == self._written:
            self.path.unlink(missing_ok=True)
        self._drop_kernel_lock()
        self._written = None
        self.held = False

    # -- the kernel lock on the file itself ---------------------------------------------

    def _take_kernel_lock(self) -> bool:
        """``flock`` the plan file: True once held, False if this filesystem does not do ``flock``."""
        for _ in range(3):
            fd = self._open_plan()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                refused = PlanLockedError(str(self._plan_path), _holder_of(self._plan_path, os.fstat(fd)))
                os.close(fd)
                raise refused from None
            except OSError as exc:
                os.close(fd)
                if exc.errno in _UNSUPPORTED:
                    return False
                raise PlanFileError(str(self._plan_path),
                                    f"cannot be locked for editing ({exc.strerror})") from None
            if _names_the_file(self._plan_path, os.fstat(fd)):
                self._fd = fd
                return True
            os.close(fd)  # the name was given another file meanwhile: lock that one instead
        raise PlanFileError(str(self._plan_path), "the file kept being replaced while it was being opened")

    def _open_plan(self) -> int:
        try:
            fd = os.open(self._plan_path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError as exc:
            raise PlanFileError(str(self._plan_path), f"cannot be opened ({exc.strerror})") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise PlanFileError(str(self._plan_path), "it is not a plan file (not even a regular file)")
        return fd

    def _drop_kernel_lock(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing our descriptor releases the flock
            self._fd = None

    def _claim_record(self) -> None:
        """With the kernel lock held, any record of this host's dead process is stale: replace it."""
        found = _inspect(self.path)
        if found is not None and found.is_folder:
            raise _is_folder_refusal(self._plan_path, self.path)
        if found is not None and found.data is not None and _live(found.data):
            raise PlanLockedError(str(self._plan_path), _holder(found.data))  # an app that uses the record alone
        assert self._fd is not None
        draft = self._write_draft(os.fstat(self._fd))
        try:
            os.replace(draft, self.path)  # a link, a FIFO or junk at the path is replaced, never followed
        except OSError as exc:
            Path(draft).unlink(missing_ok=True)
            raise _unwritable(self._plan_path, exc) from None

    # -- the record ---------------------------------------------------------------------

    def _write_draft(self, plan: os.stat_result | None) -> str:
        """The whole record in a new private file beside the lock path; its name."""
        data = json.dumps(self._record(plan)).encode("utf-8")
        try:
            fd, draft = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        except OSError as exc:
            raise _unwritable(self._plan_path, exc) from None
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                os.fchmod(out.fileno(), 0o644)  # others sharing the folder may read who holds it
                self._written = (os.fstat(out.fileno()).st_ino, data)
        except OSError as exc:
            Path(draft).unlink(missing_ok=True)
            raise _unwritable(self._plan_path, exc) from None
        return draft

    def _record(self, plan: os.stat_result | None) -> dict[str, object]:
        pid = os.getpid()
        record: dict[str, object] = {
            "name": self._name, "host": _host_name(), "pid": pid, "started": _process_start(pid),
            "app": "Summit Planner", "since": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
        if plan is not None:
            record.update(device=plan.st_dev, inode=plan.st_ino)
        return record

    def _link_record(self) -> None:
        """The record alone as the lock: linked into place whole, so exactly one of several openers wins."""
        draft = self._write_draft(None)
        try:
            for _ in range(_ATTEMPTS):
                try:
                    os.link(draft, self.path)
                    return
                except FileExistsError:
                    pass
                found = self._judge(_inspect(self.path))
                if found is not None and _replace_stale(Path(draft), self.path, found):
                    return
                time.sleep(_PAUSE)  # another opener is replacing a stale record this instant
        except OSError as exc:
            raise _unwritable(self._plan_path, exc) from None
        finally:
            Path(draft).unlink(missing_ok=True)
        raise PlanLockedError(str(self._plan_path), LockHolder("", "", 0, ""))  # others kept it busy

    def _judge(self, found: Found | None) -> Found | None:
        """Refuse if the record found is live; the stale one to replace, or None if it went meanwhile."""
        if found is not None and found.is_folder:
            raise _is_folder_refusal(self._plan_path, self.path)
        if found is not None and found.data is not None and _live(found.data):
            raise PlanLockedError(str(self._plan_path), _holder(found.data))
        return found


def _replace_stale(draft: Path, path: Path, stale: Found) -> bool:
    """Put our record in place of the stale one, if we are the one opener allowed to: True if done.

    Openers replacing a stale record take turns through ``NAME.lock.reclaim``
    (itself linked into place whole), and the replacement is one atomic rename,
    so the record is never missing while they race. A reclaim token left by a
    process killed in that instant is moved aside once judged stale.
    """
    token = path.with_name(path.name + ".reclaim")
    try:
        os.link(draft, token)
    except FileExistsError:
        busy = _inspect(token)
        if busy is not None and not busy.is_folder and not (busy.data is not None and _live(busy.data)):
            _move_aside(token, busy)
        return False
    try:
        now = _inspect(path)
        if now is None or now.identity != stale.identity:
            return False  # someone else's by now: judged again
        os.replace(draft, path)
        return True
    finally:
        token.unlink(missing_ok=True)


def _move_aside(path: Path, stale: Found) -> None:
    """Remove a stale file, putting it back if what moved was not the one judged stale."""
    aside = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.stale")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return
    moved = _inspect(aside)
    if moved is not None and moved.identity != stale.identity:
        with contextlib.suppress(OSError):
            os.link(aside, path, follow_symlinks=False)
    aside.unlink(missing_ok=True)


def _names_the_file(path: Path, opened: os.stat_result) -> bool:
    try:
        now = os.stat(path)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (opened.st_dev, opened.st_ino)


def _holder_of(plan_path: Path, plan: os.stat_result) -> LockHolder:
    """Who holds the kernel lock on this file: its record beside the name used, or one beside another name of it."""
    record = lock_path(plan_path)
    for candidate in [record, *_records_beside(record.parent, record)]:
        found = _inspect(candidate)
        if found is not None and found.data is not None and _same_file(found.data, plan) and _live(found.data):
            return _holder(found.data)
    return LockHolder("", "", 0, "")


def _records_beside(folder: Path, skip: Path) -> list[Path]:
    """Other lock records in ``folder`` (a hard link in the same folder has its record there), a bounded few."""
    found: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".lock") and entry.name != skip.name:
                    found.append(Path(entry.path))
                    if len(found) >= _SCAN_LIMIT:
                        break
    except OSError:
        pass
    return found


def _same_file(data: dict[str, object], plan: os.stat_result) -> bool:
    """Whether the record is for this file; a record without the file's identity (an older app's) is taken as is."""
    if "inode" not in data:
        return True
    return data.get("inode") == plan.st_ino and data.get("device") == plan.st_dev


def current_holder(plan_path: Path) -> LockHolder | None:
    """Who holds the plan now, or ``None`` if nobody (or only a stale record).

    It briefly takes a shared ``flock`` to see whether anyone holds the plan, so
    an opener at that very instant may be refused: for tests and diagnostics.
    """
    try:
        fd = os.open(plan_path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        fd = None
    if fd is not None:
        try:
            if kernel_lock_usable(plan_path):
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _holder_of(plan_path, os.fstat(fd))
        except OSError:
            pass
        finally:
            os.close(fd)
    found = _inspect(lock_path(plan_path))
    if found is None or found.data is None or not _live(found.data):
        return None
    return _holder(found.data)
