"""How plan values read on screen, and how typed text becomes plan values.

How values read is ``plan.formats`` (shared with the exports); this adds
what a screen needs besides: empty text for no value, and parsing.
Money is shown as ``$1,234.50`` and typed with or without ``$`` and commas;
it becomes a ``Decimal`` of whole cents (never a float).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from summit_app.plan import formats as reading
from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.fields import Kind, specs

CENT = Decimal("0.01")
_AMOUNT = re.compile(r"^\$?\s*-?[\d,]*(\.\d*)?$")


def money(value: Decimal | None) -> str:
    """``$1,234.50`` (negative amounts as ``-$1,234.50``); nothing for no value."""
    return "" if value is None else reading.money(value)


def money_short(value: Decimal) -> str:
    """Whole dollars, for totals: ``$1,234`` (``-$1,234`` for a surplus shown as a negative gap)."""
    return reading.money(value, cents=False)


def number(value: Decimal | None) -> str:
    """Hours and other plain amounts: ``21`` or ``2.5``; nothing for no value."""
    return "" if value is None else reading.hours(value)


def parse_amount(text: str) -> Decimal:
    """Typed money or hours as a Decimal of at most two places; ValueError if it is not a number."""
    cleaned = text.strip()
    if not cleaned:
        return Decimal("0.00")
    if not _AMOUNT.match(cleaned):
        raise ValueError(f"“{text}” is not an amount")
    try:
        value = Decimal(cleaned.replace("$", "").replace(",", "").strip())
    except InvalidOperation:
        raise ValueError(f"“{text}” is not an amount") from None
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def day(value: date | None) -> str:
    """``Jun 15, 2027``; nothing for no date."""
    return reading.day(value) if value else ""


_MONTHS = {name.lower(): number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")), start=1) for name in names}
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_MONTH_FIRST = re.compile(r"([a-z]+)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})", re.ASCII)
_DAY_FIRST = re.compile(r"([0-9]{1,2})\s+([a-z]+)\.?,?\s+([0-9]{4})", re.ASCII)
_NUMERIC = re.compile(r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{2}|[0-9]{4})", re.ASCII)
#: The years a plan's dates fall in: anything outside is a typing slip, not a plan date.
FIRST_YEAR, LAST_YEAR = 1950, 2199
DATE_HINT = "type it like Jun 15, 2027 or 2027-06-15"


def parse_date(text: str, *, day_first: bool = False) -> date | None:
    """A typed date: ``Jun 15, 2027``, ``15 June 2027``, ``2027-06-15`` or ``6/15/2027``; None if empty.

    ``day_first`` reads ``15/6/2027`` as the 15th of June, as locales that write
    the day first do. ValueError, with how to type it, for anything else.
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    year, month, day_ = _date_parts(cleaned, day_first)
    if month is None:
        raise ValueError(f"“{text.strip()}” is not a date: {DATE_HINT}")
    try:
        value = date(year, month, day_)
    except ValueError:
        raise ValueError(f"“{text.strip()}” is not a date on the calendar: {DATE_HINT}") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"“{text.strip()}” is not a plan date: give a year from {FIRST_YEAR} to {LAST_YEAR}")
    return value


def _date_parts(cleaned: str, day_first: bool) -> tuple[int, int | None, int]:
    """(year, month or None if the text is no date form, day)."""
    if found := _ISO_DAY.fullmatch(cleaned):
        return int(found[1]), int(found[2]), int(found[3])
    if (found := _MONTH_FIRST.fullmatch(cleaned)) and found[1] in _MONTHS:
        return int(found[3]), _MONTHS[found[1]], int(found[2])
    if (found := _DAY_FIRST.fullmatch(cleaned)) and found[2] in _MONTHS:
        return int(found[3]), _MONTHS[found[2]], int(found[1])
    if found := _NUMERIC.fullmatch(cleaned):
        first, second, year = int(found[1]), int(found[2]), int(found[3])
        year += 2000 if year < 100 else 0
        return (year, second, first) if day_first else (year, first, second)
    return 0, None, 0


def item_label(item: Any) -> str:
    """What people call an item: its first text field (a goal's title, a member's name)."""
    for s in specs(type(item)):
        if s.kind is Kind.TEXT and getattr(item, s.name):
            return str(getattr(item, s.name))
    return "(untitled)"


def short(text: str, limit: int = 40) -> str:
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= limit and first == text else first[: limit - 1].rstrip() + "…"


def labels(plan: model.Plan, collection: str) -> dict[str, str]:
    return {it.id: item_label(it) for it in getattr(plan, collection)}


#: The most of a text a table cell shows (its first line): a cell wraps it; more is on hover and in the editor.
CELL_TEXT = 240


def display(kind: Kind, value: Any, content: Content, *, vocabulary: str | None = None,
            targets: dict[str, str] | None = None, fmt: str = "") -> str:
    """The text a table cell shows for a value of ``kind``."""
    if kind is Kind.TEXT:
        return short(value, CELL_TEXT)
    if kind in (Kind.INT, Kind.OPT_INT):
        return "" if value is None else f"FY{value}" if fmt == "year" else f"{value:,}"
    if kind in (Kind.DECIMAL, Kind.DECIMALS):
        return number(value) if fmt == "number" else money(value)
    if kind is Kind.DATE:
        return day(value)
    if kind is Kind.CHOICE:
        return content.name_of(vocabulary or "", value) if value else ""
    if kind is Kind.CHOICES:
        return ", ".join(content.name_of(vocabulary or "", v) for v in value)
    if kind is Kind.LINK:
        return (targets or {}).get(value, "") if value else ""
    if kind is Kind.LINKS:
        return ", ".join((targets or {}).get(v, v) for v in value)
    return str(value)
