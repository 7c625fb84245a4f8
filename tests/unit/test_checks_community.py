"""Home access, accessibility, the communication plan and peers: each rule's message, and the plans it leaves quiet."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from plan_builders import GOAL, change, change_one, coherent_plan, without

from summit_app.plan import model
from summit_app.plan.checks import Finding, run_checks
from summit_app.plan.checks.facts import end_of_month
from summit_app.plan.content import Content


@pytest.fixture(scope="module")
def good(content: Content) -> model.Plan:
    return coherent_plan(content)


def of_rule(plan: model.Plan, content: Content, rule: str) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule == rule]


def _hotspots(plan: model.Plan, **line: object) -> model.Plan:
    """``plan`` with 240 hotspot data plans on the general fund (then ``line``'s changes)."""
    hotspots = model.BudgetLine("line-hotspots", "Hotspot data plans", "home-access", GOAL, True, Decimal("150.00"),
                                240, 2027, 2029, "src-general")
    return change(plan.replace(budget=(*plan.budget, hotspots)), "budget", "line-hotspots", **line)


# --- home access -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("policy", ["take-home", "some-grades", "loaner"])
def test_devices_going_home_to_students_without_internet_need_home_access_money(
        policy: str, good: model.Plan, content: Content) -> None:
    plan = change_one(good, "equity", take_home=policy)
    [finding] = of_rule(plan, content, "home-access-unfunded")
    name = content.name_of("take_home_policies", policy)
    assert finding.message.startswith("8% of students (about 240) have no reliable internet at home and the plan "
                                      f"sends devices home (“{name}”), but no budget line pays for hotspots or home "
                                      "internet")
    assert "other than E-Rate" in finding.fix
    assert of_rule(_hotspots(plan), content, "home-access-unfunded") == []


def test_home_access_is_quiet_when_devices_stay_or_everyone_is_connected(good: model.Plan, content: Content) -> None:
    assert good.equity.take_home == "stay-at-school"
    assert of_rule(good, content, "home-access-unfunded") == []
    connected = change_one(good, "equity", take_home="take-home", no_home_internet_percent=0)
    assert of_rule(connected, content, "home-access-unfunded") == []


def test_hotspots_on_e_rate_block_once_and_count_as_home_access(good: model.Plan, content: Content) -> None:
    """E-Rate refusing hotspots is the E-Rate rule's finding; the home-access rule sees the line and stays quiet."""
    source = model.FundingSource("src-erate", "E-Rate", "e-rate", True, good.funding[0].amounts)
    plan = change_one(good.replace(funding=(*good.funding, source)), "equity", take_home="take-home")
    plan = change_one(_hotspots(plan, funding_source_id="src-erate"), "district", erate_discount_percent=80)
    assert of_rule(plan, content, "home-access-unfunded") == []
    assert [f.item_id for f in of_rule(plan, content, "erate-ineligible")] == ["line-hotspots"]


def test_students_with_iep_or_504_needs_need_a_plan_for_their_devices(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(change_one(good, "equity", assistive_plan=""), content, "assistive-no-plan")
    assert finding.message.startswith("60 students have IEP or 504 technology needs, but the plan does not say how "
                                      "their devices and assistive technology are chosen, bought and supported")
    [one] = of_rule(change_one(good, "equity", assistive_plan="", assistive_students=1), content, "assistive-no-plan")
    assert one.message.startswith("1 student has IEP or 504")
    none_counted = change_one(good, "equity", assistive_plan="", assistive_students=0)
    assert of_rule(none_counted, content, "assistive-no-plan") == []


# --- accessibility -------------------------------------------------------------------------------------------


def _apps(plan: model.Plan, count: int, **fields: object) -> model.Plan:
    extra = tuple(model.AppEntry(f"app-{n}", f"App {n}", audience=("students",), approval="approved", **fields)
                  for n in range(1, count + 1))
    return plan.replace(apps=(*plan.apps, *extra))


def test_approved_student_apps_without_a_report_are_summarised_in_one_finding(
        good: model.Plan, content: Content) -> None:
    plan = _apps(change(good, "apps", "app-lms", accessibility_report="requested"), 6)
    [finding] = of_rule(plan, content, "apps-no-accessibility-report")
    assert finding.message.startswith("7 approved apps students use have no accessibility conformance report on "
                                      "file: “Clearpath LMS”, “App 1”, “App 2”, “App 3”, “App 4” and 2 more.")
    assert "WCAG 2.1 AA" in finding.fix
    [one] = of_rule(change(good, "apps", "app-lms", accessibility_report=""), content, "apps-no-accessibility-report")
    assert one.message.startswith("1 approved app students use has no accessibility conformance report on file: "
                                  "“Clearpath LMS”.")


@pytest.mark.parametrize("report", ["on-file", "gaps"])
def test_a_report_on_file_even_with_gaps_settles_an_app(report: str, good: model.Plan, content: Content) -> None:
    assert of_rule(_apps(good, 2, accessibility_report=report), content, "apps-no-accessibility-report") == []


def test_only_approved_apps_students_use_need_a_report(good: model.Plan, content: Content) -> None:
    staff = change(_apps(good, 1), "apps", "app-1", audience=("staff",))
    pending = change(_apps(good, 1), "apps", "app-1", approval="pending")
    assert of_rule(staff, content, "apps-no-accessibility-report") == []
    assert of_rule(pending, content, "apps-no-accessibility-report") == []


def test_a_summary_shortens_long_names(good: model.Plan, content: Content) -> None:
    plan = change(good, "budget", "line-devices", accessibility_report="", description="Chromebooks " * 20)
    [finding] = of_rule(plan, content, "lines-no-accessibility-report")
    assert f"“{'Chromebooks ' * 4}Chromebooks…”." in finding.message


def test_device_and_software_lines_without_a_report(good: model.Plan, content: Content) -> None:
    plan = change(change(good, "budget", "line-devices", accessibility_report="not-available"),
                  "budget", "line-lms", app_id=None)
    [finding] = of_rule(plan, content, "lines-no-accessibility-report")
    assert finding.message.startswith("2 budget lines for devices or software have no accessibility conformance "
                                      "report on file: “Student Chromebooks” and “Learning management system”.")
    assert (finding.severity, finding.pane) == ("advice", "budget")


def test_a_software_line_takes_its_apps_report_and_is_not_named_twice(good: model.Plan, content: Content) -> None:
    assert good.budget[1].id == "line-lms"
    assert good.budget[1].accessibility_report == ""
    assert of_rule(good, content, "lines-no-accessibility-report") == []  # the LMS's report is on file
    unreported = change(good, "apps", "app-lms", accessibility_report="requested")
    assert of_rule(unreported, content, "lines-no-accessibility-report") == []  # named among the apps instead
    staff_only = change(unreported, "apps", "app-lms", audience=("staff",))
    [finding] = of_rule(staff_only, content, "lines-no-accessibility-report")
    assert "“Learning management system”" in finding.message


def test_lines_that_buy_no_device_or_software_need_no_report(good: model.Plan, content: Content) -> None:
    assert [ln.accessibility_report for ln in good.budget if ln.id in ("line-repairs", "line-coaching")] == ["", ""]
    cases = model.BudgetLine("line-cases", "Protective cases", "devices", GOAL, False, Decimal("20.00"), 10,
                             2027, 2027, "src-general")
    assert of_rule(good.replace(budget=(*good.budget, cases)), content, "lines-no-accessibility-report") == []


def test_the_ada_title_ii_deadline_follows_the_population_served(good: model.Plan, content: Content) -> None:
    quiet = good  # fewer than 50,000 people: April 2028, and the website is checked in January 2028
    assert of_rule(quiet, content, "ada-title-ii-deadline") == []
    large = change_one(good, "equity", public_entity_size="50000-or-more")
    [finding] = of_rule(large, content, "ada-title-ii-deadline")
    assert finding.message == ("The district serves 50,000 people or more, so under the ADA Title II rule its website "
                               "and the documents it posts, this plan among them, must meet WCAG 2.1 AA by April 2027; "
                               "nothing on the timeline checks them before then.")
    assert finding.fix.startswith("Add a milestone on or before April 30, 2027")
    checked_early = change(large, "actions", "action-wcag", due_date=date(2027, 4, 30))
    assert of_rule(checked_early, content, "ada-title-ii-deadline") == []


def test_a_milestone_naming_accessibility_also_meets_the_deadline(good: model.Plan, content: Content) -> None:
    plan = good.replace(actions=())
    assert len(of_rule(plan, content, "ada-title-ii-deadline")) == 1
    milestone = model.Milestone("milestone-wcag", "Website meets WCAG 2.1 AA", date(2028, 4, 30), "Sam Ortiz",
                                goal_ids=(GOAL,))
    assert of_rule(plan.replace(milestones=(*plan.milestones, milestone)), content, "ada-title-ii-deadline") == []
    late = dataclasses.replace(milestone, due_date=date(2028, 5, 1))
    assert len(of_rule(plan.replace(milestones=(*plan.milestones, late)), content, "ada-title-ii-deadline")) == 1
    unrelated = dataclasses.replace(milestone, title="Website redesign")
    assert len(of_rule(plan.replace(milestones=(*plan.milestones, unrelated)), content, "ada-title-ii-deadline")) == 1


def test_a_district_with_no_population_chosen_is_asked_for_it(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(change_one(good, "equity", public_entity_size=""), content, "ada-title-ii-deadline")
    assert finding.message.endswith("under the ADA Title II rule: April 2027 for 50,000 people or more and April 2028 "
                                    "for fewer than 50,000 people.")
    assert finding.fix == "Choose the population the district serves under Home access and accessibility."
    no_goals = model.Plan(district=model.District("Test District", enrollment=100))
    assert of_rule(no_goals, content, "ada-title-ii-deadline") == []  # nothing to post yet


def test_a_deadline_month_ends_on_its_last_day() -> None:
    assert end_of_month("April 2028") == date(2028, 4, 30)
    assert end_of_month("February 2028") == date(2028, 2, 29)
    assert end_of_month("December 2027") == date(2027, 12, 31)
    assert end_of_month("Spring 2027") is None


# --- the communication plan --------------------------------------------------------------------------------------


def test_a_plan_nobody_adopts_or_posts_is_reported_once(good: model.Plan, content: Content) -> None:
    plan = without(good, "communications", "talk-adoption", "talk-posting", "talk-apps")
    [finding] = of_rule(plan, content, "communication-missing")
    assert finding.message.startswith("The communication plan has no board adoption, no public posting of the plan "
                                      "and no public posting of the approved-app list. Families cannot look up which "
                                      "apps their children use (1 app approved).")
    assert finding.fix == ("Add to the communication plan the board's adoption of the plan at a public meeting (the "
                           "approval details name the board meeting of May 14, 2026), posting the adopted plan on the "
                           "district website and posting the approved-app list where families look for it.")


def test_the_app_list_is_wanted_only_when_apps_are_approved(good: model.Plan, content: Content) -> None:
    plan = without(good, "communications", "talk-apps")
    assert len(of_rule(plan, content, "communication-missing")) == 1
    nothing_approved = change(plan, "apps", "app-lms", approval="staff-only")
    assert of_rule(nothing_approved, content, "communication-missing") == []


def test_a_family_session_is_part_of_the_plan(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(without(good, "communications", "talk-families"), content, "communication-missing")
    assert finding.message.startswith("The communication plan has no family information session.")


def test_communication_rules_wait_for_goals(content: Content) -> None:
    plan = model.Plan(district=model.District("Test District", enrollment=100))
    assert [f for f in run_checks(plan, content)
            if f.rule in ("communication-missing", "no-progress-report", "no-peers")] == []


def test_a_board_adoption_after_the_first_year_begins(good: model.Plan, content: Content) -> None:
    late = change(good, "communications", "talk-adoption", planned_date=date(2026, 7, 1))
    [finding] = of_rule(late, content, "board-adoption-late")
    assert finding.message == ("The board adopts the plan on July 1, 2026, but its first year, FY2027, begins on "
                               "July 1, 2026: that year's purchases and training would start before the board has "
                               "approved them.")
    assert finding.fix == ("Bring the plan to a board meeting before July 1, 2026 (the approval details name the "
                           "board meeting of May 14, 2026).")
    the_day_before = change(good, "communications", "talk-adoption", planned_date=date(2026, 6, 30))
    assert of_rule(the_day_before, content, "board-adoption-late") == []
    undated = change(good, "communications", "talk-adoption", planned_date=None)
    assert of_rule(undated, content, "board-adoption-late") == []


def test_a_family_session_names_its_languages(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(change(good, "communications", "talk-families", languages=" "), content,
                        "family-session-no-languages")
    assert finding.message.startswith("The family information session on September 15, 2026 names no languages")
    assert "English, Spanish" in finding.fix
    undated = change(good, "communications", "talk-families", languages="", planned_date=None)
    [finding] = of_rule(undated, content, "family-session-no-languages")
    assert finding.message.startswith("The family information session (not yet dated) names no languages")
    staff = change(good, "communications", "talk-families", kind="staff-briefing", languages="")
    assert of_rule(staff, content, "family-session-no-languages") == []


def test_no_progress_report_at_all_is_a_warning(good: model.Plan, content: Content) -> None:
    plan = without(good, "communications", "talk-report-2027", "talk-report-2028", "talk-report-2029")
    [finding] = of_rule(plan, content, "no-progress-report")
    assert finding.severity == "warning"
    assert finding.message.startswith("The communication plan has no yearly public progress report over the plan's "
                                      "3 years (FY2027–FY2029)")


def test_a_progress_report_each_year_counts_dated_reports_within_the_plan(good: model.Plan, content: Content) -> None:
    undated = change(good, "communications", "talk-report-2029", planned_date=None)
    [finding] = of_rule(undated, content, "no-progress-report")
    assert finding.severity == "advice"
    assert finding.message.startswith("The communication plan dates 2 progress reports between July 1, 2026 and "
                                      "December 31, 2029, for a plan of 3 years (FY2027–FY2029)")
    assert finding.fix == "Date one progress report a year, through the report on FY2029."
    after_the_last_year = change(good, "communications", "talk-report-2029", planned_date=date(2029, 9, 12))
    assert of_rule(after_the_last_year, content, "no-progress-report") == []
    too_late = change(good, "communications", "talk-report-2029", planned_date=date(2030, 1, 4))
    assert len(of_rule(too_late, content, "no-progress-report")) == 1


# --- peers and lighthouse schools ---------------------------------------------------------------------------------


def test_a_peer_district_needs_a_visit_and_something_to_adopt(good: model.Plan, content: Content) -> None:
    plan = change(good, "peers", "peer-juniper", visit_date=None, adopt="")
    [finding] = of_rule(plan, content, "peer-no-visit")
    assert finding.message.startswith("The peer district “Juniper Falls School District” has no planned visit and "
                                      "nothing the team means to adopt from it")
    [finding] = of_rule(change(good, "peers", "peer-juniper", adopt=" "), content, "peer-no-visit")
    assert "has nothing the team means to adopt from it" in finding.message


def test_a_district_the_team_mentors_needs_a_visit_but_nothing_to_adopt(good: model.Plan, content: Content) -> None:
    mentored = change(good, "peers", "peer-juniper", relation="mentor", adopt="")
    assert of_rule(mentored, content, "peer-no-visit") == []
    exchange = change(good, "peers", "peer-juniper", relation="exchange", adopt="")
    assert len(of_rule(exchange, content, "peer-no-visit")) == 1


def test_no_peer_and_no_lighthouse_school_is_advice(good: model.Plan, content: Content) -> None:
    alone = good.replace(peers=())
    [finding] = of_rule(alone, content, "no-peers")
    assert finding.severity == "advice"
    assert finding.message.startswith("The plan names no peer district and no lighthouse school")
    lighthouse = model.LighthouseSchool("lh-1", "Alder Elementary", "Pine Ridge School District", goal_ids=(GOAL,))
    assert of_rule(alone.replace(lighthouses=(lighthouse,)), content, "no-peers") == []


def test_none_of_the_new_rules_blocks(good: model.Plan, content: Content) -> None:
    """Break every new section at once: findings, but nothing that stops a signature."""
    plan = change_one(good, "equity", take_home="take-home", assistive_plan="", public_entity_size="")
    plan = change(plan, "apps", "app-lms", accessibility_report="")
    plan = change(plan, "budget", "line-devices", accessibility_report="")
    plan = plan.replace(communications=(model.Communication("talk-1", "family-session"),), peers=())
    found = run_checks(plan, content)
    assert {f.rule for f in found} == {
        "home-access-unfunded", "assistive-no-plan", "ada-title-ii-deadline", "apps-no-accessibility-report",
        "lines-no-accessibility-report", "communication-missing", "family-session-no-languages",
        "no-progress-report", "no-peers"}
    assert not any(f.blocking for f in found)
