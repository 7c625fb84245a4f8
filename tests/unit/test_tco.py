"""Total cost of ownership: annualised cost and the replacement reserve, checked against sums done by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from plan_builders import amounts, change

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.tco import total_cost

D = Decimal


def small_plan() -> model.Plan:
    """1,000 students, FY2027–FY2029; 800 Chromebooks on a 4-year cycle and 40 displays on an 8-year one."""
    line = model.BudgetLine
    return model.Plan(
        district=model.District("Alder Creek", "Idaho", 1000, 2, 90, 60, first_fiscal_year=2027, plan_years=3),
        devices=(model.DeviceFleet("fleet-cb", "chromebook", "students", 800, 2, 4),
                 model.DeviceFleet("fleet-disp", "interactive-display", "shared", 40, 7, 8)),
        funding=(model.FundingSource("src-gen", "General fund", "general-fund", True,
                                     amounts("500000", "500000", "500000")),),
        learning=(model.LearningActivity("pd-1", "Teaching with devices", "workshop", "teachers", 50, D("12.00")),
                  model.LearningActivity("pd-2", "Leaders", "leadership-cohort", "principals", 10, D("6.00"))),
        budget=(
            line("l-grow", "New Chromebooks", "devices", None, False, D("250.00"), 200, 2027, 2027, "src-gen",
                 device_type="chromebook"),
            line("l-refresh", "Chromebook refresh", "devices", None, False, D("310.00"), 200, 2028, 2028, "src-gen",
                 device_type="chromebook", replaces_devices=True),
            line("l-reserve", "Replacement reserve", "device-replacement", None, True, D("40000.00"), 1, 2028, 2029,
                 "src-gen"),
            line("l-repairs", "Repairs", "repairs", None, True, D("12000.00"), 1, 2027, 2029, "src-gen"),
            line("l-software", "Licences", "software", None, True, D("9000.00"), 1, 2027, 2029, "src-gen"),
            line("l-audit", "Network audit", "services", None, False, D("30000.00"), 1, 2027, 2027, "src-gen"),
            line("l-lease", "Display lease", "devices", None, True, D("5000.00"), 1, 2029, 2029, "src-gen"),
        ),
    )


def test_the_small_plan_by_hand(content: Content) -> None:
    cost = total_cost(small_plan(), content)
    # Chromebooks cost what the plan pays for them: (200 × $250 + 200 × $310) ÷ 400 = $280 each.
    # Need: 800 × $280 ÷ 4 = $56,000; displays (no line: the typical $3,000) 40 × $3,000 ÷ 8 = $15,000;
    # the 200 added Chromebooks $50,000 ÷ 4 = $12,500; the refresh renews counted devices: nothing more.
    assert cost.replacement_need_per_year == D("83500.00")
    # Last year (FY2029): the reserve $40,000 and the recurring lease $5,000; repairs are not replacement.
    assert cost.replacement_budgeted_per_year == D("45000.00")
    assert cost.replacement_gap_per_year == D("38500.00")
    assert (cost.students, cost.devices) == (1000, 1040)
    # 12,500 + 15,500 (one-time devices over 4 years) + 80,000/3 + 36,000/3 + 27,000/3 + 30,000/3 + 5,000/3
    assert cost.direct_per_year == D("87333.33")
    assert cost.per_student_per_year == D("87.33")
    assert cost.per_device_per_year == D("83.97")
    assert cost.indirect_training_hours_per_year == D("220.00")  # (50 × 12 + 10 × 6) ÷ 3


def test_a_fleet_without_a_cycle_or_a_line_uses_four_years_and_the_typical_price(content: Content) -> None:
    plan = small_plan().replace(budget=(), devices=(model.DeviceFleet("f", "laptop", "staff", 100, 1, 0),))
    cost = total_cost(plan, content)
    typical = D(str(next(e for e in content.vocabulary("device_types") if e.id == "laptop").get("typical_unit_cost")))
    assert cost.replacement_need_per_year == 100 * typical / 4
    assert cost.replacement_gap_per_year == cost.replacement_need_per_year
    assert cost.direct_per_year == D("0.00")


def test_enough_replacement_money_leaves_no_gap(content: Content) -> None:
    plan = change(small_plan(), "budget", "l-reserve", unit_cost=D("78500.00"))
    cost = total_cost(plan, content)
    assert cost.replacement_budgeted_per_year == D("83500.00")
    assert cost.replacement_gap_per_year == D("0.00")


def test_reserve_money_that_stops_before_the_last_year_does_not_count(content: Content) -> None:
    plan = change(small_plan(), "budget", "l-reserve", last_year=2028)
    assert total_cost(plan, content).replacement_budgeted_per_year == D("5000.00")


def test_no_students_no_devices_no_ratios(content: Content) -> None:
    plan = model.Plan(district=model.District(first_fiscal_year=2027, plan_years=3))
    cost = total_cost(plan, content)
    assert (cost.per_student_per_year, cost.per_device_per_year, cost.replacement_need_per_year) == (
        None, None, D("0.00"))


@pytest.mark.parametrize("device_type", ["chromebook", "laptop", "tablet", "desktop", "interactive-display",
                                         "hotspot", "other"])
def test_every_device_type_has_a_typical_price(content: Content, device_type: str) -> None:
    entry = next(e for e in content.vocabulary("device_types") if e.id == device_type)
    assert D(str(entry.get("typical_unit_cost"))) > 0


def test_training_dates_do_not_matter_to_hours(content: Content) -> None:
    plan = change(small_plan(), "learning", "pd-1", start_date=date(2026, 8, 1))
    assert total_cost(plan, content).indirect_training_hours_per_year == D("220.00")
