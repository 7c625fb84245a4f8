"""Peers & communication: peer districts, lighthouse schools and the communication plan, typed at the table.

Real main window on a real plan file: every cell is typed through its own editor,
the plan is read back from disk, undo restores what a removal took, and a second
window on the same file shows what the first one saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from fixture_types import MakeWindow
from guihelpers import cell_editor, column_of, edit_cell, press_enter, saved, shortcut
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.progress import COMPLETE, EMPTY, STARTED, STEPS, pane_states
from summit_app.ui.fields.table_section import TableSection
from summit_app.ui.panes import PANE_IDS, pane_for
from summit_app.ui.panes.community.community import CommunityPane, community_summary
from summit_app.ui.window.main_window import MainWindow

GOALS = (model.Goal("g1", "Teachers design with technology"), model.Goal("g2", "Every student has a device"))
PLAN = model.Plan(district=model.District(name="Harbor"), goals=GOALS)
SECRET_LINE = "Private: their superintendent is leaving in June"
PEER = model.PeerDistrict("peer-1", name="Maple Ridge Unified", state="OR", enrollment=34500, low_income_percent=48,
                          alike_in=("enrollment", "low-income"), visit_date=date(2027, 2, 11),
                          visitors="Superintendent and two principals",
                          adopt=f"Their teacher-leader network of Saturday sessions.\n{SECRET_LINE}")
LIGHTHOUSE = model.LighthouseSchool("lighthouse-1", name="Riverside Elementary", district="Harbor",
                                    shows="Grade 4 classes plan projects with their students and show families.",
                                    goal_ids=("g1",), open_from=date(2027, 3, 1), open_to=("teachers", "parents"))
MESSAGES = (model.Communication("message-1", kind="board-adoption", audiences=("board",), channel="board-meeting",
                                message="The board votes on the plan.", planned_date=date(2026, 12, 10)),
            model.Communication("message-2", kind="plan-posting", audiences=("families", "community"),
                                channel="website", languages="English, Spanish",
                                message="The plan and the approved-app list on the website."))
FULL = PLAN.replace(peers=(PEER,), lighthouses=(LIGHTHOUSE,), communications=MESSAGES)


def community(window: MainWindow) -> CommunityPane:
    window.workspace.show_pane("community")
    pane = window.workspace.pane("community")
    assert isinstance(pane, CommunityPane)
    return pane


def add_row(qtbot: QtBot, window: MainWindow, table: TableSection, first_cell: str | None = None) -> None:
    """Press the table's Add button; type into the first cell's editor, which opens by itself."""
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    if first_cell is not None:
        qtbot.keyClicks(window.focusWidget(), first_cell)
        press_enter(qtbot, window.focusWidget())


def choose(qtbot: QtBot, table: TableSection, row: int, field: str, name: str) -> None:
    combo = cell_editor(qtbot, table, row, column_of(table, field))
    qtbot.keyClicks(combo, name)
    press_enter(qtbot, combo)


def tick(qtbot: QtBot, table: TableSection, row: int, field: str, rows: list[int]) -> None:
    checklist = cell_editor(qtbot, table, row, column_of(table, field))
    for choice in rows:
        checklist.setCurrentRow(choice)
        qtbot.keyClick(checklist, Qt.Key.Key_Space)
    press_enter(qtbot, checklist)


def write_long(qtbot: QtBot, table: TableSection, row: int, field: str, text: str) -> None:
    """A long text cell keeps Enter for new lines; Tab (leaving it) saves it."""
    editor = cell_editor(qtbot, table, row, column_of(table, field))
    qtbot.keyClicks(editor, text)
    shortcut(qtbot, editor, Qt.Key.Key_Tab)  # focus moves on only in the active window (offscreen forgets it)


def test_peer_district_typed_in_every_cell_removed_and_undone(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    table = community(window).peers
    add_row(qtbot, window, table, "Maple Ridge Unified")
    edit_cell(qtbot, table, 0, column_of(table, "state"), "OR")
    edit_cell(qtbot, table, 0, column_of(table, "enrollment"), "34500")
    edit_cell(qtbot, table, 0, column_of(table, "low_income_percent"), "48")
    tick(qtbot, table, 0, "alike_in", [0, 2])
    choose(qtbot, table, 0, "relation", "We mentor them")
    edit_cell(qtbot, table, 0, column_of(table, "visit_date"), "Feb 11, 2027")
    edit_cell(qtbot, table, 0, column_of(table, "visitors"), "Superintendent, CTO")
    write_long(qtbot, table, 0, "adopt", "Their teacher-leader network")
    peer = saved(window).peers[0]
    assert (peer.name, peer.state, peer.enrollment, peer.low_income_percent) == ("Maple Ridge Unified", "OR", 34500, 48)
    assert (peer.alike_in, peer.relation, peer.visit_date) == (("enrollment", "low-income"), "mentor",
                                                              date(2027, 2, 11))
    assert (peer.visitors, peer.adopt) == ("Superintendent, CTO", "Their teacher-leader network")
    cells = [table.model.data(table.model.index(0, c)) for c in range(table.model.columnCount())]
    assert cells[4:7] == ["Enrollment, Share of low-income students", "We mentor them", "Feb 11, 2027"]
    shortcut(qtbot, table.view, Qt.Key.Key_Delete)
    assert saved(window).peers == ()
    window.actions_["undo"].trigger()
    assert saved(window).peers == (peer,)
    assert table.current_id() == peer.id  # undo shows the row it brought back


def test_lighthouse_school_linked_to_goals_and_opened_to_visitors(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    table = community(window).lighthouses
    add_row(qtbot, window, table, "Riverside Elementary")
    edit_cell(qtbot, table, 0, column_of(table, "district"), "Harbor")
    write_long(qtbot, table, 0, "shows", "Projects planned with students")
    tick(qtbot, table, 0, "goal_ids", [1])
    edit_cell(qtbot, table, 0, column_of(table, "open_from"), "2027-03-01")
    tick(qtbot, table, 0, "open_to", [0, 2, 3])
    edit_cell(qtbot, table, 0, column_of(table, "contact"), "Principal's office")
    school = saved(window).lighthouses[0]
    assert (school.name, school.district, school.shows) == ("Riverside Elementary", "Harbor",
                                                           "Projects planned with students")
    assert (school.goal_ids, school.open_from) == (("g2",), date(2027, 3, 1))
    assert (school.open_to, school.contact) == (("teachers", "parents", "community"), "Principal's office")
    assert table.model.data(table.model.index(0, column_of(table, "goal_ids"))) == "Every student has a device"
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert saved(window).lighthouses == ()
    window.actions_["undo"].trigger()
    assert saved(window).lighthouses == (school,)


def test_removing_a_goal_unlinks_it_from_lighthouse_schools_in_one_undo(qtbot: QtBot,
                                                                         make_window: MakeWindow) -> None:
    window = make_window(FULL)
    vision = window.workspace.pane("vision")
    window.workspace.show_pane("vision")
    assert vision.select_item("goals", "g1")
    shortcut(qtbot, vision.goals.view, Qt.Key.Key_Delete)
    assert saved(window).lighthouses[0].goal_ids == ()
    window.actions_["undo"].trigger()
    assert saved(window).lighthouses[0].goal_ids == ("g1",)


def test_communication_plan_typed_reordered_and_complete(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    pane = community(window)
    table = pane.communications
    assert pane_states(saved(window), window.context.content)["community"] == EMPTY
    for kind in ("Board adoption of the plan", "Public posting of the plan"):
        add_row(qtbot, window, table, kind)
    assert "Still to plan" not in pane.essentials.text()
    assert pane.essentials.text().startswith("✓")
    tick(qtbot, table, 1, "audiences", [1, 4])
    write_long(qtbot, table, 1, "message", "The plan and the approved-app list")
    choose(qtbot, table, 1, "channel", "District website")
    edit_cell(qtbot, table, 1, column_of(table, "languages"), "English, Spanish")
    edit_cell(qtbot, table, 1, column_of(table, "planned_date"), "Dec 15, 2026")
    edit_cell(qtbot, table, 1, column_of(table, "owner"), "Communications office")
    posting = saved(window).communications[1]
    assert (posting.kind, posting.audiences, posting.channel) == ("plan-posting", ("families", "community"), "website")
    assert (posting.message, posting.languages) == ("The plan and the approved-app list", "English, Spanish")
    assert (posting.planned_date, posting.owner) == (date(2026, 12, 15), "Communications office")
    assert pane_states(saved(window), window.context.content)["community"] == STARTED  # no peer, no lighthouse yet
    table.select(posting.id)
    shortcut(qtbot, table.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [c.kind for c in saved(window).communications] == ["plan-posting", "board-adoption"]
    window.actions_["undo"].trigger()
    assert [c.kind for c in saved(window).communications] == ["board-adoption", "plan-posting"]
    add_row(qtbot, window, pane.peers, "Maple Ridge Unified")
    assert pane_states(saved(window), window.context.content)["community"] == COMPLETE
    row = PANE_IDS.index("community")
    assert window.workspace.navigator.item(row).text().startswith("●")


def test_the_pane_says_what_the_communication_plan_still_lacks(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    pane = community(window)
    assert pane.totals.text() == "Nothing entered yet"
    assert pane.essentials.text() == ("The communication plan needs at least: Board adoption of the plan; "
                                      "Public posting of the plan.")
    assert all(section.empty_line.isVisible() for section in pane.sections.values())
    window.resize(1300, 900)  # a laptop's width: the headings' room shrinks to fit it
    QApplication.processEvents()
    for section in pane.sections.values():  # every heading whole, and no sideways scrolling for an empty table
        header = section.view.horizontalHeader()
        assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in range(header.count()))
        assert section.view.horizontalScrollBar().maximum() == 0, section.title.text()
    add_row(qtbot, window, pane.communications, "Family information session")
    assert pane.essentials.text() == "✗  Still to plan: Board adoption of the plan; Public posting of the plan."
    assert pane.essentials.objectName() == "gapFigure"
    assert not pane.communications.empty_line.isVisible()
    assert pane.peers.empty_line.isVisible()
    assert pane.totals.text() == "0 peer districts · 0 lighthouse schools · 1 planned message"
    assert community_summary(FULL) == ("1 peer district (1 with a planned visit) · 1 lighthouse school · "
                                       "2 planned messages")


def test_what_the_table_typed_is_there_in_the_next_session(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN)
    pane = community(window)
    add_row(qtbot, window, pane.peers, "Sierra Vista Schools")
    add_row(qtbot, window, pane.lighthouses, "Oak Middle School")
    add_row(qtbot, window, pane.communications, "Yearly public progress report")
    edit_cell(qtbot, pane.communications, 0, column_of(pane.communications, "languages"), "English, Vietnamese")
    path = window.plan_path()
    window.actions_["close"].trigger()
    again = make_window(path=path)
    reopened = community(again)
    assert [p.name for p in again.context.plan.peers] == ["Sierra Vista Schools"]
    assert reopened.lighthouses.model.data(reopened.lighthouses.model.index(0, 0)) == "Oak Middle School"
    message = again.context.plan.communications[0]
    assert (message.kind, message.languages) == ("progress-report", "English, Vietnamese")
    assert reopened.communications.model.data(reopened.communications.model.index(0, 0)) == \
        "Yearly public progress report"


def test_take_me_there_selects_the_item_in_its_table(make_window: MakeWindow) -> None:
    assert {pane_for(c) for c in ("peers", "lighthouses", "communications")} == {"community"}
    window = make_window(FULL)
    window.workspace.show_pane("district")
    review = window.workspace.pane("review")
    review.navigate.emit("communications", "message-2")
    pane = window.workspace.pane("community")
    assert window.workspace.stack.currentWidget() is pane
    assert pane.communications.current_id() == "message-2"
    review.navigate.emit("lighthouses", "lighthouse-1")
    assert pane.lighthouses.current_id() == "lighthouse-1"
    assert not pane.select_item("goals", "g1")


def test_the_navigator_and_the_menu_list_the_step_in_its_place(make_window: MakeWindow) -> None:
    assert PANE_IDS[-3:] == ("timeline", "community", "review")
    window = make_window(PLAN)
    navigator = window.workspace.navigator
    texts = [navigator.item(row).text() for row in range(navigator.count())]
    assert texts[8].endswith("9. Peers & communication")
    assert texts[9].endswith("10. Review & sign")
    assert window.actions_["go_community"].shortcut().toString() == "Ctrl+9"
    assert window.actions_["go_review"].text() == "1&0 Review && sign"
    assert window.actions_["go_review"].shortcut().isEmpty()  # Ctrl+0 stays Actual Size
    window.actions_["go_community"].trigger()
    assert window.workspace.navigator.current_pane() == "community"
    window.actions_["next_step"].trigger()
    assert window.workspace.navigator.current_pane() == "review"
    assert len(STEPS) == navigator.count() == 10


def test_long_text_wraps_in_narrow_columns(make_window: MakeWindow) -> None:
    long_peer = replace(PEER, adopt="Their teacher-leader network: ten Saturday sessions, each ending with one "
                                   "classroom idea every teacher tries before the next one.")
    window = make_window(FULL.replace(peers=(long_peer,)))
    table = community(window).peers
    header = table.view.horizontalHeader()
    adopt = column_of(table, "adopt")
    QApplication.processEvents()
    assert header.sectionSize(adopt) <= table.widest() + 1
    assert table.view.rowHeight(0) >= 2 * table.view.fontMetrics().height()  # wrapped onto several lines


def test_present_mode_shows_the_step_at_projector_size_without_private_lines(make_window: MakeWindow,
                                                                             qtbot: QtBot) -> None:
    window = make_window(FULL)
    editor_pane = community(window)
    assert SECRET_LINE in window.context.plan.peers[0].adopt  # the editor holds it
    mode = window.facilitator.present
    window.actions_["present"].trigger()
    qtbot.waitUntil(mode.stage.isVisible)
    QApplication.processEvents()
    assert mode.stage.pane_id == "community"
    staged = mode.stage.pane("community")
    assert isinstance(staged, CommunityPane)
    cells = _all_cells(staged)
    assert "Maple Ridge Unified" in cells
    assert "Riverside Elementary" in cells
    assert "Board adoption of the plan" in cells
    assert "Their teacher-leader network of Saturday sessions." in cells
    assert not any("superintendent is leaving" in c for c in cells)
    assert staged.peers.help_line.isVisibleTo(staged)
    assert not any(b.isVisibleTo(staged) for b in staged.findChildren(QPushButton))  # nothing to edit with
    projector = QFontInfo(staged.peers.view.font()).pixelSize()
    assert projector > QFontInfo(editor_pane.peers.view.font()).pixelSize()
    for section in staged.sections.values():
        header = section.view.horizontalHeader()
        assert max(header.sectionSize(c) for c in range(header.count())) <= section.widest() + 1
        assert section.view.verticalScrollBar().maximum() == 0  # every row shows, no box inside the page
    mode.leave()


def _all_cells(pane: CommunityPane) -> list[str]:
    found: list[str] = []
    for section in pane.sections.values():
        table: Any = section.model
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                index = table.index(row, column)
                found += [str(table.data(index) or ""), str(table.data(index, Qt.ItemDataRole.ToolTipRole) or "")]
    return found


def test_the_three_tables_are_valid_models(make_window: MakeWindow, qtmodeltester: ModelTester) -> None:
    pane = community(make_window(FULL))
    for section in pane.sections.values():
        qtmodeltester.check(section.model)
