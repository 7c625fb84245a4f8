"""Evaluation and rollout: baselines and targets, outcomes over outputs, an early review, a pilot, the right team."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from plan_builders import DELIVERY, GOAL, change, coherent_plan, without

from summit_app.plan import model
from summit_app.plan.checks import Finding, run_checks
from summit_app.plan.checks.evaluation import measures_outputs, midpoint
from summit_app.plan.content import Content


@pytest.fixture(scope="module")
def good(content: Content) -> model.Plan:
    return coherent_plan(content)


def of_rule(plan: model.Plan, content: Content, rule: str) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule == rule]


# --- goals: baseline, target, outcomes -------------------------------------------------------------------


def test_a_goal_needs_a_baseline_and_a_target(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(change(good, "goals", GOAL, baseline=" ", target=""), content, "goal-incomplete")
    assert finding.message == "The goal “Give every student a reliable device” has no baseline or target."
    [finding] = of_rule(change(good, "goals", GOAL, target=""), content, "goal-incomplete")
    assert finding.message.endswith("has no target.")
    assert of_rule(good, content, "goal-incomplete") == []


@pytest.mark.parametrize("measure", [
    "Devices distributed", "Number of devices deployed to schools", "Student accounts created",
    "Teachers trained", "Share of teachers who completed the training", "Apps purchased",
    "Teachers completing the core pathway", "Chromebooks delivered to classrooms", "PD sessions held",
])
def test_output_measures_are_recognised(measure: str) -> None:
    assert measures_outputs(measure)


@pytest.mark.parametrize("measure", [
    "Students with a working device", "Students creating with technology in classroom walkthroughs",
    "Students meeting standard on the district performance task", "Peak internet use as share of capacity",
    "Apps in use with student data that have a signed data privacy agreement", "Teachers' lessons rated as deeper",
])
def test_outcome_measures_are_not_outputs(measure: str) -> None:
    assert not measures_outputs(measure)


def test_a_goal_measured_by_outputs_asks_for_an_outcome(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(change(good, "goals", GOAL, measure="Tablets distributed"), content, "goal-output-measure")
    assert finding.message == ("The goal “Give every student a reliable device” is measured by “Tablets distributed”, "
                               "which counts what the district does, not what students experience.")
    assert "what students do or achieve" in finding.fix


# --- a progress review before the midpoint -----------------------------------------------------------------


def test_the_midpoint_is_halfway_through_the_plans_years(good: model.Plan) -> None:
    assert midpoint(good) == date(2027, 12, 30)  # July 1, 2026 to June 30, 2029


def test_a_review_on_or_after_the_midpoint_is_too_late(good: model.Plan, content: Content) -> None:
    late = change(good, "milestones", "milestone-review", due_date=date(2027, 12, 30))
    [finding] = of_rule(late, content, "no-review-milestone")
    assert finding.message == ("No progress review is dated before the plan's midpoint, December 30, 2027, so nobody "
                               "looks at the goals' measures while there is still time to change course.")
    assert of_rule(change(late, "milestones", "milestone-review", due_date=date(2027, 12, 29)), content,
                   "no-review-milestone") == []


def test_an_ordinary_milestone_is_not_a_review(good: model.Plan, content: Content) -> None:
    plan = change(good, "milestones", "milestone-review", kind="milestone")
    assert len(of_rule(plan, content, "no-review-milestone")) == 1


# --- a pilot before a large purchase -----------------------------------------------------------------------


def _pilot_purchase(plan: model.Plan, day: date, quantity: int = 60) -> model.Plan:
    pilot = model.BudgetLine("line-pilot", "Pilot Chromebooks, three models", "devices", GOAL, False,
                             Decimal("300.00"), quantity, 2027, 2027, "src-general", device_type="chromebook",
                             delivery_date=day)
    return plan.replace(budget=(*plan.budget, pilot))


def test_a_purchase_for_over_a_quarter_of_enrollment_needs_a_pilot_before_it(
        good: model.Plan, content: Content) -> None:
    no_pilot = without(good, "milestones", "milestone-pilot")
    [finding] = of_rule(no_pilot, content, "no-device-pilot")
    assert (finding.severity, finding.item_id) == ("warning", "line-devices")
    assert finding.message == ("“Student Chromebooks” adds 1,000 student devices (33% of enrollment) on February 15, "
                               "2027 with no device pilot before it.")
    a_quarter = change(no_pilot, "budget", "line-devices", quantity=750)
    assert of_rule(a_quarter, content, "no-device-pilot") == []


def test_a_pilot_milestone_counts_only_before_delivery(good: model.Plan, content: Content) -> None:
    on_the_day = change(good, "milestones", "milestone-pilot", due_date=DELIVERY)
    assert len(of_rule(on_the_day, content, "no-device-pilot")) == 1
    undated = change(good, "milestones", "milestone-pilot", due_date=None)
    assert len(of_rule(undated, content, "no-device-pilot")) == 1


def test_an_earlier_smaller_purchase_is_a_pilot(good: model.Plan, content: Content) -> None:
    no_pilot = without(good, "milestones", "milestone-pilot")
    assert of_rule(_pilot_purchase(no_pilot, date(2026, 11, 2)), content, "no-device-pilot") == []
    same_day = _pilot_purchase(no_pilot, DELIVERY)
    assert [f.item_id for f in of_rule(same_day, content, "no-device-pilot")] == ["line-devices"]
    as_large_and_earlier = _pilot_purchase(no_pilot, date(2026, 11, 2), quantity=1000)
    assert [f.item_id for f in of_rule(as_large_and_earlier, content, "no-device-pilot")] == [
        "line-pilot", "line-devices"]


def test_a_line_marked_as_a_pilot_counts_as_one_before_a_larger_purchase(good: model.Plan, content: Content) -> None:
    no_pilot = without(good, "milestones", "milestone-pilot")
    as_large = _pilot_purchase(no_pilot, date(2026, 11, 2), quantity=1000)  # not smaller, yet a pilot once marked
    assert len(of_rule(as_large, content, "no-device-pilot")) == 2
    marked = change(as_large, "budget", "line-pilot", pilot=True)
    assert of_rule(marked, content, "no-device-pilot") == []
    on_the_day = change(_pilot_purchase(no_pilot, DELIVERY, quantity=1000), "budget", "line-pilot", pilot=True)
    assert [f.item_id for f in of_rule(on_the_day, content, "no-device-pilot")] == ["line-devices"]


def test_a_pilot_line_is_never_itself_a_purchase_without_a_pilot(good: model.Plan, content: Content) -> None:
    no_pilot = without(good, "milestones", "milestone-pilot")
    first = change(_pilot_purchase(no_pilot, date(2026, 11, 2), quantity=1000), "budget", "line-pilot", pilot=True)
    assert [f.item_id for f in of_rule(first, content, "no-device-pilot")] == []
    alone = change(without(first, "budget", "line-devices"), "budget", "line-pilot", delivery_date=DELIVERY)
    assert of_rule(alone, content, "no-device-pilot") == []


def test_an_undated_pilot_line_counts_from_the_start_of_its_year(good: model.Plan, content: Content) -> None:
    no_pilot = without(good, "milestones", "milestone-pilot")
    undated = change(_pilot_purchase(no_pilot, DELIVERY, quantity=1000), "budget", "line-pilot", pilot=True,
                     delivery_date=None)  # FY2027 opens on July 1, 2026, before February 15, 2027
    assert of_rule(undated, content, "no-device-pilot") == []


def test_a_replacement_needs_no_pilot(good: model.Plan, content: Content) -> None:
    refresh = change(without(good, "milestones", "milestone-pilot"), "budget", "line-devices", replaces_devices=True)
    assert of_rule(refresh, content, "no-device-pilot") == []


# --- the team -----------------------------------------------------------------------------------------------


def test_one_advice_names_every_missing_seat(good: model.Plan, content: Content) -> None:
    alone = without(good, "members", "member-2", "member-3", "member-4")
    [finding] = of_rule(alone, content, "team-composition")
    assert (finding.severity, finding.pane) == ("advice", "district")
    assert finding.message == ("The planning team has no finance officer, no teacher or teacher leader and no "
                               "parent or community partner.")
    assert finding.fix.startswith("Invite a finance officer, a teacher or teacher leader and a parent or community "
                                  "partner to the table")


def test_a_community_partner_fills_the_parent_seat(good: model.Plan, content: Content) -> None:
    plan = change(good, "members", "member-4", role="community-partner")
    assert of_rule(plan, content, "team-composition") == []
    [finding] = of_rule(without(plan, "members", "member-3"), content, "team-composition")
    assert finding.message == "The planning team has no teacher or teacher leader."
