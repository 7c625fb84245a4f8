"""A seat's window drives the members' phones: rate on phones, see who rated (never a score), reveal as one undo step;
the dot vote likewise; and a real phone browser rates while the desktop seat watches."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from guihelpers import ScriptedPrompts
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from room.phones.phonesetup import ELEMENT, GOALS, Phones, PhoneTable
from room.phones.test_phone_browser import browser, tab_to
from room.phones.test_phone_rounds import form_of, rate
from room.seathelp import BEAT, admin
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from summit_app.plan import model
from summit_app.plan.readiness import spread
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.facilitation.voting_dialog import VotingDialog
from summit_app.ui.panes.readiness.readiness import ReadinessPane
from summit_app.ui.room.join_dialog import JoinRequest, join
from summit_app.ui.room.phones_rating import PhoneRatingPanel
from summit_app.ui.room.phones_vote import PhoneVotePanel
from summit_app.ui.window.main_window import MainWindow

pytestmark = [pytest.mark.xdist_group("room"), pytest.mark.gui]
WAIT_MS = 10_000
__all__ = ["browser"]  # the real phone browser's fixture, as the phone service's own browser test makes it
NOTE = "Labs do it daily"


def all_text(root: QWidget) -> str:
    """Every text a widget under ``root`` holds or says (labels, buttons, entries, tooltips, accessible names)."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
    return "\n".join(texts)


@pytest.fixture
def seat_at(qtbot: QtBot, phones: Phones, tmp_path: Path) -> Iterator[Callable[..., tuple[MainWindow, PhoneTable]]]:
    """A shown seat window at a new table with a team of three (its phones ready), and the table.

    ``seat_at(table, name)`` seats another window at a table already made.
    """
    made: list[MainWindow] = []

    def sit(table: PhoneTable | None = None, name: str = "Dee") -> tuple[MainWindow, PhoneTable]:
        table = table or phones.table(f"pd{uuid.uuid4().hex[:10]}", cache=tmp_path / "certificates")
        window = MainWindow(Preferences(), ScriptedPrompts(), remember=False)
        qtbot.addWidget(window)
        made.append(window)
        window.resize(1400, 900)
        window.show()
        room = phones.room
        window.open_seat(join(JoinRequest(room.code(table.name), room.passphrase(table.name), name,
                                          tmp_path / f"{table.name} {name} mirror.techplan")))
        return window, table

    yield sit
    for window in made:
        window.close()


def readiness_of(window: MainWindow, element_id: str = ELEMENT) -> tuple[ReadinessPane, PhoneRatingPanel]:
    assert window.workspace is not None
    window.workspace.show_pane("readiness")
    pane = window.workspace.pane("readiness")
    assert isinstance(pane, ReadinessPane)
    assert pane.select_element(element_id)
    panel = pane.detail.findChild(PhoneRatingPanel)
    assert isinstance(panel, PhoneRatingPanel)
    return pane, panel


