"""Money as people read it: dollars, thousands separators, cents when there are any."""

from __future__ import annotations

from decimal import Decimal

import pytest

from summit_app.plan.money import format_money


@pytest.mark.parametrize(("amount", "text"), [
    ("1234.50", "$1,234.50"),
    ("412000.00", "$412,000"),
    ("0", "$0"),
    ("0.05", "$0.05"),
    ("999999999999.99", "$999,999,999,999.99"),
    ("-32000", "-$32,000"),
    ("-0.001", "$0"),
    ("2.675", "$2.68"),  # half away from zero, as Excel's ROUND (a float would give 2.67)
    ("0.995", "$1"),
])
def test_format_money(amount: str, text: str) -> None:
    assert format_money(Decimal(amount)) == text


def test_cents_on_request() -> None:
    assert format_money(Decimal("412000"), cents=True) == "$412,000.00"
    assert format_money(Decimal("-7.5"), cents=True) == "-$7.50"
