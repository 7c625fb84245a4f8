"""Each device purchase as it arrives: the network it lands on, the students it adds, the teachers ready for it.

"Plan before you purchase" is a statement about dates: the network upgrade and
the teachers' training must come before the devices, not merely in the same
plan. So every device line is read on its delivery date (the first day of its
first fiscal year when the team gives none).

Training counts only when it is about teaching with technology (an
acceptable-use video or an orientation is not) and only for teachers. The dose
is the training's person-hours that finish before delivery, shared among the
teachers the purchase serves: the district's teachers in proportion to the
students the devices cover.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.network import Capacity, capacity_on, internet_threshold_per_1000, mbps_for

#: The research's threshold: programmes of 14 hours or less showed no effect on achievement (Yoon et al., 2007).
TRAINING_DOSE_HOURS = Decimal(14)
_CENTS = Decimal("0.01")


@dataclass(frozen=True)
class DeviceRollout:
    """One device line on the day it arrives."""

    line_id: str
    delivery: date
    students_added: int  # net growth of student devices (0 for a replacement or staff devices)
    capacity: Capacity  # the network in effect on the delivery date
    needed_internet_mbps: int  # what the users then served need at the plan's threshold
    teachers_served: int
    training_hours_per_teacher: Decimal  # instructional hours per teacher served, finished before delivery
    training_started_before: bool  # some counting training for these teachers starts before delivery
    students_covered: int = 0  # students the devices reach (0 for staff devices)
    users: int = 0  # users the network carries on the delivery date: people, or devices if more
    first_training: date | None = None  # when the counting training for these teachers first starts, if ever


def delivery_of(line: model.BudgetLine) -> date:
    """When a line's devices arrive: its delivery date, or 1 July that opens its first fiscal year.

    A year outside the calendar's range (a plan not yet checked against the domain
    rules) is held to it, so the checks never fail on one.
    """
    return line.delivery_date or date(min(max(line.first_year - 1, MINYEAR), MAXYEAR), 7, 1)


def _flagged(content: Content, vocabulary: str, attribute: str) -> frozenset[str]:
    return frozenset(e.id for e in content.vocabulary(vocabulary) if e.get(attribute))


def counts_as_training(content: Content) -> frozenset[str]:
    """Purposes that count as training for teaching with technology ("" is read as the default, instruction)."""
    return _flagged(content, "pd_purposes", "counts_as_training") | {""}


#: Words that make an untyped devices line equipment for devices (cases, carts, chargers…), not devices.
ACCESSORY_WORDS = frozenset({
    "accessories", "accessory", "adapter", "adapters", "bag", "bags", "cable", "cables", "cart", "carts", "case",
    "cases", "charger", "chargers", "charging", "cover", "covers", "headphones", "headset", "headsets", "keyboard",
    "keyboards", "lock", "locks", "mount", "mounts", "sleeve", "sleeves", "stylus", "styluses", "warranty"})


def is_device_line(line: model.BudgetLine, role: str) -> bool:
    """Does ``line`` buy devices? Its category's role is devices and, when it names no device type, its
    description says nothing else: "Protective cases" or "Charging carts" filed under devices are equipment
    for devices, and add no device to teach with, to connect, to repair or to replace."""
    if role != "devices":
        return False
    if line.device_type:
        return True
    words = "".join(c if c.isalnum() else " " for c in line.description.lower()).split()
    return ACCESSORY_WORDS.isdisjoint(words)


def device_lines(plan: model.Plan, content: Content) -> list[model.BudgetLine]:
    """The plan's device purchases: lines whose cost category has the devices role (``is_device_line``)."""
    roles = {e.id: str(e.get("role", e.id)) for e in content.vocabulary("cost_categories")}
    return [line for line in plan.budget if is_device_line(line, roles.get(line.category, ""))]


