"""A sheet's cells, kept as ready-made XML until the workbook is saved.

openpyxl serialises each cell through an element tree, which takes most of the
time of exporting a large plan. The cells here are already strings: text is
escaped once (and inline, so every reader sees it at once), numbers are
written in plain decimal notation, dates as Excel serial days. Each cell's
value is kept too, so calc.py can work out what every formula computes: a
formula cell is finished at save time, with that value cached beside it. Then
``package.py`` puts each sheet's ``<sheetData>`` into the worksheet openpyxl
wrote around it (columns, panes, tables, validation, print set-up).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from openpyxl.utils import get_column_letter

#: Excel counts days from 1899-12-30 for every date after its phantom 1900-02-29.
_EXCEL_EPOCH = date(1899, 12, 30)
_FIRST_SERIAL_DATE = date(1900, 3, 1)


def escape(text: str) -> str:
    """``text`` as XML character data (quotes need no escape outside attributes)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def serial_day(day: date) -> int | None:
    """Excel's serial number for ``day``, or ``None`` before 1 March 1900 (Excel cannot show it)."""
    return (day - _EXCEL_EPOCH).days if day >= _FIRST_SERIAL_DATE else None


#: What a cell holds for calculation: a number, text, or nothing.
Scalar = Decimal | str | bool | None


class Computed(NamedTuple):
    """A formula's computed value as the file caches it: ``t`` attribute (or "") and ``<v>`` text."""

    cell_type: str  # "" (a number), "str", "b" or "e"
    text: str


#: The largest magnitude a spreadsheet number (an IEEE double) holds.
LARGEST_NUMBER = Decimal("1.7976931348623157E+308")


def fits_a_spreadsheet(value: int | Decimal | float) -> bool:
    """Whether a spreadsheet can hold ``value`` as a number (finite, within a double's range)."""
    if isinstance(value, int):
        return value.bit_length() <= 1023
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    return number.is_finite() and abs(number) <= LARGEST_NUMBER


def number_text(value: int | Decimal | float) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return repr(value) if isinstance(value, float) else str(value)


class CellGrid:
    """Cells by row and column, each a finished ``<c>`` element; row heights alongside."""

    def __init__(self) -> None:
        self._rows: dict[int, dict[int, str]] = {}
        self.heights: dict[int, float] = {}
        self._letters: dict[int, str] = {}
        self._escaped_formulas: dict[str, str] = {}  # a calculated column repeats one formula
        self.values: dict[tuple[int, int], Scalar] = {}  # each entered cell's value, by (row, column)
        self.formulas: dict[tuple[int, int], str] = {}  # each formula cell's formula, by (row, column)
        self.computed: dict[tuple[int, int], Computed] = {}  # each formula's value, filled in before saving

    def _ref(self, row: int, col: int) -> str:
        letter = self._letters.get(col)
        if letter is None:
            letter = self._letters[col] = get_column_letter(col)
        return f"{letter}{row}"

    def _set(self, row: int, col: int, xml: str, value: Scalar = None) -> None:
        self._rows.setdefault(row, {})[col] = xml
        key = (row, col)
        self.formulas.pop(key, None)
        if value is None:
            self.values.pop(key, None)
        else:
            self.values[key] = value

    def text(self, row: int, col: int, style: int, shown: str, stored: str) -> None:
        """Inline text (``stored``: ``shown`` made safe to store); whitespace kept as typed."""
        self._set(row, col, f'<c r="{self._ref(row, col)}" s="{style}" t="inlineStr">'
                            f'<is><t xml:space="preserve">{escape(stored)}</t></is></c>', shown)

    def number(self, row: int, col: int, style: int, value: int | Decimal | float) -> None:
        """A number a spreadsheet can hold (see :func:`fits_a_spreadsheet`)."""
        kept = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
        self._set(row, col, f'<c r="{self._ref(row, col)}" s="{style}"><v>{number_text(value)}</v></c>', kept)

    def formula(self, row: int, col: int, style: int, formula: str) -> None:
        """A formula (without ``=``); its cached value is added when the sheet is written out."""
        escaped = self._escaped_formulas.get(formula)
        if escaped is None:
            escaped = self._escaped_formulas[formula] = escape(formula)
        # The cell's opening and its <f>, joined around the value in _finished.
        self._set(row, col, f'<c r="{self._ref(row, col)}" s="{style}"|<f>{escaped}</f>')
        self.formulas[row, col] = formula

    def _finished(self, row: int, col: int, parts: str) -> str:
        """A formula cell with its computed value, if one was found (a spreadsheet recalculates it anyway)."""
        head, formula = parts.split("|", 1)  # a cell's opening holds no "|"
        value = self.computed.get((row, col))
        if value is None:
            return f"{head}>{formula}</c>"
        kind = f' t="{value.cell_type}"' if value.cell_type else ""
        return f"{head}{kind}>{formula}<v>{escape(value.text)}</v></c>"

    def blank(self, row: int, col: int, style: int) -> None:
        self._set(row, col, f'<c r="{self._ref(row, col)}" s="{style}"/>')

    def dimension(self) -> str:
        """The used range, e.g. ``A1:P1004``."""
        if not self._rows:
            return "A1"
        last_col = max(max(cols) for cols in self._rows.values())
        return f"A1:{self._ref(max(self._rows), last_col)}"

    def sheet_data(self) -> str:
        """The ``<sheetData>`` element: rows in order, cells in column order."""
        parts = ["<sheetData>"]
        for row in sorted(self._rows.keys() | self.heights.keys()):
            height = self.heights.get(row)
            attrs = f' ht="{height:g}" customHeight="1"' if height else ""
            cells = self._rows.get(row, {})
            parts.append(f'<row r="{row}"{attrs}>')
            parts.extend(self._finished(row, col, cells[col]) if (row, col) in self.formulas else cells[col]
                         for col in sorted(cells))
            parts.append("</row>")
        parts.append("</sheetData>")
        return "".join(parts)
