"""A room's server dying, coming back, and ending a seat's connections: the seats notice, stay read-only, catch up.

These tests stop the shared test room's server the hard way and start it
again (each restarts it in ``finally``, so a failure leaves the room running
for the tests after it).
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from room.roomsetup import Room
from room.seathelp import BEAT, admin, kill_server, restart_server, table_location, wait_for

from summit_app.plan import model
from summit_app.plan.edits import AddItem, SetField
from summit_app.plan.interchange import fingerprint
from summit_app.room import facilitator
from summit_app.room.seat import Seat, SeatLost, SeatRemoved
from summit_app.store.errors import PlanFileError
from summit_app.store.server import ServerPlan

pytestmark = pytest.mark.xdist_group("room")


@pytest.fixture
def table(room: Room, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, Callable[[str], Seat]]]:
    """A table of the test's own and a way to sit at it; the room's server runs again after the test."""
    name = request.node.name.removeprefix("test_")
    unique = hashlib.sha256(name.encode()).hexdigest()[:6]  # the variants of a parametrised test apart
    location = table_location(room, f"f_{name[:23].rstrip('_[')}_{unique}", tmp_path)
    opened: list[Seat] = []

    def sit(author: str) -> Seat:
        seat = Seat(location, author, heartbeat=BEAT)
        opened.append(seat)
        return seat

    try:
        yield location, sit
    finally:
        restart_server(room)
        for seat in opened:
            seat.close()


def on_server(location: str) -> model.Plan:
    with ServerPlan.open(location, read_only=True) as plan:
        return plan.load()


def beat_until_lost(seat: Seat, seconds: float = 10) -> bool:
    """Call ``heartbeat`` every beat, as a window does; True once it raised ``SeatLost`` within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            seat.heartbeat()
        except SeatLost:
            return seat.lost
        time.sleep(BEAT)
    return False


def reconnect(seat: Seat, seconds: float = 30) -> bool:
    """``try_reconnect`` until it succeeds, waiting the seat's back-off (capped to a beat) between attempts."""
    deadline = time.monotonic() + seconds
    while not seat.try_reconnect():
        if time.monotonic() > deadline:
            return False
        time.sleep(min(seat.retry_delay(), BEAT))
    return True


def test_a_killed_server_is_noticed_the_seats_stay_read_only_and_all_catch_up_after_it_returns(
        room: Room, table: tuple[str, Callable[[str], Seat]]) -> None:
    location, sit = table
    team = [sit(name) for name in ("Ana", "Ben", "Cy")]
    acknowledged = [seat.edit(AddItem("goals", model.Goal(f"g_{seat.author}", title=seat.author))).sequence
                    for seat in team]
    kill_server(room)
    try:
        for seat in team:
            assert beat_until_lost(seat)  # within 10 s of the server dying, beating every beat
        before = fingerprint(team[0].document.plan)
        with pytest.raises(SeatLost):
            team[0].edit(SetField("goals", "g_Ana", "title", "Written while lost"))
        with pytest.raises(SeatLost):
            team[0].catch_up()
        assert fingerprint(team[0].document.plan) == before  # nothing changed
        assert team[0].others() == []
        assert not team[0].try_reconnect()  # the server is still down: one short attempt, refused
    finally:
        restart_server(room)
    for seat in team:
        assert reconnect(seat)
        assert not seat.lost
    written = [team[1].edit(SetField("goals", "g_Ana", "owner", "Ben")).sequence,
               team[2].edit(SetField("goals", "g_Ben", "owner", "Cy")).sequence]
    for seat in team:
        seat.catch_up(timeout=5 if seat.sequence < written[-1] else 0)
        assert seat.sequence == written[-1]
    fresh = on_server(location)
    assert {g.id for g in fresh.goals} >= {"g_Ana", "g_Ben", "g_Cy"}
    assert all(fingerprint(seat.document.plan) == fingerprint(fresh) for seat in team)
    assert acknowledged == sorted(acknowledged)
    assert len(set(acknowledged)) == 3
    assert [s.author for s in team[0].others()] == ["Ben", "Cy"]  # presence is written again on reconnecting


