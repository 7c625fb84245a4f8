"""The summit room at a summit's size, on a room of its own: start, seats editing at once, a restart, take-home.

- **Start to join codes.** The room is made the first time (``initdb``, its
  certificate, the server started, its database and facilitator role), 15
  tables get their blank plans and roles, and ``room status`` reads every
  table's join code: the facilitator's wait before the first table can join.
- **Seats under load** (bench/roomload.py). 15 tables × 6 headless seats,
  each a real ``Seat`` joined with its table's code and passphrase, each table's
  seats in a process of their own and each seat in a thread of its own; every
  seat writes an edit every 5 s for 60 s (``SUMMIT_BENCH_ROOM_SECONDS`` shortens
  it for a quick try). Timed: from a writer's commit returning to each other
  seat of its table having applied the edit after its socket became readable
  (or inside its own turn, when it wrote first).
- **Restart.** The server is stopped and started while the seats hold their
  plan (one seat of each table leaves just before); from the server answering
  again (the facilitator's role signs in) to each seat that held its plan
  having noticed (its heartbeat), come back (``Seat.try_reconnect``,
  ``Seat.retry_delay`` apart) and caught up with the edits written meanwhile
  by the seat that left, which joins again as soon as the server answers.
- **Take-home.** Each table's plan written as a plan file through the
  facilitator's read-only role; the file's fingerprint must equal the server's.
- **Every seat ends with the server's plan**: each seat applied every other
  seat's edit exactly once and in order, and its plan's fingerprint is the
  server's. If not, the bench stops with the seats that differ.

On loopback, with the room's own cluster's settings: fsync and
synchronous_commit must be on (they are checked). Its own cluster, in the
bench's folder (opened to the ``postgres`` user, which runs the server when
the bench runs as root); stopped afterwards. Every line starts with ``room:``.
"""

from __future__ import annotations

import os
import select
import statistics
import sys
import threading
import time
from pathlib import Path

import psycopg

from bench.figures import Figure
from bench.roomload import Load, LoadResult, SeatLog, TableJoin, faults, run_load, visible_after
from summit_app.plan import model
from summit_app.plan.interchange import fingerprint
from summit_app.room import cluster, facilitator
from summit_app.room.server import engine, facilitator_location, tls_options
from summit_app.room.state import RoomState, load_state
from summit_app.room.takehome import take_home
from summit_app.store.plan_file import open_plan
from summit_app.store.server import ServerPlan

TABLES = 15
SEATS = 6
PERIOD = 5.0
SECONDS = float(os.environ.get("SUMMIT_BENCH_ROOM_SECONDS", "60"))


def measure(workdir: Path) -> list[Figure]:
    workdir.chmod(0o755)  # the server's user must reach the cluster inside it
    folder = workdir / "room"
    start = time.perf_counter()
    facilitator.start_room(facilitator.StartRequest(folder, cluster.free_port(), None, "127.0.0.1"))
    try:
        started = time.perf_counter() - start
        for n in range(1, TABLES + 1):
            facilitator.add_table(folder, f"table_{n}", facilitator.blank_or(model.Plan()))
        state, tables = facilitator.room_status(folder)
        codes = [t.code.text() for t in tables]
        elapsed = time.perf_counter() - start
        figures = [
            Figure("room: start to join codes", elapsed, "s", 30.0,
                   note=f"a new room, {TABLES} blank tables with their roles, then status; the start alone "
                        f"{started:.1f} s"),
        ]
        settings = _durability(folder, state)
        joins = [TableJoin(t.table, code, state.tables[t.table].passphrase) for t, code in zip(tables, codes,
                                                                                                strict=True)]
        figures += _under_load(folder, state, joins, workdir, settings)
    finally:
        if cluster.is_running(folder):
            cluster.stop_cluster(folder)
    return figures


