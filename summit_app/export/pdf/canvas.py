"""Page furniture drawn once the page count is known: header, footer, "Page X of Y", contents numbers.

The canvas keeps every finished page aside instead of writing it, and in
``save()`` draws on each what only the whole document knows (the page count,
the page each section starts on). So the report is laid out in a single pass:
no second build just to learn page numbers, and the bytes depend on the plan only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from summit_app.export.pdf.fonts import FACES
from summit_app.export.pdf.pdfops import Ops
from summit_app.export.pdf.styles import MARGIN_LEFT, MARGIN_RIGHT, PAGE_HEIGHT, PAGE_WIDTH, PALETTE
from summit_app.export.pdf.wrapping import ellipsized

DRAFT_MARK = "DRAFT — not for signature"
HEADER_Y = PAGE_HEIGHT - 0.58 * 72
FOOTER_Y = 0.52 * 72


@dataclass(frozen=True)
class Furniture:
    """What every page shows besides its content."""

    district: str
    plan_title: str  # e.g. "Technology Plan FY2027–FY2031"
    short_fingerprint: str
    draft: bool
    pdf_date: str  # the document's date in PDF form, D:YYYYMMDDHHmmSS+00'00'


@dataclass(frozen=True)
class NumberSlot:
    """Where the contents page prints the page a section starts on."""

    page: int
    key: str
    right: float
    baseline: float
    size: float


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line of ``width`` points, ending in "…" when cut (the full text prints elsewhere)."""
    return ellipsized(" ".join(text.split()), font, size, width)


class HeldPagesCanvas(Canvas):
    """Holds pages back until ``save()``, when the page count is known ("Page n of N").

    Subclasses draw each page's furniture in ``draw_furniture(total)``; the PDF's
    creation and modification dates are ``pdf_date``, never the clock.
    """

    def __init__(self, *args: Any, pdf_date: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.held_pages: list[dict[str, Any]] = []
        self.setDateFormatter(lambda *_: pdf_date)

    def showPage(self) -> None:
        self.held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self.held_pages)
        for state in self.held_pages:
            self.__dict__.update(state)
            self.draw_furniture(total)
            super().showPage()
        super().save()

    def draw_furniture(self, total: int) -> None:
        """Draw the current page's header and footer; ``total`` is the number of pages."""


class PlanCanvas(HeldPagesCanvas):
    """The plan PDF's canvas: running header, footer with the fingerprint, contents page numbers."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, pdf_date=furniture.pdf_date, **kwargs)
        self.furniture = furniture
        self.section_pages: dict[str, int] = {}
        self.number_slots: list[NumberSlot] = []

    def note_section(self, key: str) -> None:
        """Record that section ``key`` starts on the current page (a heading calls this when drawn)."""
        self.section_pages.setdefault(key, self.getPageNumber())

    def add_number_slot(self, key: str, right: float, baseline: float, size: float) -> None:
        x, y = self.absolutePosition(right, baseline)
        self.number_slots.append(NumberSlot(self.getPageNumber(), key, x, y, size))

    # --- what each page shows ------------------------------------------------------------

    def draw_furniture(self, total: int) -> None:
        page = self.getPageNumber()
        ops = Ops(self)
        if page > 1:
            self._draw_header(ops)
        self._draw_footer(ops, page, total)
        self._draw_numbers(ops, page)
        ops.flush()

    def _draw_header(self, ops: Ops) -> None:
        f = self.furniture
        room = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - stringWidth(f.plan_title, FACES.regular, 7.8) - 24
        ops.show(MARGIN_LEFT, HEADER_Y, fit_line(f.district, FACES.bold, 7.8, room), FACES.bold, 7.8, PALETTE.accent)
        ops.show_right(PAGE_WIDTH - MARGIN_RIGHT, HEADER_Y, f.plan_title, FACES.regular, 7.8, PALETTE.muted)
        ops.hline(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, HEADER_Y - 6, 0.5, PALETTE.rule)

    def _draw_footer(self, ops: Ops, page: int, total: int) -> None:
        f = self.furniture
        ops.hline(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y + 11, 0.5, PALETTE.rule)
        ops.show(MARGIN_LEFT, FOOTER_Y, f"Plan fingerprint {f.short_fingerprint}", FACES.regular, 7.5, PALETTE.muted)
        ops.show_right(PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y, f"Page {page} of {total}", FACES.regular, 7.5,
                       PALETTE.ink)
        if f.draft:
            ops.show_centred(PAGE_WIDTH / 2, FOOTER_Y, DRAFT_MARK, FACES.bold, 7.5, PALETTE.danger)

    def _draw_numbers(self, ops: Ops, page: int) -> None:
        for slot in self.number_slots:
            if slot.page == page and slot.key in self.section_pages:
                ops.show_right(slot.right, slot.baseline, str(self.section_pages[slot.key]), FACES.regular,
                               slot.size, PALETTE.ink)
