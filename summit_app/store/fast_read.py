"""Reading a plan file with the standard library's sqlite3: the quick path an app start takes.

``read_plan_sqlite`` gives exactly the plan ``portable.read_plan`` gives (the
same SELECTs, the same stored forms from ``layout``; a test holds the two
equal), without importing SQLAlchemy, which costs a few tenths of a second on
every start and would make opening a plan slower than opening the app.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from summit_app.plan import model
from summit_app.plan.codec import edit_from_json
from summit_app.plan.fields import Kind, specs
from summit_app.plan.interchange import json_path
from summit_app.store import guard
from summit_app.store.layout import TABLE_NAMES, amount_columns, from_hundredths, from_naive_utc


class StoredValueError(ValueError):
    """A stored value no field of its kind can hold (text where a number belongs, a blob, a bad date)."""


def _what(value: Any) -> str:
    """The kind of a stored value, in words (never the value itself: it may be huge)."""
    if value is None:
        return "nothing (NULL)"
    names = {int: "a whole number", float: "a real number", str: "text", bytes: "binary data"}
    return names.get(type(value), "a value")


def _expect(value: Any, kind: type, wanted: str) -> Any:
    if type(value) is not kind:
        raise StoredValueError(f"{_what(value)} where {wanted} belongs")
    return value


def _cents(value: Any) -> Decimal:
    return from_hundredths(_expect(value, int, "a whole number of hundredths"))


def _bool(value: Any) -> bool:
    if _expect(value, int, "0 or 1") not in (0, 1):
        raise StoredValueError("a whole number other than 0 or 1 where true or false belongs")
    return bool(value)


def _date(value: Any) -> date:
    text = _expect(value, str, "a date")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or day.isoformat() != text:  # SQLite keeps dates as "YYYY-MM-DD" text, nothing else
        raise StoredValueError("text that is not a date (YYYY-MM-DD)")
    return day


def _datetime(value: Any) -> datetime:
    text = _expect(value, str, "a date and time")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is not None or len(text) < len("YYYY-MM-DD HH:MM:SS"):
        raise StoredValueError("text that is not a date and time")
    return from_naive_utc(moment)


def _id_list(value: Any) -> tuple[str, ...]:
    text = _expect(value, str, "a list of ids")
    try:
        items = json.loads(text)
    except (ValueError, RecursionError):
        items = None
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise StoredValueError("text that is not a list of ids")
    return tuple(items)


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _text(value: Any) -> str:
    return str(_expect(value, str, "text"))


def _int(value: Any) -> int:
    return int(_expect(value, int, "a whole number"))


#: Stored value -> domain value, per kind; ``StoredValueError`` for a value the kind cannot hold.
_FROM_STORED: dict[Kind, Callable[[Any], Any]] = {
    Kind.TEXT: _text,
    Kind.CHOICE: _text,
    Kind.LINK: _optional(_text),
    Kind.INT: _int,
    Kind.OPT_INT: _optional(_int),
    Kind.DECIMAL: _cents,
    Kind.DECIMALS: _cents,
    Kind.BOOL: _bool,
    Kind.DATE: _optional(_date),
    Kind.DATETIME: _optional(_datetime),
    Kind.CHOICES: _id_list,
    Kind.LINKS: _id_list,
}

#: A field's name, its conversion, where its columns start in the row, and whether it spans several.
_Field = tuple[str, Callable[[Any], Any], int, int, bool]


@cache
def _layout(record_type: type) -> tuple[list[str], list[_Field]]:
    """The columns to select for a record (after ``id``) and where each field's value sits in the row."""
    columns: list[str] = []
    fields: list[_Field] = []
    for s in specs(record_type):
        many = s.kind is Kind.DECIMALS  # per-year amounts: one column a year
        names = amount_columns(s) if many else [s.name]
        fields.append((s.name, _FROM_STORED[s.kind], len(columns) + 1, len(names), many))
        columns += names
    return columns, fields


class _Row:
    """One stored row being decoded: where it sits (for naming what cannot be read) and what is wrong."""

    def __init__(self, collection: str, index: int | None, row: tuple[Any, ...]) -> None:
        self.collection, self.index, self.row = collection, index, row
        self.problems: list[tuple[str, str]] = []

    def value(self, column: int, convert: Callable[[Any], Any], field: str) -> Any:
        try:
            return convert(self.row[column])
        except StoredValueError as exc:
            self.problems.append((self._where(field, column), f"cannot be read: {exc}"))
            return None

    def _where(self, field: str, column: int) -> str:
        table = TABLE_NAMES[self.collection]
        row = "" if self.index is None else f" row {self.index + 1}"
        name = (["id", *_layout(type_of(self.collection))[0]])[column]
        return f"{json_path(self.collection, self.index, field)} (table {table}{row}, column {name})"


