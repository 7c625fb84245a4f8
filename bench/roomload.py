"""A summit room under load: tables of headless seats editing at once, each seat a real ``Seat``.

bench/room.py runs it at a summit's size (15 tables of 6 seats, an edit from
every seat every 5 s for 60 s, each table's seats in a process of their own);
tests/room/test_room_load.py runs a few seats for a few seconds, in threads,
for correctness alone. Every seat joins with its table's join code and
passphrase (``connect_seat``), then, in a thread of its own, waits on its
socket (``select`` on ``Seat.fileno()``, as a window's socket notifier does),
catches up when it is readable, and writes its own edit when its time comes.

Each seat also beats its heartbeat every ``HEARTBEAT_SECONDS``, as a window
does. After the load the room's server is stopped and started again while
every seat holds its plan; each seat notices (its heartbeat fails) and comes
back (``Seat.try_reconnect``, ``Seat.retry_delay`` apart); meanwhile the last seat of each table, which
left before the restart, joins again as soon as the server answers and
writes a few edits, and every seat that held the plan catches up with them.

Recorded per seat: its own edits' sequence numbers and when their commits
returned; the other seats' edits it applied, when, and whether its socket
brought them or its own turn did; every edit its document heard (own and
others', to prove each was applied once); when it had caught up after the
restart; its plan's fingerprint at the end. Times are ``time.monotonic()``:
one clock for every process of the machine.
"""

from __future__ import annotations

import multiprocessing
import queue
import select
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import psycopg

from summit_app.plan import model
from summit_app.plan.content import Content, load_content
from summit_app.plan.edits import AddItem, Edit, SetField
from summit_app.plan.interchange import fingerprint
from summit_app.room.join import connect_seat
from summit_app.room.seat import HEARTBEAT_SECONDS, Seat, SeatLost
from summit_app.store.errors import PlanFileError
from summit_app.workflows.errors import UsageError

#: Longest wait for any one step (joining, draining, coming back) before the run fails.
STEP_TIMEOUT = 90.0


class _Event(Protocol):
    def set(self) -> None: ...
    def is_set(self) -> bool: ...
    def wait(self, timeout: float | None = None) -> bool: ...


class _Queue(Protocol):
    def put(self, item: Any) -> None: ...
    def get(self, block: bool = True, timeout: float | None = None) -> Any: ...


@dataclass(frozen=True)
class TableJoin:
    """What a table's seats are given: the table, its join code and its passphrase."""

    table: str
    code: str
    passphrase: str


@dataclass(frozen=True)
class Load:
    seats: int  # per table
    seconds: float  # of editing
    period: float  # seconds between one seat's edits
    cache: Path  # where the seats keep the room's certificate
    restart_edits: int = 2  # written once the server is back by a seat that sits down then (``visit``)


@dataclass
class SeatLog:
    table: str
    author: str
    #: (sequence, when its commit returned) of each own edit
    written: list[tuple[int, float]] = field(default_factory=list)
    #: (sequence, when it was applied, True if the socket brought it / False if the seat's own turn did)
    applied: list[tuple[int, float, bool]] = field(default_factory=list)
    #: every edit the seat's document heard, own and others' (each must be heard once)
    heard: int = 0
    #: the table's last edit before the restart (the edits after it are timed as catching up, not as seen)
    load_last: int = 0
    caught_up: float | None = None
    #: attempts it took to reach the server again after the restart, and when the one that did began and ended
    attempts: int = 0
    last_attempt: tuple[float, float] = (0.0, 0.0)
    fingerprint: str = ""
    #: its plan's fingerprint once every seat had caught up with the load (the same at every seat of a table)
    loaded_fingerprint: str = ""
    #: the seat left before the restart (its log ends there) / joined again after it (its log starts there)
    left: bool = False
    rejoined: bool = False
    #: attempts to reconnect that raised a driver error instead of failing as the seat says they do
    raw_errors: int = 0

    @property
    def held(self) -> bool:
        """True for a seat that held its plan through the restart."""
        return not (self.left or self.rejoined)


@dataclass(frozen=True)
class LoadResult:
    logs: list[SeatLog]
    #: when the server answered again after the restart (``time.monotonic()``)
    answered: float


