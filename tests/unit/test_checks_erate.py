"""E-Rate as a discount: the split of a line, the Category 2 budget, and the checks on E-Rate lines."""

from __future__ import annotations

import dataclasses
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
    split = summarize(plan, content)
    as_entered = summarize(plan.replace(district=dataclasses.replace(plan.district, erate_discount_percent=0)),
                           content)  # no discount: every line whole on its own source, E-Rate's lines on the match
    # Internet $10,000 a year × 3 + Wi-Fi $15,000 once = $45,000: E-Rate pays 80 %, the general fund 20 %.
    assert split.by_source["src-erate"] == D("36000.00")
    assert as_entered.by_source["src-general"] - split.by_source["src-general"] == D("36000.00")
    assert split.charged["src-erate", 2027] == D("20000.00")
    assert as_entered.charged["src-general", 2027] - split.charged["src-general", 2027] == D("20000.00")
    assert split.total == as_entered.total
    assert sum(split.by_source.values()) == split.total


def test_a_match_with_no_source_is_unfunded(content: Content) -> None:
    assert summarize(on_erate(content, 80), content).fully_funded()
    plan = change(on_erate(content, 80), "budget", "line-internet", match_source_id=None)
    summary = summarize(plan, content)
    assert summary.by_source[None] == D("6000.00")
    assert summary.unassigned() == D("6000.00")  # $2,000 a year of match that no source pays
    assert not any(summary.gaps().values())  # although every year's funding covers its cost
    assert not summary.fully_funded()


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


# --- the checks ---------------------------------------------------------------------------------------------------

ERATE_RULES = ("erate-ineligible", "erate-not-covered", "erate-no-category", "erate-no-match",
               "erate-category2-exceeded", "erate-no-discount", "erate-without-cipa")


def erate_findings(plan: model.Plan, content: Content) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule in ERATE_RULES]


def with_erate_line(plan: model.Plan, **fields: object) -> model.Plan:
    line = model.BudgetLine("line-x", "Student Chromebooks for E-Rate", "network", "goal-devices", False,
                            D("300.00"), 100, 2027, 2027, "src-erate", erate_category="category-2",
                            match_source_id="src-general")
    return change(plan.replace(budget=(*plan.budget, line)), "budget", "line-x", **fields)


def test_erate_at_80_percent_with_a_local_match_raises_nothing(content: Content) -> None:
    assert erate_findings(on_erate(content, 80), content) == []
    assert [f.rule for f in run_checks(on_erate(content, 80), content) if f.rule.startswith("source")] == []


def test_chromebooks_on_erate_block(content: Content) -> None:
    plan = with_erate_line(on_erate(content), category="devices", device_type="chromebook")
    [finding] = of_rule(plan, content, "erate-ineligible")
    assert finding.blocking
    assert finding.item_id == "line-x"
    assert finding.message == ("“Student Chromebooks for E-Rate” counts on E-Rate to pay $24,000 a year in funding "
                               "year 2026 (FY2027), but E-Rate does not pay for end-user devices such as laptops, "
                               "tablets and Chromebooks.")
    assert [f.rule for f in erate_findings(plan, content)] == ["erate-ineligible"]


@pytest.mark.parametrize(("fields", "what"), [
    ({"device_type": "hotspot"}, "hotspots and home internet"),
    ({"category": "home-access"}, "hotspots and home internet"),
    ({"category": "backup-circuits"}, "redundant or backup circuits"),
    ({"category": "device-replacement"}, "end-user devices"),
])
def test_every_ineligible_cost_blocks(content: Content, fields: dict[str, object], what: str) -> None:
    [finding] = of_rule(with_erate_line(on_erate(content), **fields), content, "erate-ineligible")
    assert what in finding.message


def test_ineligible_costs_on_other_money_are_fine(content: Content) -> None:
    plan = with_erate_line(on_erate(content), category="devices", funding_source_id="src-general")
    assert of_rule(plan, content, "erate-ineligible") == []


def test_costs_erate_does_not_cover_warn(content: Content) -> None:
    [finding] = of_rule(with_erate_line(on_erate(content), category="software"), content, "erate-not-covered")
    assert finding.message == ("“Student Chromebooks for E-Rate” is charged to E-Rate, but E-Rate does not cover "
                               "software and subscriptions.")


def test_a_line_with_no_category_warns_and_counts_as_category_two(content: Content) -> None:
    [finding] = of_rule(with_erate_line(on_erate(content, 90), erate_category=""), content, "erate-no-category")
    assert finding.message.endswith("so it is counted as Category 2: 85% discount.")


def test_a_match_with_no_source_warns_with_the_figures(content: Content) -> None:
    plan = change(on_erate(content, 80), "budget", "line-internet", match_source_id=None)
    [finding] = of_rule(plan, content, "erate-no-match")
    assert finding.message == ("E-Rate pays 80% of “Internet access” ($8,000 a year in funding years 2026–2028 "
                               "(FY2027–FY2029)); the district's $2,000 a year local match has no source, so it is "
                               "unfunded.")


def test_even_the_highest_discount_leaves_a_match(content: Content) -> None:
    plan = change(on_erate(content, 90), "budget", "line-wifi", match_source_id=None, erate_category="category-1")
    [finding] = of_rule(plan, content, "erate-no-match")
    assert "E-Rate pays 90% of “Wi-Fi access points” ($13,500 a year in funding year 2026 (FY2027))" in finding.message
    assert "$1,500 a year local match has no source" in finding.message


def test_at_no_discount_the_whole_cost_is_the_match(content: Content) -> None:
    plan = change(on_erate(content, 0), "budget", "line-internet", match_source_id=None)
    [finding] = of_rule(plan, content, "erate-no-match")
    assert finding.message == ("“Internet access” is charged to E-Rate in funding years 2026–2028 (FY2027–FY2029) "
                               "at no discount; the district's $10,000 a year local match has no source, so it is "
                               "unfunded.")


def test_category_two_over_budget_warns_and_at_budget_does_not(content: Content) -> None:
    plan = change_one(on_erate(content), "district", enrollment=100)  # budget: the $30,175 floor
    at_budget = change(plan, "budget", "line-wifi", unit_cost=D("1005.83"))  # 30 × $1,005.83 = $30,174.90
    assert of_rule(at_budget, content, "erate-category2-exceeded") == []
    over = change(plan, "budget", "line-wifi", unit_cost=D("1010.00"))  # $30,300
    [finding] = of_rule(over, content, "erate-category2-exceeded")
    assert finding.message == ("The plan charges $30,300 of Category 2 work (before discount) to E-Rate in funding "
                               "years 2026–2030, but the district's Category 2 budget for those years is $30,175: "
                               "$125 over, which E-Rate will not discount.")


def test_a_zero_discount_with_erate_lines_warns(content: Content) -> None:
    [finding] = of_rule(on_erate(content, 0), content, "erate-no-discount")
    assert finding.pane == "district"
    assert finding.message.startswith("The plan charges 2 lines to E-Rate, but the district's E-Rate discount is 0%")
    no_lines = change_one(coherent_plan(content), "district", erate_discount_percent=0)
    assert of_rule(no_lines, content, "erate-no-discount") == []


def test_erate_without_cipa_warns(content: Content) -> None:
    plan = change_one(on_erate(content), "network", cipa_in_place=False)
    [finding] = of_rule(plan, content, "erate-without-cipa")
    assert "CIPA is not marked as in place" in finding.message
    assert of_rule(change_one(coherent_plan(content), "network", cipa_in_place=False), content,
                   "erate-without-cipa") == []
