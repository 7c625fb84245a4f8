"""Budget: funding by year, lines linked to goals and sources, live totals, and the funding gap."""

from __future__ import annotations

from decimal import Decimal

from fixture_types import MakeWindow
from guihelpers import cell_editor, column_of, edit_cell, press_enter, saved
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.ui.panes.budget.budget import BudgetPane
from summit_app.ui.window.main_window import MainWindow

GOAL = model.Goal("g1", "Reliable devices")
PLAN = model.Plan(district=model.District(name="Harbor", enrollment=1000, first_fiscal_year=2027, plan_years=3),
                  goals=(GOAL,))


def budget_pane(window: MainWindow) -> BudgetPane:
    window.workspace.show_pane("budget")
    pane = window.workspace.pane("budget")
    assert isinstance(pane, BudgetPane)
    return pane


def amount_column(pane: BudgetPane, year_index: int) -> int:
    return next(i for i, c in enumerate(pane.sources.model.columns) if c.field == "amounts" and c.index == year_index)


def test_sources_lines_totals_and_gap(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    pane = budget_pane(window)
    qtbot.mouseClick(pane.sources.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), "General fund")
    press_enter(qtbot, window.focusWidget())
    edit_cell(qtbot, pane.sources, 0, amount_column(pane, 0), "$20,000.50")
    edit_cell(qtbot, pane.sources, 0, amount_column(pane, 1), "10000")
    assert saved(window).funding[0].amounts[:3] == (Decimal("20000.50"), Decimal("10000.00"), Decimal("0.00"))
    assert pane.sources.model.data(pane.sources.model.index(0, amount_column(pane, 0))) == "$20,000.50"

    qtbot.mouseClick(pane.lines.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), "Chromebooks")
    press_enter(qtbot, window.focusWidget())
    lines = pane.lines
    edit_cell(qtbot, lines, 0, column_of(lines, "unit_cost"), "$300")
    edit_cell(qtbot, lines, 0, column_of(lines, "quantity"), "50")
    goal = cell_editor(qtbot, lines, 0, column_of(lines, "goal_id"))
    qtbot.keyClicks(goal, "Reliable")
    press_enter(qtbot, goal)
    source = cell_editor(qtbot, lines, 0, column_of(lines, "funding_source_id"))
    qtbot.keyClicks(source, "General")
    press_enter(qtbot, source)
    line = saved(window).budget[0]
    assert (line.description, line.unit_cost, line.quantity) == ("Chromebooks", Decimal("300.00"), 50)
    assert line.goal_id == "g1"
    assert line.funding_source_id == saved(window).funding[0].id
    assert pane.summary.figures["total"].text() == "$15,000"
    assert pane.summary.figures["per_student"].text() == "$15.00"
    assert pane.summary.figures["gap"].text() == "Fully funded"

    edit_cell(qtbot, lines, 0, column_of(lines, "quantity"), "80")  # $24,000 in FY2027 against $20,000.50
    gap = pane.summary.figures["gap"]
    assert gap.text() == "$4,000"
    assert gap.objectName() == "gapFigure"
    gap_cell = pane.summary.by_year.item(2, 0)
    assert gap_cell.text() == "$3,999.50"
    assert gap_cell.foreground().color().name() == "#b42318"

    window.actions_["undo"].trigger()
    assert saved(window).budget[0].quantity == 50
    assert pane.summary.figures["gap"].text() == "Fully funded"


def test_per_year_columns_follow_the_plan_years(make_window: MakeWindow) -> None:
    pane = budget_pane(make_window(PLAN))
    hidden = [pane.sources.view.isColumnHidden(amount_column(pane, i)) for i in range(5)]
    assert hidden == [False, False, False, True, True]
    headers = [pane.sources.model.headerData(amount_column(pane, i), Qt.Orientation.Horizontal) for i in range(3)]
    assert headers == ["FY2027", "FY2028", "FY2029"]


def test_a_year_outside_the_plan_is_refused_and_explained(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN.replace(budget=(model.BudgetLine("l1", "Wi-Fi", first_year=2027, last_year=2027),)))
    pane = budget_pane(window)
    edit_cell(qtbot, pane.lines, 0, column_of(pane.lines, "first_year"), "2035")
    assert saved(window).budget[0].first_year == 2027
    assert "outside the plan's years" in window.statusBar().currentMessage()


def test_budget_models_are_valid(make_window: MakeWindow, qtmodeltester: ModelTester) -> None:
    pane = budget_pane(make_window())
    qtmodeltester.check(pane.sources.model)
    qtmodeltester.check(pane.lines.model)


def test_a_cost_charged_to_no_source_is_not_fully_funded(qtbot: QtBot, make_window: MakeWindow) -> None:
    """Funding that outweighs the cost does not make a line without a source paid: the headline says so."""
    source = model.FundingSource("general", "General fund", "general-fund",
                                 amounts=(Decimal("50000"),) * model.MAX_PLAN_YEARS)
    line = model.BudgetLine("line-1", "Chromebooks", "devices", unit_cost=Decimal("300"), quantity=50,
                            first_year=2027, last_year=2027)
    window = make_window(PLAN.replace(funding=(source,), budget=(line,)))
    pane = budget_pane(window)
    gap = pane.summary.figures["gap"]
    assert gap.text() == "$15,000 with no source"
    assert gap.objectName() == "gapFigure"
    source_cell = cell_editor(qtbot, pane.lines, 0, column_of(pane.lines, "funding_source_id"))
    qtbot.keyClicks(source_cell, "General")
    press_enter(qtbot, source_cell)
    assert saved(window).budget[0].funding_source_id == "general"
    assert gap.text() == "Fully funded"
    assert gap.objectName() == "okFigure"
