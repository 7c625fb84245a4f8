"""Undo and redo say what they did and show it, even when the change was on another pane."""

from __future__ import annotations

from fixture_types import MakeWindow
from guihelpers import column_of, edit_cell, saved, shortcut, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot


def test_undo_of_a_change_on_another_pane_goes_there_and_says_so(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.workspace.show_pane("district")
    enrollment = window.workspace.pane("district").district_form.editor("enrollment")
    type_into(qtbot, enrollment, "19000")
    window.workspace.show_pane("budget")
    shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(window).district.enrollment == 18240
    assert window.workspace.navigator.current_pane() == "district"
    assert window.statusBar().currentMessage() == "Undone: Change Students enrolled"
    assert QApplication.focusWidget() is enrollment
    assert enrollment.value() == 18240
    window.workspace.show_pane("review")
    shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_Z,
             Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert saved(window).district.enrollment == 19000
    assert window.workspace.navigator.current_pane() == "district"
    assert window.statusBar().currentMessage() == "Redone: Change Students enrolled"


def test_undo_of_a_cell_selects_its_row(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.workspace.show_pane("budget")
    lines = window.workspace.pane("budget").lines
    edit_cell(qtbot, lines, 2, column_of(lines, "quantity"), "77")
    changed = saved(window).budget[2]
    assert changed.quantity == 77
    lines.view.setCurrentIndex(lines.model.index(0, 0))
    window.workspace.show_pane("vision")
    window.actions_["undo"].trigger()
    assert window.workspace.navigator.current_pane() == "budget"
    assert lines.current_id() == changed.id
    message = window.statusBar().currentMessage()
    assert message.startswith("Undone: Change ")
    assert "Quantity" in message or "quantity" in message


def test_undo_of_an_added_row_shows_its_table(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.workspace.show_pane("timeline")
    table = window.workspace.pane("timeline").milestones
    before = len(saved(window).milestones)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert len(saved(window).milestones) == before + 1
    window.workspace.show_pane("district")
    window.actions_["undo"].trigger()
    assert len(saved(window).milestones) == before
    assert window.workspace.navigator.current_pane() == "timeline"
    assert window.statusBar().currentMessage().startswith("Undone: Add ")
