"""Present mode: full screen, large type, nothing private, never an edit, Esc back to the editor."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from guihelpers import saved, shortcut
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QFontInfo, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.plan.fields import specs
from summit_app.plan.progress import STEPS
from summit_app.ui.facilitation.present.mode import PresentMode
from summit_app.ui.facilitation.present.privacy import public_text
from summit_app.ui.facilitation.present.theme import body_px
from summit_app.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

PRIVATE_NOTE = "Private: the board chair will vote against any new spending"


def marked_private(plan: model.Plan) -> tuple[model.Plan, list[str]]:
    """Every private field of every record set to a value that must never reach the projector."""
    secrets: list[str] = []

    def mark(record: Any, where: str) -> Any:
        changes = {}
        for spec in specs(type(record)):
            if spec.private:
                changes[spec.name] = f"secret-{where}-{spec.name}@hidden.example"
                secrets.append(changes[spec.name])
        return dataclasses.replace(record, **changes) if changes else record

    changes: dict[str, Any] = {name: mark(getattr(plan, name), name) for name in model.SINGLETONS}
    for name in model.COLLECTIONS:
        changes[name] = tuple(mark(item, f"{name}-{item.id}") for item in getattr(plan, name))
    return plan.replace(**changes), secrets


def with_private_note(plan: model.Plan, element_id: str) -> model.Plan:
    ratings = [r if r.id != element_id else dataclasses.replace(r, notes=f"Shared evidence.\n{PRIVATE_NOTE}")
               for r in plan.readiness]
    network = dataclasses.replace(plan.network, notes=f"[private] the WAN contract is in dispute\n{plan.network.notes}")
    return plan.replace(readiness=tuple(ratings), network=network)


def visible_text(root: QWidget) -> str:
    """Everything the room could read on the stage: labels, fields, and every cell of every table."""
    parts: list[str] = []
    for label in root.findChildren(QLabel):
        parts.append(label.text())
    for edit in root.findChildren(QLineEdit):
        parts.append(edit.text())
    for text in root.findChildren(QPlainTextEdit):
        parts.append(text.toPlainText())
    for view in root.findChildren(QAbstractItemView):
        parts.extend(_cells(view))
    return "\n".join(parts)


def _cells(view: QAbstractItemView) -> list[str]:
    table = view.model()
    if table is None:
        return []
    out = []
    pending = [view.rootIndex()]
    while pending:
        parent = pending.pop()
        columns = 1 if isinstance(view, QListView) else table.columnCount(parent)
        for row in range(table.rowCount(parent)):
            for column in range(columns):
                index = table.index(row, column, parent)
                out.append(str(table.data(index) or ""))
                out.append(str(table.data(index, Qt.ItemDataRole.ToolTipRole) or ""))
            if not isinstance(view, QListView):
                pending.append(table.index(row, 0, parent))
    return out


def present(window: MainWindow, qtbot: QtBot) -> PresentMode:
    mode = window.facilitator.present
    window.actions_["present"].trigger()
    assert mode.active
    assert mode.stage is not None
    qtbot.waitUntil(mode.stage.isVisible)
    return mode


def test_present_enters_full_screen_and_esc_restores_the_editor(make_window: Any, qtbot: QtBot) -> None:
    window = make_window()
    window.workspace.show_pane("vision")
    before = saved(window)
    mode = window.facilitator.present
    shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_F5)
    stage = mode.stage
    assert mode.active
    assert stage is not None
    assert stage.isFullScreen()
    assert stage.title.text() == "Vision & goals"
    assert not mode.audience  # one screen: the stage replaces the editor, no console
    qtbot.keyClick(stage, Qt.Key.Key_Escape)
    assert not mode.active
    assert not stage.isVisible()
    assert window.isVisible()
    assert not window.isFullScreen()
    assert window.workspace.navigator.current_pane() == "vision"
    assert window.context.undo_stack.count() == 0
    assert saved(window) == before  # present mode wrote nothing


def test_present_type_is_large_and_scales_with_the_screen(make_window: Any, qtbot: QtBot) -> None:
    assert body_px(1080) >= 24
    assert body_px(2160) == 2 * body_px(1080)
    assert body_px(720) < body_px(1080)
    window = make_window()
    editor_prompt = _prompt_label(window.workspace.current_pane())
    mode = present(window, qtbot)
    height = QGuiApplication.primaryScreen().geometry().height()
    assert mode.stage.body_px == body_px(height)
    prompt = _prompt_label(mode.stage.current_pane())
    shown = QFontInfo(prompt.font()).pixelSize()
    assert shown == body_px(height)
    assert shown > QFontInfo(editor_prompt.font()).pixelSize()
    assert QFontInfo(mode.stage.title.font()).pixelSize() > shown
    assert QFontInfo(mode.stage.timer.font()).pixelSize() > shown
    mode.leave()


def _prompt_label(pane: QWidget) -> QLabel:
    return next(lb for lb in pane.findChildren(QLabel) if lb.text().startswith("<b>Ask the table"))


def test_every_private_field_stays_off_every_presented_pane(make_window: Any, demo: model.Plan,
                                                             qtbot: QtBot) -> None:
    element = demo.readiness[0].id
    plan, secrets = marked_private(with_private_note(demo, element))
    assert len(secrets) >= len(demo.members)
    window = make_window(plan)
    editor_text = "\n".join(m.email for m in window.context.plan.members)
    assert secrets[0] in editor_text  # the editor itself still holds them
    mode = present(window, qtbot)
    for pane_id, _title in STEPS:
        window.workspace.show_pane(pane_id)
        QApplication.processEvents()
        assert mode.stage.pane_id == pane_id
        text = visible_text(mode.stage)
        leaked = [s for s in secrets if s in text]
        assert not leaked, f"{pane_id} shows {leaked[:2]}"
        assert "board chair" not in text
        assert "in dispute" not in text
    mode.stage.pane("readiness").select_item("readiness", element)
    assert "Shared evidence." in visible_text(mode.stage)  # the rest of the note is shown
    mode.leave()


def test_private_lines_are_dropped_from_notes() -> None:
    assert public_text("Evidence.\nPRIVATE: mine\n  [Private] also mine\nMore.") == "Evidence.\nMore."
    assert public_text("Nothing to hide") == "Nothing to hide"


def test_present_mode_cannot_edit_the_plan(make_window: Any, qtbot: QtBot) -> None:
    window = make_window()
    mode = present(window, qtbot)
    assert mode.context is not None
    assert mode.context.read_only
    assert not mode.context.edit(SetField("district", "", "name", "Changed"))
    editor = mode.stage.current_pane().findChild(QLineEdit)
    assert editor is not None
    assert editor.isReadOnly()
    mode.leave()
    assert saved(window).district.name == window.context.plan.district.name != "Changed"


def test_the_stage_follows_the_editor_and_the_plan(make_window: Any, qtbot: QtBot) -> None:
    window = make_window()
    mode = present(window, qtbot)
    mode.stage.controls.next_button.click()
    assert window.workspace.navigator.current_pane() == "readiness"
    assert mode.stage.title.text() == "Readiness"
    window.context.edit(SetField("district", "", "name", "Renamed Valley"))
    assert mode.stage.district.text() == "Renamed Valley"
    mode.leave()


def test_a_second_screen_shows_the_room_and_freezes(make_window: Any, qtbot: QtBot) -> None:
    window = make_window()
    screen = QGuiApplication.primaryScreen()
    mode = window.facilitator.present
    mode.screens = lambda: [screen, screen]  # a projector beside the laptop
    window.workspace.show_pane("vision")
    assert mode.enter()
    assert mode.audience
    assert mode.console is not None
    assert mode.console.isVisible()
    stage = mode.stage
    assert stage.isFullScreen()
    assert stage.controls is None
    assert window.isVisible()
    assert not window.isFullScreen()
    statement = stage.pane("vision").findChild(QPlainTextEdit)
    old = statement.toPlainText()
    mode.console.controls.freeze_button.click()
    assert stage.frozen
    assert stage.stack.currentWidget() is stage.snapshot
    window.context.edit(SetField("vision", "", "statement", "A brand new vision"))
    window.workspace.show_pane("budget")
    assert stage.pane_id == "vision"
    assert statement.toPlainText() == old
    mode.console.controls.freeze_button.click()
    assert not stage.frozen
    assert stage.pane_id == "budget"
    assert stage.title.text() == "Budget"
    window.workspace.show_pane("vision")
    assert statement.toPlainText() == "A brand new vision"
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc in the editor ends it too
    assert not mode.active
    assert not stage.isVisible()


def test_present_is_off_without_a_plan(qtbot: QtBot, prompts: Any, tmp_path: Path) -> None:
    from summit_app.ui.base.preferences import Preferences

    window = MainWindow(Preferences(), prompts, remember=False)
    qtbot.addWidget(window)
    assert not window.actions_["present"].isEnabled()
    assert not window.facilitator.present.enter()


def with_silent_ratings(plan: model.Plan, element_id: str, scores: list[int]) -> model.Plan:
    """Members' silent ratings of one element, which the table has already revealed to itself."""
    ratings = tuple(model.MemberRating(f"mr-{i}", element_id, m.id, s)
                    for i, (m, s) in enumerate(zip(plan.members, scores, strict=False)))
    readiness = tuple(dataclasses.replace(r, revealed=True) if r.id == element_id else r for r in plan.readiness)
    return plan.replace(member_ratings=ratings, readiness=readiness)


