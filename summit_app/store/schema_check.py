"""A plan file's schema objects must be exactly the app's, before anything reads its data.

A file with the right application id may still carry a trigger (run by the
next edit), a view in place of a table (run by the next read), or a changed
column. ``check_schema`` compares the file's ``sqlite_master`` (type, name,
table and its SQL, normalised) with the objects the app's schema makes at the
file's revision, recorded in ``known_schemas``; anything else is refused with
one line naming the kind of object. Reading ``sqlite_master`` runs nothing in
the file: it is a plain table, not a view or trigger.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from summit_app.store import guard
from summit_app.store.errors import PlanFileError
from summit_app.store.known_schemas import SCHEMAS

#: (type, name, table) of a schema object.
ObjectKey = tuple[str, str, str]

_SPACE = re.compile(r"\s+")
_AROUND_PUNCTUATION = re.compile(r" ?([(),]) ?")
#: ``DEFAULT ('')`` (how a migration's table rebuild writes it) is ``DEFAULT ''``.
_PARENTHESISED_DEFAULT = re.compile(r"DEFAULT \(('[^']*'|-?[0-9]+)\)")
_NAME_LIMIT = 40
_TWICE = "(listed twice)"


def normalise(sql: str | None) -> str:
    """The SQL of a schema object without the differences that do not change it.

    Quotes around identifiers, runs of white space and the parentheses a
    table rebuild puts around a default value: the same table whether made
    new or migrated.
    """
    if sql is None:
        return ""
    text = _SPACE.sub(" ", sql.replace('"', "")).strip()
    text = _AROUND_PUNCTUATION.sub(r"\1", text)
    return _PARENTHESISED_DEFAULT.sub(r"DEFAULT \1", text)


def schema_objects(conn: sqlite3.Connection) -> dict[ObjectKey, str]:
    """Every object of ``conn``'s main schema, with its normalised SQL."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    out: dict[ObjectKey, str] = {}
    for kind, name, table, sql in rows:
        key = (str(kind), str(name), str(table))
        # An object listed twice matches no definition, whichever of the two SQLite would use.
        out[key] = _TWICE if key in out else normalise(sql if isinstance(sql, str) or sql is None else repr(sql))
    return out


def shown(name: str) -> str:
    """A name from the file, safe to print on one line: quoted, escaped and cut short."""
    text = repr(name)
    return text if len(text) <= _NAME_LIMIT else text[:_NAME_LIMIT - 4] + "…" + text[-1]


#: The order objects are looked at: what would run first, what holds data next.
_KIND_ORDER = {"trigger": 0, "view": 1, "table": 2, "index": 3}


def _in_order(keys: Iterable[ObjectKey]) -> list[ObjectKey]:
    return sorted(keys, key=lambda k: (_KIND_ORDER.get(k[0], 4), k))


def _kind_word(kind: str) -> str:
    word = kind if kind in _KIND_ORDER else "schema object"
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def schema_problem(found: dict[ObjectKey, str], revision: int) -> str | None:
    """Why ``found`` is not the app's schema at ``revision``, or None if it is exactly that."""
    expected = SCHEMAS.get(revision)
    if expected is None:
        return f"its plan format {revision} is not one this version of Summit Planner knows"
    by_name = {name: kind for kind, name, _ in expected}
    for kind, name, table in _in_order(found):
        if kind == "trigger":
            return f"it contains a trigger ({shown(name)}), which a plan never has"
        if (kind, name, table) in expected:
            continue
        if name in by_name and by_name[name] != kind:
            return f"{shown(name)} is {_kind_word(kind)} where a plan has {_kind_word(by_name[name])}"
        return f"it contains {_kind_word(kind)} ({shown(name)}) that a plan never has"
    for key in _in_order(expected):
        if key not in found:
            return f"its {key[0]} {shown(key[1])} is missing"
        if found[key] not in expected[key]:
            return f"its {key[0]} {shown(key[1])} is not defined as a plan's is"
    return None


def check_schema(path: Path, revision: int) -> None:
    """``PlanFileError`` unless the file's schema objects are exactly the app's at ``revision``.

    Nothing in the file runs: the file is not opened for writing, and only
    ``sqlite_master`` is read.
    """
    why = "it is not a Summit Planner plan: {}; it was not opened, and nothing in it was run"
    try:
        conn = guard.connect(path, mode="ro")
        try:
            found = schema_objects(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise guard.refusal(path, exc) from None
    problem = schema_problem(found, revision)
    if problem is not None:
        raise PlanFileError(str(path), why.format(problem))
