"""Total cost of ownership (CoSN): what the plan costs a year once annualised, and what keeping its devices costs.

Direct costs are the budgeted ones, annualised: a recurring line counts what
it spends in the plan's years divided by the number of years; a one-time
device purchase is spread over its fleet's refresh cycle (the years it serves);
any other one-time cost over the plan's years. Indirect costs are not
budgeted: here, the hours staff spend in training.

The replacement reserve is the sum the district must set aside every year to
renew its devices at the end of their cycle: count × unit cost ÷ refresh cycle,
for today's fleets and for every device the plan adds (a line that replaces
devices in service renews a fleet already counted). A fleet's unit cost is
what the plan pays for that type of device (the quantity-weighted price of its
one-time device lines), else the typical price the content gives for the type.
It is set against the recurring replacement money of the plan's last year:
lines of the replacement reserve category and recurring device lines.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.money import CENT
from summit_app.plan.rollout import is_device_line

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class TotalCost:
    """The plan's annualised cost, per student and per device, and its replacement reserve against its need."""

    students: int
    devices: int
    direct_per_year: Decimal
    per_student_per_year: Decimal | None
    per_device_per_year: Decimal | None
    indirect_training_hours_per_year: Decimal
    replacement_need_per_year: Decimal
    replacement_budgeted_per_year: Decimal
    replacement_gap_per_year: Decimal


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class DeviceCosts:
    """The look-ups the cost sums share: roles, cycles and unit costs by device type, built once."""

    def __init__(self, plan: model.Plan, content: Content) -> None:
        self.plan = plan
        self.content = content
        self.roles = {e.id: str(e.get("role", e.id)) for e in content.vocabulary("cost_categories")}
        self.default_cycle = int(content.figure("total_cost", "default_refresh_cycle_years"))
        self.typical = {e.id: Decimal(str(e.get("typical_unit_cost", "0"))) for e in content.vocabulary("device_types")}
        self.cycles = self._cycles()
        self.unit_costs = self._unit_costs()

    def role(self, line: model.BudgetLine) -> str:
        return self.roles.get(line.category, "")

    def _cycles(self) -> dict[str, int]:
        """Device type → refresh cycle of the first fleet of that type that states one."""
        out: dict[str, int] = {}
        for fleet in self.plan.devices:
            if fleet.refresh_cycle_years > 0:
                out.setdefault(fleet.device_type, fleet.refresh_cycle_years)
        return out

    def cycle(self, device_type: str) -> int:
        return self.cycles.get(device_type, self.default_cycle)

    @cached_property
    def purchases(self) -> list[model.BudgetLine]:
        """One-time device lines: what the plan buys (and later must replace)."""
        return [line for line in self.plan.budget
                if is_device_line(line, self.role(line)) and not line.recurring and line.quantity > 0]

    def _unit_costs(self) -> dict[str, Decimal]:
        spent: dict[str, Decimal] = defaultdict(Decimal)
        bought: dict[str, int] = defaultdict(int)
        for line in self.purchases:
            if line.device_type:
                spent[line.device_type] += line.cost_per_year()
                bought[line.device_type] += line.quantity
        return {t: spent[t] / bought[t] for t in spent}

    def unit_cost(self, device_type: str) -> Decimal:
        """What the plan pays for one device of this type, else the content's typical price (else "other")."""
        if device_type in self.unit_costs:
            return self.unit_costs[device_type]
        return self.typical.get(device_type) or self.typical.get("other", ZERO)

    @cached_property
    def growth(self) -> list[model.BudgetLine]:
        """Device purchases that add to the fleet rather than renew it."""
        return [line for line in self.purchases if not line.replaces_devices]

    def device_count(self) -> int:
        """Devices in service once the plan is done: today's fleets and the devices it adds (of a named type)."""
        return (sum(f.count for f in self.plan.devices)
                + sum(line.quantity for line in self.growth if line.device_type))

    def fleet_need(self, fleet: model.DeviceFleet) -> Decimal:
        cycle = fleet.refresh_cycle_years or self.default_cycle
        return fleet.count * self.unit_cost(fleet.device_type) / cycle

    def replacement_need(self) -> Decimal:
        fleets = sum((self.fleet_need(f) for f in self.plan.devices), ZERO)
        added = sum((line.cost_per_year() / self.cycle(line.device_type) for line in self.growth), ZERO)
        return _cents(fleets + added)

    def replacement_budgeted(self) -> Decimal:
        """Replacement money in the plan's last year: reserve lines, and recurring device lines."""
        last = self.plan.fiscal_years()[-1]
        return sum((line.cost_per_year() for line in self.plan.budget
                    if last in line.years() and self._replaces(line)), ZERO)

    def _replaces(self, line: model.BudgetLine) -> bool:
        role = self.role(line)
        return role == "replacement" or (line.recurring and is_device_line(line, role))


def _annualised(costs: DeviceCosts, line: model.BudgetLine, years: range) -> Decimal:
    """What ``line`` costs a year: recurring spend in the plan's years over those years; a one-time
    device purchase over its refresh cycle; any other one-time cost over the plan's years."""
    if line.recurring:
        span = line.years()
        spent = max(0, min(span.stop, years.stop) - max(span.start, years.start))
        return line.cost_per_year() * spent / len(years)
    if line.first_year not in years:
        return ZERO
    spread = costs.cycle(line.device_type) if is_device_line(line, costs.role(line)) else len(years)
    return line.cost_per_year() / spread


def _direct_per_year(costs: DeviceCosts, content: Content) -> Decimal:
    direct = {e.id for e in content.vocabulary("cost_categories") if e.get("tco") == "direct"}
    fiscal = costs.plan.fiscal_years()
    years = range(fiscal[0], fiscal[-1] + 1)
    return _cents(sum((_annualised(costs, line, years) for line in costs.plan.budget if line.category in direct),
                      ZERO))


def _training_hours_per_year(plan: model.Plan) -> Decimal:
    hours = sum((a.participants * a.hours for a in plan.learning), Decimal(0))
    return _cents(hours / len(plan.fiscal_years()))


def _per(amount: Decimal, count: int) -> Decimal | None:
    return _cents(amount / count) if count > 0 else None


def total_cost(plan: model.Plan, content: Content) -> TotalCost:
    """The plan's total cost of ownership, a year at a time."""
    return total_cost_of(DeviceCosts(plan, content))


def total_cost_of(costs: DeviceCosts) -> TotalCost:
    """``total_cost`` from look-ups already built (the checks share one ``DeviceCosts``)."""
    plan, content = costs.plan, costs.content
    students, devices = plan.district.enrollment, costs.device_count()
    direct = _direct_per_year(costs, content)
    need, budgeted = costs.replacement_need(), costs.replacement_budgeted()
    return TotalCost(
        students=students,
        devices=devices,
        direct_per_year=direct,
        per_student_per_year=_per(direct, students),
        per_device_per_year=_per(direct, devices),
        indirect_training_hours_per_year=_training_hours_per_year(plan),
        replacement_need_per_year=need,
        replacement_budgeted_per_year=budgeted,
        replacement_gap_per_year=max(ZERO, need - budgeted),
    )
