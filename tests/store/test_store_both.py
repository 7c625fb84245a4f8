"""The one edit path on both stores: a plan file and a plan on the PostgreSQL server.

Every test runs twice (``store`` is ``sqlite`` or ``postgresql``) and checks
what a second, read-only opener of the same plan reads back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from summit_app.plan import model
from summit_app.plan.document import LogEntry, PlanDocument
from summit_app.plan.edits import AddItem, Batch, Edit, MoveItem, RemoveItem, SetField
from summit_app.plan.fields import Kind, specs
from summit_app.plan.history import History
from summit_app.plan.interchange import dumps, fingerprint
from summit_app.store.errors import PlanFileError
from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.plan_file import close_document, create_plan, open_document, open_plan

MakePlan = Callable[..., str]


@pytest.fixture
def document(plan_location: MakePlan, demo: model.Plan) -> Iterator[PlanDocument]:
    document = open_document(plan_location(demo), author="Karen Liu")
    yield document
    close_document(document)


def stored(document: PlanDocument) -> model.Plan:
    """The plan as a second, read-only opener sees it."""
    with open_plan(str(document.backend.path), read_only=True) as other:  # type: ignore[attr-defined]
        return other.load()


def _edits(plan: model.Plan) -> list[Edit]:
    goal, other = plan.goals[0], plan.goals[1]
    line = model.BudgetLine("line-new", "Hotspots for families", "devices", goal.id, True, Decimal("19.99"), 400,
                            2027, 2029, plan.funding[0].id)
    actions = [a for a in plan.actions if a.goal_id == goal.id]
    return [
        SetField("goals", goal.id, "title", "=Every student <b>online</b> 🛜 '; DROP TABLE goals; --", "Rename"),
        AddItem("budget", line, 2, "Add budget line"),
        MoveItem("goals", other.id, 0, "Move goal up"),
        RemoveItem("actions", actions[0].id, "Remove action"),
        SetField("district", "", "enrollment", 18_455, "Update enrollment"),
        SetField("budget", "line-new", "recurring", False, "Make it one-time"),
        Batch((SetField("budget", "line-new", "quantity", 450), RemoveItem("milestones", plan.milestones[-1].id),
               SetField("vision", "", "statement", "A new vision\nin two lines")), "Several changes"),
    ]


def test_undo_and_redo_read_back_the_same_plan(document: PlanDocument) -> None:
    history = History(document)
    states = [document.plan]
    for edit in _edits(document.plan):
        history.do(edit)
        states.append(document.plan)
        assert stored(document) == document.plan
    for state in reversed(states[:-1]):
        history.undo()
        assert stored(document) == document.plan == state
    assert len(document.backend.edit_log()) == 2 * (len(states) - 1)  # type: ignore[attr-defined]


def _relinked(plan: model.Plan, goal: str, to: str | None) -> list[Edit]:
    """Every link to ``goal`` pointed at ``to`` instead (dropped from lists when ``to`` is None)."""
    parts: list[Edit] = []
    for name, record_type in model.COLLECTIONS.items():
        for s in (s for s in specs(record_type) if s.target == "goals"):
            for item in getattr(plan, name):
                value = getattr(item, s.name)
                if s.kind is Kind.LINK and value == goal:
                    parts.append(SetField(name, item.id, s.name, to))
                elif s.kind is Kind.LINKS and goal in value:
                    kept = tuple(dict.fromkeys(to if g == goal else g for g in value if g != goal or to))
                    parts.append(SetField(name, item.id, s.name, kept))
    return parts


def _goal_removed_first(plan: model.Plan) -> tuple[str, str, Batch]:
    """A batch that removes a goal *before* moving its actions (and every other link) to another goal."""
    goal, other = plan.goals[0], plan.goals[1]
    assert any(a.goal_id == goal.id for a in plan.actions), "the demo's first goal has actions"
    parts = [RemoveItem("goals", goal.id), *_relinked(plan, goal.id, other.id)]
    return goal.id, other.id, Batch(tuple(parts), "Merge the first goal into the second")


def test_a_batch_that_removes_a_goal_before_moving_its_actions_keeps_every_action(document: PlanDocument) -> None:
    before = document.plan
    removed, kept, batch = _goal_removed_first(before)
    document.apply(batch)
    after = stored(document)
    assert after == document.plan
    assert {a.id for a in after.actions} == {a.id for a in before.actions}
    assert removed not in {g.id for g in after.goals}
    moved = [a for a in after.actions if a.id in {b.id for b in before.actions if b.goal_id == removed}]
    assert moved
    assert all(a.goal_id == kept for a in moved)


def test_removing_a_goal_with_its_actions_in_one_batch_leaves_none_behind(document: PlanDocument) -> None:
    plan = document.plan
    goal = plan.goals[0]
    parts: list[Edit] = [RemoveItem("goals", goal.id)]
    parts += [RemoveItem("actions", a.id) for a in plan.actions if a.goal_id == goal.id]
    parts += [p for p in _relinked(plan, goal.id, None) if not (isinstance(p, SetField) and p.collection == "actions")]
    inverse = document.apply(Batch(tuple(parts), "Remove goal"))
    assert stored(document) == document.plan
    assert all(a.goal_id != goal.id for a in stored(document).actions)
    document.apply(inverse)
    assert stored(document) == plan


def test_a_change_that_would_break_links_is_refused_and_nothing_is_written(document: PlanDocument) -> None:
    """The store's own link check (the domain refuses such edits before they reach it)."""
    plan = document.plan
    goal = plan.goals[0]
    breaking = Batch((RemoveItem("goals", goal.id),), "Remove a goal its actions still name")
    log = document.backend.edit_log()  # type: ignore[attr-defined]
    entry = LogEntry(datetime.now(UTC), "x", breaking.label, breaking)
    with pytest.raises(PlanFileError, match="would break links between items; nothing was changed"):
        document.backend.commit(breaking, plan, entry)
    assert stored(document) == plan
    assert document.backend.edit_log() == log  # type: ignore[attr-defined]


