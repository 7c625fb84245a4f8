"""What the team roster says: the seats a planning team needs, its size, and the plan's approval details.

A plan lasts when the people who pay for it, teach with it and live with it
build it: the roster is read against the seats a team needs and the size of a
workable table (5 to 12 people). The superintendent and the technology
director are usually at the table: the names the team entered on District &
team can fill the approval page, so nobody types them twice and nobody is
told "no superintendent named" while the roster lists one.
"""

from __future__ import annotations

from typing import NamedTuple

from summit_app.plan import model


class Seat(NamedTuple):
    """A seat a planning team needs: what to call it when it is open, and the roles that fill it."""

    missing: str  # "a finance officer": how a finding names the open seat
    roles: frozenset[str]

    @property
    def name(self) -> str:
        """The seat as a heading: "Finance officer"."""
        bare = self.missing.removeprefix("a ").removeprefix("an ")
        return bare[:1].upper() + bare[1:]


#: Seats a planning team needs: finance keeps the plan affordable, teachers keep it practical,
#: families and partners keep it trusted.
TEAM_SEATS = (Seat("a finance officer", frozenset({"finance-officer"})),
              Seat("a teacher or teacher leader", frozenset({"teacher-leader"})),
              Seat("a parent or community partner", frozenset({"parent-partner", "community-partner"})))

#: A workable planning table, in people (smallest, largest).
TEAM_SIZE = (5, 12)


def seat_holders(plan: model.Plan) -> list[tuple[Seat, list[model.TeamMember]]]:
    """Each seat a team needs with the members whose role fills it (none: the seat is open)."""
    return [(seat, [m for m in plan.members if m.role in seat.roles]) for seat in TEAM_SEATS]


def team_size_fits(count: int) -> bool:
    """Is a team of ``count`` people a workable table (``TEAM_SIZE``)?"""
    low, high = TEAM_SIZE
    return low <= count <= high

#: Approval field -> (team role, what of the member fills it).
_FROM_ROLES = {
    "superintendent_name": ("superintendent", "name"),
    "superintendent_title": ("superintendent", "title"),
    "technology_director": ("technology-director", "name"),
}


def member_in_role(plan: model.Plan, role: str) -> model.TeamMember | None:
    """The first member of the team named in ``role``, or None."""
    return next((m for m in plan.members if m.role == role and m.name.strip()), None)


def approval_from_team(plan: model.Plan) -> dict[str, str]:
    """Empty approval fields the roster can fill, with what it fills them with."""
    found: dict[str, str] = {}
    for field, (role, part) in _FROM_ROLES.items():
        member = member_in_role(plan, role)
        if member is None or getattr(plan.approval, field).strip():
            continue
        value = getattr(member, part).strip() or ("Superintendent" if field == "superintendent_title" else "")
        if value:
            found[field] = value
    return found
