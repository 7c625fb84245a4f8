"""How money, hours, shares and dates read: one rule for the window and the exports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from summit_app.export.pdf import formatting as pdf
from summit_app.plan.formats import day, hours, long_day, money, share
from summit_app.ui.fields import formats as screen


def test_money_reads_with_cents_or_in_whole_dollars() -> None:
    assert money(Decimal("1234.5")) == "$1,234.50"
    assert money(Decimal("-1234.505")) == "-$1,234.51"  # half away from zero
    assert money(Decimal("1234.50"), cents=False) == "$1,235"
    assert money(Decimal("-1234.4"), cents=False) == "-$1,234"


def test_a_negative_total_on_screen_reads_like_the_reports() -> None:
    assert screen.money_short(Decimal("-4200")) == pdf.money(Decimal("-4200"), cents=False) == "-$4,200"
    assert screen.money(Decimal("12.3")) == pdf.money(Decimal("12.3")) == "$12.30"
    assert screen.money(None) == ""


def test_hours_drop_trailing_zeros_everywhere() -> None:
    assert hours(Decimal("21.00")) == "21"
    assert hours(Decimal("2.50")) == "2.5"
    assert hours(Decimal("1200")) == "1,200"
    assert screen.number(Decimal("2.50")) == pdf.hours(Decimal("2.50")) == "2.5"


def test_shares_round_half_up_to_the_places_asked() -> None:
    assert share(Decimal("1"), Decimal("8")) == "13%"
    assert share(Decimal("1"), Decimal("8"), places=1) == "12.5%"
    assert share(Decimal("1"), Decimal("3"), places=1) == "33.3%"


def test_dates_read_short_in_tables_and_long_in_text() -> None:
    assert day(date(2027, 6, 5)) == screen.day(date(2027, 6, 5)) == "Jun 5, 2027"
    assert long_day(date(2027, 6, 5)) == pdf.day(date(2027, 6, 5)) == "June 5, 2027"
