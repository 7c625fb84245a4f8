"""Dot voting without a window: dots per member, the tally's ranking, goal priorities as one edit."""

from __future__ import annotations

from summit_app.plan import model
from summit_app.plan.edits import Batch, SetField
from summit_app.plan.voting import MAX_PRIORITY, TallyRow, VotingSession, member_voters, priority_edit


def test_each_member_has_only_their_dots() -> None:
    session = VotingSession([("a", "A"), ("b", "B"), ("c", "C")], [("m1", "Ana"), ("m2", "Ben")], dots=2)
    assert session.add_dot("m1", "a")
    assert session.add_dot("m1", "a")
    assert not session.add_dot("m1", "b")  # no dots left
    assert session.add_dot("m2", "b")
    assert session.add_dot("m2", "a")
    assert session.remove_dot("m2", "a")
    assert not session.remove_dot("m2", "c")
    assert session.set_dots(1) == 2  # Ana has placed two already
    rows = session.tally()
    assert [(r.option_id, r.dots, r.rank) for r in rows] == [("a", 2, 1), ("b", 1, 2), ("c", 0, 3)]


def test_equal_dots_share_a_rank() -> None:
    session = VotingSession([("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")], [("m", "M")], dots=4)
    for option in ("b", "c", "d", "d"):
        session.add_dot("m", option)
    assert [(r.option_id, r.rank) for r in session.tally()] == [("d", 1), ("b", 2), ("c", 2), ("a", 4)]


def test_options_that_left_the_plan_take_their_dots_with_them() -> None:
    session = VotingSession([("a", "A"), ("b", "B")], [("m", "M")], dots=3)
    session.add_dot("m", "a")
    session.add_dot("m", "b")
    session.set_options([("b", "B")])
    assert session.used("m") == 1
    assert [(r.option_id, r.dots) for r in session.tally()] == [("b", 1)]


def test_a_team_not_entered_yet_votes_as_numbered_voters() -> None:
    assert member_voters(model.Plan())[0] == ("voter-1", "Voter 1")
    named = model.Plan(members=(model.TeamMember(id="m1", name="Ana"),))
    assert member_voters(named) == [("m1", "Ana")]


def test_the_tally_sets_only_the_priorities_that_change_in_one_batch() -> None:
    plan = model.Plan(goals=(model.Goal(id="g1", priority=1), model.Goal(id="g2", priority=5)))
    tally = [TallyRow("g2", "Two", 4, 1), TallyRow("g1", "One", 4, 1), TallyRow("gone", "Gone", 1, 3)]
    edit = priority_edit(plan, tally)
    assert isinstance(edit, Batch)
    assert edit.edits == (SetField("goals", "g2", "priority", 1),)
    assert priority_edit(plan, [TallyRow("g1", "One", 0, 1), TallyRow("g2", "Two", 0, 5)]) is None
    assert priority_edit(plan, [TallyRow("g2", "Two", 0, 200)]).edits[0].value == MAX_PRIORITY
