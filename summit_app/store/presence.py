"""Where the seats of a summit table are: one small table beside the table's plan, outside the plan itself.

Each open seat keeps one row (``seat_presence``): a random seat id, the
author, the pane it shows and the long-text field it is typing in, and when
it was last seen. The table is not one of the plan's (``schema.METADATA``):
it never enters a plan file, an export or a fingerprint, and the schema check
merely tolerates it. Presence is not worth an fsync: its writes commit with
``synchronous_commit`` off (a crash may forget the last few seconds of who
was where, never an edit). A change tells the other seats on the table's
presence channel with an empty payload: notifications reach every session of
the database, so they never carry a name or a pane; the seats read the rows
through their own privileges. The facilitator's ``remove_seat`` marks a row
``removed``: a seat's role can neither set nor clear that column.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

PRESENCE_TABLE = "seat_presence"
#: The relations the presence table brings into a plan's schema (name → kind, as ``server_check`` names kinds).
PRESENCE_RELATIONS = {PRESENCE_TABLE: "table", f"{PRESENCE_TABLE}_pkey": "index"}
#: A seat not seen for this many seconds is gone (a few heartbeats of ``room.seat.HEARTBEAT_SECONDS``).
STALE_SECONDS = 8.0
#: The columns a seat may write (``removed`` is the facilitator's).
_SEAT_COLUMNS = "seat_id, author, pane, editing, seen"


@dataclass(frozen=True)
class SeatPresence:
    """Another seat at the table: who, on which pane, typing in which long-text field ("" = none), seen when."""

    seat_id: str
    author: str
    pane: str
    editing: str
    seen: datetime


def presence_channel(plan: str) -> str:
    """The channel a table's presence changes are announced on (the edit channel's sibling, empty payloads)."""
    return "summit_seats_" + hashlib.sha256(plan.encode()).hexdigest()[:32]


def _table(conn: sa.Connection, plan: str) -> str:
    preparer = conn.dialect.identifier_preparer
    return f"{preparer.quote_schema(plan)}.{preparer.quote(PRESENCE_TABLE)}"


def create_presence(conn: sa.Connection, plan: str) -> None:
    """Add the presence table to a new table's schema (in the caller's transaction)."""
    conn.exec_driver_sql(
        f"CREATE TABLE {_table(conn, plan)} (seat_id varchar(40) PRIMARY KEY, author text NOT NULL, "
        "pane text NOT NULL DEFAULT '', editing text NOT NULL DEFAULT '', "
        "seen timestamptz NOT NULL DEFAULT now(), removed boolean NOT NULL DEFAULT false)")


def grant_presence(conn: sa.Connection, plan: str, role: str) -> None:
    """Let the table's seats read the rows and write their own columns, never ``removed`` (after the plan's grants)."""
    table, who = _table(conn, plan), conn.dialect.identifier_preparer.quote(role)
    conn.exec_driver_sql(f"REVOKE ALL ON {table} FROM {who}")
    conn.exec_driver_sql(f"GRANT SELECT, DELETE ON {table} TO {who}")
    conn.exec_driver_sql(f"GRANT INSERT ({_SEAT_COLUMNS}) ON {table} TO {who}")
    conn.exec_driver_sql(f"GRANT UPDATE (author, pane, editing, seen) ON {table} TO {who}")


def has_presence(conn: sa.Connection, plan: str) -> bool:
    """True if the plan's schema has the presence table (a room made by an earlier version has none)."""
    found = conn.execute(sa.text("SELECT to_regclass(:t)"), {"t": _table(conn, plan)}).scalar()
    return found is not None


def announce(conn: sa.Connection, plan: str, seat_id: str, author: str, pane: str, editing: str) -> bool:
    """Write the seat's row and tell the other seats (in the caller's transaction); False if the seat was removed."""
    conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
    row = conn.execute(sa.text(
        f"INSERT INTO {_table(conn, plan)} AS p ({_SEAT_COLUMNS}) VALUES (:id, :author, :pane, :editing, now()) "
        "ON CONFLICT (seat_id) DO UPDATE SET author = :author, pane = :pane, editing = :editing, seen = now() "
        "WHERE NOT p.removed RETURNING p.seat_id"),
        {"id": seat_id, "author": author, "pane": pane, "editing": editing}).first()
    conn.execute(sa.text("SELECT pg_notify(:channel, '')"), {"channel": presence_channel(plan)})
    return row is not None


def refresh(conn: sa.Connection, plan: str, seat_id: str) -> bool:
    """Mark the seat seen now, quietly (no notification); False if the seat was removed or its row is gone."""
    conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
    row = conn.execute(sa.text(
        f"UPDATE {_table(conn, plan)} SET seen = now() WHERE seat_id = :id AND NOT removed RETURNING seat_id"),
        {"id": seat_id}).first()
    return row is not None


def is_removed(conn: sa.Connection, plan: str, seat_id: str) -> bool:
    row = conn.execute(sa.text(f"SELECT removed FROM {_table(conn, plan)} WHERE seat_id = :id"),
                       {"id": seat_id}).first()
    return bool(row[0]) if row is not None else False


def seats_present(conn: sa.Connection, plan: str, stale: float = STALE_SECONDS) -> list[SeatPresence]:
    """The seats seen within ``stale`` seconds (by the server's clock) and not removed, ordered by author."""
    rows = conn.execute(sa.text(
        f"SELECT seat_id, author, pane, editing, seen FROM {_table(conn, plan)} "
        "WHERE NOT removed AND seen > now() - make_interval(secs => :stale) ORDER BY author, seat_id"),
        {"stale": stale})
    return [SeatPresence(str(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4]) for r in rows]


def leave(conn: sa.Connection, plan: str, seat_id: str) -> None:
    """Remove the seat's row as it closes (a removed seat's row stays) and tell the other seats."""
    conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
    conn.execute(sa.text(f"DELETE FROM {_table(conn, plan)} WHERE seat_id = :id AND NOT removed"), {"id": seat_id})
    conn.execute(sa.text("SELECT pg_notify(:channel, '')"), {"channel": presence_channel(plan)})


def mark_removed(conn: sa.Connection, plan: str, seat_id: str) -> None:
    """The facilitator's mark: the seat may not come back under ``seat_id`` (the row is made if need be)."""
    conn.execute(sa.text(
        f"INSERT INTO {_table(conn, plan)} AS p (seat_id, author, removed) VALUES (:id, '', true) "
        "ON CONFLICT (seat_id) DO UPDATE SET removed = true"), {"id": seat_id})
    conn.execute(sa.text("SELECT pg_notify(:channel, '')"), {"channel": presence_channel(plan)})
