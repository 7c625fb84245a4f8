"""Data tables: literal text, light rules, split across pages with the header repeated.

reportlab's ``Table`` recomputes every remaining row each time it splits (a
1,000-line budget takes seconds) and needs ``Paragraph`` cells, i.e. markup, to
wrap text. This flowable lays each row out once, wraps plain text itself and
draws it with the canvas's text operators, so user text is never parsed: ``<b>``
or ``&amp;`` print as typed. A row taller than a page (a 10,000-character cell)
is cut between lines and continues on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from summit_app.export.pdf.markup import clean
from summit_app.export.pdf.pdfops import Ops
from summit_app.export.pdf.styles import PALETTE, TABLE, TableLook
from summit_app.export.pdf.wrapping import wrap_text

DATA, GROUP, TOTAL = "data", "group", "total"
#: Rows taller than this may be cut between lines at the foot of a page.
TALL_ROW = 140.0
#: Never cut a row leaving fewer lines than this on either side.
MIN_LINES = 2
#: Figures in right-aligned columns shrink down to this size before they would wrap.
MIN_FIGURE_SIZE = 6.0


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # of the table's width
    align: str = "left"  # or "right"


@dataclass(frozen=True)
class Part:
    """A piece of a cell in its own face: ``regular``, ``bold``, ``italic`` or ``muted``."""

    text: str
    face: str = "regular"


Cell = str | Part | tuple[Part, ...]


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: str = DATA  # DATA, GROUP (one cell across the table) or TOTAL (bold, ruled above)


def row(*cells: Cell, kind: str = DATA) -> Row:
    return Row(tuple(cells), kind)


@dataclass(frozen=True)
class Line:
    text: str
    font: str
    size: float
    color: Color
    width: float


@dataclass
class Laid:
    """A row laid out: each cell's lines, ready to draw."""

    kind: str
    cells: list[list[Line]]
    height: float = 0.0

    def cut(self, lines: int, look: TableLook) -> tuple[Laid, Laid]:
        """The first ``lines`` lines of every cell, and the rest."""
        head = Laid(self.kind, [c[:lines] for c in self.cells])
        tail = Laid(self.kind, [c[lines:] for c in self.cells])
        return _measured(head, look), _measured(tail, look)


def _measured(laid: Laid, look: TableLook) -> Laid:
    lines = max((len(c) for c in laid.cells), default=0)
    laid.height = 2 * look.pad_y + max(1, lines) * look.leading
    return laid


def _parts(cell: Cell) -> tuple[Part, ...]:
    if isinstance(cell, str):
        return (Part(cell),)
    if isinstance(cell, Part):
        return (cell,)
    return cell


def _face(part: Part, look: TableLook, kind: str) -> tuple[str, Color]:
    if kind in (GROUP, TOTAL) or part.face == "bold":
        return look.bold, PALETTE.accent if kind == GROUP else PALETTE.ink
    if part.face == "italic":
        return look.italic, PALETTE.ink
    return look.regular, PALETTE.muted if part.face == "muted" else PALETTE.ink


def _shrunk(text: str, font: str, size: float, width: float) -> float:
    """A smaller size at which a figure fits its column on one line (down to a floor), so numbers never wrap."""
    while size > MIN_FIGURE_SIZE and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def lay_cell(cell: Cell, width: float, look: TableLook, kind: str = DATA, size: float | None = None,
             figure: bool = False) -> list[Line]:
    """The lines of a cell wrapped to ``width`` points; a ``figure`` shrinks rather than wraps."""
    out: list[Line] = []
    for part in _parts(cell):
        font, color = _face(part, look, kind)
        text = clean(part.text)
        at = _shrunk(text, font, size or look.size, width) if figure else size or look.size
        out += [Line(t, font, at, color, w) for t, w in wrap_text(text, font, at, width)]
    return out


@dataclass
class Layout:
    widths: list[float]
    header: Laid | None
    rows: list[Laid] = field(default_factory=list)


