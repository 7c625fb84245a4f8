"""Framework coverage: which gears, ISTE conditions and E-Rate elements the plan addresses, and with what."""

from __future__ import annotations

import dataclasses

import pytest
from plan_builders import GOAL, change, coherent_plan

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.coverage import (
    FRAMEWORKS,
    LEARNING_ADDRESSES,
    ROLE_ADDRESSES,
    Coverage,
    ItemRef,
    coverage,
    item_label,
)


@pytest.fixture(scope="module")
def good(content: Content) -> model.Plan:
    return coherent_plan(content)


def by_of(result: Coverage, vocabulary: str, entry_id: str) -> tuple[ItemRef, ...]:
    return next(e.by for e in result.framework(vocabulary).entries if e.entry.id == entry_id)


def addressed(result: Coverage, vocabulary: str) -> set[str]:
    return {e.entry.id for e in result.framework(vocabulary).entries if e.addressed}


def test_a_blank_plan_addresses_nothing(content: Content) -> None:
    result = coverage(model.Plan(), content)
    assert [(f.name, len(f.entries), f.addressed_count()) for f in result.frameworks] == [
        ("Future Ready gears and Collaborative Leadership", 8, 0), ("ISTE Essential Conditions", 7, 0),
        ("E-Rate technology-plan checklist (historical, pre-2015)", 5, 0)]
    gears = [e.entry.name for e in result.framework("gears").entries]
    assert gears[:7] == [g.name for g in content.gears if not g.across_gears]
    assert gears[7] == "Collaborative Leadership (across the gears)"
    assert [e.name for e in result.framework("erate_elements").missing()] == [
        "Goals and strategy", "Professional development", "Needs assessment", "Budget", "Evaluation"]


def test_entries_unpack_as_entry_addressed_by(good: model.Plan, content: Content) -> None:
    entry, is_addressed, by = coverage(good, content).iste_conditions[0]
    assert (entry.name, is_addressed) == ("Shared Vision", True)
    assert by[0] == ItemRef("goals", GOAL)


def test_a_goal_addresses_its_alignments_with_the_items_that_serve_it(good: model.Plan, content: Content) -> None:
    result = coverage(good, content)
    assert by_of(result, "iste_conditions", "shared-vision") == (
        ItemRef("goals", GOAL), ItemRef("learning", "pd-leaders"), ItemRef("learning", "pd-teachers"),
        ItemRef("budget", "line-devices"), ItemRef("budget", "line-lms"), ItemRef("budget", "line-repairs"),
        ItemRef("budget", "line-coaching"), ItemRef("budget", "line-reserve"))
    assert addressed(result, "iste_conditions") == {e.id for e in content.vocabulary("iste_conditions")}
    assert addressed(result, "gears") == {"infrastructure", "professional-learning"}


def test_items_address_entries_by_their_nature_without_a_goal(good: model.Plan, content: Content) -> None:
    plan = good.replace(goals=(), learning=tuple(change(good, "learning", "pd-teachers", goal_ids=()).learning[1:]),
                        budget=tuple(b for b in good.budget if b.id in ("line-devices", "line-lms")))
    plan = change(change(plan, "budget", "line-devices", goal_id=None), "budget", "line-lms", goal_id=None)
    result = coverage(plan, content)
    assert addressed(result, "iste_conditions") == {"prepared-educators", "equitable-access"}
    assert addressed(result, "erate_elements") == {"professional-development"}
    assert addressed(result, "gears") == {"professional-learning", "infrastructure"}
    assert by_of(result, "iste_conditions", "equitable-access") == (ItemRef("budget", "line-devices"),)


def test_an_unaligned_goal_leaves_its_entries_uncovered(good: model.Plan, content: Content) -> None:
    plan = change(good, "goals", GOAL, gear="", iste_conditions=("shared-vision",), erate_elements=())
    result = coverage(plan, content)
    assert "implementation-planning" not in addressed(result, "iste_conditions")
    assert [e.id for e in result.framework("erate_elements").missing()] == [
        "goals-strategy", "needs-assessment", "budget", "evaluation"]


def test_the_built_in_alignments_name_real_entries(content: Content) -> None:
    tables = [LEARNING_ADDRESSES, *ROLE_ADDRESSES.values()]
    for table in tables:
        for vocabulary, ids in table.items():
            assert set(ids) <= content.ids(vocabulary), (vocabulary, ids)
    roles = {str(e.get("role")) for e in content.vocabulary("cost_categories")}
    assert set(ROLE_ADDRESSES) <= roles
    assert [v for v, _ in FRAMEWORKS] == ["gears", "iste_conditions", "erate_elements"]


def test_budget_lines_alone_do_not_cover_the_checklists_budget_item(good: model.Plan, content: Content) -> None:
    """A plan with money in it has not thereby planned its budget: a goal aligned with budgeting must."""
    plan = good.replace(goals=(), learning=())
    plan = plan.replace(budget=tuple(dataclasses.replace(b, goal_id=None) for b in plan.budget))
    assert plan.budget
    result = coverage(plan, content)
    assert by_of(result, "erate_elements", "budget") == ()
    aligned = change(good, "goals", GOAL, erate_elements=("budget",))
    assert ItemRef("goals", GOAL) in by_of(coverage(aligned, content), "erate_elements", "budget")


def test_the_demo_plan_covers_every_iste_condition_and_erate_element(demo: model.Plan, content: Content) -> None:
    result = coverage(demo, content)
    assert result.framework("iste_conditions").missing() == ()
    assert result.framework("erate_elements").missing() == ()


def test_item_labels_and_json(good: model.Plan, content: Content) -> None:
    assert item_label(good, ItemRef("budget", "line-lms")) == "Learning management system"
    assert item_label(good, ItemRef("learning", "pd-leaders")) == "Leadership institute"
    assert item_label(good, ItemRef("goals", "gone")) == "gone"
    data = coverage(good, content).to_json()
    assert list(data) == ["gears", "iste_conditions", "erate_elements"]
    assert data["gears"][0] == {"id": "cia", "name": "Curriculum, Instruction, and Assessment", "addressed": False,
                                "by": []}
    assert data["erate_elements"][3]["by"][:2] == [{"collection": "goals", "item": GOAL},
                                                   {"collection": "learning", "item": "pd-leaders"}]
