"""Plan files: one SQLite file per plan, written one durable transaction per edit.

``PlanFile`` is the backend of ``PlanDocument``: ``commit`` turns an edit into
SQL and appends the edit log in the same transaction. Rollback journal (never
WAL: the plan must stay one file), ``synchronous=FULL``, foreign keys on.

Opening reads the plan with the standard library's sqlite3 (``fast_read``);
SQLAlchemy, which writes (``portable``), is imported and its engine built only
when first needed, or ahead of time by ``warm_up`` on a background thread: an
app start does not wait for it, and neither does the first edit.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from summit_app.plan import model
from summit_app.plan.content import Content, load_content
from summit_app.plan.document import LogEntry, PlanDocument
from summit_app.plan.edits import Edit
from summit_app.store import fast_read, guard
from summit_app.store.errors import PlanFileError, ReadOnlyFileError
from summit_app.store.inspect import (
    NO_HEADER,
    check_header,
    check_integrity,
    folder_is_read_only,
    foreign_journal,
    is_read_only,
    journal_is_hot,
)
from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.location import is_server_location
from summit_app.store.lock import PlanLock
from summit_app.store.plan_check import BrokenPlanError, plan_faults
from summit_app.store.schema_check import check_schema

if TYPE_CHECKING:
    import sqlalchemy as sa

    from summit_app.store.server import ServerPlan

EXTENSION = ".techplan"


def warm_up_store() -> None:
    """Import what writing needs (SQLAlchemy, the schema, the SQLite dialect): a few tenths of a second.

    Thread-safe; the app runs it on a background thread once its window is up.
    """
    import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401  (what create_engine would import)

    from summit_app.store import portable  # noqa: F401


def read_plan(conn: sa.Connection) -> model.Plan:
    """The plan through SQLAlchemy (the portable path; ``PlanFile.load`` reads it with sqlite3)."""
    from summit_app.store import portable

    return portable.read_plan(conn)


def write_new_file(path: Path, plan: model.Plan) -> None:
    """Create a plan file at the head schema revision holding ``plan``."""
    from summit_app.store import portable

    portable.write_new_file(path, plan)


class PlanFile:
    """An open plan file. Writable ones hold the plan's lock until ``close``."""

    def __init__(self, path: Path, *, read_only: bool, lock: PlanLock | None = None,
                 scratch: Path | None = None, database: Path | None = None,
                 file_revision: int | None = None) -> None:
        self.path = path
        #: The schema revision of the file on disk (a read-only open of an older
        #: file reads an upgraded copy but leaves the file at its own revision).
        self.file_revision = file_revision
        self._read_only = read_only
        self._lock = lock
        self._scratch = scratch  # a migrated temporary copy, removed on close
        self._database = database or path  # the file SQLite opens: the plan, or its migrated copy
        self._engine: sa.Engine | None = None
        self._conn: sa.Connection | None = None
        self._engine_guard = threading.Lock()  # warm_up may build the engine on another thread
        self._closed = False

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def location(self) -> str:
        return str(self.path)

    # -- opening ----------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, holder: str = "") -> PlanFile:
        """Open a plan; ``PlanFileError`` (file untouched) if it is not usable.

        A writable open takes the lock, rolls back what a crashed writer left
        unfinished, and migrates an older file in place after backing it up. A
        read-only open never writes: it does both in a temporary copy.
        """
        path = Path(path)
        hot = journal_is_hot(path)
        revision = check_header(path, hot_journal=hot)
        if hot or _journal_left(path):
            _check_journal_fits(path)
        if not hot:
            check_schema(path, revision)
            check_integrity(path)
        if read_only:
            return cls._open_read_only(path, revision, hot)
        if is_read_only(path):
            raise ReadOnlyFileError(str(path), "the file or its folder is read-only; open it read-only instead")
        lock = PlanLock(path, holder)
        lock.acquire()
        try:
            if hot or revision < SCHEMA_VERSION:
                _check_before_changing(path, revision, hot)
            if hot:
                revision = _roll_back(path)
            if revision < SCHEMA_VERSION:
                from summit_app.store import migrate
                migrate.backup_and_upgrade(path, revision)
            return cls(path, read_only=False, lock=lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_read_only(cls, path: Path, revision: int, hot: bool) -> PlanFile:
        if revision == SCHEMA_VERSION and not hot:
            return cls(path, read_only=True)
        scratch = Path(tempfile.mkdtemp(prefix="summit-plan-"))
        try:
            copy = _usable_copy(path, scratch, revision, hot)
            return cls(path, read_only=True, scratch=scratch, database=copy, file_revision=revision)
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise

    @classmethod
    def create(cls, path: Path | str, plan: model.Plan, *, holder: str = "") -> PlanFile:
        """Make a new plan file holding ``plan``; never overwrites an existing file."""
        import sqlalchemy as sa  # creating a file is the one open that writes: SQLAlchemy is needed anyway

        path = Path(path)
        if path.exists() or path.is_symlink():
            raise PlanFileError(str(path), "a file of that name already exists; choose another name")
        if not path.parent.is_dir():
            raise PlanFileError(str(path), "its folder does not exist")
        if folder_is_read_only(path.parent):  # refused now, not after writing a file it cannot open
            raise ReadOnlyFileError(str(path), "its folder is read-only; choose another folder")
        draft = path.with_name(f".{path.name}.{os.getpid()}.new")
        try:
            write_new_file(draft, plan)
            os.link(draft, path)  # fails, rather than overwrite, if the name was taken meanwhile
        except FileExistsError:
            raise PlanFileError(str(path), "a file of that name already exists; choose another name") from None
        except OSError as exc:
            raise PlanFileError(str(path), f"cannot be written ({exc.strerror or exc})") from None
        except sa.exc.DBAPIError as exc:
            raise PlanFileError(str(path), f"cannot be written ({exc.orig})") from None
        finally:
            draft.unlink(missing_ok=True)
        return cls.open(path, holder=holder)

    # -- SQLAlchemy, on first need -----------------------------------------------------

    def warm_up(self) -> None:
        """Import SQLAlchemy and build this file's engine now, so the first edit does not wait for it.

        Meant for a background thread (the app starts one a second after its
        window shows). It does not connect: the connection is made by the thread that
        edits, as sqlite3 connections belong to the thread that made them.
        """
        self._engine_once()

    def _engine_once(self) -> sa.Engine | None:
        """The engine, built on first call; None once the file is closed."""
        with self._engine_guard:  # held while importing: an edit waits for a warm-up under way
            if self._engine is None and not self._closed:
                warm_up_store()
                from summit_app.store.engine import make_engine
                self._engine = make_engine(self._database, read_only=self._read_only)
            return self._engine

    def _sql(self) -> sa.Connection:
        """The SQLAlchemy connection writes and the edit log go through."""
        if self._conn is None:
            engine = self._engine_once()
            if engine is None:
                raise PlanFileError(str(self.path), "the plan file is closed")
            self._conn = engine.connect()
        return self._conn

    # -- the backend of PlanDocument -------------------------------------------------

    def load(self, content: Content | None = None) -> model.Plan:
        """The plan, checked with the JSON import's rules; ``BrokenPlanError`` naming what breaks them."""
        try:
            plan = fast_read.read_plan_file(self._database, read_only=self._read_only)
        except fast_read.UnreadablePlan as exc:
            raise BrokenPlanError(str(self.path), exc.problems) from None
        faults = plan_faults(plan, content or load_content())
        if faults:
            raise BrokenPlanError(str(self.path), faults, plan)
        return plan

    def commit(self, edit: Edit, after: model.Plan, entry: LogEntry) -> None:
        if self._read_only:
            raise PlanFileError(str(self.path), "the plan is open read-only")
        from summit_app.store import portable

        portable.commit_edit(self._sql(), edit, entry, str(self.path))

    def edit_log(self, since: datetime | None = None) -> list[LogEntry]:
        from summit_app.store import portable

        return portable.read_edit_log(self._sql(), since, str(self.path))

    def schema_version(self) -> int:
        """The schema revision of the file on disk."""
        if self.file_revision is not None:
            return self.file_revision
        return fast_read.user_version(self._database, read_only=self._read_only)

    def save_copy(self, target: Path | str) -> None:
        """Write a consistent copy with SQLite's backup API; never overwrites."""
        target = Path(target)
        if target.exists():
            raise PlanFileError(str(target), "a file of that name already exists; choose another name")
        try:
            with fast_read.reading(self._database, read_only=self._read_only) as source:
                dest = sqlite3.connect(target)
                try:
                    source.backup(dest)
                    dest.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dest.close()
        except sqlite3.Error as exc:  # no folder, no permission, disk full: no half-written copy left
            target.unlink(missing_ok=True)
            raise PlanFileError(str(target), f"cannot be written ({exc})") from None

    def close(self) -> None:
        with self._engine_guard:
            self._closed = True
        if self._conn is not None:
            self._conn.close()
        if self._engine is not None:
            self._engine.dispose()
        if self._lock is not None:
            self._lock.release()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self) -> PlanFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _journal(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _usable_copy(path: Path, scratch: Path, revision: int, hot: bool) -> Path:
    """A copy in ``scratch`` with a crashed writer's journal rolled back and the schema migrated.

    This is how a read-only open reads such a file without writing to it.
    """
    copy = scratch / path.name
    try:
        if hot:
            revision = _rolled_back_copy(path, copy)
        else:
            shutil.copyfile(path, copy)
        if revision < SCHEMA_VERSION:
            from summit_app.store import migrate
            migrate.upgrade(copy)
    except PlanFileError as exc:
        raise PlanFileError(str(path), exc.why) from None
    return copy


def _journal_left(path: Path) -> bool:
    """True if a journal that SQLite does not call hot lies beside the plan (it would delete or ignore it)."""
    journal = _journal(path)
    return journal.is_file() and journal.stat().st_size > 0


def _check_journal_fits(path: Path) -> None:
    """``PlanFileError`` if the hot journal beside ``path`` cannot be this plan's (see ``foreign_journal``)."""
    why = foreign_journal(path)
    if why is not None and why != NO_HEADER:  # a header never written: SQLite ignores such a journal
        raise PlanFileError(str(path), f"the unfinished change left beside it ({_journal(path).name}) does not "
                                       f"belong to this plan: {why}; neither file was changed")


def _rolled_back_copy(path: Path, copy: Path) -> int:
    """Copy the plan and its hot journal to ``copy``, roll the copy back and check it as any plan; its revision.

    Nothing is rolled back into the plan itself until the copy shows what the
    result is: a plan file, its schema the app's, its pages sound.
    """
    shutil.copyfile(path, copy)
    shutil.copyfile(_journal(path), _journal(copy))
    try:
        revision = _roll_back(copy)
    except PlanFileError as exc:
        raise PlanFileError(str(path), f"the unfinished change left beside it ({_journal(path).name}) would not "
                                       f"leave a sound plan ({exc.why}); neither file was changed") from None
    return revision


def _check_before_changing(path: Path, revision: int, hot: bool) -> None:
    """Roll back and upgrade a copy, and read it as a plan, before doing either to the plan itself.

    A journal from elsewhere, or an older file whose items break the rules,
    is refused with the plan and its journal left exactly as they were.
    """
    scratch = Path(tempfile.mkdtemp(prefix="summit-check-"))
    try:
        PlanFile(path, read_only=True, database=_usable_copy(path, scratch, revision, hot)).load()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _roll_back(path: Path) -> int:
    """Roll back what a crashed writer left unfinished, then check the file as any other; its revision.

    SQLite rolls a hot journal back on the first read of a writable connection;
    reading the schema version runs nothing stored in the file.
    """
    try:
        con = guard.connect(path, mode="rw")
        try:
            con.execute("PRAGMA schema_version").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise guard.refusal(path, exc) from None
    revision = check_header(path)
    check_schema(path, revision)
    check_integrity(path)
    return revision


def open_plan(location: Path | str, *, read_only: bool = False, holder: str = "") -> PlanFile | ServerPlan:
    """Open a plan file, or a plan on a server (``postgresql://…?plan=NAME``); the same methods either way."""
    if isinstance(location, str) and is_server_location(location):
        from summit_app.store.server import ServerPlan

        return ServerPlan.open(location, read_only=read_only, holder=holder)
    return PlanFile.open(location, read_only=read_only, holder=holder)


def create_plan(location: Path | str, plan: model.Plan, *, holder: str = "") -> PlanFile | ServerPlan:
    """Make a new plan file, or a new plan on a server, holding ``plan``; never replaces an existing one."""
    if isinstance(location, str) and is_server_location(location):
        from summit_app.store.server import ServerPlan

        return ServerPlan.create(location, plan, holder=holder)
    return PlanFile.create(location, plan, holder=holder)


def open_document(path: Path | str, *, read_only: bool = False, author: str = "",
                  content: Content | None = None) -> PlanDocument:
    """Open a plan (file or server) and return its document (the plan stays open until ``close_document``)."""
    plan_file = open_plan(path, read_only=read_only, holder=author)
    try:
        content = content or load_content()
        return PlanDocument(plan_file.load(content), plan_file, content, author)
    except BaseException:
        plan_file.close()
        raise


def close_document(document: PlanDocument) -> None:
    document.backend.close()
