"""Edits in memory: refusals say why, inverses restore the plan exactly, a batch is all or nothing."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import hostile_text, plans

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.document import LogEntry, PlanDocument, ReadOnlyError
from summit_app.plan.edits import AddItem, Batch, Edit, MoveItem, RemoveItem, SetField, apply_edit
from summit_app.plan.rules import PlanRuleError


class Recorder:
    """A backend that keeps what it is asked to write (the plan file's tests use a real file)."""

    def __init__(self, read_only: bool = False) -> None:
        self.read_only = read_only
        self.written: list[Edit] = []

    def commit(self, edit: Edit, after: model.Plan, entry: LogEntry) -> None:
        self.written.append(edit)


def _line(line_id: str = "line-new", **changes: object) -> model.BudgetLine:
    return dataclasses.replace(model.BudgetLine(line_id, "Hotspots", "devices", None, False, Decimal("20.00"), 10,
                                                2027, 2027), **changes)


@pytest.mark.parametrize(("edit", "message"), [
    (SetField("nope", "x", "title", "t"), "'nope' is not a list of the plan"),
    (SetField("goals", "goal-x", "title", "t"), "there is no item 'goal-x' in goals"),
    (SetField("goals", "@goal", "colour", "red"), "there is no field 'colour'"),
    (SetField("district", "", "colour", "red"), "there is no field 'colour'"),
    (SetField("goals", "@goal", "priority", 100), "Priority must be a whole number from 1 to 99"),
    (SetField("district", "", "plan_years", 6), "Plan years must be a whole number from 3 to 5"),
    (AddItem("goals", model.GoalAction("a")), "that item does not belong in this list"),
    (AddItem("goals", model.Goal("@goal")), "the id '@goal' is used twice"),
    (AddItem("budget", _line(first_year=2040, last_year=2040)), "FY2040 is outside the plan's years (2027–2031)"),
    (AddItem("budget", _line(goal_id="goal-x")), "Goal points at 'goal-x', which is not in the plan"),
    (RemoveItem("goals", "@goal"), "Goal still points at the removed item"),
    (RemoveItem("budget", "line-x"), "there is no item 'line-x' in budget"),
    (MoveItem("goals", "goal-x", 0), "there is no item 'goal-x' in goals"),
])
def test_refusals_say_why(demo: model.Plan, content: Content, edit: Edit, message: str) -> None:
    goal_id = demo.goals[0].id
    edit = _with_goal(edit, goal_id)
    with pytest.raises(PlanRuleError) as caught:
        apply_edit(demo, edit, content)
    assert caught.value.problem.message == message.replace("@goal", goal_id)


def _with_goal(edit: Edit, goal_id: str) -> Edit:
    """Put a real goal id where the table above says ``@goal``."""
    if isinstance(edit, SetField | RemoveItem) and edit.item_id == "@goal":
        return dataclasses.replace(edit, item_id=goal_id)
    if isinstance(edit, AddItem) and getattr(edit.item, "id", "") == "@goal":
        return dataclasses.replace(edit, item=dataclasses.replace(edit.item, id=goal_id))
    return edit


def test_shortening_the_plan_rechecks_every_budget_line(demo: model.Plan, content: Content) -> None:
    with pytest.raises(PlanRuleError, match="outside the plan's years"):
        apply_edit(demo, SetField("district", "", "plan_years", 3), content)


def _sample_edits(plan: model.Plan) -> list[Edit]:
    goal, last = plan.goals[0], plan.goals[-1]
    free_goal = model.Goal("goal-new", "Family tech nights")
    return [
        SetField("goals", goal.id, "title", "<script>alert(1)</script>"),
        SetField("district", "", "name", "=HYPERLINK(\"x\")"),
        SetField("budget", plan.budget[0].id, "unit_cost", Decimal("0.01")),
        AddItem("budget", _line(goal_id=goal.id), 0),
        AddItem("budget", _line(), 10_000),
        AddItem("goals", free_goal, -3),
        RemoveItem("milestones", plan.milestones[3].id),
        MoveItem("goals", last.id, 0),
        MoveItem("goals", goal.id, 99),
        Batch((AddItem("goals", free_goal), AddItem("actions", model.GoalAction("act-new", "goal-new", "Book")),
               MoveItem("goals", "goal-new", 1), SetField("actions", "act-new", "owner", "Ana"))),
        Batch(()),
    ]


def test_each_inverse_restores_the_plan_exactly(demo: model.Plan, content: Content) -> None:
    for edit in _sample_edits(demo):
        after, inverse = apply_edit(demo, edit, content)
        assert after != demo or edit == Batch(())
        restored, again = apply_edit(after, inverse, content)
        assert restored == demo, edit
        assert apply_edit(restored, again, content)[0] == after, edit


def test_add_and_move_indexes_are_clamped(demo: model.Plan, content: Content) -> None:
    goals = demo.goals
    plan, _ = apply_edit(demo, AddItem("goals", model.Goal("goal-new"), -3), content)
    assert plan.goals[0].id == "goal-new"
    plan, _ = apply_edit(demo, MoveItem("goals", goals[0].id, 99), content)
    assert [g.id for g in plan.goals] == [g.id for g in (*goals[1:], goals[0])]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(), data=st.data())
def test_inverse_of_a_random_edit_restores_a_random_plan(plan: model.Plan, data: st.DataObject,
                                                         content: Content) -> None:
    edits: list[Edit] = [SetField("vision", "", "statement", data.draw(hostile_text))]
    for name in ("members", "goals", "budget", "learning", "apps", "funding"):
        items = getattr(plan, name)
        if items:
            item = data.draw(st.sampled_from(items))
            edits.append(MoveItem(name, item.id, data.draw(st.integers(-2, len(items) + 2))))
            if name in ("members", "goals"):
                edits.append(SetField(name, item.id, "title" if name == "goals" else "name", data.draw(hostile_text)))
    batch = Batch(tuple(data.draw(st.permutations(edits))))
    after, inverse = apply_edit(plan, batch, content)
    assert apply_edit(after, inverse, content)[0] == plan


def test_refused_batch_changes_nothing_and_writes_nothing(demo: model.Plan, content: Content) -> None:
    backend = Recorder()
    document = PlanDocument(demo, backend, content, "Karen")
    goal = demo.goals[0]
    batch = Batch((SetField("goals", goal.id, "title", "Renamed"), RemoveItem("milestones", demo.milestones[0].id),
                   SetField("goals", goal.id, "priority", 0)), "Bad batch")
    with pytest.raises(PlanRuleError, match="Priority must be a whole number from 1 to 99"):
        document.apply(batch)
    assert document.plan is demo
    assert backend.written == []


def test_applied_edit_is_written_once_then_listeners_hear_it(demo: model.Plan, content: Content) -> None:
    backend = Recorder()
    document = PlanDocument(demo, backend, content, "Karen")
    heard: list[tuple[Edit, int]] = []
    document.subscribe(lambda edit, plan: heard.append((edit, len(backend.written))))
    edit = SetField("district", "", "name", "Oak Grove")
    inverse = document.apply(edit)
    assert backend.written == [edit]
    assert heard == [(edit, 1)]  # the write came first
    assert inverse == SetField("district", "", "name", demo.district.name)


def test_read_only_document_refuses_every_edit(demo: model.Plan, content: Content) -> None:
    backend = Recorder(read_only=True)
    document = PlanDocument(demo, backend, content)
    with pytest.raises(ReadOnlyError, match="open read-only"):
        document.apply(SetField("district", "", "name", "Oak Grove"))
    assert backend.written == []
    assert document.plan is demo
