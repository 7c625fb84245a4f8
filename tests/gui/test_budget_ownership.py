"""Budget: the selected line's device and E-Rate fields, total cost of ownership and the E-Rate box.

The plan is small enough to work out by hand (see each figure's comment).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from guihelpers import saved
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.ui.panes.budget.budget import BudgetPane

D = Decimal
PLAN = model.Plan(
    district=model.District(name="Harbor", enrollment=1000, schools=2, staff=100, teachers=60,
                            first_fiscal_year=2027, plan_years=4, erate_discount_percent=80),
    network=model.Network(internet_mbps=2000, wifi_coverage_percent=90),
    devices=(model.DeviceFleet("fleet", device_type="chromebook", users="students", count=600,
                               refresh_cycle_years=4),),
    learning=(model.LearningActivity("pd", title="Designing lessons", participants=50, hours=D(8)),),
    funding=(model.FundingSource("erate", name="E-Rate", kind="e-rate"),
             model.FundingSource("general", name="General fund", kind="general-fund")),
    upgrades=(model.NetworkUpgrade("up", title="Internet to 3 Gbps", effective_date=date(2026, 6, 1),
                                   internet_mbps=3000),),
    budget=(
        model.BudgetLine("books", description="Chromebooks", category="devices", device_type="chromebook",
                         unit_cost=D(300), quantity=600, first_year=2027, last_year=2027),
        model.BudgetLine("support", description="Support technician", category="support-staff", recurring=True,
                         unit_cost=D(50000), first_year=2027, last_year=2030),
        model.BudgetLine("reserve", description="Replacement reserve", category="device-replacement",
                         recurring=True, unit_cost=D(20000), first_year=2028, last_year=2030),
        model.BudgetLine("wifi", description="Wi-Fi access points", category="network", unit_cost=D(40000),
                         first_year=2027, last_year=2027, funding_source_id="erate"),
    ),
)


def budget_pane(window) -> BudgetPane:  # type: ignore[no-untyped-def]
    window.workspace.show_pane("budget")
    pane = window.workspace.pane("budget")
    assert isinstance(pane, BudgetPane)
    return pane


def test_total_cost_of_ownership_and_erate_figures(make_window) -> None:  # type: ignore[no-untyped-def]
    pane = budget_pane(make_window(PLAN))
    shown = {key: label.text() for key, label in pane.tco.figures.items()}
    # Direct, a year over FY2027-FY2030: Chromebooks $180,000 over their 4-year cycle = $45,000; support
    # $50,000; reserve $20,000 x 3 years / 4 = $15,000; Wi-Fi $40,000 one-time over 4 years = $10,000.
    assert shown["direct"] == "$120,000.00"
    assert shown["per_student"] == "$120.00"  # 1,000 students
    assert pane.summary.figures["ownership"].text() == "$120.00"  # also among the headline figures
    assert shown["per_device"] == "$100.00"  # 600 in service + 600 bought
    assert shown["training"] == "100 hours a year"  # 50 people x 8 hours over 4 years
    # Replacement: 1,200 Chromebooks x $300 / 4 years = $90,000 a year; the reserve puts $20,000 in FY2030.
    assert (shown["need"], shown["budgeted"], shown["gap"]) == ("$90,000.00", "$20,000.00", "$70,000.00")
    assert pane.tco.figures["gap"].objectName() == "gapFigure"

    erate = pane.erate.table
    assert erate.rowCount() == 1
    row = [erate.item(0, c).text() for c in range(erate.columnCount())]
    # No category named: Category 2, capped at 85 %, so the district's 80 % holds: $32,000 of $40,000.
    assert row == ["Wi-Fi access points", "Category 2", "80%", "$32,000.00", "$8,000.00", "none named: unfunded"]
    assert pane.erate.category2.text() == ("Category 2 budget for funding years 2026–2030: $201,570.00 before "
                                           "discount; the plan uses $40,000.00, leaving $161,570.00.")


def choose(qtbot: QtBot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    QApplication.processEvents()


def test_line_detail_fields_edit_the_selected_line(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(PLAN)
    pane = budget_pane(window)
    detail = pane.line_detail
    pane.lines.select("wifi")
    assert detail.title.text() == "Selected line: Wi-Fi access points"
    choose(qtbot, detail.erate.editor("erate_category"), "Category 1")
    choose(qtbot, detail.erate.editor("match_source_id"), "General")
    line = saved(window).budget[3]
    assert (line.erate_category, line.match_source_id) == ("category-1", "general")
    assert detail.erate_note.text() == ("E-Rate pays 80%: $32,000.00 a year. "
                                        "Local match $8,000.00 a year from General fund.")
    assert pane.erate.table.item(0, 5).text() == "General fund"
    assert pane.erate.category2.text().endswith("the plan uses $0.00, leaving $201,570.00.")  # now Category 1
    window.actions_["undo"].trigger()
    assert saved(window).budget[3].match_source_id is None

    pane.lines.select("books")
    assert detail.rollout_note.text().startswith("Delivered Jul 1, 2026: adds 600 student devices. "
                                                 "Network that day: internet 3,000 Mbps")  # the June upgrade
    choose(qtbot, detail.devices.editor("device_users"), "Staff")
    replaces = detail.devices.editor("replaces_devices")
    replaces.setFocus()
    qtbot.keyClick(replaces, Qt.Key.Key_Space)
    delivery = detail.devices.editor("delivery_date")
    delivery.setFocus()
    qtbot.keyClicks(delivery, "2026-05-15")
    qtbot.keyClick(delivery, Qt.Key.Key_Return)
    line = saved(window).budget[0]
    assert (line.device_users, line.replaces_devices, line.delivery_date) == ("staff", True, date(2026, 5, 15))
    assert "internet 2,000 Mbps" in detail.rollout_note.text()  # before the upgrade now
    assert "no net growth in student devices" in detail.rollout_note.text()
    window.actions_["undo"].trigger()
    assert saved(window).budget[0].delivery_date is None


def pick(qtbot: QtBot, combo, row: int) -> None:  # type: ignore[no-untyped-def]
    """Choose a combo's ``row`` in its open list, as one choice (typing two names within a second searches on)."""
    combo.window().activateWindow()
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    key = Qt.Key.Key_Down if row > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(row - combo.currentIndex())):
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_pilot_and_accessibility_report_of_device_and_software_lines(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    software = model.BudgetLine("lms", description="Learning management system", category="software",
                                recurring=True, unit_cost=D(9000), first_year=2027, last_year=2030)
    window = make_window(PLAN.replace(budget=(*PLAN.budget, software)))
    pane = budget_pane(window)
    detail = pane.line_detail
    report = detail.access.editor("accessibility_report")
    pane.lines.select("books")
    assert report.isVisibleTo(detail)
    assert detail.access_note.text().startswith("Ask the vendor for its accessibility conformance report")
    pilot = detail.devices.editor("pilot")
    pilot.window().activateWindow()
    pilot.setFocus()
    qtbot.keyClick(pilot, Qt.Key.Key_Space)
    pick(qtbot, report, 2)  # — none —, requested, on file
    line = saved(window).budget[0]
    assert (line.pilot, line.accessibility_report) == (True, "on-file")
    assert detail.access_note.text().startswith("The vendor reports WCAG 2.1 AA conformance")
    pilot_column = next(i for i, c in enumerate(pane.lines.model.columns) if c.field == "pilot")
    assert pane.lines.model.data(pane.lines.model.index(0, pilot_column), Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    window.actions_["undo"].trigger()
    assert saved(window).budget[0].accessibility_report == ""
    window.actions_["undo"].trigger()
    assert saved(window).budget[0].pilot is False
    assert not pilot.isChecked()
    window.actions_["redo"].trigger()
    assert saved(window).budget[0].pilot is True

    pane.lines.select("wifi")  # a network purchase: no report to ask for
    assert not report.isVisibleTo(detail)
    assert detail.access_note.text() == "Only device and software purchases need an accessibility conformance report."
    pane.lines.select("lms")
    assert report.isVisibleTo(detail)
    pick(qtbot, report, 1)
    assert saved(window).budget[4].accessibility_report == "requested"
    path = window.plan_path()
    window.close()
    again = budget_pane(make_window(path=path))
    again.lines.select("lms")
    assert again.line_detail.access.editor("accessibility_report").currentText() == "Requested from the vendor"
    again.lines.select("books")
    assert again.line_detail.devices.editor("pilot").isChecked()
