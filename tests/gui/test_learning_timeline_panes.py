"""Professional learning and Timeline: activities and milestones linked to goals through the table's pickers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from fixture_types import MakeWindow
from guihelpers import cell_editor, column_of, edit_cell, press_enter, saved, shortcut
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from summit_app.plan import model

GOALS = (model.Goal("g1", "Teachers design with technology"), model.Goal("g2", "Every student has a device"))
PLAN = model.Plan(district=model.District(name="Harbor"), goals=GOALS)


def tick(qtbot: QtBot, checklist, row: int) -> None:  # type: ignore[no-untyped-def]
    checklist.setCurrentRow(row)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)


def test_learning_activity_typed_linked_and_removed(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    window.workspace.show_pane("learning")
    pane = window.workspace.pane("learning")
    table = pane.activities
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), "Summer design institute")
    press_enter(qtbot, window.focusWidget())
    edit_cell(qtbot, table, 0, column_of(table, "participants"), "40")
    edit_cell(qtbot, table, 0, column_of(table, "hours"), "12.5")
    kind = cell_editor(qtbot, table, 0, column_of(table, "component"))
    qtbot.keyClicks(kind, "Workshop")
    press_enter(qtbot, kind)
    goals = cell_editor(qtbot, table, 0, column_of(table, "goal_ids"))
    tick(qtbot, goals, 0)
    tick(qtbot, goals, 1)
    press_enter(qtbot, goals)
    start = cell_editor(qtbot, table, 0, column_of(table, "start_date"))
    qtbot.keyClicks(start, "2026-07-14")
    press_enter(qtbot, start)
    activity = saved(window).learning[0]
    assert (activity.title, activity.participants, activity.hours) == ("Summer design institute", 40, Decimal("12.50"))
    assert activity.component == "workshop"
    assert activity.goal_ids == ("g1", "g2")
    assert activity.start_date == date(2026, 7, 14)
    cell = table.model.data(table.model.index(0, column_of(table, "goal_ids")))
    assert cell == "Teachers design with technology, Every student has a device"
    assert pane.totals.text().startswith("1 activities · 500 participant-hours · serving 2 of 2 goals")
    shortcut(qtbot, table.view, Qt.Key.Key_Delete)
    assert saved(window).learning == ()
    window.actions_["undo"].trigger()
    assert saved(window).learning[0].title == "Summer design institute"


def test_milestones_with_dates_status_goals_and_order(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    window.workspace.show_pane("timeline")
    table = window.workspace.pane("timeline").milestones
    for title in ("Board adopts the plan", "Devices ordered"):
        qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.focusWidget(), title)
        press_enter(qtbot, window.focusWidget())
    when = cell_editor(qtbot, table, 1, column_of(table, "due_date"))
    qtbot.keyClicks(when, "Sep 1, 2026")
    press_enter(qtbot, when)
    status = cell_editor(qtbot, table, 1, column_of(table, "status"))
    qtbot.keyClicks(status, "At risk")
    press_enter(qtbot, status)
    goals = cell_editor(qtbot, table, 1, column_of(table, "goal_ids"))
    tick(qtbot, goals, 1)
    press_enter(qtbot, goals)
    table.select(saved(window).milestones[1].id)
    shortcut(qtbot, table.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    milestones = saved(window).milestones
    assert [m.title for m in milestones] == ["Devices ordered", "Board adopts the plan"]
    first = milestones[0]
    assert (first.due_date, first.status, first.goal_ids) == (date(2026, 9, 1), "at-risk", ("g2",))
    window.actions_["undo"].trigger()
    assert [m.title for m in saved(window).milestones] == ["Board adopts the plan", "Devices ordered"]


def test_learning_and_milestone_models_are_valid(make_window: MakeWindow, qtmodeltester: ModelTester) -> None:
    window = make_window()
    qtmodeltester.check(window.workspace.pane("learning").activities.model)
    qtmodeltester.check(window.workspace.pane("timeline").milestones.model)
