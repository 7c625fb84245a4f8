"""A plan on a server that several seats of a summit table edit at once.

Each seat holds the plan's advisory lock *shared* (a single editor's
exclusive open is refused while seats are in, and the other way round).
Its commits take turns: one transaction holding the table's advisory
transaction lock reads the edits other seats wrote since the seat's last
applied sequence number, lets the document apply them and re-check the own
edit, then writes it (``PlanDocument.apply_shared``). An ``EditListener``
hears the sequence numbers of new edits (``edit_notice``) so the seat can
catch up between its own edits, and hears that the table's presence changed
(``presence``: who sits where, read through the seat's own privileges).

A seat's connections say only "Summit Planner seat <id>" (every role can read
``pg_stat_activity``), keep TCP alive with short keepalives and a user
timeout (a server that vanished from the network is noticed within a few
heartbeats), and carry a statement timeout. When they die, ``reconnect``
opens new ones; an edit whose commit had no answer stays ``pending`` until
the edit log says whether it was written.
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

import psycopg
import sqlalchemy as sa
from psycopg import sql

from summit_app.plan import model
from summit_app.plan.document import LogEntry, Remote
from summit_app.plan.edits import Edit
from summit_app.store import portable, presence
from summit_app.store.edit_notice import accepted_notice, channel
from summit_app.store.errors import PlanFileError
from summit_app.store.presence import SeatPresence, presence_channel
from summit_app.store.server import ServerPlan, _take_lock, talking_to
from summit_app.store.server_check import check_server_revision, namespace

_TURN_SALT = b"summit-planner table turn "
#: Seconds a seat's statement may run (a turn waits for the table's other seats within it).
STATEMENT_TIMEOUT = 15


def seat_connection(seat_id: str, heartbeat: float) -> dict[str, Any]:
    """libpq settings of a seat's connections: its id (no name), keepalives and timeouts scaled to its heartbeat."""
    beat = max(1, round(heartbeat))
    return {"application_name": f"Summit Planner seat {seat_id}",
            "connect_timeout": max(2, round(2 * heartbeat)),
            "keepalives": 1, "keepalives_idle": beat, "keepalives_interval": 1, "keepalives_count": 3,
            "tcp_user_timeout": max(1000, round(3000 * heartbeat)),
            "options": f"-c statement_timeout={STATEMENT_TIMEOUT * 1000}"}


def turn_key(plan: str) -> int:
    """The advisory transaction lock a table's seats take turns with (not the plan's open lock)."""
    return int.from_bytes(hashlib.sha256(_TURN_SALT + plan.encode()).digest()[:8], "big", signed=True)


@contextmanager
def answer_within(seconds: float, sockets: Sequence[int]) -> Iterator[None]:
    """Cut the connections on ``sockets`` if the block gets no answer within ``seconds`` (the driver then raises).

    The server's own timeouts need a server that runs, and TCP's need a peer
    whose machine stopped answering; a server process that hangs on a machine
    that still acknowledges every packet is caught only here.
    """
    lock, finished = threading.Lock(), threading.Event()

    def cut() -> None:
        with lock:
            if finished.is_set():
                return
            for fd in (fd for fd in sockets if fd >= 0):
                with suppress(OSError), socket.socket(fileno=os.dup(fd)) as sock:
                    sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(seconds, cut)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            finished.set()
        timer.cancel()


class _Turn:
    """The open transaction of one seat's turn (``SharedTurn``)."""

    def __init__(self, plan: SeatPlan, conn: sa.Connection, missing: list[Remote]) -> None:
        self._plan, self._conn, self._missing = plan, conn, missing
        self.written: int | None = None

    @property
    def missing(self) -> Sequence[Remote]:
        return self._missing

    def write(self, edit: Edit, entry: LogEntry) -> int:
        self._plan.pending = entry  # until the commit's answer says it was written (or it is read in the log)
        with talking_to(self._plan.server, "the last change was not saved"):
            self.written = portable.write_seat_edit(self._conn, edit, entry, self._plan.path)
        return self.written