def _durability(folder: Path, state: RoomState) -> str:
    """The room's fsync and synchronous_commit, which must both be on for the figures to mean anything."""
    admin = engine(folder, state, admin=True)
    try:
        with admin.connect() as conn:
            found = {name: str(conn.exec_driver_sql(f"SHOW {name}").scalar()) for name in
                     ("fsync", "synchronous_commit")}
    finally:
        admin.dispose()
    if found != {"fsync": "on", "synchronous_commit": "on"}:
        raise RuntimeError(f"room: the room's server must run with fsync and synchronous_commit on ({found})")
    return "fsync=on, synchronous_commit=on"


def _under_load(folder: Path, state: RoomState, joins: list[TableJoin], workdir: Path,
                settings: str) -> list[Figure]:
    load = Load(seats=SEATS, seconds=SECONDS, period=PERIOD, cache=workdir / "seat-cache")
    stopped: list[float] = []

    def stop() -> None:
        cluster.stop_cluster(folder)
        stopped.append(time.monotonic())

    def start() -> float:
        return _start_and_wait_for_answer(folder, state)

    floor: list[float] = []
    with run_load(joins, load, stop=stop, start=start, processes=True,
                  beside=lambda over: _plain_notices(folder, state, over, floor)) as result:
        on_server = {j.table: _server_fingerprint(folder, state, j.table) for j in joins}
        home, home_equal = _take_every_table_home(folder, state, joins, workdir, on_server)
    wrong = faults(result.logs, on_server) + home_equal
    if wrong:
        print("room: the seats' plans and the server's differ:\n  " + "\n  ".join(wrong), file=sys.stderr)
        raise RuntimeError(f"room: {len(wrong)} faults in the seats' plans (listed above)")
    seats = f"{len(joins)} tables × {SEATS} seats, an edit per seat every {PERIOD:.0f} s for {SECONDS:.0f} s"
    return [*_visible_figures(result.logs, seats, settings, floor),
            _restart_figure(result, stopped[0]),
            Figure("room: take-home of one table (slowest)", max(home), "s", 2.0,
                   note=f"median {statistics.median(home):.2f} s of {len(home)} tables written one by one while "
                        "the seats hold them; each file's fingerprint equals the server's"),
            Figure("room: seats ending unlike the server's plan", 0.0, "", 0.0,
                   note=f"all {len({(log.table, log.author) for log in result.logs})} seats: every other seat's "
                        "edit applied once, in order, and the server's fingerprint (checked: the bench stops "
                        "otherwise)")]


def _visible_figures(logs: list[SeatLog], seats: str, settings: str, floor: list[float]) -> list[Figure]:
    samples = visible_after(logs)
    by_socket = sum(1 for log in logs for s, _, socket in log.applied if socket and s <= log.load_last)
    edits = sum(1 for log in logs for s, _ in log.written if s <= log.load_last)
    ms, peer = sorted(s * 1000 for s in samples), sorted(s * 1000 for s in floor)
    return [
        Figure("room: edit visible on another seat (median)", statistics.median(ms), "ms", 100.0,
               note=f"{seats}: {edits} edits seen {len(ms)} times ({by_socket} through the seat's socket, "
                    f"{len(ms) - by_socket} inside its own turn); loopback, {settings}"),
        Figure("room: edit visible on another seat (95th percentile)", _p95(ms), "ms", 300.0),
        Figure("room: edit visible on another seat (longest)", ms[-1], "ms", 1000.0,
               note=f"beside the seats, the floor: a durable one-row commit with a NOTIFY heard on a LISTENing "
                    f"connection, {len(peer)} times: median {statistics.median(peer):.1f} ms, 95th percentile "
                    f"{_p95(peer):.1f} ms, longest {peer[-1]:.1f} ms"),
    ]


def _p95(ms: list[float]) -> float:
    return statistics.quantiles(ms, n=100)[94]


