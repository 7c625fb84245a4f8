"""Charts drawn with reportlab.graphics: the readiness radar and the budget bars.

Each chart is a ``Drawing`` built from plain shapes, with the embedded font on
every label; labels are ``String`` shapes, which print text literally. Each is
returned as a tagged ``Figure`` whose alternative text states the chart's own
figures exactly, so a reader who cannot see the chart loses nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from summit_app.export.pdf.fonts import FACES
from summit_app.export.pdf.formatting import money
from summit_app.export.pdf.markup import escape
from summit_app.export.pdf.styles import PALETTE, SERIES
from summit_app.export.pdf.tagged import Caption, Figure
from summit_app.export.pdf.wrapping import ellipsized, wrap_text

LABEL = 7.5
CAPTION = ParagraphStyle("caption", fontName=FACES.italic, fontSize=7.5, leading=10, textColor=PALETTE.muted)


def _caption(text: str | None) -> Caption | None:
    return Caption(escape(text), CAPTION) if text else None


@dataclass(frozen=True)
class Spoke:
    label: str
    value: Decimal | None  # out of 10; None when not rated


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is the embedded one (reportlab's default is Helvetica, not embedded)."""
    return Drawing(width, height, initialFontName=FACES.regular)


def _text(x: float, y: float, text: str, *, size: float = LABEL, bold: bool = False,
          color: Color = PALETTE.ink, anchor: str = "start") -> String:
    return String(x, y, text, fontName=FACES.bold if bold else FACES.regular, fontSize=size,
                  fillColor=color, textAnchor=anchor)


def _ring(cx: float, cy: float, radius: float, n: int) -> list[float]:
    points: list[float] = []
    for i in range(n):
        angle = math.pi / 2 - 2 * math.pi * i / n
        points += [cx + radius * math.cos(angle), cy + radius * math.sin(angle)]
    return points


def radar(spokes: Sequence[Spoke], width: float, height: float = 280, caption: str | None = None) -> Figure:
    """Readiness out of 10 per gear, on rings at 2, 4, 6, 8 and 10."""
    scores = " ".join(f"{s.label} scores {s.value} out of 10." if s.value is not None else f"{s.label} is not rated."
                      for s in spokes)
    return Figure(_radar(spokes, width, height), f"Radar chart of the team's readiness score for each gear. {scores}",
                  _caption(caption))


def _radar(spokes: Sequence[Spoke], width: float, height: float) -> Drawing:
    d = _drawing(width, height)
    n = max(3, len(spokes))
    cx, cy, r = width / 2, height / 2 - 4, min(height / 2 - 34, width / 4)
    for level in (2, 4, 6, 8, 10):
        d.add(Polygon(_ring(cx, cy, r * level / 10, n), fillColor=None, strokeColor=PALETTE.rule,
                      strokeWidth=0.6 if level < 10 else 0.9))
        d.add(_text(cx + 3, cy + r * level / 10 - 8, str(level), size=6, color=PALETTE.muted))
    outer = _ring(cx, cy, r, n)
    for i in range(n):
        d.add(Line(cx, cy, outer[2 * i], outer[2 * i + 1], strokeColor=PALETTE.rule_light, strokeWidth=0.6))
    values = [float(s.value or 0) for s in spokes] + [0.0] * (n - len(spokes))
    shape = [c for i, v in enumerate(values) for c in _ring(cx, cy, r * v / 10, n)[2 * i:2 * i + 2]]
    d.add(Polygon(shape, fillColor=PALETTE.accent, fillOpacity=0.16, strokeColor=PALETTE.accent, strokeWidth=1.4))
    for i in range(len(spokes)):
        d.add(Circle(shape[2 * i], shape[2 * i + 1], 2.2, fillColor=PALETTE.accent, strokeColor=PALETTE.white,
                     strokeWidth=0.6))
    for i, spoke in enumerate(spokes):
        _spoke_label(d, spoke, cx, cy, r + 12, math.pi / 2 - 2 * math.pi * i / n)
    return d


def _spoke_label(d: Drawing, spoke: Spoke, cx: float, cy: float, radius: float, angle: float) -> None:
    x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
    cos = math.cos(angle)
    anchor = "middle" if abs(cos) < 0.2 else "start" if cos > 0 else "end"
    lines = [t for t, _ in wrap_text(spoke.label, FACES.regular, LABEL, 118)][:3]
    score = "not rated" if spoke.value is None else f"{spoke.value} / 10"
    block = len(lines) * 9 + 9
    top = y + block / 2 if abs(cos) >= 0.2 else (y + block if math.sin(angle) > 0 else y - 2)
    for j, line in enumerate(lines):
        d.add(_text(x, top - 8 - 9 * j, line, anchor=anchor))
    d.add(_text(x, top - 8 - 9 * len(lines), score, bold=True, color=PALETTE.accent, anchor=anchor))


# --- bars --------------------------------------------------------------------------------


