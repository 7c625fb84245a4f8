"""Every SQLite connection to a plan file gets the protections a file from anyone needs.

A plan file may come from anyone, so nothing in it may run or hang the app:

- ``PRAGMA trusted_schema=OFF``: functions with side effects cannot be called
  from a view, a trigger, a default or a check constraint stored in the file.
  (``SQLITE_DBCONFIG_DEFENSIVE`` needs ``Connection.setconfig``, which arrived
  in Python 3.12; on 3.11 the schema check of ``schema_check`` is what keeps
  triggers and views out, and this is set when it exists.)
- Extension loading stays off (Python's sqlite3 never turns it on; it is
  turned off explicitly where the module offers the switch).
- A progress handler bounds every statement: after ``MAX_STEPS`` virtual
  machine steps or ``MAX_SECONDS`` it is interrupted, so no file can hang the
  app or fill the disk with the temporary results of an endless query.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from summit_app.store.errors import PlanFileError

#: The handler runs once every this many virtual machine steps.
STEPS_PER_CALL = 1000
#: A statement that runs longer than this is interrupted (a plan's largest
#: query takes well under a hundredth of this).
MAX_STEPS = 20_000_000
MAX_SECONDS = 10.0
#: What SQLite says when the progress handler interrupted a statement.
INTERRUPTED = "interrupted"
#: Why a statement was stopped, in words for the person who chose the file.
TOO_LONG = "reading the file took too long and was stopped; the file is damaged or built to hang the app"

#: ``SQLITE_DBCONFIG_DEFENSIVE`` (sqlite3.h), for Pythons whose sqlite3 has ``setconfig``.
_DBCONFIG_DEFENSIVE = 1010


class StatementBudget:
    """The progress handler of one connection: counts steps since ``restart`` and stops a runaway statement."""

    def __init__(self) -> None:
        self.calls = 0
        self.started = time.monotonic()

    def restart(self) -> None:
        self.calls = 0
        self.started = time.monotonic()

    def __call__(self) -> int:
        self.calls += 1
        over = self.calls * STEPS_PER_CALL > MAX_STEPS or time.monotonic() - self.started > MAX_SECONDS
        return 1 if over else 0  # non-zero interrupts the statement


def protect(conn: sqlite3.Connection) -> StatementBudget:
    """Turn on the protections of this module on ``conn``; its budget, to restart before each statement."""
    cur = conn.cursor()
    cur.execute("PRAGMA trusted_schema=OFF")
    cur.close()
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:  # Python 3.12+
        setconfig(getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", _DBCONFIG_DEFENSIVE), True)
    disable_extensions = getattr(conn, "enable_load_extension", None)
    if disable_extensions is not None:
        disable_extensions(False)
    budget = StatementBudget()
    conn.set_progress_handler(budget, STEPS_PER_CALL)
    return budget


class GuardedConnection(sqlite3.Connection):
    """A sqlite3 connection with the protections on, whose every ``execute`` gets a fresh budget."""

    budget: StatementBudget

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        self.budget.restart()
        return super().execute(sql, parameters)


def connect(path: Path, *, mode: str = "ro") -> GuardedConnection:
    """A protected connection to ``path`` (``mode``: ``ro`` or ``rw``; never creates a file).

    Autocommit (``isolation_level=None``): callers say ``BEGIN`` where they
    need one read transaction.
    """
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, factory=GuardedConnection)
    try:
        conn.budget = protect(conn)
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def was_stopped(exc: BaseException) -> bool:
    """True if ``exc`` is a statement the budget interrupted."""
    return isinstance(exc, sqlite3.OperationalError) and str(exc) == INTERRUPTED


def reason(exc: sqlite3.Error) -> str:
    """What went wrong in words, never the SQL or its values (SQLite's own message names no data)."""
    if was_stopped(exc):
        return TOO_LONG
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary result code
    if code == sqlite3.SQLITE_CANTOPEN:
        return "the file cannot be opened (it was moved, removed or may not be read)"
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_BUSY,
                sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_CONSTRAINT):
        return f"the file could not be read or written ({exc})"
    return f"the file is damaged ({exc})"


def refusal(path: Path | str, exc: sqlite3.Error) -> PlanFileError:
    return PlanFileError(str(path), reason(exc))
