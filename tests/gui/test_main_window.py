"""The main window: steps, title and status, welcome screen, files, zoom, keyboard and accessible names."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_types import MakePlanFile, MakeWindow
from guihelpers import ScriptedPrompts, cell_editor, column_of, plan_on_disk, saved, shortcut, type_into
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.progress import STEPS
from summit_app.store.lock import current_holder
from summit_app.ui.base import theme
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.window.main_window import MainWindow


def test_navigator_lists_the_nine_steps_with_their_state(make_window: MakeWindow) -> None:
    window = make_window(model.Plan(district=model.District(name="Harbor")))
    navigator = window.workspace.navigator
    texts = [navigator.item(row).text() for row in range(navigator.count())]
    assert [t.split(". ", 1)[1] for t in texts] == [title for _, title in STEPS]
    assert texts[0].startswith("◐")
    assert texts[2].startswith("○")
    assert "in progress" in navigator.item(0).toolTip()
    assert window.windowTitle() == "Harbor — plan.techplan — Summit Planner"
    assert window.file_label.text() == str(window.plan_path())
    assert window.saved_label.text() == "All changes saved"


def test_the_step_on_screen_is_highlighted_from_the_first_one(make_window: MakeWindow) -> None:
    window = make_window()  # shown on the welcome screen, then the plan opens: the common way in
    navigator = window.workspace.navigator
    assert [navigator.row(item) for item in navigator.selectedItems()] == [0]
    row = navigator.visualItemRect(navigator.item(0))
    colour = navigator.grab().toImage().pixelColor(row.center().x() + 60, row.center().y())
    assert colour.name() == theme.ACCENT  # the selected step's fill, behind its words
    window.workspace.show_pane("budget")
    assert [navigator.row(item) for item in navigator.selectedItems()] == [6]
    assert window.workspace.stack.currentWidget().pane_id == "budget"


def test_steps_switch_by_keyboard(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    navigator = window.workspace.navigator
    navigator.setFocus()
    qtbot.keyClick(navigator, Qt.Key.Key_Down)
    assert window.workspace.stack.currentWidget().pane_id == "readiness"
    shortcut(qtbot, navigator, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.stack.currentWidget().pane_id == "budget"
    shortcut(qtbot, navigator, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.stack.currentWidget().pane_id == "timeline"


def test_every_labelled_input_is_named_by_its_label(make_window: MakeWindow) -> None:
    window = make_window()
    for pane_id, _ in STEPS:
        window.workspace.show_pane(pane_id)
    pairs = [(label.text().replace("&", ""), label.buddy()) for label in window.findChildren(QLabel) if label.buddy()]
    assert len(pairs) > 25
    for text, buddy in pairs:
        assert buddy.accessibleName() == text, f"{type(buddy).__name__} labelled {text!r}"


def test_undo_reaches_edits_made_on_another_pane(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    type_into(qtbot, window.workspace.pane("district").district_form.editor("name"), "Harbor")
    window.workspace.show_pane("budget")
    assert window.actions_["undo"].text() == "Undo Change District name"
    window.actions_["undo"].trigger()
    assert saved(window).district.name == ""
    window.workspace.show_pane("district")
    assert window.workspace.pane("district").district_form.editor("name").text() == ""
    assert window.windowTitle().startswith("Untitled district")


def test_zoom_scales_the_whole_interface(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    app = QApplication.instance()
    base = theme.BASE_POINTS
    title = window.workspace.current_pane().findChild(QLabel, "paneTitle")
    title_points = QFontInfo(title.font()).pointSizeF()
    try:
        shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert app.font().pointSizeF() > base
        assert window.preferences.zoom > 1
        title.ensurePolished()
        assert QFontInfo(title.font()).pointSizeF() > title_points  # the roles' own sizes grow too
        shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        assert app.font().pointSizeF() < base
    finally:
        shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSizeF() == base


def test_welcome_screen_new_blank_and_demo_plans(qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path) -> None:
    window = MainWindow(Preferences(), prompts, remember=False)
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentWidget() is window.welcome
    assert window.windowTitle() == "Summit Planner"
    assert not window.actions_["save_copy"].isEnabled()
    prompts.script("save_path", tmp_path / "blank")
    qtbot.mouseClick(window.welcome.findChildren(QWidget, "primary")[0], Qt.MouseButton.LeftButton)
    assert window.plan_path() == tmp_path / "blank.techplan"
    assert plan_on_disk(tmp_path / "blank.techplan") == model.Plan()
    prompts.script("save_path", tmp_path / "demo.techplan")
    window.actions_["new_demo"].trigger()
    assert window.windowTitle().startswith("Cedar Valley Unified School District — demo.techplan")
    assert current_holder(tmp_path / "blank.techplan") is None  # the first plan was closed
    window.actions_["close"].trigger()
    assert window.pages.currentWidget() is window.welcome
    assert current_holder(tmp_path / "demo.techplan") is None
    window.close()


def test_recent_plans_and_zoom_are_remembered(qtbot: QtBot, prompts: ScriptedPrompts, make_plan_file: MakePlanFile,
                                              tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = make_plan_file(model.Plan(district=model.District(name="Harbor")))
    window = MainWindow(Preferences.load(), prompts, remember=True)
    qtbot.addWidget(window)
    window.open_path(path)
    window.close()
    again = MainWindow(Preferences.load(), prompts, remember=True)
    qtbot.addWidget(again)
    assert again.preferences.last_plan() == path.resolve()
    item = again.welcome.recent.item(0)
    assert "plan" in item.text()
    again.welcome.recent.itemActivated.emit(item)
    assert again.windowTitle().startswith("Harbor")
    again.close()
    assert (tmp_path / "config" / "summit-planner" / "preferences.json").is_file()


def test_dropping_a_plan_file_opens_it(qtbot: QtBot, make_window: MakeWindow, make_plan_file: MakePlanFile) -> None:
    window = make_window()
    other = make_plan_file(model.Plan(district=model.District(name="Dropped District")), "other.techplan")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.windowTitle().startswith("Dropped District — other.techplan")


def test_save_a_copy_writes_the_plan_elsewhere(make_window: MakeWindow, prompts: ScriptedPrompts,
                                               tmp_path: Path) -> None:
    window = make_window()
    prompts.script("save_path", tmp_path / "copy.techplan")
    window.actions_["save_copy"].trigger()
    assert plan_on_disk(tmp_path / "copy.techplan") == saved(window)
    assert window.plan_path().name == "plan.techplan"
    prompts.script("save_path", tmp_path / "copy.techplan")
    prompts.script("error", None)
    window.actions_["save_copy"].trigger()
    assert "already exists" in prompts.asked[-1][1][1]


def test_review_findings_lead_to_the_item_in_its_pane(make_window: MakeWindow) -> None:
    window = make_window()
    workspace = window.workspace
    workspace.show_pane("review")
    review = workspace.pane("review")
    goal = saved(window).goals[2]
    review.navigate.emit("goals", goal.id)
    assert workspace.stack.currentWidget().pane_id == "vision"
    assert workspace.pane("vision").goals.current_id() == goal.id
    line = saved(window).budget[5]
    review.navigate.emit("budget", line.id)
    assert workspace.navigator.current_pane() == "budget"
    assert workspace.pane("budget").lines.current_id() == line.id
    review.navigate_pane.emit("privacy")
    assert workspace.stack.currentWidget().pane_id == "privacy"



PLAN_TO_TYPE_IN = model.Plan(district=model.District(name="Harbor"), goals=(model.Goal("g1", title="Access"),))


def test_closing_the_window_keeps_what_a_cell_editor_was_typing(qtbot: QtBot, make_window: MakeWindow) -> None:
    """A cell still being typed in when the window closes is saved, as on leaving it."""
    window = make_window(PLAN_TO_TYPE_IN)
    path = window.plan_path()
    window.workspace.show_pane("vision")
    goals = window.workspace.pane("vision").goals
    editor = cell_editor(qtbot, goals, 0, column_of(goals, "title"))
    editor.selectAll()
    qtbot.keyClicks(editor, "Broadband")
    window.close()
    assert plan_on_disk(path).goals[0].title == "Broadband"


def test_closing_the_window_keeps_what_a_field_was_typing(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN_TO_TYPE_IN)
    path = window.plan_path()
    name = window.workspace.pane("district").district_form.editor("name")
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Harbor Unified")
    window.close()
    assert plan_on_disk(path).district.name == "Harbor Unified"


def test_opening_another_plan_keeps_what_a_long_text_was_typing(
        qtbot: QtBot, make_window: MakeWindow, make_plan_file: MakePlanFile) -> None:
    window = make_window(PLAN_TO_TYPE_IN)
    path = window.plan_path()
    window.workspace.show_pane("vision")
    statement = window.workspace.pane("vision").statement.editor("statement")
    statement.setFocus()
    qtbot.keyClicks(statement, "Every student learns anywhere.")
    assert window.open_path(make_plan_file(model.Plan(), "other.techplan"))
    assert plan_on_disk(path).vision.statement == "Every student learns anywhere."
