"""The Data Privacy sheets: the app and vendor inventory, and the privacy-program practices.

They are two sheets because each is a table with its own header, and a sheet
repeats one header row on every printed page. An agreement that is missing or
expired shows red, since those are the apps to chase before they are bought.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill

from summit_app.export.xlsx.book import Book
from summit_app.export.xlsx.grid import HEADER_ROW, Column, TableSpec, Value
from summit_app.export.xlsx.styles import Kind
from summit_app.plan import model

APPS = "AppInventory"
PRACTICES = "PrivacyPractices"
AGREEMENT_COLUMN = "F"


def apps_spec(book: Book) -> TableSpec:
    return TableSpec(APPS, (
        Column("App or service", Kind.WRAP, 26),
        Column("Vendor", Kind.WRAP, 20),
        Column("Purpose", Kind.WRAP, 30),
        Column("Used by", Kind.WRAP, 16),
        Column("Student data collected", Kind.WRAP, 40),
        Column("Agreement", Kind.TEXT, 12, choices=book.lists["agreement_statuses"]),
        Column("Agreement date", Kind.DATE, 14),
        Column("COPPA consent", Kind.WRAP, 22, choices=book.lists["consent_routes"]),
        Column("Retention and deletion", Kind.WRAP, 30),
        Column("Approval", Kind.TEXT, 15, choices=book.lists["approval_statuses"]),
        Column("Accessibility report", Kind.WRAP, 22, choices=book.lists["accessibility_reports"]),
    ))


def _app_row(book: Book, app: model.AppEntry) -> list[Value]:
    return [app.name, app.vendor, app.purpose, book.names_of("app_audiences", app.audience),
            book.names_of("data_categories", app.data_categories), book.name_of("agreement_statuses",
                                                                                app.agreement_status),
            app.agreement_date, book.name_of("consent_routes", app.consent_route), app.retention,
            book.name_of("approval_statuses", app.approval), book.name_of("accessibility_reports",
                                                                          app.accessibility_report)]


def _flag_missing_agreements(book: Book, last_row: int) -> None:
    """Red text on an agreement that is none, requested or expired (live: follows edits)."""
    sheet = book.workbook["Data Privacy"]
    first = HEADER_ROW + 1
    cell = f"${AGREEMENT_COLUMN}{first}"
    signed = book.name_of("agreement_statuses", "signed")
    rule = FormulaRule(formula=[f'AND({cell}<>"",{cell}<>"{signed}")'],
                       font=Font(color="9C0006"), fill=PatternFill("solid", bgColor="FFC7CE"))
    sheet.conditional_formatting.add(f"{AGREEMENT_COLUMN}{first}:{AGREEMENT_COLUMN}{last_row}", rule)


def write_apps(book: Book) -> None:
    writer = book.sheet("Data Privacy")
    writer.title("Data privacy: app and vendor inventory", book.subtitle)
    placed = writer.table(apps_spec(book), (_app_row(book, a) for a in book.plan.apps))
    _flag_missing_agreements(book, placed.last_row)
    writer.finish(district=book.district, sheet_name="Data Privacy", freeze="B5", title_rows="4:4")


def practices_spec(book: Book) -> TableSpec:
    partial = TableSpec(PRACTICES, ())
    rating = partial.this_row("Rating")
    level = (f'IF(ISNUMBER({rating}),LOOKUP({rating},{book.lists["practice_ratings"]},'
             f'{book.lists["practice_names"]}),"")')
    return TableSpec(PRACTICES, (
        Column("Area", Kind.TEXT, 24),
        Column("Practice", Kind.WRAP, 50),
        Column("Rating", Kind.SCORE_INPUT, 9, limits=(1, 4)),
        Column("Level", Kind.TEXT, 18, formula=level),
        Column("Notes", Kind.WRAP, 60),
    ))


def _practice_rows(book: Book) -> list[list[Value]]:
    ratings = {p.id: p for p in book.plan.practices}
    rows: list[list[Value]] = []
    for area in book.content.practice_areas:
        for practice in area.practices:
            rated = ratings.get(practice.id)
            rows.append([area.name, practice.name, rated.rating if rated else None, rated.notes if rated else ""])
    return rows


def write_practices(book: Book) -> None:
    writer = book.sheet("Privacy Practices")
    writer.title("Data privacy: program practices (rated 1–4)", book.subtitle)
    writer.table(practices_spec(book), _practice_rows(book))
    writer.finish(district=book.district, sheet_name="Privacy Practices", freeze="C5", title_rows="4:4")
