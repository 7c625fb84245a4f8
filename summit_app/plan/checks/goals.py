"""Goals, readiness, timeline and frameworks: is the plan's intent complete and traceable?"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, capital, listing, quote
from summit_app.plan.checks.findings import ADVICE, WARNING, Finding
from summit_app.plan.content import Gear, Level
from summit_app.plan.coverage import coverage
from summit_app.plan.readiness import consensus_scores, gear_scores, level_of


def goal_incomplete(facts: Facts) -> Iterator[Finding]:
    """A goal without a measure, a baseline and a target, an owner and a date cannot be checked."""
    for goal in facts.plan.goals:
        missing = [label for label, value in (("measure", goal.measure.strip()), ("baseline", goal.baseline.strip()),
                                              ("target", goal.target.strip()), ("owner", goal.owner.strip()),
                                              ("due date", goal.due_date)) if not value]
        if missing:
            yield Finding("goal-incomplete", WARNING, "vision", "goals", goal.id,
                          f"The goal {quote(goal.title, 'goal')} has no {listing(missing)}.",
                          "Say how you will know it is met, where it stands today and where it should reach, "
                          "who answers for it, and by when.")


def _gear_scores(gear: Gear, scores: dict[str, int]) -> list[tuple[int, str]]:
    """(score, element id) of the gear's rated elements."""
    return [(scores[e.id], e.id) for e in gear.elements if e.id in scores]


def _low_gear(gear: Gear, score: Decimal, level: Level, rated: list[tuple[int, str]]) -> Finding:
    return Finding("readiness-gap-no-goal", WARNING, "readiness", "readiness", min(rated)[1],
                   f"{gear.name} scores {score} out of 10 ({level.name}), but no goal addresses it.",
                   f"Add a goal for {gear.name} in Vision & goals, or note here why it can wait.")


def readiness_gap_without_goal(facts: Facts) -> Iterator[Finding]:
    """Gears the team scored at the lowest readiness level should have a goal behind them.

    The level is read exactly as the Readiness pane and the PDF read it (the gear's
    one-decimal score through ``readiness.level_of``), so a gear at 3.8 is Envisioning
    everywhere and is not flagged here.
    """
    scores = consensus_scores(facts.plan)
    served = {g.gear for g in facts.plan.goals}
    lowest = facts.content.levels[0]
    for gear_id, score in gear_scores(facts.plan, facts.content).items():
        level = level_of(facts.content, score)
        if score is not None and level is not None and level.id == lowest.id and gear_id not in served:
            gear = facts.content.gear(gear_id)
            yield _low_gear(gear, score, level, _gear_scores(gear, scores))


def _milestone_missing(milestone: model.Milestone) -> list[str]:
    return [label for label, value in (("date", milestone.due_date), ("owner", milestone.owner.strip()),
                                       ("goal", milestone.goal_ids)) if not value]


def milestone_incomplete(facts: Facts) -> Iterator[Finding]:
    """Milestones turn intentions into work only with a date, an owner and a goal."""
    for milestone in facts.plan.milestones:
        missing = _milestone_missing(milestone)
        if missing:
            yield Finding("milestone-incomplete", ADVICE, "timeline", "milestones", milestone.id,
                          f"{capital(quote(milestone.title, 'milestone'))} has no {listing(missing)}.",
                          "Give each milestone a date, an owner and the goal it moves forward.")


def framework_gaps(facts: Facts) -> Iterator[Finding]:
    """ISTE conditions and E-Rate elements nothing addresses (once the plan has goals)."""
    if not facts.plan.goals:
        return
    result = coverage(facts.plan, facts.content)
    for vocabulary in ("iste_conditions", "erate_elements"):
        framework = result.framework(vocabulary)
        missing = [e.name for e in framework.missing()]
        if missing:
            yield Finding("framework-gap", ADVICE, "review", None, None,
                          f"{framework.name}: no goal, activity or budget line addresses "
                          f"{listing(missing, 'and')}.",
                          "Align a goal with each one in Vision & goals, or agree why the plan leaves it aside.")
