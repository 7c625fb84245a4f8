"""Evaluation and rollout: outcomes students experience, a review while there is time, a pilot, the right team.

A plan is evaluated by what students experience, not by what the district did
("devices distributed"); it needs a progress review early enough to change
course, a device pilot before a purchase for a large share of enrollment, and
a team with the people who pay for it, teach with it and live with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from itertools import groupby

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, capital, day_text, listing, quote, rollout_facts
from summit_app.plan.checks.findings import ADVICE, WARNING, Finding
from summit_app.plan.rollout import DeviceRollout, delivery_of
from summit_app.plan.team import TEAM_SEATS

#: Things a district counts about its own work (outputs), and what it does to them. A measure naming one of
#: these followed, within three words, by one of those ("devices distributed", "number of teachers trained",
#: "teachers completing the core pathway", "accounts created", "apps purchased") counts outputs, not outcomes.
OUTPUT_THINGS = ("devices", "chromebooks", "laptops", "tablets", "computers", "hotspots", "accounts", "apps",
                 "licenses", "licences", "teachers", "staff", "sessions", "workshops", "trainings")
OUTPUT_DEEDS = ("distributed", "deployed", "purchased", "bought", "delivered", "issued", "created", "installed",
                "trained", "held", "completing", "completed", "attending", "attended")
_OUTPUT = re.compile(rf"\b(?:{'|'.join(OUTPUT_THINGS)})\b(?:\W+\w+){{0,3}}?\W+(?:{'|'.join(OUTPUT_DEEDS)})\b",
                     re.IGNORECASE)

#: A purchase covering more than this share of enrollment should follow a pilot.
PILOT_SHARE = 4  # a quarter


def measures_outputs(measure: str) -> bool:
    """Does ``measure`` count what the district did (devices distributed) rather than what students experience?"""
    return bool(_OUTPUT.search(measure))


def goal_output_measure(facts: Facts) -> Iterator[Finding]:
    """A goal measured by outputs shows the district was busy, not that students learn differently."""
    for goal in facts.plan.goals:
        if measures_outputs(goal.measure):
            yield Finding("goal-output-measure", WARNING, "vision", "goals", goal.id,
                          f"The goal {quote(goal.title, 'goal')} is measured by {quote(goal.measure, 'measure')}, "
                          "which counts what the district does, not what students experience.",
                          "Add a measure of what students do or achieve (such as students creating with technology "
                          "in classroom walkthroughs), with its baseline and target.")


def midpoint(plan: model.Plan) -> date:
    """The middle day of the plan's years (1 July of the first to 30 June of the last)."""
    years = plan.fiscal_years()
    start, end = date(years[0] - 1, 7, 1), date(years[-1], 6, 30)
    return start + (end - start) / 2


def no_review_milestone(facts: Facts) -> Iterator[Finding]:
    """A review after the midpoint comes too late to correct course (the E-Rate checklist's evaluation element)."""
    plan = facts.plan
    if not plan.milestones:
        return
    middle = midpoint(plan)
    if not any(m.kind == "review" and m.due_date and m.due_date < middle for m in plan.milestones):
        yield Finding("no-review-milestone", WARNING, "timeline", None, None,
                      f"No progress review is dated before the plan's midpoint, {day_text(middle)}, so nobody looks "
                      "at the goals' measures while there is still time to change course.",
                      f"Add a milestone of kind Progress review before {day_text(middle)}.")


def _first_pilot(facts: Facts) -> date | None:
    """The earliest pilot: a dated pilot milestone, or the delivery of a budget line marked as a device pilot."""
    days = [m.due_date for m in facts.plan.milestones if m.kind == "pilot" and m.due_date]
    days += [delivery_of(line) for line in facts.plan.budget if line.pilot]
    return min(days) if days else None


def _unpiloted(facts: Facts) -> Iterator[DeviceRollout]:
    """Large purchases of student devices with no pilot (milestone or pilot line), and no smaller purchase, before
    them. A pilot line is the test itself, never a purchase that needs one."""
    enrollment = facts.plan.district.enrollment
    first_pilot = _first_pilot(facts)
    lines = rollout_facts(facts).lines
    growing = [r for r in rollout_facts(facts).rollouts if r.students_added > 0 and not lines[r.line_id].pilot]
    smallest: int | None = None  # the smallest purchase delivered on an earlier day
    for day, same_day in groupby(growing, key=lambda r: r.delivery):
        batch = list(same_day)
        piloted = first_pilot is not None and first_pilot < day
        for r in batch:
            large = enrollment and r.students_added * PILOT_SHARE > enrollment
            if large and not piloted and (smallest is None or smallest >= r.students_added):
                yield r
        least = min(r.students_added for r in batch)
        smallest = least if smallest is None else min(smallest, least)


def no_device_pilot(facts: Facts) -> Iterator[Finding]:
    """Test several models with teachers and students before buying for a large share of enrollment."""
    enrollment = facts.plan.district.enrollment
    for r in _unpiloted(facts):
        line = rollout_facts(facts).lines[r.line_id]
        share = r.students_added * 100 // enrollment
        yield Finding("no-device-pilot", WARNING, "budget", "budget", line.id,
                      f"{capital(quote(line.description, 'device purchase'))} adds {r.students_added:,} student "
                      f"devices ({share}% of enrollment) on {day_text(r.delivery)} with no device pilot before it.",
                      "Test several models with teachers and students first: add a pilot milestone, or a smaller "
                      "purchase marked as a device pilot, before this one.")


def team_composition(facts: Facts) -> Iterator[Finding]:
    """Finance keeps the plan affordable, teachers keep it practical, families and partners keep it trusted."""
    members = facts.plan.members
    if not members:
        return
    roles = {m.role for m in members}
    missing = [seat for seat, filled_by in TEAM_SEATS if not roles & filled_by]
    if missing:
        yield Finding("team-composition", ADVICE, "district", None, None,
                      f"The planning team has {listing(['no ' + m.removeprefix('a ') for m in missing], 'and')}.",
                      f"Invite {listing(missing, 'and')} to the table: the plan needs the people who pay for it, "
                      "teach with it and live with it.")