def test_reveal_shows_nothing_before_the_click(make_window: Any, demo: model.Plan, qtbot: QtBot) -> None:
    element = demo.readiness[0].id
    window = make_window(with_silent_ratings(demo, element, [1, 9, 4]))
    window.workspace.show_pane("readiness")
    window.workspace.current_pane().select_item("readiness", element)
    before = saved(window)
    mode = present(window, qtbot)
    stage = mode.stage
    assert stage.current_element() is not None
    assert stage.current_element()[0] == element
    panel = stage.reveal_panel
    assert panel.isVisible()
    assert "3 of" in panel.status.text()
    assert "Lowest" not in panel.status.text()
    assert not panel.plot.isVisible()
    assert panel.plot._scores == []
    assert "Lowest" not in visible_text(stage)
    assert "Median" not in visible_text(stage)
    assert not stage.pane("readiness").detail.silent.isVisible()  # the table's own entries are not shown
    qtbot.mouseClick(stage.controls.reveal_button, Qt.MouseButton.LeftButton)
    assert "Lowest 1 · Highest 9 · Spread 8 · Median 4" in panel.status.text()
    assert panel.plot.isVisible()
    assert sorted(panel.plot._scores) == [1, 4, 9]
    assert stage.controls.reveal_button.text() == "Hide ratings"
    mode.leave()
    assert saved(window) == before  # the reveal belongs to the presentation, not to the plan
    present(window, qtbot)
    assert "Lowest" not in window.facilitator.present.stage.reveal_panel.status.text()  # a new session hides again
    window.facilitator.present.leave()