class SeatPlan(ServerPlan):
    """One seat's open plan: shared with the table's other seats, which it catches up with by sequence."""

    #: The own edit whose commit had no answer (the connection died): the edit log tells whether it was written.
    pending: LogEntry | None = None
    #: Whether the plan's schema has the presence table (a room made by an earlier version has none).
    has_presence: bool = False
    _handed: list[Remote]

    @classmethod
    def open_seat(cls, text: str, *, holder: str = "", seat_id: str = "", heartbeat: float = 2.0) -> SeatPlan:
        """Open the plan ``text`` names as one of its seats; ``PlanFileError`` if it cannot be used."""
        connect = seat_connection(seat_id, heartbeat) if seat_id else None
        plan = cls._open(text, read_only=False, holder=holder, shared=True, connect=connect)
        assert isinstance(plan, SeatPlan)
        plan._handed = []
        try:
            plan._require_notice()
            with talking_to(plan.server), plan._conn.begin():
                plan.has_presence = presence.has_presence(plan._conn, plan.server.plan)
        except BaseException:
            plan.close()
            raise
        return plan

    def connected(self) -> bool:
        """False once the seat's plan connection is known to be dead (the driver saw it end)."""
        if self._conn.closed or self._conn.invalidated:
            return False
        raw = self._conn.connection.dbapi_connection
        return isinstance(raw, psycopg.Connection) and not raw.closed and not raw.broken

    def socket(self) -> int:
        """The plan connection's socket (for ``answer_within``), -1 if it has none any more."""
        try:
            raw = self._conn.connection.dbapi_connection
            return raw.fileno() if isinstance(raw, psycopg.Connection) else -1
        except (sa.exc.SQLAlchemyError, psycopg.Error):
            return -1

    def reconnect(self) -> None:
        """A new plan connection (the old one is dropped), holding the plan's lock shared again; raise if refused."""
        with suppress(sa.exc.SQLAlchemyError, psycopg.Error):
            self._conn.close()
        with talking_to(self.server):
            conn = self._engine.connect()
            try:
                check_server_revision(conn, self.server.plan, self.path)  # the whole schema was checked on opening
                _take_lock(conn, self.server, shared=True)
                conn.commit()
            except BaseException:
                with suppress(sa.exc.DBAPIError):
                    conn.close()
                raise
        self._conn = conn

    def drop(self) -> None:
        """Close the plan connection without a word to the server (it is gone, or about to be)."""
        if not self._conn.closed:
            with suppress(sa.exc.SQLAlchemyError, psycopg.Error):
                self._conn.invalidate()

    # -- presence (every call is one short transaction on the plan connection) ------------------

    def announce(self, seat_id: str, author: str, pane: str, editing: str) -> bool:
        """Write the seat's presence and tell the other seats; False if the facilitator removed this seat."""
        with talking_to(self.server), self._conn.begin():
            return presence.announce(self._conn, self.server.plan, seat_id, author, pane, editing)

    def refresh(self, seat_id: str) -> bool:
        """Mark the seat seen (this is the heartbeat's question to the server); False if its row is not there."""
        with talking_to(self.server), self._conn.begin():
            if not self.has_presence:
                self._conn.exec_driver_sql("SELECT 1")
                return True
            return presence.refresh(self._conn, self.server.plan, seat_id)

    def removed(self, seat_id: str) -> bool:
        """True if the facilitator removed the seat ``seat_id``."""
        if not self.has_presence:
            return False
        with talking_to(self.server), self._conn.begin():
            return presence.is_removed(self._conn, self.server.plan, seat_id)

    def present(self, stale: float) -> list[SeatPresence]:
        """The table's seats seen within ``stale`` seconds (this one included), ordered by author."""
        if not self.has_presence:
            return []
        with talking_to(self.server), self._conn.begin():
            return presence.seats_present(self._conn, self.server.plan, stale)

    def leave(self, seat_id: str) -> None:
        if self.has_presence:
            with talking_to(self.server), self._conn.begin():
                presence.leave(self._conn, self.server.plan, seat_id)

    def _require_notice(self) -> None:
        """``PlanFileError`` unless the plan notifies its new edits (a plan made before seats shared plans)."""
        with talking_to(self.server), self._conn.begin():
            ns = namespace(self._conn, self.server.plan)
            heard = ns is not None and accepted_notice(self._conn, ns, self.server.plan) != (0, 0)
        if not heard:
            raise PlanFileError(self.path, "its edits are not announced to other seats (it was made before "
                                           "seats could share a plan); it was not opened as a seat")

    @property
    def sequence(self) -> int:
        """The newest edit this seat has applied (loaded, written, or caught up with)."""
        return self._sequence

    def applied(self, sequence: int) -> None:
        """Record that the seat's plan now includes the edit ``sequence`` (and every one before it)."""
        self._sequence = max(self._sequence, sequence)

    def take_handed(self) -> list[Remote]:
        """The other seats' edits the turns handed over since the last call (applied, whatever became of the turn)."""
        handed, self._handed = self._handed, []
        return handed

    def edits_between(self, first: int, last: int) -> list[Remote]:
        """The log's edits after ``first`` up to ``last``, in order (every seat's, this one's included)."""
        with talking_to(self.server), self._conn.begin():
            return [Remote(n, e) for n, e in portable.edit_log_after(self._conn, first, self.path) if n <= last]

    def remote_after(self) -> list[Remote]:
        """The edits written after the seat's sequence, in order (the caller applies them, then ``applied``)."""
        with talking_to(self.server), self._conn.begin():
            return [Remote(n, e) for n, e in portable.edit_log_after(self._conn, self._sequence, self.path)]

    @contextmanager
    def turn(self) -> Iterator[_Turn]:
        """The table's turn: the missing edits, then the own write; committed when the block ends without error.

        The missing edits count as applied as soon as they are handed over
        (the document applies them even when it then refuses its own edit).
        """
        with talking_to(self.server, "the last change was not saved"):
            transaction = self._conn.begin()
            try:
                self._conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": turn_key(self.server.plan)})
                found = portable.edit_log_after(self._conn, self._sequence, self.path)
            except BaseException:
                transaction.rollback()
                raise
        turn = _Turn(self, self._conn, [Remote(n, e) for n, e in found])
        self._handed += turn.missing
        if found:
            self._sequence = found[-1][0]
        try:
            yield turn
        except BaseException:
            with suppress(sa.exc.DBAPIError):
                transaction.rollback()
                self.pending = None  # rolled back on a live connection: certainly not written
            raise
        with talking_to(self.server, "the last change was not saved"):
            transaction.commit()
        self.pending = None
        if turn.written is not None:
            self._sequence = turn.written

    def commit(self, edit: Edit, after: model.Plan, entry: LogEntry) -> None:
        """A plain commit, only if no other seat wrote since (``PlanDocument.apply_shared`` is the seat's path)."""
        with self.turn() as turn:
            if turn.missing:
                raise PlanFileError(self.path, "another seat changed the plan meanwhile; nothing was changed")
            turn.write(edit, entry)

    def listen(self) -> EditListener:
        """A new connection that hears the sequence numbers of the plan's new edits (LISTEN before loading)."""
        with talking_to(self.server):
            pooled = self._engine.raw_connection()
        return EditListener(self, pooled)


