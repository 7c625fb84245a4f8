"""The Budget and Funding sheets: every figure the finance office checks, live.

A budget line's yearly cost, each fiscal year's spend and the line total are
formulas of its unit cost, quantity, years and recurring flag; totals by year
and by funding source are formulas over the ``BudgetLines`` table. Change a
unit cost in Excel and every total that depends on it follows.

Totals by source match lines to sources by name with ``SUMPRODUCT`` and ``=``
rather than ``SUMIF``: a source is named by the team, and ``SUMIF`` would read
a name such as ``<5k grants`` or ``Title*`` as a comparison or a wildcard.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from summit_app.export.xlsx.book import DISCOUNT, LINES, Book, fy
from summit_app.export.xlsx.erate import write_erate
from summit_app.export.xlsx.grid import Column, Formula, Placed, SheetWriter, TableSpec, Value
from summit_app.export.xlsx.lists import YES_NO
from summit_app.export.xlsx.styles import Kind
from summit_app.plan import model
from summit_app.plan.erate import ERATE_KIND

SOURCES = "FundingSources"
#: The defined name the Funding source drop-downs read: the source names, however many.
SOURCE_NAMES = "FundingSourceNames"


def _year_formula(spec: TableSpec, year: int) -> str:
    """The line's cost in ``year``: its yearly cost within its years (one year unless recurring)."""
    first, last = spec.this_row("First year"), spec.this_row("Last year")
    until = f'IF({spec.this_row("Recurring")}="Yes",{last},{first})'
    return f"IF(AND({first}<={year},{year}<={until}),{spec.this_row('Cost per year')},0)"


def lines_spec(book: Book) -> TableSpec:
    years = [fy(y) for y in book.years]
    partial = TableSpec(LINES, ())
    columns = (
        Column("Budget line", Kind.WRAP, 32),
        Column("Category", Kind.WRAP, 18, choices=book.lists["cost_categories"]),
        Column("Goal", Kind.WRAP, 24),
        Column("Funding source", Kind.WRAP, 16, choices=SOURCE_NAMES),
        Column("App (privacy inventory)", Kind.WRAP, 15),
        Column("Recurring", Kind.CENTERED, 10, choices=YES_NO),
        Column("Unit cost", Kind.MONEY_INPUT, 13),
        Column("Quantity", Kind.COUNT_INPUT, 9),
        Column("First year", Kind.YEAR_INPUT, 7),
        Column("Last year", Kind.YEAR_INPUT, 7),
        Column("Cost per year", Kind.MONEY, 14,
               formula=f"{partial.this_row('Unit cost')}*{partial.this_row('Quantity')}"),
        *(Column(name, Kind.MONEY, 14, formula=_year_formula(partial, y)) for name, y in zip(years, book.years,
                                                                                          strict=True)),
        Column("Line total", Kind.MONEY, 16, formula=f"SUM({LINES}[[#This Row],[{years[0]}]:[{years[-1]}]])"),
        *_erate_columns(book, partial),
        Column("Device", Kind.TEXT, 16, choices=book.lists["device_types"]),
        Column("Devices used by", Kind.TEXT, 11, choices=book.lists["device_users"]),
        Column("Replaces devices", Kind.CENTERED, 11, choices=YES_NO),
        Column("Delivery", Kind.DATE, 13),
        Column("Device pilot", Kind.CENTERED, 9, choices=YES_NO),
        Column("Accessibility report", Kind.WRAP, 20, choices=book.lists["accessibility_reports"]),
    )
    return TableSpec(LINES, columns)