def test_reveal_follows_the_element_chosen_on_the_laptop(make_window: Any, demo: model.Plan, qtbot: QtBot) -> None:
    first, second = demo.readiness[0].id, demo.readiness[1].id
    window = make_window(with_silent_ratings(demo, second, [2, 2, 6]))
    window.workspace.show_pane("readiness")
    mode = window.facilitator.present
    screen = QGuiApplication.primaryScreen()
    mode.screens = lambda: [screen, screen]
    assert mode.enter()
    console = mode.console
    assert mode.stage.current_element()[0] == first
    assert not console.controls.reveal_button.isVisibleTo(console)  # nobody rated the first element
    window.workspace.current_pane().select_item("readiness", second)
    assert mode.stage.current_element()[0] == second
    assert console.controls.reveal_button.isVisibleTo(console)
    console.controls.reveal_button.click()
    assert "Lowest 2 · Highest 6" in mode.stage.reveal_panel.status.text()
    mode.leave()


def test_closing_the_room_window_or_the_plan_ends_present_mode(make_window: Any, qtbot: QtBot) -> None:
    window = make_window()
    mode = present(window, qtbot)
    mode.stage.close()
    assert not mode.active
    stage = present(window, qtbot).stage
    window.close_plan()
    assert not mode.active
    assert not stage.isVisible()
    assert not mode.enter()  # no plan, nothing to present


def test_present_mode_is_a_window_to_assistive_technology(make_window: Any) -> None:
    window = make_window()
    mode = window.facilitator.present
    assert mode.enter()
    stage = mode.stage
    interface = QAccessible.queryAccessibleInterface(stage)
    assert interface.role() == QAccessible.Role.Window  # a frame, not a filler, to a screen reader
    assert interface.text(QAccessible.Text.Name) == "Summit Planner — presenting"
    mode.leave()


def test_the_room_sees_the_elements_description_levels_and_next_step_at_projector_size(
        make_window: Any, demo: model.Plan, qtbot: QtBot) -> None:
    window = make_window()
    mode = present(window, qtbot)
    window.workspace.show_pane("readiness")
    QApplication.processEvents()
    pane = mode.stage.pane("readiness")
    assert pane.select_item("readiness", "ri-refresh")
    element = window.context.content.element("ri-refresh")
    assert element is not None
    detail = pane.detail
    assert detail.isVisible()
    assert detail.description.isVisible()
    assert detail.description.text() == element.description
    for level in window.context.content.levels:
        label = detail.anchors[level.id]
        assert label.isVisible()
        assert element.anchor(level.id) in label.text()
        assert QFontInfo(label.font()).pixelSize() == mode.stage.body_px  # projector type, not editor type
    score = next(r.score for r in demo.readiness if r.id == "ri-refresh")
    marked = window.context.content.level_for(score).id
    assert [lid for lid, label in detail.anchors.items() if "◀" in label.text()] == [marked]
    assert element.next_step in detail.next_step.text()
    assert detail.next_step.isVisible()
    mode.leave()
