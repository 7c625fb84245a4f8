"""What the team roster and the privacy inventory already say: approval details, the app a line buys."""

from __future__ import annotations

from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.consequences import with_consequences
from summit_app.plan.content import Content
from summit_app.plan.edits import Batch, SetField
from summit_app.plan.inventory import matching_apps
from summit_app.plan.team import TEAM_SEATS, TEAM_SIZE, approval_from_team, seat_holders, team_size_fits


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


def test_an_inventory_entry_matches_the_line_that_names_it() -> None:
    apps = (model.AppEntry("a1", name="Canvas LMS"), model.AppEntry("a2", name="Canvas Studio"),
            model.AppEntry("a3", name="Google Workspace for Education"))
    plan = model.Plan(apps=apps)

    def line(text: str) -> model.BudgetLine:
        return model.BudgetLine("l1", text, category="software", unit_cost=Decimal("1.00"), quantity=1)

    assert [a.id for a in matching_apps(plan, line("Canvas LMS licences, grades 6-12"))] == ["a1"]
    assert [a.id for a in matching_apps(plan, line("Canvas"))] == ["a1", "a2"]  # both name it
    assert matching_apps(plan, line("Student licences")) == []  # only common words
    assert [a.id for a in matching_apps(plan, line("Google Workspace"))] == ["a3"]


def test_choosing_a_funding_kind_sets_whether_it_recurs(content: Content) -> None:
    plan = model.Plan(funding=(model.FundingSource("s1", "Technology allocation"),))
    edit = with_consequences(SetField("funding", "s1", "kind", "general-fund", "Change Kind"), plan, content)
    assert isinstance(edit, Batch)
    assert edit.edits[1] == SetField("funding", "s1", "recurring", True)
    assert edit.label == "Change Kind"
    ticked = plan.replace(funding=(model.FundingSource("s1", "Bond", recurring=True),))
    edit = with_consequences(SetField("funding", "s1", "kind", "capital-bond"), ticked, content)
    assert isinstance(edit, Batch)
    assert edit.edits[1] == SetField("funding", "s1", "recurring", False)
    name = SetField("funding", "s1", "name", "Other")
    assert with_consequences(name, plan, content) is name


def test_seats_are_filled_by_the_members_in_their_roles() -> None:
    members = (model.TeamMember(id="a", name="Ana Ruiz", role="finance-officer"),
               model.TeamMember(id="b", name="Ben Oduya", role="community-partner"),
               model.TeamMember(id="c", name="Cy Park", role="parent-partner"),
               model.TeamMember(id="d", name="Dee Lang", role="principal"))
    held = {seat.name: [m.name for m in holders] for seat, holders in seat_holders(model.Plan(members=members))}
    assert held == {"Finance officer": ["Ana Ruiz"], "Teacher or teacher leader": [],
                    "Parent or community partner": ["Ben Oduya", "Cy Park"]}
    assert TEAM_SEATS[0].missing == "a finance officer"  # as the team check words it


def test_a_workable_table_is_five_to_twelve_people() -> None:
    assert TEAM_SIZE == (5, 12)
    assert [n for n in range(15) if team_size_fits(n)] == list(range(5, 13))
