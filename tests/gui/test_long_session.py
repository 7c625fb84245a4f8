"""A day at the table: thousands of edits, repaints and pane switches in the real window.

On Python 3.11 ``None`` is an ordinary counted object. A Qt binding that drops a
reference to it on every void call or every ``None`` it returns lowers its
count a little at each repaint and edit, and the process aborts with "Fatal
Python error: none_dealloc" once the count reaches zero: after about 300 edits
on a blank plan with PySide6 6.12.0. This test watches the count itself, so
such a drift fails here, long before it could abort a summit session.

The pinned 6.11.3 errs the other way on a few void setters
(``QTableWidgetItem.setTextAlignment``, ``setToolTip``): each keeps one
reference to None too many. That is harmless, since None is never freed, so a
rising count is allowed; a falling one is what aborts.
"""

from __future__ import annotations

import gc
import sys

import pytest
from fixture_types import MakeWindow
from guihelpers import column_of, edit_cell, saved, type_into
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from summit_app.ui.panes import PANE_IDS
from summit_app.ui.panes.budget.budget import BudgetPane
from summit_app.ui.panes.district.district import DistrictPane
from summit_app.ui.window.main_window import MainWindow

ROUNDS = 150  # each round: 8 edits (4 undone and redone), a switch to each pane and repaints, a badge recount
#: How far None's count may fall below where it started: other code holds and lets go of
#: None all the time; the fatal leak shows as a steady fall, about 50 per repaint and per edit.
SLACK = 400


def _none_count() -> int:
    """None's reference count once the loop is idle and cyclic garbage is gone.

    The collection matters: earlier tests in the same process leave large garbage
    (whole plans) that the collector may free in the middle of this one, dropping
    None's count by hundreds of thousands at once for reasons that are not a leak.
    """
    QApplication.processEvents()
    gc.collect()
    return sys.getrefcount(None)


def _one_round(qtbot: QtBot, window: MainWindow, n: int) -> None:
    district = window.workspace.pane("district")
    assert isinstance(district, DistrictPane)
    window.workspace.show_pane("district")
    type_into(qtbot, district.district_form.editor("enrollment"), str(5000 + n))
    type_into(qtbot, district.district_form.editor("name"), f"Harbor Unified {n}")
    budget = window.workspace.pane("budget")
    assert isinstance(budget, BudgetPane)
    window.workspace.show_pane("budget")
    lines = budget.lines
    edit_cell(qtbot, lines, n % 3, column_of(lines, "quantity"), str(10 + n))
    edit_cell(qtbot, lines, n % 3, column_of(lines, "description"), f"Line {n}")
    for _ in range(2):
        window.actions_["undo"].trigger()
    for _ in range(2):
        window.actions_["redo"].trigger()
    for pane_id in PANE_IDS:
        window.workspace.show_pane(pane_id)
        window.workspace.navigator.repaint()
        window.repaint()
    window.workspace.findings.flush()


@pytest.mark.slow
@pytest.mark.timeout(1200)  # about a minute alone; a busy machine may take several
def test_none_is_never_released_through_a_day_of_editing(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()  # the demo plan: every pane has tables, findings and charts to paint
    _one_round(qtbot, window, 0)  # caches, lazily built panes and first paints settle here
    start = _none_count()
    counts = [start]
    for n in range(1, ROUNDS + 1):
        _one_round(qtbot, window, n)
        counts.append(_none_count())
        assert counts[-1] > start - SLACK, (
            f"None's reference count fell from {start} to {counts[-1]} in {n} rounds of editing: "
            f"a binding is releasing references it does not own (every tenth round: {counts[::10]})")
    plan = saved(window)
    assert plan.district.name == f"Harbor Unified {ROUNDS}"
    assert plan.district.enrollment == 5000 + ROUNDS
    assert any(line.description == f"Line {ROUNDS}" for line in plan.budget)
    assert min(counts) > start - SLACK, counts[::10]
