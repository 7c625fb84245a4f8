"""Money as people read it in messages and on screen: ``$1,234.50``, ``$412,000``.

Amounts are rounded to the cent half away from zero (as the budget and Excel
round), never through a float. Whole-dollar amounts drop the ``.00`` unless
``cents=True`` asks for them, because "$412,000" reads faster in a sentence.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def format_money(amount: Decimal, *, cents: bool = False) -> str:
    """``amount`` in US dollars with thousands separators, e.g. ``-$1,234.50``."""
    rounded = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    magnitude = abs(rounded)
    if not cents and magnitude == magnitude.to_integral_value():
        return f"{sign}${magnitude:,.0f}"
    return f"{sign}${magnitude:,.2f}"
