"""The summit room: from ``room start`` to every table's join code, on a room of its own.

The room is made the first time (``initdb``, its certificate, the server
started, its database and facilitator role), then 15 tables get their blank
plans and roles, and ``room status`` reads every table's join code: the
facilitator's wait before the first table can join. Its own cluster, in the
bench's folder (opened to the ``postgres`` user, which runs the server when
the bench runs as root); stopped afterwards. Every line starts with ``room:``.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.figures import Figure
from summit_app.plan import model
from summit_app.room import cluster, facilitator

TABLES = 15


def measure(workdir: Path) -> list[Figure]:
    workdir.chmod(0o755)  # the server's user must reach the cluster inside it
    folder = workdir / "room"
    start = time.perf_counter()
    facilitator.start_room(facilitator.StartRequest(folder, cluster.free_port(), None, "127.0.0.1"))
    try:
        started = time.perf_counter() - start
        for n in range(1, TABLES + 1):
            facilitator.add_table(folder, f"table_{n}", facilitator.blank_or(model.Plan()))
        _state, tables = facilitator.room_status(folder)
        codes = [t.code.text() for t in tables]
        elapsed = time.perf_counter() - start
    finally:
        cluster.stop_cluster(folder)
    assert len(codes) == TABLES
    return [
        Figure("room: start to join codes", elapsed, "s", 30.0,
               note=f"a new room, {TABLES} blank tables with their roles, then status; the start alone "
                    f"{started:.1f} s"),
    ]
