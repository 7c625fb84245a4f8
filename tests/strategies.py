"""Hypothesis strategies for whole plans that obey every domain rule, full of hostile text.

Values are drawn per field from its ``FieldSpec`` (so a new field is covered
without touching this file); links point at items drawn earlier, budget years
sit inside the plan's fiscal years, and every text field may hold markup,
spreadsheet formula starts, control characters, RTL marks, emoji or 10,000
characters.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from summit_app.plan import model
from summit_app.plan.content import Content, load_content
from summit_app.plan.fields import FieldSpec, Kind, specs
from summit_app.plan.rules import MAX_DECIMAL

CONTENT: Content = load_content()

#: Text that has broken spreadsheets, PDFs, SQL and terminals before.
HOSTILE = (
    "=1+1", "+41 79 000 00 00", "-2", "@SUM(A1:A9)", "\t=cmd|' /C calc'!A0", "\r=x",
    "<b>bold</b>", "R&D", "Smith <smith@district.example>", "x</para>y", "<img src='/etc/passwd'/>",
    "&amp; &lt;", "'; DROP TABLE goals; --", "\u202eevil\u202c.exe", "\u200fمرحبا\u200e",
    "😀👩‍👩‍👧‍👦🏳️‍🌈", "\x00\x01\x07\x1b[31mred\x1b[0m\x7f", "\ufffe\uffff\ufeff", "line\nbreak\r\nand\ttab",
    "Ωμέγα Вода Tiếng Việt 漢字", "  leading and trailing  ", "",
)
_CHARS = st.characters(exclude_categories=("Cs",))  # lone surrogates are not text (rules refuse them)
_LONG = st.text(_CHARS, min_size=1, max_size=6).map(lambda s: (s * 10_000)[:10_000])

hostile_text = st.one_of(st.sampled_from(HOSTILE), st.text(_CHARS, max_size=24), _LONG)
ids = st.one_of(st.text(_CHARS, min_size=1, max_size=10), st.sampled_from([h for h in HOSTILE if h]))
cents = st.integers(0, int(MAX_DECIMAL * 100) - 1).map(lambda c: Decimal(c).scaleb(-2))
days = st.dates(date(1990, 1, 1), date(2100, 12, 31))
#: Aware times in a few offsets; they come back as the same instant in UTC.
moments = st.builds(
    lambda t, hours: t.replace(tzinfo=UTC).astimezone(timezone(timedelta(hours=hours))),
    st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1)), st.sampled_from([-8, -5, 0, 1, 5.5, 9]),
)


def _subset(values: list[str], max_size: int = 4) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(values), max_size=max_size, unique=True).map(tuple) if values else st.just(())


def value_strategy(s: FieldSpec, links: dict[str, list[str]]) -> st.SearchStrategy[Any]:
    """Any valid value of the field ``s``; links may point only at ``links[target]``."""
    kind = s.kind
    if kind is Kind.TEXT:
        return hostile_text
    if kind in (Kind.INT, Kind.OPT_INT):
        whole = st.integers(s.low or 0, s.high if s.high is not None else 10**12)
        return st.none() | whole if kind is Kind.OPT_INT else whole
    if kind is Kind.DECIMAL:
        return cents
    if kind is Kind.DECIMALS:
        return st.tuples(*[cents] * (s.length or 0))
    if kind is Kind.BOOL:
        return st.booleans()
    if kind is Kind.DATE:
        return st.none() | days
    if kind is Kind.DATETIME:
        return st.none() | moments
    if kind is Kind.CHOICE:
        return st.sampled_from(["", *sorted(CONTENT.ids(s.vocabulary or ""))])
    if kind is Kind.CHOICES:
        return _subset(sorted(CONTENT.ids(s.vocabulary or "")))
    targets = links.get(s.target or "", [])
    if kind is Kind.LINK:
        return st.none() | st.sampled_from(targets) if targets else st.none()
    return _subset(targets)


def record_strategy(record_type: type, links: dict[str, list[str]], **fixed: Any) -> st.SearchStrategy[Any]:
    fields = {s.name: value_strategy(s, links) for s in specs(record_type) if s.name not in fixed}
    return st.fixed_dictionaries(fields).map(lambda values: record_type(**values, **fixed))


@st.composite
def _district(draw: st.DrawFn) -> model.District:
    plan_years = draw(st.integers(3, model.MAX_PLAN_YEARS))
    first = draw(st.integers(2000, 2101 - plan_years))
    return draw(record_strategy(model.District, {}, plan_years=plan_years, first_fiscal_year=first))


def _items(draw: st.DrawFn, name: str, links: dict[str, list[str]], max_size: int = 4,
           item_ids: st.SearchStrategy[str] = ids) -> tuple[Any, ...]:
    chosen = draw(st.lists(item_ids, max_size=max_size, unique=True))
    record_type = model.COLLECTIONS[name]
    return tuple(draw(record_strategy(record_type, links, id=i)) for i in chosen)


def _affordable(line: model.BudgetLine) -> model.BudgetLine:
    """The line with its quantity cut so unit cost × quantity stays under the rules' limit."""
    if line.unit_cost * line.quantity < MAX_DECIMAL:
        return line
    most = int(MAX_DECIMAL // line.unit_cost)
    return dataclasses.replace(line, quantity=most - 1 if line.unit_cost * most >= MAX_DECIMAL else most)


def _budget_line(draw: st.DrawFn, line: model.BudgetLine, years: list[int]) -> model.BudgetLine:
    first = draw(st.sampled_from(years))
    last = draw(st.sampled_from([y for y in years if y >= first])) if line.recurring else line.last_year
    return _affordable(dataclasses.replace(line, first_year=first, last_year=last))


def _learning(activity: model.LearningActivity) -> model.LearningActivity:
    start, end = activity.start_date, activity.end_date
    if start and end and end < start:
        return dataclasses.replace(activity, start_date=end, end_date=start)
    return activity


def _member_ratings(draw: st.DrawFn, links: dict[str, list[str]]) -> tuple[model.MemberRating, ...]:
    ratings = _items(draw, "member_ratings", links, max_size=6)
    seen: set[tuple[str, str | None]] = set()
    out = []
    for rating in ratings:  # one rating per member and element
        if (rating.element_id, rating.member_id) not in seen:
            seen.add((rating.element_id, rating.member_id))
            out.append(rating)
    return tuple(out)


@st.composite
def plans(draw: st.DrawFn) -> model.Plan:
    """A whole plan that passes ``plan_problems``: every collection, links and years valid."""
    district = draw(_district())
    links: dict[str, list[str]] = {}
    values: dict[str, Any] = {"district": district}
    for name in ("members", "goals", "funding", "apps"):  # link targets first
        values[name] = _items(draw, name, links)
        links[name] = [it.id for it in values[name]]
    for name in ("vision", "network", "approval", "signature"):
        values[name] = draw(record_strategy(model.SINGLETONS[name], links))
    elements, practices = sorted(CONTENT.ids("elements")), sorted(CONTENT.ids("practices"))
    values["readiness"] = _items(draw, "readiness", links, 5, st.sampled_from(elements))
    values["practices"] = _items(draw, "practices", links, 5, st.sampled_from(practices))
    values["member_ratings"] = _member_ratings(draw, links)
    for name in ("actions", "devices", "milestones"):
        values[name] = _items(draw, name, links)
    values["learning"] = tuple(map(_learning, _items(draw, "learning", links)))
    years = list(range(district.first_fiscal_year, district.first_fiscal_year + district.plan_years))
    values["budget"] = tuple(_budget_line(draw, line, years) for line in _items(draw, "budget", links, 5))
    return model.Plan(**values)
