"""Which items go with the item they point at: stated once on the model, read by the edits and the file."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateTable

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import apply_edit
from summit_app.plan.fields import owned_links, spec
from summit_app.store.layout import CASCADE, TABLE_NAMES
from summit_app.store.schema import METADATA
from summit_app.ui.fields.collection_edits import removal_edit


def test_a_goals_actions_and_a_members_ratings_are_owned() -> None:
    assert owned_links() == {("actions", "goal_id"), ("member_ratings", "member_id")}
    assert spec(model.GoalAction, "goal_id").owned
    assert not spec(model.BudgetLine, "goal_id").owned  # a budget line outlives its goal, unlinked


def test_the_files_cascade_is_the_models_owned_links() -> None:
    assert owned_links() == CASCADE
    for collection, link in owned_links():
        ddl = str(CreateTable(METADATA.tables[TABLE_NAMES[collection]]).compile(dialect=sqlite.dialect()))
        assert f"FOREIGN KEY({link})" in ddl
        assert "ON DELETE CASCADE" in ddl
    budget = str(CreateTable(METADATA.tables[TABLE_NAMES["budget"]]).compile(dialect=sqlite.dialect()))
    assert "ON DELETE CASCADE" not in budget


def test_removing_a_goal_removes_its_actions_and_unlinks_its_budget_lines(content: Content) -> None:
    goal = model.Goal(id="g1", title="Every student a device")
    plan = model.Plan(goals=(goal,),
                      actions=(model.GoalAction(id="a1", goal_id="g1", text="Survey classrooms"),),
                      budget=(model.BudgetLine(id="b1", goal_id="g1", description="Laptops",
                                               unit_cost=Decimal("300")),))
    after, _inverse = apply_edit(plan, removal_edit(plan, "goals", "g1", "Remove goal"), content)
    assert after.goals == ()
    assert after.actions == ()
    assert [line.goal_id for line in after.budget] == [None]
