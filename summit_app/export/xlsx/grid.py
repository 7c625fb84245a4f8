"""Writing one sheet: titled, with Excel tables, key–value blocks, print set-up.

Every value reaches a cell through :meth:`SheetWriter.put`: a :class:`Formula`
becomes a live formula, any ``str`` becomes inert text (safe_text.py), so a
formula can only come from this package's own code, never from a plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableColumn, TableFormula, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from summit_app.export.xlsx.cells import CellGrid, fits_a_spreadsheet, serial_day
from summit_app.export.xlsx.measure import BOLD_WIDTH, MAX_WIDTH, MIN_WIDTH, display_length, row_height, wrapped_lines
from summit_app.export.xlsx.page import set_up_printing
from summit_app.export.xlsx.safe_text import cell_text, needs_quote_prefix, stored_text
from summit_app.export.xlsx.styles import HEADER_OVER, WRAPPING, Kind, StyleBook

TITLE_ROW, SUBTITLE_ROW, HEADER_ROW = 1, 2, 4
TABLE_STYLE = "TableStyleMedium2"
HEADERS = frozenset({Kind.HEADER, Kind.HEADER_RIGHT, Kind.HEADER_CENTER})
#: Kinds set in bold, whose text needs more room.
BOLD = HEADERS | {Kind.EMPHASIS, Kind.LABEL, Kind.TOTAL_LABEL}


@dataclass(frozen=True)
class Formula:
    """A live formula (without the leading ``=``), written only by this package."""

    text: str


@dataclass(frozen=True)
class Styled:
    """A value with a kind other than its column's (a goal row among actions)."""

    value: object
    kind: Kind


Value = object  # str | int | Decimal | date | bool | None | Formula | Styled


@dataclass(frozen=True)
class Column:
    """One table column: header, cell kind, width, and optionally a formula or a choice list."""

    header: str
    kind: Kind = Kind.TEXT
    width: float | None = None  # None: fit the content
    formula: str | None = None  # a calculated column: the same formula on every row
    choices: str | None = None  # a data-validation list (a range or a defined name)
    limits: tuple[int, int] | None = None  # whole numbers only, from..to (a score scale)


@dataclass(frozen=True)
class TableSpec:
    name: str  # the table's name in formulas, e.g. BudgetLines
    columns: tuple[Column, ...]

    def ref(self, header: str) -> str:
        """A structured reference to a whole column, e.g. ``BudgetLines[Line total]``."""
        return f"{self.name}[{header}]"

    def this_row(self, header: str) -> str:
        """A structured reference to ``header`` in the formula's own row."""
        return f"{self.name}[[#This Row],[{header}]]"


@dataclass(frozen=True)
class Placed:
    """Where a table landed: its header row and last data row."""

    header_row: int
    last_row: int


