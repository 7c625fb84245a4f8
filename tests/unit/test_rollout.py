"""Each device purchase on its delivery date: students added, network in effect, teachers and their training."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from plan_builders import change

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.network import Capacity
from summit_app.plan.rollout import DeviceRollout, delivery_of, device_rollouts

GOAL = "goal-1to1"


def _activity(activity_id: str, start: date, end: date | None, *, hours: str = "10", participants: int = 100,
              audience: str = "teachers", purpose: str = "instruction",
              goals: tuple[str, ...] = (GOAL,)) -> model.LearningActivity:
    return model.LearningActivity(activity_id, activity_id, "workshop", audience, participants, Decimal(hours),
                                  "in-person", start, end, goals, purpose)


def _line(line_id: str, quantity: int, *, first_year: int = 2028, delivery: date | None = None,
          users: str = "students", replaces: bool = False, device_type: str = "chromebook",
          goal: str | None = GOAL) -> model.BudgetLine:
    return model.BudgetLine(line_id, line_id, "devices", goal, False, Decimal("250.00"), quantity, first_year,
                            first_year, device_type=device_type, device_users=users, replaces_devices=replaces,
                            delivery_date=delivery)


def _plan(lines: tuple[model.BudgetLine, ...], learning: tuple[model.LearningActivity, ...] = ()) -> model.Plan:
    return model.Plan(
        district=model.District(enrollment=10_000, schools=10, staff=1_000, teachers=600, first_fiscal_year=2027),
        network=model.Network(internet_mbps=5_000, wan_mbps=10_000, wifi_coverage_percent=80),
        devices=(model.DeviceFleet("fleet", "chromebook", "students", 2_000, 2, 4),),
        upgrades=(model.NetworkUpgrade("up", "Circuit", date(2027, 7, 1), internet_mbps=12_000,
                                       wifi_coverage_percent=100),),
        budget=lines, learning=learning)


def _by_line(plan: model.Plan, content: Content) -> dict[str, DeviceRollout]:
    return {r.line_id: r for r in device_rollouts(plan, content)}


def test_delivery_defaults_to_the_first_day_of_the_lines_first_fiscal_year() -> None:
    assert delivery_of(_line("a", 1, first_year=2028)) == date(2027, 7, 1)
    assert delivery_of(_line("a", 1, delivery=date(2028, 2, 1))) == date(2028, 2, 1)
    assert delivery_of(_line("a", 1, first_year=0)) == date(1, 7, 1)  # never a crash on a plan not yet validated


def test_rollouts_come_in_delivery_order_with_the_network_then_in_effect(content: Content) -> None:
    plan = _plan((_line("late", 3_000, first_year=2028, delivery=date(2027, 9, 1)),
                  _line("early", 1_000, first_year=2027)))
    rollouts = device_rollouts(plan, content)
    assert [r.line_id for r in rollouts] == ["early", "late"]
    early, late = rollouts
    assert (early.delivery, early.capacity) == (date(2026, 7, 1), Capacity(5_000, 10_000, 80))
    assert (late.delivery, late.capacity) == (date(2027, 9, 1), Capacity(12_000, 10_000, 100))


def test_users_are_people_or_devices_in_service_if_more(content: Content) -> None:
    plan = _plan((_line("first", 5_000, first_year=2027), _line("second", 6_000, first_year=2028)))
    first, second = device_rollouts(plan, content)
    assert (first.users, first.needed_internet_mbps) == (11_000, 11_000)  # 7,000 devices < 11,000 people
    assert (second.users, second.needed_internet_mbps) == (13_000, 13_000)  # 2,000 + 5,000 + 6,000 devices


def test_only_new_student_devices_are_net_growth(content: Content) -> None:
    plan = _plan((_line("new", 500), _line("refresh", 500, replaces=True), _line("staff", 500, users="staff"),
                  _line("displays", 500, device_type="interactive-display"), _line("legacy", 500, device_type="")))
    added = {k: r.students_added for k, r in _by_line(plan, content).items()}
    assert added == {"new": 500, "refresh": 0, "staff": 0, "displays": 0, "legacy": 500}


def test_teachers_served_are_in_proportion_to_students_covered(content: Content) -> None:
    plan = _plan((_line("grade9", 2_500), _line("staff", 600, users="staff"), _line("one", 1)))
    rollouts = _by_line(plan, content)
    assert rollouts["grade9"].teachers_served == 150  # a quarter of 600 teachers
    assert rollouts["staff"].teachers_served == 1
    assert rollouts["one"].teachers_served == 1


def test_training_counts_teacher_instruction_that_finishes_before_delivery(content: Content) -> None:
    learning = (
        _activity("done", date(2026, 9, 1), date(2027, 5, 1), hours="10", participants=150),  # 1,500 h
        _activity("one-day", date(2027, 6, 1), None, hours="2", participants=75),  # 150 h, ends the day it starts
        _activity("running", date(2027, 3, 1), date(2027, 12, 1), hours="30", participants=150),  # ends after
        _activity("video", date(2026, 8, 1), date(2026, 8, 1), hours="0.5", participants=600, purpose="compliance"),
        _activity("leaders", date(2026, 8, 1), date(2026, 8, 3), hours="21", participants=20, audience="principals"),
        _activity("other-goal", date(2026, 8, 1), date(2026, 8, 3), hours="21", goals=("goal-other",)),
    )
    [rollout] = device_rollouts(_plan((_line("grade9", 2_500),), learning), content)
    assert rollout.training_hours_per_teacher == Decimal("11.00")  # (1,500 + 150) ÷ 150 teachers
    assert rollout.training_started_before
    assert rollout.first_training == date(2026, 9, 1)


def test_a_line_without_goal_counts_any_teacher_training(content: Content) -> None:
    learning = (_activity("other-goal", date(2026, 8, 1), date(2026, 8, 3), hours="21", participants=150,
                          goals=("goal-other",)),)
    plan = _plan((_line("grade9", 2_500, goal=None),), learning)
    [rollout] = device_rollouts(plan, content)
    assert rollout.training_hours_per_teacher == Decimal("21.00")
    [with_goal] = device_rollouts(change(plan, "budget", "grade9", goal_id=GOAL), content)
    assert (with_goal.training_hours_per_teacher, with_goal.training_started_before) == (Decimal("0.00"), False)


def test_training_that_starts_on_or_after_delivery_has_not_started_before_it(content: Content) -> None:
    learning = (_activity("after", date(2027, 7, 1), date(2027, 7, 3)),)
    [rollout] = device_rollouts(_plan((_line("grade9", 2_500),), learning), content)
    assert (rollout.training_started_before, rollout.first_training) == (False, date(2027, 7, 1))
    assert rollout.training_hours_per_teacher == Decimal("0.00")


def test_the_users_a_network_carries_are_people_or_devices_whichever_is_more() -> None:
    from summit_app.plan.rollout import users_carried

    plan = model.Plan(district=model.District(enrollment=100, staff=10),
                      devices=(model.DeviceFleet("fleet", "chromebook", "students", 90),))
    grow = model.BudgetLine("grow", "Chromebooks", "devices", quantity=40, device_type="chromebook")
    refresh = model.BudgetLine("refresh", "Refresh", "devices", quantity=90, device_type="chromebook",
                               replaces_devices=True)
    assert users_carried(plan, []) == 110
    assert users_carried(plan, [refresh]) == 110
    assert users_carried(plan, [grow, refresh]) == 130
