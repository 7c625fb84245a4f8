"""E-Rate as the discount it is: what the program pays on a line, what the district pays, and the Category 2 budget.

E-Rate never pays a whole cost. On a line charged to a source of kind
``e-rate`` it pays the district's discount (Category 1: the district's rate;
Category 2: the same rate capped at 85 %), and the district pays the rest (the
local match) from the line's ``match_source_id``. A line that names no
category is treated as Category 2, the lower cap, so a figure is never
optimistic. The Category 2 budget is a five-year, pre-discount allowance per
district; its figures are content (``frameworks.json``, ``erate_program``).

E-Rate counts *funding years* from the July they start (funding year 2027 =
July 2027–June 2028), one less than the school fiscal year that ends in the
following June (FY2028).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.money import CENT

#: The funding kind whose sources are E-Rate discounts.
ERATE_KIND = "e-rate"


@dataclass(frozen=True)
class ErateShare:
    """How one E-Rate line's yearly cost splits between the program and the district."""

    line_id: str
    category: str
    rate_percent: int
    discount_per_year: Decimal
    local_match_per_year: Decimal
    match_source_id: str | None


@dataclass(frozen=True)
class Category2Budget:
    """The district's five-year Category 2 budget (pre-discount) and what the plan commits against it."""

    total: Decimal
    committed: Decimal
    left: Decimal
    first_funding_year: int
    last_funding_year: int


def funding_year(fiscal_year: int) -> int:
    """The E-Rate funding year that runs with a school fiscal year (FY2028 = funding year 2027)."""
    return fiscal_year - 1


def funding_year_label(fiscal_year: int) -> str:
    """How a message names an E-Rate year: "funding year 2027 (FY2028)"."""
    return f"funding year {funding_year(fiscal_year)} (FY{fiscal_year})"


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def is_erate(source: model.FundingSource | None) -> bool:
    return source is not None and source.kind == ERATE_KIND


def _source(plan: model.Plan, source_id: str | None) -> model.FundingSource | None:
    if source_id is None:
        return None
    return next((s for s in plan.funding if s.id == source_id), None)


def line_category(content: Content, line: model.BudgetLine) -> str:
    """The line's E-Rate category, or the default (Category 2) when it names none."""
    return line.erate_category or str(content.figure("erate_program", "default_category"))


@dataclass(frozen=True)
class Rates:
    """The district's discount and each category's cap, read once for many lines."""

    district_percent: int
    caps: dict[str, int]
    default_category: str

    @classmethod
    def of(cls, plan: model.Plan, content: Content) -> Rates:
        caps = {e.id: int(e.get("max_discount_percent", 0)) for e in content.vocabulary("erate_categories")}
        return cls(plan.district.erate_discount_percent, caps,
                   str(content.figure("erate_program", "default_category")))

    def share(self, line: model.BudgetLine) -> ErateShare:
        """The split of ``line`` as if it were charged to E-Rate (the caller knows it is)."""
        category = line.erate_category or self.default_category
        rate = min(self.district_percent, self.caps.get(category, 0))
        cost = line.cost_per_year()
        discount = _cents(cost * rate / 100)
        return ErateShare(line.id, category, rate, discount, cost - discount, line.match_source_id)


def share_of(plan: model.Plan, content: Content, line: model.BudgetLine) -> ErateShare:
    """The split of ``line`` as if it were charged to E-Rate (the caller knows it is)."""
    return Rates.of(plan, content).share(line)


def erate_share(plan: model.Plan, content: Content, line: model.BudgetLine) -> ErateShare | None:
    """The E-Rate split of ``line``; ``None`` unless its funding source is of kind ``e-rate``."""
    if not is_erate(_source(plan, line.funding_source_id)):
        return None
    return share_of(plan, content, line)


def _cycle(content: Content, plan: model.Plan) -> dict[str, Any] | None:
    """The Category 2 budget cycle that covers the plan's first funding year it can (None: no figures known)."""
    funding_years = {funding_year(y) for y in plan.fiscal_years()}
    for cycle in content.figure("erate_program", "category2_cycles"):
        if funding_years & set(range(int(cycle["first_funding_year"]), int(cycle["last_funding_year"]) + 1)):
            return dict(cycle)
    return None


def category2_total(content: Content, cycle: dict[str, Any], students: int) -> Decimal:
    """Per student times enrollment, never below the floor (pre-discount)."""
    return max(Decimal(cycle["floor"]), _cents(Decimal(cycle["per_student"]) * students))


def category2_budget(plan: model.Plan, content: Content) -> Category2Budget | None:
    """The Category 2 budget over its cycle and the pre-discount Category 2 cost the plan charges to E-Rate in it.

    ``None`` when the plan has no E-Rate source, or none of its years falls in a
    cycle whose figures the content knows.
    """
    cycle = _cycle(content, plan)
    erate_ids = {s.id for s in plan.funding if is_erate(s)}
    if cycle is None or not erate_ids:
        return None
    first, last = int(cycle["first_funding_year"]), int(cycle["last_funding_year"])
    committed = Decimal("0.00")
    for line in plan.budget:
        if line.funding_source_id in erate_ids and line_category(content, line) == "category-2":
            spent = sum(1 for y in line.years() if first <= funding_year(y) <= last)
            committed += line.cost_per_year() * spent
    total = category2_total(content, cycle, plan.district.enrollment)
    return Category2Budget(total, committed, total - committed, first, last)
