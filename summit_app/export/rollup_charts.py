"""The roll-up PDF's graphics: headline-figure cards, box charts of per-district values, goal areas as bars.

A box chart shows for each row the lowest and highest value (whiskers), the
quartiles (the box), the median (a bold stroke) and the mean (a diamond); a
suppressed row shows its reason instead. Built from plain reportlab shapes, all
labels in the embedded font (``String`` prints text literally).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from summit_app.export.pdf.fonts import FACES
from summit_app.export.pdf.styles import PALETTE, SERIES
from summit_app.export.pdf.wrapping import wrap_text
from summit_app.plan.rollup import Distribution, Figure, Suppressed

LABEL = 7.5


@dataclass(frozen=True)
class Band:
    """A shaded stretch of the scale with a caption (the readiness levels)."""

    low: float
    high: float
    caption: str


def text(x: float, y: float, value: str, *, size: float = LABEL, bold: bool = False,
         color: Color = PALETTE.ink, anchor: str = "start") -> String:
    return String(x, y, value, fontName=FACES.bold if bold else FACES.regular, fontSize=size,
                  fillColor=color, textAnchor=anchor)


def _width(value: str, size: float = LABEL) -> float:
    return float(stringWidth(value, FACES.regular, size))


def fit(value: str, width: float) -> str:
    """One line of at most ``width`` points, with an ellipsis when cut."""
    if _width(value) <= width:
        return value
    while value and _width(value + "…") > width:
        value = value[:-1]
    return value.rstrip() + "…"


def nice_scale(top: float, ticks: int = 5) -> tuple[float, float]:
    """(step, ceiling): a round gridline step (1, 2, 2.5 or 5 × 10ⁿ) and the scale's end."""
    if top <= 0:
        return 1.0, 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step, step * math.ceil(top / step)


class Scale:
    """Maps values to x positions across a chart's plotting area."""

    def __init__(self, left: float, right: float, low: float, high: float) -> None:
        self.left, self.right, self.low, self.high = left, right, low, high

    def x(self, value: Decimal | float) -> float:
        return self.left + (self.right - self.left) * (float(value) - self.low) / (self.high - self.low)


def _axis(d: Drawing, scale: Scale, step: float, top: float, bottom: float, label: Callable[[float], str]) -> None:
    ticks = round((scale.high - scale.low) / step)
    for k in range(ticks + 1):
        value = scale.low + k * step
        x = scale.x(value)
        d.add(Line(x, bottom, x, top, strokeColor=PALETTE.rule_light if k else PALETTE.rule, strokeWidth=0.5))
        d.add(text(x, bottom - 10, label(value), size=6.8, color=PALETTE.muted, anchor="middle"))


def _bands(d: Drawing, scale: Scale, bands: Sequence[Band], top: float, bottom: float) -> None:
    for i, band in enumerate(bands):
        x0, x1 = scale.x(band.low), scale.x(band.high)
        if i % 2 == 0:
            d.add(Rect(x0, bottom, x1 - x0, top - bottom, fillColor=PALETTE.band, strokeColor=None))
        d.add(text((x0 + x1) / 2, top + 4, band.caption, size=6.6, color=PALETTE.muted, anchor="middle"))


def _box(d: Drawing, scale: Scale, figure: Distribution, y: float, h: float) -> None:
    mid = y + h / 2
    lo, q1, med, q3, hi = (scale.x(v) for v in (figure.minimum, figure.q1, figure.median, figure.q3, figure.maximum))
    for x0, x1 in ((lo, q1), (q3, hi)):
        d.add(Line(x0, mid, x1, mid, strokeColor=PALETTE.muted, strokeWidth=0.8))
    for x in (lo, hi):
        d.add(Line(x, mid - h * 0.28, x, mid + h * 0.28, strokeColor=PALETTE.muted, strokeWidth=0.8))
    d.add(Rect(q1, y, max(q3 - q1, 0.8), h, fillColor=SERIES[1], strokeColor=PALETTE.accent, strokeWidth=0.6))
    d.add(Line(med, y - 1.5, med, y + h + 1.5, strokeColor=PALETTE.accent, strokeWidth=2.2))
    mean, r = scale.x(figure.mean), 3.0
    d.add(Polygon([mean, mid - r, mean + r, mid, mean, mid + r, mean - r, mid], fillColor=PALETTE.white,
                  strokeColor=PALETTE.ink, strokeWidth=0.7))