def type_of(collection: str) -> type:
    return model.SINGLETONS.get(collection) or model.COLLECTIONS[collection]


def _record(collection: str, index: int | None, row: tuple[Any, ...], problems: list[tuple[str, str]]) -> Any:
    """A record from ``row`` (its ``id`` first, then the field columns); what cannot be read goes to ``problems``."""
    record_type = type_of(collection)
    stored = _Row(collection, index, row)
    values: dict[str, Any] = {}
    if index is not None:
        values["id"] = stored.value(0, _text, "id")
    for name, convert, start, count, many in _layout(record_type)[1]:
        if many:
            values[name] = tuple(stored.value(start + i, convert, f"{name}[{i}]") for i in range(count))
        else:
            values[name] = stored.value(start, convert, name)
    problems += stored.problems
    return None if stored.problems else record_type(**values)


@cache
def _select(collection: str, record_type: type) -> str:
    columns = ", ".join(f'"{c}"' for c in ["id", *_layout(record_type)[0]])
    if collection in model.SINGLETONS:
        return f'SELECT {columns} FROM "{TABLE_NAMES[collection]}" LIMIT 1'
    return f'SELECT {columns} FROM "{TABLE_NAMES[collection]}" ORDER BY "position"'


def read_plan_sqlite(conn: sqlite3.Connection) -> model.Plan:
    """The whole plan, inside the caller's transaction (see ``reading``).

    ``UnreadablePlan`` lists every stored value no field can hold, by its
    interchange path, table, row and column.
    """
    values: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for name, record_type in model.SINGLETONS.items():
        row = conn.execute(_select(name, record_type)).fetchone()
        values[name] = _record(name, None, row, problems) if row else record_type()
    for name, record_type in model.COLLECTIONS.items():
        rows = conn.execute(_select(name, record_type)).fetchall()
        values[name] = tuple(_record(name, index, row, problems) for index, row in enumerate(rows))
    problems += _edit_log_problems(conn)
    if problems:
        raise UnreadablePlan(problems)
    return model.Plan(**values)


def _edit_log_problems(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Edit-log entries the log's reader could not decode (the sign-off pane reads them)."""
    problems = []
    for number, (at, author, label, edit) in enumerate(
            conn.execute("SELECT at, author, label, edit FROM edit_log ORDER BY id"), start=1):
        try:
            _datetime(at), _text(author), _text(label)
            raw = json.loads(_text(edit))
            edit_from_json(raw)
        except (StoredValueError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
            problems.append((f"edit log entry {number}", "cannot be read"))
    return problems


class UnreadablePlan(Exception):
    """Stored values no field can hold: (where, why) of each."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(f"{len(problems)} stored values cannot be read")
        self.problems = problems


@contextmanager
def reading(path: Path, *, read_only: bool) -> Iterator[sqlite3.Connection]:
    """A protected connection to the plan file inside one read transaction, so every SELECT sees the same plan.

    ``mode=ro``/``rw``: never creates a file (a plain ``connect`` would make an
    empty database where a plan went missing). Failing to open or begin is
    the file's one-line ``PlanFileError``.
    """
    try:
        conn = guard.connect(path, mode="ro" if read_only else "rw")
    except sqlite3.Error as exc:
        raise guard.refusal(path, exc) from None
    try:
        try:
            conn.execute("BEGIN")
        except sqlite3.Error as exc:
            raise guard.refusal(path, exc) from None
        yield conn
    finally:
        conn.close()  # ends the read transaction


def read_plan_file(path: Path, *, read_only: bool) -> model.Plan:
    """The plan in ``path`` (a checked, current-revision plan file); ``UnreadablePlan`` for values no field holds.

    A statement SQLite refuses, or the budget stops, is the file's one-line ``PlanFileError``.
    """
    with reading(path, read_only=read_only) as conn:
        try:
            return read_plan_sqlite(conn)
        except sqlite3.Error as exc:
            raise guard.refusal(path, exc) from None


def user_version(path: Path, *, read_only: bool) -> int:
    """``PRAGMA user_version``: the file's schema revision."""
    with reading(path, read_only=read_only) as conn:
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise guard.refusal(path, exc) from None