class SheetWriter:
    """Writes one worksheet; keeps its cells, widths and row heights until :meth:`finish`."""

    def __init__(self, sheet: Worksheet, styles: StyleBook) -> None:
        self.sheet = sheet
        self.styles = styles
        self.cells = CellGrid()
        self._widths: dict[int, float] = {}
        self._lines: dict[int, int] = {}

    # --- cells ---------------------------------------------------------------------

    def put(self, row: int, col: int, value: Value, kind: Kind = Kind.TEXT) -> None:
        """Write ``value`` in its kind's style; text always stays text."""
        if isinstance(value, Styled):
            styled = value
            value, kind = styled.value, styled.kind
        if isinstance(value, Formula):
            self.cells.formula(row, col, self.styles.id_of(kind), value.text)
        elif isinstance(value, str) and value:
            self._text(row, col, value, kind)
        elif isinstance(value, bool):
            self._text(row, col, "Yes" if value else "No", kind)
        elif isinstance(value, date):
            self._date(row, col, value, kind)
        elif isinstance(value, int | Decimal | float):
            self._number(row, col, value, kind)
        else:
            self.cells.blank(row, col, self.styles.id_of(kind))

    def _text(self, row: int, col: int, value: str, kind: Kind) -> None:
        shown = cell_text(value)
        self.cells.text(row, col, self.styles.id_of(kind, needs_quote_prefix(shown)), shown, stored_text(shown))
        width = self._widths.get(col)
        if kind in WRAPPING and width and (len(shown) > width * 0.75 or "\n" in shown):
            lines = wrapped_lines(shown, width * BOLD_WIDTH if kind in BOLD else width)
            if lines > self._lines.get(row, 1):
                self._lines[row] = lines

    def _number(self, row: int, col: int, value: int | Decimal | float, kind: Kind) -> None:
        if fits_a_spreadsheet(value):
            self.cells.number(row, col, self.styles.id_of(kind), value)
        else:  # beyond any spreadsheet's numbers: shown, as text, rather than a file that will not open
            shown = format(value if isinstance(value, Decimal) else Decimal(value), ".6E")
            self._text(row, col, f"{shown} (too large for a spreadsheet)", kind)

    def _date(self, row: int, col: int, day: date, kind: Kind) -> None:
        serial = serial_day(day)
        if serial is None:  # before 1 March 1900: Excel has no such date, so show it as written
            self._text(row, col, day.isoformat(), kind)
        else:
            self.cells.number(row, col, self.styles.id_of(kind), serial)

    def block_text(self, row: int, first_col: int, last_col: int, text: str) -> None:
        """Long text across merged columns, its row as tall as the wrapped text needs."""
        self.put(row, first_col, text, Kind.WRAP)
        for col in range(first_col + 1, last_col + 1):
            self.put(row, col, None, Kind.WRAP)
        # Added as a range only: openpyxl's merge_cells would add cells to its own sheet data.
        self.sheet.merged_cells.add(MergedCellRange(self.sheet, f"{get_column_letter(first_col)}{row}:"
                                                                f"{get_column_letter(last_col)}{row}"))
        width = sum(self._widths.get(col, MIN_WIDTH) for col in range(first_col, last_col + 1))
        self._lines[row] = wrapped_lines(cell_text(text), width)  # the merged width, not the first column's

    def pair(self, row: int, label: str, value: Value, kind: Kind, value_col: int = 2) -> None:
        """A labelled value; the label may run on over the blank cells before the value."""
        self.put(row, 1, label, Kind.LABEL)
        for col in range(2, value_col):
            self.put(row, col, None, Kind.LABEL)
        self.put(row, value_col, value, kind)

    def fit(self, col: int, value: Value, cap: float = MAX_WIDTH) -> None:
        """Widen column ``col`` (up to ``cap``) so ``value`` shows."""
        if isinstance(value, Styled):
            value = value.value
        want = min(cap, max(MIN_WIDTH, display_length(value) * 1.1 + 2))
        self._widths[col] = max(self._widths.get(col, 0.0), want)

    def width(self, col: int, width: float) -> None:
        self._widths[col] = width

    # --- blocks --------------------------------------------------------------------

    def title(self, title: str, subtitle: str) -> None:
        self.put(TITLE_ROW, 1, title, Kind.TITLE)
        self.put(SUBTITLE_ROW, 1, subtitle, Kind.SUBTITLE)
        self.cells.heights[TITLE_ROW] = 24
        self.cells.heights[HEADER_ROW - 1] = 8

    def header(self, row: int, headers: Sequence[str], first_col: int = 1,
               over: Sequence[Kind] | None = None) -> None:
        """A header row; ``over`` names the kinds of the columns below, to align each header with them."""
        for offset, text in enumerate(headers):
            below = over[offset] if over else Kind.TEXT
            self.put(row, first_col + offset, text, HEADER_OVER.get(below, Kind.HEADER))

    def table(self, spec: TableSpec, rows: Iterable[Sequence[Value]], header_row: int = HEADER_ROW) -> Placed:
        """An Excel table (filters, banding) with calculated columns and drop-down lists."""
        for col, column in enumerate(spec.columns, start=1):
            if column.width is not None:
                self._widths[col] = column.width
        self.header(header_row, [c.header for c in spec.columns], over=[c.kind for c in spec.columns])
        entered = [c for c in spec.columns if c.formula is None]
        row = header_row
        for row, values in enumerate(rows, start=header_row + 1):
            self._table_row(spec, row, dict(zip((c.header for c in entered), values, strict=True)))
        if row == header_row:  # Excel needs one data row: an empty one to type into
            row += 1
            self._table_row(spec, row, {}, formulas=False)
        self._add_table(spec, header_row, row)
        for col, column in enumerate(spec.columns, start=1):
            self._size(col, column)
        return Placed(header_row, row)

    def _table_row(self, spec: TableSpec, row: int, values: dict[str, Value], formulas: bool = True) -> None:
        for col, column in enumerate(spec.columns, start=1):
            if column.formula is not None:
                self.put(row, col, Formula(column.formula) if formulas else None, column.kind)
            else:
                value = values.get(column.header)
                self.put(row, col, value, column.kind)
                if column.width is None:
                    self.fit(col, value)

    def _size(self, col: int, column: Column) -> None:
        if column.width is not None:
            self._widths[col] = column.width
        else:
            header_words = max(len(word) for word in column.header.split())
            self._widths[col] = max(self._widths.get(col, MIN_WIDTH), header_words + 4.0)

    def _add_table(self, spec: TableSpec, header_row: int, last_row: int) -> None:
        ref = f"A{header_row}:{get_column_letter(len(spec.columns))}{last_row}"
        table = Table(displayName=spec.name, ref=ref)
        table._initialise_columns()  # also sets the table's filter buttons
        table.tableColumns = [self._table_column(i, c) for i, c in enumerate(spec.columns, start=1)]
        table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
        self.sheet.add_table(table)
        for col, column in enumerate(spec.columns, start=1):
            cells = f"{get_column_letter(col)}{header_row + 1}:{get_column_letter(col)}{last_row}"
            if column.choices:
                self.choices(cells, column.choices)
            if column.limits:
                self.whole_numbers(cells, *column.limits)

    @staticmethod
    def _table_column(index: int, column: Column) -> TableColumn:
        formula = TableFormula(attr_text=column.formula) if column.formula else None
        return TableColumn(id=index, name=column.header, calculatedColumnFormula=formula)

    def choices(self, cells: str, source: str) -> None:
        """A drop-down list on ``cells``; typing anything else is refused with a message."""
        rule = DataValidation(type="list", formula1=source, allow_blank=True, showDropDown=False,
                              showErrorMessage=True, errorTitle="Not on the list",
                              error="Choose a value from the drop-down list.")
        rule.add(cells)
        self.sheet.add_data_validation(rule)

    def whole_numbers(self, cells: str, low: int, high: int) -> None:
        """Only whole numbers from ``low`` to ``high`` on ``cells`` (a rating scale)."""
        rule = DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high),
                              allow_blank=True, showErrorMessage=True, errorTitle="Out of range",
                              error=f"Enter a whole number from {low} to {high}.")
        rule.add(cells)
        self.sheet.add_data_validation(rule)

    def page_break_before(self, row: int) -> None:
        """Start a printed page at ``row`` (a section that reads better whole)."""
        self.sheet.row_breaks.append(Break(id=row - 1))

    # --- page ----------------------------------------------------------------------

    def finish(self, *, district: str, sheet_name: str, freeze: str | None, title_rows: str | None,
               pages_wide: int = 1, title_cols: str | None = None) -> None:
        """Column widths, row heights, frozen panes and print set-up (``pages_wide``: see set_up_printing)."""
        for col, width in self._widths.items():
            self.sheet.column_dimensions[get_column_letter(col)].width = round(width, 1)
        for row, count in self._lines.items():
            if count > 1:
                self.cells.heights[row] = row_height(count)
        if freeze:
            self.sheet.freeze_panes = freeze
        set_up_printing(self.sheet, district=district, sheet_name=sheet_name, title_rows=title_rows,
                        pages_wide=pages_wide, title_cols=title_cols)
