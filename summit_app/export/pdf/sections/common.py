"""Building blocks the sections share: titles, fact tables, key figures, notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph

from summit_app.export.pdf.context import Report
from summit_app.export.pdf.fonts import FACES
from summit_app.export.pdf.markup import escape
from summit_app.export.pdf.styles import PALETTE
from summit_app.export.pdf.tables import Cell, Column, DataTable, Part, row
from summit_app.export.pdf.tagged import H2, H3, Para, tags_of
from summit_app.export.pdf.tagging import artifact
from summit_app.export.pdf.toc import Entry, section_title


def opening(report: Report, entry: Entry) -> list[Flowable]:
    """A new page and the section's title."""
    return [PageBreak(), *section_title(entry, report.styles.h1)]


def h2(report: Report, text: str) -> Paragraph:
    return H2(escape(text), report.styles.h2)


def h3(report: Report, text: str) -> Paragraph:
    return H3(escape(text), report.styles.h3)


def note(report: Report, text: str) -> Paragraph:
    """A short line of the report's own words (which may quote the plan: escaped too)."""
    return Para(escape(text), report.styles.muted)


def facts(pairs: Sequence[tuple[str, Cell]], *, label_share: float = 0.3) -> DataTable:
    """A two-column table of labelled values with no header."""
    columns = (Column("", label_share), Column("", 1 - label_share))
    return DataTable(columns, [row(Part(label, "muted"), value) for label, value in pairs], header=False,
                     row_headers=(0,))


class KeyFigures(Flowable):
    """A strip of boxed headline figures: a small label, a large value, a note beneath."""

    def __init__(self, items: Sequence[tuple[str, str, str]], height: float = 66) -> None:
        super().__init__()
        self.items = tuple(items)
        self.box_height = height
        self.spaceAfter = 14

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.box_height

    def draw(self) -> None:
        canv: Any = self.canv
        gap = 8.0
        box = (self.width - gap * (len(self.items) - 1)) / max(1, len(self.items))
        tags = tags_of(canv)
        for i, (label, value, remark) in enumerate(self.items):
            x = i * (box + gap)
            with artifact(canv):
                canv.setFillColor(PALETTE.band)
                canv.rect(x, 0, box, self.box_height, stroke=0, fill=1)
                canv.setFillColor(PALETTE.accent)
                canv.rect(x, self.box_height - 2.5, box, 2.5, stroke=0, fill=1)
            with tags.marked(canv, "P"):  # one paragraph per figure: "TOTAL INVESTMENT $1,234 over 5 years"
                self._text(canv, x + 9, self.box_height - 17, label, FACES.bold, 7, PALETTE.muted, box - 18)
                self._text(canv, x + 9, self.box_height - 38, value, FACES.bold, 15, PALETTE.ink, box - 18)
                self._text(canv, x + 9, 10, remark, FACES.regular, 7, PALETTE.muted, box - 18)

    @staticmethod
    def _text(canv: Any, x: float, y: float, text: str, font: str, size: float, color: Any, width: float) -> None:
        """One line; a figure too wide for its box is set smaller rather than cut."""
        while size > 6 and stringWidth(text, font, size) > width:
            size -= 0.5
        canv.setFont(font, size)
        canv.setFillColor(color)
        canv.drawString(x, y, text)
