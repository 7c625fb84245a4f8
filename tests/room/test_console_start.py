"""File ▸ Summit room: starting a room from the window (off the GUI thread), its refusals, and its console."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from qt_windows import _no_windows_left  # noqa: F401  (autouse: every test closes its windows)
from room.consolehelpers import ScriptedConsolePrompts

from summit_app.room import cluster
from summit_app.room.state import default_room_dir, load_state
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.room.console_prompts import StartChoice
from summit_app.ui.room.console_start import RoomLauncher, launcher_of
from summit_app.ui.window.main_window import MainWindow

pytestmark = pytest.mark.xdist_group("room")
START_MS = 60000


@pytest.fixture
def prompts() -> ScriptedConsolePrompts:
    return ScriptedConsolePrompts()


@pytest.fixture
def window(qtbot: QtBot, prompts: ScriptedConsolePrompts) -> Iterator[MainWindow]:
    shown = MainWindow(Preferences(), prompts, remember=False)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


def _start(qtbot: QtBot, launcher: RoomLauncher) -> tuple[bool, str]:
    with qtbot.waitSignal(launcher.started, timeout=START_MS) as started:
        assert launcher.start_room()
    return started.args[0], started.args[1]


def test_a_folder_that_cannot_be_made_and_a_port_in_use_are_one_message_and_leave_nothing(
        window: MainWindow, prompts: ScriptedConsolePrompts, qtbot: QtBot, tmp_path: Path) -> None:
    launcher = RoomLauncher(window, prompts)
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    prompts.script("start_room", StartChoice(blocker / "room", None))
    prompts.script("error", None)
    ok, line = _start(qtbot, launcher)
    assert not ok
    assert line.startswith(f"{blocker / 'room'}: cannot be made (")
    assert prompts.asked[-1] == ("error", ("The room did not start", line))
    assert blocker.read_text(encoding="utf-8") == "x"
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        prompts.script("start_room", StartChoice(tmp_path / "room", port))
        prompts.script("error", None)
        ok, line = _start(qtbot, launcher)
    assert not ok
    assert line == f"port {port}: is in use by another program; choose another with --port"
    assert not (tmp_path / "room").exists()
    assert launcher.console is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_the_file_menu_starts_a_room_opens_its_console_and_the_console_stops_it(
        window: MainWindow, prompts: ScriptedConsolePrompts, qtbot: QtBot, room_folder: Path) -> None:
    launcher = RoomLauncher(window, prompts)
    assert launcher_of(window) is launcher
    port = cluster.free_port()
    prompts.script("start_room", StartChoice(room_folder, port))
    with qtbot.waitSignal(launcher.started, timeout=START_MS) as started:
        window.actions_["room_start"].trigger()
    assert started.args == [True, "Room started"]
    assert prompts.asked[0] == ("start_room", (default_room_dir(),))  # the command line's default folder
    console = launcher.console
    assert console is not None
    assert console.isVisible()
    qtbot.waitUntil(lambda: console.loaded, timeout=START_MS)
    assert console.heading.text() == "Summit room · 0 tables"
    assert f":{port}" in console.where.text()
    assert load_state(room_folder).port == port
    window.actions_["room_console"].trigger()
    assert launcher.console is console  # the same console, brought forward
    prompts.script("confirm", True)
    assert console.stop_room()
    assert not cluster.is_running(room_folder)


def test_opening_the_console_where_there_is_no_room_is_one_message(
        window: MainWindow, prompts: ScriptedConsolePrompts, tmp_path: Path) -> None:
    launcher = RoomLauncher(window, prompts)
    launcher.room = tmp_path / "nothing"
    prompts.script("error", None)
    assert launcher.open_console() is None
    assert prompts.asked[-1] == ("error", ("No room here", f"{tmp_path / 'nothing'}: no room here; start one with "
                                           "File ▸ Summit room ▸ Start a room…"))
    assert not (tmp_path / "nothing").exists()
