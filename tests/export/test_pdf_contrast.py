"""The report's colours meet WCAG 2.1 AA: text at least 4.5:1 against every background the report
paints (white page, table header band, group rows), charts' bars and marks at least 3:1 (1.4.11)."""

from __future__ import annotations

import pytest
from contrast import contrast as wcag_contrast
from reportlab.lib.colors import Color

from summit_app.export.pdf.styles import PALETTE, SERIES, make_styles

BACKGROUNDS = {"white": PALETTE.white, "band": PALETTE.band, "accent_light": PALETTE.accent_light}
#: Every colour text is set in: the palette's text colours and every paragraph style's.
TEXT = {name: getattr(PALETTE, name) for name in ("ink", "muted", "accent", "accent_mid", "warning", "danger", "good")}
#: Hairlines and fills that carry no information of their own (gridlines, row rules, table bands).
DECORATIVE = {"rule", "rule_light", "band", "accent_light", "white"}


def contrast(a: Color, b: Color) -> float:
    return wcag_contrast((a.red, a.green, a.blue), (b.red, b.green, b.blue))


def test_the_ratio_matches_wcags_reference_values() -> None:
    black, white = Color(0, 0, 0), Color(1, 1, 1)
    assert contrast(black, white) == pytest.approx(21.0)
    assert contrast(Color(0.5, 0.5, 0.5), white) == pytest.approx(3.98, abs=0.01)


def test_every_palette_colour_is_either_text_or_decorative() -> None:
    names = {n for n in vars(type(PALETTE)) if isinstance(getattr(PALETTE, n), Color)}
    assert names == set(TEXT) | DECORATIVE


def test_text_colours_reach_4_5_to_1_on_every_background() -> None:
    styles = make_styles()
    colours = dict(TEXT) | {f"style {name}": getattr(styles, name).textColor for name in vars(styles)}
    for name, colour in colours.items():
        for ground, background in BACKGROUNDS.items():
            assert contrast(colour, background) >= 4.5, (name, ground, round(contrast(colour, background), 2))


def test_chart_series_reach_3_to_1_against_the_page() -> None:
    for i, colour in enumerate(SERIES):
        assert contrast(colour, PALETTE.white) >= 3.0, (i, round(contrast(colour, PALETTE.white), 2))
