"""Seat windows for the room's GUI tests: a window seated at a new table of the test room, headless seats beside it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from guihelpers import ScriptedPrompts
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from room.roomsetup import Room

from summit_app.plan import model
from summit_app.room.join import connect_seat
from summit_app.room.seat import Seat
from summit_app.store.plan_file import PlanFile
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.room.join_dialog import JoinRequest, join
from summit_app.ui.window.main_window import MainWindow

GOALS = (model.Goal("g1", title="Access"), model.Goal("g2", title="Learning"))
TABLE_PLAN = model.Plan(district=model.District(name="Harbor Unified", state="OR"), goals=GOALS)


@pytest.fixture
def table(room: Room, tmp_path: Path) -> str:
    """A new table of the room, its plan made from ``TABLE_PLAN``."""
    name = f"w{uuid.uuid4().hex[:10]}"
    source = tmp_path / "source.techplan"
    PlanFile.create(source, TABLE_PLAN).close()
    room.add(name, "--from", source)
    return name


SeatWindow = Callable[..., MainWindow]


@pytest.fixture
def seat_window(qtbot: QtBot, room: Room, table: str, tmp_path: Path) -> Iterator[SeatWindow]:
    """``seat_window(author)``: a shown main window seated at ``table`` (joined as the dialog joins)."""
    made: list[MainWindow] = []

    def sit(author: str, beat: float | None = None) -> MainWindow:
        window = MainWindow(Preferences(), ScriptedPrompts(), remember=False)
        qtbot.addWidget(window)
        made.append(window)
        window.resize(1200, 800)
        window.show()
        mirror = tmp_path / f"{author} mirror.techplan"
        window.open_seat(join(JoinRequest(room.code(table), room.passphrase(table), author, mirror)))
        if beat is not None and window.seat_room is not None:  # a short heartbeat: a lost server is seen soon
            window.seat_room.session.heartbeat.setInterval(int(beat * 1000))
        return window

    yield sit
    for window in made:
        window.close()


@pytest.fixture
def headless_seat(room: Room, table: str, tmp_path: Path) -> Iterator[Callable[[str], Seat]]:
    opened: list[Seat] = []

    def sit(author: str) -> Seat:
        seat = Seat(connect_seat(room.code(table), room.passphrase(table), tmp_path), author)
        opened.append(seat)
        return seat

    yield sit
    for seat in opened:
        seat.close()


def district_field(window: MainWindow, name: str) -> QLineEdit:
    assert window.workspace is not None
    found = window.workspace.pane("district").findChild(QLineEdit, f"field-{name}")
    assert isinstance(found, QLineEdit)
    return found


def notices(window: MainWindow) -> list[str]:
    assert window.seat_room is not None
    return window.seat_room.notices.texts()
