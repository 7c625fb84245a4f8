"""How much room text takes: column widths that fit it, and the lines it wraps to.

LibreOffice opens a row with no stored height at the default height, however
much its wrapped text needs, so the writer stores each row's height from these
estimates (checked by converting workbooks to PDF and looking at the pages).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

#: Widths (in characters) an automatically sized column stays between.
MIN_WIDTH, MAX_WIDTH = 8.0, 44.0
#: Characters of ordinary text per unit of column width (a unit is one digit's width).
CHARS_PER_WIDTH = 1.2
#: Points per line of 11-point text, and the tallest row Excel allows.
LINE_HEIGHT, MAX_ROW_HEIGHT = 14.5, 409.0
MAX_LINES = int(MAX_ROW_HEIGHT // LINE_HEIGHT)
#: Width (in characters) a cell keeps clear of text at its edges: it matters in narrow columns.
CELL_PADDING = 1.0
#: Bold text takes more room than body text.
BOLD_WIDTH = 0.85


def display_length(value: object) -> int:
    """About how many characters wide ``value`` shows."""
    if isinstance(value, str):
        return max((len(line) for line in value.split("\n")), default=0)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return len(f"{value:,}") + 3
    if isinstance(value, date):
        return 12
    return 0


def wrapped_lines(text: str, width: float, limit: int = MAX_LINES) -> int:
    """About how many lines ``text`` takes wrapped in a column ``width`` characters wide.

    Counted word by word as a spreadsheet wraps, a little pessimistically: a
    reader without Calibri (LibreOffice falls back to a wider font) still sees
    every line.
    """
    per_line = max(1, int((width - CELL_PADDING) * CHARS_PER_WIDTH) - 1)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0
        for word in paragraph.split(" "):
            size = len(word)
            if used and used + 1 + size > per_line:
                lines += 1
                used = 0
            used += size + (1 if used else 0)
            while used > per_line:  # a word longer than a line breaks anywhere
                lines += 1
                used -= per_line
        if lines >= limit:
            return limit
    return lines


def row_height(lines: int) -> float:
    """Points for a row of ``lines`` lines of text."""
    return min(MAX_ROW_HEIGHT, round(lines * LINE_HEIGHT + 2, 1))
