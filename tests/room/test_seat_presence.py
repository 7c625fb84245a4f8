"""Where the seats of a room's table are, told through the table's presence (a real room, real seats)."""

from __future__ import annotations

import select
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from room.roomsetup import Room

from summit_app.room.join import connect_seat
from summit_app.room.seat import Seat
from summit_app.store.presence import SeatPresence

pytestmark = pytest.mark.xdist_group("room")
BEAT = 0.25


@pytest.fixture
def sit(room: Room, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Seat]]:
    """Seats of a table of the test's own (short heartbeats, so a test waits little)."""
    table = "p_" + request.node.name.removeprefix("test_")[:30]
    room.add(table)
    location = connect_seat(room.code(table), room.passphrase(table), tmp_path)
    opened: list[Seat] = []

    def open_seat(author: str) -> Seat:
        seat = Seat(location, author, heartbeat=BEAT)
        opened.append(seat)
        return seat

    yield open_seat
    for seat in opened:
        seat.close()


def wait_for(condition: Callable[[], bool], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def where(seats: list[SeatPresence]) -> list[tuple[str, str, str]]:
    return [(p.author, p.pane, p.editing) for p in seats]


def test_a_seat_hears_where_the_others_are_promptly_and_not_itself(sit: Callable[[str], Seat]) -> None:
    ana, ben = sit("Ana"), sit("Ben")
    assert where(ana.others()) == [("Ben", "", "")]
    assert ana.catch_up() == []  # Ben's arrival is no edit
    ben.announce("budget", "budget_lines/b1/rationale")
    readable, _, _ = select.select([ana.fileno()], [], [], 5)  # a window's socket notifier wakes
    assert readable
    assert ana.catch_up() == []
    assert where(ana.others()) == [("Ben", "budget", "budget_lines/b1/rationale")]
    assert ana.sequence == 0  # a presence change never counts as an edit
    assert ana.editing_by("budget_lines", "b1", "rationale") == "Ben"
    assert ana.editing_by("budget_lines", "b1", "title") is None
    assert ben.editing_by("budget_lines", "b1", "rationale") is None  # a seat is never locked out by itself
    ben.announce("budget")
    select.select([ana.fileno()], [], [], 5)
    ana.catch_up()
    assert ana.editing_by("budget_lines", "b1", "rationale") is None


def test_a_seat_that_stops_beating_drops_out_and_one_that_leaves_goes_at_once(sit: Callable[[str], Seat]) -> None:
    ana, ben, cy = sit("Ana"), sit("Ben"), sit("Cy")
    ana.heartbeat()
    assert [p.author for p in ana.others()] == ["Ben", "Cy"]
    cy.close()
    ana.heartbeat()
    assert [p.author for p in ana.others()] == ["Ben"]
    assert wait_for(lambda: (ana.heartbeat(), ana.others())[1] == [])  # Ben never beats: gone after a few beats
    ben.heartbeat()
    ana.heartbeat()
    assert [p.author for p in ana.others()] == ["Ben"]
