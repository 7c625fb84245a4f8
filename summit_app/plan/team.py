"""What the team roster already says about the plan's approval details.

The superintendent and the technology director are usually at the table: the
names the team entered on District & team can fill the approval page, so
nobody types them twice and nobody is told "no superintendent named" while
the roster lists one.
"""

from __future__ import annotations

from summit_app.plan import model

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
