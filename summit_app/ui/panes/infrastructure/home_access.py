"""Home access and accessibility: the ``equity`` record, the budget behind the hotspot plan, the ADA deadline.

Two forms side by side: who can get online at home and how devices go home
(with what the budget already holds for hotspots and home internet, read from
``plan.equity``), and the students who need assistive technology (with the
date by which the district's posted documents and web content must meet
WCAG 2.1 AA, from the population it serves).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.equity import HomeAccessBudget, home_access_budget, home_access_unfunded, wcag_deadline
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields import formats
from summit_app.ui.fields.form_section import FormSection, note_label

HOME_FIELDS = ["no_home_internet_percent", "take_home", "loaner_policy", "hotspot_plan"]
ACCESS_FIELDS = ["assistive_students", "assistive_plan", "public_entity_size"]
BUDGET_CAPTION = "Budgeted for hotspots and home internet"


def budget_text(funding: HomeAccessBudget) -> str:
    """What the budget holds for hotspots and home internet, year by year, in one or two sentences."""
    if not funding.lines:
        return "No budget line pays for hotspots or home internet yet."
    count = f"{funding.lines} budget line{'s' if funding.lines != 1 else ''}"
    amounts = set(funding.by_year.values())
    years = list(funding.by_year)
    if len(amounts) == 1 and len(years) > 1:
        spent = f"{formats.money_short(amounts.pop())} a year, FY{years[0]}–FY{years[-1]}"
    else:
        spent = " · ".join(f"FY{year} {formats.money_short(amount)}" for year, amount in funding.by_year.items())
    text = f"{count}: {spent}."
    if funding.unfunded:
        text += f" {funding.unfunded} of them name{'s' if funding.unfunded == 1 else ''} no funding source."
    return text


def ada_text(deadline: str) -> str:
    """The ADA Title II deadline for the district's size, or what to choose to see it."""
    if not deadline:
        return "Choose it to see by when posted documents and web content must meet WCAG 2.1 AA (ADA Title II)."
    return f"ADA Title II: documents and web content the district posts must meet WCAG 2.1 AA by {deadline}."


def _short_numbers(form: FormSection) -> None:
    """A share or a head count needs a few digits, not the column's width."""
    for editor in form.editors.values():
        if isinstance(editor, QAbstractSpinBox):
            editor.setMaximumWidth(editor.fontMetrics().horizontalAdvance("0") * 14)


class HomeAccessSection(QWidget):
    """The ``equity`` record's two forms and the two read-outs under them."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content: Content = context.content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Home access and accessibility")
        theme.mark(title, "sectionTitle")
        layout.addWidget(title)
        row = QHBoxLayout()
        self.home = FormSection(context, "equity", HOME_FIELDS)
        self.access = FormSection(context, "equity", ACCESS_FIELDS)
        self.budget_note = note_label(BUDGET_CAPTION)
        self.ada_note = note_label("ADA Title II deadline")
        theme.mark(self.ada_note, "muted")
        self.home.form.addRow(BUDGET_CAPTION, self.budget_note)  # the caption names the note (its buddy)
        self.access.form.addRow(self.ada_note)  # under the population it follows
        for form in (self.home, self.access):
            form.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # long labels above their fields
            _short_numbers(form)
            row.addWidget(form, 1)
            row.addSpacing(24)
        layout.addLayout(row)

    def refresh(self, plan: model.Plan) -> None:
        self.home.refresh(plan)
        self.access.refresh(plan)
        funding = home_access_budget(plan, self.content)
        equity = plan.equity
        unpaid = home_access_unfunded(plan, funding, self.content)
        self.budget_note.setText(f"None, while devices go home and {equity.no_home_internet_percent}% of students "
                                 "lack internet there." if unpaid else budget_text(funding))
        role = "gapFigure" if unpaid else "muted"
        if self.budget_note.objectName() != role:  # a new look only when it changes (present mode keeps its own)
            theme.mark(self.budget_note, role)
        self.ada_note.setText(ada_text(wcag_deadline(equity, self.content)))