class DataTable(Flowable):
    """A table of plain-text cells (see the module docstring)."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Row], *, header: bool = True,
                 look: TableLook = TABLE, space_after: float = 10.0, _layout: Layout | None = None) -> None:
        super().__init__()
        self.columns = tuple(columns)
        self.rows = tuple(rows)
        self.show_header = header
        self.look = look
        self.spaceAfter = space_after
        self._layout = _layout

    # --- layout ---------------------------------------------------------------------

    def _lay_row(self, r: Row, widths: list[float]) -> Laid:
        inner = [w - 2 * self.look.pad_x for w in widths]
        if r.kind == GROUP:
            return _measured(Laid(GROUP, [lay_cell(r.cells[0], sum(inner), self.look, GROUP)]), self.look)
        cells = [lay_cell(c, w, self.look, r.kind, figure=col.align == "right")
                 for c, w, col in zip(r.cells, inner, self.columns, strict=True)]
        return _measured(Laid(r.kind, cells), self.look)

    def _lay_header(self, widths: list[float]) -> Laid | None:
        if not self.show_header:
            return None
        cells = [lay_cell(Part(c.title, "bold"), w - 2 * self.look.pad_x, self.look, DATA, self.look.header_size)
                 for c, w in zip(self.columns, widths, strict=True)]
        return _measured(Laid("header", cells), self.look)

    def layout(self, width: float) -> Layout:
        """Rows laid out for ``width``; a part split off keeps the layout it was cut from."""
        stale = self._layout is not None and self.rows and abs(sum(self._layout.widths) - width) > 0.5
        if self._layout is None or stale:
            total = sum(c.share for c in self.columns)
            widths = [width * c.share / total for c in self.columns]
            self._layout = Layout(widths, self._lay_header(widths), [self._lay_row(r, widths) for r in self.rows])
        return self._layout

    def _header_height(self, layout: Layout) -> float:
        return layout.header.height if layout.header else 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        layout = self.layout(aw)
        self.width = aw
        self.height = self._header_height(layout) + sum(r.height for r in layout.rows)
        return self.width, self.height

    # --- splitting ------------------------------------------------------------------

    def _part(self, rows: list[Laid], layout: Layout) -> DataTable:
        return DataTable(self.columns, (), header=self.show_header, look=self.look, space_after=self.spaceAfter,
                         _layout=Layout(layout.widths, layout.header, rows))

    def _fit(self, rows: list[Laid], room: float) -> int:
        used, n = 0.0, 0
        for laid in rows:
            if used + laid.height > room:
                break
            used += laid.height
            n += 1
        return n

    def split(self, aw: float, ah: float) -> list[Any]:
        layout = self.layout(aw)
        rows = list(layout.rows)
        room = ah - self._header_height(layout)
        n = self._fit(rows, room)
        if n == len(rows):
            return [self]
        left = room - sum(r.height for r in rows[:n])
        lines = int((left - 2 * self.look.pad_y) // self.look.leading)
        tall = rows[n]
        if tall.height > TALL_ROW and lines >= MIN_LINES and tall.height - lines * self.look.leading > 0:
            head, tail = tall.cut(lines, self.look)
            return [self._part([*rows[:n], head], layout), self._part([tail, *rows[n + 1:]], layout)]
        n = _tidy(rows, n)
        if n == 0:
            return []
        return [self._part(rows[:n], layout), self._part(rows[n:], layout)]

    # --- drawing --------------------------------------------------------------------

    def draw(self) -> None:
        layout = self.layout(self.width)
        ops = Ops(self.canv)
        y = self.height
        if layout.header:
            self._draw_header(ops, layout.header, layout.widths, y)
            y -= layout.header.height
        for laid in layout.rows:
            self._draw_row(ops, laid, layout.widths, y)
            y -= laid.height
        ops.flush()

    def _draw_header(self, ops: Ops, laid: Laid, widths: list[float], top: float) -> None:
        bottom = top - laid.height
        ops.fill_rect(0, bottom, self.width, laid.height, PALETTE.band)
        ops.hline(0, self.width, bottom, 0.8, PALETTE.accent)
        self._draw_text(ops, laid, widths, top, PALETTE.muted)

    def _draw_row(self, ops: Ops, laid: Laid, widths: list[float], top: float) -> None:
        bottom = top - laid.height
        if laid.kind == GROUP:
            ops.fill_rect(0, bottom, self.width, laid.height, PALETTE.accent_light)
        if laid.kind == TOTAL:
            ops.hline(0, self.width, top, 0.7, PALETTE.ink)
        else:
            ops.hline(0, self.width, bottom, 0.4, PALETTE.rule_light)
        self._draw_text(ops, laid, [self.width] if laid.kind == GROUP else widths, top, None)

    def _draw_text(self, ops: Ops, laid: Laid, widths: list[float], top: float, color: Color | None) -> None:
        look = self.look
        first = top - look.pad_y - look.leading + (look.leading - look.size) / 2 + look.size * 0.22
        x = 0.0
        for cell, width, column in zip(laid.cells, widths, self.columns, strict=False):
            right = column.align == "right" and laid.kind != GROUP
            for i, line in enumerate(cell):
                at = x + width - look.pad_x - line.width if right else x + look.pad_x
                ops.show(at, first - i * look.leading, line.text, line.font, line.size, color or line.color)
            x += width


def _tidy(rows: list[Laid], n: int) -> int:
    """Move a group heading left last, or a total row left alone, to the next page."""
    while n > 0 and rows[n - 1].kind == GROUP:
        n -= 1
    if n == len(rows) - 1 and rows[-1].kind == TOTAL and n > 1:
        n -= 1
    return n
