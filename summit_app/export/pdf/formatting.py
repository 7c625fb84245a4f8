"""Values as the report prints them: money, dates, fiscal years, counts, scores.

Money, hours and dates read as ``plan.formats`` says, the same as on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from summit_app.plan import formats as reading
from summit_app.plan.money import format_money

NONE = "—"


def money(amount: Decimal, *, cents: bool = True) -> str:
    """``$1,234.50``; whole-dollar summaries pass ``cents=False`` for ``$1,234``."""
    return reading.money(amount, cents=cents)


def amount(value: Decimal) -> str:
    """Money in a sentence: ``$412,000``, or ``$412,000.50`` when there are cents."""
    return format_money(value)


def day(value: date | None) -> str:
    """``May 14, 2026`` (no leading zero), or a dash when there is no date."""
    return reading.long_day(value) if value else NONE


def short_day(value: date | None) -> str:
    """``2026-05-14``: compact and unambiguous for table columns."""
    return value.isoformat() if value else NONE


def fy(year: int) -> str:
    return f"FY{year}"


def fy_range(first: int, last: int) -> str:
    return fy(first) if first == last else f"{fy(first)}–{fy(last)}"


def count(n: int) -> str:
    return f"{n:,}"


def hours(value: Decimal) -> str:
    """Hours without trailing zeros: ``21``, ``1.5``."""
    return reading.hours(value)


def score(value: Decimal | int | None) -> str:
    return NONE if value is None else f"{value}"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else words or word + 's'}"


def money_column(amounts: Sequence[Decimal]) -> list[str]:
    """A column of money: whole dollars when every amount is whole, else cents throughout (so digits align)."""
    cents = any(a != a.to_integral_value() for a in amounts)
    return [money(a, cents=cents) for a in amounts]
