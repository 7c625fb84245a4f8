"""Plan before you purchase: devices need trained teachers and network capacity behind them.

Each device line is read on its delivery date (``plan.rollout``): the network then
in effect must carry the users it serves, and its teachers' training must have
started, and mostly finished, before the devices arrive.
"""

from __future__ import annotations

from collections.abc import Iterator

from summit_app.plan import model, rollout
from summit_app.plan.checks.facts import (
    Facts,
    capital,
    day_text,
    hours_phrase,
    hours_text,
    quote,
    rollout_facts,
)
from summit_app.plan.checks.findings import BLOCKING, WARNING, Finding
from summit_app.plan.network import (
    FLOOR_MBPS_PER_1000,
    REFERENCE_MBPS_PER_1000,
    capacity_after_upgrades,
    internet_threshold_per_1000,
    mbps_for,
    reference_internet_mbps,
    students_per_school,
    wan_target_mbps,
)
from summit_app.plan.rollout import TRAINING_DOSE_HOURS, DeviceRollout

_TRAIN_FIRST = ("Plan training in teaching with them for the teachers who will use them, linked to the same goal, "
                "before the devices arrive; a compliance course or orientation does not count.")


def _line_name(line: model.BudgetLine) -> str:
    return capital(quote(line.description, "device purchase"))


def _no_learning(facts: Facts, line: model.BudgetLine) -> str | None:
    """Why no training stands behind a device line, or ``None`` when some does (compliance courses do not count)."""
    name = _line_name(line)
    rollout = rollout_facts(facts)
    if line.goal_id is None:
        return None if rollout.teacher_training else f"{name} buys devices, but the plan has no training for teachers."
    if any(rollout.counts(a) for a in facts.teacher_learning_by_goal.get(line.goal_id, [])):
        return None
    goal = facts.goals.get(line.goal_id)
    return (f"{name} buys devices, but no training for teachers serves its goal "
            f"{quote(goal.title if goal else '', 'goal')}.")


def devices_without_learning(facts: Facts) -> Iterator[Finding]:
    """Devices without prepared teachers sit unused: each purchase needs teacher training behind it.

    An acceptable-use video or an orientation (purpose ``compliance``) is not training for teaching.
    """
    for line in facts.device_lines:
        message = _no_learning(facts, line)
        if message:
            yield Finding("devices-without-learning", BLOCKING, "budget", "budget", line.id, message, _TRAIN_FIRST)


def _late_training(facts: Facts, r: DeviceRollout) -> Finding:
    line = rollout_facts(facts).lines[r.line_id]
    when = (f"training for its teachers starts only on {day_text(r.first_training)}" if r.first_training
            else "none of its teachers' training has a start date")
    return Finding("devices-before-learning", BLOCKING, "budget", "budget", line.id,
                   f"{_line_name(line)} arrives on {day_text(r.delivery)}, but {when}: devices that come before "
                   "trained teachers sit unused.",
                   "Start the teachers' training before the devices arrive, or set a later delivery date.")


def _has_training(facts: Facts, r: DeviceRollout) -> bool:
    line = rollout_facts(facts).lines[r.line_id]
    return _no_learning(facts, line) is None


def devices_before_learning(facts: Facts) -> Iterator[Finding]:
    """Training must start before the devices arrive: by date, so training months later in the same year is caught."""
    for r in rollout_facts(facts).rollouts:
        if not r.training_started_before and _has_training(facts, r):
            yield _late_training(facts, r)


def training_dose_low(facts: Facts) -> Iterator[Finding]:
    """Below 14 hours per teacher, professional development showed no effect on achievement (Yoon et al., 2007)."""
    for r in rollout_facts(facts).rollouts:
        if r.training_started_before and r.training_hours_per_teacher < TRAINING_DOSE_HOURS:
            line = rollout_facts(facts).lines[r.line_id]
            yield Finding(
                "training-dose-low", WARNING, "budget", "budget", line.id,
                f"{_line_name(line)} reaches {r.teachers_served:,} teachers' classrooms on {day_text(r.delivery)} "
                f"with {hours_phrase(r.training_hours_per_teacher)} of training per teacher before delivery; "
                f"programmes of {hours_text(TRAINING_DOSE_HOURS)} hours or less showed no effect on achievement.",
                f"Plan well over {hours_text(TRAINING_DOSE_HOURS)} hours per teacher (about 49 hours raised "
                "achievement markedly), finished before the devices arrive, or deliver them later.")


def _who(facts: Facts, users: int) -> str:
    """Whom the network carries, in words: students and staff, or devices if there are more."""
    district = facts.plan.district
    if users > district.enrollment + district.staff:
        return f"{users:,} devices"
    return f"{district.enrollment:,} students and {district.staff:,} staff"


def _internet_basis(plan: model.Plan) -> str:
    """The figure a purchase is held to, in words: the plan's own target, or the floor when that is lower."""
    target = plan.network.target_mbps_per_1000
    if target < FLOOR_MBPS_PER_1000:
        return f"the short-term floor of {FLOOR_MBPS_PER_1000:,} Mbps per 1,000 users"
    return f"the plan's target of {target:,} Mbps per 1,000 users"


def _reference_note(plan: model.Plan, users: int) -> str:
    """The long-term reference, when the plan holds itself to less."""
    if internet_threshold_per_1000(plan) >= REFERENCE_MBPS_PER_1000:
        return ""
    return f" The long-term reference is 1 Gbps per 1,000 users: {reference_internet_mbps(users):,} Mbps."


