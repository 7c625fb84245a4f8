"""Readiness arithmetic: scores per gear and overall, and the spread of members' silent ratings.

The readiness report gives a score out of 10 per Future Ready gear (the mean of
the gear's rated elements) and overall (the mean of the rated gears, so every
gear weighs the same, as on the radar chart). Unrated elements are left out,
never counted as zero: a team that has not reached a gear yet has no score there.
Scores are rounded once, at the end, to one decimal place (half up).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from summit_app.plan import model
from summit_app.plan.content import Content, Level

ONE_PLACE = Decimal("0.1")


def _mean(values: Iterable[Decimal]) -> Decimal | None:
    items = list(values)
    if not items:
        return None
    return sum(items, Decimal(0)) / len(items)


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def level_of(content: Content, score: Decimal | int | None) -> Level | None:
    """The readiness level of a score; a gear's mean is rounded half up to a whole score first.

    The levels are defined on whole scores (Investigating 0–3, Envisioning 4–5…), so a
    gear at 3.8 reads as Envisioning, the same way the score itself is rounded.
    """
    if score is None:
        return None
    return content.level_for(int(Decimal(score).quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def consensus_scores(plan: model.Plan) -> dict[str, int]:
    """The team's agreed score per element id, for rated elements only."""
    return {r.id: r.score for r in plan.readiness if r.score is not None}


def _exact_gear_means(plan: model.Plan, content: Content) -> dict[str, Decimal | None]:
    scores = consensus_scores(plan)
    return {
        gear.id: _mean(Decimal(scores[e.id]) for e in gear.elements if e.id in scores)
        for gear in content.gears
    }


def gear_scores(plan: model.Plan, content: Content) -> dict[str, Decimal | None]:
    """Score out of 10 per gear id (one decimal), ``None`` for a gear with no rated element."""
    return {gear_id: _rounded(mean) for gear_id, mean in _exact_gear_means(plan, content).items()}


def overall_score(plan: model.Plan, content: Content) -> Decimal | None:
    """The mean of the rated gears' scores (one decimal), ``None`` if nothing is rated."""
    means = [m for m in _exact_gear_means(plan, content).values() if m is not None]
    return _rounded(_mean(means))


def rated_count(plan: model.Plan, content: Content) -> tuple[int, int]:
    """(elements with a consensus score, elements in the framework)."""
    known = content.current_element_ids()
    return sum(1 for r in plan.readiness if r.score is not None and r.id in known), len(known)


@dataclass(frozen=True)
class Spread:
    """Members' silent ratings of one element: who gave what, lowest and highest."""

    element_id: str
    scores: tuple[tuple[str | None, int], ...]  # (member id, score), in team order

    @property
    def low(self) -> int | None:
        return min((s for _, s in self.scores), default=None)

    @property
    def high(self) -> int | None:
        return max((s for _, s in self.scores), default=None)

    @property
    def width(self) -> int | None:
        """How far apart the team is: the gap worth talking about before agreeing."""
        return None if self.low is None or self.high is None else self.high - self.low

    @property
    def median(self) -> Decimal | None:
        ordered = sorted(Decimal(s) for _, s in self.scores)
        if not ordered:
            return None
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return _rounded((ordered[middle - 1] + ordered[middle]) / 2)


def member_ratings_of(plan: model.Plan, element_id: str) -> list[model.MemberRating]:
    """The member ratings recorded for ``element_id`` (scored or not), in team order."""
    order = {m.id: i for i, m in enumerate(plan.members)}
    mine = [r for r in plan.member_ratings if r.element_id == element_id]
    return sorted(mine, key=lambda r: order.get(r.member_id or "", len(order)))


def spread(plan: model.Plan, element_id: str) -> Spread:
    """The scored member ratings of ``element_id``."""
    scored = tuple((r.member_id, r.score) for r in member_ratings_of(plan, element_id) if r.score is not None)
    return Spread(element_id, scored)
