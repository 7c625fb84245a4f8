"""Professional learning: training is the main lever, so every activity must be real."""

from __future__ import annotations

from collections.abc import Iterator

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, capital, listing, quote
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
    """Leaders who have not learned the change cannot lead it."""
    learning = facts.plan.learning
    if learning and not any(a.audience in facts.leadership_audiences for a in learning):
        yield Finding("no-leadership-learning", WARNING, "learning", None, None,
                      "No professional learning is planned for principals or the leadership team.",
                      "Leaders learn first: add a leadership cohort or institute so they can lead the change.")


def no_teacher_learning(facts: Facts) -> Iterator[Finding]:
    """Training teachers is the main lever of any rollout."""
    if facts.plan.learning and not facts.teacher_learning:
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
