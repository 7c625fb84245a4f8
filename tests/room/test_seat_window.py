"""Seats of a summit table in the window: joining, live edits, typing kept, notices on both sides.

Real windows on a real room (tests/room/roomsetup.py): each window's seat has
its own connections and meets the others only through the room's server.
Edits of another seat arrive through the window's socket notifier; the tests
wait for what the user would see, never for a fixed time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from guihelpers import ScriptedPrompts, cell_editor, column_of, plan_on_disk, press_enter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from room.roomsetup import Room
from room.seat_windows import SeatWindow, district_field, headless_seat, notices, seat_window, table

from summit_app.plan import model
from summit_app.plan.edits import AddItem, MoveItem, RemoveItem, SetField
from summit_app.room.seat import Seat
from summit_app.store.plan_file import PlanFile
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.window.main_window import MainWindow

pytestmark = pytest.mark.xdist_group("room")
__all__ = ["headless_seat", "seat_window", "table"]  # fixtures used by name



def test_a_seat_window_names_its_table_and_keeps_a_mirror(qtbot: QtBot, seat_window: SeatWindow, table: str,
                                                           room: Room, tmp_path: Path) -> None:
    window = seat_window("Ana")
    port = room.state.port
    assert f"Harbor Unified — table {table} at 127.0.0.1:{port} — Summit Planner" == window.windowTitle()
    assert window.author_button.text() == "Editing as Ana"  # the seat's name, not this computer's
    mirror = tmp_path / "Ana mirror.techplan"
    assert plan_on_disk(mirror).district.name == "Harbor Unified"  # written when the seat joined
    assert window.context is not None
    assert window.seat_room is not None
    keeper = window.seat_room.session.mirror
    keeper.timer.setInterval(50)  # a short quiet interval after edits, for the test
    with qtbot.waitSignal(keeper.written, timeout=10000):
        assert window.context.edit(SetField("district", "", "state", "WA", "Change State"))
    assert plan_on_disk(mirror).district.state == "WA"  # written a while after the edit, off the GUI thread
    assert window.context.edit(SetField("district", "", "state", "ID", "Change State"))
    window.close_plan()
    assert plan_on_disk(mirror).district.state == "ID"  # and again when it left


def test_another_seats_edit_repaints_without_touching_what_is_being_typed(
        qtbot: QtBot, seat_window: SeatWindow) -> None:
    ana, finance = seat_window("Ana"), seat_window("Finance")
    QApplication.processEvents()
    ana.activateWindow()  # the typing seat's window is the active one (its field keeps the focus)
    qtbot.waitUntil(ana.isActiveWindow)
    name, state = district_field(ana, "name"), district_field(ana, "state")
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Harb")
    name.cursorBackward(False, 1)  # the cursor between "Har" and "b"
    assert finance.context is not None
    assert finance.context.edit(SetField("district", "", "state", "WA", "Change State"))
    assert finance.context.edit(SetField("district", "", "name", "Bayside Schools", "Change District name"))
    assert ana.context is not None
    qtbot.waitUntil(lambda: ana.context is not None and ana.context.plan.district.name == "Bayside Schools")
    assert state.text() == "WA"  # the other field shows the other seat's value
    assert ana.context.undo_stack.count() == 0  # another seat's edits are not Ana's to undo
    assert (name.text(), name.cursorPosition(), ana.focusWidget()) == ("Harb", 3, name)  # typing untouched
    assert notices(ana) == ["Finance changed District name to Bayside Schools while you were typing in it; "
                            "what you type replaces it when you finish"]
    name.end(False)
    qtbot.keyClicks(name, "or Unified")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert ana.context.plan.district.name == "Harbor Unified"  # the last writer wins …
    assert notices(ana)[0] == "You replaced what Finance had just set: District name Bayside Schools → Harbor Unified"
    qtbot.waitUntil(lambda: bool(finance.seat_room and notices(finance)))  # … and both seats are told
    assert notices(finance) == ["Ana changed District name Bayside Schools → Harbor Unified"]
    assert finance.context.plan.district.name == "Harbor Unified"


def test_a_cell_being_typed_in_keeps_its_typing_when_another_seat_changes_its_row(
        qtbot: QtBot, seat_window: SeatWindow, headless_seat: Callable[[str], Seat]) -> None:
    ana, ben = seat_window("Ana"), headless_seat("Ben")
    assert ana.workspace is not None
    ana.workspace.show_pane("vision")
    QApplication.processEvents()
    ana.activateWindow()  # the typing seat's window is the active one (its cell editor keeps the focus)
    qtbot.waitUntil(ana.isActiveWindow)
    goals = ana.workspace.pane("vision").goals  # type: ignore[attr-defined]
    editor = cell_editor(qtbot, goals, 0, column_of(goals, "title"))
    editor.selectAll()
    qtbot.keyClicks(editor, "Broad")
    ben.edit(SetField("goals", "g1", "owner", "Ben"))  # the same row, another column
    qtbot.waitUntil(lambda: ana.context is not None and goal_of(ana, "g1").owner == "Ben")
    assert (editor.text(), editor.isVisible(), ana.focusWidget()) == ("Broad", True, editor)  # still typing
    qtbot.keyClicks(editor, "band")
    press_enter(qtbot, editor)
    assert goal_of(ana, "g1").title == "Broadband"


def test_a_cell_being_typed_in_stays_open_on_its_row_when_another_seat_adds_moves_and_removes_rows(
        qtbot: QtBot, seat_window: SeatWindow, headless_seat: Callable[[str], Seat]) -> None:
    ana, ben = seat_window("Ana"), headless_seat("Ben")
    assert ana.workspace is not None
    assert ana.context is not None
    ana.workspace.show_pane("vision")
    QApplication.processEvents()
    ana.activateWindow()
    qtbot.waitUntil(ana.isActiveWindow)
    goals = ana.workspace.pane("vision").goals  # type: ignore[attr-defined]
    editor = cell_editor(qtbot, goals, 1, column_of(goals, "title"))  # g2, "Learning"
    editor.selectAll()
    qtbot.keyClicks(editor, "Teach")
    ben.edit(AddItem("goals", model.Goal("g0", title="Safety"), 0))  # a row above the one being typed in
    qtbot.waitUntil(lambda: [g.id for g in ana.context.plan.goals] == ["g0", "g1", "g2"])  # type: ignore[union-attr]
    assert (editor.text(), editor.isVisible(), ana.focusWidget()) == ("Teach", True, editor)
    ben.edit(MoveItem("goals", "g1", 0))  # rows above it change places
    ben.edit(RemoveItem("goals", "g0"))  # and one goes
    qtbot.waitUntil(lambda: [g.id for g in ana.context.plan.goals] == ["g1", "g2"])  # type: ignore[union-attr]
    assert (editor.text(), editor.isVisible(), ana.focusWidget()) == ("Teach", True, editor)
    assert goals.view.currentIndex().row() == 1  # the edited item's row, wherever it went
    qtbot.keyClicks(editor, "ing")
    press_enter(qtbot, editor)
    assert [(g.id, g.title) for g in ana.context.plan.goals] == [("g1", "Access"), ("g2", "Teaching")]


def goal_of(window: MainWindow, goal_id: str) -> model.Goal:
    assert window.context is not None
    goal = window.context.plan.item("goals", goal_id)
    assert isinstance(goal, model.Goal)
    return goal


def test_undo_from_a_notice_puts_the_value_back_as_a_new_edit(qtbot: QtBot, seat_window: SeatWindow,
                                                              headless_seat: Callable[[str], Seat]) -> None:
    ana, ben = seat_window("Ana"), headless_seat("Ben")
    assert ana.context is not None
    assert ana.context.edit(SetField("goals", "g1", "title", "Broadband", "Change Title"))
    ben.catch_up(timeout=5)
    ben.edit(SetField("goals", "g1", "title", "Devices"))
    qtbot.waitUntil(lambda: bool(notices(ana)))
    assert notices(ana) == ["Ben changed Goal of “Devices” Broadband → Devices"]
    assert ana.seat_room is not None
    row = ana.seat_room.notices.rows[0]
    assert row.undo_button is not None
    assert row.undo_button.accessibleName() == "Undo: Ben changed Goal of “Devices” Broadband → Devices"
    row.undo_button.click()
    title = ana.context.plan.item("goals", "g1")
    assert isinstance(title, model.Goal)
    assert title.title == "Broadband"
    assert ben.catch_up(timeout=5)[-1].entry.author == "Ana"
    assert [n.author for n in ben.take_notices()] == ["Ana"]
    assert notices(ana) == []  # the notice was dealt with


def test_an_edit_of_an_item_another_seat_removed_names_who_removed_it(
        qtbot: QtBot, seat_window: SeatWindow, headless_seat: Callable[[str], Seat]) -> None:
    ana, ben = seat_window("Ana"), headless_seat("Ben")
    ben.edit(RemoveItem("goals", "g2", "Remove goal"))
    assert ana.context is not None
    assert not ana.context.edit(SetField("goals", "g2", "title", "Learning for all", "Change Title"))
    assert notices(ana) == ["Not changed: the item was removed by Ben; nothing was changed"]
    assert ana.context.plan.item("goals", "g2") is None  # Ben's removal is in Ana's plan now


def test_the_join_dialog_joins_and_opens_the_table(qtbot: QtBot, room: Room, table: str, tmp_path: Path) -> None:
    window = MainWindow(Preferences(), ScriptedPrompts(), remember=False)
    qtbot.addWidget(window)
    window.show()
    dialog = window.join_table()
    dialog.code.setText(f"  {room.code(table)}\n")  # pasted, with the spaces a copy brings along
    assert dialog.mirror.text().endswith(f"Summit table {table}.techplan")
    dialog.mirror.setText(str(tmp_path / "mine.techplan"))
    dialog.passphrase.setText(room.passphrase(table))
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    dialog.author.setText("Dana")
    dialog.join_button.click()
    assert dialog.progress.isVisible()  # busy while the room is asked, on a thread of its own
    qtbot.waitUntil(lambda: window.seat_room is not None, timeout=20000)
    assert not dialog.isVisible()
    assert table in window.windowTitle()
    assert window.context is not None
    assert window.context.document.author == "Dana"
    assert plan_on_disk(tmp_path / "mine.techplan").district.name == "Harbor Unified"
    window.close()


@pytest.mark.parametrize(("code", "passphrase", "message"), [
    ("right", "not the passphrase", "the passphrase is not right for this table"),
    ("summit://127.0.0.1/summit_room/x#sha256=abc", "whatever", "Join code: the code names no port"),
    ("http://example.org/", "whatever", "Join code: a join code looks like summit://"),
])
def test_the_join_dialog_shows_a_refusal_in_one_line(qtbot: QtBot, room: Room, table: str, tmp_path: Path,
                                                     code: str, passphrase: str, message: str) -> None:
    window = MainWindow(Preferences(), ScriptedPrompts(), remember=False)
    qtbot.addWidget(window)
    window.show()
    dialog = window.join_table()
    dialog.code.setText(room.code(table) if code == "right" else code)
    dialog.passphrase.setText(passphrase)
    dialog.mirror.setText(str(tmp_path / "mine.techplan"))
    dialog.join_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy, timeout=20000)
    assert message in dialog.error.text()
    assert "Traceback" not in dialog.error.text()
    assert "\n" not in dialog.error.text()
    assert dialog.isVisible()  # still open: the person corrects it and tries again
    assert window.seat_room is None
    assert not (tmp_path / "mine.techplan").exists()  # nothing written for a refused join
    dialog.reject()
    QApplication.processEvents()
    window.close()


def test_take_home_from_a_seat_writes_an_ordinary_plan_file(seat_window: SeatWindow, tmp_path: Path) -> None:
    window = seat_window("Ana")
    assert window.context is not None
    assert window.actions_["take_home"].isVisible()
    assert not window.actions_["save_copy"].isVisible()
    window.context.edit(SetField("district", "", "summit_city", "Salem", "Change Summit city"))
    target = tmp_path / "home.techplan"
    assert isinstance(window.prompts, ScriptedPrompts)
    window.prompts.script("save_path", target)
    window.actions_["take_home"].trigger()
    taken = plan_on_disk(target)
    assert taken.district.summit_city == "Salem"
    with PlanFile.open(target, read_only=True) as plan_file:
        assert [e.author for e in plan_file.edit_log()][-1] == "Ana"
