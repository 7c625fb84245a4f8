"""Vision & goals: the statement, goals with their details, and each goal's actions."""

from __future__ import annotations

from fixture_types import MakeWindow
from guihelpers import cell_editor, column_of, edit_cell, press_enter, saved, shortcut
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.ui.panes.vision.vision import VisionPane
from summit_app.ui.window.main_window import MainWindow

GOAL = model.Goal("g1", "Every student reads on grade level")
PLAN = model.Plan(district=model.District(name="Harbor"), goals=(GOAL,),
                  actions=(model.GoalAction("a1", "g1", "Buy decodable readers"),),
                  budget=(model.BudgetLine("l1", "Readers", goal_id="g1"),))


def vision_pane(window: MainWindow) -> VisionPane:
    window.workspace.show_pane("vision")
    pane = window.workspace.pane("vision")
    assert isinstance(pane, VisionPane)
    return pane


def test_statement_goal_details_and_actions_are_saved(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    pane = vision_pane(window)
    statement = pane.statement.editor("statement")
    statement.setFocus()
    qtbot.keyClicks(statement, "Students create, not just consume.")
    pane.details.editor("measure").setFocus()  # leaving the statement saves it
    QApplication.processEvents()
    assert saved(window).vision.statement == "Students create, not just consume."
    qtbot.keyClicks(pane.details.editor("measure"), "Spring reading benchmark")
    press_enter(qtbot, pane.details.editor("measure"))
    conditions = pane.details.editor("iste_conditions")
    conditions.setFocus()
    conditions.setCurrentRow(1)
    qtbot.keyClick(conditions, Qt.Key.Key_Space)
    goal = saved(window).goals[0]
    assert goal.measure == "Spring reading benchmark"
    assert goal.iste_conditions == (window.context.content.vocabulary("iste_conditions")[1].id,)
    qtbot.mouseClick(pane.goal_actions.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), "Train reading coaches")
    press_enter(qtbot, window.focusWidget())
    status = cell_editor(qtbot, pane.goal_actions, 1, column_of(pane.goal_actions, "status"))
    qtbot.keyClicks(status, "Done")
    press_enter(qtbot, status)
    actions = saved(window).actions
    assert [(a.text, a.goal_id) for a in actions] == [("Buy decodable readers", "g1"), ("Train reading coaches", "g1")]
    assert actions[1].status == "done"


def test_a_new_goal_shows_its_own_empty_actions(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    pane = vision_pane(window)
    qtbot.mouseClick(pane.goals.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), "Family engagement")
    press_enter(qtbot, window.focusWidget())
    assert [g.title for g in saved(window).goals] == [GOAL.title, "Family engagement"]
    assert pane.goal_actions.model.rowCount() == 0
    assert pane.details.item_id == saved(window).goals[1].id
    pane.goals.select("g1")
    assert pane.goal_actions.model.rowCount() == 1


def test_removing_a_goal_takes_its_actions_and_links_in_one_undo_step(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    pane = vision_pane(window)
    pane.goals.select("g1")
    shortcut(qtbot, pane.goals.view, Qt.Key.Key_Delete)
    plan = saved(window)
    assert plan.goals == ()
    assert plan.actions == ()
    assert plan.budget[0].goal_id is None
    assert window.actions_["undo"].text() == f"Undo Remove goal “{GOAL.title}”"
    window.actions_["undo"].trigger()
    plan = saved(window)
    assert [g.id for g in plan.goals] == ["g1"]
    assert [a.id for a in plan.actions] == ["a1"]
    assert plan.budget[0].goal_id == "g1"
    window.actions_["redo"].trigger()
    assert saved(window).goals == ()


def test_goal_title_edited_in_the_table(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    pane = vision_pane(window)
    edit_cell(qtbot, pane.goals, 0, column_of(pane.goals, "title"), "Every student reads by grade 3")
    assert saved(window).goals[0].title == "Every student reads by grade 3"
    assert pane.goals.model.data(pane.goals.model.index(0, 0)) == "Every student reads by grade 3"


def test_goal_and_action_models_are_valid(make_window: MakeWindow, qtmodeltester: ModelTester) -> None:
    pane = vision_pane(make_window())
    qtmodeltester.check(pane.goals.model)
    qtmodeltester.check(pane.goal_actions.model)
