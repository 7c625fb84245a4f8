"""The name at the table: set from the File menu or the status bar, remembered, and written to the edit log."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_types import MakePlanFile, MakeWindow
from guihelpers import ScriptedPrompts, type_into
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.store.plan_file import PlanFile
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.window.main_window import MainWindow

PLAN = model.Plan(district=model.District(name="Harbor"))


def log_of(path: Path) -> list[tuple[str, str]]:
    """(author, label) of every edit-log entry, read from the file on disk."""
    with PlanFile.open(path, read_only=True) as plan_file:
        return [(entry.author, entry.label) for entry in plan_file.edit_log()]


def district_name(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    return window.workspace.pane("district").district_form.editor("name")  # type: ignore[attr-defined]


def test_the_name_chosen_in_the_file_menu_is_logged_with_every_edit(
        qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts) -> None:
    window = make_window(PLAN)
    path = window.plan_path()
    type_into(qtbot, district_name(window), "Harbor Unified")
    before = window.author()
    prompts.script("author_name", "  Ana Adams ")
    window.actions_["author"].trigger()
    assert prompts.asked[-1] == ("author_name", (before,))
    type_into(qtbot, district_name(window), "Harbor Unified School District")
    assert window.author_button.text() == "Editing as Ana Adams"
    assert window.preferences.author == "Ana Adams"
    window.close_plan()
    assert log_of(path)[-2:] == [(before, "Change District name"), ("Ana Adams", "Change District name")]


def test_the_status_bar_name_asks_too_and_cancel_keeps_the_name(
        qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts) -> None:
    window = make_window(PLAN)
    prompts.script("author_name", "Ben Ortiz", None)
    qtbot.mouseClick(window.author_button, Qt.MouseButton.LeftButton)
    assert window.author_button.text() == "Editing as Ben Ortiz"
    window.author_button.click()
    assert prompts.asked[-1] == ("author_name", ("Ben Ortiz",))
    assert window.author_button.text() == "Editing as Ben Ortiz"
    assert window.context.document.author == "Ben Ortiz"


def test_the_name_is_remembered_for_the_next_session(qtbot: QtBot, prompts: ScriptedPrompts,
                                                     make_plan_file: MakePlanFile,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = make_plan_file(PLAN)
    first = MainWindow(Preferences.load(), prompts, remember=True)
    qtbot.addWidget(first)
    prompts.script("author_name", "Carmen Diaz")
    first.actions_["author"].trigger()  # before any plan is open: the welcome screen's window
    first.close()

    again = MainWindow(Preferences.load(), prompts, remember=True)
    qtbot.addWidget(again)
    assert again.author_button.text() == "Editing as Carmen Diaz"
    again.open_path(path)
    type_into(qtbot, district_name(again), "Harbor Unified")
    again.close()
    assert log_of(path)[-1] == ("Carmen Diaz", "Change District name")
