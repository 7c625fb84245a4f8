"""The domain rules: each refusal says, in words a planning team understands, what is wrong and where."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from summit_app.plan import model
from summit_app.plan.codec import DecodeError
from summit_app.plan.content import Content
from summit_app.plan.fields import spec
from summit_app.plan.interchange import plan_from_json, plan_to_json
from summit_app.plan.rules import duplicate_problems, plan_problems, record_problems, value_problem

PLAN = model.Plan(goals=(model.Goal("goal-1", "Access"),), members=(model.TeamMember("member-1", "Ana"),))


def problem(record_type: type, field: str, value: Any, content: Content) -> str | None:
    return value_problem(spec(record_type, field), value, content, PLAN)


@pytest.mark.parametrize(("record_type", "field", "value", "message"), [
    (model.Goal, "title", 42, "must be text"),
    (model.Goal, "title", "broken \ud800 surrogate", "must be text"),
    (model.Network, "wifi_coverage_percent", 101, "must be a whole number from 0 to 100"),
    (model.District, "enrollment", -1, "must be a whole number of 0 or more"),
    (model.District, "enrollment", True, "must be a whole number of 0 or more"),
    (model.District, "enrollment", 12.0, "must be a whole number of 0 or more"),
    (model.Goal, "priority", 0, "must be a whole number from 1 to 99"),
    (model.BudgetLine, "unit_cost", 12.5, "must be a number"),
    (model.BudgetLine, "unit_cost", Decimal("NaN"), "must be a number"),
    (model.BudgetLine, "unit_cost", Decimal("Infinity"), "must be a number"),
    (model.BudgetLine, "unit_cost", Decimal("-0.01"), "must not be negative"),
    (model.BudgetLine, "unit_cost", Decimal("2.675"), "must have at most two decimal places"),
    (model.BudgetLine, "unit_cost", Decimal("1E15"), "is too large"),
    (model.FundingSource, "amounts", (Decimal(1),) * 4, "must list 5 amounts"),
    (model.FundingSource, "amounts", (Decimal(1),) * 4 + (Decimal("-1"),), "must not be negative"),
    (model.BudgetLine, "recurring", 1, "must be true or false"),
    (model.Goal, "due_date", datetime(2027, 6, 30, tzinfo=UTC), "must be a date"),
    (model.Goal, "due_date", "2027-06-30", "must be a date"),
    (model.Signature, "signed_at", datetime(2027, 6, 30, 12, 0), "must be a date and time with a time zone"),
    (model.Goal, "gear", "time-travel", "'time-travel' is not one of the choices"),
    (model.Goal, "iste_conditions", ("",), "'' is not one of the choices"),
    (model.Goal, "iste_conditions", ["equitable-access"], "must be a list"),
    (model.Goal, "iste_conditions", ("equitable-access", "equitable-access"), "lists a choice twice"),
    (model.GoalAction, "goal_id", "goal-9", "points at 'goal-9', which is not in the plan"),
    (model.LearningActivity, "goal_ids", ("goal-1", "goal-1"), "links the same item twice"),
    (model.LearningActivity, "goal_ids", ("goal-1", "goal-2"), "points at 'goal-2', which is not in the plan"),
])
def test_bad_value_is_refused_with_a_reason(
    record_type: type, field: str, value: Any, message: str, content: Content
) -> None:
    assert problem(record_type, field, value, content) == message


@pytest.mark.parametrize(("record_type", "field", "value"), [
    (model.Goal, "title", "=SUM(A1) <b>x</b> \u202e 😀 \x00"),
    (model.Goal, "priority", None),
    (model.Goal, "gear", ""),
    (model.BudgetLine, "unit_cost", Decimal("999999999999999.99")),
    (model.BudgetLine, "unit_cost", Decimal("1.500")),
    (model.Goal, "due_date", date(2027, 6, 30)),
    (model.GoalAction, "goal_id", None),
    (model.GoalAction, "goal_id", "goal-1"),
    (model.LearningActivity, "goal_ids", ()),
])
def test_good_value_passes(record_type: type, field: str, value: Any, content: Content) -> None:
    assert problem(record_type, field, value, content) is None


def _years_plan() -> model.Plan:
    return model.Plan(district=model.District(first_fiscal_year=2027, plan_years=3))


@pytest.mark.parametrize(("line", "field", "message"), [
    (model.BudgetLine("l", first_year=2026, last_year=2026), "first_year",
     "FY2026 is outside the plan's years (2027–2029)"),
    (model.BudgetLine("l", recurring=True, first_year=2027, last_year=2030), "last_year",
     "FY2030 is outside the plan's years (2027–2029)"),
    (model.BudgetLine("l", recurring=True, first_year=2029, last_year=2028), "last_year",
     "the last year comes before the first year"),
    (model.BudgetLine("l", unit_cost=Decimal("999999999999999.99"), quantity=2, first_year=2027), "quantity",
     "unit cost × quantity must be under $1,000,000,000,000,000"),
])
def test_budget_years_must_sit_in_the_plan(line: model.BudgetLine, field: str, message: str, content: Content) -> None:
    problems = record_problems("budget", 4, line, _years_plan(), content)
    assert [(p.collection, p.index, p.field, p.message) for p in problems] == [("budget", 4, field, message)]


def test_the_largest_line_whose_total_stays_exact_is_accepted(content: Content) -> None:
    line = model.BudgetLine("l", unit_cost=Decimal("99999999999999.99"), quantity=10, first_year=2027)
    assert record_problems("budget", 0, line, _years_plan(), content) == []


def test_one_time_line_ignores_its_last_year(content: Content) -> None:
    line = model.BudgetLine("l", recurring=False, first_year=2028, last_year=2000)
    assert record_problems("budget", 0, line, _years_plan(), content) == []


def test_field_problems_name_the_field_by_its_label(content: Content) -> None:
    line = model.BudgetLine("l", unit_cost=Decimal("-3"), quantity=-1)
    messages = [p.message for p in record_problems("budget", 0, line, _years_plan(), content)]
    assert messages == ["Unit cost must not be negative", "Quantity must be a whole number of 0 or more"]


@pytest.mark.parametrize(("collection", "record", "message"), [
    ("learning", model.LearningActivity("a", start_date=date(2027, 9, 1), end_date=date(2027, 8, 1)),
     "the activity ends before it starts"),
    ("readiness", model.ReadinessRating("no-such-element"), "'no-such-element' is not a framework element"),
    ("practices", model.PracticeRating("no-such-practice"), "'no-such-practice' is not a privacy practice"),
    ("goals", model.Goal(""), "must be a non-empty id"),
])
def test_record_rules(collection: str, record: Any, message: str, content: Content) -> None:
    assert [p.message for p in record_problems(collection, 0, record, PLAN, content)] == [message]


def test_duplicate_ids_and_ratings_are_found() -> None:
    plan = PLAN.replace(goals=(model.Goal("g"), model.Goal("g")),
                        member_ratings=(model.MemberRating("r1", "ri-devices", "member-1"),
                                        model.MemberRating("r2", "ri-devices", "member-1")))
    assert [p.message for p in duplicate_problems(plan, "goals")] == ["the id 'g' is used twice"]
    assert [(p.index, p.message) for p in duplicate_problems(plan, "member_ratings")] == [
        (1, "this member already rated this element")]


def test_generated_and_demo_plans_have_no_problems(demo: model.Plan, content: Content) -> None:
    assert plan_problems(demo, content) == []
    assert plan_problems(model.Plan(), content) == []


def _doc_with(demo: model.Plan, change: Any) -> dict[str, Any]:
    doc = plan_to_json(demo)
    change(doc)
    return doc


@pytest.mark.parametrize(("change", "path", "message"), [
    (lambda d: d["budget"]["lines"][3].update(unit_cost=12.5), "budget.lines[3].unit_cost",
     'must be a decimal number written as a string, e.g. "1250.00"'),
    (lambda d: d["budget"]["lines"][3].update(unit_cost="-1.00"), "budget.lines[3].unit_cost",
     "Unit cost must not be negative"),
    (lambda d: d["budget"]["funding_sources"][1]["amounts"].__setitem__(2, "x"),
     "budget.funding_sources[1].amounts[2]",
     "'x' is not an amount: write digits, a point and two decimals, e.g. \"1250.00\""),
    (lambda d: d["district"].update(plan_years=9), "district.plan_years",
     "Plan years must be a whole number from 3 to 5"),
    (lambda d: d["vision"]["goals"][0].update(colour="red"), "vision.goals[0].colour",
     "is not a field of this part of the plan"),
    (lambda d: d["privacy"]["apps"][0].pop("id"), "privacy.apps[0].id", "is missing; a document lists every field"),
    (lambda d: d["privacy"]["apps"][0].update(id=""), "privacy.apps[0].id", "must be a non-empty string"),
    (lambda d: d["timeline"]["milestones"][1].update(due_date="next June"), "timeline.milestones[1].due_date",
     "'next June' is not a date (YYYY-MM-DD)"),
])
def test_bad_json_names_the_field_by_path(
    demo: model.Plan, content: Content, change: Any, path: str, message: str
) -> None:
    with pytest.raises(DecodeError) as caught:
        plan_from_json(_doc_with(demo, change), content)
    assert (caught.value.path, caught.value.message) == (path, message)


def test_json_years_are_checked_against_the_plan(demo: model.Plan, content: Content) -> None:
    last = demo.district.first_fiscal_year + demo.district.plan_years - 1
    lines = list(demo.budget)
    lines[5] = dataclasses.replace(lines[5], first_year=last + 1, last_year=last + 1)
    with pytest.raises(DecodeError) as caught:
        plan_from_json(plan_to_json(demo.replace(budget=tuple(lines))), content)
    assert caught.value.path == "budget.lines[5].first_year"


@pytest.mark.parametrize("field", ["plan_years", "first_fiscal_year"])
def test_budget_lines_are_not_judged_against_years_the_district_cannot_have(field: str, content: Content) -> None:
    plan = _years_plan()
    plan = plan.replace(district=dataclasses.replace(plan.district, **{field: 2**63}),
                        budget=(model.BudgetLine("l", first_year=2027),))
    assert [(p.collection, p.field) for p in plan_problems(plan, content)] == [("district", field)]
