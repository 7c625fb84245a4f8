"""Seat windows and the room around them: who sits where, the soft lock on long text, undo among
seats, and a server that stops answering (tests/room/seat_windows.py makes the windows)."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot
from room.roomsetup import Room
from room.seat_windows import SeatWindow, district_field, headless_seat, notices, seat_window, table
from room.seathelp import BEAT, admin

from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.room import cluster, facilitator
from summit_app.room.seat import Seat
from summit_app.ui.room.seat_room import LOST, REMOVED
from summit_app.ui.window.main_window import MainWindow

pytestmark = pytest.mark.xdist_group("room")
__all__ = ["headless_seat", "seat_window", "table"]  # fixtures used by name


def strip(window: MainWindow) -> list[str]:
    assert window.seat_room is not None
    return window.seat_room.presence.texts()


def goal_title(window: MainWindow, goal_id: str) -> str:
    assert window.context is not None
    goal = window.context.plan.item("goals", goal_id)
    assert isinstance(goal, model.Goal)
    return goal.title


def test_the_presence_strip_shows_where_the_other_seats_are(qtbot: QtBot, seat_window: SeatWindow) -> None:
    ana, finance = seat_window("Ana"), seat_window("Finance")
    qtbot.waitUntil(lambda: strip(ana) == ["Finance · District & team"])
    assert finance.workspace is not None
    finance.workspace.show_pane("budget")
    qtbot.waitUntil(lambda: strip(ana) == ["Finance · Budget"])
    assert ana.seat_room is not None
    assert ana.seat_room.presence.own.text() == "You: Ana"
    assert ana.seat_room.presence.accessibleName() == "At this table: You: Ana; Finance · Budget"
    finance.close_plan()  # leaving the table takes the seat off the strip
    qtbot.waitUntil(lambda: strip(ana) == ["nobody else yet"])


def test_long_text_another_seat_types_in_is_read_only_here_meanwhile(
        qtbot: QtBot, seat_window: SeatWindow, headless_seat: Callable[[str], Seat]) -> None:
    ana, ben = seat_window("Ana"), headless_seat("Ben")
    assert ana.workspace is not None
    ana.workspace.show_pane("vision")
    statement = ana.workspace.pane("vision").findChild(QPlainTextEdit, "field-statement")
    assert statement is not None
    ben.announce("vision", "vision//statement")
    qtbot.waitUntil(lambda: statement.isReadOnly())
    assert strip(ana) == ["Ben · Vision & goals, typing Vision statement"]
    assert statement.accessibleDescription() == "Ben is editing"
    label = ana.workspace.pane("vision").findChildren(type(ana.file_label))
    assert any(lbl.text() == "Vision statement — Ben is editing" for lbl in label)
    ben.announce("vision", "")  # Ben left the field: it opens again here
    qtbot.waitUntil(lambda: not statement.isReadOnly())
    assert not any(lbl.text().endswith("is editing") for lbl in label)


def test_a_seat_tells_the_table_which_long_text_it_is_typing_in(
        qtbot: QtBot, seat_window: SeatWindow, headless_seat: Callable[[str], Seat]) -> None:
    ana, ben = seat_window("Ana"), headless_seat("Ben")
    QApplication.processEvents()
    ana.activateWindow()
    qtbot.waitUntil(ana.isActiveWindow)
    assert ana.workspace is not None
    ana.workspace.show_pane("vision")
    statement = ana.workspace.pane("vision").findChild(QPlainTextEdit, "field-statement")
    assert statement is not None
    statement.setFocus()
    qtbot.waitUntil(lambda: [(p.author, p.pane, p.editing) for p in ben.others()] ==
                    [("Ana", "vision", "vision//statement")])
    assert ben.editing_by("vision", "", "statement") == "Ana"


def test_undo_among_seats_skips_what_another_seat_changed_since(
        qtbot: QtBot, seat_window: SeatWindow, headless_seat: Callable[[str], Seat]) -> None:
    ana, ben = seat_window("Ana"), headless_seat("Ben")
    assert ana.context is not None
    assert ana.context.edit(SetField("goals", "g1", "title", "Broadband", "Change Goal"))
    assert ana.context.edit(SetField("goals", "g2", "title", "Coaching", "Change Goal"))
    ben.catch_up(timeout=5)
    ben.edit(SetField("goals", "g2", "title", "Coaching for all"))  # Ben changes Ana's latest since
    ben.edit(SetField("goals", "g1", "owner", "Ben"))  # and another field of the first goal
    qtbot.waitUntil(lambda: goal_title(ana, "g2") == "Coaching for all")
    ana.actions_["undo"].trigger()  # Ana's latest: Ben changed that field since, so it is left
    assert goal_title(ana, "g2") == "Coaching for all"
    assert notices(ana)[0] == "Not undone: Ben changed Goal of “Coaching for all” since; it was left as it is"
    ana.actions_["undo"].trigger()  # the one before: nobody touched that field, so it is undone
    assert goal_title(ana, "g1") == "Access"
    ben.catch_up(timeout=5)
    goal = ben.document.plan.item("goals", "g1")
    assert isinstance(goal, model.Goal)
    assert (goal.title, goal.owner) == ("Access", "Ben")  # Ben's owner stays
    ana.actions_["redo"].trigger()
    assert goal_title(ana, "g1") == "Broadband"


def test_a_silent_server_turns_the_window_read_only_until_the_seat_is_back_and_caught_up(
        qtbot: QtBot, room: Room, seat_window: SeatWindow, headless_seat: Callable[[str], Seat]) -> None:
    ana, ben = seat_window("Ana", beat=BEAT), headless_seat("Ben")
    assert ana.seat_room is not None
    assert ana.context is not None
    session = ana.seat_room.session
    with qtbot.waitSignal(session.lost, timeout=10000), admin(room) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                     (f"Summit Planner seat {session.seat.seat_id}",))
    assert ana.seat_room.banner.isVisible()
    assert ana.seat_room.banner.message.text() == LOST
    assert ana.context.read_only
    assert district_field(ana, "name").isReadOnly()
    assert "(read-only)" in ana.windowTitle()
    assert strip(ana) == ["who else is here shows again once the room answers"]
    assert not ana.context.edit(SetField("district", "", "state", "NV", "Change State"))
    ben.edit(SetField("district", "", "state", "ID"))  # written while Ana's seat is away
    with qtbot.waitSignal(session.back, timeout=15000):
        pass
    assert not ana.seat_room.banner.isVisible()
    assert not ana.context.read_only
    assert ana.context.plan.district.state == "ID"
    assert district_field(ana, "state").text() == "ID"
    assert not district_field(ana, "name").isReadOnly()
    assert "(read-only)" not in ana.windowTitle()
    assert "Back in the room; 1 change from the other seats caught up." in notices(ana)
    assert ana.context.edit(SetField("district", "", "state", "NV", "Change State"))


def test_a_removed_seat_says_so_and_stays_read_only(qtbot: QtBot, room: Room, table: str,
                                                    seat_window: SeatWindow) -> None:
    ana = seat_window("Ana", beat=BEAT)
    assert ana.seat_room is not None
    with qtbot.waitSignal(ana.seat_room.session.removed, timeout=10000):
        facilitator.remove_seat(room.folder, table, ana.seat_room.session.seat.seat_id)
    assert ana.seat_room.banner.message.text() == REMOVED
    assert ana.context is not None
    assert ana.context.read_only
    assert district_field(ana, "name").isReadOnly()


def test_connecting_again_to_a_server_that_does_not_answer_leaves_the_window_free(
        qtbot: QtBot, room: Room, seat_window: SeatWindow, headless_seat: Callable[[str], Seat]) -> None:
    """The attempt runs in a thread of its own: a silent machine holds it, not the window's event loop."""
    ana, ben = seat_window("Ana", beat=BEAT), headless_seat("Ben")
    assert ana.seat_room is not None
    session = ana.seat_room.session
    with qtbot.waitSignal(session.lost, timeout=10000), admin(room) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                     (f"Summit Planner seat {session.seat.seat_id}",))
    ben.edit(SetField("district", "", "state", "WY"))
    postmaster = int((cluster.cluster_dir(room.folder) / "postmaster.pid").read_text().split()[0])
    session._retry.stop()
    os.kill(postmaster, signal.SIGSTOP)  # new connections get no answer; the seat's attempt waits on it
    try:
        session.try_again()
        attempt = session._attempt
        assert attempt is not None
        assert attempt.is_alive()
        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: bool(ticks), timeout=2000)  # the event loop runs meanwhile
        assert attempt.is_alive()
    finally:
        os.kill(postmaster, signal.SIGCONT)
    with qtbot.waitSignal(session.back, timeout=30000):
        pass
    assert ana.context is not None
    assert ana.context.plan.district.state == "WY"


