"""The files a command writes: vetted before anything is read, then written all or none.

Exports and roll-ups write files the user names. Whatever the name (the plan
itself, ``./PLAN``, a symbolic or hard link to it, its journal or lock, another
plan, a device, a pipe, a folder, the same file twice), an output never
replaces a plan and never writes into something that is not a regular file.
One command writes every output or none: each is written to a hidden temporary
file beside its target, and only when all are written are they moved into
place (``os.replace``, atomic within a folder); a failure removes every
temporary file and leaves every target as it was.

Every refusal, the operating system's included (permission denied, read-only
or full disk, a missing folder, a name too long), is an ``OutputError`` with
one line of reason. The Qt-free core of both the command line and the GUI.

File mode: a temporary file is created with mode 0666 and the kernel takes the
process's umask (and a folder's default ACL) off it, as for any new file, so an
export gets the user's normal mode rather than ``mkstemp``'s 0600. No umask is
read: ``os.umask`` can only be read by setting it, which would race with the
GUI's worker threads.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType

from summit_app.store.layout import APPLICATION_ID
from summit_app.store.lock import current_holder, lock_path

SQLITE_HEADER = b"SQLite format 3\x00"
#: Files SQLite and the app keep beside a plan, by the ending added to the plan's name.
PLAN_COMPANIONS = ("-journal", "-wal", "-shm", ".lock")
NEVER_A_PLAN = "an export never replaces a plan file"
EXPORTED_PLAN = "the plan being exported"

Target = str | os.PathLike[str]
Writer = Callable[[Path], object]
FileKey = tuple[int, int]  # (st_dev, st_ino) of an existing file: the same file by any path
NameKey = tuple[int, int, str]  # (st_dev, st_ino) of the folder, and the name in it


class OutputError(Exception):
    """An output was refused or could not be written; the target was left as it was.

    ``why`` completes the command line's ``<what>: <why>``; ``reason`` is the
    bare cause (the system's own words for a failed write) for the GUI's
    "<name> could not be written: <reason>".
    """

    def __init__(self, what: str, why: str, reason: str | None = None) -> None:
        super().__init__(f"{what}: {why}")
        self.what = what
        self.why = why
        self.reason = reason or why


def _cannot_write(target: str, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(target, f"cannot be written ({reason})", reason)


# --- identity -------------------------------------------------------------------------


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _file_key(path: Path) -> FileKey | None:
    """The identity of the file at ``path`` (links followed), or None if nothing is there."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _name_key(path: Path) -> NameKey | None:
    """The identity of the name ``path``: its folder's identity and the name in it."""
    folder = _file_key(_folder_of(path))
    return None if folder is None else (*folder, path.name)


def _companion_kind(end: str) -> str:
    return {"-journal": "the journal", ".lock": "the lock file"}.get(end, "a working file")


def _both_paths(plan: Target) -> set[Path]:
    """The plan's path as given and with every link resolved (SQLite keeps its journal beside the real file)."""
    try:
        return {Path(plan), Path(os.path.realpath(plan))}
    except (OSError, ValueError):
        return {Path(plan)}


class _Guarded:
    """What no output may be: the plans a command reads, by file and by name, with their companions."""

    def __init__(self, plans: Iterable[Target], role: str) -> None:
        self.role = role
        self.files: set[FileKey] = set()
        self.names: dict[NameKey, str] = {}
        for plan in plans:
            for path in _both_paths(plan):
                self._add(path)

    def _add(self, plan: Path) -> None:
        key = _file_key(plan)
        if key is not None:
            self.files.add(key)
        companions = [(plan, self.role), (lock_path(plan), f"the lock file of {self.role}")]
        companions += [(plan.with_name(plan.name + end), f"{_companion_kind(end)} of {self.role}")
                       for end in PLAN_COMPANIONS]
        for path, what in companions:
            name = _name_key(path)
            if name is not None:
                self.names.setdefault(name, what)


# --- vetting --------------------------------------------------------------------------


def is_plan_file(path: Path) -> bool:
    """True if ``path`` is a regular file that starts as a Summit Planner plan does (SQLite, our application id)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as file:
            header = file.read(72)
    except (OSError, ValueError):
        return False
    return header.startswith(SQLITE_HEADER) and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def _kind_refusal(mode: int) -> str | None:
    """Why a file of this type cannot be an output (anything but a regular file)."""
    if stat.S_ISDIR(mode):
        return "is a folder; give a file name"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file; give a file name"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file; give a file name"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file; give a file name"
    if not stat.S_ISREG(mode):
        return "is not a regular file; give a file name"
    return None


def _status(target: str, path: Path) -> os.stat_result | None:
    """``os.stat`` of ``path`` (links followed), None if nothing is there; any other failure refuses ``target``."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    except ValueError as exc:  # a NUL in the name: no file can have it
        raise OutputError(target, f"cannot be written ({exc})") from None


def _stat_target(target: str, path: Path) -> os.stat_result | None:
    """The target's status, None if it does not exist yet; its folder must exist."""
    folder = _status(target, _folder_of(path))
    if folder is None or not stat.S_ISDIR(folder.st_mode):
        raise OutputError(target, "its folder does not exist")
    return _status(target, path)


def _companion_of_a_plan(path: Path) -> str | None:
    """If ``path`` is named as a plan's journal or lock (``plan.techplan-journal``), what it is of which plan."""
    for end in PLAN_COMPANIONS:
        if path.name.endswith(end) and len(path.name) > len(end):
            plan = path.with_name(path.name[: -len(end)])
            if is_plan_file(plan):
                return f"{_companion_kind(end)} of the plan {plan.name}"
    return None


def _refusal(target: str, path: Path, st: os.stat_result | None, guarded: _Guarded) -> str | None:
    """Why ``target`` must not be written, or None if it may."""
    name = _name_key(path)
    if st is not None:
        kind = _kind_refusal(st.st_mode)
        if kind is not None:
            return kind
        if (st.st_dev, st.st_ino) in guarded.files:
            return f"is {guarded.role}; {NEVER_A_PLAN}"
    if name is not None and name in guarded.names:
        return f"is {guarded.names[name]}; {NEVER_A_PLAN}"
    companion = _companion_of_a_plan(path)
    if companion is not None:
        return f"is {companion}; {NEVER_A_PLAN}"
    if st is not None and (is_plan_file(path) or _held(path)):
        return f"is a Summit Planner plan file; {NEVER_A_PLAN}"
    return None


def _held(path: Path) -> bool:
    """True if a running copy of the app holds ``path`` open for editing."""
    try:
        return current_holder(path) is not None
    except (OSError, ValueError):
        return True  # a lock that cannot even be read is not proof that nobody holds the plan


def _vet_one(target: str, guarded: _Guarded) -> FileKey | NameKey:
    """Refuse ``target`` if it must not be written; its identity, to find a file named twice."""
    path = Path(target)
    if not path.name or target.endswith(os.sep):
        raise OutputError(target, "is a folder; give a file name")
    st = _stat_target(target, path)
    why = _refusal(target, path, st, guarded)
    if why is not None:
        raise OutputError(target, why)
    if st is not None:
        return st.st_dev, st.st_ino
    name = _name_key(path)
    assert name is not None  # its folder exists: _stat_target checked
    return name


def vet_outputs(targets: Sequence[Target], plans: Iterable[Target] = (), role: str = EXPORTED_PLAN) -> None:
    """Refuse, before anything is read or written, any target that must not be written.

    ``plans`` are the plan files the command reads (``role`` names them in the
    message): no target may be one of them by any path, nor their journal or
    lock, nor any other plan file, nor anything but a regular file in an
    existing folder; and no file may be named for two outputs.
    """
    guarded = _Guarded(plans, role)
    seen: dict[FileKey | NameKey, str] = {}
    for target in (os.fspath(t) for t in targets):
        key = _vet_one(target, guarded)
        if key in seen:
            raise OutputError(target, f"is the same file as {seen[key]}, named for another output; "
                                      "give each output its own file")
        seen[key] = target


# --- writing all or none --------------------------------------------------------------


def _temporary_beside(target: str) -> Path:
    """Create an empty hidden file beside ``target`` (mode 0666 less the umask, by the kernel)."""
    path = Path(target)
    for _ in range(100):
        temporary = path.with_name(f".{path.stem[:80]}.{secrets.token_hex(4)}.partial{path.suffix[:16]}")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _cannot_write(target, exc) from None
        os.close(fd)
        return temporary
    raise OutputError(target, "cannot be written (no free temporary name beside it)")


def flush_to_disk(path: Path) -> None:
    """The written bytes reach the disk before the file takes its name (a crash leaves old or new)."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folders(paths: Iterable[Path]) -> None:
    """Make the renames durable; a folder that cannot be synced (some network shares) is left to the system."""
    for folder in {_folder_of(p) for p in paths}:
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            with contextlib.suppress(OSError):
                os.fsync(fd)
        finally:
            os.close(fd)


class OutputBatch:
    """One command's outputs: vetted when made, written by ``write``, moved into place by ``commit``.

    Use it as a context manager: entering creates every temporary file (so a
    folder that refuses new files is known before the plan is opened); leaving
    removes whatever was not committed.
    """

    def __init__(self, targets: Sequence[Target], plans: Iterable[Target] = (), role: str = EXPORTED_PLAN) -> None:
        self.targets = [os.fspath(t) for t in targets]
        vet_outputs(self.targets, plans, role)
        self._temporaries: dict[str, Path] = {}
        self._written: set[str] = set()

    def __enter__(self) -> OutputBatch:
        try:
            for target in self.targets:
                self._temporaries[target] = _temporary_beside(target)
        except BaseException:
            self.discard()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.discard()

    def write(self, target: Target, writer: Writer) -> None:
        """Run ``writer`` on the target's temporary file; a failing write becomes an ``OutputError``."""
        target = os.fspath(target)
        temporary = self._temporaries[target]
        try:
            writer(temporary)
            flush_to_disk(temporary)
        except OSError as exc:
            raise _cannot_write(target, exc) from None
        self._written.add(target)

    def commit(self, before_replace: Callable[[], object] | None = None) -> None:
        """Move every written file into place; ``before_replace`` runs first, and if it raises nothing is moved.

        The renames are one per file, within each target's own folder; they do
        not fail for want of space or permission once the temporary file exists.
        """
        missing = [t for t in self.targets if t not in self._written]
        if missing:
            raise ValueError(f"outputs not written before commit: {missing}")
        if before_replace is not None:
            before_replace()
        for target in self.targets:
            try:
                os.replace(self._temporaries[target], target)
            except OSError as exc:
                raise _cannot_write(target, exc) from None
            del self._temporaries[target]
        sync_folders(Path(t) for t in self.targets)

    def discard(self) -> None:
        """Remove every temporary file not yet moved into place."""
        for temporary in self._temporaries.values():
            # If the folder refuses even this, nothing was written under the target's name.
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
        self._temporaries.clear()


def write_outputs(outputs: Sequence[tuple[Target, Writer]], plans: Iterable[Target] = (),
                  role: str = EXPORTED_PLAN, before_replace: Callable[[], object] | None = None) -> None:
    """Vet the targets, write each through its writer, and move them all into place, or none."""
    with OutputBatch([t for t, _ in outputs], plans, role) as batch:
        for target, writer in outputs:
            batch.write(target, writer)
        batch.commit(before_replace)
