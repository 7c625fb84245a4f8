"""Repairing a plan that breaks the rules: the smallest changes, each said, and the result obeys every rule."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.repair import repair
from summit_app.plan.rules import plan_problems


def test_a_sound_plan_is_left_alone(demo: model.Plan, content: Content) -> None:
    assert repair(demo, content) == (demo, [])


def test_broken_fields_go_back_to_defaults_and_broken_items_are_left_out(demo: model.Plan, content: Content) -> None:
    lines = list(demo.budget)
    lines[0] = dataclasses.replace(lines[0], unit_cost=Decimal("-5.00"))
    lines[1] = dataclasses.replace(lines[1], id="")
    learning = list(demo.learning)
    learning[0] = dataclasses.replace(learning[0], goal_ids=(demo.goals[0].id, "gone", demo.goals[0].id))
    broken = demo.replace(budget=tuple(lines), learning=tuple(learning),
                          district=dataclasses.replace(demo.district, enrollment=-40))
    mended, changes = repair(broken, content)
    assert plan_problems(mended, content) == []
    assert mended.district.enrollment == model.District().enrollment
    assert mended.district.name == demo.district.name
    assert mended.budget[0].unit_cost == Decimal("0.00")
    assert lines[1] not in mended.budget
    assert len(mended.budget) == len(demo.budget) - 1
    assert mended.learning[0].goal_ids == (demo.goals[0].id,)
    assert changes[0].startswith("district.enrollment: ")
    assert any(c.startswith("budget[1]: ") and c.endswith("the item was left out") for c in changes)
    # The left-out line paid for both internet upgrades: each no longer points at it.
    assert [c for c in changes if c.startswith("upgrades[")] == [
        f"upgrades[{n}].budget_line_ids: Paid by points at 'line-02', which is not in the plan; set back to its default"
        for n in (0, 2)]
    assert len(changes) == 6
