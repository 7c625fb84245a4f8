"""Plan files: one SQLite file per plan, written one durable transaction per edit.

``PlanFile`` is the backend of ``PlanDocument``: ``commit`` turns an edit into
SQL and appends the edit log in the same transaction. Rollback journal (never
WAL: the plan must stay one file), ``synchronous=FULL``, foreign keys on.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from summit_app.plan import model
from summit_app.plan.codec import edit_from_json, edit_to_json
from summit_app.plan.content import Content, load_content
from summit_app.plan.document import LogEntry, PlanDocument
from summit_app.plan.edits import AddItem, Batch, Edit, MoveItem, RemoveItem, SetField
from summit_app.plan.fields import Kind, specs
from summit_app.store.engine import make_engine
from summit_app.store.errors import PlanFileError, ReadOnlyFileError
from summit_app.store.inspect import (
    check_header,
    check_integrity,
    folder_is_read_only,
    is_read_only,
    journal_is_hot,
)
from summit_app.store.lock import PlanLock
from summit_app.store.schema import APPLICATION_ID, METADATA, SCHEMA_VERSION, TABLE_NAMES, amount_columns, table

EXTENSION = ".techplan"


# --- rows <-> records -------------------------------------------------------------


def record_to_row(record: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for s in specs(type(record)):
        value = getattr(record, s.name)
        if s.kind is Kind.DECIMALS:
            row.update(zip(amount_columns(s), value, strict=True))
        else:
            row[s.name] = value
    return row


def row_to_record(record_type: type, row: sa.RowMapping) -> Any:
    values: dict[str, Any] = {}
    for s in specs(record_type):
        if s.kind is Kind.DECIMALS:
            values[s.name] = tuple(row[c] for c in amount_columns(s))
        else:
            values[s.name] = row[s.name]
    if "position" in row:
        values["id"] = row["id"]
    return record_type(**values)


def read_plan(conn: sa.Connection) -> model.Plan:
    values: dict[str, Any] = {}
    for name, record_type in model.SINGLETONS.items():
        row = conn.execute(sa.select(table(name))).mappings().first()
        values[name] = row_to_record(record_type, row) if row else record_type()
    for name, record_type in model.COLLECTIONS.items():
        t = table(name)
        rows = conn.execute(sa.select(t).order_by(t.c.position)).mappings()
        values[name] = tuple(row_to_record(record_type, r) for r in rows)
    return model.Plan(**values)


def _field_values(collection: str, field: str, value: Any) -> dict[str, Any]:
    record_type = model.SINGLETONS.get(collection) or model.COLLECTIONS[collection]
    s = next(s for s in specs(record_type) if s.name == field)
    if s.kind is Kind.DECIMALS:
        return dict(zip(amount_columns(s), value, strict=True))
    return {field: value}


def _position(conn: sa.Connection, collection: str, item_id: str) -> int:
    t = table(collection)
    return int(conn.execute(sa.select(t.c.position).where(t.c.id == item_id)).scalar_one())


def _count(conn: sa.Connection, collection: str) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(table(collection))).scalar_one())


def _shift(conn: sa.Connection, collection: str, low: int, high: int | None, by: int) -> None:
    t = table(collection)
    where = t.c.position >= low if high is None else sa.and_(t.c.position >= low, t.c.position <= high)
    conn.execute(t.update().where(where).values(position=t.c.position + by))


def write_edit(conn: sa.Connection, edit: Edit) -> None:
    """The SQL of one edit, inside the caller's transaction."""
    if isinstance(edit, Batch):
        for part in edit.edits:
            write_edit(conn, part)
    elif isinstance(edit, SetField):
        t = table(edit.collection)
        stmt = t.update().values(_field_values(edit.collection, edit.field, edit.value))
        conn.execute(stmt if edit.collection in model.SINGLETONS else stmt.where(t.c.id == edit.item_id))
    elif isinstance(edit, AddItem):
        n = _count(conn, edit.collection)
        index = n if edit.index is None else max(0, min(edit.index, n))
        _shift(conn, edit.collection, index, None, 1)
        conn.execute(table(edit.collection).insert().values(
            id=edit.item.id, position=index, **record_to_row(edit.item)))
    elif isinstance(edit, RemoveItem):
        t = table(edit.collection)
        old = _position(conn, edit.collection, edit.item_id)
        conn.execute(t.delete().where(t.c.id == edit.item_id))
        _shift(conn, edit.collection, old + 1, None, -1)
    elif isinstance(edit, MoveItem):
        t = table(edit.collection)
        old = _position(conn, edit.collection, edit.item_id)
        new = max(0, min(edit.index, _count(conn, edit.collection) - 1))
        if new > old:
            _shift(conn, edit.collection, old + 1, new, -1)
        elif new < old:
            _shift(conn, edit.collection, new, old - 1, 1)
        conn.execute(t.update().where(t.c.id == edit.item_id).values(position=new))


