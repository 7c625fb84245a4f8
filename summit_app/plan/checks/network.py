"""The plan's own network targets against the national ones: an interim target is allowed, a floor is not negotiable."""

from __future__ import annotations

from collections.abc import Iterator

from summit_app.plan.checks.devices import users_carried
from summit_app.plan.checks.facts import Facts, listing
from summit_app.plan.checks.findings import ADVICE, WARNING, Finding
from summit_app.plan.network import (
    FLOOR_MBPS_PER_1000,
    REFERENCE_MBPS_PER_1000,
    capacity_after_upgrades,
    internet_threshold_per_1000,
    mbps_for,
    reference_internet_mbps,
    reference_wan_mbps,
)


def network_target_below_floor(facts: Facts) -> Iterator[Finding]:
    """A target under 100 Mbps per 1,000 users is below even the short-term national target."""
    target = facts.plan.network.target_mbps_per_1000
    if target < FLOOR_MBPS_PER_1000:
        yield Finding("network-target-below-floor", WARNING, "infrastructure", None, None,
                      f"The plan's internet target is {target:,} Mbps per 1,000 users, below the short-term floor of "
                      f"{FLOOR_MBPS_PER_1000:,} Mbps per 1,000, so the checks hold purchases to the floor instead.",
                      f"Raise the target to at least {FLOOR_MBPS_PER_1000:,} Mbps per 1,000 users, and say when the "
                      "network will reach the long-term 1 Gbps per 1,000.")


def _short_of_reference(facts: Facts) -> list[str]:
    """Where the network, after every planned upgrade, stays short of a reference the team's target is below."""
    plan = facts.plan
    net, capacity = plan.network, capacity_after_upgrades(plan)
    out = []
    users = users_carried(facts)
    internet = reference_internet_mbps(users)
    meets_target = capacity.internet_mbps >= mbps_for(users, internet_threshold_per_1000(plan))
    if net.target_mbps_per_1000 < REFERENCE_MBPS_PER_1000 and meets_target and capacity.internet_mbps < internet:
        out.append(f"internet capacity of {capacity.internet_mbps:,} Mbps is short of the {internet:,} Mbps "
                   "of the long-term reference (1 Gbps per 1,000 users)")
    wan = reference_wan_mbps(plan)
    if plan.district.schools > 1 and 0 < net.target_wan_mbps <= capacity.wan_mbps < wan:
        out.append(f"each school's WAN link of {capacity.wan_mbps:,} Mbps is short of the {wan:,} Mbps of the "
                   "reference (10 Gbps per 1,000 students)")
    return out


def network_below_reference(facts: Facts) -> Iterator[Finding]:
    """An interim target below the long-term reference is the team's call; the plan should still say where it leads.

    Only a network that meets the team's own target is held to the reference here: one below
    its target already has its finding (``network-below-target``, or ``devices-without-network``
    on a delivery date), and one fact gets one finding.
    """
    if not (facts.device_lines or facts.plan.devices):
        return
    parts = _short_of_reference(facts)
    if parts:
        yield Finding("network-below-reference", ADVICE, "infrastructure", None, None,
                      f"After the planned upgrades, {listing(parts, 'and')}.",
                      "Keep the interim target if it suits today's use, and say in the plan when the network will "
                      "reach the long-term reference.")
