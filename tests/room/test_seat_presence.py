"""Where the seats of a room's table are, told through the table's presence (a real room, real seats)."""

from __future__ import annotations

import select
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from room.roomsetup import Room
from room.seathelp import BEAT, admin, table_location, wait_for

from summit_app.plan.edits import SetField
from summit_app.plan.interchange import fingerprint
from summit_app.room.seat import Seat
from summit_app.store.location import parse_location
from summit_app.store.plan_file import PlanFile
from summit_app.store.presence import SeatPresence

pytestmark = pytest.mark.xdist_group("room")


@pytest.fixture
def sit(room: Room, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Seat]]:
    """Seats of a table of the test's own (short heartbeats, so a test waits little)."""
    location = table_location(room, "p_" + request.node.name.removeprefix("test_")[:30], tmp_path)
    opened: list[Seat] = []

    def open_seat(author: str) -> Seat:
        seat = Seat(location, author, heartbeat=BEAT)
        opened.append(seat)
        return seat

    yield open_seat
    for seat in opened:
        seat.close()


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


def test_a_seat_opened_on_a_table_without_presence_works_without_it(room: Room, tmp_path: Path) -> None:
    location = table_location(room, "p_older", tmp_path)
    with admin(room) as conn:  # a table made by the earlier version of the room: no presence table
        conn.execute("DROP TABLE p_older.seat_presence")
    with Seat(location, "Ana", heartbeat=BEAT) as ana, Seat(location, "Ben", heartbeat=BEAT) as ben:
        ben.announce("budget", "budget_lines/b1/rationale")
        ana.heartbeat()
        assert ana.others() == []
        assert ana.editing_by("budget_lines", "b1", "rationale") is None
        written = ben.edit(SetField("district", "", "name", "Older Room Schools"))
        assert [r.sequence for r in ana.catch_up(timeout=5)] == [written.sequence]


def test_presence_never_enters_the_plan_taken_home(room: Room, tmp_path: Path) -> None:
    location = table_location(room, "p_home", tmp_path)
    with Seat(location, "Ana", heartbeat=BEAT) as ana, Seat(location, "Ben", heartbeat=BEAT):
        ana.announce("vision", "vision//statement")
        ana.edit(SetField("district", "", "name", "Home Schools"))
        home = tmp_path / "home.techplan"
        assert room.room("export", "p_home", home).returncode == 0
        expected = fingerprint(ana.document.plan)
    with sqlite3.connect(home) as file:
        tables = {row[0] for row in file.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "edit_log" in tables
        assert not [t for t in tables if "presence" in t]
    with PlanFile.open(str(home), read_only=True) as plan:
        assert fingerprint(plan.load()) == expected
    status = room.room("status", "--json")
    assert status.returncode == 0, status.stderr


def test_a_seat_can_neither_clear_nor_set_the_facilitators_removed_mark(room: Room, tmp_path: Path) -> None:
    location = table_location(room, "p_marks", tmp_path)
    where = parse_location(location)
    with Seat(location, "Ana", heartbeat=BEAT), psycopg.connect(
            host=where.host, port=where.port, dbname=where.database, user=where.user, password=where.password,
            autocommit=True, **dict(where.options)) as conn:
        assert conn.execute("SELECT author FROM p_marks.seat_presence").fetchall() == [("Ana",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE p_marks.seat_presence SET removed = true")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO p_marks.seat_presence (seat_id, author, removed) VALUES ('x', 'Eve', false)")
        conn.execute("UPDATE p_marks.seat_presence SET pane = 'budget'")  # its own columns it may write
