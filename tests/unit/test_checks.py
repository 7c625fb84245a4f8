"""Plan checks: each rule speaks on a plan that breaks it and stays quiet on one that does not."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from plan_builders import GOAL, amounts, change, change_one, coherent_plan, without

from summit_app.plan import model
from summit_app.plan.checks import (
    BLOCKING,
    PANES,
    RULES,
    SEVERITIES,
    Finding,
    assess,
    format_findings,
    run_checks,
)
from summit_app.plan.checks.facts import Facts, fiscal_year
from summit_app.plan.content import Content
from summit_app.plan.readiness import gear_scores, level_of
from summit_app.plan.rules import plan_problems
from summit_app.plan.samples import large_plan

Breaker = Callable[[model.Plan], model.Plan]


@pytest.fixture(scope="module")
def good(content: Content) -> model.Plan:
    return coherent_plan(content)


def of_rule(plan: model.Plan, content: Content, rule: str) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule == rule]


def test_the_coherent_plan_obeys_the_domain_rules_and_has_no_findings(good: model.Plan, content: Content) -> None:
    assert plan_problems(good, content) == []
    assert run_checks(good, content) == []
    assert format_findings([], content) == "No findings: the plan is coherent."


def _low_space_and_time(plan: model.Plan) -> model.Plan:
    scores = {"st-schedules": 2, "st-extended-time": 1, "st-anytime": 4, "st-mastery": 3}
    return plan.replace(readiness=tuple(model.ReadinessRating(r.id, scores.get(r.id, r.score))
                                        for r in plan.readiness))


def _no_device_lines(plan: model.Plan) -> model.Plan:
    return without(plan, "budget", "line-devices")


def _on_erate(plan: model.Plan, **line: object) -> model.Plan:
    """Internet access on E-Rate at 80 % (Category 1), the match on the general fund, CIPA in place; then ``line``."""
    plan = change_one(change_one(plan, "district", erate_discount_percent=80), "network", cipa_in_place=True)
    source = model.FundingSource("src-erate", "E-Rate discounts", "e-rate", True, amounts("4000", "4000", "4000"))
    internet = model.BudgetLine("line-internet", "Internet access", "network", GOAL, True, Decimal("5000.00"), 1,
                                2027, 2029, "src-erate", erate_category="category-1", match_source_id="src-general")
    return change(plan.replace(funding=(*plan.funding, source), budget=(*plan.budget, internet)),
                  "budget", "line-internet", **line)


#: rule → (how to break the coherent plan, severity, pane, collection, item) of the finding expected.
CASES: dict[str, tuple[Breaker, str, str, str | None, str | None]] = {
    "empty-pane": (lambda p: change_one(p, "district", name=" "), "blocking", "district", None, None),
    "readiness-gap-no-goal": (_low_space_and_time, "warning", "readiness", "readiness", "st-extended-time"),
    "goal-incomplete": (lambda p: change(p, "goals", GOAL, measure=""), "warning", "vision", "goals", GOAL),
    "learning-incomplete": (lambda p: change(p, "learning", "pd-teachers", hours=Decimal(0)),
                            "warning", "learning", "learning", "pd-teachers"),
    "no-leadership-learning": (lambda p: change(p, "learning", "pd-leaders", audience="technology-staff"),
                               "warning", "learning", None, None),
    "no-teacher-learning": (lambda p: change(p, "learning", "pd-teachers", audience="families"),
                            "warning", "learning", None, None),
    "learning-no-goal": (lambda p: change(p, "learning", "pd-leaders", goal_ids=()),
                         "advice", "learning", "learning", "pd-leaders"),
    "app-student-data-no-agreement": (lambda p: change(p, "apps", "app-lms", agreement_status="requested"),
                                      "warning", "privacy", "apps", "app-lms"),
    "devices-without-network": (lambda p: change_one(p, "network", internet_mbps=3000),
                                "blocking", "infrastructure", "budget", "line-devices"),
    "network-below-target": (lambda p: change_one(_no_device_lines(p), "network", internet_mbps=3000),
                             "warning", "infrastructure", None, None),
    "wifi-coverage": (lambda p: change_one(p, "network", wifi_coverage_percent=80),
                      "warning", "infrastructure", "budget", "line-devices"),
    "network-target-below-floor": (lambda p: change_one(p, "network", target_mbps_per_1000=25),
                                   "warning", "infrastructure", None, None),
    "network-below-reference": (lambda p: change_one(p, "network", target_mbps_per_1000=500, internet_mbps=2000),
                                "advice", "infrastructure", None, None),
    "device-no-refresh-cycle": (lambda p: change(p, "devices", "fleet-chromebooks", refresh_cycle_years=0),
                                "warning", "infrastructure", "devices", "fleet-chromebooks"),
    "funding-gap": (lambda p: change(p, "funding", "src-general", amounts=amounts("300000", "400000", "400000")),
                    "blocking", "budget", None, None),
    "devices-without-learning": (lambda p: change(p, "learning", "pd-teachers", goal_ids=()),
                                 "blocking", "budget", "budget", "line-devices"),
    "devices-before-learning": (lambda p: change(p, "learning", "pd-teachers", start_date=date(2027, 3, 1),
                                                 end_date=date(2027, 5, 1)),
                                "blocking", "budget", "budget", "line-devices"),
    "training-dose-low": (lambda p: change(p, "learning", "pd-teachers", hours=Decimal("4.00")),
                          "warning", "budget", "budget", "line-devices"),
    "leadership-after-teachers": (lambda p: change(p, "learning", "pd-leaders", start_date=date(2026, 8, 10),
                                                   end_date=date(2026, 8, 12)),
                                  "warning", "learning", None, None),
    "leadership-briefing-only": (lambda p: change(p, "learning", "pd-leaders", hours=Decimal("1.00")),
                                 "warning", "learning", "learning", "pd-leaders"),
    "goal-output-measure": (lambda p: change(p, "goals", GOAL, measure="Devices distributed to students"),
                            "warning", "vision", "goals", GOAL),
    "no-review-milestone": (lambda p: change(p, "milestones", "milestone-review", due_date=date(2028, 1, 10)),
                            "warning", "timeline", None, None),
    "no-device-pilot": (lambda p: change(p, "milestones", "milestone-pilot", due_date=date(2027, 2, 15)),
                        "warning", "budget", "budget", "line-devices"),
    "team-composition": (lambda p: without(p, "members", "member-2"), "advice", "district", None, None),
    "devices-no-recurring-cost": (lambda p: without(p, "budget", "line-repairs", "line-reserve"),
                                  "warning", "budget", "budget", "line-devices"),
    "replacement-unfunded": (lambda p: without(p, "budget", "line-reserve"), "warning", "budget", None, None),
    "repairs-too-low": (lambda p: change(p, "budget", "line-repairs", unit_cost=Decimal("20000.00")),
                        "warning", "budget", "budget", "line-repairs"),
    "fleet-due-unbudgeted": (lambda p: change(p, "devices", "fleet-chromebooks", device_type="laptop"),
                             "warning", "infrastructure", "devices", "fleet-chromebooks"),
    "devices-per-technician": (lambda p: change_one(p, "network", support_technicians=3),
                               "warning", "infrastructure", None, None),
    "software-no-inventory": (lambda p: change(p, "budget", "line-lms", app_id=None),
                              "warning", "budget", "budget", "line-lms"),
    "budget-app-unsigned": (lambda p: change(p, "apps", "app-lms", agreement_status="expired"),
                            "warning", "budget", "budget", "line-lms"),
    "budget-app-not-approved": (lambda p: change(p, "apps", "app-lms", approval="not-approved"),
                                "warning", "budget", "budget", "line-lms"),
    "budget-line-no-goal": (lambda p: change(p, "budget", "line-coaching", goal_id=None),
                            "warning", "budget", "budget", "line-coaching"),
    "budget-line-no-source": (lambda p: change(p, "budget", "line-coaching", funding_source_id=None),
                              "warning", "budget", "budget", "line-coaching"),
    "recurring-on-one-time-money": (lambda p: change(p, "budget", "line-coaching", recurring=True, last_year=2028),
                                    "warning", "budget", "funding", "src-grant"),
    "one-time-source-marked-recurring": (lambda p: change(p, "funding", "src-grant", recurring=True),
                                         "warning", "budget", "funding", "src-grant"),
    "source-to-be-identified": (lambda p: change(p, "funding", "src-grant", kind="to-be-identified"),
                                "warning", "budget", "funding", "src-grant"),
    "recurring-on-appropriated-funds": (lambda p: change(p, "funding", "src-general", kind="title-iv-a"),
                                        "advice", "budget", "funding", "src-general"),
    "erate-ineligible": (lambda p: _on_erate(p, category="backup-circuits"), "blocking", "budget", "budget",
                         "line-internet"),
    "erate-not-covered": (lambda p: _on_erate(p, category="services"), "warning", "budget", "budget",
                          "line-internet"),
    "erate-no-category": (lambda p: _on_erate(p, erate_category=""), "warning", "budget", "budget", "line-internet"),
    "erate-no-match": (lambda p: _on_erate(p, match_source_id=None), "warning", "budget", "budget", "line-internet"),
    "erate-category2-exceeded": (lambda p: _on_erate(p, erate_category="category-2", unit_cost=Decimal("250000")),
                                 "warning", "budget", None, None),
    "erate-no-discount": (lambda p: change_one(_on_erate(p), "district", erate_discount_percent=0),
                          "warning", "district", None, None),
    "erate-without-cipa": (lambda p: change_one(_on_erate(p), "network", cipa_in_place=False),
                           "warning", "infrastructure", None, None),
    "source-overcommitted": (lambda p: change(p, "funding", "src-grant", amounts=amounts("30000")),
                             "warning", "budget", "funding", "src-grant"),
    "budget-line-outside-years": (lambda p: change(p, "budget", "line-coaching", first_year=2030, last_year=2030),
                                  "warning", "budget", "budget", "line-coaching"),
    "milestone-incomplete": (lambda p: change(p, "milestones", "milestone-1", owner=""),
                             "advice", "timeline", "milestones", "milestone-1"),
    "framework-gap": (lambda p: change(p, "goals", GOAL, erate_elements=()), "advice", "review", None, None),
    "home-access-unfunded": (lambda p: change_one(p, "equity", take_home="take-home"),
                             "warning", "infrastructure", None, None),
    "assistive-no-plan": (lambda p: change_one(p, "equity", assistive_plan=" "),
                          "warning", "infrastructure", None, None),
    "ada-title-ii-deadline": (lambda p: change_one(p, "equity", public_entity_size=""),
                              "advice", "infrastructure", None, None),
    "apps-no-accessibility-report": (lambda p: change(p, "apps", "app-lms", accessibility_report="requested"),
                                     "warning", "privacy", None, None),
    "lines-no-accessibility-report": (lambda p: change(p, "budget", "line-devices", accessibility_report=""),
                                      "advice", "budget", None, None),
    "communication-missing": (lambda p: without(p, "communications", "talk-posting"), "warning", "community", None,
                              None),
    "board-adoption-late": (lambda p: change(p, "communications", "talk-adoption", planned_date=date(2026, 8, 11)),
                            "warning", "community", "communications", "talk-adoption"),
    "family-session-no-languages": (lambda p: change(p, "communications", "talk-families", languages=""),
                                    "warning", "community", "communications", "talk-families"),
    "no-progress-report": (lambda p: without(p, "communications", "talk-report-2028"), "advice", "community", None,
                           None),
    "peer-no-visit": (lambda p: change(p, "peers", "peer-juniper", visit_date=None), "advice", "community", "peers",
                      "peer-juniper"),
    "no-peers": (lambda p: p.replace(peers=()), "advice", "community", None, None),
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_rule_speaks_when_its_condition_holds(rule: str, good: model.Plan, content: Content) -> None:
    breaker, severity, pane, collection, item = CASES[rule]
    assert of_rule(good, content, rule) == []
    found = of_rule(breaker(good), content, rule)
    assert found, f"{rule} said nothing"
    first = found[0]
    assert (first.severity, first.pane, first.collection, first.item_id) == (severity, pane, collection, item)
    assert first.message.endswith(".")
    assert first.fix.endswith(".")
    assert "None" not in first.message


def test_every_rule_has_a_case(good: model.Plan, content: Content) -> None:
    """A rule added to RULES without a case here fails this test."""
    broken = [breaker(good) for breaker, *_ in CASES.values()]
    silent = [rule.__name__ for rule in RULES if not any(list(rule(Facts(p, content))) for p in broken)]
    assert silent == []


# --- empty panes -------------------------------------------------------------------------------------


def test_a_blank_plan_blocks_on_every_pane(content: Content) -> None:
    findings = run_checks(model.Plan(), content)
    assert all(f.blocking and f.rule == "empty-pane" for f in findings)
    assert [f.pane for f in findings] == [p for p in PANES if p != "community"]  # peers and communication never block


EMPTIERS: dict[str, Breaker] = {
    "district": lambda p: p.replace(members=()),
    "readiness": lambda p: p.replace(readiness=tuple(model.ReadinessRating(r.id) for r in p.readiness)),
    "vision": lambda p: change_one(p, "vision", statement=""),
    "learning": lambda p: p.replace(learning=()),
    "privacy": lambda p: p.replace(apps=(), budget=tuple(change(p, "budget", "line-lms", app_id=None).budget)),
    "infrastructure": lambda p: p.replace(devices=()),
    "budget": lambda p: p.replace(funding=()),
    "timeline": lambda p: p.replace(milestones=()),
    "review": lambda p: change_one(p, "approval", superintendent_name=""),
}


@pytest.mark.parametrize("pane", sorted(EMPTIERS))
def test_emptying_one_pane_blocks_that_pane(pane: str, good: model.Plan, content: Content) -> None:
    found = of_rule(EMPTIERS[pane](good), content, "empty-pane")
    assert [(f.pane, f.severity) for f in found] == [(pane, BLOCKING)]


def test_empty_pane_says_what_is_missing(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(good.replace(budget=(), funding=()), content, "empty-pane")
    assert finding.message == "The plan has no budget lines and no funding sources yet."


# --- readiness ----------------------------------------------------------------------------------------


def test_a_low_gear_is_quiet_once_a_goal_addresses_it(good: model.Plan, content: Content) -> None:
    low = _low_space_and_time(good)
    [finding] = of_rule(low, content, "readiness-gap-no-goal")
    assert finding.message == "Use of Space and Time scores 2.5 out of 10 (Investigating), but no goal addresses it."
    time_goal = model.Goal("goal-time", "Flexible schedules", gear="space-time", measure="Pilot schools", owner="Lee",
                           due_date=date(2028, 6, 1))
    addressed = low.replace(goals=(*low.goals, time_goal))
    assert of_rule(addressed, content, "readiness-gap-no-goal") == []


def test_a_gear_averaging_envisioning_is_not_low(good: model.Plan, content: Content) -> None:
    scores = {"st-schedules": 4, "st-extended-time": 4, "st-anytime": 3, "st-mastery": 5}
    plan = good.replace(readiness=tuple(model.ReadinessRating(r.id, scores.get(r.id, r.score)) for r in good.readiness))
    assert of_rule(plan, content, "readiness-gap-no-goal") == []


@pytest.mark.parametrize(("scores", "flagged"), [((4, 4, 3, 4), False), ((4, 3, 3, 4), False),
                                                 ((3, 3, 3, 4), True)])
def test_a_gear_is_low_exactly_when_the_readiness_pane_says_investigating(
        scores: tuple[int, ...], flagged: bool, good: model.Plan, content: Content) -> None:
    """3.8 and 3.5 read as Envisioning on the pane and in the PDF, so the check agrees; 3.3 is Investigating."""
    by_element = dict(zip(("st-schedules", "st-extended-time", "st-anytime", "st-mastery"), scores, strict=True))
    plan = good.replace(readiness=tuple(model.ReadinessRating(r.id, by_element.get(r.id, r.score))
                                        for r in good.readiness))
    score = gear_scores(plan, content)["space-time"]
    level = level_of(content, score)
    assert level is not None
    found = of_rule(plan, content, "readiness-gap-no-goal")
    assert bool(found) == flagged == (level.name == "Investigating")
    if flagged:
        assert found[0].message == f"Use of Space and Time scores {score} out of 10 (Investigating), but no goal " \
                                   "addresses it."


# --- devices: training, network, upkeep ----------------------------------------------------------------


def test_devices_without_teacher_training_name_the_goal(good: model.Plan, content: Content) -> None:
    plan = change(good, "learning", "pd-teachers", goal_ids=())
    found = of_rule(plan, content, "devices-without-learning")
    assert [f.item_id for f in found] == ["line-devices"]
    assert found[0].message == ("“Student Chromebooks” buys devices, but no training for teachers serves its goal "
                                "“Give every student a reliable device”.")


def test_a_device_line_without_goal_needs_some_teacher_training_in_the_plan(good: model.Plan, content: Content) -> None:
    plan = change(good, "budget", "line-devices", goal_id=None)
    assert of_rule(plan, content, "devices-without-learning") == []
    plan = change(plan, "learning", "pd-teachers", audience="technology-staff")
    found = of_rule(plan, content, "devices-without-learning")
    assert found[0].message == "“Student Chromebooks” buys devices, but the plan has no training for teachers."


def test_training_for_technology_staff_does_not_prepare_teachers(good: model.Plan, content: Content) -> None:
    plan = change(good, "learning", "pd-teachers", audience="technology-staff")
    assert {f.item_id for f in of_rule(plan, content, "devices-without-learning")} == {"line-devices"}


def test_the_network_target_counts_students_and_staff(good: model.Plan, content: Content) -> None:
    fewer_devices = change(good, "devices", "fleet-chromebooks", count=2000)  # 3,000 devices for 3,400 people
    [finding] = of_rule(change_one(fewer_devices, "network", internet_mbps=3399), content, "devices-without-network")
    assert finding.message == ("“Student Chromebooks” adds 1,000 student devices on February 15, 2027, when internet "
                               "capacity will be 3,399 Mbps, below the 3,400 Mbps the plan's target of 1,000 Mbps per "
                               "1,000 users calls for (3,000 students and 400 staff).")
    assert finding.fix == ("Schedule an upgrade to at least 3,400 Mbps that takes effect before February 15, 2027, "
                           "or deliver the devices after it.")
    assert of_rule(change_one(fewer_devices, "network", internet_mbps=3400), content,
                   "devices-without-network") == []


def test_the_network_target_counts_devices_when_there_are_more_devices_than_people(
        good: model.Plan, content: Content) -> None:
    plan = change(good, "devices", "fleet-chromebooks", count=5000)  # and the 1,000 Chromebooks bought
    [finding] = of_rule(plan, content, "devices-without-network")
    assert "below the 6,000 Mbps the plan's target of 1,000 Mbps per 1,000 users calls for" in finding.message
    assert "(6,000 devices)" in finding.message


def test_the_plans_own_targets_apply(good: model.Plan, content: Content) -> None:
    plan = change_one(good, "network", target_mbps_per_1000=2000, target_wan_mbps=20000)
    messages = [f.message for f in of_rule(plan, content, "devices-without-network")]
    assert len(messages) == 2
    assert "below the 8,000 Mbps the plan's target of 2,000 Mbps per 1,000 users" in messages[0]
    assert messages[1] == ("“Student Chromebooks” adds 1,000 student devices on February 15, 2027, when each school's "
                           "WAN link will carry 10,000 Mbps, below the 20,000 Mbps the plan's per-school target.")


def test_a_fleet_on_a_weak_network_warns_when_nothing_is_bought(good: model.Plan, content: Content) -> None:
    plan = change_one(_no_device_lines(good), "network", internet_mbps=3000)
    assert of_rule(plan, content, "devices-without-network") == []
    [finding] = of_rule(plan, content, "network-below-target")
    assert finding.message == ("Internet capacity is 3,000 Mbps, below the 3,400 Mbps the plan's target of 1,000 Mbps "
                               "per 1,000 users calls for (3,000 students and 400 staff).")


def test_a_one_school_district_has_no_wan_to_check(good: model.Plan, content: Content) -> None:
    plan = change_one(good, "network", wan_mbps=0)
    assert len(of_rule(plan, content, "devices-without-network")) == 1
    assert of_rule(change_one(plan, "district", schools=1), content, "devices-without-network") == []


def test_fiscal_years_run_july_to_june() -> None:
    assert (fiscal_year(date(2027, 6, 30)), fiscal_year(date(2027, 7, 1))) == (2027, 2028)


# --- privacy --------------------------------------------------------------------------------------------


def test_apps_without_student_data_or_refused_need_no_agreement(good: model.Plan, content: Content) -> None:
    unsigned = change(good, "apps", "app-lms", agreement_status="none")
    [finding] = of_rule(unsigned, content, "app-student-data-no-agreement")
    assert finding.message == ("“Clearpath LMS” holds student data (student name and more) but has no data privacy "
                               "agreement.")
    staff_data = change(unsigned, "apps", "app-lms", data_categories=("app-metadata", "parent-name"))
    assert of_rule(staff_data, content, "app-student-data-no-agreement") == []
    refused = change(unsigned, "apps", "app-lms", approval="not-approved")
    assert of_rule(refused, content, "app-student-data-no-agreement") == []


def test_budget_names_the_app_and_its_agreement(good: model.Plan, content: Content) -> None:
    plan = change(good, "apps", "app-lms", agreement_status="requested")
    [finding] = of_rule(plan, content, "budget-app-unsigned")
    assert finding.message == ("“Learning management system” pays for “Clearpath LMS”, which has a data privacy "
                               "agreement that is requested, not signed.")


# --- budget ---------------------------------------------------------------------------------------------


def test_a_funding_gap_states_the_sums(good: model.Plan, content: Content) -> None:
    plan = change(good, "funding", "src-general", amounts=amounts("300000", "400000", "400000"))
    [finding] = of_rule(plan, content, "funding-gap")
    assert finding.message == "FY2027 spends $395,000 but funds only $350,000: a gap of $45,000."
    assert finding.fix.startswith("Add funding for FY2027")


def test_a_year_with_no_funding_says_so(good: model.Plan, content: Content) -> None:
    plan = change(change(good, "funding", "src-general", amounts=amounts()), "funding", "src-grant", amounts=amounts())
    messages = [f.message for f in of_rule(plan, content, "funding-gap")]
    assert messages == ["FY2027 spends $395,000 but has no funding: a gap of $395,000.",
                        "FY2028 spends $355,000 but has no funding: a gap of $355,000.",
                        "FY2029 spends $355,000 but has no funding: a gap of $355,000."]


def test_gaps_are_reported_to_the_cent(good: model.Plan, content: Content) -> None:
    plan = change(good, "funding", "src-general", amounts=amounts("355000", "400000", "400000"))
    plan = change(plan, "budget", "line-coaching", unit_cost=Decimal("1250.13"))
    [finding] = of_rule(plan, content, "funding-gap")
    assert finding.message == "FY2027 spends $405,005.20 but funds only $405,000: a gap of $5.20."


def test_an_overcommitted_source_lists_its_short_years(good: model.Plan, content: Content) -> None:
    plan = change(good, "budget", "line-coaching", recurring=True, last_year=2029)
    [finding] = of_rule(plan, content, "source-overcommitted")
    assert finding.message == ("“State grant” is charged $40,000 in FY2028 but provides nothing that year. "
                               "It is also short in FY2029.")


# --- ordering, report, size -----------------------------------------------------------------------------


def test_findings_come_most_severe_first_then_in_pane_order(good: model.Plan, content: Content) -> None:
    plan = change_one(change(good, "milestones", "milestone-1", owner=""), "approval", superintendent_name="")
    plan = change(plan, "goals", GOAL, owner="")
    findings = run_checks(plan, content)
    keys = [(SEVERITIES.index(f.severity), PANES.index(f.pane)) for f in findings]
    assert keys == sorted(keys)
    assert [f.rule for f in findings] == ["empty-pane", "goal-incomplete", "milestone-incomplete"]


def test_the_report_groups_findings_by_pane(good: model.Plan, content: Content) -> None:
    plan = change(change_one(good, "network", internet_mbps=10), "goals", GOAL, owner="")
    text = format_findings(run_checks(plan, content), content)
    assert text.index("Vision & goals (1 finding)") < text.index("Infrastructure & devices (1 finding, 1 blocking)")
    assert "  [warning] The goal “Give every student a reliable device” has no owner." in text
    assert "      → Say how you will know it is met" in text
    assert text.endswith("2 findings, 1 blocking.")


def test_findings_serialise_for_the_command_line(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(change(good, "goals", GOAL, due_date=None), content, "goal-incomplete")
    assert finding.to_json() == {
        "rule": "goal-incomplete", "severity": "warning", "pane": "vision", "collection": "goals", "item": GOAL,
        "message": "The goal “Give every student a reliable device” has no due date.",
        "fix": "Say how you will know it is met, where it stands today and where it should reach, who answers for "
               "it, and by when."}


def test_the_demo_plan_has_no_open_finding(demo: model.Plan, content: Content) -> None:
    """The demo follows its own advice: every finding it gives is one its team accepted with a reason."""
    assessment = assess(demo, content)
    assert [f.message for f in assessment.open] == []
    assert {f.rule for f in run_checks(demo, content)} == {"recurring-on-appropriated-funds"}


def test_findings_on_a_large_plan_are_well_formed(content: Content) -> None:
    plan = large_plan(3, budget_lines=200, apps=60, goals=20, learning=60)
    findings = run_checks(plan, content)
    assert findings
    for f in findings:
        assert f.pane in PANES
        assert f.severity in SEVERITIES
        assert f.collection is None or f.collection in model.COLLECTIONS
        assert f.item_id is None or plan.item(f.collection or "", f.item_id) is not None
        assert "None" not in f.message
        assert "{" not in f.message


def test_a_recurring_line_on_a_general_fund_left_unticked_is_not_one_time_money(content: Content) -> None:
    plan = coherent_plan(content)
    plan = change(plan, "funding", "src-general", recurring=False)  # the kind says it comes back every year
    plan = change(plan, "budget", "line-coaching", recurring=True, last_year=2028, funding_source_id="src-general")
    assert not [f for f in run_checks(plan, content) if f.rule == "recurring-on-one-time-money"]
    on_grant = change(plan, "budget", "line-coaching", funding_source_id="src-grant")
    [finding] = [f for f in run_checks(on_grant, content) if f.rule == "recurring-on-one-time-money"]
    assert finding.item_id == "src-grant"
    assert "such as the general fund" in finding.fix
