"""A plan on a PostgreSQL server: one schema per plan, the same tables and edit path as a file.

The tables are ``schema.METADATA``'s, put in the plan's schema by SQLAlchemy's
``schema_translate_map``; the edit log's ``id`` is the plan's sequence. A
writable open holds a session advisory lock on the plan (the file's lock-file
and journal logic does not apply here): a second editor is told the plan is
open elsewhere. Seats of a summit table (``seat_plan.SeatPlan``) share the
plan instead: each holds the lock shared, so no single editor can open the
plan while seats are in it, and their commits take turns (``seat_plan``).
Every failure of the server or of the connection becomes one
``PlanFileError`` line that never shows the password; the plan is left as it was.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa

from summit_app.plan import model
from summit_app.plan.content import Content, load_content
from summit_app.plan.document import LogEntry
from summit_app.plan.edits import Edit
from summit_app.store import portable
from summit_app.store.edit_notice import create_edit_notice
from summit_app.store.errors import LockHolder, PlanFileError, PlanLockedError, printable
from summit_app.store.location import ServerLocation, parse_location
from summit_app.store.plan_check import BrokenPlanError, plan_faults
from summit_app.store.schema import server_metadata
from summit_app.store.server_check import check_server_schema, namespace, plan_revision

#: Seconds to wait for a server before saying it cannot be reached.
CONNECT_TIMEOUT = 10
_SERVER_METADATA = server_metadata()
_LOCK_SALT = b"summit-planner plan "


def lock_key(plan: str) -> int:
    """The advisory lock number of a plan (advisory locks are per database; the plan names its schema)."""
    return int.from_bytes(hashlib.sha256(_LOCK_SALT + plan.encode()).digest()[:8], "big", signed=True)


def make_server_engine(location: ServerLocation, holder: str = "",
                       connect: Mapping[str, Any] | None = None) -> sa.Engine:
    """An engine on the plan's database whose statements go to the plan's schema (``connect``: more libpq settings)."""
    options = dict(location.options)
    url = sa.engine.URL.create("postgresql+psycopg", username=location.user, password=location.password,
                               host=location.host, port=location.port, database=location.database,
                               query={k: v for k, v in options.items() if k != "connect_timeout"})
    name = printable(f"Summit Planner: {holder}" if holder else "Summit Planner", 60)
    connect_args: dict[str, Any] = {"connect_timeout": int(options.get("connect_timeout") or CONNECT_TIMEOUT),
                                    "application_name": name, **(connect or {})}
    # Each connection is closed when given back (NullPool), which ends any transaction on the server: a
    # rollback first would only be one more question, and on a connection the server cut it fails and
    # is logged with its traceback.
    return sa.create_engine(url, poolclass=sa.pool.NullPool, pool_reset_on_return=None, connect_args=connect_args,
                            execution_options={"schema_translate_map": {None: location.plan}})


@contextmanager
def talking_to(location: ServerLocation, doing: str = "") -> Iterator[None]:
    """Turn what the server or the driver raises into the plan's one-line ``PlanFileError``."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        raise PlanFileError(location.shown(), server_reason(exc, location, doing)) from None
    except psycopg.Error as exc:  # the pool's own connect (``Engine.raw_connection``) is not wrapped by SQLAlchemy
        wrapped = sa.exc.OperationalError(None, None, exc)
        raise PlanFileError(location.shown(), server_reason(wrapped, location, doing)) from None
    except (ValueError, TypeError) as exc:  # a bad connection setting (e.g. sslmode) found by the driver
        raise PlanFileError(location.shown(), _without_password(f"cannot use the address ({exc})", location)) \
            from None


def server_words(original: BaseException | None) -> str:
    """What the server or the driver said, without its prefixes: its primary message, else its last line."""
    primary = getattr(getattr(original, "diag", None), "message_primary", None)
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    text = primary or (lines[-1] if lines else type(original).__name__)
    for marker in ("FATAL:", "ERROR:", "failed:"):
        if marker in text:
            text = text.rsplit(marker, 1)[1].strip()
    return str(text)


def server_reason(exc: sa.exc.DBAPIError, location: ServerLocation, doing: str = "") -> str:
    """Why the server refused, in one line: the server's own last words, without the password."""
    original = exc.orig
    text = server_words(original)
    state = getattr(original, "sqlstate", None)
    if exc.connection_invalidated or state is None or str(state).startswith(("08", "57", "28", "3D")):
        where = f"{location.host}:{location.port or 5432}"
        lost = f"; {doing}" if doing else ""
        return _without_password(f"cannot use the server at {where} ({printable(text, 160)}){lost}", location)
    return _without_password(f"the server refused it ({printable(text, 160)}){'; ' + doing if doing else ''}",
                             location)


def _without_password(text: str, location: ServerLocation) -> str:
    return text.replace(location.password, "***") if location.password else text


