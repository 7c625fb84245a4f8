"""Edit ▸ Find: type a word, step through every place the plan holds it, and land there."""

from __future__ import annotations

from fixture_types import MakeWindow
from guihelpers import shortcut
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.search import find_text


def test_find_goes_to_each_match_in_turn(qtbot: QtBot, make_window: MakeWindow, demo: model.Plan) -> None:
    window = make_window()
    shortcut(qtbot, window.workspace.navigator, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.workspace.find_bar
    assert bar.isVisible()
    assert QApplication.focusWidget() is bar.field
    qtbot.keyClicks(bar.field, "chromebook")
    expected = find_text(demo, "Chromebook")
    assert len(expected) >= 3
    assert bar.where.text().startswith(f"{len(expected)} matches")
    seen = []
    for _ in expected:
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
        match = bar.matches[bar.current]
        seen.append(match)
        assert window.workspace.navigator.current_pane() != ""
        if match.item_id:
            pane = window.workspace.current_pane()
            assert match.collection in {"budget", "readiness", "devices", "goals", "learning", "apps"}
            assert pane.isVisible()
        assert bar.where.text().startswith(f"{len(seen)} of {len(expected)}")
        assert QApplication.focusWidget() is bar.field  # typing goes on in the bar
    assert seen == expected
    budget_hits = [m for m in expected if m.collection == "budget"]
    bar.current = expected.index(budget_hits[0]) - 1
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.workspace.navigator.current_pane() == "budget"
    lines = window.workspace.pane("budget").lines
    assert lines.current_id() == budget_hits[0].item_id
    row = lines.view.visualRect(lines.view.currentIndex())
    top = lines.view.viewport().mapTo(window.workspace, row.topLeft()).y()
    assert 0 <= top < window.workspace.height()  # the pane scrolled to the row, not only the table
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == expected.index(budget_hits[0]) - 1
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_lands_on_a_field_of_a_section(qtbot: QtBot, make_window: MakeWindow, demo: model.Plan) -> None:
    window = make_window()
    window.workspace.show_pane("budget")
    window.actions_["find"].trigger()
    bar = window.workspace.find_bar
    qtbot.keyClicks(bar.field, demo.district.summit_city)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.workspace.navigator.current_pane() == "district"
    assert bar.where.text().endswith("District · Summit city")


def test_nothing_found_says_so(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.actions_["find"].trigger()
    bar = window.workspace.find_bar
    qtbot.keyClicks(bar.field, "zebra crossing")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.where.text() == "Not found in the plan"
    assert window.workspace.navigator.current_pane() == "district"


def test_find_text_reads_every_text_field_in_step_order(demo: model.Plan) -> None:
    found = find_text(demo, demo.members[0].name)
    assert found[0].collection == "members"
    assert find_text(demo, "   ") == []
    order = [m.collection for m in find_text(demo, "e")]
    assert order.index("district") < order.index("goals") < order.index("budget") < order.index("milestones")
