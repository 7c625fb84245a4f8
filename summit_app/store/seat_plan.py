"""A plan on a server that several seats of a summit table edit at once.

Each seat holds the plan's advisory lock *shared* (a single editor's
exclusive open is refused while seats are in, and the other way round).
Its commits take turns: one transaction holding the table's advisory
transaction lock reads the edits other seats wrote since the seat's last
applied sequence number, lets the document apply them and re-check the own
edit, then writes it (``PlanDocument.apply_shared``). An ``EditListener``
hears the sequence numbers of new edits (``edit_notice``) so the seat can
catch up between its own edits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

import psycopg
import sqlalchemy as sa
from psycopg import sql

from summit_app.plan import model
from summit_app.plan.document import LogEntry, Remote
from summit_app.plan.edits import Edit
from summit_app.store import portable
from summit_app.store.edit_notice import accepted_notice, channel
from summit_app.store.errors import PlanFileError
from summit_app.store.server import ServerPlan, talking_to
from summit_app.store.server_check import namespace

_TURN_SALT = b"summit-planner table turn "


def turn_key(plan: str) -> int:
    """The advisory transaction lock a table's seats take turns with (not the plan's open lock)."""
    return int.from_bytes(hashlib.sha256(_TURN_SALT + plan.encode()).digest()[:8], "big", signed=True)


class _Turn:
    """The open transaction of one seat's turn (``SharedTurn``)."""

    def __init__(self, plan: SeatPlan, conn: sa.Connection, missing: list[Remote]) -> None:
        self._plan, self._conn, self._missing = plan, conn, missing
        self.written: int | None = None

    @property
    def missing(self) -> Sequence[Remote]:
        return self._missing

    def write(self, edit: Edit, entry: LogEntry) -> int:
        with talking_to(self._plan.server, "the last change was not saved"):
            self.written = portable.write_seat_edit(self._conn, edit, entry, self._plan.path)
        return self.written


class SeatPlan(ServerPlan):
    """One seat's open plan: shared with the table's other seats, which it catches up with by sequence."""

    @classmethod
    def open_seat(cls, text: str, *, holder: str = "") -> SeatPlan:
        """Open the plan ``text`` names as one of its seats; ``PlanFileError`` if it cannot be used."""
        plan = cls._open(text, read_only=False, holder=holder, shared=True)
        assert isinstance(plan, SeatPlan)
        try:
            plan._require_notice()
        except BaseException:
            plan.close()
            raise
        return plan

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
        if found:
            self._sequence = found[-1][0]
        try:
            yield turn
        except BaseException:
            with suppress(sa.exc.DBAPIError):
                transaction.rollback()
            raise
        with talking_to(self.server, "the last change was not saved"):
            transaction.commit()
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
    """An autocommit connection LISTENing on the plan's channel; its socket tells a window when to look."""

    def __init__(self, plan: SeatPlan, pooled: Any) -> None:
        self._plan = plan
        self._pooled = pooled
        conn = pooled.driver_connection
        assert isinstance(conn, psycopg.Connection)
        self._conn: psycopg.Connection[Any] = conn
        with self._talking():
            self._conn.autocommit = True
            self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel(plan.server.plan))))

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
            found = [n.payload for n in self._conn.notifies(timeout=timeout, stop_after=1)]
            if found:
                found += [n.payload for n in self._conn.notifies(timeout=0)]
        return [int(p) if p.isdigit() else -1 for p in found]

    def close(self) -> None:
        with suppress(psycopg.Error, sa.exc.DBAPIError):
            self._pooled.close()
