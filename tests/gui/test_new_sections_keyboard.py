"""The plan's newer sections are reachable by keyboard alone: the step by its shortcut, every field by Tab.

A facilitator projecting the plan, or a team member who does not use a mouse,
must reach peer districts, lighthouse schools, the communication plan, home
access and accessibility, and the district's low-income share and opt-in the
same way as every older field.
"""

from __future__ import annotations

from fixture_types import MakeWindow
from guihelpers import shortcut
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from summit_app.ui.window.main_window import MainWindow

#: More Tab presses than any pane has stops: a target not reached by then is not in the focus chain.
MOST_TABS = 400


def tab_to(qtbot: QtBot, window: MainWindow, targets: list[QWidget]) -> set[int]:
    """Press Tab from the navigator until every target has had focus (or MOST_TABS presses); the ones reached."""
    window.activateWindow()
    window.workspace.navigator.setFocus()
    QApplication.processEvents()
    wanted = {id(t): t for t in targets}
    reached: set[int] = set()
    for _ in range(MOST_TABS):
        focused = QApplication.focusWidget()
        assert focused is not None
        reached |= {key for key, target in wanted.items() if focused is target or target.isAncestorOf(focused)}
        if len(reached) == len(wanted):
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return reached


def test_peers_and_communication_is_a_step_away_and_each_table_a_tab_away(qtbot: QtBot,
                                                                         make_window: MakeWindow) -> None:
    window = make_window()
    navigator = window.workspace.navigator
    shortcut(qtbot, navigator, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    pane = window.workspace.stack.currentWidget()
    assert pane.pane_id == "community"
    tables = [pane.peers.view, pane.lighthouses.view, pane.communications.view]
    assert tab_to(qtbot, window, tables) == {id(t) for t in tables}


def test_home_access_and_accessibility_fields_are_in_the_tab_order(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.workspace.show_pane("infrastructure")
    section = window.workspace.pane("infrastructure").home_access
    names = ["no_home_internet_percent", "take_home", "loaner_policy", "hotspot_plan"]
    editors = [section.home.editor(n) for n in names]
    editors += [section.access.editor(n) for n in ("assistive_students", "assistive_plan", "public_entity_size")]
    assert tab_to(qtbot, window, editors) == {id(e) for e in editors}


def test_the_low_income_share_and_the_peer_opt_in_are_in_the_tab_order(qtbot: QtBot,
                                                                       make_window: MakeWindow) -> None:
    window = make_window()
    form = window.workspace.pane("district").district_form
    editors = [form.editor("low_income_percent"), form.editor("peer_matching")]
    assert tab_to(qtbot, window, editors) == {id(e) for e in editors}
