"""The Help menu (guide, shortcuts, About) and File ▸ Import plan from JSON."""

from __future__ import annotations

import json
from pathlib import Path

import PySide6
from fixture_types import MakeWindow
from guihelpers import ScriptedPrompts, plan_on_disk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QTextBrowser
from pytestqt.qtbot import QtBot

from summit_app import __version__
from summit_app.plan import model
from summit_app.plan.interchange import dumps
from summit_app.ui.window.main_window import MainWindow


def _close_help(window: MainWindow) -> None:
    for shown in window.help_windows.values():
        shown.close()


def test_the_user_guide_opens_offline_with_its_pictures(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.actions_["guide"].trigger()
    guide = window.help_windows["guide"]
    assert guide.isVisible()
    text = guide.findChild(QTextBrowser, "guide-text")
    body = text.toPlainText()
    assert "District & team" in body
    assert "Review & sign" in body
    image = text.document().resource(3, text.document().baseUrl().resolved("screenshots/pane-district.png"))  # 3: image
    assert image is not None
    assert not image.isNull()
    assert text.horizontalScrollBar().maximum() == 0  # the pictures fit the window
    _close_help(window)


def test_f1_opens_the_guide(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.activateWindow()
    window.workspace.navigator.setFocus()
    qtbot.keyClick(window.workspace.navigator, Qt.Key.Key_F1)
    assert window.help_windows["guide"].isVisible()
    _close_help(window)


def test_the_shortcuts_sheet_lists_the_windows_own_shortcuts(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.actions_["shortcuts"].trigger()
    table = window.help_windows["shortcuts"].findChild(QTableWidget, "shortcut-table")
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["Present"] == "F5"
    assert rows["Zoom In"].startswith("Ctrl+=")
    assert "Ctrl+Z" in rows["Undo"]
    assert any("calendar" in what for what in rows)
    assert rows["1 District & team"] == "Ctrl+1"
    assert "" not in rows.values()
    assert "Import plan from JSON" not in rows  # only what has keys is listed
    _close_help(window)


def test_about_names_the_versions(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.actions_["about"].trigger()
    facts = window.help_windows["about"].findChild(QLabel, "about-versions").text()
    assert f"Summit Planner: {__version__}" in facts
    assert f"PySide6: {PySide6.__version__}" in facts
    assert "SQLite: " in facts
    window.actions_["about"].trigger()  # asked again: the same window comes forward
    assert len([w for w in QApplication.topLevelWidgets() if w.objectName() == "about" and w.isVisible()]) == 1
    _close_help(window)


def test_import_a_json_plan_into_a_new_plan_file(qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts,
                                                 demo: model.Plan,
                                                tmp_path: Path) -> None:
    window = make_window(model.Plan())
    source = tmp_path / "from finance.json"
    source.write_text(dumps(demo), encoding="utf-8")
    prompts.script("open_json", source)
    prompts.script("save_path", tmp_path / "Imported")
    assert window.import_json()
    assert window.plan_path() == tmp_path / "Imported.techplan"
    assert plan_on_disk(tmp_path / "Imported.techplan") == demo
    assert window.workspace.pane("district").district_form.editor("name").text() == demo.district.name


def test_an_invalid_json_plan_is_refused_with_the_field_named(qtbot: QtBot, make_window: MakeWindow,
                                                              prompts: ScriptedPrompts,
                                                              demo: model.Plan, tmp_path: Path) -> None:
    window = make_window(model.Plan())
    opened = window.plan_path()
    doc = json.loads(dumps(demo))
    doc["budget"]["lines"][0]["unit_cost"] = "lots"
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    prompts.script("open_json", source)
    prompts.script("error", None)
    assert not window.import_json()
    title, message = prompts.asked[-1][1]
    assert title == "Cannot import this file"
    assert "unit_cost" in message
    assert window.plan_path() == opened
    assert [p.name for p in tmp_path.glob("*.techplan")] == [opened.name]  # no plan file was made from it