def _insert_plan(conn: sa.Connection, plan: model.Plan) -> None:
    for name in model.SINGLETONS:
        conn.execute(table(name).insert().values(id=1, **record_to_row(getattr(plan, name))))
    for name in model.COLLECTIONS:
        rows = [dict(id=it.id, position=i, **record_to_row(it)) for i, it in enumerate(getattr(plan, name))]
        if rows:
            conn.execute(table(name).insert(), rows)


class PlanFile:
    """An open plan file. Writable ones hold the plan's lock until ``close``."""

    def __init__(self, path: Path, engine: sa.Engine, *, read_only: bool,
                 lock: PlanLock | None = None, scratch: Path | None = None,
                 file_revision: int | None = None) -> None:
        self.path = path
        #: The schema revision of the file on disk (a read-only open of an older
        #: file reads an upgraded copy but leaves the file at its own revision).
        self.file_revision = file_revision
        self._engine = engine
        self._conn = engine.connect()
        self._read_only = read_only
        self._lock = lock
        self._scratch = scratch  # a migrated temporary copy, removed on close

    @property
    def read_only(self) -> bool:
        return self._read_only

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
        if not hot:
            check_integrity(path)
        if read_only:
            return cls._open_read_only(path, revision, hot)
        if is_read_only(path):
            raise ReadOnlyFileError(str(path), "the file or its folder is read-only; open it read-only instead")
        lock = PlanLock(path, holder)
        lock.acquire()
        try:
            if hot:
                revision = _roll_back(path)
            if revision < SCHEMA_VERSION:
                from summit_app.store import migrate
                migrate.backup_and_upgrade(path, revision)
            return cls(path, make_engine(path), read_only=False, lock=lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_read_only(cls, path: Path, revision: int, hot: bool) -> PlanFile:
        if revision == SCHEMA_VERSION and not hot:
            return cls(path, make_engine(path, read_only=True), read_only=True)
        scratch = Path(tempfile.mkdtemp(prefix="summit-plan-"))
        try:
            copy = _usable_copy(path, scratch, revision, hot)
            return cls(path, make_engine(copy, read_only=True), read_only=True, scratch=scratch,
                       file_revision=revision)
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise

    @classmethod
    def create(cls, path: Path | str, plan: model.Plan, *, holder: str = "") -> PlanFile:
        """Make a new plan file holding ``plan``; never overwrites an existing file."""
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

    # -- the backend of PlanDocument -------------------------------------------------

    def load(self) -> model.Plan:
        with self._conn.begin():
            return read_plan(self._conn)

    def commit(self, edit: Edit, after: model.Plan, entry: LogEntry) -> None:
        if self._read_only:
            raise PlanFileError(str(self.path), "the plan is open read-only")
        # Links are checked when the whole edit is written, not row by row: the parts of a
        # batch may come in any order the domain accepts, and ON DELETE CASCADE must not
        # take rows a later part still uses (a goal removed before its actions are moved
        # to another goal would lose them). The pragma only works outside a transaction.
        raw = self._conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with self._conn.begin():
                write_edit(self._conn, edit)
                self._conn.execute(table_edit_log().insert().values(
                    at=entry.at, author=entry.author, label=entry.label,
                    edit=json.dumps(edit_to_json(entry.edit), ensure_ascii=False)))
                self._check_links(edit)
        finally:
            raw.execute("PRAGMA foreign_keys=ON")

    def _check_links(self, edit: Edit) -> None:
        """``PRAGMA foreign_key_check`` on the tables the edit wrote and the tables that link to them."""
        for name in _linked_tables({collection for collection, _ in edit.touched()}):
            if self._conn.exec_driver_sql(f'PRAGMA foreign_key_check("{name}")').first() is not None:
                raise PlanFileError(str(self.path), "the change would break links between items; nothing was changed")

    def edit_log(self, since: datetime | None = None) -> list[LogEntry]:
        t = table_edit_log()
        query = sa.select(t).order_by(t.c.id)
        if since is not None:
            query = query.where(t.c.at > since)  # the column type stores it as naive UTC
        with self._conn.begin():
            rows = self._conn.execute(query).mappings().all()
        return [LogEntry(r["at"], r["author"], r["label"], edit_from_json(json.loads(r["edit"]))) for r in rows]

    def schema_version(self) -> int:
        """The schema revision of the file on disk."""
        if self.file_revision is not None:
            return self.file_revision
        with self._conn.begin():  # not autobegin: that would leave a transaction open and block every edit
            return int(self._conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def save_copy(self, target: Path | str) -> None:
        """Write a consistent copy with SQLite's backup API; never overwrites."""
        target = Path(target)
        if target.exists():
            raise PlanFileError(str(target), "a file of that name already exists; choose another name")
        raw = self._conn.connection.dbapi_connection
        assert raw is not None
        try:
            dest = sqlite3.connect(target)
            try:
                raw.backup(dest)  # type: ignore[attr-defined]
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
        except sqlite3.Error as exc:  # no folder, no permission, disk full: no half-written copy left
            target.unlink(missing_ok=True)
            raise PlanFileError(str(target), f"cannot be written ({exc})") from None

    def close(self) -> None:
        self._conn.close()
        self._engine.dispose()
        if self._lock is not None:
            self._lock.release()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self) -> PlanFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _linked_tables(collections: set[str]) -> set[str]:
    names = {TABLE_NAMES[c] for c in collections if c in TABLE_NAMES}
    return names | {t.name for t in METADATA.tables.values() for fk in t.foreign_keys if fk.column.table.name in names}


def table_edit_log() -> sa.Table:
    return METADATA.tables["edit_log"]


def _journal(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _usable_copy(path: Path, scratch: Path, revision: int, hot: bool) -> Path:
    """A copy in ``scratch`` with a crashed writer's journal rolled back and the schema migrated.

    This is how a read-only open reads such a file without writing to it.
    """
    copy = scratch / path.name
    shutil.copyfile(path, copy)
    try:
        if hot:
            shutil.copyfile(_journal(path), _journal(copy))
            revision = _roll_back(copy)
        if revision < SCHEMA_VERSION:
            from summit_app.store import migrate
            migrate.upgrade(copy)
    except PlanFileError as exc:
        raise PlanFileError(str(path), exc.why) from None
    return copy


def _roll_back(path: Path) -> int:
    """Roll back what a crashed writer left unfinished, then check the file as any other; its revision.

    SQLite rolls a hot journal back on the first read of a writable connection.
    """
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA schema_version").fetchall()
    except sqlite3.DatabaseError as exc:
        raise PlanFileError(str(path), f"the file is damaged ({exc})") from None
    finally:
        con.close()
    revision = check_header(path)
    check_integrity(path)
    return revision


def write_new_file(path: Path, plan: model.Plan) -> None:
    """Create a plan file at the head schema revision holding ``plan``."""
    engine = make_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
            METADATA.create_all(conn)
            from summit_app.store import migrate
            migrate.stamp_head(conn)
            _insert_plan(conn, plan)
            conn.execute(METADATA.tables["plan_info"].insert().values(
                key="created", value=datetime.now(UTC).isoformat()))
    finally:
        engine.dispose()


def open_document(path: Path | str, *, read_only: bool = False, author: str = "",
                  content: Content | None = None) -> PlanDocument:
    """Open a plan file and return its document (the file stays open until ``close_document``)."""
    plan_file = PlanFile.open(path, read_only=read_only, holder=author)
    try:
        return PlanDocument(plan_file.load(), plan_file, content or load_content(), author)
    except BaseException:
        plan_file.close()
        raise


def close_document(document: PlanDocument) -> None:
    backend = document.backend
    if isinstance(backend, PlanFile):
        backend.close()
