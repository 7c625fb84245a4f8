"""The demo plan and the generated sample plans."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from summit_app.plan import model
from summit_app.plan.budget import summarize
from summit_app.plan.checks import assess, run_checks
from summit_app.plan.content import Content, load_content
from summit_app.plan.interchange import dumps, plan_from_json, plan_to_json
from summit_app.plan.network import capacity_after_upgrades, capacity_on, reference_internet_mbps
from summit_app.plan.rollout import device_rollouts
from summit_app.plan.rules import plan_problems
from summit_app.plan.samples import large_plan, small_plan
from summit_app.resources import read_text

ROOT = Path(__file__).resolve().parents[2]


def budget_faults(plan: model.Plan) -> list[str]:
    """What a finished plan's budget must not have (beyond the domain rules)."""
    faults = []
    apps = {a.id: a for a in plan.apps}
    sources = {s.id: s for s in plan.funding}
    for line in plan.budget:
        if line.goal_id is None or line.funding_source_id is None:
            faults.append(f"{line.id} lacks a goal or a funding source")
        elif line.recurring and not sources[line.funding_source_id].recurring:
            faults.append(f"{line.id} is recurring on one-time money")
        if line.category == "software" and (line.app_id is None or apps[line.app_id].agreement_status != "signed"):
            faults.append(f"{line.id} is software without a signed agreement")
    summary = summarize(plan, load_content())
    faults += [f"FY{year} is short by {gap}" for year, gap in summary.gaps().items() if gap]
    return faults


def test_demo_counts(demo: model.Plan, content: Content) -> None:
    assert (demo.district.plan_years, demo.district.first_fiscal_year) == (5, 2027)
    assert len(demo.members) == 10
    assert {r.id for r in demo.readiness} == content.current_element_ids()
    assert all(r.score is not None and r.notes for r in demo.readiness)
    assert len(demo.goals) == 7
    assert all(2 <= sum(a.goal_id == g.id for a in demo.actions) <= 3 for g in demo.goals)
    assert len(demo.learning) == 19
    assert len(demo.apps) == 25
    assert {p.id for p in demo.practices} == set(content.ids("practices"))
    assert all(p.rating is not None for p in demo.practices)
    assert 4 <= len(demo.devices) <= 6
    assert len(demo.funding) == 5
    assert 55 <= len(demo.budget) <= 70
    assert len(demo.milestones) == 20
    assert demo.vision.statement
    assert demo.approval.superintendent_name
    assert demo.approval.board_meeting_date is not None
    assert demo.signature == model.Signature()


def test_demo_content_is_complete(demo: model.Plan) -> None:
    for goal in demo.goals:
        assert all((goal.gear, goal.iste_conditions, goal.erate_elements)), goal.id
        assert all((goal.measure, goal.baseline, goal.target, goal.owner, goal.due_date, goal.priority)), goal.id
    components = {a.component for a in demo.learning}
    assert {"leadership-cohort", "teacher-leader-network"} <= components
    assert all(a.goal_ids and a.hours > 0 and a.participants > 0 for a in demo.learning)
    statuses = [a.agreement_status for a in demo.apps]
    assert statuses.count("signed") >= 20
    assert statuses.count("requested") >= 2
    assert all(a.agreement_date for a in demo.apps if a.agreement_status == "signed")
    assert all(m.owner and m.goal_ids for m in demo.milestones)
    assert all(d.refresh_cycle_years > 0 for d in demo.devices)
    assert all(e.endswith(".example") for e in (m.email for m in demo.members))


def test_demo_silent_ratings_cover_infrastructure(demo: model.Plan) -> None:
    for element in ("ri-devices", "ri-network", "ri-support", "ri-refresh"):
        raters = {r.member_id for r in demo.member_ratings if r.element_id == element}
        assert len(raters) >= 5, element


def test_demo_network_meets_targets_before_the_first_devices_arrive(demo: model.Plan, content: Content) -> None:
    net, district = demo.network, demo.district
    users = district.enrollment + district.staff
    first = min(r.delivery for r in device_rollouts(demo, content))
    assert net.internet_mbps * 1000 < net.target_mbps_per_1000 * users  # today's link is not enough…
    assert capacity_on(demo, first).internet_mbps * 1000 >= net.target_mbps_per_1000 * users  # …the upgrade is
    assert capacity_after_upgrades(demo).internet_mbps >= reference_internet_mbps(users)
    assert net.wan_mbps >= net.target_wan_mbps


def test_demo_round_trips_exactly(content: Content) -> None:
    text = read_text("demo", "demo-plan.json")
    doc = json.loads(text)
    plan = plan_from_json(doc, content)
    assert plan_to_json(plan) == doc
    assert dumps(plan) == text


def test_demo_file_matches_its_generator(demo: model.Plan) -> None:
    spec = importlib.util.spec_from_file_location("make_demo_plan", ROOT / "tools" / "make_demo_plan.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == demo


def test_demo_has_no_problems_and_no_funding_gap(demo: model.Plan, content: Content) -> None:
    assert plan_problems(demo, content) == []
    assert budget_faults(demo) == []
    summary = summarize(demo, load_content())
    assert all(summary.funding_by_year[y] >= summary.by_year[y] > 0 for y in summary.years)


def test_demo_follows_its_own_advice(demo: model.Plan, content: Content) -> None:
    """No open finding at all; what the team accepted is named, with a reason and a role, and has not lapsed."""
    assessment = assess(demo, content)
    assert [f.message for f in assessment.open] == []
    assert assessment.lapsed == []
    assert sorted((f.rule, f.item_id) for f, _ in assessment.accepted) == [
        ("recurring-on-appropriated-funds", "src-title2"), ("recurring-on-appropriated-funds", "src-title4")]
    assert all(a.reason and a.role == "finance-officer" for _, a in assessment.accepted)
    assert not any(f.blocking for f in run_checks(demo, content))


def test_large_plan_has_requested_counts_and_no_problems(content: Content) -> None:
    plan = large_plan(0)
    assert (len(plan.budget), len(plan.apps), len(plan.goals), len(plan.learning)) == (1000, 300, 100, 300)
    assert all((plan.members, plan.milestones, plan.member_ratings, plan.actions))
    assert len(plan.readiness) == len(content.elements())
    assert plan_problems(plan, content) == []
    assert budget_faults(plan) == []


def test_large_plan_sizes_are_parameters(content: Content) -> None:
    plan = large_plan(5, budget_lines=40, apps=7, goals=3, learning=11)
    assert (len(plan.budget), len(plan.apps), len(plan.goals), len(plan.learning)) == (40, 7, 3, 11)
    assert plan_problems(plan, content) == []


@pytest.mark.parametrize("seed", range(5))
def test_small_plans_are_valid(content: Content, seed: int) -> None:
    plan = small_plan(seed, f"District {seed}")
    assert plan.district.name == f"District {seed}"
    assert all((plan.goals, plan.budget, plan.apps, plan.members))
    assert plan_problems(plan, content) == []
    assert budget_faults(plan) == []
    assert plan_from_json(plan_to_json(plan), content) == plan


def test_generated_plans_are_deterministic() -> None:
    assert large_plan(3) == large_plan(3)
    assert large_plan(3) != large_plan(4)
    assert small_plan(7, "Oak") == small_plan(7, "Oak")
    assert small_plan(7, "Oak") != small_plan(8, "Oak")
