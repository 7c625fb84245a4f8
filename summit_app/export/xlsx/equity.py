"""The Access sheet: home access and accessibility (the Infrastructure pane's last section), next to Infrastructure.

The students without home internet and the money the budget holds for home
access are formulas: the first of the enrollment on the Summary, the second of
the budget lines whose category is for hotspots and home internet, so a change
on either sheet follows here.
"""

from __future__ import annotations

from summit_app.export.xlsx.book import LINES, Book
from summit_app.export.xlsx.grid import HEADER_ROW, Formula, SheetWriter, Value
from summit_app.export.xlsx.styles import Kind
from summit_app.plan import equity
from summit_app.plan.inventory import cost_role

SHEET = "Access"
VALUE_COL, VALUE_LETTER, LAST_COL = 2, "B", 5
TITLE = "Home access and accessibility"


def home_access_total(book: Book) -> Formula:
    """The budget lines' total over every category for home access (category names are content, not user text,
    so they are safe as SUMIFS criteria)."""
    names = [e.name for e in book.content.vocabulary("cost_categories")
             if cost_role(e.id, book.content) == equity.HOME_ACCESS]
    sums = [f'SUMIFS({LINES}[Line total],{LINES}[Category],"{name}")' for name in names]
    return Formula("+".join(sums) or "0")


def wcag_deadline(book: Book) -> str:
    """When web content and documents must meet WCAG 2.1 AA, for the population the district serves."""
    return equity.wcag_deadline(book.plan.equity, book.content)


def deadlines(book: Book) -> str:
    """Every population size's deadline, e.g. "by April 2027 for 50,000 people or more, by April 2028 for …"."""
    return ", ".join(f"by {deadline}" for deadline in equity.wcag_deadlines(book.content))


def _rows(book: Book, percent_cell: str) -> list[tuple[str, Value, Kind]]:
    equity = book.plan.equity
    return [
        ("Students without reliable home internet (%)", equity.no_home_internet_percent, Kind.COUNT_INPUT),
        ("Students without reliable home internet (about)",
         Formula(f"ROUND(Enrollment*{percent_cell}/100,0)"), Kind.COUNT),
        ("Devices at home", book.name_of("take_home_policies", equity.take_home), Kind.TEXT),
        ("Take-home and loaner policy", equity.loaner_policy, Kind.WRAP),
        ("Hotspots and home internet", equity.hotspot_plan, Kind.WRAP),
        ("Budgeted for hotspots and home internet (all years)", home_access_total(book), Kind.MONEY),
        ("Students with IEP or 504 technology needs", equity.assistive_students, Kind.COUNT_INPUT),
        ("Devices and assistive technology for them", equity.assistive_plan, Kind.WRAP),
        ("Population the district serves", book.name_of("public_entity_sizes", equity.public_entity_size), Kind.TEXT),
        ("WCAG 2.1 AA deadline (ADA Title II rule)", wcag_deadline(book), Kind.TEXT),
    ]


def write_equity(book: Book) -> None:
    writer = book.sheet(SHEET)
    writer.title(TITLE, book.subtitle)
    writer.width(1, 48)
    for col in range(VALUE_COL, LAST_COL + 1):
        writer.width(col, 22)
    _block(book, writer, HEADER_ROW)
    writer.finish(district=book.district, sheet_name=SHEET, freeze=None, title_rows=None)


def _block(book: Book, writer: SheetWriter, top: int) -> None:
    """The labelled facts from ``top`` (the labels run on over the blank cells before the values), then a note."""
    rows = _rows(book, f"{VALUE_LETTER}{top}")
    for offset, (label, value, kind) in enumerate(rows):
        if kind is Kind.WRAP:
            writer.pair(top + offset, label, None, Kind.LABEL, VALUE_COL)
            writer.block_text(top + offset, VALUE_COL, LAST_COL, str(value))
        else:
            writer.pair(top + offset, label, value, kind, VALUE_COL)
    note = top + len(rows) + 1
    writer.put(note, 1, "Under the ADA Title II rule, web content and documents the district posts must meet WCAG "
                        "2.1 AA:", Kind.NOTE)
    writer.put(note + 1, 1, f"{deadlines(book)}.", Kind.NOTE)
