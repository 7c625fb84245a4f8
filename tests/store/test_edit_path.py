"""The one edit path over a real store: undo and redo without Qt, batches, the edit log, removals.

Removing an item goes with clearing every link to it (``removal_edit``, what
the app's tables use), in one undoable step.

Every test runs on a plan file and on a plan on the PostgreSQL server. After
every step the plan is reopened: what is stored must equal what the document
holds in memory.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.document import PlanDocument
from summit_app.plan.edits import AddItem, Batch, Edit, MoveItem, RemoveItem, SetField
from summit_app.plan.history import History
from summit_app.plan.interchange import dumps
from summit_app.plan.rules import PlanRuleError, plan_problems
from summit_app.store.location import is_server_location
from summit_app.store.plan_file import close_document, open_document, open_plan
from summit_app.ui.fields.collection_edits import removal_edit

MakePlan = Callable[..., str]


@pytest.fixture
def document(plan_location: MakePlan, demo: model.Plan) -> Iterator[PlanDocument]:
    """The demo plan open for editing, in a file and (a second run) on the PostgreSQL server."""
    document = open_document(plan_location(demo), author="Karen Liu")
    yield document
    close_document(document)


def on_disk(document: PlanDocument) -> model.Plan:
    """The plan as a second, read-only opener of the store sees it."""
    with open_plan(document.backend.location, read_only=True) as plan_file:
        return plan_file.load()


def sha256(document: PlanDocument) -> str:
    """What the store holds: a file's bytes, or a server plan's rows (its plan and edit log)."""
    location = document.backend.location
    if not is_server_location(location):
        return hashlib.sha256(Path(location).read_bytes()).hexdigest()
    with open_plan(location, read_only=True) as plan_file:
        held = (dumps(plan_file.load()), repr(plan_file.edit_log()))
    return hashlib.sha256(repr(held).encode()).hexdigest()


def _edits(plan: model.Plan) -> list[Edit]:
    goal, other = plan.goals[0], plan.goals[1]
    line = model.BudgetLine("line-new", "Hotspots for families", "devices", goal.id, True, Decimal("19.99"), 400,
                            2027, 2029, plan.funding[0].id)
    actions = [a for a in plan.actions if a.goal_id == goal.id]
    return [
        SetField("goals", goal.id, "title", "=Every student <b>online</b> 🛜", "Rename goal"),
        AddItem("budget", line, 2, "Add budget line"),
        MoveItem("goals", other.id, 0, "Move goal up"),
        RemoveItem("actions", actions[0].id, "Remove action"),
        SetField("district", "", "enrollment", 18_455, "Update enrollment"),
        Batch((SetField("budget", "line-new", "quantity", 450), RemoveItem("milestones", plan.milestones[-1].id),
               SetField("vision", "", "statement", "A new vision\nin two lines")), "Several changes"),
    ]


def test_undo_and_redo_over_a_real_file(document: PlanDocument) -> None:
    history = History(document)
    states = [document.plan]
    for edit in _edits(document.plan):
        history.do(edit)
        states.append(document.plan)
        assert on_disk(document) == document.plan
    assert history.undo_label == "Several changes"
    for state in reversed(states[:-1]):
        history.undo()
        assert document.plan == state
        assert on_disk(document) == state
    assert history.undo_label is None
    assert history.redo_label == "Rename goal"
    for state in states[1:]:
        history.redo()
        assert on_disk(document) == document.plan == state
    assert len(document.backend.edit_log()) == 3 * (len(states) - 1)


def test_edit_log_records_who_and_what(document: PlanDocument) -> None:
    edit = _edits(document.plan)[0]
    document.apply(edit)
    (entry,) = document.backend.edit_log()
    assert (entry.author, entry.label, entry.edit) == ("Karen Liu", "Rename goal", edit)


def test_listeners_hear_each_applied_edit_and_no_refused_one(document: PlanDocument) -> None:
    heard: list[tuple[Edit, model.Plan]] = []
    document.subscribe(lambda edit, plan: heard.append((edit, plan)))
    edit = _edits(document.plan)[0]
    document.apply(edit)
    with pytest.raises(PlanRuleError):
        document.apply(SetField("goals", "no-such-goal", "title", "x"))
    assert heard == [(edit, document.plan)]


def test_refused_batch_changes_nothing_in_memory_or_on_disk(document: PlanDocument) -> None:
    before, digest = document.plan, sha256(document)
    goal = document.plan.goals[0]
    batch = Batch((SetField("goals", goal.id, "title", "Renamed"),
                   AddItem("budget", model.BudgetLine("line-late", first_year=2040)),
                   SetField("district", "", "name", "Renamed district")), "Bad batch")
    with pytest.raises(PlanRuleError, match="FY2040 is outside the plan's years"):
        document.apply(batch)
    assert document.plan is before
    assert sha256(document) == digest
    assert on_disk(document) == before


def test_removing_a_goal_that_budget_lines_use_is_refused(document: PlanDocument) -> None:
    goal_id = document.plan.budget[0].goal_id
    assert goal_id is not None
    digest = sha256(document)
    with pytest.raises(PlanRuleError, match="still points at the removed item"):
        document.apply(RemoveItem("goals", goal_id))
    assert sha256(document) == digest


def _new_goal_with_action() -> list[Edit]:
    return [AddItem("goals", model.Goal("goal-new", "Family tech nights")),
            AddItem("actions", model.GoalAction("action-new", "goal-new", "Book the library"))]


@pytest.mark.parametrize("order", [1, -1], ids=["goal-first", "action-first"])
def test_batch_parts_may_come_in_any_order(document: PlanDocument, order: int) -> None:
    inverse = document.apply(Batch(tuple(_new_goal_with_action()[::order]), "Add goal"))
    assert on_disk(document) == document.plan
    assert document.plan.item("actions", "action-new") is not None
    document.apply(inverse)
    assert on_disk(document) == document.plan
    assert document.plan.item("goals", "goal-new") is None


def test_removing_a_goal_and_then_moving_its_actions_loses_no_action(plan_location: MakePlan) -> None:
    plan = model.Plan(goals=(model.Goal("goal-a", "A"), model.Goal("goal-b", "B")),
                      actions=(model.GoalAction("act-1", "goal-a", "One"), model.GoalAction("act-2", "goal-b", "Two"),
                               model.GoalAction("act-3", "goal-a", "Three")))
    merged = open_document(plan_location(plan))
    try:
        batch = Batch((RemoveItem("goals", "goal-a"), SetField("actions", "act-1", "goal_id", "goal-b"),
                       SetField("actions", "act-3", "goal_id", "goal-b")), "Merge goal A into B")
        inverse = merged.apply(batch)
        assert [a.id for a in on_disk(merged).actions] == ["act-1", "act-2", "act-3"]
        assert on_disk(merged) == merged.plan
        merged.apply(inverse)
        assert on_disk(merged) == merged.plan == plan
    finally:
        close_document(merged)


def test_removing_a_goal_before_its_actions_in_one_batch(document: PlanDocument) -> None:
    document.apply(Batch(tuple(_new_goal_with_action()), "Add goal"))
    before = document.plan
    batch = Batch((RemoveItem("goals", "goal-new"), RemoveItem("actions", "action-new")), "Remove goal")
    inverse = document.apply(batch)
    assert on_disk(document) == document.plan
    assert document.plan.item("goals", "goal-new") is None
    document.apply(inverse)
    assert on_disk(document) == document.plan == before


def _with_upgrade_and_match(demo: model.Plan) -> model.Plan:
    """The demo plan with an upgrade paid by two lines, and a line whose local match comes from another source."""
    first, second = demo.budget[0], demo.budget[1]
    match = next(s for s in demo.funding if s.id != first.funding_source_id)
    lines = (dataclasses.replace(first, match_source_id=match.id), *demo.budget[1:])
    upgrade = model.NetworkUpgrade("upgrade-fiber", "Fiber to every school", date(2028, 7, 1), 10_000, 10_000, 100,
                                   (first.id, second.id))
    return demo.replace(budget=lines, upgrades=(upgrade,))


@pytest.fixture
def linked(make_plan_file: MakePlan, demo: model.Plan) -> Iterator[PlanDocument]:
    document = open_document(make_plan_file(_with_upgrade_and_match(demo), "linked.techplan"), author="Karen Liu")
    yield document
    close_document(document)


def _undo_and_redo(history: History, document: PlanDocument, before: model.Plan, after: model.Plan) -> None:
    history.undo()
    assert on_disk(document) == document.plan == before
    history.redo()
    assert on_disk(document) == document.plan == after


def test_removing_a_budget_line_unlinks_it_from_the_upgrades_it_pays_for(linked: PlanDocument,
                                                                         content: Content) -> None:
    before, digest = linked.plan, sha256(linked)
    line = before.budget[0]
    with pytest.raises(PlanRuleError, match="Paid by still points at the removed item"):
        linked.apply(RemoveItem("budget", line.id))  # alone, it would leave a link to nothing
    assert sha256(linked) == digest
    history = History(linked)
    history.do(removal_edit(before, "budget", line.id, "Remove budget line"))
    after = linked.plan
    assert on_disk(linked) == after
    assert after.item("budget", line.id) is None
    assert after.upgrades[0].budget_line_ids == (before.budget[1].id,)
    assert plan_problems(after, content) == []
    assert history.undo_label == "Remove budget line"  # one step
    _undo_and_redo(history, linked, before, after)


def test_removing_a_funding_source_clears_every_line_it_funds_or_matches(linked: PlanDocument,
                                                                         content: Content) -> None:
    before = linked.plan
    source = before.budget[0].match_source_id
    assert source is not None
    funded = [line.id for line in before.budget if line.funding_source_id == source]
    assert funded  # the source pays for lines of its own too
    history = History(linked)
    history.do(removal_edit(before, "funding", source, "Remove funding source"))
    after = linked.plan
    assert on_disk(linked) == after
    assert after.item("funding", source) is None
    assert after.budget[0].match_source_id is None
    assert after.budget[0].funding_source_id == before.budget[0].funding_source_id  # its own source is kept
    assert all(after.item("budget", i).funding_source_id is None for i in funded)
    assert plan_problems(after, content) == []
    _undo_and_redo(history, linked, before, after)


def test_removing_the_source_a_line_both_uses_and_matches_from_clears_both(linked: PlanDocument,
                                                                           content: Content) -> None:
    line = linked.plan.budget[0]
    assert line.funding_source_id is not None
    linked.apply(SetField("budget", line.id, "match_source_id", line.funding_source_id))
    before = linked.plan
    history = History(linked)
    history.do(removal_edit(before, "funding", line.funding_source_id, "Remove funding source"))
    after = linked.plan
    assert (after.budget[0].funding_source_id, after.budget[0].match_source_id) == (None, None)
    assert on_disk(linked) == after
    assert plan_problems(after, content) == []
    _undo_and_redo(history, linked, before, after)


@pytest.mark.parametrize(("collection", "field", "value", "why"), [
    ("budget", "match_source_id", "no-such-source", "Local match from points at 'no-such-source'"),
    ("upgrades", "budget_line_ids", ("no-such-line",), "Paid by points at 'no-such-line'"),
])
def test_a_new_link_to_nothing_is_refused_and_the_file_is_unchanged(
        linked: PlanDocument, collection: str, field: str, value: object, why: str) -> None:
    before, digest = linked.plan, sha256(linked)
    item_id = getattr(before, collection)[0].id
    with pytest.raises(PlanRuleError, match=why):
        linked.apply(SetField(collection, item_id, field, value))
    assert linked.plan is before
    assert sha256(linked) == digest