class _TableRun:
    """One table's seats: joined, then each in a thread of its own through the phases the runner sets."""

    def __init__(self, join: TableJoin, load: Load) -> None:
        self.join, self.load = join, load
        self.seats: list[Seat] = []
        self.logs: list[SeatLog] = []
        #: the logs of the seats that left before the restart
        self.gone: list[SeatLog] = []
        self.restart_written = threading.Event()
        self.restart_last = 0
        self.content: Content | None = None

    def sit_down(self, content: Content) -> None:
        """Every seat joins with the code and passphrase, and opens the table's plan."""
        self.content = content
        for n in range(self.load.seats):
            author = f"{self.join.table} seat {n + 1}"
            seat = Seat(connect_seat(self.join.code, self.join.passphrase, self.load.cache), author, content)
            log = SeatLog(self.join.table, author)
            seat.document.subscribe(lambda _edit, _plan, log=log: _count(log))
            self.seats.append(seat)
            self.logs.append(log)

    def each(self, work: Callable[[int, Seat, SeatLog], None], count: int | None = None) -> None:
        """Run ``work`` for every seat (the first ``count``) at once, each in a thread; the first failure is raised."""
        failures: list[BaseException] = []

        def run(n: int) -> None:
            try:
                work(n, self.seats[n], self.logs[n])
            except BaseException as exc:  # raised below, in the table's thread
                failures.append(exc)

        threads = [threading.Thread(target=run, args=(n,), daemon=True) for n in range(count or len(self.seats))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if failures:
            raise failures[0]

    def edit_for(self, n: int, seat: Seat, log: SeatLog, start: float) -> None:
        """Edit every ``period`` seconds (first at a point spread over the period) until the load ends.

        The seat beats its heartbeat as a window does, every ``HEARTBEAT_SECONDS``.
        """
        end = start + self.load.seconds
        next_edit = start + self.load.period * (n + 0.5) / self.load.seats
        next_beat = start + HEARTBEAT_SECONDS * (n + 0.5) / self.load.seats
        count = 0
        while (now := time.monotonic()) < end:
            if _readable(seat, max(0.0, min(next_edit, next_beat, end) - now)):
                _catch_up(seat, log)
            now = time.monotonic()
            if next_beat <= now < end:
                seat.heartbeat()
                _catch_up(seat, log)  # the heartbeat's question on the listening connection read what was waiting
                next_beat += HEARTBEAT_SECONDS
            if next_edit <= now < end:
                _write(seat, log, _edit(log.author, count))
                count += 1
                next_edit += self.load.period

    def drain(self, last: int) -> None:
        """Every seat catches up with the table's last edit."""
        def work(_n: int, seat: Seat, log: SeatLog) -> None:
            log.load_last = last
            deadline = time.monotonic() + STEP_TIMEOUT
            while seat.sequence < last:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{log.author} never caught up with edit {last} (at {seat.sequence})")
                _readable(seat, 0.5)
                _catch_up(seat, log)
        self.each(work)

    def leave(self) -> None:
        """The last seat leaves before the restart (its laptop closed); it joins again after it (``rejoin``)."""
        seat, log = self.seats.pop(), self.logs.pop()
        seat.close()
        log.left = True
        self.gone.append(log)

    def rejoin(self) -> None:
        """The seat that left joins again as soon as the server answers, and writes what the others catch up with."""
        log = SeatLog(self.join.table, self.gone[-1].author, rejoined=True)
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            try:
                seat = Seat(connect_seat(self.join.code, self.join.passphrase, self.load.cache), log.author,
                            self.content)
                break
            except (UsageError, PlanFileError, psycopg.Error):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        self.seats.append(seat)
        self.logs.append(log)
        for k in range(self.load.restart_edits):
            _write(seat, log, SetField("district", "", "name", f"{log.author}, back {k}"))
        self.restart_last = seat.sequence
        self.restart_written.set()

    def come_back(self, _n: int, seat: Seat, log: SeatLog) -> None:
        """Notice the server is gone (the heartbeat), reach it again, then catch up with what was written since."""
        deadline = time.monotonic() + STEP_TIMEOUT
        with suppress(SeatLost):
            seat.heartbeat()
        if not seat.lost:
            raise RuntimeError(f"{log.author} did not notice that the server stopped")
        while not _reconnect(seat, log):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{log.author} could not reach the room again")
            time.sleep(seat.retry_delay())
        while not (self.restart_written.is_set() and seat.sequence >= self.restart_last):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{log.author} never caught up after the restart (at {seat.sequence})")
            _readable(seat, 0.05)
            _catch_up(seat, log)
        log.caught_up = time.monotonic()

    def close(self) -> None:
        for seat in self.seats:
            with suppress(PlanFileError):
                seat.close()


def _count(log: SeatLog) -> None:
    log.heard += 1


def _in_thread(work: Callable[[], None]) -> Callable[[], None]:
    """Start ``work`` in a thread; what waits for it to end (and raises what it raised)."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # raised by the waiting function, in the table's thread
            failures.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def wait() -> None:
        thread.join()
        if failures:
            raise failures[0]

    return wait


def _readable(seat: Seat, timeout: float) -> bool:
    readable, _, _ = select.select([seat.fileno()], [], [], timeout)
    return bool(readable)


def _catch_up(seat: Seat, log: SeatLog) -> None:
    remote = seat.catch_up(0)
    now = time.monotonic()
    log.applied += [(r.sequence, now, True) for r in remote]


def _write(seat: Seat, log: SeatLog, edit: Edit) -> None:
    result = seat.edit(edit)
    now = time.monotonic()
    log.applied += [(r.sequence, now, False) for r in result.remote]
    log.written.append((result.sequence, now))


def _edit(author: str, count: int) -> Edit:
    """The seat's own goal first; then its title, and every third time the district's name (others set it too)."""
    goal_id = author.replace(" ", "_")
    if count == 0:
        return AddItem("goals", model.Goal(goal_id, title=author))
    if count % 3 == 0:
        return SetField("district", "", "name", f"{author}, edit {count}")
    return SetField("goals", goal_id, "title", f"{author}, edit {count}")


def _reconnect(seat: Seat, log: SeatLog) -> bool:
    """One attempt to reach the server again; once back, the seat has caught up with the gap inside."""
    before, began = seat.sequence, time.monotonic()
    log.attempts += 1
    try:
        if not seat.try_reconnect():
            return False
    except psycopg.Error:  # a refusal the seat let through unwrapped: counted, and tried again like any other
        log.raw_errors += 1
        return False
    now = time.monotonic()
    log.last_attempt = (began, now)
    log.applied += [(s, now, False) for s in range(before + 1, seat.sequence + 1)]
    return True


# --- one table's run, in a thread or a process of its own -----------------------------------


@dataclass
class _Phases:
    go: _Event
    server_down: _Event
    finish: _Event
    reports: _Queue


def run_table(join: TableJoin, load: Load, phases: _Phases, content: Content | None = None) -> None:
    """Join the table's seats, then follow the phases; every step is reported to ``phases.reports``."""
    table = _TableRun(join, load)
    try:
        table.sit_down(content or load_content())
        phases.reports.put(("ready", join.table, None))
        phases.go.wait()
        start = time.monotonic()
        table.each(lambda n, seat, log: table.edit_for(n, seat, log, start))
        table.drain(max(s for log in table.logs for s, _ in log.written))
        for seat, log in zip(table.seats, table.logs, strict=True):
            log.loaded_fingerprint = fingerprint(seat.document.plan)
        table.leave()
        phases.reports.put(("loaded", join.table, None))
        phases.server_down.wait()
        held = len(table.seats)
        rejoining = _in_thread(table.rejoin)
        table.each(table.come_back, held)
        rejoining()
        for seat, log in zip(table.seats, table.logs, strict=True):
            log.fingerprint = fingerprint(seat.document.plan)
        phases.reports.put(("done", join.table, table.logs + table.gone))
        phases.finish.wait()
    except BaseException:
        phases.reports.put(("failed", join.table, traceback.format_exc()))
    finally:
        table.close()


class LoadFailed(RuntimeError):
    """A table's seats could not do their part (the message holds the table's traceback)."""


@contextmanager
def run_load(tables: list[TableJoin], load: Load, *, stop: Callable[[], None], start: Callable[[], float],
             processes: bool, beside: Callable[[threading.Event], None] | None = None) -> Iterator[LoadResult]:
    """Run every table's seats at once; yields once every seat is back after the restart (seats still open).

    ``stop`` and ``start`` stop and start the room's server (``start`` returns
    when it answered again). With ``processes`` each table's seats run in a
    process of their own (two cores are shared by them all); else in threads here.
    ``beside`` runs in a thread of its own while the seats edit, until the event it is given is set.
    """
    phases, workers = _launch(tables, load, processes)
    over = threading.Event()
    try:
        _wait_for(phases, tables, "ready", STEP_TIMEOUT * 2)
        phases.go.set()
        wait_beside = _in_thread(lambda: beside(over)) if beside is not None else None
        _wait_for(phases, tables, "loaded", load.seconds + STEP_TIMEOUT)
        over.set()
        if wait_beside is not None:
            wait_beside()
        stop()
        phases.server_down.set()
        answered = start()
        done = _wait_for(phases, tables, "done", STEP_TIMEOUT)
        yield LoadResult([log for logs in done for log in logs], answered)
    finally:
        over.set()
        for event in (phases.go, phases.server_down, phases.finish):
            event.set()
        for worker in workers:
            worker.join(timeout=30)


def _launch(tables: list[TableJoin], load: Load, processes: bool) -> tuple[_Phases, list[Any]]:
    if processes:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["bench.roomload"])
        phases = _Phases(context.Event(), context.Event(), context.Event(), context.Queue())
        workers: list[Any] = [context.Process(target=run_table, args=(t, load, phases), daemon=True)
                              for t in tables]
    else:
        content = load_content()
        phases = _Phases(threading.Event(), threading.Event(), threading.Event(), queue.Queue())
        workers = [threading.Thread(target=run_table, args=(t, load, phases, content), daemon=True) for t in tables]
    for worker in workers:
        worker.start()
    return phases, workers


