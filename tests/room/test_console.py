"""The facilitator's room console on a real room: its rows follow the tables, its actions change the room.

Real widgets (pytest-qt, offscreen) on the room tests/room/conftest.py starts;
seats are headless ``Seat``s writing through the server. Only modal questions
are scripted (``ScriptedConsolePrompts``); waits are on conditions with a deadline.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from qt_windows import _no_windows_left  # noqa: F401  (autouse: every test closes its windows)
from room.consolehelpers import ScriptedConsolePrompts
from room.roomsetup import Room

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import SetField
from summit_app.room.join import connect_seat
from summit_app.room.seat import Seat, SeatLost, SeatRemoved
from summit_app.store.errors import PlanFileError
from summit_app.store.plan_file import PlanFile
from summit_app.ui.room.console import RoomConsole
from summit_app.ui.room.console_projection import ProjectionWindow
from summit_app.ui.room.console_prompts import FROM_PLAN, NewTable
from summit_app.ui.room.console_rollup import LiveRollupDialog
from summit_app.workflows.errors import UsageError

pytestmark = pytest.mark.xdist_group("room")
WAIT_MS = 5000


@pytest.fixture
def prompts() -> ScriptedConsolePrompts:
    return ScriptedConsolePrompts()


@pytest.fixture
def console(room: Room, qtbot: QtBot, prompts: ScriptedConsolePrompts) -> Iterator[Callable[[], RoomConsole]]:
    made: list[RoomConsole] = []

    def make() -> RoomConsole:
        shown = RoomConsole(room.folder, prompts)
        qtbot.addWidget(shown)
        made.append(shown)
        shown.show()
        qtbot.waitUntil(lambda: shown.loaded, timeout=4 * WAIT_MS)
        return shown

    yield make
    for shown in made:
        shown.close()


@pytest.fixture
def seat(room: Room, tmp_path: Path) -> Iterator[Callable[[str, str], Seat]]:
    opened: list[Seat] = []

    def sit(table: str, author: str) -> Seat:
        taken = Seat(connect_seat(room.code(table), room.passphrase(table), tmp_path), author)
        opened.append(taken)
        return taken

    yield sit
    for taken in opened:
        taken.close()


def test_the_console_lists_every_table_and_a_seats_edit_updates_its_row(
        room: Room, console: Callable[[], RoomConsole], seat: Callable[[str, str], Seat], qtbot: QtBot) -> None:
    room.add("con_list_a")
    room.add("con_list_b")
    shown = console()
    assert shown.row_of("con_list_a")[1] == "(not named yet)"
    assert shown.row_of("con_list_b")[0] == "con_list_b"
    assert f"{shown.tables.rowCount()} table" in shown.heading.text()
    seat("con_list_a", "Ana").edit(SetField("district", "", "name", "Birch Valley Schools"))
    qtbot.waitUntil(lambda: shown.row_of("con_list_a")[1] == "Birch Valley Schools", timeout=WAIT_MS)
    _table, _district, seats, progress, _findings, activity = shown.row_of("con_list_a")
    assert (seats, progress, activity) == ("Ana (joining)", "0 of 10 steps done · 1 under way", "just now")
    assert shown.row_of("con_list_b")[1:4] == ["(not named yet)", "no seats in", "0 of 10 steps done"]


def test_the_join_code_shows_as_text_and_qr_and_the_passphrase_only_when_asked(
        room: Room, console: Callable[[], RoomConsole], tmp_path: Path) -> None:
    if not shutil.which("zbarimg"):
        pytest.fail("zbarimg (zbar-tools) is missing: run tools/system-deps.sh test", pytrace=False)
    room.add("con_code")
    shown = console()
    shown.select("con_code")
    view = shown.show_code()
    assert view is not None
    assert view.code_label.text() == room.code("con_code")
    assert view.qr.pixmap().save(str(tmp_path / "shown.png"))
    read = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "shown.png")], capture_output=True, text=True,
                          check=False)
    assert read.stdout.strip() == room.code("con_code")
    assert view.passphrase.text() == ""
    view.toggle_passphrase()
    assert view.passphrase.text() == room.passphrase("con_code")
    view.toggle_passphrase()
    assert view.passphrase.text() == ""


def test_a_new_passphrase_signs_the_tables_seats_out_and_refuses_the_old_one(
        room: Room, console: Callable[[], RoomConsole], seat: Callable[[str, str], Seat],
        prompts: ScriptedConsolePrompts, tmp_path: Path) -> None:
    room.add("con_rotate")
    old = room.passphrase("con_rotate")
    ana = seat("con_rotate", "Ana")
    shown = console()
    shown.select("con_rotate")
    prompts.script("confirm", False)
    assert not shown.rotate_passphrase()
    assert room.passphrase("con_rotate") == old
    prompts.script("confirm", True)
    assert shown.rotate_passphrase()
    assert room.passphrase("con_rotate") != old
    with pytest.raises(PlanFileError):
        ana.edit(SetField("district", "", "name", "Signed out"))
    with pytest.raises(UsageError, match="the passphrase is not right for this table"):
        connect_seat(room.code("con_rotate"), old, tmp_path)
    connect_seat(room.code("con_rotate"), room.passphrase("con_rotate"), tmp_path)


def test_tables_are_added_blank_or_from_a_plan_file_and_a_taken_name_is_one_message(
        room: Room, console: Callable[[], RoomConsole], prompts: ScriptedConsolePrompts, tmp_path: Path,
        demo: model.Plan) -> None:
    shown = console()
    prompts.script("new_table", NewTable("con_added"))
    assert shown.add_table()
    assert shown.selected_table() == "con_added"
    plan_file = tmp_path / "demo.techplan"
    PlanFile.create(plan_file, demo).close()
    prompts.script("new_table", NewTable("con_demo", FROM_PLAN, plan_file))
    assert shown.add_table()
    assert shown.row_of("con_demo")[1] == demo.district.name
    before = sorted(room.state.tables)
    prompts.script("new_table", NewTable("con_added"))
    prompts.script("error", None)
    assert not shown.add_table()
    assert prompts.asked[-1] == ("error", ("The table was not added", "table con_added: the room already has a "
                                           "table of that name; choose another name"))
    assert sorted(room.state.tables) == before


def test_every_plan_goes_home_off_the_gui_thread(room: Room, console: Callable[[], RoomConsole],
                                                 prompts: ScriptedConsolePrompts, tmp_path: Path,
                                                 qtbot: QtBot) -> None:
    room.add("con_home")
    shown = console()
    prompts.script("folder", tmp_path)
    with qtbot.waitSignal(shown.job_finished, timeout=30000) as finished:
        assert shown.export_all()
    assert finished.args[0], finished.args
    assert sorted(p.name for p in tmp_path.glob("*.techplan")) == sorted(f"{t}.techplan" for t in room.state.tables)
    prompts.script("folder", tmp_path)
    prompts.script("error", None)
    with qtbot.waitSignal(shown.job_finished, timeout=30000) as again:
        assert shown.export_all()
    assert not again.args[0]
    assert "a file of that name already exists" in again.args[1]


def test_a_projected_table_follows_the_tables_edits(room: Room, console: Callable[[], RoomConsole],
                                                     seat: Callable[[str, str], Seat], qtbot: QtBot) -> None:
    room.add("con_project")
    shown = console()
    shown.select("con_project")
    projected = shown.project()
    assert isinstance(projected, ProjectionWindow)
    assert projected.context.read_only
    assert projected.district.text() == "Untitled district"
    seat("con_project", "Ana").edit(SetField("district", "", "name", "Maple Grove Schools"))
    qtbot.waitUntil(lambda: projected.district.text() == "Maple Grove Schools", timeout=WAIT_MS)
    projected.step(1)
    assert projected.pane_id == "readiness"


def _rated_plan(content: Content) -> tuple[model.Plan, str, str]:
    """Three members' silent ratings of two elements: the table revealed the first, not the second."""
    shown, hidden = sorted(content.current_element_ids())[:2]
    members = tuple(model.TeamMember(f"m{i}", name) for i, name in enumerate(("Ana", "Ben", "Cy"), start=1))
    ratings = tuple(model.MemberRating(f"r-{e}-{m.id}", e, m.id, score) for e, scores in
                    ((shown, (2, 9, 5)), (hidden, (3, 8, 10))) for m, score in zip(members, scores, strict=True))
    plan = model.Plan(members=members, readiness=(model.ReadinessRating(shown, revealed=True),
                                                  model.ReadinessRating(hidden, revealed=False)),
                      member_ratings=ratings)
    return plan, shown, hidden


