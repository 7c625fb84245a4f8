"""A plan whose items break the format's rules is not opened: the window lists what is broken, read-only."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.store.plan_file import PlanFile
from summit_app.ui.window.faults_view import PlanFaultsView


def _broken(path: Path, demo: model.Plan) -> Path:
    """The demo plan with a negative unit cost, a dangling goal link and a year no plan has."""
    PlanFile.create(path, demo).close()
    con = sqlite3.connect(path)
    first, second = (row[0] for row in con.execute("SELECT id FROM budget_lines ORDER BY position LIMIT 2"))
    con.execute("UPDATE budget_lines SET unit_cost = -500 WHERE id = ?", (first,))
    con.execute("UPDATE budget_lines SET goal_id = 'no-such-goal' WHERE id = ?", (second,))
    con.execute("UPDATE milestones SET goal_ids = '[\"gone\"]'")
    con.commit()
    con.close()
    return path


def test_a_broken_plan_lists_its_broken_items_and_is_not_opened(
    make_window: Any, prompts: Any, tmp_path: Path, demo: model.Plan, qtbot: QtBot
) -> None:
    path = _broken(tmp_path / "plan.techplan", demo)
    data = path.read_bytes()
    window = make_window(path=path)  # an unexpected dialog fails the test: none is scripted
    assert prompts.asked == []
    assert window.context is None  # nothing to edit, export or sign
    view = window.pages.currentWidget()
    assert isinstance(view, PlanFaultsView)
    items = [view.faults.item(i).text() for i in range(view.faults.count())]
    assert items[:2] == ["budget.lines[0].unit_cost: Unit cost must not be negative",
                         "budget.lines[1].goal_id: Goal points at 'no-such-goal', which is not in the plan"]
    assert len(items) == 2 + len(demo.milestones)
    assert window.read_only_badge.isVisibleTo(window)
    assert "(not opened)" in window.windowTitle()
    close = next(b for b in view.findChildren(QPushButton) if b.text() == "Close")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.welcome
    assert path.read_bytes() == data
    assert not path.with_name(path.name + ".lock").exists()


def test_a_good_plan_opened_after_a_broken_one_replaces_the_list(
    make_window: Any, make_plan_file: Any, tmp_path: Path, demo: model.Plan
) -> None:
    window = make_window(path=_broken(tmp_path / "broken.techplan", demo))
    assert isinstance(window.pages.currentWidget(), PlanFaultsView)
    assert window.open_path(make_plan_file(demo, "good.techplan"))
    assert window.context is not None
    assert window.faults_view is None
    assert window.pages.count() == 2  # the welcome screen and the plan, nothing left of the list


def test_a_repaired_copy_opens_with_what_was_changed_named(
    make_window: Any, prompts: Any, tmp_path: Path, demo: model.Plan, qtbot: QtBot
) -> None:
    path = _broken(tmp_path / "plan.techplan", demo)
    data = path.read_bytes()
    window = make_window(path=path)
    view = window.pages.currentWidget()
    assert view.repair.isVisibleTo(view)
    prompts.script("save_path", tmp_path / "mended")
    prompts.script("report", None)
    qtbot.mouseClick(view.repair, Qt.MouseButton.LeftButton)
    assert window.context is not None
    assert window.plan_path() == tmp_path / "mended.techplan"
    title, summary, changes = prompts.asked[-1][1]
    assert title == "Repaired copy saved"
    assert "plan.techplan was not changed" in summary
    assert changes[0] == "budget[0].unit_cost: Unit cost must not be negative; set back to its default"
    assert changes[1] == ("budget[1].goal_id: Goal points at 'no-such-goal', which is not in the plan; "
                          "set back to its default")
    assert len(changes) == 2 + len(demo.milestones)
    with PlanFile.open(tmp_path / "mended.techplan", read_only=True) as mended:
        plan = mended.load()
    assert plan.budget[0].unit_cost == 0
    assert plan.budget[1].goal_id is None
    assert all(m.goal_ids == () for m in plan.milestones)
    assert plan.budget[2:] == demo.budget[2:]
    assert plan.goals == demo.goals
    assert path.read_bytes() == data  # the broken file is left as it was
