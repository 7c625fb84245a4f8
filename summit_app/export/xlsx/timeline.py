"""The Timeline sheet: milestones in date order (undated ones last), with status and goals."""

from __future__ import annotations

from datetime import date

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font

from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.grid import HEADER_ROW, Column, TableSpec, Value
from summit_app.export.xlsx.styles import Kind
from summit_app.plan import model

MILESTONES = "Milestones"
STATUS_COLUMN = "E"


def milestones_spec(book: Book) -> TableSpec:
    return TableSpec(MILESTONES, (
        Column("Date", Kind.DATE, 14),
        Column("Milestone", Kind.WRAP, 46),
        Column("Kind", Kind.TEXT, 20, choices=book.lists["milestone_kinds"]),
        Column("Owner", Kind.WRAP, 24),
        Column("Status", Kind.TEXT, 14, choices=book.lists["statuses"]),
        Column("Goals", Kind.WRAP, 48),
    ))


def _in_date_order(milestones: tuple[model.Milestone, ...]) -> list[model.Milestone]:
    return sorted(milestones, key=lambda m: (m.due_date is None, m.due_date or date.min))


def _row(book: Book, milestone: model.Milestone) -> list[Value]:
    kind = book.name_of("milestone_kinds", milestone.kind)
    return [milestone.due_date, milestone.title, kind, milestone.owner, book.name_of("statuses", milestone.status),
            book.goal_labels(milestone.goal_ids)]


def write_timeline(book: Book) -> None:
    writer = book.sheet("Timeline")
    writer.title("Timeline and evaluation", book.subtitle)
    placed = writer.table(milestones_spec(book), (_row(book, m) for m in _in_date_order(book.plan.milestones)))
    cell = f"${STATUS_COLUMN}{HEADER_ROW + 1}"
    at_risk = book.name_of("statuses", "at-risk")
    writer.sheet.conditional_formatting.add(
        f"{STATUS_COLUMN}{HEADER_ROW + 1}:{STATUS_COLUMN}{placed.last_row}",
        FormulaRule(formula=[f'{cell}="{at_risk}"'], font=Font(bold=True, color="9C0006")))
    writer.finish(district=book.district, sheet_name="Timeline", freeze="B5", title_rows="4:4")
