"""Data privacy and Infrastructure: the app inventory, practices rated 1–4, the network against targets, devices."""

from __future__ import annotations

from fixture_types import MakeWindow
from guihelpers import cell_editor, column_of, edit_cell, press_enter, saved, type_into
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from summit_app.plan import model

PLAN = model.Plan(district=model.District(name="Harbor", enrollment=1000, staff=100))


def test_app_inventory_and_practice_ratings(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    window.workspace.show_pane("privacy")
    pane = window.workspace.pane("privacy")
    apps = pane.apps
    qtbot.mouseClick(apps.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), "Reading Rocket")
    press_enter(qtbot, window.focusWidget())
    categories = cell_editor(qtbot, apps, 0, column_of(apps, "data_categories"))
    categories.setCurrentRow(0)
    qtbot.keyClick(categories, Qt.Key.Key_Space)
    press_enter(qtbot, categories)
    agreement = cell_editor(qtbot, apps, 0, column_of(apps, "agreement_status"))
    qtbot.keyClicks(agreement, "Signed")
    press_enter(qtbot, agreement)
    app = saved(window).apps[0]
    first_category = window.context.content.vocabulary("data_categories")[0].id
    assert (app.name, app.data_categories, app.agreement_status) == ("Reading Rocket", (first_category,), "signed")
    assert pane.totals.text() == ("1 apps and services · 1 with a signed agreement · 0 approved · "
                                  "0 with an accessibility report on file")

    practices = pane.practices_model
    index = practices.index(0, 2)
    pane.practices.setCurrentIndex(index)
    pane.practices.setFocus()
    qtbot.keyClick(pane.practices, Qt.Key.Key_F2)
    rating = window.focusWidget()
    rating.selectAll()
    qtbot.keyClicks(rating, "3")
    press_enter(qtbot, rating)
    first_practice = practices.rows[0][1].id
    assert saved(window).practices == (model.PracticeRating(first_practice, 3),)
    assert practices.data(index).startswith("3 – ")
    window.actions_["undo"].trigger()
    assert saved(window).practices == ()
    assert practices.data(index) == "Not rated"


def test_accessibility_report_column_is_edited_undone_and_reopened(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN.replace(apps=(model.AppEntry("a1", name="Reading Rocket"),)))
    window.workspace.show_pane("privacy")
    pane = window.workspace.pane("privacy")
    column = column_of(pane.apps, "accessibility_report")
    assert pane.apps.model.headerData(column, Qt.Orientation.Horizontal) == "Accessibility report"
    report = cell_editor(qtbot, pane.apps, 0, column)
    qtbot.keyClicks(report, "On file")
    press_enter(qtbot, report)
    assert saved(window).apps[0].accessibility_report == "on-file"
    assert pane.apps.model.data(pane.apps.model.index(0, column)) == "On file: WCAG 2.1 AA"
    assert pane.totals.text().endswith(" · 1 with an accessibility report on file")
    window.actions_["undo"].trigger()
    assert saved(window).apps[0].accessibility_report == ""
    assert pane.apps.model.data(pane.apps.model.index(0, column)) == ""
    window.actions_["redo"].trigger()
    path = window.plan_path()
    window.close()
    again = make_window(path=path).workspace.pane("privacy")
    assert again.apps.model.data(again.apps.model.index(0, column)) == "On file: WCAG 2.1 AA"


def test_network_form_device_fleet_and_ratio(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    window.workspace.show_pane("infrastructure")
    pane = window.workspace.pane("infrastructure")
    type_into(qtbot, pane.network.editor("internet_mbps"), "220")
    assert saved(window).network.internet_mbps == 220
    qtbot.mouseClick(pane.fleet.add_button, Qt.MouseButton.LeftButton)
    kind = window.focusWidget()
    qtbot.keyClicks(kind, "Chromebook")
    press_enter(qtbot, kind)
    users = cell_editor(qtbot, pane.fleet, 0, column_of(pane.fleet, "users"))
    qtbot.keyClicks(users, "Students")
    press_enter(qtbot, users)
    edit_cell(qtbot, pane.fleet, 0, column_of(pane.fleet, "count"), "500")
    fleet = saved(window).devices[0]
    assert (fleet.device_type, fleet.users, fleet.count) == ("chromebook", "students", 500)
    readings = {what.text(): today.text() for what, today, _after in pane.reading_labels}
    assert readings["Student devices"] == "✗  0.50 devices per student"
    assert readings["Internet per 1,000 users"] == "✗  200 Mbps (target 1,000)"  # the reference is the default
    edit_cell(qtbot, pane.fleet, 0, column_of(pane.fleet, "count"), "1000")
    readings = {what.text(): today.text() for what, today, _after in pane.reading_labels}
    assert readings["Student devices"] == "✓  1.00 devices per student"


def test_privacy_and_device_models_are_valid(make_window: MakeWindow, qtmodeltester: ModelTester) -> None:
    window = make_window()
    privacy = window.workspace.pane("privacy")
    qtmodeltester.check(privacy.apps.model)
    qtmodeltester.check(privacy.practices_model)
    qtmodeltester.check(window.workspace.pane("infrastructure").fleet.model)
