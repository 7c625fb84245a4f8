"""The budget: is every year funded, every line traced to a goal and paid from money that lasts as long?"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, capital, fy, listing, quote
from summit_app.plan.checks.findings import ADVICE, BLOCKING, WARNING, Finding
from summit_app.plan.money import format_money


def _line_name(line: model.BudgetLine) -> str:
    return capital(quote(line.description, "budget line"))


def _named(text: str, what: str) -> str:
    """A source's name in quotes at the start of a sentence."""
    return capital(quote(text, what))


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


def _cliff_year(facts: Facts, source: model.FundingSource) -> int:
    """The first fiscal year after the last one in which ``source`` provides money."""
    years = facts.plan.fiscal_years()
    funded = [y for i, y in enumerate(years) if source.amounts[i] > 0]
    return (funded[-1] if funded else years[0] - 1) + 1


def _kind_name(facts: Facts, source: model.FundingSource) -> str:
    entry = facts.funding_kinds.get(source.kind)
    return entry.name if entry else "money"


def _what_it_pays(lines: list[model.BudgetLine]) -> str:
    first = quote(lines[0].description, "budget line")
    others = len(lines) - 1
    return first if not others else f"{first} and {others} more line{'s' if others > 1 else ''}"


def recurring_on_one_time_money(facts: Facts) -> Iterator[Finding]:
    """Recurring costs on one-time money (a grant, a bond) meet a cliff when it ends: one finding a source."""
    for source_id, (per_year, lines) in facts.recurring_charges.items():
        source = facts.sources.get(source_id)
        if source is None or facts.carries_recurring(source):
            continue
        cliff = _cliff_year(facts, source)
        after = " after the plan" if cliff > facts.plan.fiscal_years()[-1] else ""
        yield Finding("recurring-on-one-time-money", WARNING, "budget", "funding", source.id,
                      f"{_named(source.name, 'funding source')} ({_kind_name(facts, source).lower()}, one-time "
                      f"money) pays {format_money(per_year)} a year of recurring costs ({_what_it_pays(lines)}). "
                      f"When it ends, from {fy(cliff)}{after}, those costs have no funding: a fiscal cliff, like "
                      "the one districts met when pandemic relief ended in 2024.",
                      "Pay recurring costs from money that comes back every year, such as the general fund, "
                      f"or plan now how the district will carry them from {fy(cliff)}.")


def one_time_source_marked_recurring(facts: Facts) -> Iterator[Finding]:
    """A grant or a bond does not come back every year because its Recurring box is ticked."""
    for source in facts.plan.funding:
        if source.recurring and facts.kind_says(source, "one_time") and not facts.kind_says(source, "unidentified"):
            kind = _kind_name(facts, source).lower()
            yield Finding("one-time-source-marked-recurring", WARNING, "budget", "funding", source.id,
                          f"{_named(source.name, 'funding source')} is ticked Recurring, but a {kind} is "
                          "one-time money: the plan cannot count on it year after year, and recurring costs on it "
                          "are still reported as a fiscal cliff.",
                          "Untick Recurring; if the award really is renewed every year, enter each year's amount "
                          "only once it is awarded.")


def source_to_be_identified(facts: Facts) -> Iterator[Finding]:
    """Money still to be identified is a hope, not a source: say how much the plan needs found."""
    years = facts.plan.fiscal_years()
    for source in facts.plan.funding:
        if not facts.kind_says(source, "unidentified"):
            continue
        counted = sum((source.amounts[i] for i in range(len(years))), Decimal(0))
        needed = max(counted, facts.summary.by_source.get(source.id, Decimal(0)))
        yield Finding("source-to-be-identified", WARNING, "budget", "funding", source.id,
                      f"{_named(source.name, 'funding source')} is still to be identified: the plan counts "
                      f"on {format_money(needed)} from it over {facts.years_text} that no one has promised yet.",
                      "Name the source (a grant applied for, a budget request, a bond) before the plan is adopted, "
                      "or trim the lines that depend on it.")


def recurring_on_appropriated_funds(facts: Facts) -> Iterator[Finding]:
    """Federal formula funds are appropriated each year; recurring costs on them need a fallback."""
    for source_id, (per_year, lines) in facts.recurring_charges.items():
        source = facts.sources.get(source_id)
        if source is None or not facts.kind_says(source, "appropriated"):
            continue
        kind = _kind_name(facts, source)
        yield Finding("recurring-on-appropriated-funds", ADVICE, "budget", "funding", source.id,
                      f"{_named(source.name, 'funding source')} pays {format_money(per_year)} a year of "
                      f"recurring costs ({_what_it_pays(lines)}). {kind} funds are appropriated by Congress every "
                      "year and are not guaranteed: in July 2025 they were withheld from districts for several "
                      "weeks.",
                      "Keep a fallback in the general fund for these costs, so a late or smaller allocation does "
                      "not stop them.")


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
