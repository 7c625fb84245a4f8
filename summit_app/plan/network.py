"""The network over time: today's figures with each planned upgrade applied from the day it takes effect.

Devices bought in a plan's second year arrive on the network the first year's
upgrades built, so a check compares each purchase with the capacity in effect
on its delivery date, not with today's figures.

The national targets (SETDA and the FCC): external internet of 100 Mbps per
1,000 users was the short-term target and is the floor the checks hold every
plan to; 1 Gbps per 1,000 users is the long-term reference. A school's WAN
link should carry 10 Gbps per 1,000 students of that school.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from summit_app.plan import model

#: The short-term internet target, Mbps per 1,000 users: no plan's own target may go below it.
FLOOR_MBPS_PER_1000 = 100
#: The long-term internet reference, Mbps per 1,000 users (1 Gbps).
REFERENCE_MBPS_PER_1000 = 1000
#: The WAN reference, Mbps per 1,000 students on each school's link (10 Gbps).
REFERENCE_WAN_MBPS_PER_1000 = 10_000


@dataclass(frozen=True)
class Capacity:
    """The network's figures on one day: internet, WAN per school link, classrooms with Wi-Fi."""

    internet_mbps: int
    wan_mbps: int
    wifi_coverage_percent: int


def today(plan: model.Plan) -> Capacity:
    """The network as the team recorded it before any planned upgrade."""
    net = plan.network
    return Capacity(net.internet_mbps, net.wan_mbps, net.wifi_coverage_percent)


def _applied(capacity: Capacity, upgrade: model.NetworkUpgrade) -> Capacity:
    """``capacity`` after ``upgrade``: each figure it sets replaces the one before; 0 leaves it as it was."""
    return Capacity(upgrade.internet_mbps or capacity.internet_mbps,
                    upgrade.wan_mbps or capacity.wan_mbps,
                    upgrade.wifi_coverage_percent or capacity.wifi_coverage_percent)


def dated_upgrades(plan: model.Plan) -> list[tuple[date, model.NetworkUpgrade]]:
    """The upgrades that have a date, in the order they take effect (an undated one is not yet planned)."""
    dated = [(u.effective_date, u) for u in plan.upgrades if u.effective_date is not None]
    return sorted(dated, key=lambda pair: pair[0])


def capacity_on(plan: model.Plan, day: date) -> Capacity:
    """Today's network with every upgrade whose effective date is on or before ``day`` applied, in date order."""
    capacity = today(plan)
    for effective, upgrade in dated_upgrades(plan):
        if effective > day:
            break
        capacity = _applied(capacity, upgrade)
    return capacity


def capacity_after_upgrades(plan: model.Plan) -> Capacity:
    """The network once every dated upgrade has taken effect."""
    capacity = today(plan)
    for _, upgrade in dated_upgrades(plan):
        capacity = _applied(capacity, upgrade)
    return capacity


def mbps_for(users: int, mbps_per_1000: int) -> int:
    """Capacity ``users`` need at ``mbps_per_1000``, rounded up to a whole Mbps."""
    return -(-users * mbps_per_1000 // 1000)


def reference_internet_mbps(users: int) -> int:
    """The long-term reference for ``users``: 1 Gbps per 1,000."""
    return mbps_for(users, REFERENCE_MBPS_PER_1000)


def students_per_school(plan: model.Plan) -> int:
    """Enrollment spread evenly over the district's schools (rounded up)."""
    schools = max(1, plan.district.schools)
    return -(-plan.district.enrollment // schools)


def reference_wan_mbps(plan: model.Plan) -> int:
    """The WAN reference for one school link: 10 Gbps per 1,000 of the school's students."""
    return mbps_for(students_per_school(plan), REFERENCE_WAN_MBPS_PER_1000)


def internet_threshold_per_1000(plan: model.Plan) -> int:
    """What the checks hold a purchase to: the team's own target, never below the short-term floor."""
    return max(plan.network.target_mbps_per_1000, FLOOR_MBPS_PER_1000)


def wan_target_mbps(plan: model.Plan) -> int:
    """The WAN each school link must carry: the team's own per-school target, or the reference when none is set."""
    return plan.network.target_wan_mbps or reference_wan_mbps(plan)
