"""Dot voting: dots per member, the tally's ranking, and goal priorities set in one undoable step."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from guihelpers import saved
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.edits import Batch, SetField
from summit_app.plan.voting import VotingSession, priority_edit
from summit_app.ui.facilitation.voting_dialog import GEARS, GOALS, VotingDialog

pytestmark = pytest.mark.gui


def open_voting(window: Any, qtbot: QtBot) -> VotingDialog:
    dialog = window.facilitator.open_voting()
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def click_plus(qtbot: QtBot, dialog: VotingDialog, option_id: str, times: int = 1) -> None:
    row = next(r for r in dialog.rows if r.option_id == option_id)
    for _ in range(times):
        qtbot.mouseClick(row.plus, Qt.MouseButton.LeftButton)


def test_members_vote_in_turn_and_the_tally_sets_priorities_undoably(make_window: Any, demo: model.Plan,
                                                                      qtbot: QtBot) -> None:
    window = make_window()
    before = saved(window)
    goals = [g.id for g in demo.goals]
    dialog = open_voting(window, qtbot)
    assert dialog.voter.currentText() == demo.members[0].name
    click_plus(qtbot, dialog, goals[4], 3)
    assert dialog.left.text() == "0 of 3 dots left"
    assert not next(r for r in dialog.rows if r.option_id == goals[0]).plus.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.voter.currentText() == demo.members[1].name
    click_plus(qtbot, dialog, goals[2], 2)
    click_plus(qtbot, dialog, goals[4])
    dialog.voter.setCurrentIndex(5)  # the facilitator enters a member's dots
    click_plus(qtbot, dialog, goals[2])
    click_plus(qtbot, dialog, goals[1], 2)
    assert [dialog.tally.item(i, 1).text() for i in range(3)] == [
        demo.goals[4].title, demo.goals[2].title, demo.goals[1].title]
    assert [dialog.tally.item(i, 2).text() for i in range(3)] == ["4", "3", "2"]
    assert [dialog.tally.item(i, 1).toolTip() for i in range(3)] == [  # whole on hover when cut short
        demo.goals[4].title, demo.goals[2].title, demo.goals[1].title]
    steps = window.context.undo_stack.count()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert window.context.undo_stack.count() == steps + 1  # one step for all the priorities
    priorities = {g.id: g.priority for g in saved(window).goals}
    assert (priorities[goals[4]], priorities[goals[2]], priorities[goals[1]]) == (1, 2, 3)
    assert {priorities[g] for g in (goals[0], goals[3], goals[5])} == {4}  # no dots: equal last
    window.context.undo_stack.undo()
    assert saved(window) == before
    dialog.close()


def test_priority_edit_is_one_batch_of_changed_priorities(demo: model.Plan) -> None:
    session = VotingSession([(g.id, g.title) for g in demo.goals], [("m", "M")], dots=1)
    session.add_dot("m", demo.goals[3].id)
    edit = priority_edit(demo, session.tally())
    assert isinstance(edit, Batch)
    assert edit.label == "Set goal priorities from dot voting"
    assert all(isinstance(e, SetField) and e.collection == "goals" and e.field == "priority" for e in edit.edits)
    assert ("goals", demo.goals[3].id, "priority", 1) in {(e.collection, e.item_id, e.field, e.value)
                                                          for e in edit.edits if isinstance(e, SetField)}
    ranks = {row.option_id: row.rank for row in session.tally()}
    ranked = demo.replace(goals=tuple(dataclasses.replace(g, priority=ranks[g.id]) for g in demo.goals))
    assert priority_edit(ranked, session.tally()) is None  # nothing to change, no empty undo step


def test_gears_are_ranked_without_touching_the_plan(make_window: Any, content: Any, qtbot: QtBot) -> None:
    window = make_window()
    before = saved(window)
    dialog = open_voting(window, qtbot)
    dialog.subject.setCurrentIndex(dialog.subject.findData(GEARS))
    assert dialog.subject_key() == GEARS
    assert not dialog.apply_button.isVisible()
    assert len(dialog.rows) == len(content.gears)
    click_plus(qtbot, dialog, content.gears[6].id, 2)
    assert dialog.tally.item(0, 1).text() == content.gears[6].name
    dialog.subject.setCurrentIndex(dialog.subject.findData(GOALS))
    assert dialog.tally.item(0, 2).text() == "0"  # the goals' votes are their own
    dialog.close()
    assert window.facilitator.open_voting() is dialog  # reopened: the votes are still there
    dialog.subject.setCurrentIndex(dialog.subject.findData(GEARS))
    assert dialog.tally.item(0, 2).text() == "2"
    dialog.close()
    assert saved(window) == before


def test_a_read_only_plan_can_vote_but_not_set_priorities(make_window: Any, qtbot: QtBot) -> None:
    window = make_window(read_only=True)
    dialog = open_voting(window, qtbot)
    click_plus(qtbot, dialog, dialog.rows[0].option_id)
    assert not dialog.apply_button.isEnabled()
    dialog.close()
