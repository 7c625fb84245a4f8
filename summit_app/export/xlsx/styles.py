"""The workbook's cell styles: one small set, named by what a cell holds.

Finance convention: figures someone enters are blue, figures a formula
computes are black, so a reader sees at a glance what to edit. Each style is
built once per workbook and copied onto cells as openpyxl's compact style
array, which keeps exporting a thousand-line budget fast.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

NAVY = "1F4E78"
INPUT_BLUE = "0000FF"
GREY = "595959"
RULE_GREY = "A6A6A6"

#: US dollars whatever the reader's locale (a built-in currency format would follow it);
#: negatives red, zero a dash so the years a line does not spend in stay quiet.
#: Every figure keeps a small gap on its right (``_)``) so it never touches the next column's text.
MONEY_FORMAT = '"$"#,##0.00_);[Red]-"$"#,##0.00_);"–"_)'
COUNT_FORMAT = "#,##0_)"
HOURS_FORMAT = "#,##0.00_)"
DATE_FORMAT = "mmm d, yyyy"
YEAR_FORMAT = "0"
SCORE_FORMAT = "0.0"
RATIO_FORMAT = "0.00"


class Kind(enum.Enum):
    """What a cell holds; decides its font, alignment and number format."""

    # Members are singletons: identity hashing is exact and far cheaper than Enum's
    # name hashing, which showed up when styling every cell of a large budget.
    __hash__ = object.__hash__

    TEXT = "text"
    WRAP = "wrap"  # long text: wrapped, read top-down
    INDENTED = "indented"  # an action under its goal
    EMPHASIS = "emphasis"  # a goal row in the goals table
    MONO = "mono"  # the plan fingerprint
    MONEY_INPUT = "money-input"
    MONEY = "money"
    COUNT_INPUT = "count-input"
    COUNT = "count"
    VALUE_COUNT_INPUT = "value-count-input"  # a count beside its label, read like text
    VALUE_COUNT = "value-count"
    HOURS_INPUT = "hours-input"
    HOURS = "hours"
    YEAR_INPUT = "year-input"
    DATE = "date"
    VALUE_DATE = "value-date"  # a date beside its label
    SCORE_INPUT = "score-input"
    SCORE = "score"
    RATIO = "ratio"
    CENTERED = "centered"
    HEADER = "header"
    HEADER_RIGHT = "header-right"  # over a column of figures
    HEADER_CENTER = "header-center"  # over a column of scores, years, yes/no
    TITLE = "title"
    SUBTITLE = "subtitle"
    SECTION = "section"
    LABEL = "label"
    NOTE = "note"
    TOTAL_LABEL = "total-label"
    TOTAL_MONEY = "total-money"
    TOTAL_COUNT = "total-count"
    TOTAL_HOURS = "total-hours"
    TOTAL_SCORE = "total-score"


@dataclass(frozen=True)
class Look:
    font: Font = field(default_factory=Font)
    alignment: Alignment = field(default_factory=lambda: Alignment(vertical="top"))
    number_format: str = "General"
    fill: PatternFill | None = None
    border: Border | None = None


def _font(*, size: float = 11, bold: bool = False, italic: bool = False, color: str | None = None) -> Font:
    return Font(name="Calibri", size=size, bold=bold, italic=italic, color=color)


_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)
_TOTAL_RULE = Border(top=Side(style="thin", color=RULE_GREY), bottom=Side(style="double", color=RULE_GREY))
_INPUT = _font(color=INPUT_BLUE)
_BOLD = _font(bold=True)

LOOKS: dict[Kind, Look] = {
    Kind.TEXT: Look(_font()),
    Kind.WRAP: Look(_font(), _WRAP),
    Kind.INDENTED: Look(_font(), Alignment(vertical="top", wrap_text=True, indent=2)),
    Kind.EMPHASIS: Look(_BOLD, _WRAP),
    Kind.MONO: Look(Font(name="Consolas", size=10)),
    Kind.MONEY_INPUT: Look(_INPUT, _TOP, MONEY_FORMAT),
    Kind.MONEY: Look(_font(), _TOP, MONEY_FORMAT),
    Kind.COUNT_INPUT: Look(_INPUT, _TOP, COUNT_FORMAT),
    Kind.COUNT: Look(_font(), _TOP, COUNT_FORMAT),
    Kind.VALUE_COUNT_INPUT: Look(_INPUT, Alignment(vertical="top", horizontal="left"), COUNT_FORMAT),
    Kind.VALUE_COUNT: Look(_font(), Alignment(vertical="top", horizontal="left"), COUNT_FORMAT),
    Kind.HOURS_INPUT: Look(_INPUT, _TOP, HOURS_FORMAT),
    Kind.HOURS: Look(_font(), _TOP, HOURS_FORMAT),
    Kind.YEAR_INPUT: Look(_INPUT, Alignment(vertical="top", horizontal="center"), YEAR_FORMAT),
    Kind.DATE: Look(_INPUT, Alignment(vertical="top", horizontal="center"), DATE_FORMAT),
    Kind.VALUE_DATE: Look(_INPUT, Alignment(vertical="top", horizontal="left"), DATE_FORMAT),
    Kind.SCORE_INPUT: Look(_INPUT, Alignment(vertical="top", horizontal="center"), "0"),
    Kind.SCORE: Look(_font(), Alignment(vertical="top", horizontal="center"), SCORE_FORMAT),
    Kind.RATIO: Look(_font(), _TOP, RATIO_FORMAT),
    Kind.CENTERED: Look(_font(), Alignment(vertical="top", horizontal="center")),
    Kind.HEADER: Look(_font(bold=True, color="FFFFFF"),
                      Alignment(vertical="center", wrap_text=True),
                      fill=PatternFill("solid", fgColor=NAVY)),
    Kind.HEADER_RIGHT: Look(_font(bold=True, color="FFFFFF"),
                            Alignment(vertical="center", horizontal="right", wrap_text=True),
                            fill=PatternFill("solid", fgColor=NAVY)),
    Kind.HEADER_CENTER: Look(_font(bold=True, color="FFFFFF"),
                             Alignment(vertical="center", horizontal="center", wrap_text=True),
                             fill=PatternFill("solid", fgColor=NAVY)),
    Kind.TITLE: Look(_font(bold=True, size=16, color=NAVY), Alignment(vertical="bottom")),
    Kind.SUBTITLE: Look(_font(color=GREY), _TOP),
    Kind.SECTION: Look(_font(bold=True, size=13, color=NAVY), Alignment(vertical="bottom")),
    Kind.LABEL: Look(_BOLD, _TOP),
    Kind.NOTE: Look(_font(italic=True, color=GREY), _TOP),
    Kind.TOTAL_LABEL: Look(_BOLD, _TOP, border=_TOTAL_RULE),
    Kind.TOTAL_MONEY: Look(_BOLD, _TOP, MONEY_FORMAT, border=_TOTAL_RULE),
    Kind.TOTAL_COUNT: Look(_BOLD, _TOP, COUNT_FORMAT, border=_TOTAL_RULE),
    Kind.TOTAL_HOURS: Look(_BOLD, _TOP, HOURS_FORMAT, border=_TOTAL_RULE),
    Kind.TOTAL_SCORE: Look(_BOLD, Alignment(vertical="top", horizontal="center"), SCORE_FORMAT,
                           border=_TOTAL_RULE),
}

#: Kinds of the cells inside tables and blocks: each gets a faint rule underneath, which
#: keeps long rows readable on paper, where a table's banding may not print.
_ROW_RULE = Border(bottom=Side(style="thin", color="D9D9D9"))
_RULED = (Kind.TEXT, Kind.WRAP, Kind.INDENTED, Kind.EMPHASIS, Kind.MONO, Kind.MONEY_INPUT, Kind.MONEY,
          Kind.COUNT_INPUT, Kind.COUNT, Kind.VALUE_COUNT_INPUT, Kind.VALUE_COUNT, Kind.HOURS_INPUT, Kind.HOURS,
          Kind.YEAR_INPUT, Kind.DATE, Kind.VALUE_DATE, Kind.SCORE_INPUT, Kind.SCORE, Kind.RATIO, Kind.CENTERED,
          Kind.LABEL)
LOOKS.update({kind: replace(LOOKS[kind], border=_ROW_RULE) for kind in _RULED})
#: The header over a column of each kind: figures right, scales and flags centred.
HEADER_OVER = {
    **dict.fromkeys((Kind.MONEY_INPUT, Kind.MONEY, Kind.COUNT_INPUT, Kind.COUNT, Kind.HOURS_INPUT, Kind.HOURS,
                     Kind.RATIO), Kind.HEADER_RIGHT),
    **dict.fromkeys((Kind.YEAR_INPUT, Kind.SCORE_INPUT, Kind.SCORE, Kind.CENTERED, Kind.DATE), Kind.HEADER_CENTER),
}
#: Kinds whose text wraps, so their rows grow with it.
WRAPPING = frozenset(kind for kind, look in LOOKS.items() if look.alignment.wrap_text)

class StyleBook:
    """Each :class:`Kind` as a cell-format index of one workbook, with and without a quote prefix."""

    def __init__(self, workbook: Workbook, sheet: Worksheet) -> None:
        self._sheet = sheet
        self._workbook = workbook
        self._ids: dict[tuple[Kind, bool], int] = {}

    def _build(self, kind: Kind, quoted: bool) -> StyleArray:
        look = LOOKS[kind]
        scratch = Cell(self._sheet)  # never placed in the sheet: registers fonts, fills… only
        scratch.font = look.font
        scratch.alignment = look.alignment
        scratch.number_format = look.number_format
        if look.fill is not None:
            scratch.fill = look.fill
        if look.border is not None:
            scratch.border = look.border
        scratch.quotePrefix = quoted
        return scratch._style

    def id_of(self, kind: Kind, quoted: bool = False) -> int:
        """The ``s`` index a cell of ``kind`` carries (with Excel's quote prefix when ``quoted``)."""
        key = (kind, quoted)
        found = self._ids.get(key)
        if found is None:
            # openpyxl numbers cell formats by their place in the workbook's list (Cell.style_id does this)
            found = self._ids[key] = self._workbook._cell_styles.add(self._build(kind, quoted))
        return found
