"""Opening plans from the window: refusals as the CLI words them, locked plans, read-only files and mode."""

from __future__ import annotations

import io
import os
import stat
from contextlib import redirect_stderr
from pathlib import Path

from fixture_types import MakePlanFile, MakeWindow
from guihelpers import ScriptedPrompts, plan_on_disk, saved
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from summit_app import cli
from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.store.plan_file import PlanFile
from summit_app.ui.base import theme
from summit_app.ui.base.prompts import COPY, READ_ONLY

PLAN = model.Plan(district=model.District(name="Harbor"), members=(model.TeamMember("m1", "Ana Adams"),))


def cli_error(path: Path) -> str:
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        assert cli.main(["info", str(path)]) == 2
    return stderr.getvalue().strip().removeprefix("summit-app: error: ")


def test_a_damaged_file_is_refused_with_the_cli_reason(make_window: MakeWindow, prompts: ScriptedPrompts,
                                                       tmp_path: Path) -> None:
    bad = tmp_path / "notes.techplan"
    bad.write_text("not a plan")
    prompts.script("error", None)
    window = make_window(path=bad)
    assert window.context is None
    assert window.pages.currentWidget() is window.welcome
    title, message = prompts.asked[-1][1]
    assert (title, message) == ("Cannot open plan", cli_error(bad))
    assert bad.read_text() == "not a plan"


def test_a_locked_plan_opens_read_only_with_editing_off(qtbot: QtBot, make_window: MakeWindow,
                                                        make_plan_file: MakePlanFile,
                                                        prompts: ScriptedPrompts) -> None:
    path = make_plan_file(PLAN)
    with PlanFile.open(path, holder="Dana at table 4"):
        prompts.script("plan_locked", READ_ONLY)
        window = make_window(path=path)
        holder = prompts.asked[-1][1][1]
        assert holder.name == "Dana at table 4"
        assert window.context.read_only
        assert window.read_only_badge.isVisibleTo(window)
        assert "(read-only)" in window.windowTitle()
        district = window.workspace.pane("district")
        name = district.district_form.editor("name")
        assert isinstance(name, QLineEdit)
        assert name.isReadOnly()
        assert name.palette().color(QPalette.ColorRole.Base).name() == theme.READ_ONLY_BASE  # greyed, visibly
        assert not district.team.add_button.isEnabled()
        index = district.team.model.index(0, 0)
        assert not district.team.model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert not district.team.model.setData(index, "Someone", Qt.ItemDataRole.EditRole)
        assert not window.context.edit(SetField("district", "", "name", "Changed"))
        assert window.statusBar().currentMessage() == "Not changed: This plan is open read-only."
        window.close()
    assert plan_on_disk(path) == PLAN


def test_a_locked_plan_can_be_opened_as_a_copy(make_window: MakeWindow, make_plan_file: MakePlanFile,
                                               prompts: ScriptedPrompts, tmp_path: Path) -> None:
    path = make_plan_file(PLAN)
    with PlanFile.open(path, holder="Dana"):
        prompts.script("plan_locked", COPY)
        prompts.script("save_path", tmp_path / "mine")
        window = make_window(path=path)
        assert window.plan_path() == tmp_path / "mine.techplan"
        assert not window.context.read_only
        assert window.context.edit(SetField("district", "", "name", "Harbor (draft)"))
        assert saved(window).district.name == "Harbor (draft)"
        window.close()
    assert plan_on_disk(path).district.name == "Harbor"


def test_cancelling_a_locked_plan_opens_nothing(make_window: MakeWindow, make_plan_file: MakePlanFile,
                                                prompts: ScriptedPrompts) -> None:
    path = make_plan_file(PLAN)
    with PlanFile.open(path, holder="Dana"):
        prompts.script("plan_locked", None)
        window = make_window(path=path)
        assert window.context is None


def test_a_read_only_file_is_offered_read_only(make_window: MakeWindow, make_plan_file: MakePlanFile,
                                               prompts: ScriptedPrompts) -> None:
    path = make_plan_file(PLAN)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        prompts.script("offer_read_only", True)
        window = make_window(path=path)
        assert "read-only" in prompts.asked[-1][1][1]
        assert window.context.read_only
        assert window.saved_label.text() == "Opened read-only"
    finally:
        window.close()
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_open_from_the_file_menu(make_window: MakeWindow, make_plan_file: MakePlanFile,
                                 prompts: ScriptedPrompts) -> None:
    window = make_window()
    other = make_plan_file(PLAN, "other.techplan")
    prompts.script("open_path", other)
    window.actions_["open"].trigger()
    assert window.plan_path() == other
    assert window.windowTitle().startswith("Harbor")