def test_the_back_off_grows_to_a_second_and_starts_again_once_connected(
        room: Room, table: tuple[str, Callable[[str], Seat]]) -> None:
    _, sit = table
    ana = sit("Ana")
    kill_server(room)
    try:
        assert beat_until_lost(ana)
        delays = [ana.retry_delay()]
        for _ in range(6):
            assert not ana.try_reconnect()
            delays.append(ana.retry_delay())
        assert delays == [0.25, 0.5, 1, 1, 1, 1, 1]
    finally:
        restart_server(room)
    assert reconnect(ana)
    assert ana.retry_delay() == 0.25


def test_an_edit_whose_commit_had_no_answer_is_settled_from_the_log_and_never_sent_again(
        room: Room, table: tuple[str, Callable[[str], Seat]]) -> None:
    """The commit reaches the server's log, then the server dies before answering (it waits for a standby)."""
    location, sit = table
    ana, ben = sit("Ana"), sit("Ben")
    ana.edit(AddItem("goals", model.Goal("g1", title="Access")))
    ben.catch_up(timeout=5)
    outcome: list[BaseException] = []

    def edit() -> None:
        try:
            ana.edit(SetField("goals", "g1", "title", "Access for every student"))
        except BaseException as exc:  # the test's thread looks at it
            outcome.append(exc)

    with admin(room) as conn:
        conn.execute("ALTER SYSTEM SET synchronous_standby_names = 'nobody'")  # every commit now waits...
        conn.execute("SELECT pg_reload_conf()")
        reached = False
        try:
            # The server's processes take the setting when the reload signal reaches them: once this one has
            # it, so has Ana's (one signal to all), before her edit's commit.
            assert wait_for(lambda: conn.execute("SHOW synchronous_standby_names").fetchone() == ("nobody",), 30)
            writer = threading.Thread(target=edit)
            writer.start()
            reached = wait_for(lambda: conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'SyncRep' AND application_name = %s",
                (f"Summit Planner seat {ana.seat_id}",)).fetchone() == (1,), 60)
        finally:
            conn.execute("ALTER SYSTEM RESET synchronous_standby_names")  # ...until the next start
            if not reached:  # the tests after this one must not wait for a standby either
                conn.execute("SELECT pg_reload_conf()")
        assert reached
    kill_server(room)  # the commit is in the log, its answer never came
    writer.join(30)
    assert len(outcome) == 1
    assert isinstance(outcome[0], SeatLost)
    assert ana.document.plan.item("goals", "g1").title == "Access"  # type: ignore[union-attr]
    assert beat_until_lost(ben)
    restart_server(room)
    assert reconnect(ana)
    assert reconnect(ben)
    assert ana.document.plan.item("goals", "g1").title == "Access for every student"  # type: ignore[union-attr]
    told = [n.message for n in ana.take_notices()]
    assert len(told) == 1
    assert told[0].endswith("was saved before the connection was lost")
    assert ana.catch_up(timeout=0.3) == []  # applied once
    fresh = on_server(location)
    with ServerPlan.open(location, read_only=True) as plan:
        assert [e.author for e in plan.edit_log()] == ["Ana", "Ana"]  # written once, never sent again
    assert fingerprint(ana.document.plan) == fingerprint(ben.document.plan) == fingerprint(fresh)


def test_a_seat_whose_connections_were_ended_reconnects_and_catches_up(
        room: Room, table: tuple[str, Callable[[str], Seat]], caplog: pytest.LogCaptureFixture) -> None:
    location, sit = table
    ana, ben = sit("Ana"), sit("Ben")
    with admin(room) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                     (f"Summit Planner seat {ben.seat_id}",))
    written = [ana.edit(AddItem("goals", model.Goal(f"g{n}", title=f"Goal {n}"))).sequence for n in range(3)]
    with caplog.at_level(logging.WARNING):
        with suppress(SeatLost):  # listening on its cut connection, the seat finds itself lost
            ben.catch_up(timeout=1)
        assert beat_until_lost(ben)
    assert [r.getMessage() for r in caplog.records] == []  # no driver traceback for a terminal to show
    assert reconnect(ben)
    assert ben.sequence == written[-1]
    assert ben.catch_up(timeout=0.3) == []
    assert fingerprint(ben.document.plan) == fingerprint(on_server(location))
    assert ben.take_notices() == []


