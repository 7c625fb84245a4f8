"""Budget arithmetic: totals by year, category and funding source; per-student cost; gaps.

All money is ``Decimal``; totals are exact sums of line costs (unit cost ×
quantity, already whole cents), so nothing here rounds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from summit_app.plan import model

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

    def gap(self, year: int) -> Decimal:
        """Cost not covered by funding in ``year`` (zero when funded)."""
        return max(ZERO, self.by_year[year] - self.funding_by_year[year])

    def gaps(self) -> dict[int, Decimal]:
        return {y: self.gap(y) for y in self.years}

    def per_student(self, enrollment: int, year: int | None = None) -> Decimal | None:
        """Cost per enrolled student for a year (or the whole plan), to the cent."""
        if enrollment <= 0:
            return None
        amount = self.total if year is None else self.by_year[year]
        return cents(amount / enrollment)


def summarize(plan: model.Plan) -> BudgetSummary:
    years = tuple(plan.fiscal_years())
    by_year = dict.fromkeys(years, ZERO)
    by_category: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_source: dict[str | None, Decimal] = defaultdict(lambda: ZERO)
    for line in plan.budget:
        # Only the plan's own years count, so every breakdown adds up to the total.
        spent = line.cost_per_year() * sum(1 for y in line.years() if y in by_year)
        for y in line.years():
            if y in by_year:
                by_year[y] += line.cost_per_year()
        by_category[line.category] += spent
        by_source[line.funding_source_id] += spent
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
    )
