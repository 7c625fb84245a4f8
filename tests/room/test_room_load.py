"""Tables of seats editing at once, and the room's server restarted under them: nothing lost, nothing twice.

The same harness as the room's benchmark (bench/roomload.py), at a small size
and in threads: 3 tables of 3 seats, each seat a real ``Seat`` joined with its
table's code and passphrase, for a few seconds; then the server is stopped
and started while every seat holds its plan. Correctness only: the
benchmark (``make bench``) times it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from room.roomsetup import Room

from bench.roomload import Load, TableJoin, faults, run_load, visible_after
from summit_app.plan.interchange import fingerprint
from summit_app.room import cluster
from summit_app.room.server import facilitator_location
from summit_app.store.server import ServerPlan

pytestmark = pytest.mark.xdist_group("room")

TABLES = ("crew_1", "crew_2", "crew_3")


def test_every_seat_applies_every_other_edit_once_and_ends_with_the_servers_plan(room: Room, tmp_path: Path) -> None:
    for table in TABLES:
        room.add(table)
    joins = [TableJoin(t, room.code(t), room.passphrase(t)) for t in TABLES]
    load = Load(seats=3, seconds=1.5, period=0.3, cache=tmp_path / "cache")
    port = room.state.port

    def start() -> float:
        cluster.start_cluster(room.folder, port)
        return time.monotonic()

    with run_load(joins, load, stop=lambda: cluster.stop_cluster(room.folder), start=start,
                  processes=False) as result:
        on_server = {t: server_fingerprint(room, t) for t in TABLES}
    assert faults(result.logs, on_server) == []
    logs = [log for log in result.logs if not log.rejoined]
    assert len(logs) == 9
    assert sorted(log.author for log in result.logs if log.left) == [f"{t} seat 3" for t in TABLES]
    again = sorted((log.author, len(log.written)) for log in result.logs if log.rejoined)
    assert again == [(f"{t} seat 3", 2) for t in TABLES]  # written after the restart: the others caught up
    for log in logs:
        assert log.written  # its goal first, then its title and the district's name as time allows
    for log in (log for log in logs if log.held):
        assert log.attempts >= 1
        assert log.caught_up is not None
        assert log.caught_up >= result.answered
        assert log.fingerprint == on_server[log.table]
    assert len(visible_after(logs)) == sum(
        len([s for s, _, _ in log.applied if s <= log.load_last]) for log in logs) > 0
    assert any(by_socket for log in logs for _, _, by_socket in log.applied)  # notifications did the work


def server_fingerprint(room: Room, table: str) -> str:
    with ServerPlan.open(facilitator_location(room.folder, room.state, table), read_only=True) as plan:
        return fingerprint(plan.load())


def test_the_checks_find_a_missed_edit_an_edit_applied_twice_and_a_different_plan() -> None:
    from bench.roomload import SeatLog

    writer = SeatLog("t", "t seat 1", written=[(1, 0.0), (3, 0.0)], applied=[(2, 0.0, False)], heard=3,
                     fingerprint="F")
    missed = SeatLog("t", "t seat 2", written=[(2, 0.0)], applied=[(1, 0.0, True)], heard=2, fingerprint="F")
    twice = SeatLog("t", "t seat 3", applied=[(1, 0.0, True), (2, 0.0, True), (2, 0.0, False), (3, 0.0, True)],
                    heard=4, fingerprint="G")
    found = faults([writer, missed, twice], {"t": "F"})
    assert found == [
        "t seat 2: other seats' edits not applied once each in order (missed [3], twice [])",
        "t seat 2: its plan heard 2 edits of 3",
        "t seat 3: other seats' edits not applied once each in order (missed [], twice [2])",
        "t seat 3: its plan heard 4 edits of 3",
        "t seat 3: its plan's fingerprint differs from the server's",
    ]
