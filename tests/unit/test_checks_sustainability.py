"""Sustainability: replacement reserve, fleets coming due, technicians, repairs and upkeep of a growing fleet."""

from __future__ import annotations

from decimal import Decimal

import pytest
from plan_builders import GOAL, change, change_one, coherent_plan, without

from summit_app.plan import model
from summit_app.plan.checks import Finding, run_checks
from summit_app.plan.content import Content

D = Decimal


@pytest.fixture
def good(content: Content) -> model.Plan:
    return coherent_plan(content)


def of_rule(plan: model.Plan, content: Content, rule: str) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule == rule]


def with_line(plan: model.Plan, line_id: str, category: str, cost: str, **more: object) -> model.Plan:
    line = model.BudgetLine(line_id, "Device repairs", category, GOAL, True, D(cost), 1, 2027, 2029, "src-general")
    return change(plan.replace(budget=(*plan.budget, line)), "budget", line_id, **more)


# --- replacement reserve --------------------------------------------------------------------------------------


def refresh_only(plan: model.Plan) -> model.Plan:
    """The 1,000 Chromebooks bought as replacements of devices in service: the fleet stays at 3,000."""
    return change(plan, "budget", "line-devices", replaces_devices=True)


def test_a_stated_cycle_with_no_replacement_money_is_one_finding_with_the_gap(good: model.Plan,
                                                                               content: Content) -> None:
    plan = refresh_only(without(good, "budget", "line-reserve", "line-repairs"))
    [finding] = of_rule(plan, content, "replacement-unfunded")
    # 3,000 Chromebooks × $300 (what the plan pays for them) ÷ 4 years = $225,000 a year; $75 per student.
    assert finding.message == ("Replacing 3,000 devices on their refresh cycles takes about $225,000 a year, and "
                               "FY2029 sets aside nothing for it: $225,000 a year short ($75.00 per student). "
                               "Without it the devices age out with nothing to replace them.")
    assert finding.fix.startswith("Budget a recurring replacement reserve of about $225,000 a year")


def test_the_reserve_and_recurring_device_lines_count(good: model.Plan, content: Content) -> None:
    assert of_rule(good, content, "replacement-unfunded") == []
    plan = change(good, "budget", "line-reserve", unit_cost=D("299999.00"))
    [finding] = of_rule(plan, content, "replacement-unfunded")
    assert "FY2029 sets aside $299,999 for it: $1 a year short ($0.00 per student)" in finding.message
    lease = model.BudgetLine("line-lease", "Chromebook lease", "devices", GOAL, True, D("100000.00"), 1, 2027, 2029,
                             "src-general", device_type="chromebook", replaces_devices=True)
    leased = change(plan.replace(budget=(*plan.budget, lease)), "budget", "line-reserve", unit_cost=D("200000.00"))
    assert of_rule(leased, content, "replacement-unfunded") == []


def test_reserve_money_only_before_the_last_year_does_not_count(good: model.Plan, content: Content) -> None:
    plan = change(good, "budget", "line-reserve", last_year=2028)
    [finding] = of_rule(plan, content, "replacement-unfunded")
    assert "FY2029 sets aside nothing for it: $300,000 a year short ($100.00 per student)" in finding.message


def test_devices_the_plan_adds_raise_the_need(good: model.Plan, content: Content) -> None:
    plan = without(good, "budget", "line-reserve")
    [refresh] = of_rule(refresh_only(plan), content, "replacement-unfunded")
    assert "Replacing 3,000 devices on their refresh cycles takes about $225,000 a year" in refresh.message
    [grown] = of_rule(plan, content, "replacement-unfunded")  # 1,000 more: +$75,000 a year
    assert "Replacing 4,000 devices on their refresh cycles takes about $300,000 a year" in grown.message


# --- fleets coming due ----------------------------------------------------------------------------------------


