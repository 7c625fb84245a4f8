"""Sustainability: devices cost money every year they are in service — replacement, repairs and support.

A plan that states a refresh cycle and budgets no recurring replacement has
made an unfunded promise; repairs of a dollar a device and one technician for
thousands of devices are promises too. The figures are CoSN's total cost of
ownership (``plan/tco.py``) and the practitioners' thresholds in the content.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, capital, fy, quote
from summit_app.plan.checks.findings import WARNING, Finding
from summit_app.plan.money import format_money

#: Cost-category roles whose recurring lines keep a growing fleet running: repairs, support, and the reserve that
#: replaces it. A recurring line filed under devices buys devices (a lease): it is not upkeep.
UPKEEP_ROLES = frozenset({"repairs", "support-staff", "replacement"})


def _dollars(amount: Decimal) -> str:
    return format_money(amount.quantize(Decimal(1)))


def _per_student(facts: Facts, amount: Decimal) -> str:
    students = facts.plan.district.enrollment
    return f" ({format_money(amount / students, cents=True)} per student)" if students > 0 else ""


def replacement_unfunded(facts: Facts) -> Iterator[Finding]:
    """The reserve the fleets need every year against the recurring replacement money of the plan's last year."""
    cost = facts.total_cost
    gap = cost.replacement_gap_per_year
    if gap.quantize(Decimal(1)) <= 0 or _growth_without_upkeep(facts) is not None:
        return  # a plan that budgets no upkeep at all for the devices it adds hears it once, on that line
    last = facts.plan.fiscal_years()[-1]
    budgeted = cost.replacement_budgeted_per_year
    has = f"sets aside {_dollars(budgeted)}" if budgeted > 0 else "sets aside nothing"
    yield Finding("replacement-unfunded", WARNING, "budget", None, None,
                  f"Replacing {cost.devices:,} devices on their refresh cycles takes about "
                  f"{_dollars(cost.replacement_need_per_year)} a year, and {fy(last)} {has} for it: "
                  f"{_dollars(gap)} a year short{_per_student(facts, gap)}. Without it the devices age out "
                  "with nothing to replace them.",
                  f"Budget a recurring replacement reserve of about {_dollars(cost.replacement_need_per_year)} "
                  "a year by the plan's last year, or keep fewer devices or keep them longer, and say so.")


def _typed_lines(facts: Facts) -> frozenset[str]:
    """Device types the plan buys or sets money aside to replace (hotspots are bought under home access)."""
    return frozenset(line.device_type for line in facts.plan.budget
                     if line.device_type and facts.role(line) in ("devices", "replacement", "home-access"))


def _due_year(facts: Facts, fleet: model.DeviceFleet) -> int | None:
    """The fiscal year a fleet reaches the end of its cycle, if that falls within the plan."""
    cycle = fleet.refresh_cycle_years or facts.device_costs.default_cycle
    remaining = max(cycle - fleet.average_age_years, 0)
    if remaining > facts.plan.district.plan_years:
        return None
    return facts.plan.district.first_fiscal_year + max(remaining, 1) - 1


def fleet_due_unbudgeted(facts: Facts) -> Iterator[Finding]:
    """A fleet that comes due during the plan needs a purchase or a replacement line of its type."""
    budgeted = _typed_lines(facts)
    for fleet in facts.plan.devices:
        due = _due_year(facts, fleet) if fleet.count > 0 and fleet.device_type else None
        if due is None or fleet.device_type in budgeted:
            continue
        kind = facts.content.name_of("device_types", fleet.device_type)
        yield Finding("fleet-due-unbudgeted", WARNING, "infrastructure", "devices", fleet.id,
                      f"The {kind} fleet ({fleet.count:,} devices, {fleet.average_age_years} years old) reaches "
                      f"the end of its refresh cycle in {fy(due)}, but no budget line buys or replaces them "
                      f"(none has Device set to {kind}).",
                      f"Add a device or replacement line with Device set to {kind}, or keep them longer and "
                      "change the refresh cycle to say so.")


