"""Professional learning: training is the main lever, so every activity must be real."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.checks.facts import (
    Facts,
    capital,
    day_text,
    hours_phrase,
    hours_text,
    listing,
    quote,
    rollout_facts,
)
from summit_app.plan.checks.findings import ADVICE, WARNING, Finding


def _learning_missing(activity: model.LearningActivity) -> list[str]:
    return [label for label, value in (("hours", activity.hours > 0), ("audience", activity.audience),
                                       ("participants", activity.participants > 0)) if not value]


def learning_incomplete(facts: Facts) -> Iterator[Finding]:
    """An activity with no hours, audience or participants cannot be costed or scheduled."""
    for activity in facts.plan.learning:
        missing = _learning_missing(activity)
        if missing:
            yield Finding("learning-incomplete", WARNING, "learning", "learning", activity.id,
                          f"{capital(quote(activity.title, 'activity'))} has no {listing(missing)}.",
                          "Say who it is for, how many will take part and how many hours each spends.")


def no_leadership_learning(facts: Facts) -> Iterator[Finding]:
    """Leaders who have not learned the change cannot lead it (a compliance course or orientation does not count)."""
    if facts.plan.learning and not rollout_facts(facts).leadership_training:
        yield Finding("no-leadership-learning", WARNING, "learning", None, None,
                      "No professional learning is planned for principals or the leadership team.",
                      "Leaders learn first: add a leadership cohort or institute so they can lead the change.")


def no_teacher_learning(facts: Facts) -> Iterator[Finding]:
    """Training teachers is the main lever of any rollout; a compliance course or orientation is not such training."""
    if facts.plan.learning and not rollout_facts(facts).teacher_training:
        yield Finding("no-teacher-learning", WARNING, "learning", None, None,
                      "No professional learning is planned for teachers.",
                      "Add training for teachers, such as a teacher leader network or coaching.")


def learning_without_goal(facts: Facts) -> Iterator[Finding]:
    """Training time should serve the plan's goals."""
    for activity in facts.plan.learning:
        if not activity.goal_ids:
            yield Finding("learning-no-goal", ADVICE, "learning", "learning", activity.id,
                          f"{capital(quote(activity.title, 'activity'))} serves no goal.",
                          "Link it to the goals it serves, so the plan shows why the time is spent.")


#: Fewer hours of learning than this per leader, in total, is a briefing, not preparation to lead the change.
LEADERSHIP_HOURS = Decimal(6)


def _first_start(activities: list[model.LearningActivity]) -> date | None:
    starts = [a.start_date for a in activities if a.start_date]
    return min(starts) if starts else None


def leadership_after_teachers(facts: Facts) -> Iterator[Finding]:
    """Leaders learn first: their learning should start before the teachers' training for the device rollout."""
    rollout = rollout_facts(facts)
    if not facts.device_lines:
        return
    teachers = _first_start(rollout.rollout_teacher_training)
    leaders = _first_start(rollout.leadership_training)
    if teachers and leaders and leaders >= teachers:
        yield Finding("leadership-after-teachers", WARNING, "learning", None, None,
                      f"Leaders' learning starts on {day_text(leaders)}, no earlier than the teachers' training for "
                      f"the device rollout ({day_text(teachers)}), so principals cannot lead what they have not "
                      "yet learned.",
                      "Start the leadership cohort or institute before the teachers' training.")


def _hours_per_leader(activities: list[model.LearningActivity]) -> Decimal:
    """Person-hours of leaders' learning over the leaders taking part (the largest group of each audience)."""
    leaders: dict[str, int] = defaultdict(int)
    for activity in activities:
        leaders[activity.audience] = max(leaders[activity.audience], activity.participants)
    people = sum(leaders.values())
    hours = sum((a.hours * a.participants for a in activities), Decimal(0))
    return hours / people if people else sum((a.hours for a in activities), Decimal(0))


def leadership_briefing_only(facts: Facts) -> Iterator[Finding]:
    """A one-hour briefing does not prepare principals to lead a rollout: leaders need real learning time."""
    activities = rollout_facts(facts).leadership_training
    if not activities:
        return
    per_leader = _hours_per_leader(activities)
    if per_leader < LEADERSHIP_HOURS:
        yield Finding("leadership-briefing-only", WARNING, "learning", "learning", activities[0].id,
                      f"Leaders get {hours_phrase(per_leader)} of learning each in all, a briefing rather than "
                      "the preparation they need to lead the change.",
                      f"Give principals and the leadership team at least {hours_text(LEADERSHIP_HOURS)} hours each, "
                      "such as an instructional leadership cohort with a three-day institute.")
