"""The SQLAlchemy engine recipe every plan-file connection uses."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa


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
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.execute("PRAGMA synchronous=FULL")
        if not read_only:
            cur.execute("PRAGMA journal_mode=DELETE")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine
