"""The regional roll-up as an Excel workbook: one sheet per kind of figure, ready to print.

Figures are values, not formulas (they summarize files the workbook does not
hold), rounded as the PDF shows them (rollup_figures.py). A suppressed figure is
its reason in words in the row's first figure cell. An anonymous workbook holds
no district name anywhere, document properties included, except on the
Suggested peers sheet a district named to another when both opted in; a named
one adds a Districts sheet. Text from plans and file names goes through the workbook's
safe-text path (never a formula).
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path

from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart._chart import ChartBase
from openpyxl.chart.data_source import AxDataSource, NumData, NumVal, StrData, StrRef, StrVal
from openpyxl.descriptors import Integer
from openpyxl.descriptors.nested import NestedText
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_to_tuple
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from summit_app import __version__
from summit_app.export.rollup_figures import (
    ANONYMOUS_PEERS_TITLE,
    NAMED_PEERS_LEAD,
    NAMED_PEERS_TITLE,
    NO_NAMED_PEERS,
    NO_PEER,
    PEERS_TITLE,
    STAT_HEADERS,
    TITLE,
    Unit,
    anonymous_peers_lead,
    key_figures,
    measures,
    method_notes,
    peer_lead,
    peer_left_out,
    peer_rows,
    peers_suppressed,
    rounded,
    sentence,
    stat_values,
    subtitle,
)
from summit_app.export.xlsx.measure import BOLD_WIDTH, row_height, wrapped_lines
from summit_app.export.xlsx.page import LiteralHeaderFooter
from summit_app.export.xlsx.safe_text import cell_text, header_footer_text, needs_quote_prefix, stored_text
from summit_app.plan.peers import PeerRow
from summit_app.plan.rollup import Distribution, Figure, RollupReport, Suppressed

SHORT_TITLE = "Regional roll-up"
HEADER_ROW = 4
NAVY, GREY = "1F4E78", "595959"
_FORMATS = {Unit.MONEY: '"$"#,##0.00', Unit.SHARE: "0.0%", Unit.HOURS: "#,##0.0", Unit.SCORE: "0.0"}
COUNT = "#,##0"
#: The workbook's date when the report carries none (never the clock's).
UNDATED = datetime(2000, 1, 1)
#: The width of a column given none (Excel's default).
DEFAULT_WIDTH = 8.43


class Look(enum.Enum):
    """How a cell looks: the roll-up's few cell styles."""

    PLAIN = (Font(name="Calibri", size=11), Alignment(vertical="top"))
    WRAP = (Font(name="Calibri", size=11), Alignment(vertical="top", wrap_text=True))
    LABEL = (Font(name="Calibri", size=11, bold=True), Alignment(vertical="top"))
    NOTE = (Font(name="Calibri", size=11, italic=True, color=GREY), Alignment(vertical="top"))
    HEADER = (Font(name="Calibri", size=11, bold=True, color="FFFFFF"), Alignment(vertical="center", wrap_text=True))
    TITLE = (Font(name="Calibri", size=16, bold=True, color=NAVY), Alignment(vertical="bottom"))
    SUBTITLE = (Font(name="Calibri", size=11, color=GREY), Alignment(vertical="top"))
    SECTION = (Font(name="Calibri", size=13, bold=True, color=NAVY), Alignment(vertical="bottom"))


_HEADER_FILL = PatternFill("solid", fgColor=NAVY)


class Sheet:
    """One worksheet being written: every value goes through ``put`` (text is never a formula)."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self._header_rows: list[int] = []

    def put(self, row: int, col: int, value: object, look: Look = Look.PLAIN, number_format: str | None = None) -> Cell:
        cell = self.sheet.cell(row=row, column=col)
        if isinstance(value, str):
            shown = cell_text(value)
            cell.value = stored_text(shown)
            cell.data_type = "s"
            cell.quotePrefix = needs_quote_prefix(shown)
        else:
            cell.value = value
        cell.font, cell.alignment = look.value
        if look is Look.HEADER:
            cell.fill = _HEADER_FILL
        if number_format:
            cell.number_format = number_format
        return cell

    def header(self, row: int, titles: Sequence[str]) -> None:
        for col, title in enumerate(titles, start=1):
            self.put(row, col, title, Look.HEADER)
        self._header_rows.append(row)

    def _fit_headers(self) -> None:
        """Header rows as tall as their wrapped titles, each title aligned like the figures under it."""
        for row in self._header_rows:
            lines = 1
            for cell in self.sheet[row]:
                if not isinstance(cell.value, str):
                    continue
                letter = get_column_letter(cell.column)
                width = self.sheet.column_dimensions[letter].width or DEFAULT_WIDTH
                lines = max(lines, wrapped_lines(cell.value, width * BOLD_WIDTH))
                below = self.sheet.cell(row + 1, cell.column).value
                if isinstance(below, int | float | Decimal) and not isinstance(below, bool):
                    cell.alignment = Alignment(vertical="center", horizontal="right", wrap_text=True)
                elif cell.column > 1:  # clear of a right-aligned title before it
                    cell.alignment = Alignment(vertical="center", wrap_text=True, indent=1)
            self.sheet.row_dimensions[row].height = max(30.0, row_height(lines))

    def width(self, col: int, width: float) -> None:
        self.sheet.column_dimensions[get_column_letter(col)].width = width

    def value(self, row: int, col: int, value: Decimal, unit: Unit) -> None:
        self.put(row, col, rounded(value, unit), number_format=_FORMATS[unit])

    def figure_row(self, row: int, label: str, figure: Figure, unit: Unit) -> None:
        """A label, then the count and the statistics of ``figure`` (or why it is suppressed)."""
        self.put(row, 1, label, Look.LABEL)
        if isinstance(figure, Suppressed):
            self.put(row, 2, figure.text, Look.NOTE)
            return
        self.put(row, 2, figure.count, number_format=COUNT)
        for col, value in enumerate(stat_values(figure), start=3):
            self.value(row, col, value, unit)

    def finish(self, name: str, freeze: str | None) -> None:
        """Frozen panes and print set-up: landscape, fit to width, titled pages."""
        sheet = self.sheet
        self._fit_headers()
        sheet.freeze_panes = freeze
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_LETTER
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.oddHeader, sheet.oddFooter = LiteralHeaderFooter(), LiteralHeaderFooter()
        sheet.oddHeader.left.text = header_footer_text(SHORT_TITLE)
        sheet.oddHeader.right.text = header_footer_text(name)
        sheet.oddFooter.left.text = header_footer_text(f"{TITLE} · Summit Planner")
        sheet.oddFooter.right.text = "Page &P of &N"


class RollupBook:
    """The workbook being written and the report it shows."""

    def __init__(self, report: RollupReport) -> None:
        self.report = report
        self.workbook = Workbook()
        self.workbook.remove(self.workbook.active)

    def sheet(self, title: str) -> Sheet:
        """A new sheet with the report's title and subtitle above row ``HEADER_ROW``."""
        w = Sheet(self.workbook.create_sheet(title))
        w.put(1, 1, TITLE, Look.TITLE)
        w.put(2, 1, subtitle(self.report), Look.SUBTITLE)
        w.sheet.row_dimensions[1].height = 24
        w.width(1, 40)
        return w


def _stat_header(w: Sheet, row: int, first: str) -> None:
    w.header(row, [first, *STAT_HEADERS])
    for col in range(2, len(STAT_HEADERS) + 2):
        w.width(col, 13)


def _summary_sheet(book: RollupBook) -> None:
    w = book.sheet("Summary")
    w.header(HEADER_ROW, ["Figure", "Value"])
    w.width(1, 56)
    w.width(2, 36)
    row = HEADER_ROW
    for row, (label, value) in enumerate(key_figures(book.report), start=HEADER_ROW + 1):
        w.put(row, 1, label, Look.LABEL)
        w.put(row, 2, value)
    w.put(row + 2, 1, "How these figures are computed", Look.SECTION)
    for offset, note in enumerate(method_notes(book.report.summary), start=row + 3):
        w.put(offset, 1, note, Look.NOTE)
    w.finish("Summary", freeze=f"A{HEADER_ROW + 1}")


def _readiness_sheet(book: RollupBook) -> None:
    w = book.sheet("Readiness")
    _stat_header(w, HEADER_ROW, "Future Ready gear (score 0–10)")
    rows = book.report.summary.readiness
    for row, gear in enumerate(rows, start=HEADER_ROW + 1):
        w.figure_row(row, gear.name, gear.figure, Unit.SCORE)
    if any(isinstance(g.figure, Distribution) for g in rows):
        _readiness_chart(w, HEADER_ROW, HEADER_ROW + len(rows), len(rows))
    w.finish("Readiness", freeze=f"B{HEADER_ROW + 1}")


def _readiness_chart(w: Sheet, header: int, last: int, count: int) -> None:
    chart = BarChart()
    chart.type, chart.style = "bar", 10
    chart.title = "Readiness by gear: mean and median (0–10)"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 10
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # first gear at the top, as in the table
    data = Reference(w.sheet, min_col=3, max_col=3, min_row=header, max_row=last)
    median = Reference(w.sheet, min_col=6, max_col=6, min_row=header, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.add_data(median, titles_from_data=True)
    chart.set_categories(Reference(w.sheet, min_col=1, min_row=header + 1, max_row=last))
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.height, chart.width = 3 + 0.9 * count, 22
    w.sheet.add_chart(chart, f"A{last + 3}")


def _goal_sheet(book: RollupBook) -> None:
    w = book.sheet("Goal areas")
    w.header(HEADER_ROW, ["Future Ready gear", "Goals", "Districts with such a goal", "Share of districts"])
    for col, width in ((2, 12), (3, 16), (4, 16)):
        w.width(col, width)
    for row, area in enumerate(book.report.summary.goal_areas, start=HEADER_ROW + 1):
        w.put(row, 1, area.name, Look.LABEL)
        if area.suppressed is not None:
            w.put(row, 2, area.suppressed.text, Look.NOTE)
            continue
        w.put(row, 2, area.goals, number_format=COUNT)
        w.put(row, 3, area.districts, number_format=COUNT)
        assert area.share is not None
        w.value(row, 4, area.share, Unit.SHARE)
    w.finish("Goal areas", freeze=f"B{HEADER_ROW + 1}")


def _measures_sheet(book: RollupBook) -> None:
    w = book.sheet("Measures")
    _stat_header(w, HEADER_ROW, "Measure (one value per district)")
    w.put(HEADER_ROW, len(STAT_HEADERS) + 2, "Left out", Look.HEADER)
    w.width(len(STAT_HEADERS) + 2, 44)
    all_measures = measures(book.report.summary)
    for row, measure in enumerate(all_measures, start=HEADER_ROW + 1):
        w.figure_row(row, measure.title, measure.figure, measure.unit)
        w.put(row, len(STAT_HEADERS) + 2, measure.left_out, Look.NOTE)
    row = HEADER_ROW + len(all_measures) + 2
    _region_coverage(book, w, row)
    if isinstance(book.report.summary.per_student, Distribution):
        _box_chart(w, book.report.summary.per_student, row + 5)
    w.finish("Measures", freeze=f"B{HEADER_ROW + 1}")


def _region_coverage(book: RollupBook, w: Sheet, row: int) -> None:
    coverage = book.report.summary.coverage
    w.put(row, 1, "Privacy agreements across the region", Look.SECTION)
    w.header(row + 1, ["Apps holding student data", "With a signed agreement", "Coverage"])
    if isinstance(coverage.overall, Suppressed):
        w.put(row + 2, 1, coverage.overall.text, Look.NOTE)
        return
    w.put(row + 2, 1, coverage.apps, number_format=COUNT)
    w.put(row + 2, 2, coverage.signed, number_format=COUNT)
    w.value(row + 2, 3, coverage.overall, Unit.SHARE)


def _box_chart(w: Sheet, figure: Distribution, row: int) -> None:
    """Planned investment per student as a box chart: a stacked bar whose first, unfilled part is the lowest value."""
    w.put(row, 1, "Box chart data: planned investment per student", Look.SECTION)
    points = [rounded(v, Unit.MONEY) for v in (figure.minimum, figure.q1, figure.median, figure.q3, figure.maximum)]
    parts = ("Below lowest", "Lowest to lower quartile", "Lower quartile to median", "Median to upper quartile",
             "Upper quartile to highest")
    values = [points[0], *(b - a for a, b in itertools.pairwise(points))]
    w.header(row + 1, ["Per student", *parts])
    w.put(row + 2, 1, "All districts", Look.LABEL)
    for col, value in enumerate(values, start=2):
        w.put(row + 2, col, value, number_format=_FORMATS[Unit.MONEY])
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = "Planned investment per student"
    chart.legend = None  # the table above names the parts; the first, unfilled one needs no key
    chart.add_data(Reference(w.sheet, min_col=2, max_col=6, min_row=row + 1, max_row=row + 2), titles_from_data=True)
    chart.set_categories(Reference(w.sheet, min_col=1, min_row=row + 2))
    chart.series[0].graphicalProperties.noFill = True
    chart.series[0].graphicalProperties.line.noFill = True
    for series, color in zip(chart.series[1:], ("BDD7EE", "2E75B6", "2E75B6", "BDD7EE"), strict=True):
        series.graphicalProperties.solidFill = color
        series.graphicalProperties.line.solidFill = "1F4E78"
    chart.y_axis.number_format = '"$"#,##0'
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.height, chart.width = 5.5, 22
    w.sheet.add_chart(chart, f"A{row + 4}")


PEER_HEADERS = ("District", "Suggested peer", "Why alike", "About the peer")
PEER_WIDTHS = (30, 24, 50, 50)


def _note_block(w: Sheet, row: int, text: str) -> None:
    """A note across the peers sheet's columns, wrapped, its row as tall as the text."""
    w.put(row, 1, text, Look.NOTE).alignment = Alignment(vertical="top", wrap_text=True)
    w.sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(PEER_WIDTHS))
    w.sheet.row_dimensions[row].height = row_height(wrapped_lines(text, sum(PEER_WIDTHS)))


