"""District & team: type the district's facts and the team into real widgets, then read the file back."""

from __future__ import annotations

from datetime import date

from fixture_types import MakeWindow
from guihelpers import cell_editor, column_of, press_enter, saved, shortcut, type_into
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.ui.fields.collection_model import CollectionModel
from summit_app.ui.panes.district.district import DistrictPane
from summit_app.ui.window.main_window import MainWindow


def district_pane(window: MainWindow) -> DistrictPane:
    pane = window.workspace.pane("district")
    assert isinstance(pane, DistrictPane)
    return pane


def test_district_facts_are_saved_as_typed(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    pane = district_pane(window)
    type_into(qtbot, pane.district_form.editor("name"), "Harbor Unified")
    type_into(qtbot, pane.district_form.editor("enrollment"), "12500")
    type_into(qtbot, pane.summit_form.editor("summit_city"), "Salem")
    type_into(qtbot, pane.summit_form.editor("summit_date"), "Apr 9, 2026")
    type_into(qtbot, pane.summit_form.editor("plan_years"), "4")
    plan = saved(window)
    assert plan.district.name == "Harbor Unified"
    assert plan.district.enrollment == 12500
    assert plan.district.summit_city == "Salem"
    assert plan.district.summit_date == date(2026, 4, 9)
    assert plan.district.plan_years == 4
    assert window.windowTitle().startswith("Harbor Unified — plan.techplan")
    assert window.saved_label.text().startswith("All changes saved")


def test_team_rows_are_added_edited_moved_and_removed(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan(district=model.District(name="Harbor")))
    team = district_pane(window).team
    qtbot.mouseClick(team.add_button, Qt.MouseButton.LeftButton)
    editor = window.focusWidget()  # the new row's name cell is being edited
    qtbot.keyClicks(editor, "Ana Adams")
    press_enter(qtbot, editor)
    role = cell_editor(qtbot, team, 0, column_of(team, "role"))
    qtbot.keyClicks(role, "Principal")
    press_enter(qtbot, role)
    shortcut(qtbot, team.view, Qt.Key.Key_Insert)
    qtbot.keyClicks(window.focusWidget(), "Ben Baker")
    press_enter(qtbot, window.focusWidget())
    assert [m.name for m in saved(window).members] == ["Ana Adams", "Ben Baker"]
    assert saved(window).members[0].role == "principal"
    assert team.model.data(team.model.index(0, column_of(team, "role"))) == "Principal"
    qtbot.mouseClick(team.up_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in saved(window).members] == ["Ben Baker", "Ana Adams"]
    shortcut(qtbot, team.view, Qt.Key.Key_Delete)
    assert [m.name for m in saved(window).members] == ["Ana Adams"]
    qtbot.mouseClick(team.remove_button, Qt.MouseButton.LeftButton)
    assert saved(window).members == ()
    window.actions_["undo"].trigger()
    assert [m.name for m in saved(window).members] == ["Ana Adams"]


def test_undo_and_redo_from_the_edit_menu_and_keyboard(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    pane = district_pane(window)
    type_into(qtbot, pane.district_form.editor("name"), "Harbor Unified")
    edit_cell_count = len(saved(window).members)
    assert edit_cell_count == 0
    undo, redo = window.actions_["undo"], window.actions_["redo"]
    assert undo.text() == "Undo Change District name"
    shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(window).district.name == ""
    assert pane.district_form.editor("name").text() == ""
    assert redo.text() == "Redo Change District name"
    shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_Z,
             Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert saved(window).district.name == "Harbor Unified"
    assert pane.district_form.editor("name").text() == "Harbor Unified"


def test_members_model_is_a_valid_qt_model(make_window: MakeWindow, qtmodeltester: ModelTester) -> None:
    window = make_window()
    members = district_pane(window).team.model
    assert isinstance(members, CollectionModel)
    qtmodeltester.check(members)


def test_low_income_share_and_peer_matching_are_saved_undone_and_reopened(qtbot: QtBot,
                                                                         make_window: MakeWindow) -> None:
    window = make_window(model.Plan(district=model.District(name="Harbor")))
    form = district_pane(window).district_form
    type_into(qtbot, form.editor("low_income_percent"), "41")
    opt_in = form.editor("peer_matching")
    shortcut(qtbot, opt_in, Qt.Key.Key_Space)
    assert (saved(window).district.low_income_percent, saved(window).district.peer_matching) == (41, True)
    assert "named to similar districts only when both of them opt in" in district_pane(window).peer_note.text()
    window.actions_["undo"].trigger()
    assert saved(window).district.peer_matching is False
    assert not opt_in.isChecked()
    window.actions_["undo"].trigger()
    assert saved(window).district.low_income_percent == 0
    assert form.editor("low_income_percent").value() == 0
    window.actions_["redo"].trigger()
    window.actions_["redo"].trigger()
    path = window.plan_path()
    window.close()
    again = district_pane(make_window(path=path)).district_form
    assert again.editor("low_income_percent").value() == 41
    assert again.editor("peer_matching").isChecked()


def test_recommended_seats_follow_the_members_roles(qtbot: QtBot, make_window: MakeWindow) -> None:
    members = (model.TeamMember("m1", name="Ana Adams", role="finance-officer"),
               model.TeamMember("m2", name="Ben Baker", role="principal"),
               model.TeamMember("m3", name="Cy Cole", role="parent-partner"))
    window = make_window(model.Plan(district=model.District(name="Harbor"), members=members))
    pane = district_pane(window)
    assert pane.seats.statuses() == {"Finance officer": "✓  Ana Adams",
                                     "Teacher or teacher leader": "✗  Open",
                                     "Parent or community partner": "✓  Cy Cole",
                                     "A team of 5–12": "✗  3 people"}
    role = cell_editor(qtbot, pane.team, 1, column_of(pane.team, "role"))
    qtbot.keyClicks(role, "Teacher")
    press_enter(qtbot, role)
    assert saved(window).members[1].role == "teacher-leader"
    assert pane.seats.statuses()["Teacher or teacher leader"] == "✓  Ben Baker"
    open_seat = pane.seats.rows[1][1]
    assert open_seat.objectName() != "gapFigure"
    role = cell_editor(qtbot, pane.team, 0, column_of(pane.team, "role"))
    qtbot.keyClicks(role, "Board")
    press_enter(qtbot, role)
    assert pane.seats.statuses()["Finance officer"] == "✗  Open"
    assert pane.seats.rows[0][1].objectName() == "gapFigure"
    window.actions_["undo"].trigger()
    assert pane.seats.statuses()["Finance officer"] == "✓  Ana Adams"
    for name in ("Dee", "Eve"):
        qtbot.mouseClick(pane.team.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.focusWidget(), name)
        press_enter(qtbot, window.focusWidget())
    assert pane.seats.statuses()["A team of 5–12"] == "✓  5 people"