def _plain_notices(folder: Path, state: RoomState, over: threading.Event, floor: list[float]) -> None:
    """The floor beside the seats: a durable one-row commit with a NOTIFY, from its return to a listener hearing it.

    In plain psycopg, as the room's superuser, four times a second while the
    seats edit: what the server, its disk and the loaded machine set for any
    edit another seat is to see.
    """
    options = {**tls_options(folder), "autocommit": True}
    login = {"host": state.server_host, "port": state.port, "dbname": state.database,
             "user": state.admin_user, "password": state.admin_password}
    with psycopg.connect(**login, **options) as writer, psycopg.connect(**login, **options) as ear:
        writer.execute("CREATE TABLE IF NOT EXISTS public.bench_floor (n integer)")
        ear.execute("LISTEN bench_floor")
        n = 0
        while not over.wait(0.25):
            n += 1
            with writer.transaction():
                writer.execute("INSERT INTO public.bench_floor VALUES (%s)", (n,))
                writer.execute("SELECT pg_notify('bench_floor', %s)", (str(n),))
            committed = time.monotonic()
            select.select([ear.fileno()], [], [], 5)
            if any(note.payload == str(n) for note in ear.notifies(timeout=5, stop_after=1)):
                floor.append(time.monotonic() - committed)


def _restart_figure(result: LoadResult, stopped: float) -> Figure:
    """From the server answering again to each held seat back in and caught up (``try_reconnect`` reads the gap)."""
    held = [log for log in result.logs if log.held]
    raw = sum(log.raw_errors for log in held)
    wrote = statistics.median(log.written[-1][1] - result.answered for log in result.logs if log.rejoined)
    back = sorted(log.last_attempt[1] - result.answered for log in held)
    heard = statistics.median((log.caught_up or 0.0) - result.answered for log in held)
    attempts = sorted(log.attempts for log in held)
    took = statistics.median(log.last_attempt[1] - log.last_attempt[0] for log in held)
    return Figure("room: catch-up after a server restart (slowest seat)", back[-1], "s", 2.0,
                  note=f"from the server answering again to each seat connected again with every edit written "
                       f"before it in its plan; median {statistics.median(back):.2f} s; the server was down "
                       f"{result.answered - stopped:.1f} s; each seat's heartbeat found it gone, then it retried "
                       f"(0.25, 0.5, then every 1 s): {statistics.median(attempts):.0f} attempts (median), "
                       f"{attempts[-1]} at most; the attempt that got in took {took:.2f} s; the seat that left "
                       f"joined again and wrote {wrote:.2f} s after the answer, and the others had its edits "
                       f"{heard:.2f} s after the answer (medians)"
                       + (f"; {raw} attempts raised a driver error" if raw else ""))


def _start_and_wait_for_answer(folder: Path, state: RoomState) -> float:
    """Start the server; when the facilitator's role could first sign in (tried every 20 ms meanwhile)."""
    answered: list[float] = []
    done = threading.Event()

    def probe() -> None:
        options = {**tls_options(folder), "connect_timeout": 1}
        while not done.is_set():
            try:
                with psycopg.connect(host=state.server_host, port=state.port, dbname=state.database,
                                     user=state.facilitator_user, password=state.facilitator_password,
                                     **options):
                    answered.append(time.monotonic())
                    return
            except psycopg.OperationalError:
                time.sleep(0.02)

    prober = threading.Thread(target=probe, daemon=True)
    prober.start()
    try:
        cluster.start_cluster(folder, state.port)
        prober.join(timeout=30)
    finally:
        done.set()
    if not answered:
        raise RuntimeError("room: the restarted server never let the facilitator sign in")
    return answered[0]


def _server_fingerprint(folder: Path, state: RoomState, table: str) -> str:
    with ServerPlan.open(facilitator_location(folder, state, table), read_only=True) as plan:
        return fingerprint(plan.load())


def _take_every_table_home(folder: Path, state: RoomState, joins: list[TableJoin], workdir: Path,
                           on_server: dict[str, str]) -> tuple[list[float], list[str]]:
    """Seconds to write each table's plan file, and a fault for each file unlike the server's plan."""
    home = workdir / "home"
    home.mkdir()
    times, wrong = [], []
    state = load_state(folder)
    for join in joins:
        target = home / f"{join.table}.techplan"
        start = time.perf_counter()
        take_home([(facilitator_location(folder, state, join.table), target)])
        times.append(time.perf_counter() - start)
        with open_plan(str(target), read_only=True) as plan:
            if fingerprint(plan.load()) != on_server[join.table]:
                wrong.append(f"{target.name}: its fingerprint differs from the server's plan")
    return times, wrong