def _fit_row(w: Sheet, row: int, *texts: tuple[str, float]) -> None:
    w.sheet.row_dimensions[row].height = row_height(max(wrapped_lines(t, width) for t, width in texts))


def _peer_part(w: Sheet, top: int, title: str, lead: str, rows: Sequence[PeerRow], empty: str) -> int:
    """A titled part of the peers sheet from row ``top``; the row after it."""
    w.put(top, 1, title, Look.SECTION)
    _note_block(w, top + 1, lead)
    w.header(top + 2, PEER_HEADERS)
    lines = peer_rows(rows)
    for row, (district, suggestion) in enumerate(lines, start=top + 3):
        w.put(row, 1, district, Look.LABEL)
        if suggestion is None:
            w.put(row, 2, NO_PEER, Look.NOTE)
            continue
        w.put(row, 2, suggestion.peer)
        w.put(row, 3, sentence(suggestion.why), Look.WRAP)
        w.put(row, 4, suggestion.description, Look.WRAP)
        _fit_row(w, row, (district, PEER_WIDTHS[0] * BOLD_WIDTH), (suggestion.peer, PEER_WIDTHS[1]),
                 (suggestion.why, PEER_WIDTHS[2]), (suggestion.description, PEER_WIDTHS[3]))
    if not lines:
        w.put(top + 3, 1, empty, Look.NOTE)
    return top + 3 + max(1, len(lines)) + 1


def _peers_sheet(book: RollupBook) -> None:
    """Each district's suggested peers: named pairs first, then every district by pseudonym."""
    w = book.sheet(PEERS_TITLE)
    summary = book.report.summary
    for col, width in enumerate(PEER_WIDTHS, start=1):
        w.width(col, width)
    _note_block(w, HEADER_ROW, peer_lead(summary))
    row = _peer_part(w, HEADER_ROW + 2, NAMED_PEERS_TITLE, NAMED_PEERS_LEAD, summary.peers.named, NO_NAMED_PEERS)
    anonymous = summary.peers.anonymous
    if anonymous is None:
        w.put(row, 1, ANONYMOUS_PEERS_TITLE, Look.SECTION)
        _note_block(w, row + 1, peers_suppressed(summary))
        row += 3
    else:
        row = _peer_part(w, row, ANONYMOUS_PEERS_TITLE, anonymous_peers_lead(summary), anonymous, NO_PEER)
    if peer_left_out(summary):
        _note_block(w, row, peer_left_out(summary))
    w.finish(PEERS_TITLE, freeze=None)


def _districts_sheet(book: RollupBook) -> None:
    w = book.sheet("Districts")
    headers = ["District", "Students", "Goals", "Overall readiness (0–10)", "Planned investment per student",
               "Cost per student per year", "Privacy-agreement coverage", "PD hours per teacher",
               "Pseudonym in suggested peers"]
    w.header(HEADER_ROW, headers)
    for col, width in enumerate((40, 12, 10, 14, 16, 16, 16, 14, 18), start=1):
        w.width(col, width)
    units: Sequence[Unit] = (Unit.SCORE, Unit.MONEY, Unit.MONEY, Unit.SHARE, Unit.HOURS)
    for row, d in enumerate(book.report.summary.districts, start=HEADER_ROW + 1):
        w.put(row, 1, d.name or "(not named)", Look.LABEL)
        w.put(row, 2, d.enrollment, number_format=COUNT)
        w.put(row, 3, d.goals, number_format=COUNT)
        figures = (d.readiness, d.per_student, d.cost_per_student_per_year, d.coverage, d.pd_hours_per_teacher)
        for col, (value, unit) in enumerate(zip(figures, units, strict=True), start=4):
            if value is None:
                w.put(row, col, "—")
            else:
                w.value(row, col, value, unit)
        w.put(row, 9, d.pseudonym or "—")
    w.finish("Districts", freeze=f"B{HEADER_ROW + 1}")