def _texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.text()]


def test_a_projected_table_never_shows_the_scores_of_ratings_it_has_not_revealed(
        room: Room, console: Callable[[], RoomConsole], content: Content, tmp_path: Path) -> None:
    plan, shown_element, hidden_element = _rated_plan(content)
    source = tmp_path / "rated.techplan"
    PlanFile.create(source, plan).close()
    room.add("con_hidden", "--from", source)
    shown = console()
    shown.select("con_hidden")
    projected = shown.project()
    assert isinstance(projected, ProjectionWindow)
    assert {r.score for r in projected.context.plan.member_ratings if r.element_id == hidden_element} == {None}
    projected.show_pane("readiness")
    projected.select_element(hidden_element)
    element = projected.current_element()
    assert element is not None
    assert element[0] == hidden_element
    assert projected.reveal_status() == (False, False)  # Reveal is not even offered
    projected.toggle_reveal()
    projected.show_reveal()
    assert projected.reveal_panel.plot._scores == []
    assert not any("Lowest" in text or "Median" in text for text in _texts(projected))
    # The element the table revealed itself: its spread does reach the stage on Reveal (so the check above can fail).
    projected.select_element(shown_element)
    assert projected.reveal_status() == (True, False)
    projected.toggle_reveal()
    assert sorted(projected.reveal_panel.plot._scores) == [2, 5, 9]
    assert any("Lowest 2 · Highest 9" in text for text in _texts(projected))