def test_a_fleet_due_during_the_plan_needs_a_line_of_its_type(good: model.Plan, content: Content) -> None:
    plan = good.replace(devices=(*good.devices, model.DeviceFleet("fleet-laptops", "laptop", "staff", 400, 3, 5)))
    [finding] = of_rule(plan, content, "fleet-due-unbudgeted")
    assert finding.item_id == "fleet-laptops"
    assert finding.message == ("The Laptop fleet (400 devices, 3 years old) reaches the end of its refresh cycle "
                               "in FY2028, but no budget line buys or replaces them (none has Device set to Laptop).")
    bought = plan.replace(budget=(*plan.budget, model.BudgetLine(
        "line-laptops", "Staff laptops", "devices", GOAL, False, D("900.00"), 400, 2028, 2028, "src-general",
        device_type="laptop", replaces_devices=True)))
    assert of_rule(bought, content, "fleet-due-unbudgeted") == []


def test_a_fleet_due_after_the_plan_needs_nothing_yet(good: model.Plan, content: Content) -> None:
    young = model.DeviceFleet("fleet-laptops", "laptop", "staff", 400, 1, 5)  # due in 4 years; the plan has 3
    assert of_rule(good.replace(devices=(*good.devices, young)), content, "fleet-due-unbudgeted") == []
    at_end = model.DeviceFleet("fleet-laptops", "laptop", "staff", 400, 2, 5)  # due in 3: FY2029, the last year
    [finding] = of_rule(good.replace(devices=(*good.devices, at_end)), content, "fleet-due-unbudgeted")
    assert "in FY2029" in finding.message


def test_an_overdue_fleet_is_due_in_the_first_year(good: model.Plan, content: Content) -> None:
    old = model.DeviceFleet("fleet-desktops", "desktop", "shared", 60, 9, 6)
    [finding] = of_rule(good.replace(devices=(*good.devices, old)), content, "fleet-due-unbudgeted")
    assert "in FY2027" in finding.message


# --- technicians -----------------------------------------------------------------------------------------------


def test_devices_per_technician_past_a_thousand(good: model.Plan, content: Content) -> None:
    assert of_rule(good, content, "devices-per-technician") == []  # 4,000 devices, 4 technicians: exactly 1,000
    assert of_rule(change_one(good, "network", support_technicians=3), content, "devices-per-technician")
    [finding] = of_rule(change_one(good, "network", support_technicians=2), content, "devices-per-technician")
    assert finding.message == ("The plan has 2,000 devices per support technician (4,000 devices, 2 technicians); "
                               "beyond about 1,000 a technician, repairs queue up and devices sit unused.")


def test_no_technicians_at_all(good: model.Plan, content: Content) -> None:
    [finding] = of_rule(change_one(good, "network", support_technicians=0), content, "devices-per-technician")
    assert finding.message.startswith("The plan has 4,000 devices and no support technicians;")


# --- repairs ---------------------------------------------------------------------------------------------------


def test_a_one_dollar_repairs_line_is_not_a_repairs_budget(good: model.Plan, content: Content) -> None:
    plan = change(good, "budget", "line-repairs", unit_cost=D("1.00"))
    [finding] = of_rule(plan, content, "repairs-too-low")
    assert finding.item_id == "line-repairs"
    assert finding.message == ("Repairs get $1 in FY2029 for 4,000 devices: less than a cent per device a year, "
                               "when repairs and parts cost more than $10 per device a year.")


def test_repairs_lines_add_up(good: model.Plan, content: Content) -> None:
    plan = with_line(change(good, "budget", "line-repairs", unit_cost=D("30000.00")), "line-fix", "repairs",
                     "10000.00")
    assert of_rule(plan, content, "repairs-too-low") == []
    [finding] = of_rule(change(plan, "budget", "line-fix", unit_cost=D("9999.00")), content, "repairs-too-low")
    assert finding.item_id == "line-repairs"


def test_ten_dollars_a_device_is_enough(good: model.Plan, content: Content) -> None:
    assert of_rule(good, content, "repairs-too-low") == []  # $40,000 for 4,000 devices
    [finding] = of_rule(change(good, "budget", "line-repairs", unit_cost=D("39999.00")), content, "repairs-too-low")
    assert "$39,999 in FY2029 for 4,000 devices: $10.00 per device a year" in finding.message