def _wait_for(phases: _Phases, tables: list[TableJoin], step: str, timeout: float) -> list[Any]:
    """Each table's report of ``step``; ``LoadFailed`` as soon as a table fails or when time runs out."""
    deadline = time.monotonic() + timeout
    found: dict[str, Any] = {}
    while len(found) < len(tables):
        try:
            kind, table, payload = phases.reports.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            missing = sorted({t.table for t in tables} - found.keys())
            raise LoadFailed(f"no '{step}' within {timeout:.0f} s from {', '.join(missing)}") from None
        if kind == "failed":
            raise LoadFailed(f"table {table} failed:\n{payload}")
        if kind != step:
            raise LoadFailed(f"table {table} reported {kind!r} while waiting for {step!r}")
        found[table] = payload
    return list(found.values())


# --- what the logs say ---------------------------------------------------------------------------


def faults(logs: list[SeatLog], server_fingerprints: dict[str, str]) -> list[str]:
    """Every seat that missed an edit, applied one twice or out of order, or ends unlike the server's plan.

    A seat that left before the restart is held to the edits before it; the
    seat that joined again after it, to the server's plan at the end.
    """
    found: list[str] = []
    by_table: dict[str, list[SeatLog]] = {}
    for log in logs:
        by_table.setdefault(log.table, []).append(log)
    for table, seats in sorted(by_table.items()):
        every = sorted(s for log in seats for s, _ in log.written)
        if len(set(every)) != len(every):
            found.append(f"{table}: a sequence number was written twice")
        for log in seats:
            if not log.rejoined:
                found += _applied_once(log, [s for s in every if not log.left or s <= log.load_last])
            if not log.left and log.fingerprint != server_fingerprints.get(table):
                found.append(f"{log.author}: its plan's fingerprint differs from the server's")
        if len({log.loaded_fingerprint for log in seats if not log.rejoined}) > 1:
            found.append(f"{table}: the seats' plans differed once the load was over")
    return found


def _applied_once(log: SeatLog, every: list[int]) -> list[str]:
    own = {s for s, _ in log.written}
    others = [s for s, _, _ in log.applied]
    found = []
    if others != sorted(set(others)) or set(others) != set(every) - own:
        missed = sorted(set(every) - own - set(others))
        twice = sorted({s for s in others if others.count(s) > 1})
        found.append(f"{log.author}: other seats' edits not applied once each in order "
                     f"(missed {missed[:5]}, twice {twice[:5]})")
    if log.heard != len(every):
        found.append(f"{log.author}: its plan heard {log.heard} edits of {len(every)}")
    return found


def visible_after(logs: list[SeatLog]) -> list[float]:
    """Seconds from each edit's commit returning to each other seat of its table having applied it.

    An edit can be applied elsewhere before its writer's commit has returned
    (the notification beats the writer's own return): that counts as 0.
    """
    committed = {(log.table, s): t for log in logs for s, t in log.written}
    return [max(0.0, at - committed[(log.table, s)]) for log in logs for s, at, _ in log.applied
            if s <= log.load_last]
