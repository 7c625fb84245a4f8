"""The budget: is every year funded, every line traced to a goal and paid from money that lasts as long?"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, capital, fy, listing, quote
from summit_app.plan.checks.findings import BLOCKING, WARNING, Finding
from summit_app.plan.money import format_money


def _line_name(line: model.BudgetLine) -> str:
    return capital(quote(line.description, "budget line"))


def funding_gap(facts: Facts) -> Iterator[Finding]:
    """Every fiscal year must be fully funded, or the plan is not real."""
    summary = facts.summary
    for year in summary.years:
        gap = summary.gap(year)
        if gap > 0:
            funded = summary.funding_by_year[year]
            funds = f"funds only {format_money(funded)}" if funded else "has no funding"
            yield Finding("funding-gap", BLOCKING, "budget", None, None,
                          f"{fy(year)} spends {format_money(summary.by_year[year])} but {funds}: "
                          f"a gap of {format_money(gap)}.",
                          f"Add funding for {fy(year)}, or move or trim lines until the year balances.")


def _source_message(source: model.FundingSource, short: list[tuple[int, Decimal, Decimal]]) -> str:
    year, charged, provided = short[0]
    provides = f"provides only {format_money(provided)}" if provided else "provides nothing that year"
    text = (f"{capital(quote(source.name, 'funding source'))} is charged {format_money(charged)} in {fy(year)} "
            f"but {provides}.")
    if len(short) > 1:
        text += f" It is also short in {listing([fy(y) for y, _, _ in short[1:]], 'and')}."
    return text


def source_overcommitted(facts: Facts) -> Iterator[Finding]:
    """Each source should cover the lines charged to it, year by year (an E-Rate line's match on its match source)."""
    charges = facts.summary.charged
    years = facts.plan.fiscal_years()
    for source in facts.plan.funding:
        short = [(y, charges[source.id, y], source.amounts[i]) for i, y in enumerate(years)
                 if charges.get((source.id, y), Decimal(0)) > source.amounts[i]]
        if short:
            yield Finding("source-overcommitted", WARNING, "budget", "funding", source.id,
                          _source_message(source, short),
                          "Raise the source's amounts, or move some of its lines to another source.")


def recurring_on_one_time_money(facts: Facts) -> Iterator[Finding]:
    """A cost that returns every year outlives one-time money such as a grant or bond."""
    for line in facts.plan.budget:
        source = facts.sources.get(line.funding_source_id or "")
        if line.recurring and source is not None and not facts.recurs(source):
            yield Finding("recurring-on-one-time-money", WARNING, "budget", "budget", line.id,
                          f"{_line_name(line)} recurs every year but is paid from "
                          f"{quote(source.name, 'funding source')}, which is not marked as money that "
                          "comes back every year.",
                          "If that source does continue every year, tick its Recurring box under Funding "
                          "sources; if not, pay the line from one that does, or plan how it continues when "
                          "this money ends.")


def budget_line_without_source(facts: Facts) -> Iterator[Finding]:
    """A cost nobody has agreed to pay is not yet in the budget."""
    for line in facts.plan.budget:
        if line.funding_source_id is None:
            yield Finding("budget-line-no-source", WARNING, "budget", "budget", line.id,
                          f"{_line_name(line)} has no funding source.",
                          "Say which source pays for it.")


def budget_line_without_goal(facts: Facts) -> Iterator[Finding]:
    """Every purchase should trace back to a goal."""
    for line in facts.plan.budget:
        if line.goal_id is None:
            yield Finding("budget-line-no-goal", WARNING, "budget", "budget", line.id,
                          f"{_line_name(line)} serves no goal.",
                          "Link it to the goal it serves, or ask whether the district needs it.")


def budget_line_outside_years(facts: Facts) -> Iterator[Finding]:
    """Lines left outside the plan's years (after its years changed) drop out of every total."""
    years = set(facts.plan.fiscal_years())
    for line in facts.plan.budget:
        outside = [y for y in line.years() if y not in years]
        if outside:
            yield Finding("budget-line-outside-years", WARNING, "budget", "budget", line.id,
                          f"{_line_name(line)} spends in {fy(outside[0])}, outside the plan's years "
                          f"({facts.years_text}), so no total counts it.",
                          "Move it into the plan's years, or lengthen the plan on District & team.")