def test_repairs_that_stop_before_the_last_year_are_nothing_that_year(good: model.Plan, content: Content) -> None:
    plan = change(good, "budget", "line-repairs", last_year=2028)
    [finding] = of_rule(plan, content, "repairs-too-low")
    assert finding.message.startswith("Repairs get $0 in FY2029")


# --- upkeep of a growing fleet ------------------------------------------------------------------------------------


def bare(plan: model.Plan) -> model.Plan:
    """The coherent plan with no repairs and no replacement reserve: 1,000 devices added, nothing to keep them."""
    return without(plan, "budget", "line-repairs", "line-reserve")


def test_a_growing_fleet_with_no_upkeep_is_one_finding(good: model.Plan, content: Content) -> None:
    assert of_rule(good, content, "devices-no-recurring-cost") == []
    found = [f for f in run_checks(bare(good), content) if f.rule in ("devices-no-recurring-cost",
                                                                       "replacement-unfunded", "repairs-too-low")]
    assert [f.rule for f in found] == ["devices-no-recurring-cost"]
    assert found[0].message == ("“Student Chromebooks” adds devices from FY2027, but the plan budgets no recurring "
                                "repairs, support or replacement after that year; replacing its 4,000 devices alone "
                                "takes about $300,000 a year.")


def test_a_refresh_adds_no_devices_to_keep(good: model.Plan, content: Content) -> None:
    """A refresh with nothing set aside is the replacement reserve's finding, not this one."""
    plan = refresh_only(bare(good))
    assert of_rule(plan, content, "devices-no-recurring-cost") == []
    assert of_rule(plan, content, "replacement-unfunded")


def test_a_recurring_device_line_is_not_upkeep(good: model.Plan, content: Content) -> None:
    """Spare devices filed under devices buy devices: they are not repairs, support or a reserve."""
    plan = with_line(bare(good), "line-spares", "devices", "40000.00", description="Repairs and spare devices")
    assert of_rule(plan, content, "devices-no-recurring-cost")
    assert of_rule(change(plan, "budget", "line-spares", category="repairs"), content,
                   "devices-no-recurring-cost") == []


@pytest.mark.parametrize(("category", "cost"), [("support-staff", "70000.00"), ("device-replacement", "300000.00"),
                                                ("repairs", "40000.00")])
def test_repairs_support_and_the_reserve_count_as_upkeep(category: str, cost: str, good: model.Plan,
                                                         content: Content) -> None:
    plan = with_line(bare(good), "line-upkeep", category, cost)
    assert of_rule(plan, content, "devices-no-recurring-cost") == []


def test_devices_bought_in_the_last_year_need_upkeep_in_that_year(good: model.Plan, content: Content) -> None:
    plan = change(bare(good), "budget", "line-devices", first_year=2029, last_year=2029)
    plan = with_line(plan, "line-fix", "repairs", "40000.00", first_year=2029)
    assert of_rule(plan, content, "devices-no-recurring-cost") == []
    plan = change(plan, "budget", "line-fix", recurring=False)
    [finding] = of_rule(plan, content, "devices-no-recurring-cost")
    assert "adds devices from FY2029" in finding.message


# --- what counts as a device ------------------------------------------------------------------------------------


def test_cases_and_carts_filed_under_devices_are_not_devices(good: model.Plan, content: Content) -> None:
    """An untyped devices line counts as devices only if its description says nothing else."""
    cases = with_line(good, "line-cases", "devices", "12000.00", description="Protective cases", recurring=False,
                      first_year=2027, last_year=2027)
    assert run_checks(cases, content) == []  # no training, network, pilot or upkeep asked of cases
    untyped = change(cases, "budget", "line-cases", description="Student computers")
    assert {f.rule for f in run_checks(untyped, content)} >= {"devices-before-learning"}