def devices_per_technician(facts: Facts) -> Iterator[Finding]:
    """Past about 1,000 devices per technician, support is strained and broken devices wait."""
    devices = facts.total_cost.devices
    technicians = facts.plan.network.support_technicians
    strained = int(facts.content.figure("total_cost", "devices_per_technician_strained"))
    if devices == 0 or devices <= strained * technicians:
        return
    who = (f"{devices:,} devices and no support technicians" if technicians == 0 else
           f"{devices // technicians:,} devices per support technician ({devices:,} devices, {technicians:,} "
           "technicians)")
    yield Finding("devices-per-technician", WARNING, "infrastructure", None, None,
                  f"The plan has {who}; beyond about {strained:,} a technician, repairs queue up and devices sit "
                  "unused.",
                  f"Budget support staff for about one technician per {strained:,} devices, and enter the number "
                  "of technicians on Infrastructure & devices.")


def _repairs_lines(facts: Facts) -> list[model.BudgetLine]:
    return [line for line in facts.plan.budget if facts.role(line) == "repairs"]


def repairs_too_low(facts: Facts) -> Iterator[Finding]:
    """A repair budget of a few dollars a device a year is a placeholder, not a budget."""
    lines, devices = _repairs_lines(facts), facts.total_cost.devices
    if not lines or devices == 0:
        return
    last = facts.plan.fiscal_years()[-1]
    spent = sum((line.cost_per_year() for line in lines if last in line.years()), Decimal(0))
    per_device = spent / devices
    minimum = Decimal(str(facts.content.figure("total_cost", "repairs_per_device_minimum")))
    if per_device >= minimum:
        return
    each = format_money(per_device, cents=True) if per_device >= Decimal("0.01") else "less than a cent"
    yield Finding("repairs-too-low", WARNING, "budget", "budget", lines[0].id,
                  f"Repairs get {format_money(spent)} in {fy(last)} for {devices:,} devices: {each} per device "
                  f"a year, when repairs and parts cost more than {format_money(minimum)} per device a year.",
                  "Budget repairs from what the district has spent per device in recent years.")


def _upkeep_after(facts: Facts, first: int) -> bool:
    """Is some recurring repair or support cost budgeted after year ``first`` (or in it, if it is the last)?"""
    last_plan_year = facts.plan.fiscal_years()[-1]
    for line in facts.plan.budget:
        if line.recurring and facts.role(line) in UPKEEP_ROLES:
            years = line.years()
            if years and (years[-1] > first or years[-1] == first == last_plan_year):
                return True
    return False


def _growth_without_upkeep(facts: Facts) -> model.BudgetLine | None:
    """The first purchase that adds devices when nothing recurring keeps them after it, else ``None``."""
    growth = facts.device_costs.growth
    if not growth:
        return None
    first_line = min(growth, key=lambda line: line.first_year)
    return None if _upkeep_after(facts, first_line.first_year) else first_line


def devices_without_upkeep(facts: Facts) -> Iterator[Finding]:
    """Devices the plan adds need repairs, support and their replacement every year after they arrive.

    This one finding says it when the plan budgets none of them (``replacement_unfunded`` then
    stays quiet); a reserve or repairs that are merely too small are those rules' findings.
    """
    first_line = _growth_without_upkeep(facts)
    if first_line is None:
        return
    need = facts.total_cost.replacement_need_per_year
    yield Finding("devices-no-recurring-cost", WARNING, "budget", "budget", first_line.id,
                  f"{capital(quote(first_line.description, 'device purchase'))} adds devices from "
                  f"{fy(first_line.first_year)}, but the plan budgets no recurring repairs, support or replacement "
                  f"after that year; replacing its {facts.total_cost.devices:,} devices alone takes about "
                  f"{_dollars(need)} a year.",
                  "Add recurring lines for repairs, for the support staff the larger fleet needs and for a "
                  "replacement reserve.")
