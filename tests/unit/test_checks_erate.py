"""E-Rate as a discount: the split of a line, the Category 2 budget, and the checks on E-Rate lines."""

from __future__ import annotations

from decimal import Decimal

import pytest
from plan_builders import amounts, change, change_one, coherent_plan

from summit_app.plan import model
from summit_app.plan.budget import summarize
from summit_app.plan.checks import Finding, run_checks
from summit_app.plan.content import Content
from summit_app.plan.erate import category2_budget, erate_share, funding_year, funding_year_label

D = Decimal


def on_erate(content: Content, percent: int = 80) -> model.Plan:
    """The coherent plan with internet (Category 1) and Wi-Fi (Category 2) on E-Rate, the match on the general fund."""
    plan = change_one(coherent_plan(content), "district", erate_discount_percent=percent)
    plan = change_one(plan, "network", cipa_in_place=True)
    erate = model.FundingSource("src-erate", "E-Rate discounts", "e-rate", True, amounts("20000", "8000", "8000"))
    line = model.BudgetLine
    lines = (
        line("line-internet", "Internet access", "network", "goal-devices", True, D("10000.00"), 1, 2027, 2029,
             "src-erate", erate_category="category-1", match_source_id="src-general"),
        line("line-wifi", "Wi-Fi access points", "network", "goal-devices", False, D("500.00"), 30, 2027, 2027,
             "src-erate", erate_category="category-2", match_source_id="src-general"),
    )
    return plan.replace(funding=(*plan.funding, erate), budget=(*plan.budget, *lines))


def of_rule(plan: model.Plan, content: Content, rule: str) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule == rule]


# --- the split -------------------------------------------------------------------------------------------


def test_erate_pays_the_discount_and_the_district_the_rest(content: Content) -> None:
    plan = on_erate(content, 80)
    internet = erate_share(plan, content, plan.budget[-2])
    assert internet is not None
    assert (internet.category, internet.rate_percent, internet.discount_per_year, internet.local_match_per_year,
            internet.match_source_id) == ("category-1", 80, D("8000.00"), D("2000.00"), "src-general")


def test_category_two_is_capped_at_85_and_category_one_is_not(content: Content) -> None:
    plan = on_erate(content, 90)
    internet, wifi = (erate_share(plan, content, line) for line in plan.budget[-2:])
    assert internet is not None
    assert wifi is not None
    assert (internet.rate_percent, wifi.rate_percent) == (90, 85)
    assert (wifi.discount_per_year, wifi.local_match_per_year) == (D("12750.00"), D("2250.00"))


def test_a_line_with_no_category_counts_as_category_two(content: Content) -> None:
    plan = change(on_erate(content, 90), "budget", "line-internet", erate_category="", unit_cost=D("333.33"))
    share = erate_share(plan, content, plan.item("budget", "line-internet"))
    assert share is not None
    assert (share.category, share.rate_percent) == ("category-2", 85)
    # 85 % of $333.33 is $283.3305: the discount is rounded to the cent, the match takes the rest.
    assert (share.discount_per_year, share.local_match_per_year) == (D("283.33"), D("50.00"))


def test_a_line_on_another_source_has_no_share(content: Content) -> None:
    plan = on_erate(content)
    assert erate_share(plan, content, plan.item("budget", "line-lms")) is None


def test_source_commitments_show_the_split(content: Content) -> None:
    plan = on_erate(content, 80)
    split, whole = summarize(plan, content), summarize(plan)
    # Internet $10,000 a year × 3 + Wi-Fi $15,000 once = $45,000: E-Rate pays 80 %, the general fund 20 %.
    assert split.by_source["src-erate"] == D("36000.00")
    assert split.by_source["src-general"] - whole.by_source["src-general"] == D("9000.00")
    assert whole.by_source["src-erate"] == D("45000.00")
    assert split.charged["src-erate", 2027] == D("20000.00")
    assert split.charged["src-general", 2027] == whole.charged["src-general", 2027] + D("5000.00")
    assert split.total == whole.total
    assert sum(split.by_source.values()) == split.total


def test_a_match_with_no_source_is_unfunded(content: Content) -> None:
    plan = change(on_erate(content, 80), "budget", "line-internet", match_source_id=None)
    assert summarize(plan, content).by_source[None] == D("6000.00")


def test_a_zero_discount_leaves_everything_to_the_district(content: Content) -> None:
    plan = on_erate(content, 0)
    assert summarize(plan, content).by_source["src-erate"] == D("0.00")


# --- funding years and the Category 2 budget ------------------------------------------------------------------


def test_funding_years_are_named_by_the_july_they_start() -> None:
    assert funding_year(2028) == 2027
    assert funding_year_label(2028) == "funding year 2027 (FY2028)"


def test_category_two_budget_per_student(content: Content) -> None:
    plan = change_one(on_erate(content), "district", enrollment=3000)
    budget = category2_budget(plan, content)
    assert budget is not None
    assert (budget.total, budget.committed, budget.left) == (D("604710.00"), D("15000.00"), D("589710.00"))
    assert (budget.first_funding_year, budget.last_funding_year) == (2026, 2030)


def test_category_two_budget_has_a_floor(content: Content) -> None:
    plan = change_one(on_erate(content), "district", enrollment=100)
    budget = category2_budget(plan, content)
    assert budget is not None
    assert budget.total == D("30175.00")  # 100 × $201.57 = $20,157, below the floor


def test_category_two_budget_counts_only_its_funding_years(content: Content) -> None:
    plan = change(on_erate(content), "budget", "line-wifi", recurring=True, first_year=2031, last_year=2032)
    plan = change_one(plan, "district", first_fiscal_year=2028, plan_years=5)
    budget = category2_budget(plan, content)
    assert budget is not None
    assert budget.committed == D("15000.00")  # FY2031 is funding year 2030; FY2032 is outside the cycle


def test_no_category_two_budget_without_erate_or_outside_known_cycles(content: Content) -> None:
    assert category2_budget(coherent_plan(content), content) is None
    late = change_one(on_erate(content), "district", first_fiscal_year=2040)
    assert category2_budget(late, content) is None


@pytest.mark.parametrize("figure", ["per_student", "floor"])
def test_the_figures_are_content(content: Content, figure: str) -> None:
    [cycle] = content.figure("erate_program", "category2_cycles")
    assert {"per_student": "201.57", "floor": "30175.00"}[figure] == cycle[figure]
