"""The SQLAlchemy engine recipe every plan-file connection uses."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from summit_app.store import guard
from summit_app.store.errors import PlanFileError

#: Why a change to a plan on a full disk was refused (SQLite rolled it back: nothing of it was written).
DISK_FULL = "the disk is full, so the last change was not saved; free some space and try again"


def make_engine(path: Path, *, foreign_keys: bool = True, read_only: bool = False) -> sa.Engine:
    """An engine whose connections use the plan-file pragmas and explicit transactions."""
    if read_only:
        url = f"sqlite+pysqlite:///{path.resolve().as_uri()}?mode=ro&uri=true"
    else:
        url = f"sqlite+pysqlite:///{path}"
    engine = sa.create_engine(url, poolclass=sa.pool.StaticPool if read_only else sa.pool.NullPool)

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Python 3.11's sqlite3 does not BEGIN before DDL in its legacy mode: take
        # over transactions ourselves (PITFALLS.md, SQLAlchemy's pysqlite notes).
        dbapi_connection.isolation_level = None
        _record.info["budget"] = guard.protect(dbapi_connection)  # trusted_schema off, every statement bounded
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.execute("PRAGMA synchronous=FULL")
        if not read_only:
            cur.execute("PRAGMA journal_mode=DELETE")
        cur.close()

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _fresh_budget(conn: sa.Connection, *_statement: Any) -> None:
        budget = conn.connection.info.get("budget")
        if budget is not None:
            budget.restart()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    if path.exists():  # a plan being edited; a new file's writer reports under the name the user chose
        _refuse_when_disk_full(engine, path)
    return engine


def _refuse_when_disk_full(engine: sa.Engine, path: Path) -> None:
    """A failed statement becomes the plan's one-line ``PlanFileError``, not a database error.

    SQLAlchemy's own errors quote the statement and its values; the person
    gets SQLite's reason only (a full disk, a statement stopped as too long).
    """

    @sa.event.listens_for(engine, "handle_error")
    def _handle_error(context: sa.engine.ExceptionContext) -> None:
        original = context.original_exception
        if getattr(original, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            raise PlanFileError(str(path), DISK_FULL) from original
        if isinstance(original, sqlite3.Error):
            raise PlanFileError(str(path), guard.reason(original)) from None
