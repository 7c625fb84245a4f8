"""The report's look: page geometry, colours and paragraph styles, all in one place.

One restrained accent (a deep blue) on near-black text, light grey rules, and a
single typeface family (DejaVu Sans, embedded) for every style: a style left on
reportlab's default would fall back to Helvetica, which is not embedded and has
no Greek, Cyrillic or Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch

from summit_app.export.pdf.fonts import FACES, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN_LEFT = MARGIN_RIGHT = 0.9 * inch
MARGIN_TOP = 1.0 * inch
MARGIN_BOTTOM = 0.95 * inch
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM


class Palette:
    """The report's colours (read-only by convention: one instance, PALETTE)."""

    ink: Color = HexColor("#1F2328")
    muted: Color = HexColor("#5B6470")
    accent: Color = HexColor("#1D4E89")
    accent_light: Color = HexColor("#E8EEF6")
    accent_mid: Color = HexColor("#44679A")  # section numerals
    rule: Color = HexColor("#C9D1DA")
    rule_light: Color = HexColor("#E3E7EC")
    band: Color = HexColor("#F4F6F9")
    warning: Color = HexColor("#9A5800")
    danger: Color = HexColor("#A4262C")
    good: Color = HexColor("#2B774B")
    white: Color = HexColor("#FFFFFF")


PALETTE = Palette()

#: Chart series colours: the accent first, then quieter companions; each at least 3:1 against the white
#: page (WCAG 1.4.11), so a bar is seen without telling colours apart.
SERIES = (HexColor("#1D4E89"), HexColor("#5B8AC4"), HexColor("#B06F22"), HexColor("#5E8C6A"),
          HexColor("#8C6BB1"), HexColor("#7D8590"), HexColor("#9C7A2A"), HexColor("#3F8794"))


@dataclass(frozen=True)
class Styles:
    """Every paragraph style of the report."""

    body: ParagraphStyle
    body_small: ParagraphStyle
    muted: ParagraphStyle
    quote: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_district: ParagraphStyle
    cover_line: ParagraphStyle
    toc: ParagraphStyle


def _style(name: str, *, font: str = FACES.regular, size: float = 9.5, leading: float | None = None,
           color: Color = PALETTE.ink, **kw: object) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.42,
                          textColor=color, alignment=kw.pop("alignment", TA_LEFT), **kw)


def make_styles() -> Styles:
    """The styles, with the embedded family registered first (styles refer to it by name)."""
    register_fonts()
    return Styles(
        body=_style("body", alignment=TA_JUSTIFY, spaceAfter=6),
        body_small=_style("body_small", size=8.5, spaceAfter=4),
        muted=_style("muted", size=8.5, color=PALETTE.muted, spaceAfter=4),
        quote=_style("quote", font=FACES.italic, size=11, leading=16.5, color=PALETTE.ink,
                     leftIndent=14, spaceAfter=8),
        h1=_style("h1", font=FACES.bold, size=19, leading=24, color=PALETTE.accent, spaceAfter=4),
        h2=_style("h2", font=FACES.bold, size=12, leading=16, color=PALETTE.accent, spaceBefore=14,
                  spaceAfter=6),
        h3=_style("h3", font=FACES.bold, size=10, leading=13.5, spaceBefore=10, spaceAfter=3),
        kicker=_style("kicker", font=FACES.bold, size=8, leading=11, color=PALETTE.muted, spaceAfter=2),
        cover_title=_style("cover_title", font=FACES.bold, size=30, leading=36, color=PALETTE.accent,
                           spaceAfter=6),
        cover_district=_style("cover_district", font=FACES.bold, size=17, leading=22, spaceAfter=4),
        cover_line=_style("cover_line", size=11, leading=16, color=PALETTE.muted),
        toc=_style("toc", size=10.5, leading=22),
    )


@dataclass(frozen=True)
class TableLook:
    """Sizes of the data tables (see tables.py)."""

    size: float = 7.6
    leading: float = 9.8
    header_size: float = 7.2
    pad_x: float = 4.0
    pad_y: float = 3.6
    regular: str = FACES.regular
    bold: str = FACES.bold
    italic: str = FACES.italic


TABLE = TableLook()
