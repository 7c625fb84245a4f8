"""The two rollouts the product learns from give the findings their stories call for.

Each plan's whole set of findings, every rule's, is pinned: the failed rollout hears
about its sequence, its money and its upkeep; the successful one hears only advice.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from plan_builders import change
from seed_plans import ROLLOUT_DELIVERY, failed_tablet_rollout, successful_rollout

from summit_app.plan.checks import BLOCKING, Finding, run_checks
from summit_app.plan.content import Content
from summit_app.plan.erate import erate_share
from summit_app.plan.network import Capacity
from summit_app.plan.rollout import device_rollouts
from summit_app.plan.rules import plan_problems
from summit_app.plan.tco import total_cost

#: The rules of the rollout, training, network and evaluation checks.
ROLLOUT_RULES = frozenset({
    "devices-without-network", "network-below-target", "wifi-coverage", "network-target-below-floor",
    "network-below-reference", "devices-without-learning", "devices-before-learning", "training-dose-low",
    "no-teacher-learning", "no-leadership-learning", "leadership-after-teachers", "leadership-briefing-only",
    "goal-incomplete", "goal-output-measure", "no-review-milestone", "no-device-pilot", "team-composition",
})


def rollout_findings(plan: object, content: Content) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule in ROLLOUT_RULES]  # type: ignore[arg-type]


def test_both_seed_plans_obey_the_domain_rules(content: Content) -> None:
    assert plan_problems(failed_tablet_rollout(), content) == []
    assert plan_problems(successful_rollout(content), content) == []


def test_the_failed_tablet_rollout_gives_exactly_these_findings(content: Content) -> None:
    found = run_checks(failed_tablet_rollout(), content)
    assert sorted({(f.rule, f.severity) for f in found}) == sorted({
        ("empty-pane", "blocking"),  # no readiness, vision, privacy inventory or signer
        ("devices-without-network", "blocking"), ("devices-without-learning", "blocking"),
        ("erate-ineligible", "blocking"),  # the keyboards counted on E-Rate
        ("goal-incomplete", "warning"), ("goal-output-measure", "warning"), ("no-teacher-learning", "warning"),
        ("leadership-briefing-only", "warning"), ("wifi-coverage", "warning"), ("no-device-pilot", "warning"),
        ("no-review-milestone", "warning"), ("device-no-refresh-cycle", "warning"), ("fleet-due-unbudgeted", "warning"),
        ("devices-per-technician", "warning"), ("erate-without-cipa", "warning"),
        ("devices-no-recurring-cost", "warning"),  # one finding for no repairs, support or replacement at all
        ("software-no-inventory", "warning"),
        ("recurring-on-one-time-money", "warning"),  # the licences on the bond: a fiscal cliff
        ("team-composition", "advice"), ("framework-gap", "advice"),
        # nobody adopts, posts or explains the plan in public, or reports on it; no peer to learn from first
        ("communication-missing", "warning"), ("no-progress-report", "warning"), ("no-peers", "advice"),
        ("ada-title-ii-deadline", "advice"), ("lines-no-accessibility-report", "advice")})
    assert not {"replacement-unfunded", "repairs-too-low"} & {f.rule for f in found}


def test_the_failed_rollouts_money_findings_name_the_cliff_and_the_misused_discount(content: Content) -> None:
    found = {f.rule: f for f in run_checks(failed_tablet_rollout(), content)}
    cliff = found["recurring-on-one-time-money"]
    assert cliff.item_id == "src-bond"
    assert "pays $3,000,000 a year of recurring costs (“Curriculum licence renewals”)" in cliff.message
    assert found["erate-ineligible"].item_id == "line-keyboards"
    assert "replacing its 90,000 devices alone takes about $18,270,000 a year" in \
        found["devices-no-recurring-cost"].message


def test_keyboards_filed_under_devices_are_not_devices(content: Content) -> None:
    assert [r.line_id for r in device_rollouts(failed_tablet_rollout(), content)] == ["line-tablets"]


def test_the_successful_rollout_gives_only_advice(content: Content) -> None:
    found = run_checks(successful_rollout(content), content)
    assert sorted((f.rule, f.severity) for f in found) == [
        ("ada-title-ii-deadline", "advice"), ("framework-gap", "advice"), ("framework-gap", "advice"),
        ("network-below-reference", "advice"), ("no-peers", "advice")]


def test_the_successful_rollout_shares_its_network_with_e_rate(content: Content) -> None:
    plan = successful_rollout(content)
    shares = {line.id: erate_share(plan, content, line) for line in plan.budget}
    internet, wifi = shares["line-internet"], shares["line-wifi"]
    assert internet is not None
    assert wifi is not None
    assert (internet.category, internet.rate_percent, internet.discount_per_year) == (
        "category-1", 60, Decimal("240000.00"))
    assert (wifi.category, wifi.local_match_per_year, wifi.match_source_id) == (
        "category-2", Decimal("800000.00"), "src-general")
    cost = total_cost(plan, content)
    assert cost.replacement_gap_per_year == 0
    assert cost.devices <= 1000 * plan.network.support_technicians


def test_the_failed_tablet_rollout_is_stopped_before_the_purchase(content: Content) -> None:
    found = rollout_findings(failed_tablet_rollout(), content)
    assert {f.rule for f in found} == {
        "devices-without-network", "wifi-coverage", "devices-without-learning", "no-teacher-learning",
        "leadership-briefing-only", "goal-incomplete", "goal-output-measure", "no-review-milestone",
        "no-device-pilot", "team-composition"}
    blocking = sorted((f.rule, f.item_id) for f in found if f.severity == BLOCKING)
    assert blocking == [("devices-without-learning", "line-tablets"), ("devices-without-network", "line-tablets"),
                        ("devices-without-network", "line-tablets")]  # internet and each school's WAN link


def test_the_failed_rollouts_figures_are_the_ones_a_superintendent_needs(content: Content) -> None:
    messages = [f.message for f in rollout_findings(failed_tablet_rollout(), content)]
    assert ("“Tablets with curriculum software” adds 60,000 student devices on August 20, 2026, when internet "
            "capacity will be 10,000 Mbps, below the 168,000 Mbps the plan's target of 1,000 Mbps per 1,000 users "
            "calls for (150,000 students and 18,000 staff).") in messages
    assert ("“Tablets with curriculum software” adds 60,000 student devices (40% of enrollment) on August 20, 2026 "
            "with no device pilot before it.") in messages


def test_the_successful_rollout_gives_only_advice_on_its_interim_network_target(content: Content) -> None:
    found = rollout_findings(successful_rollout(content), content)
    assert [(f.rule, f.severity) for f in found] == [("network-below-reference", "advice")]
    assert found[0].message == ("After the planned upgrades, internet capacity of 12,000 Mbps is short of the "
                                "41,300 Mbps of the long-term reference (1 Gbps per 1,000 users).")


def test_the_successful_rollout_lands_on_the_upgraded_network_with_trained_teachers(content: Content) -> None:
    pilot, rollout = device_rollouts(successful_rollout(content), content)
    assert (pilot.line_id, pilot.students_added, pilot.teachers_served) == ("line-pilot", 90, 5)
    assert rollout.line_id == "line-chromebooks"
    assert rollout.capacity == Capacity(12_000, 10_000, 100)
    assert rollout.needed_internet_mbps == 10_325  # 41,300 people at the team's 250 Mbps per 1,000
    assert rollout.teachers_served == 709  # 2,100 teachers × 12,500 ÷ 37,000
    assert rollout.training_hours_per_teacher == Decimal("21.94")  # (360 + 2,400 + 12,800) h ÷ 709
    assert rollout.training_started_before


def test_the_same_purchase_a_year_early_is_blocked(content: Content) -> None:
    """The sequence is the lesson: Chromebooks before the upgrade and the training block."""
    early = change(successful_rollout(content), "budget", "line-chromebooks", first_year=2027,
                   delivery_date=date(2026, 9, 1))
    found = rollout_findings(early, content)
    assert {(f.rule, f.item_id) for f in found if f.blocking} == {("devices-without-network", "line-chromebooks")}
    assert {f.rule for f in found} == {"devices-without-network", "wifi-coverage", "training-dose-low",
                                       "no-device-pilot", "network-below-reference"}


def test_the_successful_rollout_delivered_before_its_teachers_start_is_blocked(content: Content) -> None:
    plan = successful_rollout(content)
    late_training = plan.replace(learning=tuple(
        dataclasses.replace(a, start_date=date(2027, 9, 1), end_date=date(2028, 5, 1)) for a in plan.learning))
    found = rollout_findings(late_training, content)
    assert {(f.rule, f.item_id) for f in found if f.blocking} == {("devices-before-learning", "line-pilot"),
                                                                   ("devices-before-learning", "line-chromebooks")}
    assert date(2027, 9, 1) > ROLLOUT_DELIVERY
