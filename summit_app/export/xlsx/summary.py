"""The Summary sheet: the plan on one page, its money live.

Investment by year and by category, funding and the gap, cost per student and
readiness by gear are formulas over the other sheets' tables, so an edit
anywhere in the workbook shows here. The findings count and the fingerprint
describe the plan as exported and say so.
"""

from __future__ import annotations

from collections import Counter

from openpyxl.utils import get_column_letter

from summit_app.export.xlsx.book import DISCOUNT, Book, fy
from summit_app.export.xlsx.budget import LINES, SOURCES
from summit_app.export.xlsx.goals import LEARNING
from summit_app.export.xlsx.grid import Formula, SheetWriter, Value
from summit_app.export.xlsx.people import READINESS
from summit_app.export.xlsx.styles import Kind
from summit_app.plan.checks import assess
from summit_app.plan.tco import total_cost

SHEET = "Summary"
DISCOUNT_LABEL = "E-Rate discount (%)"
FIRST_YEAR_COL = 2


def _pairs(writer: SheetWriter, top: int, pairs: list[tuple[str, Value, Kind]]) -> int:
    """Label–value rows from ``top``; returns the next free row."""
    for offset, (label, value, kind) in enumerate(pairs):
        writer.pair(top + offset, label, value, kind)
    return top + len(pairs)


def _findings_note(book: Book) -> tuple[int, str]:
    """The open findings (those the team accepted left out) and a note of their severities."""
    assessment = assess(book.plan, book.content)
    counts = Counter(f.severity for f in assessment.open)
    names = {"blocking": ("blocking", "blocking"), "warning": ("warning", "warnings"), "advice": ("advice", "advice")}
    parts = [f"{counts[s]} {names[s][counts[s] != 1]}" for s in names if counts[s]]
    accepted = len(assessment.accepted)
    also = f"; {accepted} more accepted by the team, with a reason" if accepted else ""
    if not parts:
        return 0, "the plan checks found nothing to fix" + also
    return sum(counts.values()), f"{', '.join(parts)}: listed in the plan's Review & sign pane" + also


def _district(book: Book, writer: SheetWriter, top: int) -> int:
    d = book.plan.district
    writer.put(top, 1, "District", Kind.SECTION)
    row = _pairs(writer, top + 1, [
        ("District", d.name, Kind.TEXT), ("State", d.state, Kind.TEXT),
        ("Students enrolled", d.enrollment, Kind.VALUE_COUNT_INPUT), ("Staff", d.staff, Kind.VALUE_COUNT_INPUT),
        ("Teachers", d.teachers, Kind.VALUE_COUNT_INPUT), ("Schools", d.schools, Kind.VALUE_COUNT_INPUT),
        ("Summit city", d.summit_city, Kind.TEXT), ("Summit date", d.summit_date, Kind.VALUE_DATE),
        ("Fiscal years", f"{fy(book.years[0])}–{fy(book.years[-1])} ({len(book.years)} years)", Kind.TEXT),
        (DISCOUNT_LABEL, d.erate_discount_percent, Kind.VALUE_COUNT_INPUT),
    ])
    book.name("Enrollment", f"{SHEET}!$B${top + 3}")
    book.name("Staff", f"{SHEET}!$B${top + 4}")
    book.name("Schools", f"{SHEET}!$B${top + 6}")
    book.name(DISCOUNT, f"{SHEET}!$B${top + 10}")
    writer.put(row - 1, 3, "The Category 1 rate; Category 2 at most 85%", Kind.NOTE)
    count, note = _findings_note(book)
    row = _pairs(writer, row, [("Open findings at export", count, Kind.VALUE_COUNT),
                               ("Plan fingerprint (SHA-256)", book.fingerprint, Kind.MONO)])
    writer.put(row - 2, 3, note, Kind.NOTE)
    return row + 1


def _year_header(book: Book, writer: SheetWriter, row: int, first: str) -> int:
    """A header row of fiscal years and Total; returns the Total column."""
    headers = [first, *(fy(y) for y in book.years), "Total"]
    writer.header(row, headers, over=[Kind.TEXT] + [Kind.MONEY] * (len(headers) - 1))
    return FIRST_YEAR_COL + len(book.years)