def _erate_columns(book: Book, partial: TableSpec) -> tuple[Column, ...]:
    """An E-Rate line's category, who pays its local match, its discount rate and the two shares per year.

    A line is an E-Rate line when its funding source is of the E-Rate kind (looked up on the Funding
    sheet, so changing a source's kind there follows); its rate is the district's discount
    (``ErateDiscount`` on the Summary), capped by its category, a line naming none taking the
    default category's cap (plan/erate.py). Other lines show no rate and no match.
    """
    caps = {e.name: int(e.get("max_discount_percent", 0)) for e in book.content.vocabulary("erate_categories")}
    default = caps[book.name_of("erate_categories", str(book.content.figure("erate_program", "default_category")))]
    erate = book.name_of("funding_kinds", ERATE_KIND)
    source, category = partial.this_row("Funding source"), partial.this_row("E-Rate category")
    is_erate = f'SUMPRODUCT(({SOURCES}[Funding source]={source})*({SOURCES}[Kind]="{erate}"))>0'
    cap = "".join(f'IF({category}="{name}",{limit},' for name, limit in caps.items()) + f"{default}" + ")" * len(caps)
    rate, cost = partial.this_row("E-Rate discount (%)"), partial.this_row("Cost per year")
    return (
        Column("E-Rate category", Kind.WRAP, 18, choices=book.lists["erate_categories"]),
        Column("Local match from", Kind.WRAP, 16, choices=SOURCE_NAMES),
        Column("E-Rate discount (%)", Kind.COUNT, 10, formula=f'IF({is_erate},MIN({DISCOUNT},{cap}),"")'),
        Column("E-Rate pays per year", Kind.MONEY, 14, formula=f"IF(ISNUMBER({rate}),ROUND({cost}*{rate}/100,2),0)"),
        Column("Local match per year", Kind.MONEY, 14,
               formula=f"IF(ISNUMBER({rate}),{cost}-{partial.this_row('E-Rate pays per year')},0)"),
    )


def _line_row(book: Book, line: model.BudgetLine) -> list[Value]:
    app = book.plan.item("apps", line.app_id) if line.app_id else None
    source = book.source_names.get(line.funding_source_id or "", "")
    match = book.source_names.get(line.match_source_id or "", "")
    return [line.description, book.name_of("cost_categories", line.category), book.goal_label(line.goal_id),
            source, app.name if app else "", line.recurring, line.unit_cost, line.quantity, line.first_year,
            line.last_year, book.name_of("erate_categories", line.erate_category), match,
            book.name_of("device_types", line.device_type),
            book.name_of("device_users", line.device_users) if line.device_type else "",
            line.replaces_devices if line.device_type else "", line.delivery_date,
            line.pilot if line.device_type or line.pilot else "",
            book.name_of("accessibility_reports", line.accessibility_report)]


def _totals_row(writer: SheetWriter, spec: TableSpec, row: int, label: str) -> None:
    """Column totals under the table: the cost of every year and of the whole plan."""
    headers = [c.header for c in spec.columns]
    writer.put(row, 1, label, Kind.TOTAL_LABEL)
    for col in range(2, len(headers) + 1):
        summed = headers[col - 1] == "Line total" or headers[col - 1].startswith("FY")
        value = Formula(f"SUM({spec.ref(headers[col - 1])})") if summed else None
        writer.put(row, col, value, Kind.TOTAL_MONEY)


def write_budget(book: Book) -> None:
    writer = book.sheet("Budget")
    writer.title("Budget", book.subtitle)
    spec = lines_spec(book)
    placed = writer.table(spec, (_line_row(book, line) for line in book.plan.budget))
    _totals_row(writer, spec, placed.last_row + 2, "Total, all lines")
    writer.put(placed.last_row + 4, 1,
               "Blue figures are entered; black figures are formulas. A one-time line spends only in its "
               "first year; a recurring line spends every year from its first year to its last.", Kind.NOTE)
    # Two pages wide, each with the line's name: one page would print some 26 columns too small to read.
    writer.finish(district=book.district, sheet_name="Budget", freeze="B5", title_rows="4:4", pages_wide=2,
                  title_cols="A:A")


# --- Funding ------------------------------------------------------------------------


def sources_spec(book: Book) -> TableSpec:
    years = [fy(y) for y in book.years]
    return TableSpec(SOURCES, (
        Column("Funding source", Kind.WRAP, 30),
        Column("Kind", Kind.TEXT, 16, choices=book.lists["funding_kinds"]),
        Column("Recurring", Kind.CENTERED, 11, choices=YES_NO),
        *(Column(name, Kind.MONEY_INPUT, 15) for name in years),
        Column("Total", Kind.MONEY, 16, formula=f"SUM({SOURCES}[[#This Row],[{years[0]}]:[{years[-1]}]])"),
    ))


def _source_row(book: Book, source: model.FundingSource) -> list[Value]:
    amounts = list(source.amounts[: len(book.years)])
    return [book.source_names[source.id], book.name_of("funding_kinds", source.kind), source.recurring, *amounts]


