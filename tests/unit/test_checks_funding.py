"""Funding realism: one-time money cannot carry recurring costs, whatever its Recurring tick says."""

from __future__ import annotations

from decimal import Decimal

import pytest
from plan_builders import GOAL, amounts, change, change_one, coherent_plan

from summit_app.plan import model
from summit_app.plan.checks import Finding, run_checks
from summit_app.plan.content import Content

D = Decimal


@pytest.fixture
def good(content: Content) -> model.Plan:
    return coherent_plan(content)


def of_rule(plan: model.Plan, content: Content, rule: str) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule == rule]


def coaching_every_year(plan: model.Plan) -> model.Plan:
    """Coaching stipends ($40,000) become a recurring cost, FY2027–FY2028, still on the state grant."""
    return change(plan, "budget", "line-coaching", recurring=True, last_year=2028)


def test_a_fiscal_cliff_names_the_amount_and_the_year(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(coaching_every_year(good), content, "recurring-on-one-time-money")
    assert (finding.collection, finding.item_id) == ("funding", "src-grant")
    assert finding.message == ("“State grant” (state grant, one-time money) pays $40,000 a year of recurring costs "
                               "(“Coaching stipends”). When it ends, from FY2028, those costs have no funding: a "
                               "fiscal cliff, like the one districts met when pandemic relief ended in 2024.")
    assert of_rule(good, content, "recurring-on-one-time-money") == []  # a one-time cost on a grant is fine


def test_a_state_grant_ticked_recurring_still_has_its_cliff_and_a_warning(good: model.Plan, content: Content) -> None:
    plan = change(coaching_every_year(good), "funding", "src-grant", recurring=True)
    [cliff] = of_rule(plan, content, "recurring-on-one-time-money")
    assert "from FY2028" in cliff.message
    [ticked] = of_rule(plan, content, "one-time-source-marked-recurring")
    assert ticked.item_id == "src-grant"
    assert ticked.message.startswith("“State grant” is ticked Recurring, but a state grant is one-time money")


def test_one_finding_per_source_however_many_lines(good: model.Plan, content: Content) -> None:
    extra = model.BudgetLine("line-subs", "Substitute cover", "professional-learning", GOAL, True, D("2500.00"), 4,
                             2027, 2029, "src-grant")
    plan = coaching_every_year(good.replace(budget=(*good.budget, extra)))
    [finding] = of_rule(plan, content, "recurring-on-one-time-money")
    # FY2027 and FY2028 both carry $40,000 + $10,000; the peak year is what the district must replace.
    assert "pays $50,000 a year of recurring costs (“Coaching stipends” and 1 more line)" in finding.message


def test_the_cliff_begins_after_the_last_funded_year(good: model.Plan, content: Content) -> None:
    plan = change(coaching_every_year(good), "funding", "src-grant", amounts=amounts("50000", "50000", "50000"))
    [finding] = of_rule(plan, content, "recurring-on-one-time-money")
    assert "from FY2030 after the plan" in finding.message


@pytest.mark.parametrize("kind", ["capital-bond", "private-grant", "to-be-identified"])
def test_every_one_time_kind_is_one_time(good: model.Plan, content: Content, kind: str) -> None:
    plan = change(coaching_every_year(good), "funding", "src-grant", kind=kind, recurring=True)
    assert len(of_rule(plan, content, "recurring-on-one-time-money")) == 1


def test_other_money_is_one_time_unless_ticked(good: model.Plan, content: Content) -> None:
    plan = change(coaching_every_year(good), "funding", "src-grant", kind="other")
    assert len(of_rule(plan, content, "recurring-on-one-time-money")) == 1
    ticked = change(plan, "funding", "src-grant", recurring=True)
    assert of_rule(ticked, content, "recurring-on-one-time-money") == []
    assert of_rule(ticked, content, "one-time-source-marked-recurring") == []


def test_an_erate_match_on_a_grant_is_a_recurring_cost_on_one_time_money(good: model.Plan, content: Content) -> None:
    plan = change_one(change_one(good, "district", erate_discount_percent=80), "network", cipa_in_place=True)
    erate = model.FundingSource("src-erate", "E-Rate", "e-rate", True, amounts("8000", "8000", "8000"))
    line = model.BudgetLine("line-net", "Internet access", "network", GOAL, True, D("10000.00"), 1, 2027, 2029,
                            "src-erate", erate_category="category-1", match_source_id="src-grant")
    plan = plan.replace(funding=(*plan.funding, erate), budget=(*plan.budget, line))
    [finding] = of_rule(plan, content, "recurring-on-one-time-money")
    assert finding.item_id == "src-grant"
    assert "pays $2,000 a year of recurring costs (“Internet access”)" in finding.message


def test_money_to_be_identified_names_what_it_must_find(good: model.Plan, content: Content) -> None:
    plan = change(good, "funding", "src-grant", kind="to-be-identified", name="New money")
    [finding] = of_rule(plan, content, "source-to-be-identified")
    assert finding.message == ("“New money” is still to be identified: the plan counts on $50,000 from it over "
                               "FY2027–FY2029 that no one has promised yet.")
    assert of_rule(plan, content, "one-time-source-marked-recurring") == []


def test_money_to_be_identified_that_is_charged_more_than_it_lists(good: model.Plan, content: Content) -> None:
    plan = change(good, "funding", "src-grant", kind="to-be-identified", amounts=amounts("10000"))
    [finding] = of_rule(plan, content, "source-to-be-identified")
    assert "counts on $40,000 from it" in finding.message


def test_recurring_costs_on_title_funds_get_plain_advice(good: model.Plan, content: Content) -> None:
    title = model.FundingSource("src-title", "Title IV-A", "title-iv-a", True, amounts("20000", "20000", "20000"))
    plan = change(good.replace(funding=(*good.funding, title)), "budget", "line-lms", funding_source_id="src-title")
    [finding] = of_rule(plan, content, "recurring-on-appropriated-funds")
    assert finding.severity == "advice"
    assert finding.message == ("“Title IV-A” pays $15,000 a year of recurring costs (“Learning management system”). "
                               "Title IV-A funds are appropriated by Congress every year and are not guaranteed: "
                               "in July 2025 they were withheld from districts for several weeks.")
    one_time = change(plan, "budget", "line-lms", recurring=False)
    assert of_rule(one_time, content, "recurring-on-appropriated-funds") == []
    assert of_rule(plan, content, "recurring-on-one-time-money") == []


def test_an_overcommitted_source_counts_the_erate_match(good: model.Plan, content: Content) -> None:
    plan = change_one(change_one(good, "district", erate_discount_percent=80), "network", cipa_in_place=True)
    erate = model.FundingSource("src-erate", "E-Rate", "e-rate", True, amounts("80000", "80000", "80000"))
    line = model.BudgetLine("line-net", "Internet access", "network", GOAL, True, D("100000.00"), 1, 2027, 2029,
                            "src-erate", erate_category="category-1", match_source_id="src-grant")
    plan = plan.replace(funding=(*plan.funding, erate), budget=(*plan.budget, line))
    [finding] = of_rule(plan, content, "source-overcommitted")
    # The grant pays coaching ($40,000) and the 20 % match ($20,000) in FY2027: $60,000 of its $50,000.
    assert finding.message.startswith("“State grant” is charged $60,000 in FY2027 but provides only $50,000.")
    assert [f.item_id for f in of_rule(plan, content, "source-overcommitted")] == ["src-grant"]  # not E-Rate