def _across(writer: SheetWriter, row: int, formula_of: list[str], kind: Kind) -> None:
    for offset, text in enumerate(formula_of):
        writer.put(row, FIRST_YEAR_COL + offset, Formula(text), kind)


def _investment(book: Book, writer: SheetWriter, top: int) -> int:
    years = [fy(y) for y in book.years]
    writer.put(top, 1, "Investment by fiscal year", Kind.SECTION)
    _year_header(book, writer, top + 1, "")
    cost, funding, gap, per = top + 2, top + 3, top + 4, top + 5
    letters = [get_column_letter(FIRST_YEAR_COL + i) for i in range(len(years) + 1)]
    span = f"{letters[0]}{{r}}:{letters[-2]}{{r}}"
    rows = [
        (cost, "Planned cost", [f"SUM({LINES}[{y}])" for y in years] + [f"SUM({span.format(r=cost)})"]),
        (funding, "Funding available", [f"SUM({SOURCES}[{y}])" for y in years] + [f"SUM({span.format(r=funding)})"]),
        (gap, "Funding gap (cost not funded)",
         [f"MAX(0,{c}{cost}-{c}{funding})" for c in letters[:-1]] + [f"SUM({span.format(r=gap)})"]),
        (per, "Cost per student", [f'IF(Enrollment>0,ROUND({c}{cost}/Enrollment,2),"")' for c in letters]),
    ]
    for row, label, formulas in rows:
        writer.put(row, 1, label, Kind.LABEL)
        _across(writer, row, formulas, Kind.MONEY)
    return per + 2


def _categories(book: Book, writer: SheetWriter, top: int) -> int:
    years = [fy(y) for y in book.years]
    writer.put(top, 1, "Investment by category", Kind.SECTION)
    total_col = _year_header(book, writer, top + 1, "Category")
    names = [e.name for e in book.content.vocabulary("cost_categories")]
    first = top + 2
    for i, name in enumerate(names):
        row = first + i
        writer.put(row, 1, name, Kind.TEXT)
        _across(writer, row, [f"SUMIFS({LINES}[{y}],{LINES}[Category],$A{row})" for y in years]
                + [f"SUM(B{row}:{get_column_letter(total_col - 1)}{row})"], Kind.MONEY)
    other, total = first + len(names), first + len(names) + 1
    writer.put(other, 1, "Not in a category above", Kind.TEXT)
    writer.put(total, 1, "Total", Kind.TOTAL_LABEL)
    for i in range(len(years) + 1):
        col = get_column_letter(FIRST_YEAR_COL + i)
        whole = f"SUM({LINES}[{years[i]}])" if i < len(years) else f"SUM({LINES}[Line total])"
        writer.put(other, FIRST_YEAR_COL + i, Formula(f"{whole}-SUM({col}{first}:{col}{other - 1})"), Kind.MONEY)
        writer.put(total, FIRST_YEAR_COL + i, Formula(f"SUM({col}{first}:{col}{other})"), Kind.TOTAL_MONEY)
    return total + 2


def _total_cost(book: Book, writer: SheetWriter, top: int) -> int:
    """The total cost of ownership a year: the annualised figures as worked out at export (plan/tco.py), and
    per student, per device, training hours and the replacement gap as formulas of them."""
    cost = total_cost(book.plan, book.content)
    writer.put(top, 1, "Total cost of ownership, a year", Kind.SECTION)
    direct, devices, need, budgeted = top + 1, top + 3, top + 7, top + 8
    hours = f"ROUND(SUM({LEARNING}[Participant hours])/{len(book.years)},2)"
    pairs: list[tuple[str, Value, Kind]] = [
        ("Direct cost per year (annualised, at export)", cost.direct_per_year, Kind.MONEY),
        ("Students", Formula("Enrollment"), Kind.COUNT),
        ("Devices in service after the plan (at export)", cost.devices, Kind.COUNT),
        ("Per student per year", Formula(f'IF(Enrollment>0,ROUND(C{direct}/Enrollment,2),"")'), Kind.MONEY),
        ("Per device per year", Formula(f'IF(C{devices}>0,ROUND(C{direct}/C{devices},2),"")'), Kind.MONEY),
        ("Staff hours in training a year (indirect)", Formula(hours), Kind.HOURS),
        ("Replacement needed per year (at export)", cost.replacement_need_per_year, Kind.MONEY),
        ("Replacement budgeted, last plan year (at export)", cost.replacement_budgeted_per_year, Kind.MONEY),
        ("Replacement gap per year", Formula(f"MAX(0,C{need}-C{budgeted})"), Kind.MONEY),
    ]
    for offset, (label, value, kind) in enumerate(pairs, start=1):
        writer.pair(top + offset, label, value, kind, value_col=3)  # the label runs on over column B
    row = top + len(pairs) + 1
    writer.put(row, 1, "Direct costs annualised: one-time device costs over their refresh cycle, other one-time "
                       "costs over the plan's years. Budgeted training is direct; staff time in training is "
                       "indirect, shown in hours.", Kind.NOTE)
    return row + 2


