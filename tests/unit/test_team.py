"""What the roster fills in of the approval details."""

from __future__ import annotations

from summit_app.plan import model
from summit_app.plan.team import approval_from_team


def test_the_roster_fills_only_empty_approval_fields() -> None:
    members = (model.TeamMember(id="a", name="Ana Ruiz", role="superintendent", title=""),
               model.TeamMember(id="b", name="Ben Oduya", role="technology-director"),
               model.TeamMember(id="c", name="Cy Park", role="superintendent"))
    plan = model.Plan(members=members, approval=model.Approval(technology_director="Dee Lang"))
    assert approval_from_team(plan) == {"superintendent_name": "Ana Ruiz", "superintendent_title": "Superintendent"}


def test_nothing_to_offer_without_the_roles() -> None:
    plan = model.Plan(members=(model.TeamMember(id="a", name="Ana Ruiz", role="principal"),))
    assert approval_from_team(plan) == {}
    unnamed = model.Plan(members=(model.TeamMember(id="a", name="  ", role="superintendent"),))
    assert approval_from_team(unnamed) == {}