def test_a_server_that_hangs_holds_the_heartbeats_thread_not_the_window(
        qtbot: QtBot, room: Room, seat_window: SeatWindow) -> None:
    """The seat's server processes stop while their machine still answers TCP: the heartbeat waits out its
    deadline in a thread of its own, the window's event loop runs meanwhile, and the seat is then lost."""
    ana = seat_window("Ana", beat=BEAT)
    assert ana.seat_room is not None
    session = ana.seat_room.session
    with admin(room) as conn:
        frozen = [int(row[0]) for row in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = %s",
            (f"Summit Planner seat {session.seat.seat_id}",))]
    assert len(frozen) == 2  # the plan connection and the listening one
    qtbot.waitUntil(lambda: session.seat.others() == [] and session._beating is None, timeout=10000)
    session.catch_up()  # the window has read who is here and every notification so far: it asks nothing now
    for pid in frozen:
        os.kill(pid, signal.SIGSTOP)
    try:
        seen: list[bool] = []

        def look() -> None:  # runs on the window's event loop
            beating = session._beating
            seen.append(beating is not None and beating.is_alive() and not session.silent)

        looking = QTimer()
        looking.timeout.connect(look)
        looking.start(20)
        with qtbot.waitSignal(session.lost, timeout=20000):
            pass
        looking.stop()
        assert any(seen)  # the event loop ran while a heartbeat waited on the hung server
        assert ana.seat_room.banner.isVisible()
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)
    with qtbot.waitSignal(session.back, timeout=30000):
        pass
    assert ana.context is not None
    assert not ana.context.read_only
