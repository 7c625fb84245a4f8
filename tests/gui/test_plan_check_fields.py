"""The fields the plan checks read, edited where a team expects them: each lands in the file and undoes."""

from __future__ import annotations

from datetime import date

from guihelpers import cell_editor, column_of, edit_cell, press_enter, saved, shortcut, type_into
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from summit_app.plan import model

DISTRICT = model.District(name="Harbor", enrollment=2000, schools=4, staff=200, teachers=120,
                          first_fiscal_year=2027, plan_years=3)
PLAN = model.Plan(
    district=DISTRICT,
    goals=(model.Goal("g1", "Every student has a device"),),
    learning=(model.LearningActivity("pd1", title="Acceptable use video"),),
    milestones=(model.Milestone("m1", title="Board adopts the plan"),),
    budget=(model.BudgetLine("wifi", description="Wi-Fi access points", first_year=2027, last_year=2027),
            model.BudgetLine("fiber", description="Fiber build", first_year=2027, last_year=2027)),
)


def undo(window) -> None:  # type: ignore[no-untyped-def]
    window.actions_["undo"].trigger()


def test_district_erate_discount(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(PLAN)
    pane = window.workspace.pane("district")
    discount = pane.district_form.editor("erate_discount_percent")
    assert pane.district_form.labels["erate_discount_percent"].text() == "E-Rate discount (%)"
    type_into(qtbot, discount, "80")
    assert saved(window).district.erate_discount_percent == 80
    undo(window)
    assert saved(window).district.erate_discount_percent == 0
    assert discount.value() == 0


def test_network_today_targets_and_cipa(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(PLAN)
    window.workspace.show_pane("infrastructure")
    pane = window.workspace.pane("infrastructure")
    assert pane.network.labels["internet_mbps"].text() == "Internet bandwidth today (Mbps)"
    # 2,000 students over 4 schools: 500 a school, 10 Gbps per 1,000 of them is 5,000 Mbps a link.
    assert pane.targets.hints["target_wan_mbps"].text().startswith("Long-term reference: 5,000 Mbps")
    assert "2,200 Mbps for 2,200 users" in pane.targets.hints["target_mbps_per_1000"].text()
    type_into(qtbot, pane.targets.editor("target_wan_mbps"), "2000")
    type_into(qtbot, pane.network.editor("wan_mbps"), "1000")
    assert (saved(window).network.target_wan_mbps, saved(window).network.wan_mbps) == (2000, 1000)
    today = {what.text(): today.text() for what, today, _after in pane.reading_labels}
    assert today["WAN link per school"] == "✗  1,000 Mbps (target 2,000)"
    assert today["Support"] == "✗  no technicians"
    type_into(qtbot, pane.network.editor("support_technicians"), "1")
    qtbot.mouseClick(pane.fleet.add_button, Qt.MouseButton.LeftButton)
    press_enter(qtbot, window.focusWidget())
    edit_cell(qtbot, pane.fleet, 0, column_of(pane.fleet, "count"), "1500")
    support = {what.text(): today for what, today, _after in pane.reading_labels}["Support"]
    assert support.text() == "✗  1,500 devices per technician (at most 1,000)"  # past the strained figure
    assert support.objectName() == "gapFigure"
    type_into(qtbot, pane.network.editor("support_technicians"), "2")
    assert support.text() == "✓  750 devices per technician (at most 1,000)"
    for _ in range(4):  # the technicians, the count, the new fleet group, the technician
        undo(window)
    cipa = pane.network.editor("cipa_in_place")
    qtbot.mouseClick(cipa, Qt.MouseButton.LeftButton)
    assert saved(window).network.cipa_in_place is True
    undo(window)
    assert saved(window).network.cipa_in_place is False
    assert not cipa.isChecked()
    undo(window)
    assert saved(window).network.wan_mbps == 0


def test_planned_upgrades_rows_added_edited_removed(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(PLAN)
    window.workspace.show_pane("infrastructure")
    pane = window.workspace.pane("infrastructure")
    table = pane.upgrades
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), "Wi-Fi 6 refresh")
    press_enter(qtbot, window.focusWidget())
    when = cell_editor(qtbot, table, 0, column_of(table, "effective_date"))
    qtbot.keyClicks(when, "2027-08-01")
    press_enter(qtbot, when)
    edit_cell(qtbot, table, 0, column_of(table, "wifi_coverage_percent"), "100")
    edit_cell(qtbot, table, 0, column_of(table, "internet_mbps"), "5000")
    paid_by = cell_editor(qtbot, table, 0, column_of(table, "budget_line_ids"))
    paid_by.setCurrentRow(0)
    qtbot.keyClick(paid_by, Qt.Key.Key_Space)
    press_enter(qtbot, paid_by)
    upgrade = saved(window).upgrades[0]
    assert (upgrade.title, upgrade.effective_date) == ("Wi-Fi 6 refresh", date(2027, 8, 1))
    assert (upgrade.internet_mbps, upgrade.wan_mbps, upgrade.wifi_coverage_percent) == (5000, 0, 100)
    assert upgrade.budget_line_ids == ("wifi",)
    after = {what.text(): a.text() for what, _today, a in pane.reading_labels}
    assert after["Classrooms with Wi-Fi"] == "✓  100%"
    assert after["Internet per 1,000 users"] == "✓  2,273 Mbps (target 1,000)"  # 5,000 Mbps for 2,200 users
    assert pane.after_heading.text() == "After the planned upgrades"

    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), "Fiber ring")
    press_enter(qtbot, window.focusWidget())
    assert [u.title for u in saved(window).upgrades] == ["Wi-Fi 6 refresh", "Fiber ring"]
    table.select(saved(window).upgrades[0].id)
    shortcut(qtbot, table.view, Qt.Key.Key_Delete)
    assert [u.title for u in saved(window).upgrades] == ["Fiber ring"]
    undo(window)
    assert [u.title for u in saved(window).upgrades] == ["Wi-Fi 6 refresh", "Fiber ring"]


def test_learning_purpose_and_milestone_kind(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(PLAN)
    window.workspace.show_pane("learning")
    activities = window.workspace.pane("learning").activities
    column = column_of(activities, "purpose")
    assert activities.model.headerData(column, Qt.Orientation.Horizontal) == "Purpose"
    assert activities.model.data(activities.model.index(0, column)) == "Teaching with technology"
    purpose = cell_editor(qtbot, activities, 0, column)
    qtbot.keyClicks(purpose, "Compliance")
    press_enter(qtbot, purpose)
    assert saved(window).learning[0].purpose == "compliance"
    assert activities.model.data(activities.model.index(0, column)) == "Compliance or orientation"

    window.workspace.show_pane("timeline")
    milestones = window.workspace.pane("timeline").milestones
    kind = cell_editor(qtbot, milestones, 0, column_of(milestones, "kind"))
    qtbot.keyClicks(kind, "Board")
    press_enter(qtbot, kind)
    assert saved(window).milestones[0].kind == "board"
    undo(window)
    assert saved(window).milestones[0].kind == "milestone"
    undo(window)
    assert saved(window).learning[0].purpose == "instruction"