def test_the_edit_log_keeps_who_what_and_when_in_order(document: PlanDocument) -> None:
    edits = _edits(document.plan)[:3]
    for edit in edits:
        document.apply(edit)
    log = document.backend.edit_log()  # type: ignore[attr-defined]
    assert [e.edit for e in log] == edits
    assert {e.author for e in log} == {"Karen Liu"}
    assert all(e.at.tzinfo is UTC for e in log)
    assert document.backend.edit_log(since=log[-1].at) == []  # type: ignore[attr-defined]


def test_values_of_every_kind_come_back_as_written(plan_location: MakePlan, demo: model.Plan) -> None:
    district = dataclasses.replace(demo.district, name="Ñandú – 学区 \"quoted\" 'single'", enrollment=2_000_000_000)
    plan = demo.replace(district=district)
    location = plan_location(plan)
    with open_plan(location, read_only=True) as opened:
        assert opened.load() == plan
        assert opened.schema_version() == SCHEMA_VERSION


def test_a_read_only_open_refuses_edits(plan_location: MakePlan, demo: model.Plan) -> None:
    location = plan_location(demo)
    document = open_document(location, read_only=True)
    try:
        with pytest.raises(PermissionError):
            document.apply(_edits(demo)[0])
    finally:
        close_document(document)
    with open_plan(location, read_only=True) as opened:
        assert opened.load() == demo


def test_creating_over_an_existing_plan_is_refused_and_it_is_left_as_it_was(
        plan_location: MakePlan, demo: model.Plan) -> None:
    location = plan_location(demo)
    with pytest.raises(PlanFileError, match="already exists"):
        create_plan(location, model.Plan()).close()
    with open_plan(location, read_only=True) as opened:
        assert opened.load() == demo


def test_a_copy_to_a_file_keeps_the_fingerprint_and_the_edit_log(
        document: PlanDocument, tmp_path: Path) -> None:
    document.apply(_edits(document.plan)[0])
    copy = tmp_path / "copy.techplan"
    document.backend.save_copy(copy)  # type: ignore[attr-defined]
    with open_plan(copy, read_only=True) as opened:
        assert fingerprint(opened.load()) == fingerprint(document.plan)
        assert opened.edit_log() == document.backend.edit_log()  # type: ignore[attr-defined]
    with pytest.raises(PlanFileError, match="already exists"):
        document.backend.save_copy(copy)  # type: ignore[attr-defined]


def test_file_to_server_to_file_keeps_the_fingerprint(
        make_plan_file: Callable[..., Path], pg_url: str, demo: model.Plan, tmp_path: Path) -> None:
    """Through the interchange document into the server, and back by saving a copy."""
    from summit_app.plan import json_text
    from summit_app.plan.content import load_content
    from summit_app.plan.interchange import plan_from_json

    with open_plan(make_plan_file(demo), read_only=True) as source:
        text = dumps(source.load())
    create_plan(pg_url, plan_from_json(json_text.loads(text), load_content())).close()
    back = tmp_path / "back.techplan"
    with open_plan(pg_url, read_only=True) as server:
        assert dumps(server.load()) == text
        server.save_copy(back)
    with open_plan(back, read_only=True) as opened:
        assert fingerprint(opened.load()) == fingerprint(demo)
