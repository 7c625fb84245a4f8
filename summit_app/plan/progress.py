"""How far the team has got on each pane: not started, under way, or complete.

Read from the plan alone (cheap: called after every edit) so the navigator can
show the table at a glance which steps still need them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.steps import STEPS

if TYPE_CHECKING:  # the checks load after the first paint, not with the navigator
    from summit_app.plan.checks.findings import Finding

EMPTY, STARTED, COMPLETE = "empty", "started", "complete"
#: The rule of the checks' "this step is empty" finding (``plan.checks.panes.EMPTY_PANE``).
EMPTY_PANE = "empty-pane"
STATE_NAMES = {EMPTY: "not started", STARTED: "in progress", COMPLETE: "complete"}


def _state(done: list[bool]) -> str:
    return COMPLETE if all(done) else STARTED if any(done) else EMPTY


def _district(plan: model.Plan, content: Content) -> str:
    d = plan.district
    return _state([bool(d.name), d.enrollment > 0, d.schools > 0, len(plan.members) >= 2])


def _readiness(plan: model.Plan, content: Content) -> str:
    scored = {r.id for r in plan.readiness if r.score is not None}
    elements = content.current_element_ids()
    return COMPLETE if elements <= scored else STARTED if scored else EMPTY


def _vision(plan: model.Plan, content: Content) -> str:
    measured = bool(plan.goals) and all(g.measure and g.owner for g in plan.goals)
    return _state([bool(plan.vision.statement.strip()), bool(plan.goals), measured])


def _learning(plan: model.Plan, content: Content) -> str:
    return _state([bool(plan.learning), bool(plan.learning) and all(a.goal_ids for a in plan.learning)])


def _privacy(plan: model.Plan, content: Content) -> str:
    rated = {p.id for p in plan.practices if p.rating is not None}
    return _state([bool(plan.apps), content.ids("practices") <= rated])


def _infrastructure(plan: model.Plan, content: Content) -> str:
    return _state([bool(plan.devices), plan.network.internet_mbps > 0])


def _budget(plan: model.Plan, content: Content) -> str:
    return _state([bool(plan.budget), bool(plan.funding)])


def _timeline(plan: model.Plan, content: Content) -> str:
    return _state([bool(plan.milestones), bool(plan.milestones) and all(m.due_date for m in plan.milestones)])


#: The messages a communication plan cannot do without: the board adopts the plan, and the public can read it.
ESSENTIAL_COMMUNICATIONS = ("board-adoption", "plan-posting")


def missing_communications(plan: model.Plan) -> list[str]:
    """The essential messages (``ESSENTIAL_COMMUNICATIONS``) the communication plan does not hold yet."""
    planned = {c.kind for c in plan.communications}
    return [kind for kind in ESSENTIAL_COMMUNICATIONS if kind not in planned]


def _community(plan: model.Plan, content: Content) -> str:
    """Complete with someone to learn from (a peer district or a lighthouse school) and the essential messages."""
    if not (plan.peers or plan.lighthouses or plan.communications):
        return EMPTY
    return COMPLETE if (plan.peers or plan.lighthouses) and not missing_communications(plan) else STARTED


def _review(plan: model.Plan, content: Content) -> str:
    return _state([bool(plan.approval.superintendent_name), bool(plan.signature.fingerprint)])


_RULES: dict[str, Callable[[model.Plan, Content], str]] = {
    "district": _district, "readiness": _readiness, "vision": _vision, "learning": _learning,
    "privacy": _privacy, "infrastructure": _infrastructure, "budget": _budget, "timeline": _timeline,
    "community": _community, "review": _review,
}


def pane_states(plan: model.Plan, content: Content) -> dict[str, str]:
    """Each pane's completion state."""
    return {pane: rule(plan, content) for pane, rule in _RULES.items()}


def furthest_started(states: dict[str, str]) -> int:
    """The index of the last step the team has started (-1 for a plan nobody has started)."""
    return max((i for i, (pane_id, _title) in enumerate(STEPS) if states.get(pane_id, EMPTY) != EMPTY), default=-1)


def badge_findings(findings: list[Finding], states: dict[str, str]) -> list[Finding]:
    """The findings the step badges count: all but "this step is empty" for steps still ahead of the team.

    A new plan then opens calm, on its first step, rather than with a red badge on
    every step; an empty step the team went past is flagged, as is everything that
    does not hold together. Review lists every finding all the same.
    """
    furthest = furthest_started(states)
    ahead = {pane_id for i, (pane_id, _title) in enumerate(STEPS) if i > furthest}
    return [f for f in findings if not (f.rule == EMPTY_PANE and f.pane in ahead)]
