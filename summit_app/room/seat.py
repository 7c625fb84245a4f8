"""One seat at a summit table: the table's plan, edited here while the other seats edit it too.

The seat LISTENs for the plan's new edits before it reads the plan (so no
edit falls between the two), then keeps its ``PlanDocument`` up to date:
``catch_up`` applies the other seats' edits strictly in sequence order,
skipping what it has already applied and reading any gap (a missed
notification, a reconnect) from the edit log. Its own edits go through
``edit`` (the document's shared path). No Qt here: a window watches
``fileno()`` with a socket notifier and calls ``catch_up``.

Presence: the seat tells the table where it is (``announce``) and reads
where the others are (``others``, ``editing_by``: the soft lock on long
text). A window calls ``heartbeat`` every ``HEARTBEAT_SECONDS``: it refreshes
the seat's presence and asks the server a question on both connections; a
server that stopped answering makes the seat ``lost`` (read-only:
``SeatLost``). ``try_reconnect`` then tries again, ``retry_delay`` apart; once
connected it reads the gap from the edit log, which also settles an own edit
whose commit had no answer (it is never sent again).

A window may call ``heartbeat`` (and ``connect_again``) from a thread of its
own: the calls that use the seat's connections take turns, so a heartbeat
waiting on a machine that stopped answering holds that thread, not the
window's, and an edit made meanwhile waits for it.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from summit_app.plan.content import Content, load_content
from summit_app.plan.document import LogEntry, PlanDocument, Remote, SharedResult
from summit_app.plan.edits import Edit
from summit_app.plan.seating import Notice, fields_set, replaced_own, undo_without_conflicts
from summit_app.store.errors import PlanFileError
from summit_app.store.presence import SeatPresence
from summit_app.store.seat_plan import STATEMENT_TIMEOUT, EditListener, SeatPlan, answer_within

#: How often a window calls ``Seat.heartbeat`` (seconds).
HEARTBEAT_SECONDS: float = 2.0
#: Another seat not seen for this many of the seat's heartbeats has left (or lost the room).
STALE_HEARTBEATS = 4
#: A heartbeat not answered within this many heartbeats (2 s at least) finds the server lost.
ANSWER_HEARTBEATS = 2.5
#: Seconds between reconnect attempts: 0.25, 0.5, then every second (a seat is back within about a second of
#: the server; a refused attempt costs the server little, even from every seat of the room).
_RETRY_DELAYS = (0.25, 0.5, 1.0)
#: How many of the other seats' edits the seat remembers for undo (older ones are read from the edit log).
_REMEMBERED = 2000


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _in_turn(method: Callable[Concatenate[Seat, _P], _R]) -> Callable[Concatenate[Seat, _P], _R]:
    """The method uses the seat's connections: one such call at a time, whichever thread makes it."""
    @wraps(method)
    def in_turn(seat: Seat, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with seat._turns:
            return method(seat, *args, **kwargs)
    return in_turn


class SeatLost(PlanFileError):
    """The server stopped answering: the seat is read-only until ``try_reconnect`` succeeds."""


class SeatRemoved(SeatLost):
    """The facilitator removed this seat: it stays read-only and never reconnects."""


class Seat:
    """A seat's open plan, its document and its ear on the table's edits; ``close`` when leaving."""

    def __init__(self, location: str, author: str, content: Content | None = None, *,
                 heartbeat: float = HEARTBEAT_SECONDS) -> None:
        #: Random per open seat: names the seat's connections and presence (not a secret, not a name).
        self.seat_id = secrets.token_hex(8)
        self._turns = threading.RLock()  # held by each call that uses the connections (see the module's notes)
        self.author = author
        self._heartbeat = heartbeat
        self.store = SeatPlan.open_seat(location, holder=author, seat_id=self.seat_id, heartbeat=heartbeat)
        try:
            self._listener: EditListener = self.store.listen()
            content = content or load_content()
            self.document = PlanDocument(self.store.load(content), self.store, content, author)
            self._where = ("", "")
            self._announce()
        except BaseException:
            self.store.close()
            raise
        self._stale = False
        #: Fields this seat set that no other seat has set since (whose replacement earns a notice).
        self._own: set[tuple[str, str, str]] = set()
        #: Notices of the seat's values that other seats replaced, oldest first (``take_notices``).
        self._notices: list[Notice] = []
        #: The other seats' edits this seat applied, newest last (for ``undo_conflicts``).
        self._others_edits: deque[Remote] = deque(maxlen=_REMEMBERED)
        #: The sequence numbers of the seat's own edits (an author's name is not proof: two seats may share one).
        self._own_sequences: set[int] = set()
        self._present: list[SeatPresence] | None = None
        self.lost = False
        self.removed = False
        self._attempts = 0
        self._closed = False

    @property
    def sequence(self) -> int:
        """The newest edit of the table's plan that this seat's plan includes."""
        return self.store.sequence

    def fileno(self) -> int:
        """The listening connection's socket: readable when another seat may have written.

        Closed while the seat is ``lost``; a new one after ``try_reconnect`` or ``reconnect``.
        """
        return self._listener.fileno()

    @_in_turn
    def edit(self, edit: Edit) -> SharedResult:
        """Apply the seat's own edit (after catching up inside the table's turn); raise if refused.

        ``SeatLost`` if the server does not answer: the edit is not applied
        here, and whether it reached the log is settled on reconnecting.
        """
        if self._closed:
            raise PlanFileError(self.store.path, "this seat has left the table; nothing was changed")
        self._refuse_lost()
        try:
            with self._watching(), self._answered(STATEMENT_TIMEOUT + 5):  # a busy server's statement first
                result = self.document.apply_shared(edit)
        finally:  # the other seats' edits the turn applied, even if the own edit was then refused
            self._heard_remote(self.store.take_handed())
        self._own |= fields_set(edit)
        self._own_sequences.add(result.sequence)
        return result

    @_in_turn
    def undo_conflicts(self, inverse: Edit, written: int) -> tuple[Edit | None, list[Notice]]:
        """The part of ``inverse`` (undoing the own edit ``written``) that nothing another seat changed since touches.

        Judged against the other seats' edits this seat has applied after
        ``written`` (``catch_up`` first); a notice for each part left as it
        is; None when every part was left. Apply the result with ``edit``.
        """
        since = [(r.entry.author, r.entry.edit) for r in self._others_since(written)]
        return undo_without_conflicts(inverse, since)

    def _others_since(self, written: int) -> list[Remote]:
        """The other seats' edits after ``written`` that this seat applied: remembered, else read from the log."""
        remembered = self._others_edits
        if len(remembered) < (remembered.maxlen or 0) or (remembered and remembered[0].sequence <= written + 1):
            return [r for r in remembered if r.sequence > written]
        self._refuse_lost()
        with self._watching():
            found = self.store.edits_between(written, self.sequence)
        return [r for r in found if r.sequence not in self._own_sequences]

    # -- presence ---------------------------------------------------------------------------------

    @_in_turn
    def announce(self, pane: str, editing: str = "") -> None:
        """Tell the table where this seat is: a pane id, and the long-text field being typed in ("" = none).

        Written only when it changed; while the seat is lost it is kept and
        written on reconnecting. Never raises: a server that stopped answering
        makes the seat ``lost``, and the next ``heartbeat`` says so.
        """
        if (pane, editing) == self._where:
            return
        self._where = (pane, editing)
        if not self.lost:
            with suppress(PlanFileError), self._watching(), self._answered():  # lost or removed: the next
                self._announce()  # heartbeat says so

    def _announce(self) -> None:
        if self.store.has_presence and not self.store.announce(self.seat_id, self.author, *self._where):
            self._was_removed()

    @_in_turn
    def others(self) -> list[SeatPresence]:
        """The other seats seen recently, ordered by author (none while this seat is lost; never raises)."""
        if not self.lost and (self._present is None or self._listener.presence_changed()):
            try:
                with self._watching(), self._answered():
                    self._present = self.store.present(self._heartbeat * STALE_HEARTBEATS)
            except PlanFileError:
                pass  # lost now (the next heartbeat says so), or the server refused: the last known seats
        if self.lost:
            return []
        return [p for p in self._present or [] if p.seat_id != self.seat_id]

    def editing_by(self, collection: str, item_id: str, field: str) -> str | None:
        """The author of another seat typing in that long-text field now (the soft lock), else None."""
        path = f"{collection}/{item_id}/{field}"
        return next((p.author for p in self.others() if p.editing == path), None)

    # -- heartbeat and faults -------------------------------------------------------------------

    @_in_turn
    def heartbeat(self) -> None:
        """Refresh the seat's presence and check the server answers on both connections; ``SeatLost`` if not."""
        self._refuse_lost()
        with self._watching(), self._answered():
            if not self.store.refresh(self.seat_id):
                self._announce()  # the row was gone (not removed): write it again
            self._listener.ping()
            self._present = self.store.present(self._heartbeat * STALE_HEARTBEATS)

    def retry_delay(self) -> float:
        """Seconds to wait before the next ``try_reconnect``: 0.25, 0.5, then 1."""
        return _RETRY_DELAYS[min(self._attempts, len(_RETRY_DELAYS) - 1)]

    def try_reconnect(self) -> bool:
        """One short attempt to connect again; True once connected and caught up (``SeatRemoved`` if removed).

        The listening connection is a new one: ``fileno()`` names another
        socket from then on (a window makes its socket notifier again).
        Both halves in one call: ``connect_again``, then ``rejoin``.
        """
        return self.connect_again() and self.rejoin()

    def connect_again(self) -> bool:
        """The network half of ``try_reconnect``: new connections and the removed mark; False if refused.

        It touches neither the document nor anything a lost seat's other
        calls use, so a window runs it off its GUI thread (connecting to a
        machine that does not answer takes the connect timeout) and then calls
        ``rejoin`` on its own.
        """
        if self.removed:
            raise SeatRemoved(self.store.path, "The facilitator removed this seat")
        if not self.lost:
            return True
        try:
            self.store.reconnect()
            self._listener.close()
            self._listener = self.store.listen()  # listening before the gap is read: nothing falls between
            if self.store.removed(self.seat_id):
                self._was_removed()
        except SeatRemoved:
            raise
        except PlanFileError:
            self._attempt_failed()
            return False
        return True

    @_in_turn
    def rejoin(self) -> bool:
        """After ``connect_again``: write the seat's presence and catch up the gap; True once the seat is back."""
        if not self.lost:
            return True
        try:
            self._announce()
            self._catch_up_gap()
        except SeatRemoved:
            raise
        except PlanFileError:
            self._attempt_failed()
            return False
        self.lost, self._attempts = False, 0
        return True

    def _attempt_failed(self) -> None:
        self._attempts += 1
        self.store.drop()
        self._listener.close()

    def _catch_up_gap(self) -> None:
        """Apply everything written since the seat's sequence; settle a pending own edit from the log."""
        remote = self.store.remote_after()
        pending, self.store.pending = self.store.pending, None  # settled now: in the gap, or never written
        own = next((r for r in remote if pending is not None and _same_entry(r.entry, pending)), None)
        for other in remote:
            self.document.apply_remote(other.entry)
            self.store.applied(other.sequence)
        self._heard_remote([r for r in remote if r is not own])
        if own is not None:
            self._own |= fields_set(own.entry.edit)
            self._own_sequences.add(own.sequence)
        if pending is not None:
            saved = "was saved before" if own is not None else "was not saved when"
            self._notices.append(Notice(self.author, "", "", "",
                                        f"your change \u201c{pending.label}\u201d {saved} the connection was lost"))
        self._stale = False

    @contextmanager
    def _watching(self) -> Iterator[None]:
        """Turn a dead connection into ``SeatLost`` (the seat is read-only from then on); other refusals pass."""
        try:
            yield
        except PlanFileError as exc:
            if isinstance(exc, SeatLost) or (self.store.connected() and not self._listener_broken()):
                raise
            self._lose()
            raise SeatLost(exc.what, f"the room's server stopped answering; this seat is read-only until it "
                                     f"is back ({exc.why})") from None

    def _answered(self, seconds: float | None = None) -> AbstractContextManager[None]:
        """The block's questions to the server are answered within ``seconds`` (the heartbeat's deadline by
        default), or the seat's connections are cut (and the seat found lost): a server that hangs holds no
        caller for longer. An edit waits longer: its commit is slower under load, and cutting it costs more."""
        answer = seconds if seconds is not None else max(2.0, ANSWER_HEARTBEATS * self._heartbeat)
        return answer_within(answer, (self.store.socket(), self._listener.socket()))

    def _listener_broken(self) -> bool:
        try:
            return self._listener.broken()
        except PlanFileError:
            return True

    def _lose(self) -> None:
        self.lost = True
        self._present = None
        self.store.drop()
        self._listener.close()

    def _was_removed(self) -> None:
        self._lose()
        self.removed = True
        self.store.pending = None
        raise SeatRemoved(self.store.path, "The facilitator removed this seat")

    def _refuse_lost(self) -> None:
        if self.removed:
            raise SeatRemoved(self.store.path, "The facilitator removed this seat")
        if self.lost:
            raise SeatLost(self.store.path, "the room's server is not answering; this seat is read-only "
                                            "until it is back")

    def take_notices(self) -> list[Notice]:
        """The notices of this seat's values that other seats replaced since the last call (then forgotten)."""
        notices, self._notices = self._notices, []
        return notices

    def _heard_remote(self, remote: Sequence[Remote]) -> None:
        self._others_edits.extend(remote)
        for other in remote:
            replaced = replaced_own(self._own, other.entry.author, other.entry.edit)
            self._notices += replaced
            self._own -= {(n.collection, n.item_id, n.field) for n in replaced}

    @_in_turn
    def catch_up(self, timeout: float = 0) -> list[Remote]:
        """Apply the other seats' edits written since this seat last looked; returns them in sequence order.

        Only looks in the edit log when a notification names a newer edit,
        or after ``reconnect`` (``timeout``: seconds to wait for a notification).
        """
        self._refuse_lost()
        with self._watching():
            if not self._stale and not self._heard_news(timeout):
                return []
            with self._answered():
                remote = self.store.remote_after()
        for other in remote:
            self.document.apply_remote(other.entry)
            self.store.applied(other.sequence)
        self._heard_remote(remote)
        self._stale = False
        return remote

    def _heard_news(self, timeout: float) -> bool:
        """True once a notification names an edit this seat has not applied (waiting up to ``timeout``)."""
        deadline = time.monotonic() + timeout
        heard = self._listener.heard(0)
        while not any(n < 0 or n > self.sequence for n in heard):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            heard = self._listener.heard(left)
        return True

    @_in_turn
    def reconnect(self) -> None:
        """Listen again on a new connection (after it was lost); the next ``catch_up`` reads the gap from the log."""
        self._listener.close()
        self._listener = self.store.listen()
        self._stale = True

    @_in_turn
    def close(self) -> None:
        """Leave the table: the seat's presence goes (if the server answers), then its connections."""
        if self._closed:
            return
        self._closed = True
        if not self.lost:
            with suppress(PlanFileError):
                self.store.leave(self.seat_id)
        self._listener.close()
        self.store.close()

    def __enter__(self) -> Seat:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _same_entry(found: LogEntry, pending: LogEntry) -> bool:
    """True if the log's ``found`` is the seat's own ``pending`` edit (same author, moment, label and edit)."""
    return (found.author, found.label, found.edit) == (pending.author, pending.label, pending.edit) and \
        found.at.replace(tzinfo=None) == pending.at.replace(tzinfo=None)
