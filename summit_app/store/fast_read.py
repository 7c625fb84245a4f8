"""Reading a plan file with the standard library's sqlite3: the quick path an app start takes.

``read_plan_sqlite`` gives exactly the plan ``portable.read_plan`` gives (the
same SELECTs, the same stored forms from ``layout``; a test holds the two
equal), without importing SQLAlchemy, which costs a few tenths of a second on
every start and would make opening a plan slower than opening the app.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from summit_app.plan import model
from summit_app.plan.fields import Kind, specs
from summit_app.store.layout import (
    TABLE_NAMES,
    amount_columns,
    from_hundredths,
    from_json_list,
    from_naive_utc,
)


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


#: Stored value -> domain value, per kind (the kinds not listed are stored as they are).
_FROM_STORED: dict[Kind, Callable[[Any], Any]] = {
    Kind.DECIMAL: _optional(from_hundredths),
    Kind.BOOL: _optional(bool),
    Kind.DATE: _optional(date.fromisoformat),  # SQLite keeps dates as "YYYY-MM-DD" text
    Kind.DATETIME: _optional(lambda text: from_naive_utc(datetime.fromisoformat(text))),
    Kind.CHOICES: from_json_list,
    Kind.LINKS: from_json_list,
}

#: A field's name, its conversion, where its columns start in the row, and whether it spans several.
_Field = tuple[str, Callable[[Any], Any] | None, int, int, bool]


@cache
def _layout(record_type: type) -> tuple[list[str], list[_Field]]:
    """The columns to select for a record (after ``id``) and where each field's value sits in the row."""
    columns: list[str] = []
    fields: list[_Field] = []
    for s in specs(record_type):
        many = s.kind is Kind.DECIMALS  # per-year amounts: one column a year
        names = amount_columns(s) if many else [s.name]
        convert = _FROM_STORED[Kind.DECIMAL] if many else _FROM_STORED.get(s.kind)
        fields.append((s.name, convert, len(columns) + 1, len(names), many))
        columns += names
    return columns, fields


def _record(record_type: type, row: tuple[Any, ...], *, with_id: bool) -> Any:
    """A record from ``row`` (its ``id`` first, then the field columns)."""
    values: dict[str, Any] = {"id": row[0]} if with_id else {}
    for name, convert, start, count, many in _layout(record_type)[1]:
        if many:
            values[name] = tuple(map(convert, row[start:start + count])) if convert else row[start:start + count]
        else:
            values[name] = row[start] if convert is None else convert(row[start])
    return record_type(**values)


@cache
def _select(collection: str, record_type: type) -> str:
    columns = ", ".join(f'"{c}"' for c in ["id", *_layout(record_type)[0]])
    if collection in model.SINGLETONS:
        return f'SELECT {columns} FROM "{TABLE_NAMES[collection]}" LIMIT 1'
    return f'SELECT {columns} FROM "{TABLE_NAMES[collection]}" ORDER BY "position"'


def read_plan_sqlite(conn: sqlite3.Connection) -> model.Plan:
    """The whole plan, inside the caller's transaction (see ``reading``)."""
    values: dict[str, Any] = {}
    for name, record_type in model.SINGLETONS.items():
        row = conn.execute(_select(name, record_type)).fetchone()
        values[name] = _record(record_type, row, with_id=False) if row else record_type()
    for name, record_type in model.COLLECTIONS.items():
        rows = conn.execute(_select(name, record_type)).fetchall()
        values[name] = tuple(_record(record_type, row, with_id=True) for row in rows)
    return model.Plan(**values)


@contextmanager
def reading(path: Path, *, read_only: bool) -> Iterator[sqlite3.Connection]:
    """A connection to the plan file inside one read transaction, so every SELECT sees the same plan.

    ``mode=ro``/``rw``: never creates a file (a plain ``connect`` would make an
    empty database where a plan went missing).
    """
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        conn.execute("BEGIN")
        yield conn
    finally:
        conn.close()  # ends the read transaction


def read_plan_file(path: Path, *, read_only: bool) -> model.Plan:
    """The plan in ``path`` (a checked, current-revision plan file)."""
    with reading(path, read_only=read_only) as conn:
        return read_plan_sqlite(conn)


def user_version(path: Path, *, read_only: bool) -> int:
    """``PRAGMA user_version``: the file's schema revision."""
    with reading(path, read_only=read_only) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