def test_a_seat_asks_the_phones_sees_who_rated_without_a_score_and_reveals_as_one_undo_step(
        qtbot: QtBot, phones: Phones, seat_at: Callable[..., tuple[MainWindow, PhoneTable]]) -> None:
    window, table = seat_at()
    pane, panel = readiness_of(window)
    assert window.context is not None
    assert "0 of 3" in panel.who.text()
    assert not panel.reveal_button.isEnabled()
    panel.ask_button.click()
    assert "asking for a score of this element" in panel.state.text()
    with phones.client() as client:
        assert rate(client, table.path("m-ben"), "9", NOTE).status_code == 303
        qtbot.waitUntil(lambda: panel.who.text() == "1 of 3 has rated: Ben Okafor", timeout=WAIT_MS)
        assert rate(client, table.path("m-ana"), "4").status_code == 303
        qtbot.waitUntil(lambda: panel.who.text() == "2 of 3 have rated: Ana Ruiz, Ben Okafor", timeout=WAIT_MS)
    shown = all_text(window)
    assert NOTE not in shown
    # No score in the silent ratings or the phones' panel (the level anchors above them mention numbers).
    assert not re.search(r"\b[49]\b", all_text(pane.detail.silent) + all_text(panel))
    assert not pane.detail.silent.plot.isVisible()
    assert window.context.plan.member_ratings == ()
    assert panel.reveal_button.isEnabled()
    marks = {e.accessibleName(): e.placeholderText() for e in pane.detail.silent.findChildren(QLineEdit)}
    assert marks == {"Silent rating by Ana Ruiz": "●●●●  on phone", "Silent rating by Ben Okafor": "●●●●  on phone",
                     "Silent rating by Cy Lindqvist": "type 0–10"}

    steps = window.context.undo_stack.count()
    assert panel.reveal_button.isEnabled()
    panel.reveal_button.click()
    plan = window.context.plan
    assert spread(plan, ELEMENT).scores == (("m-ana", 4), ("m-ben", 9))
    assert window.context.undo_stack.count() == steps + 1
    silent = pane.detail.silent
    assert "Lowest</b> 4" in silent.summary.text()
    assert "Highest</b> 9" in silent.summary.text()
    assert silent.summary.isVisible()
    assert silent.plot.isVisible()
    assert pane.detail.notes.toPlainText() == f"Ben Okafor: {NOTE}"
    assert panel.state.text().startswith("Revealed")

    window.context.undo_stack.undo()  # one step takes the whole reveal back
    assert window.context.plan.member_ratings == ()
    assert window.context.plan.item("readiness", ELEMENT) is None
    assert not silent.summary.isVisible()


def test_every_seat_at_the_table_shows_what_one_of_them_asked_the_phones_and_may_stop_it(
        qtbot: QtBot, seat_at: Callable[..., tuple[MainWindow, PhoneTable]]) -> None:
    dee, table = seat_at()
    eli, _ = seat_at(table, "Eli")
    _, asked_here = readiness_of(dee)
    _, elsewhere = readiness_of(eli)
    assert elsewhere.state.text() == "The phones are not asking for anything now."
    asked_here.ask_button.click()
    qtbot.waitUntil(lambda: "asking for a score of this element" in elsewhere.state.text(), timeout=WAIT_MS)
    assert not elsewhere.ask_button.isEnabled()  # asked already: not asked twice
    assert elsewhere.stop_button.isEnabled()
    elsewhere.stop_button.click()
    qtbot.waitUntil(lambda: asked_here.state.text() == "The phones are not asking for anything now.",
                    timeout=WAIT_MS)
    assert asked_here.ask_button.isEnabled()
    assert not asked_here.stop_button.isEnabled()


def test_stop_asking_leaves_the_phones_with_nothing_to_answer(
        phones: Phones, seat_at: Callable[..., tuple[MainWindow, PhoneTable]]) -> None:
    window, table = seat_at()
    _, panel = readiness_of(window)
    panel.ask_button.click()
    assert panel.stop_button.isEnabled()
    with phones.client() as client:
        assert "Nothing to answer yet" not in client.get(table.path("m-cy")).text
        panel.stop_button.click()
        assert "Nothing to answer yet" in client.get(table.path("m-cy")).text
    assert not panel.stop_button.isEnabled()


def test_the_dot_vote_on_phones_sets_goal_priorities_as_one_undo_step(
        qtbot: QtBot, phones: Phones, seat_at: Callable[..., tuple[MainWindow, PhoneTable]]) -> None:
    window, table = seat_at()
    assert window.context is not None
    dialog = VotingDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.phones
    assert isinstance(panel, PhoneVotePanel)
    assert not panel.close_button.isEnabled()
    dialog.dots.setValue(3)
    panel.open_button.click()
    with phones.client() as client:
        form = form_of(client.get(table.path("m-ana")))
        assert "You have 3 dots" in client.get(table.path("m-ana")).text
        sent = client.post(table.path("m-ana"), data={**form, "dots-g-learn": "2", "dots-g-data": "1"})
        assert sent.status_code == 303
        qtbot.waitUntil(lambda: panel.who.text() == "1 of 3 has voted: Ana Ruiz", timeout=WAIT_MS)
        form = form_of(client.get(table.path("m-cy")))
        assert client.post(table.path("m-cy"), data={**form, "dots-g-data": "3"}).status_code == 303
        qtbot.waitUntil(lambda: panel.who.text() == "2 of 3 have voted: Ana Ruiz, Cy Lindqvist", timeout=WAIT_MS)
    assert "dots-" not in all_text(dialog)
    assert "●" not in panel.who.text()
    steps = window.context.undo_stack.count()
    panel.close_button.click()
    assert {g.id: g.priority for g in window.context.plan.goals} == {"g-data": 1, "g-learn": 2, "g-access": 3}
    assert window.context.undo_stack.count() == steps + 1
    assert "Undo puts them back" in panel.result.text()
    window.context.undo_stack.undo()
    assert [g.priority for g in window.context.plan.goals] == [g.priority for g in GOALS]


