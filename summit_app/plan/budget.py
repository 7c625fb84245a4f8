"""Budget arithmetic: totals by year, category and funding source; per-student cost; gaps.

All money is ``Decimal``; totals are exact sums of line costs (unit cost ×
quantity, already whole cents), so nothing here rounds but an E-Rate
discount, which is rounded to the cent once per line and year, the local
match taking the remainder so the two add up to the line's cost.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.erate import ERATE_KIND, Rates

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def cents(value: Decimal) -> Decimal:
    """Round to whole cents, half away from zero (as Excel's ROUND does)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def line_cost(line: model.BudgetLine, year: int) -> Decimal:
    return line.cost_per_year() if year in line.years() else ZERO


def line_total(line: model.BudgetLine) -> Decimal:
    return line.cost_per_year() * len(line.years())


@dataclass(frozen=True)
class BudgetSummary:
    years: tuple[int, ...]
    by_year: dict[int, Decimal]
    by_category: dict[str, Decimal]
    by_source: dict[str | None, Decimal]
    funding_by_year: dict[int, Decimal]
    total: Decimal
    funding_total: Decimal
    #: (source id or None, fiscal year) → what that source is charged that year (E-Rate lines split).
    charged: dict[tuple[str | None, int], Decimal] = field(default_factory=dict)

    def gap(self, year: int) -> Decimal:
        """Cost not covered by funding in ``year`` (zero when funded)."""
        return max(ZERO, self.by_year[year] - self.funding_by_year[year])

    def gaps(self) -> dict[int, Decimal]:
        return {y: self.gap(y) for y in self.years}

    def unassigned(self) -> Decimal:
        """Cost charged to no funding source over the plan's years: lines without a source, and the local
        match of E-Rate lines that name no match source. The totals may balance while nobody pays this."""
        return sum((self.charged.get((None, y), ZERO) for y in self.years), ZERO)

    def fully_funded(self) -> bool:
        """Every year's funding covers its cost, and every cost is charged to a source."""
        return not any(self.gaps().values()) and not self.unassigned()

    def per_student(self, enrollment: int, year: int | None = None) -> Decimal | None:
        """Cost per enrolled student for a year (or the whole plan), to the cent."""
        if enrollment <= 0:
            return None
        amount = self.total if year is None else self.by_year[year]
        return cents(amount / enrollment)


Payers = tuple[tuple[str | None, Decimal], ...]


def payers(line: model.BudgetLine, erate_ids: frozenset[str], rates: Rates | None) -> Payers:
    """Who pays ``line`` each year: its source, or for an E-Rate line the discount and the local match.

    The match falls on ``match_source_id``, or on no source at all (unfunded) when none is named.
    Without ``rates`` every line is paid whole by its own source.
    """
    if rates is None or line.funding_source_id not in erate_ids:
        return ((line.funding_source_id, line.cost_per_year()),)
    share = rates.share(line)
    return ((line.funding_source_id, share.discount_per_year), (line.match_source_id, share.local_match_per_year))


def erate_source_ids(plan: model.Plan) -> frozenset[str]:
    return frozenset(s.id for s in plan.funding if s.kind == ERATE_KIND)


def summarize(plan: model.Plan, content: Content) -> BudgetSummary:
    """Totals by year, category and source.

    An E-Rate line is split between the program (its discount: ``content``
    holds the E-Rate categories' caps) and the source of its local match, so
    ``by_source`` and ``charged`` say who really pays.
    """
    years = tuple(plan.fiscal_years())
    by_category: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_source: dict[str | None, Decimal] = defaultdict(lambda: ZERO)
    charged: dict[tuple[str | None, int], Decimal] = defaultdict(lambda: ZERO)
    erate_ids = erate_source_ids(plan)
    rates = Rates.of(plan, content) if erate_ids else None
    for line in plan.budget:
        # Only the plan's own years count, so every breakdown adds up to the total.
        span = line.years()
        mine = range(max(span.start, years[0]), min(span.stop, years[-1] + 1))
        cost = line.cost_per_year()
        by_category[line.category] += cost * len(mine)
        split = rates is not None and line.funding_source_id in erate_ids
        for source_id, amount in payers(line, erate_ids, rates) if split else ((line.funding_source_id, cost),):
            by_source[source_id] += amount * len(mine)
            for y in mine:
                charged[source_id, y] += amount
    by_year = dict.fromkeys(years, ZERO)
    for (_, y), amount in charged.items():
        by_year[y] += amount
    funding_by_year = {
        y: sum((s.amounts[i] for s in plan.funding), ZERO) for i, y in enumerate(years)
    }
    return BudgetSummary(
        years=years,
        by_year=by_year,
        by_category=dict(by_category),
        by_source=dict(by_source),
        funding_by_year=funding_by_year,
        total=sum(by_year.values(), ZERO),
        funding_total=sum(funding_by_year.values(), ZERO),
        charged=dict(charged),
    )