def _internet_block(facts: Facts, r: DeviceRollout, line: model.BudgetLine) -> Finding:
    plan = facts.plan
    return Finding(
        "devices-without-network", BLOCKING, "infrastructure", "budget", line.id,
        f"{_line_name(line)} adds {r.students_added:,} student devices on {day_text(r.delivery)}, when internet "
        f"capacity will be {r.capacity.internet_mbps:,} Mbps, below the {r.needed_internet_mbps:,} Mbps "
        f"{_internet_basis(plan)} calls for ({_who(facts, r.users)}).{_reference_note(plan, r.users)}",
        f"Schedule an upgrade to at least {r.needed_internet_mbps:,} Mbps that takes effect before "
        f"{day_text(r.delivery)}, or deliver the devices after it.")


def _wan_basis(plan: model.Plan) -> str:
    if plan.network.target_wan_mbps:
        return "the plan's per-school target"
    return (f"the reference of 10 Gbps per 1,000 students calls for "
            f"(schools of about {students_per_school(plan):,} students)")


def _wan_block(facts: Facts, r: DeviceRollout, line: model.BudgetLine) -> Finding:
    target = wan_target_mbps(facts.plan)
    return Finding(
        "devices-without-network", BLOCKING, "infrastructure", "budget", line.id,
        f"{_line_name(line)} adds {r.students_added:,} student devices on {day_text(r.delivery)}, when each school's "
        f"WAN link will carry {r.capacity.wan_mbps:,} Mbps, below the {target:,} Mbps {_wan_basis(facts.plan)}.",
        f"Schedule WAN links of at least {target:,} Mbps per school that take effect before "
        f"{day_text(r.delivery)}, or deliver the devices after them.")


def _growing(facts: Facts) -> Iterator[tuple[DeviceRollout, model.BudgetLine]]:
    """Rollouts that add student devices, with their lines: only net growth can overload the network."""
    rollout = rollout_facts(facts)
    for r in rollout.rollouts:
        if r.students_added > 0:
            yield r, rollout.lines[r.line_id]


def users_carried(facts: Facts) -> int:
    """Users the network carries once the plan is done (``rollout.users_carried``)."""
    return rollout.users_carried(facts.plan, facts.device_lines)


def _fleet_shortfalls(facts: Facts) -> list[str]:
    """Where the network, after every planned upgrade, stays below what the plan holds itself to, in words."""
    plan = facts.plan
    capacity = capacity_after_upgrades(plan)
    users = users_carried(facts)
    needed = mbps_for(users, internet_threshold_per_1000(plan))
    out = []
    if capacity.internet_mbps < needed:
        out.append(f"internet capacity is {capacity.internet_mbps:,} Mbps, below the {needed:,} Mbps "
                   f"{_internet_basis(plan)} calls for ({_who(facts, users)})")
    if plan.district.schools > 1 and capacity.wan_mbps < wan_target_mbps(plan):
        out.append(f"each school's WAN link carries {capacity.wan_mbps:,} Mbps, below the "
                   f"{wan_target_mbps(plan):,} Mbps {_wan_basis(plan)}")
    return out


def devices_without_network(facts: Facts) -> Iterator[Finding]:
    """New student devices on a network below target on their delivery date block; a fleet on one is a warning.

    The threshold is the team's own target but never below the short-term floor, so
    lowering the target cannot lift a block. Replacements and staff devices add
    no load of their own and never block; devices already in service count as load.
    """
    growing = list(_growing(facts))
    wan_target = wan_target_mbps(facts.plan) if facts.plan.district.schools > 1 else 0
    for r, line in growing:
        if r.capacity.internet_mbps < r.needed_internet_mbps:
            yield _internet_block(facts, r, line)
        if r.capacity.wan_mbps < wan_target:
            yield _wan_block(facts, r, line)
    if not growing and (facts.device_lines or facts.plan.devices):
        for shortfall in _fleet_shortfalls(facts):
            yield Finding("network-below-target", WARNING, "infrastructure", None, None, f"{capital(shortfall)}.",
                          "Plan and budget the upgrade before adding devices.")


def wifi_coverage(facts: Facts) -> Iterator[Finding]:
    """New devices are only as useful as the Wi-Fi in the rooms they go to on the day they arrive."""
    for r, line in _growing(facts):
        if r.capacity.wifi_coverage_percent < 100:
            yield Finding("wifi-coverage", WARNING, "infrastructure", "budget", line.id,
                          f"{_line_name(line)} adds {r.students_added:,} student devices on {day_text(r.delivery)}, "
                          f"when only {r.capacity.wifi_coverage_percent}% of classrooms will have Wi-Fi.",
                          "Schedule Wi-Fi for every classroom that will use them before they arrive, "
                          "or deliver them later.")


def device_no_refresh_cycle(facts: Facts) -> Iterator[Finding]:
    """A fleet with no refresh cycle has no date or budget for its replacement."""
    for fleet in facts.plan.devices:
        if fleet.count > 0 and fleet.refresh_cycle_years == 0:
            kind = facts.content.name_of("device_types", fleet.device_type) if fleet.device_type else "device"
            yield Finding("device-no-refresh-cycle", WARNING, "infrastructure", "devices", fleet.id,
                          f"The {kind} fleet ({fleet.count:,} devices) has no refresh cycle.",
                          "Say how many years they stay in service, and budget their replacement.")
