"""Training by dose and by date: what counts, how much each teacher gets before delivery, and leaders first."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from plan_builders import DELIVERY, GOAL, change, coherent_plan, without

from summit_app.plan import model
from summit_app.plan.checks import Finding, run_checks
from summit_app.plan.content import Content

TRAINING_RULES = {"devices-without-learning", "devices-before-learning", "training-dose-low", "no-teacher-learning",
                  "no-leadership-learning", "leadership-after-teachers", "leadership-briefing-only"}


@pytest.fixture(scope="module")
def good(content: Content) -> model.Plan:
    """The coherent plan: 1,000 Chromebooks on February 15, 2027 serve 67 of its 200 teachers."""
    return coherent_plan(content)


def training_findings(plan: model.Plan, content: Content) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule in TRAINING_RULES]


def _teacher_training(plan: model.Plan, **changes: object) -> model.Plan:
    return change(plan, "learning", "pd-teachers", **changes)


def test_a_half_hour_acceptable_use_video_marked_compliance_is_no_training(good: model.Plan, content: Content) -> None:
    video = _teacher_training(good, title="Acceptable use video", component="online-course", hours=Decimal("0.50"),
                              participants=200, purpose="compliance")
    found = training_findings(video, content)
    assert {(f.rule, f.severity) for f in found} == {("devices-without-learning", "blocking"),
                                                     ("no-teacher-learning", "warning")}
    assert {f.item_id for f in found if f.blocking} == {"line-devices"}
    assert all(f.fix.endswith("a compliance course or orientation does not count.") for f in found if f.blocking)


def test_a_half_hour_video_counted_as_instruction_is_far_below_the_dose(good: model.Plan, content: Content) -> None:
    video = _teacher_training(good, hours=Decimal("0.50"), participants=67)
    [finding] = [f for f in training_findings(video, content) if f.item_id == "line-devices"]
    assert (finding.rule, finding.severity) == ("training-dose-low", "warning")
    assert finding.message == ("“Student Chromebooks” reaches 67 teachers' classrooms on February 15, 2027 with "
                               "0.5 hours of training per teacher before delivery; programmes of 14 hours or less "
                               "showed no effect on achievement.")
    assert finding.fix.startswith("Plan well over 14 hours per teacher")


def test_the_dose_is_shown_to_a_tenth_of_an_hour(good: model.Plan, content: Content) -> None:
    plan = _teacher_training(good, hours=Decimal("6.50"), participants=67)
    [finding] = [f for f in training_findings(plan, content) if f.item_id == "line-devices"]
    assert "6.5 hours of training per teacher before delivery" in finding.message


def test_fourteen_hours_per_teacher_is_enough(good: model.Plan, content: Content) -> None:
    assert training_findings(_teacher_training(good, hours=Decimal("14.00"), participants=67), content) == []
    [low] = training_findings(_teacher_training(good, hours=Decimal("13.99"), participants=67), content)
    assert "13.9 hours" in low.message


def test_training_months_after_delivery_in_the_same_fiscal_year_blocks(good: model.Plan, content: Content) -> None:
    # Devices on February 15, 2027, training from March to May 2027: both in FY2027.
    plan = _teacher_training(good, start_date=date(2027, 3, 1), end_date=date(2027, 5, 1))
    found = training_findings(plan, content)
    assert {(f.rule, f.severity) for f in found} == {("devices-before-learning", "blocking")}
    assert found[0].message == ("“Student Chromebooks” arrives on February 15, 2027, but training for its teachers "
                                "starts only on March 1, 2027: devices that come before trained teachers sit unused.")


def test_training_on_the_delivery_day_has_not_started_before_it(good: model.Plan, content: Content) -> None:
    on_the_day = _teacher_training(good, start_date=DELIVERY, end_date=date(2027, 5, 1))
    assert {f.rule for f in training_findings(on_the_day, content)} == {"devices-before-learning"}
    day_before = _teacher_training(good, start_date=date(2027, 2, 14), end_date=date(2027, 5, 1))
    assert {f.rule for f in training_findings(day_before, content)} == {"training-dose-low"}  # none finished yet


def test_undated_training_cannot_be_before_delivery(good: model.Plan, content: Content) -> None:
    plan = _teacher_training(good, start_date=None, end_date=None)
    [finding] = training_findings(plan, content)
    assert finding.message.endswith("but none of its teachers' training has a start date: devices that come before "
                                    "trained teachers sit unused.")


def test_training_for_other_audiences_does_not_prepare_teachers(good: model.Plan, content: Content) -> None:
    plan = _teacher_training(good, audience="paraprofessionals")
    assert {f.rule for f in training_findings(plan, content)} == {"devices-without-learning", "no-teacher-learning"}


def test_a_device_line_without_goal_counts_any_teacher_training(good: model.Plan, content: Content) -> None:
    plan = change(_teacher_training(good, goal_ids=("goal-other",)), "budget", "line-devices", goal_id=None)
    plan = plan.replace(goals=(*plan.goals, model.Goal("goal-other", "Literacy", gear="cia")))
    found = [f for f in training_findings(plan, content) if f.item_id == "line-devices"]
    assert found == []


def test_a_one_hour_leadership_briefing_is_not_leadership_learning(good: model.Plan, content: Content) -> None:
    briefing = change(good, "learning", "pd-leaders", title="Principals' briefing", hours=Decimal("1.00"))
    [finding] = training_findings(briefing, content)
    assert (finding.rule, finding.severity, finding.item_id) == ("leadership-briefing-only", "warning", "pd-leaders")
    assert finding.message == ("Leaders get 1 hour of learning each in all, a briefing rather than the preparation "
                               "they need to lead the change.")
    assert training_findings(change(good, "learning", "pd-leaders", hours=Decimal("6.00")), content) == []


def test_hours_per_leader_add_up_across_activities_and_audiences(good: model.Plan, content: Content) -> None:
    plan = change(good, "learning", "pd-leaders", hours=Decimal("3.00"))  # 10 principals × 3 h
    council = model.LearningActivity("pd-council", "Leadership team council", "interdepartmental-collaboration",
                                     "leadership-team", 5, Decimal("12.00"), "in-person", date(2026, 8, 1),
                                     date(2026, 12, 1), (GOAL,))
    with_council = plan.replace(learning=(*plan.learning, council))  # (30 + 60) h ÷ 15 leaders = 6 h
    assert [f.rule for f in training_findings(plan, content)] == ["leadership-briefing-only"]
    assert training_findings(with_council, content) == []


def test_a_compliance_course_for_leaders_is_no_leadership_learning(good: model.Plan, content: Content) -> None:
    plan = change(good, "learning", "pd-leaders", purpose="compliance")
    assert [f.rule for f in training_findings(plan, content)] == ["no-leadership-learning"]


def test_leaders_learn_before_the_teachers_rollout_training(good: model.Plan, content: Content) -> None:
    same_day = change(good, "learning", "pd-leaders", start_date=date(2026, 8, 10), end_date=date(2026, 8, 12))
    [finding] = training_findings(same_day, content)
    assert finding.rule == "leadership-after-teachers"
    assert finding.message.startswith("Leaders' learning starts on August 10, 2026, no earlier than the teachers' "
                                      "training for the device rollout (August 10, 2026)")
    day_before = change(good, "learning", "pd-leaders", start_date=date(2026, 8, 9), end_date=date(2026, 8, 12))
    assert training_findings(day_before, content) == []
    no_devices = without(same_day, "budget", "line-devices", "line-repairs")
    assert training_findings(no_devices, content) == []
