"""Infrastructure: home access and accessibility, typed into the real form, undone, and read back after reopening."""

from __future__ import annotations

from decimal import Decimal

from fixture_types import MakeWindow
from guihelpers import saved, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.ui.panes.infrastructure.home_access import HomeAccessSection
from summit_app.ui.window.main_window import MainWindow

D = Decimal
PLAN = model.Plan(
    district=model.District(name="Harbor", enrollment=1000, first_fiscal_year=2027, plan_years=3),
    funding=(model.FundingSource("general", name="General fund", kind="general-fund", recurring=True),),
    budget=(model.BudgetLine("data", description="Hotspot data plans", category="home-access", recurring=True,
                             unit_cost=D("180.00"), quantity=100, first_year=2027, last_year=2029,
                             funding_source_id="general"),
            model.BudgetLine("hotspots", description="Hotspots", category="home-access",
                             unit_cost=D("120.00"), quantity=100, first_year=2028, last_year=2028),
            model.BudgetLine("books", description="Chromebooks", category="devices", device_type="chromebook",
                             unit_cost=D("300.00"), quantity=100, first_year=2027, last_year=2027)),
)


def section(window: MainWindow) -> HomeAccessSection:
    window.workspace.show_pane("infrastructure")
    found = window.workspace.pane("infrastructure").home_access
    assert isinstance(found, HomeAccessSection)
    return found


def focus(widget: QWidget) -> None:
    """Focus a field; offscreen, the window must be made active again first or focus never moves."""
    widget.window().activateWindow()
    QApplication.processEvents()
    widget.setFocus()


def choose(qtbot: QtBot, combo: QWidget, text: str) -> None:
    focus(combo)
    qtbot.keyClicks(combo, text)
    QApplication.processEvents()


def write(qtbot: QtBot, editor: QWidget, text: str, then: QWidget) -> None:
    """Type a long text, then leave it (which saves it)."""
    focus(editor)
    qtbot.keyClicks(editor, text)
    focus(then)
    QApplication.processEvents()


def test_every_field_is_saved_undone_and_shown_after_reopening(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    home = section(window)
    type_into(qtbot, home.home.editor("no_home_internet_percent"), "18")
    choose(qtbot, home.home.editor("take_home"), "Loaners")
    leave = home.access.editor("assistive_students")
    write(qtbot, home.home.editor("loaner_policy"), "Library loans, one week at a time.", leave)
    write(qtbot, home.home.editor("hotspot_plan"), "100 hotspots from the general fund.", leave)
    type_into(qtbot, home.access.editor("assistive_students"), "64")
    write(qtbot, home.access.editor("assistive_plan"), "Switch access kits.", home.home.editor("take_home"))
    choose(qtbot, home.access.editor("public_entity_size"), "Fewer")
    expected = model.Equity(no_home_internet_percent=18, take_home="loaner",
                            loaner_policy="Library loans, one week at a time.",
                            hotspot_plan="100 hotspots from the general fund.", assistive_students=64,
                            assistive_plan="Switch access kits.", public_entity_size="under-50000")
    assert saved(window).equity == expected

    undo = window.actions_["undo"]
    assert undo.text() == "Undo Change Population the district serves"
    undo.trigger()
    assert saved(window).equity.public_entity_size == ""
    assert home.access.editor("public_entity_size").currentText() == "— none —"
    undo.trigger()
    assert saved(window).equity.assistive_plan == ""
    assert home.access.editor("assistive_plan").toPlainText() == ""
    window.actions_["redo"].trigger()
    window.actions_["redo"].trigger()
    assert saved(window).equity == expected

    path = window.plan_path()
    window.close()
    again = section(make_window(path=path))
    assert again.home.editor("no_home_internet_percent").value() == 18
    assert again.home.editor("take_home").currentText() == "Loaners on request"
    assert again.home.editor("hotspot_plan").toPlainText() == "100 hotspots from the general fund."
    assert again.access.editor("assistive_students").value() == 64
    assert again.access.editor("public_entity_size").value() == "under-50000"


def test_the_ada_deadline_follows_the_population_served(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    home = section(window)
    assert "Choose it to see" in home.ada_note.text()
    choose(qtbot, home.access.editor("public_entity_size"), "50,000")
    assert home.ada_note.text() == ("ADA Title II: documents and web content the district posts must meet "
                                    "WCAG 2.1 AA by April 2027.")
    focus(home.access.editor("public_entity_size"))
    qtbot.keyClick(home.access.editor("public_entity_size"), Qt.Key.Key_End)  # the last: fewer than 50,000
    assert saved(window).equity.public_entity_size == "under-50000"
    assert home.ada_note.text().endswith("by April 2028.")
    window.actions_["undo"].trigger()
    assert home.ada_note.text().endswith("by April 2027.")


def test_the_budget_for_home_access_is_read_out_beside_the_hotspot_plan(qtbot: QtBot,
                                                                        make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    home = section(window)
    # Data plans $18,000 every year; hotspots $12,000 in FY2028 with no source; the Chromebooks are not home access.
    assert home.budget_note.text() == ("2 budget lines: FY2027 $18,000 · FY2028 $30,000 · FY2029 $18,000. "
                                       "1 of them names no funding source.")
    assert home.budget_note.objectName() == "muted"
    budget = window.workspace.pane("budget")
    window.workspace.show_pane("budget")
    budget.lines.select("hotspots")
    budget.lines.remove()
    window.workspace.show_pane("infrastructure")
    assert home.budget_note.text() == "1 budget line: $18,000 a year, FY2027–FY2029."


def test_devices_going_home_with_nothing_budgeted_stand_out(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN.replace(budget=PLAN.budget[2:]))
    home = section(window)
    assert home.budget_note.text() == "No budget line pays for hotspots or home internet yet."
    type_into(qtbot, home.home.editor("no_home_internet_percent"), "25")
    assert home.budget_note.objectName() == "muted"  # devices stay at school so far
    choose(qtbot, home.home.editor("take_home"), "Every student")
    assert saved(window).equity.take_home == "take-home"
    assert home.budget_note.objectName() == "gapFigure"
    assert home.budget_note.text() == "None, while devices go home and 25% of students lack internet there."
    focus(home.home.editor("take_home"))
    qtbot.keyClick(home.home.editor("take_home"), Qt.Key.Key_Home)  # back to "— none —"
    QApplication.processEvents()
    assert home.budget_note.objectName() == "muted"