def _legend(d: Drawing, x: float, y: float) -> None:
    d.add(Rect(x, y - 1, 14, 7, fillColor=SERIES[1], strokeColor=PALETTE.accent, strokeWidth=0.6))
    d.add(text(x + 18, y, "middle half of districts (quartiles)"))
    x += 30 + _width("middle half of districts (quartiles)")
    d.add(Line(x + 3, y - 2, x + 3, y + 7, strokeColor=PALETTE.accent, strokeWidth=2.2))
    d.add(text(x + 9, y, "median"))
    x += 22 + _width("median")
    d.add(Polygon([x + 3, y - 0.5, x + 6, y + 2.5, x + 3, y + 5.5, x, y + 2.5], fillColor=PALETTE.white,
                  strokeColor=PALETTE.ink, strokeWidth=0.7))
    d.add(text(x + 10, y, "mean"))
    x += 24 + _width("mean")
    d.add(Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=PALETTE.muted, strokeWidth=0.8))
    d.add(text(x + 18, y, "lowest to highest"))


def box_chart(rows: Sequence[tuple[str, Figure]], width: float, *, low: float, high: float, step: float,
              label: Callable[[float], str], bands: Sequence[Band] = (), label_width: float = 180,
              row: float = 20) -> Drawing:
    """One box per row on a shared horizontal scale from ``low`` to ``high``."""
    top_pad = 16.0 if bands else 6.0
    height = 20 + top_pad + row * len(rows) + 18
    d = Drawing(width, height, initialFontName=FACES.regular)
    plot_top, plot_bottom = height - 18 - top_pad, 20.0
    scale = Scale(label_width, width - 12, low, high)
    _bands(d, scale, bands, plot_top, plot_bottom)
    _axis(d, scale, step, plot_top, plot_bottom, label)
    for i, (name, figure) in enumerate(rows):
        y = plot_top - row * (i + 1)
        d.add(text(label_width - 8, y + row / 2 - 2.5, fit(name, label_width - 12), anchor="end"))
        if isinstance(figure, Suppressed):
            d.add(text(scale.left + 6, y + row / 2 - 2.5, figure.text, color=PALETTE.muted, size=7))
        else:
            _box(d, scale, figure, y + row * 0.22, row * 0.56)
    _legend(d, label_width, height - 8)
    return d


def count_bars(items: Sequence[tuple[str, int]], width: float, *, label_width: float = 180,
               row: float = 17) -> Drawing:
    """One horizontal bar per item with its count at the end (goals per goal area)."""
    height = row * len(items) + 6
    d = Drawing(width, height, initialFontName=FACES.regular)
    peak = max((v for _, v in items), default=0) or 1
    span = width - label_width - 40
    for i, (name, value) in enumerate(items):
        y = height - row * (i + 1)
        d.add(text(label_width - 8, y + 4.5, fit(name, label_width - 12), anchor="end"))
        length = span * value / peak
        d.add(Rect(label_width, y + 2, max(length, 0.8), row - 6, fillColor=SERIES[0], strokeColor=None))
        d.add(text(label_width + length + 5, y + 4.5, f"{value:,}", color=PALETTE.muted))
    return d


class KeyFigures(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """The headline figures as a grid of cards: a large value over its label."""

    COLUMNS, CARD_HEIGHT, GAP, PAD = 3, 56.0, 8.0, 11.0

    def __init__(self, figures: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.figures = tuple(figures)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        rows = -(-len(self.figures) // self.COLUMNS)
        self.height = rows * self.CARD_HEIGHT + (rows - 1) * self.GAP
        return self.width, self.height

    def draw(self) -> None:
        card = (self.width - (self.COLUMNS - 1) * self.GAP) / self.COLUMNS
        for i, (label, value) in enumerate(self.figures):
            line = i // self.COLUMNS
            x = (i % self.COLUMNS) * (card + self.GAP)
            y = self.height - (line + 1) * self.CARD_HEIGHT - line * self.GAP
            self._card(x, y, card, label, value)

    def _card(self, x: float, y: float, width: float, label: str, value: str) -> None:
        c = self.canv
        c.setFillColor(PALETTE.band)
        c.rect(x, y, width, self.CARD_HEIGHT, stroke=0, fill=1)
        c.setFillColor(PALETTE.accent)
        c.rect(x, y, 2.5, self.CARD_HEIGHT, stroke=0, fill=1)
        inner = width - 2 * self.PAD
        size = 16.0 if stringWidth(value, FACES.bold, 16.0) <= inner else 9.5
        top = y + self.CARD_HEIGHT - 9
        for text, _ in wrap_text(value, FACES.bold, size, inner)[:2]:
            top -= size * 1.15
            c.setFont(FACES.bold, size)
            c.drawString(x + self.PAD, top, text)
        c.setFont(FACES.regular, 7.4)
        c.setFillColor(PALETTE.muted)
        lines = wrap_text(label, FACES.regular, 7.4, inner)[:2]
        for k, (text, _) in enumerate(lines):
            c.drawString(x + self.PAD, y + 8 + 9 * (len(lines) - 1 - k), text)
