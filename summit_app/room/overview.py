"""The facilitator's view of the room: every table's seats, progress, findings and last activity, kept fresh.

Read through the room's read-only role (``room_facilitator``), one
connection for the whole room, each table's plan in one snapshot. Progress
is the navigator's (``plan.progress``, step by step in ``plan.steps`` order);
findings are the ``check`` command's (the open findings of ``assess``). A
``RoomWatcher`` LISTENs on every table's edit and presence channels as the
facilitator and says which tables changed: notifications carry no content,
so the overview of a changed table is read again (``table_overview``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa
from psycopg import sql

from summit_app.plan import model
from summit_app.plan.checks import assess
from summit_app.plan.checks.findings import ADVICE, BLOCKING, WARNING
from summit_app.plan.content import Content, load_content
from summit_app.plan.progress import COMPLETE, EMPTY, pane_states
from summit_app.plan.steps import STEPS
from summit_app.room.server import engine, talking, tls_options
from summit_app.room.state import RoomState, load_state
from summit_app.store import portable, presence
from summit_app.store.edit_notice import channel
from summit_app.store.errors import PlanFileError
from summit_app.store.presence import SeatPresence, presence_channel
from summit_app.store.schema import METADATA
from summit_app.store.server_check import check_server_schema
from summit_app.workflows.errors import UsageError

#: How a pane's progress state reads in the overview.
_PROGRESS_WORDS = {COMPLETE: "done", EMPTY: "empty"}


@dataclass(frozen=True)
class TableOverview:
    """One table at a glance: who sits there and where, how far the plan has got, what its checks say."""

    table: str
    district: str
    seats: tuple[SeatPresence, ...]
    #: (pane title, "done"/"partial"/"empty"), in step order.
    progress: tuple[tuple[str, str], ...]
    #: Open findings of the plan's checks: (blocking, warnings, advice).
    findings: tuple[int, int, int]
    last_activity: datetime | None
    sequence: int


def room_overview(room: Path) -> list[TableOverview]:
    """Every table of the room, by name."""
    state = load_state(room)
    with _reading(room, state) as conn:
        content = load_content()
        return [_table(conn, name, content) for name in sorted(state.tables)]


def table_overview(room: Path, table: str) -> TableOverview:
    """One table of the room (``UsageError`` if the room has no such table)."""
    state = load_state(room)
    if table not in state.tables:
        raise UsageError(f"table {table}", "the room has no table of that name")
    with _reading(room, state) as conn:
        return _table(conn, table, load_content())


@contextmanager
def _reading(room: Path, state: RoomState) -> Iterator[sa.Connection]:
    reader = engine(room, state, admin=False)
    try:
        with talking(room, state, "the room could not be read"), reader.connect() as conn:
            yield conn
    finally:
        reader.dispose()


def _table(conn: sa.Connection, table: str, content: Content) -> TableOverview:
    """The table's overview, read in one snapshot."""
    with conn.begin():
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        try:
            check_server_schema(conn, table, f"table {table}")
        except PlanFileError as exc:
            raise UsageError(exc.what, exc.why) from None
        in_schema = conn.execution_options(schema_translate_map={None: table})
        sequence = portable.last_sequence(in_schema)
        plan = portable.read_plan(in_schema)
        log = METADATA.tables["edit_log"]
        last = in_schema.execute(sa.select(sa.func.max(log.c.at))).scalar()
        seats = presence.seats_present(conn, table) if presence.has_presence(conn, table) else []
    return TableOverview(table, plan.district.name, tuple(seats), _progress(plan, content),
                         _findings(plan, content), last, sequence)


def _progress(plan: model.Plan, content: Content) -> tuple[tuple[str, str], ...]:
    states = pane_states(plan, content)
    return tuple((title, _PROGRESS_WORDS.get(states[pane], "partial")) for pane, title in STEPS)


def _findings(plan: model.Plan, content: Content) -> tuple[int, int, int]:
    found = assess(plan, content).open
    return (sum(f.severity == BLOCKING for f in found), sum(f.severity == WARNING for f in found),
            sum(f.severity == ADVICE for f in found))


class RoomWatcher:
    """Hears every table's new edits and presence changes, as the facilitator; ``changed`` says which tables.

    A table added after the watcher started is heard from the next ``changed`` on.
    """

    def __init__(self, room: Path) -> None:
        self._room = room
        self._state = load_state(room)
        #: channel → table
        self._tables: dict[str, str] = {}
        state = self._state
        with talking(room, state, "the room cannot be watched"):
            self._conn: psycopg.Connection[Any] = psycopg.connect(
                host=state.server_host, port=state.port, dbname=state.database, user=state.facilitator_user,
                password=state.facilitator_password, autocommit=True, **tls_options(room))
        try:
            self._listen_new(state)
        except BaseException:
            self.close()
            raise

    def _listen_new(self, state: RoomState) -> None:
        with talking(self._room, self._state, "the room cannot be watched"):
            for table in sorted(set(state.tables) - set(self._tables.values())):
                for name in (channel(table), presence_channel(table)):
                    self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(name)))
                    self._tables[name] = table

    def fileno(self) -> int:
        """The connection's socket: readable when a table may have changed (for a socket notifier)."""
        return self._conn.fileno()

    def changed(self, timeout: float = 0) -> set[str]:
        """The tables with a new edit or a presence change since the last call (waiting up to ``timeout`` s)."""
        with suppress(UsageError):  # a state file being replaced: the tables known so far are heard
            self._listen_new(load_state(self._room))
        with talking(self._room, self._state, "the room cannot be watched"):
            found = list(self._conn.notifies(timeout=timeout, stop_after=1))
            if found:
                found += self._conn.notifies(timeout=0)
        return {self._tables[n.channel] for n in found if n.channel in self._tables}

    def close(self) -> None:
        with suppress(psycopg.Error):
            self._conn.close()

    def __enter__(self) -> RoomWatcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