def _cost_by_source(book: Book, writer: SheetWriter, placed: Placed, top: int) -> int:
    """Planned cost charged to each source, by year; returns the block's first data row."""
    years = [fy(y) for y in book.years]
    writer.put(top, 1, "Planned cost charged to each source", Kind.SECTION)
    _block_header(writer, top + 1, years)
    first = top + 2
    for i in range(len(book.plan.funding)):
        row, name_row = first + i, placed.header_row + 1 + i
        _source_label(writer, row, name_row)
        for j, year in enumerate(years):
            writer.put(row, 4 + j, Formula(_charged(f"$A{row}", year)), Kind.MONEY)
        _row_total(writer, row, len(years))
    _unassigned_and_total(writer, first, len(book.plan.funding), years)
    return first


def _charged(source: str, year: str) -> str:
    """The cost charged to ``source`` in ``year``: its lines' cost, less the local match of its E-Rate lines
    (E-Rate pays only the discount), plus the local match of the E-Rate lines it pays the match of."""
    spends = f"({LINES}[{year}]<>0)*{LINES}[Local match per year]"
    return (f"SUMPRODUCT(({LINES}[Funding source]={source})*{LINES}[{year}])"
            f"-SUMPRODUCT(({LINES}[Funding source]={source})*{spends})"
            f"+SUMPRODUCT(({LINES}[Local match from]={source})*{spends})")


def _block_header(writer: SheetWriter, row: int, years: list[str]) -> None:
    headers = ["Funding source", "", "", *years, "Total"]
    writer.header(row, headers, over=[Kind.TEXT] * 3 + [Kind.MONEY] * (len(years) + 1))


def _source_label(writer: SheetWriter, row: int, name_row: int) -> None:
    """The source's name, following the Funding table if someone renames it there."""
    writer.put(row, 1, Formula(f"$A${name_row}"), Kind.TEXT)
    writer.put(row, 2, None, Kind.TEXT)
    writer.put(row, 3, None, Kind.TEXT)


def _row_total(writer: SheetWriter, row: int, n_years: int, kind: Kind = Kind.MONEY) -> None:
    span = f"{get_column_letter(4)}{row}:{get_column_letter(3 + n_years)}{row}"
    writer.put(row, 4 + n_years, Formula(f"SUM({span})"), kind)


def _unassigned_and_total(writer: SheetWriter, first: int, count: int, years: list[str]) -> None:
    other, total = first + count, first + count + 1
    writer.put(other, 1, "Not assigned to a source above", Kind.TEXT)
    writer.put(other, 2, None, Kind.TEXT)
    writer.put(other, 3, None, Kind.TEXT)
    writer.put(total, 1, "Total planned cost", Kind.TOTAL_LABEL)
    for j, year in enumerate(years):
        col = get_column_letter(4 + j)
        named = f"SUM({col}{first}:{col}{other - 1})" if count else "0"
        writer.put(other, 4 + j, Formula(f"SUM({LINES}[{year}])-{named}"), Kind.MONEY)
        writer.put(total, 4 + j, Formula(f"SUM({col}{first}:{col}{other})"), Kind.TOTAL_MONEY)
    for col in (2, 3):
        writer.put(total, col, None, Kind.TOTAL_LABEL)
    _row_total(writer, other, len(years))
    _row_total(writer, total, len(years), Kind.TOTAL_MONEY)


def _balances(book: Book, writer: SheetWriter, placed: Placed, cost_first: int, top: int) -> None:
    """Each source's funding less the cost charged to it; a negative balance shows red."""
    years = [fy(y) for y in book.years]
    writer.put(top, 1, "Balance: funding less planned cost", Kind.SECTION)
    _block_header(writer, top + 1, years)
    for i in range(len(book.plan.funding)):
        row, fund_row, cost_row = top + 2 + i, placed.header_row + 1 + i, cost_first + i
        _source_label(writer, row, fund_row)
        for j in range(len(years) + 1):
            col = get_column_letter(4 + j)
            writer.put(row, 4 + j, Formula(f"{col}{fund_row}-{col}{cost_row}"), Kind.MONEY)


def write_funding(book: Book) -> None:
    writer = book.sheet("Funding")
    writer.title("Funding", book.subtitle)
    spec = sources_spec(book)
    placed = writer.table(spec, (_source_row(book, s) for s in book.plan.funding))
    book.name(SOURCE_NAMES, f"{SOURCES}[Funding source]")
    cost_top = placed.last_row + 3
    cost_first = _cost_by_source(book, writer, placed, cost_top)
    balances = cost_first + len(book.plan.funding) + 4
    _balances(book, writer, placed, cost_first, balances)
    write_erate(book, writer, balances + len(book.plan.funding) + 3)
    writer.finish(district=book.district, sheet_name="Funding", freeze="B5", title_rows="4:4")
