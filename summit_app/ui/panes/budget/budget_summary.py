"""Live budget totals: cost, funding and gap by fiscal year, by category and by source, per student.

Recomputed from the plan on every refresh (``plan.budget.summarize``); a year
whose cost exceeds its funding is shown in red, in the table and the headline.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan import model
from summit_app.plan.budget import BudgetSummary, summarize
from summit_app.plan.content import Content
from summit_app.plan.formats import share
from summit_app.plan.tco import total_cost
from summit_app.ui.base import theme
from summit_app.ui.fields.formats import money, money_short

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    table.setTabKeyNavigation(False)  # one Tab stop: arrows move among the figures, Tab moves on
    table.setWordWrap(False)
    theme.table_look(table)
    return table


def _cell(text: str, *, danger: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(_RIGHT)
    if danger:
        item.setForeground(QBrush(QColor(theme.DANGER)))
        item.setBackground(QBrush(QColor(theme.DANGER_SOFT)))
    if bold or danger:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def _fit_height(table: QTableWidget) -> None:
    """Size the columns and rows once, after filling (sizing on every ``setItem`` is slow)."""
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
    roomy = table.verticalHeader().defaultSectionSize()  # the editor's rows, with room around the text
    for row in range(table.rowCount()):
        table.setRowHeight(row, max(roomy, table.rowHeight(row)))
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(rows + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2)


class BudgetSummaryView(QWidget):
    """Headline figures and the by-year, by-category and by-source totals."""

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.headline = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate((("total", "Plan cost"), ("funding", "Funding"),
                                                 ("gap", "Funding gap"), ("per_student", "Per student"),
                                                 ("ownership", "Ownership per student a year"))):
            self._figure(key, caption, column)
        layout.addLayout(self.headline)
        self.by_year = _table("Totals by fiscal year")
        layout.addWidget(self.by_year)
        row = QHBoxLayout()
        self.by_category = _table("Totals by category")
        self.by_source = _table("Totals by funding source")
        row.addWidget(self.by_category, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.by_source, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)

    def _figure(self, key: str, caption: str, column: int) -> None:
        label = QLabel(caption)
        theme.mark(label, "muted")
        value = QLabel()
        theme.mark(value, "totalFigure")
        value.setAccessibleName(caption)
        self.headline.addWidget(label, 0, column)
        self.headline.addWidget(value, 1, column)
        self.figures[key] = value

    def refresh(self, plan: model.Plan) -> None:
        summary = summarize(plan, self.content)  # an E-Rate line split between the program and its match
        self._headline(plan, summary)
        self._years(plan, summary)
        self._shares(self.by_category, "Category", {
            self.content.name_of("cost_categories", k) if k else "(no category)": v
            for k, v in summary.by_category.items()}, summary.total)
        names = {s.id: s.name for s in plan.funding}
        self._shares(self.by_source, "Funding source", {
            names.get(k, "(no source)") if k else "(no source)": v for k, v in summary.by_source.items()},
            summary.total)

    def _headline(self, plan: model.Plan, summary: BudgetSummary) -> None:
        gap = sum(summary.gaps().values(), Decimal("0"))
        per_student = summary.per_student(plan.district.enrollment)
        self.figures["total"].setText(money_short(summary.total))
        self.figures["funding"].setText(money_short(summary.funding_total))
        unassigned = summary.unassigned()
        no_source = f"{money_short(unassigned)} with no source" if unassigned else "Fully funded"
        self.figures["gap"].setText(money_short(gap) if gap else no_source)
        theme.mark(self.figures["gap"], "okFigure" if summary.fully_funded() else "gapFigure")
        self.figures["per_student"].setText(money(per_student) if per_student is not None else "—")
        ownership = total_cost(plan, self.content).per_student_per_year  # in full under Total cost of ownership
        self.figures["ownership"].setText(money(ownership) if ownership is not None else "—")

    def _years(self, plan: model.Plan, summary: BudgetSummary) -> None:
        table, years = self.by_year, summary.years
        rows = ("Cost", "Funding", "Gap", "Per student")
        table.setRowCount(len(rows))
        table.setColumnCount(len(years) + 1)
        table.setHorizontalHeaderLabels([f"FY{y}" for y in years] + ["All years"])
        table.setVerticalHeaderLabels(list(rows))
        enrollment = plan.district.enrollment
        for column, year in enumerate((*years, None)):
            cost = summary.total if year is None else summary.by_year[year]
            funding = summary.funding_total if year is None else summary.funding_by_year[year]
            gap = max(Decimal("0"), cost - funding) if year is None else summary.gap(year)
            per = summary.per_student(enrollment, year)
            table.setItem(0, column, _cell(money(cost), bold=year is None))
            table.setItem(1, column, _cell(money(funding), bold=year is None))
            table.setItem(2, column, _cell(money(gap) if gap else "—", danger=bool(gap)))
            table.setItem(3, column, _cell(money(per) if per is not None else "—"))
        _fit_height(table)

    def _shares(self, table: QTableWidget, title: str, totals: dict[str, Decimal], whole: Decimal) -> None:
        ordered = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
        table.setRowCount(len(ordered))
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([title, "Total", "Share"])
        table.verticalHeader().hide()
        for row, (name, amount) in enumerate(ordered):
            name_item = QTableWidgetItem(name)
            table.setItem(row, 0, name_item)
            table.setItem(row, 1, _cell(money(amount)))
            table.setItem(row, 2, _cell(share(amount, whole) if whole else "—"))
        _fit_height(table)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