def test_a_removed_seat_leaves_the_row_and_cannot_edit_the_plan_again(
        room: Room, console: Callable[[], RoomConsole], seat: Callable[[str, str], Seat],
        prompts: ScriptedConsolePrompts, qtbot: QtBot) -> None:
    room.add("con_remove")
    ana, ben = seat("con_remove", "Ana"), seat("con_remove", "Ben")
    ana.announce("budget")
    ben.announce("vision")
    shown = console()
    qtbot.waitUntil(lambda: shown.row_of("con_remove")[2] == "Ana (Budget), Ben (Vision & goals)", timeout=WAIT_MS)
    shown.select("con_remove")
    prompts.script("choose_seat", None)
    assert not shown.remove_seat()
    prompts.script("choose_seat", ben.seat_id)
    assert shown.remove_seat()
    assert prompts.asked[-1][1][2] == [(ana.seat_id, "Ana — Budget"), (ben.seat_id, "Ben — Vision & goals")]
    qtbot.waitUntil(lambda: shown.row_of("con_remove")[2] == "Ana (Budget)", timeout=WAIT_MS)
    with pytest.raises(SeatLost):  # its connections were ended
        ben.heartbeat()
    with pytest.raises(SeatRemoved, match="The facilitator removed this seat"):
        ben.try_reconnect()
    assert ben.removed
    with pytest.raises(SeatLost):
        ben.edit(SetField("district", "", "name", "Removed"))
    ana.edit(SetField("district", "", "name", "Still here"))


def test_the_live_roll_up_reads_the_rooms_tables_follows_their_edits_and_writes_the_workbook(
        room: Room, console: Callable[[], RoomConsole], seat: Callable[[str, str], Seat], qtbot: QtBot,
        tmp_path: Path) -> None:
    room.add("con_rollup")
    shown = console()
    dialog = shown.open_rollup()
    assert isinstance(dialog, LiveRollupDialog)
    tables = sorted(room.state.tables)
    qtbot.waitUntil(lambda: dialog.figure("District plans in the roll-up") == str(len(tables)), timeout=WAIT_MS)
    assert dialog.plan_paths() == [Path(t) for t in tables]
    assert "con_rollup — (district not named yet)" in [dialog.plans.item(i).text() for i in range(dialog.plans.count())]
    seat("con_rollup", "Ana").edit(SetField("district", "", "name", "Aspen Ridge Schools"))
    qtbot.waitUntil(lambda: "con_rollup — Aspen Ridge Schools" in [
        dialog.plans.item(i).text() for i in range(dialog.plans.count())], timeout=WAIT_MS)
    dialog.xlsx.setText(str(tmp_path / "region.xlsx"))
    dialog.min_group.setValue(1)
    with qtbot.waitSignal(dialog.finished_rollup, timeout=60000) as finished:
        assert dialog.run()
    assert finished.args[0], finished.args[1]
    assert f"Rolled up {len(tables)} of {len(tables)} plan files" in finished.args[1]
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "region.xlsx", read_only=True)
    texts = {str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c}
    book.close()
    assert str(len(tables)) in texts
    assert not any("room_facilitator" in t or room.state.facilitator_password in t for t in texts)
    dialog.close()


def test_tab_walks_the_console_in_reading_order_and_reaches_a_selected_tables_actions(
        room: Room, console: Callable[[], RoomConsole], qtbot: QtBot) -> None:
    room.add("con_tabs")
    shown = console()

    def walk_from(start: QWidget, steps: int) -> list[QWidget]:
        start.setFocus()
        qtbot.waitUntil(start.hasFocus, timeout=WAIT_MS)
        walked = [start]
        for _ in range(steps):
            qtbot.keyClick(walked[-1], Qt.Key.Key_Tab)
            walked.append(QApplication.focusWidget())
        return walked

    room_row = [shown.add_button, shown.export_button, shown.rollup_button, shown.stop_button, shown.tables]
    assert walk_from(shown.add_button, 5) == [*room_row, shown.add_button]  # the table's actions wait for a table
    shown.select("con_tabs")  # no seat in yet: "Remove a seat…" stays out of the way
    table_row = [shown.code_button, shown.project_button, shown.rotate_button, shown.cards_button]
    assert not shown.remove_seat_button.isEnabled()
    assert walk_from(shown.add_button, 9) == [*room_row, *table_row, shown.add_button]