#: The charts' alternative text rounds amounts, as the chart does; the tables beside them are exact.
EXACT = "The table with the chart gives the exact amounts."


def spoken_money(amount: Decimal) -> str:
    """An amount as a sentence says it: ``$1.25 million``, ``$412 thousand``, ``$900``."""
    value = float(amount)
    for limit, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if abs(value) >= limit:
            text = f"{value / limit:.2f}".rstrip("0").rstrip(".")
            return f"${text} {word}"
    return money(amount, cents=False)


def compact_money(amount: float) -> str:
    """``$1.2M``, ``$350K``, ``$900`` for axis and bar labels."""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(amount) >= limit:
            text = f"{amount / limit:.1f}".rstrip("0").rstrip(".")
            return f"${text}{suffix}"
    return f"${amount:,.0f}"


def nice_step(top: float, ticks: int = 4) -> float:
    """A round gridline step (1, 2, 2.5 or 5 × 10ⁿ) giving about ``ticks`` lines up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _legend(d: Drawing, x: float, y: float, items: Sequence[tuple[str, Color]]) -> None:
    for label, color in items:
        d.add(Rect(x, y - 1, 8, 8, fillColor=color, strokeColor=None))
        d.add(_text(x + 12, y, label))
        x += 24 + _width(label)


def _width(text: str, size: float = LABEL) -> float:
    return float(stringWidth(text, FACES.regular, size))


def year_bars(years: Sequence[str], series: Sequence[tuple[str, Sequence[Decimal]]], width: float,
              height: float = 190, caption: str | None = None) -> Figure:
    """Grouped vertical bars per fiscal year (e.g. planned cost beside funding)."""
    names = " and the ".join(name.lower() for name, _ in series)
    per_year = " ".join(f"In {year} the " + " and the ".join(f"{name.lower()} is {spoken_money(values[i])}"
                                                            for name, values in series) + "."
                        for i, year in enumerate(years))
    return Figure(_year_bars(years, series, width, height),
                  f"Bar chart comparing the {names} in each fiscal year. {per_year} {EXACT}", _caption(caption))


def _year_bars(years: Sequence[str], series: Sequence[tuple[str, Sequence[Decimal]]], width: float,
               height: float) -> Drawing:
    d = _drawing(width, height)
    left, bottom, top = 52.0, 22.0, height - 24
    peak = max((float(v) for _, values in series for v in values), default=0.0)
    step = nice_step(peak)
    ceiling = step * max(1, math.ceil(peak / step)) if peak else step
    for k in range(round(ceiling / step) + 1):
        y = bottom + (top - bottom) * k * step / ceiling
        d.add(Line(left, y, width, y, strokeColor=PALETTE.rule_light if k else PALETTE.rule, strokeWidth=0.6))
        d.add(_text(left - 6, y - 2.5, compact_money(k * step), size=6.8, color=PALETTE.muted, anchor="end"))
    slot = (width - left) / max(1, len(years))
    bar = min(26.0, slot * 0.7 / max(1, len(series)))
    for i, year in enumerate(years):
        x0 = left + slot * i + (slot - bar * len(series)) / 2
        for j, (_, values) in enumerate(series):
            h = (top - bottom) * float(values[i]) / ceiling
            d.add(Rect(x0 + j * bar, bottom, bar - 2, h, fillColor=SERIES[j], strokeColor=None))
        d.add(_text(left + slot * (i + 0.5), bottom - 12, year, anchor="middle"))
    _legend(d, left, height - 10, [(name, SERIES[j]) for j, (name, _) in enumerate(series)])
    return d


def _fit(text: str, width: float) -> str:
    """One line of at most ``width`` points, with an ellipsis when cut (the full text is in the tables)."""
    return ellipsized(text, FACES.regular, LABEL, width)


def hbars(title: str, items: Sequence[tuple[str, Decimal]], width: float, caption: str | None = None) -> Figure:
    """One horizontal bar per item, largest first, with its amount at the bar's end."""
    listed = " ".join(f"{_fit(label, 400)}: {spoken_money(value)}." for label, value in items)
    listed = listed or "There is nothing to show yet."
    return Figure(_hbars(items, width), f"Bar chart of the {title}, largest first. {listed} {EXACT}",
                  _caption(caption))


def _hbars(items: Sequence[tuple[str, Decimal]], width: float, *, label_width: float = 170,
           row: float = 17) -> Drawing:
    height = row * len(items) + 6
    d = _drawing(width, height)
    peak = max((float(v) for _, v in items), default=0.0) or 1.0
    span = width - label_width - 60
    for i, (label, value) in enumerate(items):
        y = height - row * (i + 1)
        d.add(_text(label_width - 8, y + 4.5, _fit(label, label_width - 10), anchor="end"))
        length = span * float(value) / peak
        d.add(Rect(label_width, y + 2, max(length, 0.8), row - 6, fillColor=SERIES[0], strokeColor=None))
        d.add(_text(label_width + length + 5, y + 4.5, compact_money(float(value)), color=PALETTE.muted))
    return d
