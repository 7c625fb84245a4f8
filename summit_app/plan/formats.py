"""How the plan's values read, wherever they are shown: money, hours, shares and dates.

The window, the PDF and the workbook's notes all call these, so an amount or a
date reads the same on screen and on paper. Money is rounded to the cent (or
the dollar) half away from zero and never through a float; sentences that want
"$412,000" rather than "$412,000.00" use ``plan.money.format_money``.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from summit_app.plan.money import CENT, format_money

DOLLAR = Decimal(1)


def money(value: Decimal, *, cents: bool = True) -> str:
    """``$1,234.50`` (``-$1,234.50`` when negative); ``cents=False`` for whole-dollar totals: ``$1,235``."""
    if not cents:
        return format_money(value.quantize(DOLLAR, rounding=ROUND_HALF_UP))
    return format_money(value, cents=True)


def hours(value: Decimal) -> str:
    """Hours and other plain amounts to the hundredth, without trailing zeros: ``21``, ``2.5``, ``1,200``."""
    text = f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def share(part: Decimal, whole: Decimal, places: int = 0) -> str:
    """``part`` as a percentage of ``whole``, half up to ``places`` decimals: ``42%``, ``42.5%``.

    The caller says what a share of nothing reads as (a dash, mostly).
    """
    step = Decimal(1).scaleb(-places)
    return f"{(part * 100 / whole).quantize(step, rounding=ROUND_HALF_UP)}%"


def day(value: date) -> str:
    """A date in a table or an editor: ``Jun 15, 2027`` (no leading zero)."""
    return f"{value:%b} {value.day}, {value.year}"


def long_day(value: date) -> str:
    """A date in running text: ``June 15, 2027``."""
    return f"{value:%B} {value.day}, {value.year}"