class ServerPlan:
    """An open plan on a server; a writable one holds the plan's advisory lock until ``close``."""

    def __init__(self, location: ServerLocation, engine: sa.Engine, conn: sa.Connection, *, read_only: bool) -> None:
        self.server = location
        #: What the plan is called in messages and windows: its address without the password.
        self.path = location.shown()
        self._engine = engine
        self._conn = conn
        self._read_only = read_only
        self._closed = False
        #: The sequence number of the newest edit in the plan as last loaded (or applied, for a seat).
        self._sequence = 0

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def location(self) -> str:
        """The plan's address as people read it (no password)."""
        return self.path

    # -- opening and creating ---------------------------------------------------------

    @classmethod
    def open(cls, text: str, *, read_only: bool = False, holder: str = "") -> ServerPlan:
        """Open the plan ``text`` names; ``PlanFileError`` (nothing changed) if it cannot be used."""
        return cls._open(text, read_only=read_only, holder=holder, shared=False)

    @classmethod
    def _open(cls, text: str, *, read_only: bool, holder: str, shared: bool,
              connect: Mapping[str, Any] | None = None) -> ServerPlan:
        location = parse_location(text)
        engine = make_server_engine(location, holder, connect)
        conn: sa.Connection | None = None
        try:
            with talking_to(location):
                conn = engine.connect()
                if read_only:
                    conn.exec_driver_sql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                check_server_schema(conn, location.plan, location.shown())
                if not read_only:
                    _take_lock(conn, location, shared=shared)
                conn.commit()
            return cls(location, engine, conn, read_only=read_only)
        except BaseException:
            if conn is not None:
                conn.close()
            engine.dispose()
            raise

    @classmethod
    def create(cls, text: str, plan: model.Plan, *, holder: str = "") -> ServerPlan:
        """Make the plan ``text`` names, holding ``plan``, in one transaction; never replaces an existing plan."""
        location = parse_location(text)
        engine = make_server_engine(location, holder)
        try:
            with talking_to(location, "nothing was created"), engine.connect() as conn, conn.begin():
                if namespace(conn, location.plan) is not None:
                    raise PlanFileError(location.shown(), "a plan of that name already exists on the server; "
                                                          "choose another name")
                quoted = conn.dialect.identifier_preparer.quote_schema(location.plan)
                conn.exec_driver_sql(f"CREATE SCHEMA {quoted}")
                _SERVER_METADATA.create_all(conn)
                from summit_app.store.migrate import stamp_head  # Alembic: only a new plan needs it

                stamp_head(conn, location.plan)
                create_edit_notice(conn, location.plan)
                portable.insert_plan(conn, plan)
        finally:
            engine.dispose()
        return cls.open(text, holder=holder)

    # -- the backend of PlanDocument ---------------------------------------------------

    def load(self, content: Content | None = None) -> model.Plan:
        """The plan, read in one snapshot and checked with the JSON import's rules."""
        with talking_to(self.server), self._conn.begin():
            self._conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            try:
                self._sequence = portable.last_sequence(self._conn)
                plan = portable.read_plan(self._conn)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                raise PlanFileError(self.path, f"its rows cannot be read as a plan ({printable(str(exc))})") \
                    from None
        faults = plan_faults(plan, content or load_content())
        if faults:
            raise BrokenPlanError(self.path, faults, plan)
        return plan

    def commit(self, edit: Edit, after: model.Plan, entry: LogEntry) -> None:
        if self._read_only:
            raise PlanFileError(self.path, "the plan is open read-only")
        with talking_to(self.server, "the last change was not saved"):
            portable.commit_server_edit(self._conn, edit, entry, self.path)

    def edit_log(self, since: datetime | None = None) -> list[LogEntry]:
        with talking_to(self.server):
            return portable.read_edit_log(self._conn, since, self.path)

    def schema_version(self) -> int:
        """The plan's schema revision, from Alembic's revision table in its schema (checked on open)."""
        with talking_to(self.server), self._conn.begin():
            found = plan_revision(self._conn, self.server.plan)
        if found is None:
            raise PlanFileError(self.path, "its schema revision is not one this version of Summit Planner knows")
        return found

    def save_copy(self, target: Path | str) -> None:
        """Write the plan, edit log included, to a new plan file; never overwrites."""
        target = Path(target)
        if target.exists() or target.is_symlink():
            raise PlanFileError(str(target), "a file of that name already exists; choose another name")
        draft = target.with_name(f".{target.name}.{os.getpid()}.new")
        try:
            with talking_to(self.server, "no copy was written"), self._conn.begin():
                self._conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                portable.write_file_copy(draft, self._conn)
            os.link(draft, target)
        except FileExistsError:
            raise PlanFileError(str(target), "a file of that name already exists; choose another name") from None
        except OSError as exc:
            raise PlanFileError(str(target), f"cannot be written ({exc.strerror or exc})") from None
        finally:
            draft.unlink(missing_ok=True)

    def warm_up(self) -> None:
        """Nothing to prepare: SQLAlchemy and the connection were needed to open the plan."""

    def close(self) -> None:
        """Release the plan (closing the session ends its advisory lock)."""
        if self._closed:
            return
        self._closed = True
        with suppress(sa.exc.DBAPIError):  # a server already gone has released the lock with the session
            self._conn.close()
        self._engine.dispose()

    def __enter__(self) -> ServerPlan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _take_lock(conn: sa.Connection, location: ServerLocation, *, shared: bool = False) -> None:
    """Hold the plan's session advisory lock (shared, for a seat), or ``PlanLockedError`` naming who holds it."""
    key = lock_key(location.plan)
    take = "pg_try_advisory_lock_shared" if shared else "pg_try_advisory_lock"
    if conn.execute(sa.text(f"SELECT {take}(:k)"), {"k": key}).scalar():
        return
    row = conn.execute(sa.text(
        "SELECT a.application_name, coalesce(host(a.client_addr), ''), a.pid, a.backend_start "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND l.classid = :hi AND l.objid = :lo AND l.objsubid = 1 LIMIT 1"),
        {"hi": (key >> 32) & 0xFFFFFFFF, "lo": key & 0xFFFFFFFF}).first()
    holder = LockHolder("", "", 0, "")
    if row is not None:
        name = str(row[0] or "").removeprefix("Summit Planner").removeprefix(":").strip()
        since = row[3].isoformat(timespec="seconds") if row[3] else ""
        holder = LockHolder(name or "someone", str(row[1]) or location.host, int(row[2] or 0), since)
    raise PlanLockedError(location.shown(), holder)
