"""Flowables that draw their content as tagged structure (see tagging.py).

A paragraph draws itself inside one marked-content sequence of its own
element (P, H2, H3, Caption); a figure carries alternative text written from
the chart's data; the frame draws anything that tags nothing (rules, spacers)
as an artifact, so no content on a page is left outside the structure.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Frame, Paragraph, Table

from summit_app.export.pdf.fonts import with_fallback
from summit_app.export.pdf.tagging import ARTIFACT_BEGIN, END, Tagger, artifact

#: Every marked-content sequence the tagger opens says this (flowables that tag nothing hold no user text).
_OPENS = "<</MCID "


def tags_of(canv: Any) -> Tagger:
    """The canvas's structure tree (a throwaway one on a canvas that keeps none)."""
    tags = getattr(canv, "tags", None)
    if tags is None:
        tags = canv.tags = Tagger()
    return tags


class Para(Paragraph):
    """A paragraph of body text: one P element."""

    role = "P"

    def __init__(self, text: Any, style: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(text, str):
            text = with_fallback(text, style.fontName)
        super().__init__(text, style, *args, **kwargs)

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        with tags_of(canv).marked(canv, self.role):
            super().drawOn(canv, x, y, _sW)


class H1(Para):
    role = "H1"


class H2(Para):
    role = "H2"


class H3(Para):
    role = "H3"


class Caption(Para):
    role = "Caption"


class Figure(Flowable):
    """A chart as one Figure element whose alternative text states the chart's figures, with its
    caption beneath (a Caption inside the Figure)."""

    def __init__(self, drawing: Drawing, alt: str, caption: Paragraph | None = None) -> None:
        super().__init__()
        self.drawing = drawing
        self.alt = alt
        self.caption = caption
        self._caption_height = 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, drawn = self.drawing.wrap(aw, ah)
        self._caption_height = self.caption.wrap(aw, ah)[1] + 4 if self.caption is not None else 0.0
        self.height = drawn + self._caption_height
        return self.width, self.height

    def draw(self) -> None:
        x0, y0 = self.canv.absolutePosition(0, self._caption_height)
        x1, y1 = self.canv.absolutePosition(self.width, self.height)
        layout = {"O": "/Layout", "BBox": f"[{x0:.2f} {y0:.2f} {x1:.2f} {y1:.2f}]", "Placement": "/Block"}
        tags = tags_of(self.canv)
        with tags.marked(self.canv, "Figure", layout, alt=self.alt) as figure:
            self.drawing.drawOn(self.canv, 0, self._caption_height)
        if self.caption is not None:
            with tags.inside(figure):
                self.caption.drawOn(self.canv, 0, 0)


class LayoutTable(Table):
    """A reportlab table used for layout only: its rules and fills are artifacts, its paragraphs tag
    themselves as the section's own paragraphs."""

    def _drawBkgrnd(self) -> None:
        with artifact(self.canv):
            super()._drawBkgrnd()

    def _drawLines(self) -> None:
        with artifact(self.canv):
            super()._drawLines()

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if isinstance(cellval, str | int | float) or cellval is None:
            with artifact(self.canv):  # only blank filler cells are plain strings here
                super()._drawCell(cellval, cellstyle, pos, size)
        else:
            super()._drawCell(cellval, cellstyle, pos, size)


class TaggedFrame(Frame):
    """A frame that draws a flowable which tags nothing (a rule, a spacer) as an artifact."""

    def _add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        start = len(canv._code)
        placed: int = super()._add(flowable, canv, trySplit)
        drawn = canv._code[start:]
        if placed and drawn and not any(isinstance(c, str) and _OPENS in c for c in drawn):
            canv._code.insert(start, ARTIFACT_BEGIN)
            canv._code.append(END)
        return placed

    add = _add
