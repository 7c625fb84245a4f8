"""What the Infrastructure pane reads out: the network today and after the planned upgrades, against targets.

The figures come from ``plan.network`` (capacity after upgrades, the long-term
reference); this module only words them for the pane.
"""

from __future__ import annotations

from dataclasses import dataclass

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.network import (
    FLOOR_MBPS_PER_1000,
    REFERENCE_WAN_MBPS_PER_1000,
    Capacity,
    capacity_after_upgrades,
    dated_upgrades,
    reference_internet_mbps,
    reference_wan_mbps,
    today,
    wan_target_mbps,
)
from summit_app.plan.rollout import device_lines, users_carried

#: (text, meets the target); an empty text shows "—" (no figure to show).
Figure = tuple[str, bool]


@dataclass(frozen=True)
class Reading:
    """One row of "Against the targets": what is measured, today and once every planned upgrade is in."""

    what: str
    today: Figure
    after: Figure


def users(plan: model.Plan, content: Content) -> int:
    """Users the network carries, counted as the plan checks count them."""
    return users_carried(plan, device_lines(plan, content))


def reference_notes(plan: model.Plan, content: Content) -> dict[str, str]:
    """The long-term reference beside each target field, in this district's own figures."""
    internet = f"Long-term reference: {reference_internet_mbps(1000):,}"
    count = users(plan, content)
    if count:
        internet += f", or {reference_internet_mbps(count):,} Mbps for {count:,} users"
    internet += f". Never below {FLOOR_MBPS_PER_1000:,}."
    per_1000 = f"{REFERENCE_WAN_MBPS_PER_1000 // 1000:,} Gbps per 1,000 students"
    wan = f"Long-term reference: {reference_wan_mbps(plan):,} Mbps ({per_1000}). 0 uses it."
    return {"target_mbps_per_1000": internet, "target_wan_mbps": wan}


def _internet(plan: model.Plan, content: Content, capacity: Capacity) -> Figure:
    count = users(plan, content)
    if not count:
        return ("", False)
    per_1000 = capacity.internet_mbps * 1000 / count
    target = plan.network.target_mbps_per_1000
    return (f"{per_1000:,.0f} Mbps (target {target:,})", per_1000 >= target)


def _wan(plan: model.Plan, capacity: Capacity) -> Figure:
    target = wan_target_mbps(plan)
    return (f"{capacity.wan_mbps:,} Mbps (target {target:,})", capacity.wan_mbps >= target)


def _wifi(capacity: Capacity) -> Figure:
    return (f"{capacity.wifi_coverage_percent}%", capacity.wifi_coverage_percent >= 100)


def _devices(plan: model.Plan) -> Figure:
    d = plan.district
    student_devices = sum(f.count for f in plan.devices if f.users == "students")
    if not d.enrollment:
        return ("", False)
    return (f"{student_devices / d.enrollment:.2f} devices per student", student_devices >= d.enrollment)


def _support(plan: model.Plan, content: Content) -> Figure:
    """Devices per technician today, against the figure past which support is strained (content)."""
    technicians = plan.network.support_technicians
    if not technicians:
        return ("no technicians", False)
    devices = sum(f.count for f in plan.devices)
    strained = int(content.figure("total_cost", "devices_per_technician_strained"))
    return (f"{devices / technicians:,.0f} devices per technician (at most {strained:,})",
            devices <= strained * technicians)


def readings(plan: model.Plan, content: Content) -> list[Reading]:
    """The network today and after every dated upgrade, the student devices and support staffing."""
    now = today(plan)
    upgraded = bool(dated_upgrades(plan))
    after = capacity_after_upgrades(plan)
    none: Figure = ("", False)
    return [
        Reading("Internet per 1,000 users", _internet(plan, content, now),
                _internet(plan, content, after) if upgraded else none),
        Reading("WAN link per school", _wan(plan, now), _wan(plan, after) if upgraded else none),
        Reading("Classrooms with Wi-Fi", _wifi(now), _wifi(after) if upgraded else none),
        Reading("Student devices", _devices(plan), none),
        Reading("Support", _support(plan, content), none),
    ]
