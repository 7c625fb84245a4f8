"""Panes the team has not started: each one blocks the plan until it has content.

A new blank plan therefore shows one blocking finding per pane, which doubles
as the team's to-do list for the day.
"""

from __future__ import annotations

from collections.abc import Iterator

from summit_app.plan import model
from summit_app.plan.checks.facts import Facts, listing
from summit_app.plan.checks.findings import BLOCKING, Finding
from summit_app.plan.team import member_in_role


def _missing(plan: model.Plan) -> dict[str, list[str]]:
    """What each pane lacks before it counts as started (an empty list when started)."""
    d, v = plan.district, plan.vision
    wanted: dict[str, list[tuple[str, bool]]] = {
        "district": [("no district name", bool(d.name.strip())), ("no team members", bool(plan.members))],
        "readiness": [("no element scored", any(r.score is not None for r in plan.readiness))],
        "vision": [("no vision statement", bool(v.statement.strip())), ("no goals", bool(plan.goals))],
        "learning": [("no professional learning activities", bool(plan.learning))],
        "privacy": [("no apps in the privacy inventory", bool(plan.apps))],
        "infrastructure": [("no device fleet", bool(plan.devices))],
        "budget": [("no budget lines", bool(plan.budget)), ("no funding sources", bool(plan.funding))],
        "timeline": [("no milestones", bool(plan.milestones))],
        "review": [("no superintendent named to sign it", bool(plan.approval.superintendent_name.strip()))],
    }
    return {pane: [what for what, present in parts if not present] for pane, parts in wanted.items()}


_FIXES = {
    "district": "Enter the district's name and facts, and add everyone at the table to the team.",
    "readiness": "Score each framework element together as a team before setting goals.",
    "vision": "Write a short vision for students' learning, then a few goals that put it into practice.",
    "learning": "Plan training for leaders and teachers, to happen before any devices arrive.",
    "privacy": "List every app and service that holds student data, with its agreement status.",
    "infrastructure": "Record the devices the district has and will buy, with their refresh cycles.",
    "budget": "Add the plan's costs as budget lines and the money that pays for them as funding sources.",
    "timeline": "Add milestones with dates and owners, including points to review progress.",
    "review": "Enter the superintendent's name and title under approval details.",
}


EMPTY_PANE = "empty-pane"


def empty_panes(facts: Facts) -> Iterator[Finding]:
    """One blocking finding per pane the team has not started."""
    for pane, missing in _missing(facts.plan).items():
        if missing:
            message, fix = f"The plan has {listing(missing, 'and')} yet.", _FIXES[pane]
            if pane == "review":
                message, fix = _unsigned_approval(facts.plan, message, fix)
            yield Finding(EMPTY_PANE, BLOCKING, pane, None, None, message, fix)


def _unsigned_approval(plan: model.Plan, message: str, fix: str) -> tuple[str, str]:
    """When the roster already names the superintendent, say so and point at the button that copies it."""
    member = member_in_role(plan, "superintendent")
    if member is None:
        return message, fix
    return (f"The team lists {member.name} as superintendent, but the approval details do not yet name "
            "who signs the plan.",
            "Press “Fill in from the team” under Approval, or type the superintendent's name there.")