def test_a_removed_seat_is_cut_off_and_refused_when_it_tries_to_come_back(
        room: Room, table: tuple[str, Callable[[str], Seat]]) -> None:
    location, sit = table
    ana, ben = sit("Ana"), sit("Ben")
    facilitator.remove_seat(room.folder, location.split("plan=")[1].split("&")[0], ben.seat_id)
    with admin(room) as conn:
        assert conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                            (f"Summit Planner seat {ben.seat_id}",)).fetchone() == (0,)
    assert beat_until_lost(ben)
    with pytest.raises(SeatRemoved, match="The facilitator removed this seat"):
        ben.try_reconnect()
    assert ben.removed
    assert ben.lost
    with pytest.raises(SeatRemoved):
        ben.edit(SetField("district", "", "name", "Not from a removed seat"))
    with pytest.raises(SeatRemoved):
        ben.heartbeat()
    ana.heartbeat()
    assert ana.others() == []  # the removed seat is not shown as present
    ana.edit(SetField("district", "", "name", "Still editing"))  # the other seats go on


def test_a_server_that_hangs_without_closing_its_connections_is_noticed_by_the_heartbeat(
        room: Room, table: tuple[str, Callable[[str], Seat]]) -> None:
    """The seat's server processes stop (their machine still answers TCP): only the seat's own deadline can tell."""
    location, sit = table
    ana, ben = sit("Ana"), sit("Ben")
    with admin(room) as conn:
        frozen = [int(row[0]) for row in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = %s", (f"Summit Planner seat {ben.seat_id}",))]
    assert len(frozen) == 2  # the plan connection and the listening one
    for pid in frozen:
        os.kill(pid, signal.SIGSTOP)
    try:
        assert beat_until_lost(ben)
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)
    written = ana.edit(SetField("district", "", "name", "Hung Server Schools")).sequence
    assert reconnect(ben)
    assert ben.sequence == written
    assert fingerprint(ben.document.plan) == fingerprint(on_server(location))


@pytest.mark.parametrize("ask", ["others", "catch_up", "edit", "announce"])
def test_a_hung_server_holds_no_call_of_a_seat_past_the_heartbeats_deadline(
        room: Room, table: tuple[str, Callable[[str], Seat]], ask: str) -> None:
    """Not only the heartbeat: reading who is here, catching up, an edit and telling where one is each give up
    on a server whose processes stopped (the machine still answers TCP) and find the seat lost."""
    location, sit = table
    ana, ben = sit("Ana"), sit("Ben")
    ana.edit(SetField("district", "", "name", "Before the hang"))  # news for Ben's catch-up
    ben.announce("vision")  # and a presence change for Ben's "who is here"
    with admin(room) as conn:
        frozen = [int(row[0]) for row in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = %s", (f"Summit Planner seat {ben.seat_id}",))]
    calls: dict[str, Callable[[], object]] = {
        "others": ben.others, "catch_up": lambda: ben.catch_up(timeout=1),
        "edit": lambda: ben.edit(SetField("district", "", "state", "WA")), "announce": lambda: ben.announce("budget")}
    for pid in frozen:
        os.kill(pid, signal.SIGSTOP)
    try:
        outcome: list[BaseException | None] = []

        def call() -> None:
            try:
                calls[ask]()
            except PlanFileError as exc:
                outcome.append(exc)
            else:
                outcome.append(None)

        asking = threading.Thread(target=call, daemon=True)
        asking.start()
        asking.join(60)  # far past the deadline (2 s; an edit 20 s): a call without one would still wait
        assert not asking.is_alive()
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)
    assert ben.lost
    assert outcome[0] is None or isinstance(outcome[0], SeatLost)  # "others" and "announce" never raise
    assert reconnect(ben)
    assert fingerprint(ben.document.plan) == fingerprint(on_server(location))


def test_a_refused_new_connection_is_a_lost_seat_not_a_driver_error(
        room: Room, table: tuple[str, Callable[[str], Seat]]) -> None:
    """The pool's own connect (listening again) refused by the server: one line, and ``try_reconnect`` tries later."""
    location, sit = table
    seat = sit("Finance")
    role = location.split("://", 1)[1].split(":", 1)[0]
    with admin(room) as conn:
        conn.execute(f'ALTER ROLE "{role}" CONNECTION LIMIT 0')
        try:
            with pytest.raises(PlanFileError, match="cannot use the server"):
                seat.store.listen().close()
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                         (f"Summit Planner seat {seat.seat_id}",))
            assert beat_until_lost(seat)
            assert seat.try_reconnect() is False
        finally:
            conn.execute(f'ALTER ROLE "{role}" CONNECTION LIMIT -1')
    assert reconnect(seat)
    assert fingerprint(seat.document.plan) == fingerprint(on_server(location))
