"""Home access and accessibility: what the budget holds for hotspots and home internet, and the ADA deadline."""

from __future__ import annotations

from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.equity import (
    devices_go_home,
    home_access_budget,
    home_access_unfunded,
    needs_accessibility_report,
    wcag_deadline,
)

DISTRICT = model.District(name="Harbor", first_fiscal_year=2027, plan_years=3)


def _line(line_id: str, category: str, cost: str, quantity: int, first: int, last: int, *,
          recurring: bool = False, source: str | None = "s1") -> model.BudgetLine:
    return model.BudgetLine(line_id, f"Line {line_id}", category=category, unit_cost=Decimal(cost),
                            quantity=quantity, first_year=first, last_year=last, recurring=recurring,
                            funding_source_id=source)


def test_home_access_lines_are_counted_and_costed_by_fiscal_year(content: Content) -> None:
    budget = (_line("data", "home-access", "15.00", 450, 2027, 2029, recurring=True),  # 6,750 a year
              _line("hotspots", "home-access", "120.00", 450, 2028, 2028, source=None),  # 54,000 once, no source
              _line("laptops", "devices", "500.00", 100, 2027, 2027),  # not home access
              _line("late", "home-access", "10.00", 10, 2031, 2031))  # after the plan's years
    funding = home_access_budget(model.Plan(district=DISTRICT, budget=budget), content)
    assert funding.lines == 3
    assert funding.by_year == {2027: Decimal("6750.00"), 2028: Decimal("60750.00"), 2029: Decimal("6750.00")}
    assert funding.total == Decimal("74250.00")
    assert funding.unfunded == 1


def test_no_home_access_lines_means_nothing_budgeted(content: Content) -> None:
    plan = model.Plan(district=DISTRICT, budget=(_line("laptops", "devices", "500.00", 100, 2027, 2027),))
    funding = home_access_budget(plan, content)
    assert (funding.lines, funding.unfunded, funding.total) == (0, 0, Decimal("0.00"))
    assert set(funding.by_year) == {2027, 2028, 2029}


def test_the_demo_plans_hotspot_lines_are_found(demo: model.Plan, content: Content) -> None:
    funding = home_access_budget(demo, content)
    hotspot_lines = [line for line in demo.budget if line.category == "home-access"]
    assert funding.lines == len(hotspot_lines) == 2
    first = demo.fiscal_years()[0]
    assert funding.by_year[first] == sum(line.cost_per_year() for line in hotspot_lines if first in line.years())


def test_the_wcag_deadline_follows_the_population_served(content: Content) -> None:
    assert wcag_deadline(model.Equity(public_entity_size="50000-or-more"), content) == "April 2027"
    assert wcag_deadline(model.Equity(public_entity_size="under-50000"), content) == "April 2028"
    assert wcag_deadline(model.Equity(), content) == ""


def test_which_take_home_policies_send_devices_home(content: Content) -> None:
    assert devices_go_home(model.Equity(take_home="loaner"), content)
    assert devices_go_home(model.Equity(take_home="take-home"), content)
    assert not devices_go_home(model.Equity(take_home="stay-at-school"), content)
    assert not devices_go_home(model.Equity(), content)


def test_device_and_software_purchases_need_an_accessibility_report(content: Content) -> None:
    def line(category: str, description: str = "Purchase", device_type: str = "") -> model.BudgetLine:
        return model.BudgetLine("l1", description, category=category, device_type=device_type)

    assert needs_accessibility_report(line("devices", "Student Chromebooks"), content)
    assert needs_accessibility_report(line("software", "Reading practice"), content)
    assert not needs_accessibility_report(line("devices", "Charging carts"), content)  # equipment, not devices
    assert not needs_accessibility_report(line("network", "Wi-Fi access points"), content)
    assert not needs_accessibility_report(line("home-access", "Hotspots", "hotspot"), content)


def test_home_access_is_unfunded_only_when_devices_go_home_to_students_offline(content: Content) -> None:
    offline = model.Equity(no_home_internet_percent=20, take_home="take-home")
    plan = model.Plan(district=DISTRICT, equity=offline)
    assert home_access_unfunded(plan, home_access_budget(plan, content), content)
    at_school = plan.replace(equity=model.Equity(no_home_internet_percent=20, take_home="stay-at-school"))
    assert not home_access_unfunded(at_school, home_access_budget(at_school, content), content)
    connected = plan.replace(equity=model.Equity(take_home="take-home"))
    assert not home_access_unfunded(connected, home_access_budget(connected, content), content)
    paid = plan.replace(budget=(_line("data", "home-access", "15.00", 10, 2027, 2027),))
    assert not home_access_unfunded(paid, home_access_budget(paid, content), content)