class EditListener:
    """An autocommit connection LISTENing on the plan's channels; its socket tells a window when to look.

    Two channels: the edit channel (sequence numbers) and the presence channel
    (empty payloads: "look at who is where"), kept apart so a presence change
    never sends a seat to the edit log.
    """

    def __init__(self, plan: SeatPlan, pooled: Any) -> None:
        self._plan = plan
        self._pooled = pooled
        conn = pooled.driver_connection
        assert isinstance(conn, psycopg.Connection)
        self._conn: psycopg.Connection[Any] = conn
        self._edits = channel(plan.server.plan)
        #: True once a presence change was heard and not yet taken (``presence_changed``).
        self._presence = False
        with self._talking():
            self._conn.autocommit = True
            self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._edits)))
            self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(presence_channel(plan.server.plan))))

    @contextmanager
    def _talking(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as exc:
            raise PlanFileError(self._plan.path, f"cannot hear the other seats ({type(exc).__name__})") from None

    def fileno(self) -> int:
        """The connection's socket, readable when a notification may have come (for a socket notifier)."""
        return self._conn.fileno()

    def heard(self, timeout: float = 0) -> list[int]:
        """The sequence numbers notified since the last call, waiting up to ``timeout`` seconds for the first.

        A payload that is not a number is read as "something changed" (-1):
        the seat then looks in the edit log anyway.
        """
        with self._talking():
            found = list(self._conn.notifies(timeout=timeout, stop_after=1))
            if found:
                found += self._conn.notifies(timeout=0)
        self._presence |= any(n.channel != self._edits for n in found)
        return [int(n.payload) if n.payload.isdigit() else -1 for n in found if n.channel == self._edits]

    def presence_changed(self) -> bool:
        """True if a presence change was heard since the last call."""
        changed, self._presence = self._presence, False
        return changed

    def broken(self) -> bool:
        """True once the connection is known to be dead."""
        return self._conn.closed or self._conn.broken

    def socket(self) -> int:
        """The connection's socket, -1 if it has none any more."""
        try:
            return self._conn.fileno()
        except psycopg.Error:
            return -1

    def ping(self) -> None:
        """Ask the server a trivial question on this connection (``PlanFileError`` if it does not answer)."""
        with self._talking():
            self._conn.execute("SELECT 1")

    def close(self) -> None:
        with suppress(psycopg.Error, sa.exc.DBAPIError):
            self._pooled.close()