def test_a_seat_without_the_phone_service_shows_no_phones(
        qtbot: QtBot, phones: Phones, seat_at: Callable[..., tuple[MainWindow, PhoneTable]]) -> None:
    window, _ = seat_at()
    assert window.seat_room is not None
    assert window.seat_room.phones is not None
    window.seat_room.phones.close()  # as if the room had none: the dialog offers no phones
    assert window.context is not None
    dialog = VotingDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert dialog.phones is None
    assert dialog.findChild(PhoneVotePanel) is None


def test_a_plan_file_window_has_no_phones(qtbot: QtBot, tmp_path: Path) -> None:
    from summit_app.store.plan_file import PlanFile

    path = tmp_path / "plain.techplan"
    PlanFile.create(path, model.Plan(goals=GOALS)).close()
    window = MainWindow(Preferences(), ScriptedPrompts(), remember=False)
    qtbot.addWidget(window)
    assert window.open_path(path)
    assert window.context is not None
    assert window.context.phones is None
    assert window.workspace is not None
    assert window.workspace.pane("readiness").findChild(PhoneRatingPanel) is None


@pytest.mark.slow
def test_a_phone_browser_rates_by_keyboard_while_the_desktop_seat_watches_then_reveals(
        qtbot: QtBot, phones: Phones, seat_at: Callable[..., tuple[MainWindow, PhoneTable]],
        browser: WebDriver) -> None:
    window, table = seat_at()
    pane, panel = readiness_of(window)
    panel.ask_button.click()
    with phones.live() as base:
        browser.get(base + table.path("m-cy"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Cy Lindqvist"
        tab_to(browser, "INPUT", "score")
        for _ in range(6):
            browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
        tab_to(browser, "BUTTON", "")
        browser.switch_to.active_element.send_keys(Keys.ENTER)
        WebDriverWait(browser, 10).until(lambda d: "saved=1" in d.current_url)
        qtbot.waitUntil(lambda: panel.who.text() == "1 of 3 has rated: Cy Lindqvist", timeout=WAIT_MS)
        assert not re.search(r"\b6\b", all_text(pane.detail.silent) + all_text(panel))
        assert not pane.detail.silent.plot.isVisible()
        panel.reveal_button.click()
        WebDriverWait(browser, 10).until(lambda d: "revealed the scores" in d.page_source)
    assert window.context is not None
    assert spread(window.context.plan, ELEMENT).scores == (("m-cy", 6),)
    assert "Median</b> 6" in pane.detail.silent.summary.text()
    assert pane.detail.silent.plot.isVisible()


def test_after_the_seat_lost_the_server_and_came_back_the_phones_box_follows_the_phones_again(
        qtbot: QtBot, phones: Phones, seat_at: Callable[..., tuple[MainWindow, PhoneTable]]) -> None:
    window, table = seat_at()
    assert window.seat_room is not None
    session = window.seat_room.session
    session.heartbeat.setInterval(int(BEAT * 1000))
    _, panel = readiness_of(window)
    panel.ask_button.click()
    with qtbot.waitSignal(session.lost, timeout=WAIT_MS), admin(phones.room) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE %s "
                     "OR application_name LIKE %s",
                     (f"Summit Planner seat {session.seat.seat_id}", "Summit Planner seat phones%"))
    assert not panel.reveal_button.isEnabled()  # read-only meanwhile
    with qtbot.waitSignal(session.back, timeout=15000):
        pass
    with phones.client() as client:
        assert rate(client, table.path("m-cy"), "3").status_code == 303
        qtbot.waitUntil(lambda: panel.who.text() == "1 of 3 has rated: Cy Lindqvist", timeout=WAIT_MS)
    assert panel.reveal_button.isEnabled()
