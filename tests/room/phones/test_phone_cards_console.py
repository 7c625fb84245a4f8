"""The facilitator prints a table's members' phone cards from the room console: the service is started if need be,
the PDF written off the GUI thread, read back with pdftotext."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from room.consolehelpers import ScriptedConsolePrompts
from room.phones.phonesetup import Phones

from summit_app.room.phones.service import running_pid, stop_service
from summit_app.room.phones.settings import load_settings
from summit_app.room.state import room_lock
from summit_app.ui.room.console import RoomConsole

pytestmark = [pytest.mark.xdist_group("room"), pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def no_service_left(phones: Phones) -> Iterator[Path]:
    """The phone service a test starts on the tests' room is stopped afterwards."""
    yield phones.room.folder
    with room_lock(phones.room.folder):
        stop_service(phones.room.folder)


def test_the_console_prints_a_tables_phone_cards_starting_the_service_first(
        qtbot: QtBot, phones: Phones, no_service_left: Path, tmp_path: Path) -> None:
    room = no_service_left
    table = phones.table(f"pc{uuid.uuid4().hex[:10]}", cache=tmp_path / "certificates")
    prompts = ScriptedConsolePrompts()
    console = RoomConsole(room, prompts)
    qtbot.addWidget(console)
    console.show()
    qtbot.waitUntil(lambda: console.loaded, timeout=20000)
    console.select(table.name)
    assert console.cards_button.isEnabled()
    prompts.script("export_path", tmp_path / "cards")
    with qtbot.waitSignal(console.job_finished, timeout=60000) as finished:
        assert console.phone_cards()
    assert finished.args[0], finished.args
    assert f"wrote 3 cards for table {table.name}" in finished.args[1]
    settings = load_settings(room)
    assert settings is not None
    assert running_pid(room, settings) is not None  # the cards' links point at a service that runs
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "cards.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    for name in ("Ana Ruiz", "Ben Okafor", "Cy Lindqvist"):
        assert name in text
    for token in table.tokens.values():
        assert f":{settings.port}/m/{token}" in text.replace("\n", "").replace(" ", "")
    console.close()
    QApplication.processEvents()
