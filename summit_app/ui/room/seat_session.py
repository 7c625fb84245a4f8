"""A seat's life in the window: hearing the other seats, keeping the mirror, noticing a silent server.

``SeatSession`` owns the ``Seat`` (``room.seat``) while its plan is on
screen. A socket notifier on ``seat.fileno()`` wakes it when another seat
may have written; it then catches up (the document's listeners repaint the
panes) and hands on the notices of this seat's values that were replaced. A
heartbeat every ``HEARTBEAT_SECONDS``, asked from a thread of its own (a
machine that stopped answering holds that thread, not the window), tells it
when the room's server stops answering: the seat is then read-only and tries again after
``seat.retry_delay()`` until it is back and caught up (or was removed).

The mirror (a plain ``.techplan`` copy kept on this computer) is written
after joining, a while after edits (at most every ``MIRROR_SECONDS``, off
the GUI thread) and when the seat closes, with the room's own take-home
writer (``room.takehome``): one consistent copy, moved into place whole.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from summit_app.plan import model
from summit_app.plan.edits import Edit
from summit_app.room.seat import HEARTBEAT_SECONDS, Seat, SeatLost, SeatRemoved
from summit_app.room.takehome import take_home
from summit_app.store.errors import PlanFileError
from summit_app.store.presence import SeatPresence
from summit_app.workflows.errors import UsageError

#: The mirror is written at most this often while the table edits (and always when the seat closes).
MIRROR_SECONDS = 20.0


@dataclass(frozen=True)
class SeatPlace:
    """Where a seat sits: the table, the room (host:port), the plan's location, and the mirror on this computer."""

    table: str
    room: str
    location: str
    mirror: Path


class MirrorKeeper(QObject):
    """Writes the mirror a while after the plan changed, one write at a time, off the GUI thread."""

    failed = Signal(str)  # why the mirror could not be written (the seat goes on)
    written = Signal()

    def __init__(self, place: SeatPlace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.place = place
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(MIRROR_SECONDS * 1000))
        self.timer.timeout.connect(self.write_soon)
        self._writing: threading.Thread | None = None
        self._again = False
        self._dirty = False  # the plan changed since the mirror was last written

    def changed(self) -> None:
        """The plan changed: write the mirror once the quiet interval has passed (not after every edit)."""
        self._dirty = True
        if not self.timer.isActive():
            self.timer.start()

    def write_soon(self) -> None:
        """Write the mirror now, on a thread of its own (or right after the write under way)."""
        if self._writing is not None and self._writing.is_alive():
            self._again = True
            return
        self._again = False
        self._dirty = False
        self._writing = threading.Thread(target=self._write, name="seat mirror", daemon=True)
        self._writing.start()

    def _write(self) -> None:
        try:
            take_home([(self.place.location, self.place.mirror)], force=True)
        except (UsageError, PlanFileError, OSError) as exc:
            self._dirty = True
            self.failed.emit(str(exc))
            return
        self.written.emit()
        if self._again:
            self._again = False
            self._write()

    def write_now(self) -> str:
        """Write the mirror before the seat closes (waiting for a write under way); why not, or ""."""
        self.timer.stop()
        if self._writing is not None:
            self._writing.join()
        if not self._dirty:
            return ""  # the mirror already holds the plan as it is
        self._dirty = False
        try:
            take_home([(self.place.location, self.place.mirror)], force=True)
        except (UsageError, PlanFileError, OSError) as exc:
            return str(exc)
        return ""


