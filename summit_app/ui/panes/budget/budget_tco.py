"""Total cost of ownership and the E-Rate box of the Budget pane.

The figures are ``plan.tco.total_cost`` (annualised direct cost per student and
per device, staff time in training, device replacement need against what is
budgeted) and ``plan.erate`` (each E-Rate line's discount and local match, the
five-year Category 2 budget); this module only lays them out.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHeaderView, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.erate import Category2Budget, ErateShare, category2_budget, erate_share
from summit_app.plan.tco import TotalCost, total_cost
from summit_app.ui.base import theme
from summit_app.ui.fields.formats import money, number
from summit_app.ui.panes.budget.budget_summary import _cell, _fit_height, _table
from summit_app.ui.panes.readiness.readiness_detail import make_card, section_title

TCO_FIGURES = (
    ("per_student", "Per student per year"),
    ("per_device", "Per device per year"),
    ("direct", "Direct cost per year"),
    ("training", "Staff time in training"),
    ("need", "Device replacement needed per year"),
    ("budgeted", "Replacement budgeted per year"),
    ("gap", "Replacement gap per year"),
)
ERATE_HEADERS = ["Budget line", "Category", "Discount", "E-Rate a year", "Local match a year", "Match paid from"]


def _per(value: Decimal | None) -> str:
    return money(value) if value is not None else "—"


def tco_texts(cost: TotalCost) -> dict[str, str]:
    """Each figure of the total cost of ownership as the pane shows it."""
    return {
        "per_student": _per(cost.per_student_per_year),
        "per_device": _per(cost.per_device_per_year),
        "direct": money(cost.direct_per_year),
        "training": f"{number(cost.indirect_training_hours_per_year)} hours a year",
        "need": money(cost.replacement_need_per_year),
        "budgeted": money(cost.replacement_budgeted_per_year),
        "gap": money(cost.replacement_gap_per_year) if cost.replacement_gap_per_year else "None",
    }


class TotalCostView(QFrame):
    """The plan's cost per student and per device a year, staff time in training, and the replacement gap."""

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_card(self)
        self.content = content
        layout = QVBoxLayout(self)
        layout.addWidget(section_title("Total cost of ownership"))
        note = QLabel("Annualised: devices spread over their refresh cycle, other one-time costs over the "
                      "plan's years. Staff time in training is an indirect cost the budget does not pay.")
        note.setWordWrap(True)
        theme.mark(note, "muted")
        layout.addWidget(note)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.figures: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate(TCO_FIGURES):
            label = QLabel(caption)
            value = QLabel()
            value.setAccessibleName(caption)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setBuddy(value)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.figures[key] = value
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    def refresh(self, plan: model.Plan) -> None:
        cost = total_cost(plan, self.content)
        for key, text in tco_texts(cost).items():
            self.figures[key].setText(text)
        for key in ("per_student", "per_device"):
            theme.mark(self.figures[key], "totalFigure")
        theme.mark(self.figures["gap"], "gapFigure" if cost.replacement_gap_per_year > 0 else "okFigure")


def category2_text(budget: Category2Budget | None) -> str:
    if budget is None:
        return ("No E-Rate source in the plan (or no Category 2 cycle known for its years): "
                "no Category 2 budget to track.")
    years = f"funding years {budget.first_funding_year}–{budget.last_funding_year}"
    return (f"Category 2 budget for {years}: {money(budget.total)} before discount; "
            f"the plan uses {money(budget.committed)}, leaving {money(budget.left)}.")


#: One row of the E-Rate table as shown: line, category, rate, discount, local match, match unfunded, match source.
ErateRow = tuple[str, str, str, str, str, bool, str]


class ErateView(QFrame):
    """Each E-Rate line's discount and local match, and the five-year Category 2 budget with what is left."""

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_card(self)
        self.content = content
        layout = QVBoxLayout(self)
        layout.addWidget(section_title("E-Rate"))
        self.rate = QLabel()
        self.rate.setWordWrap(True)
        theme.mark(self.rate, "muted")
        layout.addWidget(self.rate)
        self.table = _table("E-Rate lines")
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.category2 = QLabel()
        self.category2.setWordWrap(True)
        self.category2.setAccessibleName("Category 2 budget")
        layout.addWidget(self.category2)
        self._shown: list[ErateRow] | None = None
        layout.addStretch(1)

    def _rows(self, plan: model.Plan, shares: list[tuple[model.BudgetLine, ErateShare]]) -> list[ErateRow]:
        names = {s.id: s.name for s in plan.funding}
        rows = []
        for line, share in shares:
            category = self.content.name_of("erate_categories", share.category).split(":")[0] \
                if share.category else "—"
            match = names.get(share.match_source_id or "", "none named: unfunded")
            rows.append((line.description, category, f"{share.rate_percent}%", money(share.discount_per_year),
                         money(share.local_match_per_year), not share.match_source_id, match))
        return rows

    def refresh(self, plan: model.Plan) -> None:
        caps = ", ".join(f"{e.name.split(':')[0]} at most {e.get('max_discount_percent')}%"
                         for e in self.content.vocabulary("erate_categories"))
        self.rate.setText(f"The district's discount: {plan.district.erate_discount_percent}% ({caps}).")
        shares = [(line, s) for line in plan.budget if (s := erate_share(plan, self.content, line)) is not None]
        self._fill(plan, shares)
        budget = category2_budget(plan, self.content)
        self.category2.setText(category2_text(budget))
        theme.mark(self.category2, "gapFigure" if budget is not None and budget.left < 0 else "muted")

    def _fill(self, plan: model.Plan, shares: list[tuple[model.BudgetLine, ErateShare]]) -> None:
        rows = self._rows(plan, shares)
        if rows == self._shown:  # most edits touch no E-Rate line: the table stays as it is, sized
            return
        self._shown = rows
        table = self.table
        table.setVisible(bool(rows))
        table.setRowCount(len(rows))
        table.setColumnCount(len(ERATE_HEADERS))
        table.setHorizontalHeaderLabels(ERATE_HEADERS)
        for row, (description, category, rate, discount, match, unfunded, source) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(description))
            table.setItem(row, 1, QTableWidgetItem(category))
            table.setItem(row, 2, _cell(rate))
            table.setItem(row, 3, _cell(discount))
            table.setItem(row, 4, _cell(match, danger=unfunded))
            table.setItem(row, 5, QTableWidgetItem(source))
        _fit_height(table)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
