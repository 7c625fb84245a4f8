"""Budget: funding sources by year, budget lines tied to goals, and live totals with the funding gap.

Lines come last in the plan on purpose: each one names the goal it serves and
the source that pays for it, and the totals show at once whether the district
can afford the plan year by year.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from summit_app.plan import model
from summit_app.plan.budget import line_cost, line_total
from summit_app.plan.fields import Kind
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id
from summit_app.ui.fields.collection_model import CollectionModel, Column
from summit_app.ui.fields.table_section import TableSection
from summit_app.ui.pane import Pane
from summit_app.ui.panes.budget.budget_line_detail import LineDetail
from summit_app.ui.panes.budget.budget_summary import BudgetSummaryView
from summit_app.ui.panes.budget.budget_tco import ErateView, TotalCostView

YEARS = range(model.MAX_PLAN_YEARS)


def _year_cost(i: int) -> Column:
    def cost(plan: model.Plan, line: model.BudgetLine) -> object:
        years = plan.fiscal_years()
        return line_cost(line, years[i]) if i < len(years) else None
    return Column(f"cost_{i}", index=i, compute=cost, kind=Kind.DECIMAL)


SOURCE_COLUMNS = [Column("name"), Column("kind"), Column("recurring"),
                  *(Column("amounts", index=i) for i in YEARS),
                  Column("total", "Total", compute=lambda plan, s: sum(s.amounts[: plan.district.plan_years]))]
LINE_COLUMNS = [Column("description"), Column("category"), Column("goal_id"), Column("funding_source_id"),
                Column("recurring"), Column("pilot", "Pilot"), Column("unit_cost"), Column("quantity"),
                Column("first_year", fmt="year"),
                Column("last_year", fmt="year"), Column("app_id"), *(_year_cost(i) for i in YEARS),
                Column("total", "Line total", compute=lambda plan, line: line_total(line))]


def new_source(plan: model.Plan) -> model.FundingSource:
    return model.FundingSource(new_id(plan, "funding", "source"), name="New funding source")


def new_line(plan: model.Plan) -> model.BudgetLine:
    first = plan.district.first_fiscal_year
    return model.BudgetLine(new_id(plan, "budget", "line"), description="New budget line",
                            first_year=first, last_year=first)


class BudgetPane(Pane):
    pane_id = "budget"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.summary = BudgetSummaryView(context.content)
        self.body.addWidget(self.summary)
        self.sources = TableSection("Funding sources", CollectionModel(context, "funding", SOURCE_COLUMNS),
                                    "funding source", new_source, rows=6)
        self.lines = TableSection("Budget lines", CollectionModel(context, "budget", LINE_COLUMNS),
                                  "budget line", new_line, rows=14)
        self.line_detail = LineDetail(context)
        self.lines.current_changed.connect(self.line_detail.bind)
        self.body.addWidget(self.sources)
        self.body.addWidget(self.lines)
        self.body.addWidget(self.line_detail)
        self.tco = TotalCostView(context.content)
        self.erate = ErateView(context.content)
        self.body.addWidget(self.tco)
        self.body.addWidget(self.erate)
        self.body.addStretch(1)

    def _show_years(self, plan: model.Plan) -> None:
        """Show one amount column per plan year (a plan covers 3 to 5 years)."""
        for section, columns in ((self.sources, SOURCE_COLUMNS), (self.lines, LINE_COLUMNS)):
            for number, column in enumerate(columns):
                if column.index is not None:
                    section.view.setColumnHidden(number, column.index >= plan.district.plan_years)

    def refresh(self, plan: model.Plan) -> None:
        self.summary.refresh(plan)
        self.sources.refresh(plan)
        self.lines.refresh(plan)
        self.line_detail.refresh(plan)
        self.tco.refresh(plan)
        self.erate.refresh(plan)
        self._show_years(plan)

    def select_item(self, collection: str, item_id: str) -> bool:
        if collection == "funding":
            return self.sources.select(item_id)
        if collection == "budget":
            return self.lines.select(item_id)
        return False
