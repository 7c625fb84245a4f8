"""E-Rate on the Funding sheet: what the program pays and what the district matches, by funding year, and the
five-year Category 2 budget with what is left of it.

Every figure is a formula over the ``BudgetLines`` table (whose E-Rate columns
split each E-Rate line into the discount and the local match), so a changed
discount, category or unit cost shows here. E-Rate names its years for the
July they start: the column FY2028 is funding year 2027.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl.utils import get_column_letter

from summit_app.export.xlsx.book import LINES, Book, fy
from summit_app.export.xlsx.grid import Formula, SheetWriter
from summit_app.export.xlsx.styles import Kind
from summit_app.plan.erate import category2_budget, funding_year

FIRST_COL = 4  # as the Funding sheet's other blocks: label in A, years from D
VALUE_COL = 4
IS_ERATE = f'({LINES}[E-Rate discount (%)]<>"")'


def _year_row(writer: SheetWriter, row: int, label: str, formula_of: str, years: list[int], kind: Kind) -> None:
    """A labelled row of one formula per fiscal year (``{y}`` is the year's column) and their total."""
    writer.pair(row, label, None, Kind.LABEL, FIRST_COL)
    for j, year in enumerate(years):
        writer.put(row, FIRST_COL + j, Formula(formula_of.format(y=f"{LINES}[{fy(year)}]")), kind)
    span = f"{get_column_letter(FIRST_COL)}{row}:{get_column_letter(FIRST_COL + len(years) - 1)}{row}"
    writer.put(row, FIRST_COL + len(years), Formula(f"SUM({span})"), kind)


def _by_funding_year(book: Book, writer: SheetWriter, top: int) -> int:
    years = book.years
    writer.put(top, 1, "E-Rate: the discount and the local match, by fiscal year", Kind.SECTION)
    writer.header(top + 1, ["", "", "", *(fy(y) for y in years), "Total"],
                  over=[Kind.TEXT] * 3 + [Kind.MONEY] * (len(years) + 1))
    writer.pair(top + 2, "E-Rate funding year", None, Kind.LABEL, FIRST_COL)
    for j, year in enumerate(years):
        writer.put(top + 2, FIRST_COL + j, str(funding_year(year)), Kind.CENTERED)
    spends = "({y}<>0)"
    _year_row(writer, top + 3, "Cost of E-Rate lines, before the discount", f"SUMPRODUCT({IS_ERATE}*{{y}})",
              years, Kind.MONEY)
    _year_row(writer, top + 4, "E-Rate pays: the discount", f"SUMPRODUCT({spends}*{LINES}[E-Rate pays per year])",
              years, Kind.MONEY)
    _year_row(writer, top + 5, "The district pays: the local match",
              f"SUMPRODUCT({spends}*{LINES}[Local match per year])", years, Kind.MONEY)
    _year_row(writer, top + 6, "Local match with no source named (unfunded)",
              f'SUMPRODUCT(({LINES}[Local match from]="")*{spends}*{LINES}[Local match per year])', years,
              Kind.MONEY)
    writer.put(top + 7, 1, "E-Rate funding years start on 1 July and are named for that year: FY2028 is funding "
                           "year 2027. A line is an E-Rate line when its funding source is of the E-Rate kind; "
                           "the Local match from column of the Budget sheet names who pays the rest.", Kind.NOTE)
    return top + 9


def _category2(book: Book, writer: SheetWriter, top: int) -> int:
    writer.put(top, 1, "E-Rate Category 2 budget, before the discount", Kind.SECTION)
    budget = category2_budget(book.plan, book.content)
    if budget is None:
        writer.put(top + 1, 1, "No Category 2 budget applies: the plan has no E-Rate source, or none of its years "
                               "falls in a budget cycle.", Kind.NOTE)
        return top + 3
    cycle = next(c for c in book.content.figure("erate_program", "category2_cycles")
                 if int(c["first_funding_year"]) == budget.first_funding_year)
    names = {e.id: e.name for e in book.content.vocabulary("erate_categories")}
    default = str(book.content.figure("erate_program", "default_category"))
    category = f'({LINES}[E-Rate category]="{names["category-2"]}")'
    if default == "category-2":  # a line naming no category counts as Category 2
        category = f'({category}+({LINES}[E-Rate category]=""))'
    in_cycle = [y for y in book.years if budget.first_funding_year <= funding_year(y) <= budget.last_funding_year]
    committed = "+".join(f"SUMPRODUCT({IS_ERATE}*{category}*{LINES}[{fy(y)}])" for y in in_cycle) or "0"
    per, floor, total = top + 2, top + 3, top + 4
    v = get_column_letter(VALUE_COL)
    rows = [
        ("Funding years", f"{budget.first_funding_year}–{budget.last_funding_year}", Kind.TEXT),
        ("Per student", Decimal(str(cycle["per_student"])), Kind.MONEY_INPUT),
        ("At least (floor)", Decimal(str(cycle["floor"])), Kind.MONEY_INPUT),
        ("Five-year budget", Formula(f"MAX({v}{floor},ROUND({v}{per}*Enrollment,2))"), Kind.MONEY),
        ("Committed by this plan's Category 2 lines", Formula(committed), Kind.MONEY),
        ("Left", Formula(f"{v}{total}-{v}{total + 1}"), Kind.TOTAL_MONEY),
    ]
    for offset, (label, value, kind) in enumerate(rows, start=1):
        writer.pair(top + offset, label, value, kind, VALUE_COL)
    return top + len(rows) + 2


def write_erate(book: Book, writer: SheetWriter, top: int) -> int:
    """Both E-Rate blocks from ``top``; returns the next free row."""
    return _category2(book, writer, _by_funding_year(book, writer, top))
