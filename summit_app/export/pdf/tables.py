"""Data tables: literal text, light rules, split across pages with the header repeated.

reportlab's ``Table`` recomputes every remaining row each time it splits (a
1,000-line budget takes seconds) and needs ``Paragraph`` cells, i.e. markup, to
wrap text. This flowable lays each row out once, wraps plain text itself and
draws it with the canvas's text operators, so user text is never parsed: ``<b>``
or ``&amp;`` print as typed. A row taller than a page (a 10,000-character cell)
is cut between lines and continues on the next page.

Each table is tagged as it is drawn: Table → THead/TBody → TR → TH (with its
scope) or TD, one element for the whole table however many pages it spans; the
header repeated on a continuation page is an artifact, as are the rules and
fills. A header-less table of names can be tagged as a list (L → LI → LBody).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfdoc import PDFName
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from summit_app.export.pdf.fonts import face_for
from summit_app.export.pdf.markup import clean
from summit_app.export.pdf.pdfops import Ops
from summit_app.export.pdf.styles import PALETTE, TABLE, TableLook
from summit_app.export.pdf.tagged import tags_of
from summit_app.export.pdf.tagging import Node, Tagger
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
        font = face_for(font, text)
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
                 look: TableLook = TABLE, space_after: float = 10.0, row_headers: tuple[int, ...] = (),
                 as_list: bool = False, _layout: Layout | None = None, _shared: dict[str, Node] | None = None,
                 _continued: bool = False) -> None:
        """``row_headers``: the columns whose cells head their row (TH, scope Row), as in a label/value
        table; ``as_list``: tag the cells as list items, column by column (a header-less list of names)."""
        super().__init__()
        self.columns = tuple(columns)
        self.rows = tuple(rows)
        self.show_header = header
        self.look = look
        self.spaceAfter = space_after
        self.row_headers = row_headers
        self.as_list = as_list
        self._layout = _layout
        self._shared: dict[str, Node] = {} if _shared is None else _shared  # the elements all parts add to
        self._continued = _continued

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

    def _part(self, rows: list[Laid], layout: Layout, continued: bool) -> DataTable:
        return DataTable(self.columns, (), header=self.show_header, look=self.look, space_after=self.spaceAfter,
                         row_headers=self.row_headers, as_list=self.as_list,
                         _layout=Layout(layout.widths, layout.header, rows), _shared=self._shared,
                         _continued=continued)

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
            return [self._part([*rows[:n], head], layout, self._continued),
                    self._part([tail, *rows[n + 1:]], layout, True)]
        n = _tidy(rows, n)
        if n == 0:
            return []
        return [self._part(rows[:n], layout, self._continued), self._part(rows[n:], layout, True)]

    # --- drawing --------------------------------------------------------------------

    def draw(self) -> None:
        layout = self.layout(self.width)
        ops = Ops(self.canv)
        tags = tags_of(self.canv)
        page = self.canv.getPageNumber()
        first = not self._shared
        if first:
            self._open(tags, layout)
        y = self.height
        if layout.header:
            head = self._shared.get("head") if first else None  # a repeated header is an artifact
            self._draw_header(ops, layout.header, layout.widths, y, self._cells(tags, head, len(self.columns)))
            y -= layout.header.height
        tops = []
        for laid in layout.rows:
            tops.append(y)
            self._draw_rule(ops, laid, y)
            y -= laid.height
        if self.as_list:
            self._draw_list(ops, tags, page, layout, tops)
        else:
            for laid, top in zip(layout.rows, tops, strict=True):
                widths = [self.width] if laid.kind == GROUP else layout.widths
                self._draw_text(ops, laid, widths, top, None, self._row_cells(tags, laid), page)
        ops.flush()

    def _open(self, tags: Tagger, layout: Layout) -> None:
        """The table's elements, made when its first part is drawn; later parts add rows to its body."""
        if self.as_list:
            self._shared["body"] = tags.current.add("L")
            return
        table = tags.current.add("Table")
        self._shared["table"] = table
        if layout.header:
            self._shared["head"] = table.add("THead")
            self._shared["body"] = table.add("TBody")
        else:
            self._shared["body"] = table

    def _cells(self, tags: Tagger, head: Node | None, n: int) -> list[Node] | None:
        if head is None:
            return None
        row_node = head.add("TR")
        return [row_node.add("TH", {"O": PDFName("Table"), "Scope": PDFName("Column")}) for _ in range(n)]

    def _row_cells(self, tags: Tagger, laid: Laid) -> list[Node]:
        row_node = self._shared["body"].add("TR")
        if laid.kind == GROUP:
            return [row_node.add("TD", {"O": PDFName("Table"), "ColSpan": len(self.columns)})]
        return [row_node.add("TH", {"O": PDFName("Table"), "Scope": PDFName("Row")}) if i in self.row_headers
                else row_node.add("TD") for i in range(len(laid.cells))]

    def _draw_list(self, ops: Ops, tags: Tagger, page: int, layout: Layout, tops: list[float]) -> None:
        """Cells as list items, column by column (the order the eye reads a list set in columns)."""
        x = 0.0
        for col, width in enumerate(layout.widths):
            for laid, top in zip(layout.rows, tops, strict=True):
                cell = laid.cells[col] if col < len(laid.cells) else []
                if cell:
                    item = self._shared["body"].add("LI").add("LBody")
                    self._draw_cell(ops, cell, x, width, top, False, None, item, page)
            x += width

    def _draw_header(self, ops: Ops, laid: Laid, widths: list[float], top: float, nodes: list[Node] | None) -> None:
        bottom = top - laid.height
        ops.fill_rect(0, bottom, self.width, laid.height, PALETTE.band)
        ops.hline(0, self.width, bottom, 0.8, PALETTE.accent)
        if nodes is None:
            ops.mark("/Artifact <</Type /Pagination>> BDC")
            self._draw_text(ops, laid, widths, top, PALETTE.muted, None, 0)
            ops.end_mark()
        else:
            self._draw_text(ops, laid, widths, top, PALETTE.muted, nodes, self.canv.getPageNumber())

    def _draw_rule(self, ops: Ops, laid: Laid, top: float) -> None:
        bottom = top - laid.height
        if laid.kind == GROUP:
            ops.fill_rect(0, bottom, self.width, laid.height, PALETTE.accent_light)
        if laid.kind == TOTAL:
            ops.hline(0, self.width, top, 0.7, PALETTE.ink)
        else:
            ops.hline(0, self.width, bottom, 0.4, PALETTE.rule_light)

    def _draw_text(self, ops: Ops, laid: Laid, widths: list[float], top: float, color: Color | None,
                   nodes: list[Node] | None, page: int) -> None:
        x = 0.0
        for i, (cell, width, column) in enumerate(zip(laid.cells, widths, self.columns, strict=False)):
            right = column.align == "right" and laid.kind != GROUP
            self._draw_cell(ops, cell, x, width, top, right, color, nodes[i] if nodes else None, page)
            x += width

    def _draw_cell(self, ops: Ops, cell: list[Line], x: float, width: float, top: float, right: bool,
                   color: Color | None, node: Node | None, page: int) -> None:
        """One cell's lines, as marked content of its element ``node`` (when there is text)."""
        look = self.look
        first = top - look.pad_y - look.leading + (look.leading - look.size) / 2 + look.size * 0.22
        if node is not None and cell:
            ops.mark(tags_of(self.canv).begin(page, node))
        for i, line in enumerate(cell):
            at = x + width - look.pad_x - line.width if right else x + look.pad_x
            ops.show(at, first - i * look.leading, line.text, line.font, line.size, color or line.color)
        if node is not None and cell:
            ops.end_mark()


def _tidy(rows: list[Laid], n: int) -> int:
    """Move a group heading left last, or a total row left alone, to the next page."""
    while n > 0 and rows[n - 1].kind == GROUP:
        n -= 1
    if n == len(rows) - 1 and rows[-1].kind == TOTAL and n > 1:
        n -= 1
    return n