def _skipped_sheet(book: RollupBook) -> None:
    w = book.sheet("Files skipped")
    w.header(HEADER_ROW, ["File", "Why it was skipped"])
    w.width(2, 70)
    report = book.report
    if not report.skipped:
        w.put(HEADER_ROW + 1, 1, "None: every listed file was read.", Look.NOTE)
    for row, skipped in enumerate(report.skipped, start=HEADER_ROW + 1):
        w.put(row, 1, report.skipped_label(skipped))
        w.put(row, 2, skipped.why, Look.WRAP)
    w.finish("Files skipped", freeze=f"A{HEADER_ROW + 1}")


def _properties(book: RollupBook) -> None:
    """Document properties that name no district (and no person: openpyxl's defaults are replaced)."""
    props = book.workbook.properties
    props.title = TITLE
    props.subject = "Regional roll-up of district technology plans"
    props.creator = f"Summit Planner {__version__}"
    props.lastModifiedBy = None
    props.keywords = "technology plan; regional roll-up"
    prepared = book.report.prepared
    # openpyxl fails to save a missing date and would otherwise stamp the clock's (same report, same bytes).
    props.created = datetime.combine(prepared, time()) if prepared else UNDATED


def _cells(workbook: Workbook, reference: str) -> list[object]:
    """The values of the cells ``reference`` (``'Sheet'!$A$1:$A$4``) names, in order."""
    title, (left, top, right, bottom) = range_to_tuple(reference)
    sheet = workbook[title]
    return [sheet.cell(row, col).value for row in range(top, bottom + 1) for col in range(left, right + 1)]


class _ShortestNumVal(NumVal):  # type: ignore[misc]  # openpyxl's classes are untyped
    """A cached chart point written as the shortest text of its number (``74.79``).

    openpyxl's own NumVal writes ``%.16g`` (``74.79000000000001``), which is not the
    number the cell beside it holds.
    """

    tagname = "pt"
    idx = Integer()
    v = NestedText(expected_type=str)


def _strings(values: list[object]) -> StrData:
    return StrData(ptCount=len(values),
                   pt=[StrVal(idx=i, v=str(v)) for i, v in enumerate(values) if v is not None])


def _cache_chart_data(workbook: Workbook, chart: ChartBase) -> None:
    """Each series' name, categories and values cached in the chart, as Excel writes them.

    A viewer that draws charts without reading the sheet (Quick Look, mail previews)
    draws only what the chart caches; openpyxl caches nothing. A figure shown as a
    reason (suppressed) is no point in the chart.
    """
    for series in chart.series:
        if series.tx is not None and series.tx.strRef is not None:
            series.tx.strRef.strCache = _strings(_cells(workbook, series.tx.strRef.f))
        values = _cells(workbook, series.val.numRef.f)
        series.val.numRef.numCache = NumData(ptCount=len(values), pt=[
            _ShortestNumVal(idx=i, v=repr(float(v))) for i, v in enumerate(values)
            if isinstance(v, int | float | Decimal)])
        if series.cat is not None and series.cat.numRef is not None:  # openpyxl names text categories as numbers
            reference = series.cat.numRef.f
            series.cat = AxDataSource(strRef=StrRef(f=reference, strCache=_strings(_cells(workbook, reference))))


def write_rollup_xlsx(report: RollupReport, path: Path | str) -> None:
    """Write the roll-up workbook to ``path``."""
    book = RollupBook(report)
    _summary_sheet(book)
    _readiness_sheet(book)
    _goal_sheet(book)
    _measures_sheet(book)
    _peers_sheet(book)
    if report.summary.named:
        _districts_sheet(book)
    _skipped_sheet(book)
    _properties(book)
    for sheet in book.workbook.worksheets:
        for chart in sheet._charts:
            _cache_chart_data(book.workbook, chart)
    book.workbook.save(path)