class _Reader:
    """The look-ups one reading of the plan needs, built once."""

    def __init__(self, plan: model.Plan, content: Content) -> None:
        self.plan = plan
        self.student_types = _flagged(content, "device_types", "student_device") | {""}
        teachers = _flagged(content, "pd_audiences", "teachers")
        purposes = counts_as_training(content)
        self.training = [a for a in plan.learning if a.audience in teachers and a.purpose in purposes]
        self.by_goal: dict[str, list[model.LearningActivity]] = defaultdict(list)
        for activity in self.training:
            for goal_id in activity.goal_ids:
                self.by_goal[goal_id].append(activity)

    def students_covered(self, line: model.BudgetLine) -> int:
        if line.device_users == "staff":
            return 0
        enrollment = self.plan.district.enrollment
        return min(line.quantity, enrollment) if enrollment else line.quantity

    def students_added(self, line: model.BudgetLine) -> int:
        grows = not line.replaces_devices and line.device_users != "staff" and line.device_type in self.student_types
        return line.quantity if grows else 0

    def teachers_served(self, covered: int) -> int:
        """The district's teachers in proportion to the students covered, at least one."""
        district = self.plan.district
        if not district.enrollment:
            return max(1, district.teachers)
        share = Decimal(district.teachers * covered) / district.enrollment
        return max(1, int(share.to_integral_value(rounding=ROUND_HALF_UP)))

    def activities_for(self, line: model.BudgetLine) -> list[model.LearningActivity]:
        """Training that prepares the line's teachers: under its goal, or any when it has none."""
        return self.by_goal.get(line.goal_id, []) if line.goal_id else self.training


def _hours_finished_before(activities: list[model.LearningActivity], day: date) -> Decimal:
    """Person-hours of the activities that end before ``day`` (one with no end date ends the day it starts)."""
    total = Decimal(0)
    for activity in activities:
        end = activity.end_date or activity.start_date
        if end is not None and end < day:
            total += activity.hours * activity.participants
    return total


def _first_start(activities: list[model.LearningActivity]) -> date | None:
    starts = [a.start_date for a in activities if a.start_date]
    return min(starts) if starts else None


def _devices_by_day(plan: model.Plan, lines: list[model.BudgetLine]) -> dict[date, int]:
    """Devices in service on each delivery date: the fleets, and every purchase (not replacement) arrived by then."""
    added: dict[date, int] = defaultdict(int)
    for line in lines:
        if not line.replaces_devices:
            added[delivery_of(line)] += line.quantity
    in_service = sum(f.count for f in plan.devices)
    out: dict[date, int] = {}
    for day in sorted(added):
        in_service += added[day]
        out[day] = in_service
    return out


def users_carried(plan: model.Plan, lines: list[model.BudgetLine]) -> int:
    """Users the network carries once the plan is done: students and staff, or the devices in service if more
    (today's fleets and the devices ``lines`` add; replacements add none)."""
    devices = sum(f.count for f in plan.devices) + sum(line.quantity for line in lines if not line.replaces_devices)
    return max(plan.district.enrollment + plan.district.staff, devices)


def device_rollouts(plan: model.Plan, content: Content) -> list[DeviceRollout]:
    """One reading per device line, in order of delivery."""
    reader = _Reader(plan, content)
    lines = sorted(device_lines(plan, content), key=delivery_of)
    devices = _devices_by_day(plan, lines)
    people = plan.district.enrollment + plan.district.staff
    per_1000 = internet_threshold_per_1000(plan)
    out = []
    for line in lines:
        day = delivery_of(line)
        covered = reader.students_covered(line)
        teachers = reader.teachers_served(covered)
        activities = reader.activities_for(line)
        first = _first_start(activities)
        users = max(people, devices.get(day, 0))
        per_teacher = (_hours_finished_before(activities, day) / teachers).quantize(_CENTS, rounding=ROUND_DOWN)
        out.append(DeviceRollout(
            line.id, day, reader.students_added(line), capacity_on(plan, day), mbps_for(users, per_1000), teachers,
            per_teacher, first is not None and first < day, covered, users, first))
    return out