def _readiness(book: Book, writer: SheetWriter, top: int) -> int:
    writer.put(top, 1, "Readiness by Future Ready gear", Kind.SECTION)
    writer.header(top + 1, ["Gear", "Score (of 10)", "Level"], over=[Kind.TEXT, Kind.SCORE, Kind.TEXT])
    first = top + 2
    levels, names = book.lists["levels"], book.lists["level_names"]
    for i, gear in enumerate(book.content.gears):
        row = first + i
        writer.put(row, 1, gear.label, Kind.TEXT)  # as the Readiness sheet's Gear column names it
        mean = f"AVERAGEIFS({READINESS}[Score],{READINESS}[Gear],$A{row})"
        writer.put(row, 2, Formula(f'IFERROR({mean},"Not rated")'), Kind.SCORE)
        # The level of the score as shown (one decimal), as the app's readiness report names it.
        writer.put(row, 3, Formula(f'IF(ISNUMBER(B{row}),LOOKUP(ROUND(ROUND(B{row},1),0),{levels},{names}),"")'),
                   Kind.TEXT)
    overall = first + len(book.content.gears)
    writer.put(overall, 1, "Overall (gears weigh the same)", Kind.TOTAL_LABEL)
    writer.put(overall, 2, Formula(f'IFERROR(ROUND(AVERAGE(B{first}:B{overall - 1}),1),"Not rated")'),
               Kind.TOTAL_SCORE)
    writer.put(overall, 3, Formula(f'IF(ISNUMBER(B{overall}),LOOKUP(ROUND(B{overall},0),{levels},{names}),"")'),
               Kind.TOTAL_LABEL)
    return overall + 2


def _vision(book: Book, writer: SheetWriter, top: int, last_col: int) -> int:
    writer.put(top, 1, "Vision", Kind.SECTION)
    writer.block_text(top + 1, 1, last_col, book.plan.vision.statement)
    return top + 3


def _approval(book: Book, writer: SheetWriter, top: int) -> int:
    a, s = book.plan.approval, book.plan.signature
    writer.put(top, 1, "Approval", Kind.SECTION)
    pairs: list[tuple[str, Value, Kind]] = [
        ("Superintendent", a.superintendent_name, Kind.TEXT), ("Title", a.superintendent_title, Kind.TEXT),
        ("Board president", a.board_president, Kind.TEXT), ("Technology director", a.technology_director, Kind.TEXT),
        ("Board meeting date", a.board_meeting_date, Kind.VALUE_DATE)]
    if s.fingerprint:
        signed_at = s.signed_at.strftime("%Y-%m-%d %H:%M UTC") if s.signed_at else ""
        pairs += [("Exported for signature", signed_at, Kind.TEXT), ("Signed fingerprint", s.fingerprint, Kind.MONO)]
    return _pairs(writer, top + 1, pairs) + 1


def write_summary(book: Book) -> None:
    writer = book.sheet(SHEET)
    writer.title("District technology plan", book.subtitle)
    columns = FIRST_YEAR_COL + len(book.years)
    for col in range(1, columns + 1):
        writer.width(col, 38.0 if col == 1 else 15.0)
    row = _district(book, writer, 4)
    row = _investment(book, writer, row)
    row = _categories(book, writer, row)
    row = _total_cost(book, writer, row)
    writer.page_break_before(row)
    row = _readiness(book, writer, row)
    row = _vision(book, writer, row, columns)
    row = _approval(book, writer, row)
    writer.put(row, 1, "Blue figures are entered; black figures are formulas over the other sheets.", Kind.NOTE)
    writer.finish(district=book.district, sheet_name=SHEET, freeze=None, title_rows=None)
