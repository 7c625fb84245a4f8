"""Plan before you purchase: devices need trained teachers and network capacity behind them."""

from __future__ import annotations

from collections.abc import Iterator

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, capital, fiscal_year, fy, quote
from summit_app.plan.checks.findings import BLOCKING, WARNING, Finding

_TRAIN_FIRST = "Plan training for the teachers who will use them, linked to the same goal, before the devices arrive."


def _no_learning(facts: Facts, line: model.BudgetLine) -> str | None:
    """Why no training stands behind a device line, or ``None`` when some does."""
    name = capital(quote(line.description, "device purchase"))
    if line.goal_id is None:
        return None if facts.teacher_learning else f"{name} buys devices, but the plan has no training for teachers."
    if facts.teacher_learning_by_goal.get(line.goal_id):
        return None
    goal = facts.goals.get(line.goal_id)
    return (f"{name} buys devices, but no training for teachers serves its goal "
            f"{quote(goal.title if goal else '', 'goal')}.")


def devices_without_learning(facts: Facts) -> Iterator[Finding]:
    """Devices without prepared teachers sit unused: each purchase needs teacher training behind it."""
    for line in facts.device_lines:
        message = _no_learning(facts, line)
        if message:
            yield Finding("devices-without-learning", BLOCKING, "budget", "budget", line.id, message, _TRAIN_FIRST)


def _first_training_year(activities: list[model.LearningActivity]) -> int | None:
    starts = [fiscal_year(a.start_date) for a in activities if a.start_date]
    return min(starts) if starts else None


def devices_before_learning(facts: Facts) -> Iterator[Finding]:
    """Training under a device line's goal should start no later than the devices arrive."""
    for line in facts.device_lines:
        first = _first_training_year(facts.teacher_learning_by_goal.get(line.goal_id or "", []))
        if first is not None and first > line.first_year:
            yield Finding("devices-before-learning", WARNING, "budget", "budget", line.id,
                          f"{capital(quote(line.description, 'device purchase'))} buys devices in "
                          f"{fy(line.first_year)}, but teachers' training for its goal starts only in {fy(first)}.",
                          "Move the training earlier or the purchase later, so teachers are ready first.")


def _users(plan: model.Plan) -> tuple[int, str]:
    """How many users the network must carry, and how to say it: students and staff, or devices if more."""
    people = plan.district.enrollment + plan.district.staff
    devices = sum(d.count for d in plan.devices)
    if devices > people:
        return devices, f"{devices:,} devices"
    return people, f"{plan.district.enrollment:,} students and {plan.district.staff:,} staff"


def _shortfalls(plan: model.Plan) -> list[str]:
    """Where the network falls below the plan's own targets, in words."""
    net = plan.network
    users, who = _users(plan)
    needed = -(-users * net.target_mbps_per_1000 // 1000)  # rounded up to a whole Mbps
    out = []
    if net.internet_mbps < needed:
        out.append(f"internet capacity is {net.internet_mbps:,} Mbps, below the plan's target of {needed:,} Mbps "
                   f"({net.target_mbps_per_1000:,} Mbps per 1,000 users, for {who})")
    if plan.district.schools > 1 and net.wan_mbps < net.target_wan_mbps:
        out.append(f"the WAN link between schools is {net.wan_mbps:,} Mbps, below the plan's target of "
                   f"{net.target_wan_mbps:,} Mbps")
    return out


def devices_without_network(facts: Facts) -> Iterator[Finding]:
    """Buying devices on a network below target blocks; a fleet on such a network is a warning."""
    if not (facts.device_lines or facts.plan.devices):
        return
    buying = bool(facts.device_lines)
    for shortfall in _shortfalls(facts.plan):
        if buying:
            yield Finding("devices-without-network", BLOCKING, "infrastructure", None, None,
                          f"The plan buys devices, but {shortfall}.",
                          "Raise capacity to the target before the devices arrive, or phase them in as it grows.")
        else:
            yield Finding("network-below-target", WARNING, "infrastructure", None, None,
                          f"{capital(shortfall)}.",
                          "Plan and budget the upgrade before adding devices.")


def wifi_coverage(facts: Facts) -> Iterator[Finding]:
    """New devices are only as useful as the Wi-Fi in the rooms they go to."""
    coverage = facts.plan.network.wifi_coverage_percent
    if facts.device_lines and coverage < 100:
        yield Finding("wifi-coverage", WARNING, "infrastructure", None, None,
                      f"The plan buys devices, but only {coverage}% of classrooms have Wi-Fi.",
                      "Bring Wi-Fi to every classroom that will use the new devices first.")


def device_no_refresh_cycle(facts: Facts) -> Iterator[Finding]:
    """A fleet with no refresh cycle has no date or budget for its replacement."""
    for fleet in facts.plan.devices:
        if fleet.count > 0 and fleet.refresh_cycle_years == 0:
            kind = facts.content.name_of("device_types", fleet.device_type) if fleet.device_type else "device"
            yield Finding("device-no-refresh-cycle", WARNING, "infrastructure", "devices", fleet.id,
                          f"The {kind} fleet ({fleet.count:,} devices) has no refresh cycle.",
                          "Say how many years they stay in service, and budget their replacement.")