class SeatSession(QObject):
    """The seat of an open window; see the module's notes. ``close`` when the window leaves the table."""

    caught_up = Signal(object, object, object)  # (list[Remote], list[Notice] of own values replaced, plan before)
    lost = Signal(str)  # the server stopped answering, or the seat was removed (the seat is read-only)
    back = Signal(int)  # connected again and caught up: how many edits of other seats came in meanwhile
    removed = Signal(str)  # the facilitator removed this seat: it stays read-only
    presence = Signal(object)  # list[SeatPresence]: the other seats at the table, after each look
    _attempted = Signal(bool, object)  # from the reconnecting thread: (connected, SeatRemoved or None)
    _beaten = Signal(object)  # from the heartbeat's thread: None, or the PlanFileError it raised

    def __init__(self, seat: Seat, place: SeatPlace, parent: QObject | None = None, *,
                 beat: float = HEARTBEAT_SECONDS) -> None:
        super().__init__(parent)
        self.seat = seat
        self.place = place
        self.mirror = MirrorKeeper(place, self)
        self._notifier: QSocketNotifier | None = None
        self._listen()
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(int(beat * 1000))
        self.heartbeat.timeout.connect(self.beat)
        self.heartbeat.start()
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.try_again)
        self._attempted.connect(self._attempt_done)
        self._beaten.connect(self._beat_done)
        self._attempt: threading.Thread | None = None  # connecting again, off the GUI thread
        self._beating: threading.Thread | None = None  # the heartbeat under way, off the GUI thread
        self._leaving = threading.Lock()  # held while the window leaves or an attempt hands back its result
        self._left = False
        self._handed_back = True  # the last attempt's thread is done with the seat
        self._lost_at = 0  # the sequence the seat had when the server went silent
        self._recovering = False  # listening anew after the listening connection failed
        self.silent = False  # the seat is lost (or removed) and the window knows it
        self.others: list[SeatPresence] = []
        self._unsubscribe = seat.document.subscribe(lambda _e, _p: self.mirror.changed())

    # -- hearing the other seats -------------------------------------------------------

    def _listen(self) -> None:
        """Watch the seat's listening socket (again, after a reconnect: it is a new connection)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
        self._notifier = QSocketNotifier(self.seat.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.catch_up)

    def catch_up(self) -> None:
        """Apply what the other seats wrote; ``caught_up`` with it and the notices of replaced own values."""
        if self.silent:
            return
        if self.seat.lost:
            self.check_lost()
            return
        before: model.Plan = self.seat.document.plan
        try:
            remote = self.seat.catch_up()
            others = self.seat.others()
        except PlanFileError as exc:
            self._went_silent(exc)
            return
        self.check_lost()
        notices = self.seat.take_notices()
        if remote or notices:
            self.caught_up.emit(remote, notices, before)
        if others != self.others:
            self.others = others
            self.presence.emit(others)

    def announce(self, pane: str, editing: str = "") -> None:
        """Tell the table where this seat is (a pane id, the long-text field typed in); quietly kept while lost."""
        try:
            self.seat.announce(pane, editing)
        except PlanFileError as exc:
            self._went_silent(exc)
        else:
            self.check_lost()

    def check_lost(self) -> None:
        """The seat found its server gone without raising (``announce``, ``others``): the same as if it had."""
        if self.seat.lost and not self.silent:
            why = "The facilitator removed this seat" if self.seat.removed else "the room's server stopped answering"
            self._went_silent((SeatRemoved if self.seat.removed else SeatLost)(self.place.location, why))

    # -- the heartbeat, and coming back -------------------------------------------------

    def beat(self) -> None:
        """Tell the room this seat is here, and learn whether the server still answers.

        The question goes in a thread of its own: a room machine that stopped
        answering holds it for the heartbeat's deadline, not the window.
        """
        if self._beating is not None or self.silent or self._left:
            return
        if self._notifier is not None:  # a beat that finds the server gone closes the listening socket meanwhile
            self._notifier.setEnabled(False)
        self._beating = threading.Thread(target=self._beat_off_thread, name="seat heartbeat", daemon=True)
        self._beating.start()

    def _beat_off_thread(self) -> None:
        failure: PlanFileError | None = None
        try:
            self.seat.heartbeat()
        except PlanFileError as exc:
            failure = exc
        finally:  # whatever happened, the window hears that this beat is over (and beats again)
            with self._leaving:
                if not self._left:
                    self._beaten.emit(failure)

    def _beat_done(self, failure: PlanFileError | None) -> None:
        """Back on the GUI thread: the seat is lost, or a notification not yet reported is read now."""
        self._beating = None
        if self._left:
            return
        if failure is not None:
            self._went_silent(failure)
            return
        if self._notifier is not None:
            self._notifier.setEnabled(True)  # what arrived during the beat wakes it at once
        self.catch_up()

    def _went_silent(self, exc: PlanFileError) -> None:
        """The server stopped answering (or the seat was removed): read-only, and try again after a while."""
        if not isinstance(exc, SeatLost):
            if not self._recovering:
                self._recovering = True
                self._listener_failed()
                self._recovering = False
            return
        if self.silent:
            return
        self.silent = True
        self.heartbeat.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self.others = []
        self.presence.emit([])
        if isinstance(exc, SeatRemoved) or self.seat.removed:
            self.removed.emit(exc.why)
            return
        self._lost_at = self.seat.sequence
        self.lost.emit(exc.why)
        self._retry.start(int(self.seat.retry_delay() * 1000))

    def _listener_failed(self) -> None:
        """Only the listening connection failed: the heartbeat says whether the server is gone, else listen anew."""
        try:
            self.seat.heartbeat()
            self.seat.reconnect()
        except SeatLost as lost:
            self._went_silent(lost)
            return
        except PlanFileError:
            return  # the next heartbeat tells
        self._listen()
        self.catch_up()

    def try_again(self) -> None:
        """One attempt to reconnect, its network half in a thread of its own (a silent machine takes seconds)."""
        if self._attempt is not None or self._left:
            return
        if self._beating is not None:  # a heartbeat still waits on the old connections: try when it is done
            self._retry.start(int(self.seat.retry_delay() * 1000))
            return
        self._handed_back = False
        self._attempt = threading.Thread(target=self._connect_again, name="seat reconnect", daemon=True)
        self._attempt.start()

    def _connect_again(self) -> None:
        """The reconnecting thread: connect, then hand the result to the GUI thread (or leave, if the window has)."""
        removed: SeatRemoved | None = None
        try:
            ok = self.seat.connect_again()
        except SeatRemoved as exc:
            ok, removed = False, exc
        except PlanFileError:
            ok = False
        with self._leaving:
            self._handed_back = True
            if self._left:
                self.seat.close()
                return
            self._attempted.emit(ok, removed)

    def _attempt_done(self, ok: bool, removed: SeatRemoved | None) -> None:
        """Back on the GUI thread: catch up the gap (the document's listeners are widgets), or try again later."""
        self._attempt = None
        if self._left:
            return
        before: model.Plan = self.seat.document.plan
        try:
            ok = ok and self.seat.rejoin()
        except SeatRemoved as exc:
            removed = exc
        except PlanFileError:
            ok = False
        if removed is not None:
            self.removed.emit(removed.why)
            return
        if not ok:
            self._retry.start(int(self.seat.retry_delay() * 1000))
            return
        self.silent = False
        self._listen()
        self.heartbeat.start()
        self.back.emit(self.seat.sequence - self._lost_at)
        notices = self.seat.take_notices()
        if notices:
            self.caught_up.emit([], notices, before)
        self.catch_up()

    # -- leaving ----------------------------------------------------------------------

    def edited(self, _edit: Edit) -> None:
        self.mirror.changed()

    def close(self) -> str:
        """Stop listening, write the mirror (if the server answers), leave the table; why the mirror failed, or "".

        An attempt to reconnect still under way closes the seat itself when it ends.
        """
        self.heartbeat.stop()
        self._retry.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self._unsubscribe()
        with self._leaving:
            self._left = True
            connecting = not self._handed_back
        why = "" if self.seat.lost else self.mirror.write_now()
        if not connecting:
            self.seat.close()
        return why
