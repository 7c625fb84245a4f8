"""Phone ratings written into the plan when revealed: the same rows as the desktop's, one edit, undone whole."""

from __future__ import annotations

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import Batch, apply_edit
from summit_app.plan.readiness import spread
from summit_app.plan.revealing import PhoneScore, member_rating_id, reveal_edit, tally_of
from summit_app.plan.voting import VotingSession

TEAM = (model.TeamMember("a", name="Ana"), model.TeamMember("b", name="Ben"), model.TeamMember("c", name="Cy"))
ELEMENT = "cia-agency"


def test_revealed_scores_replace_earlier_ratings_skip_people_who_left_and_undo_as_one(content: Content) -> None:
    earlier = model.MemberRating("mr-cia-agency-b", ELEMENT, "b", 2)
    plan = model.Plan(members=TEAM, member_ratings=(earlier,),
                      readiness=(model.ReadinessRating(ELEMENT, 5, notes="Agreed last spring"),))
    edit = reveal_edit(plan, ELEMENT, "Deeper learning", [PhoneScore("a", 4, "Pockets only"), PhoneScore("b", 8),
                                                          PhoneScore("gone", 10, "left the team")])
    assert isinstance(edit, Batch)
    assert edit.label == "Reveal members' phone ratings of “Deeper learning”"
    after, undo = apply_edit(plan, edit, content)
    assert [(r.id, r.member_id, r.score) for r in after.member_ratings] == [
        ("mr-cia-agency-b", "b", 8), ("mr-cia-agency-a", "a", 4)]
    rating = after.item("readiness", ELEMENT)
    assert isinstance(rating, model.ReadinessRating)
    assert rating.revealed
    assert rating.score == 5  # the consensus stays the team's to agree
    assert rating.notes == "Agreed last spring\nAna: Pockets only"
    assert spread(after, ELEMENT).scores == (("a", 4), ("b", 8))
    assert apply_edit(after, undo, content)[0] == plan


def test_an_element_never_rated_gets_its_readiness_row_revealed(content: Content) -> None:
    plan = model.Plan(members=TEAM)
    after, _ = apply_edit(plan, reveal_edit(plan, ELEMENT, "x", [PhoneScore("c", 0)]), content)
    assert after.readiness == (model.ReadinessRating(ELEMENT, revealed=True),)
    assert spread(after, ELEMENT).scores == (("c", 0),)


def test_new_rating_ids_never_collide() -> None:
    taken = model.MemberRating("mr-cia-agency-a", "other", "a", 1)
    assert member_rating_id(model.Plan(member_ratings=(taken,)), ELEMENT, "a") == "mr-cia-agency-a-2"


def test_a_tally_counted_on_phones_ranks_as_the_desktops_own() -> None:
    goals = [("g1", "Access"), ("g2", "Learning"), ("g3", "Data"), ("g4", "Staff")]
    session = VotingSession(goals, [("a", "Ana"), ("b", "Ben")], dots=3)
    for voter, goal in (("a", "g2"), ("a", "g2"), ("a", "g3"), ("b", "g3"), ("b", "g1"), ("b", "g4")):
        session.add_dot(voter, goal)
    assert tally_of(goals, {"g1": 1, "g2": 2, "g3": 2, "g4": 1}) == session.tally()
    assert [(r.option_id, r.rank) for r in session.tally()] == [("g2", 1), ("g3", 1), ("g1", 3), ("g4", 3)]
