"""Undo at a shared table takes back only the seat's own work (real seats on the test server).

``Seat.undo_conflicts`` keeps the parts of an undo that nothing another
seat changed since touches, and says who changed the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from summit_app.plan import model
from summit_app.plan.edits import AddItem, Batch, MoveItem, RemoveItem, SetField
from summit_app.plan.interchange import fingerprint
from summit_app.plan.seating import undo_without_conflicts
from summit_app.room.seat import Seat
from summit_app.store.plan_file import create_plan
from summit_app.store.server import ServerPlan

GOALS = (model.Goal("g1", title="Access", owner="Dee"), model.Goal("g2", title="Learning"))


@pytest.fixture
def seats(pg_url: str) -> Iterator[Callable[[str], Seat]]:
    create_plan(pg_url, model.Plan(goals=GOALS)).close()
    opened: list[Seat] = []

    def sit(author: str) -> Seat:
        opened.append(Seat(pg_url, author))
        return opened[-1]

    yield sit
    for seat in opened:
        seat.close()


def goal(seat: Seat, goal_id: str) -> model.Goal:
    found = seat.document.plan.item("goals", goal_id)
    assert isinstance(found, model.Goal)
    return found


def test_undo_skips_the_field_another_seat_changed_since_and_undoes_the_rest(
        seats: Callable[[str], Seat], pg_url: str) -> None:
    ana, ben = seats("Ana"), seats("Finance")
    mine = ana.edit(Batch((SetField("goals", "g1", "title", "Ana's title"), SetField("goals", "g1", "owner", "Ana"),
                           SetField("goals", "g2", "title", "Ana's too")), label="Rename goals"))
    ben.edit(SetField("goals", "g1", "title", "Finance's title"))
    ana.catch_up(timeout=5)
    undo, notices = ana.undo_conflicts(mine.inverse, mine.sequence)
    assert [(n.author, n.item_id, n.field) for n in notices] == [("Finance", "g1", "title")]
    assert notices[0].message == "Finance changed Title since; it was left as it is"
    assert undo is not None
    ana.edit(undo)
    ben.catch_up(timeout=5)
    for seat in (ana, ben):
        assert (goal(seat, "g1").title, goal(seat, "g1").owner, goal(seat, "g2").title) == (
            "Finance's title", "Dee", "Learning")
    with ServerPlan.open(pg_url, read_only=True) as plan:
        assert fingerprint(plan.load()) == fingerprint(ana.document.plan) == fingerprint(ben.document.plan)


def test_undo_with_nobody_else_in_the_way_is_the_whole_inverse(seats: Callable[[str], Seat]) -> None:
    ana, ben = seats("Ana"), seats("Ben")
    mine = ana.edit(SetField("goals", "g1", "title", "Ana's title"))
    ben.edit(SetField("goals", "g1", "owner", "Ben"))  # another field of the same item
    ana.catch_up(timeout=5)
    assert ana.undo_conflicts(mine.inverse, mine.sequence) == (mine.inverse, [])
    earlier = ben.edit(SetField("goals", "g2", "title", "Ben's"))
    later = ana.edit(SetField("goals", "g2", "title", "Ana's"))
    assert ana.undo_conflicts(later.inverse, later.sequence) == (later.inverse, [])  # Ben's edit came before
    assert earlier.sequence < later.sequence


def test_undo_of_an_added_item_another_seat_has_since_changed_leaves_it(seats: Callable[[str], Seat]) -> None:
    ana, ben = seats("Ana"), seats("Ben")
    added = ana.edit(AddItem("goals", model.Goal("g9", title="New")))
    ben.catch_up(timeout=5)
    ben.edit(SetField("goals", "g9", "owner", "Ben"))
    ana.catch_up(timeout=5)
    undo, notices = ana.undo_conflicts(added.inverse, added.sequence)
    assert undo is None
    assert [n.message for n in notices] == ["Ben changed the item since; it was left as it is"]
    assert ana.document.plan.item("goals", "g9") is not None


def test_the_undo_rule_on_its_own() -> None:
    since = [("Cy", RemoveItem("goals", "g2")), ("Di", MoveItem("goals", "g3", 0)),
             ("Ed", SetField("district", "", "name", "Elm"))]
    inverse = Batch((SetField("goals", "g2", "title", "Old"), SetField("goals", "g1", "unit_cost", 3),
                     MoveItem("goals", "g3", 2), AddItem("goals", model.Goal("g4")),
                     SetField("district", "", "name", "Oak")), label="Undo")
    kept, notices = undo_without_conflicts(inverse, since)
    assert kept == Batch((SetField("goals", "g1", "unit_cost", 3), AddItem("goals", model.Goal("g4"))), label="Undo")
    assert [n.message for n in notices] == ["Cy removed the item since; it was left as it is",
                                            "Di changed the item since; it was left as it is",
                                            "Ed changed Name since; it was left as it is"]
