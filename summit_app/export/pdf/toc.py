"""Section headings that register themselves, and the contents page that lists them.

A heading, when drawn, starts its section's Sect element, tells the canvas its
page, notes a bookmark and adds an outline entry. The contents page draws
titles and dot leaders at once and asks the canvas to print each page number,
and to make each entry's link, at save time (canvas.py), so the contents need
no second layout pass. Each contents entry is a TOCI whose Link holds the
entry's text and its link annotation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus.flowables import HRFlowable

from summit_app.export.pdf.fonts import FACES
from summit_app.export.pdf.markup import escape
from summit_app.export.pdf.styles import PALETTE
from summit_app.export.pdf.tagged import H1, tags_of
from summit_app.export.pdf.tagging import artifact


@dataclass(frozen=True)
class Entry:
    key: str  # bookmark name
    title: str
    number: str  # "1", "A", or "" for unnumbered parts


class Heading(H1):
    """A section title that marks where its section starts (and starts its Sect element)."""

    def __init__(self, entry: Entry, style: ParagraphStyle) -> None:
        super().__init__(heading_markup(entry), style)
        self.entry = entry

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        tags_of(canv).start_section()
        super().drawOn(canv, x, y, _sW)

    def draw(self) -> None:
        super().draw()
        canv: Any = self.canv
        canv.note_bookmark(self.entry.key, canv.absolutePosition(0, self.height)[1] + 12)
        canv.addOutlineEntry(self.entry.title, self.entry.key, 0)
        canv.note_section(self.entry.key)


class SectionStart(Flowable):
    """Starts a Sect element for a part of the report without a numbered heading (cover, contents)."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        tags_of(self.canv).start_section()


def heading_markup(entry: Entry) -> str:
    """"3  Vision & goals" with the number in a lighter tint; "Appendix A: Open findings" for lettered parts."""
    title = escape(entry.title)
    if not entry.number:
        return title
    if entry.number.isalpha():
        return f"Appendix {entry.number}: {title}"
    tint = "#" + PALETTE.accent_mid.hexval()[2:]
    return f'<font color="{tint}">{escape(entry.number)}</font>&nbsp;&nbsp;{title}'


def section_title(entry: Entry, style: ParagraphStyle) -> list[Flowable]:
    """A heading with its accent rule beneath."""
    return [Heading(entry, style), HRFlowable(width="100%", thickness=1.2, color=PALETTE.accent,
                                              spaceBefore=2, spaceAfter=14, hAlign="LEFT")]


class Contents(Flowable):
    """The table of contents: number, title, dot leader, page number (printed at save time)."""

    def __init__(self, entries: Sequence[Entry], *, size: float = 10.5, leading: float = 24.0) -> None:
        super().__init__()
        self.entries = tuple(entries)
        self.size = size
        self.leading = leading

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.leading * len(self.entries)
        return aw, self.height

    def draw(self) -> None:
        canv: Any = self.canv
        tags = tags_of(canv)
        with tags.element("TOC"):
            for i, entry in enumerate(self.entries):
                baseline = self.height - (i + 1) * self.leading + self.leading * 0.35
                with tags.element("TOCI"), tags.element("Link") as link:
                    self._draw_entry(canv, entry, baseline, link)

    def _draw_entry(self, canv: Any, entry: Entry, baseline: float, link: Any) -> None:
        numbers_at = self.width - 4
        with tags_of(canv).marked(canv, "Link", node=link):
            canv.setFillColor(PALETTE.accent)
            canv.setFont(FACES.bold, self.size)
            canv.drawString(0, baseline, entry.number)
            canv.setFillColor(PALETTE.ink)
            canv.setFont(FACES.regular, self.size)
            canv.drawString(28, baseline, entry.title)
        title_end = 28 + canv.stringWidth(entry.title, FACES.regular, self.size)
        with artifact(canv):
            self._draw_leader(canv, title_end + 6, numbers_at - 30, baseline)
        canv.add_number_slot(entry.key, entry.title, numbers_at, baseline, self.size,
                             (0, baseline - 6, self.width, baseline + self.size + 2), link)

    def _draw_leader(self, canv: Any, start: float, end: float, baseline: float) -> None:
        canv.setStrokeColor(PALETTE.rule)
        canv.setLineWidth(0.9)
        canv.setDash(0.9, 3.1)
        canv.setLineCap(1)
        canv.line(start, baseline + 1, end, baseline + 1)
        canv.setDash()
