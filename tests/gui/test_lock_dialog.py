"""The dialog about a plan open elsewhere shows its holder as one plain line, whatever the lock record says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6 import QtWidgets
from pytestqt.qtbot import QtBot

from summit_app.store.plan_file import PlanFile
from summit_app.ui.base.prompts import Prompts
from summit_app.ui.window.opening import open_plan

HOSTILE_NAME = "Dana\n\x1b[2J\x1b[31mWhitfield\x1b[0m\r\x07\u202etxt.exe\u202c\u200b " + "x" * 500


def test_the_plan_in_use_dialog_shows_a_hostile_holder_name_plainly(
    qtbot: QtBot, make_plan_file: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []

    def cancel(box: QtWidgets.QMessageBox) -> int:  # the modal dialog, answered "Cancel" after reading it
        shown.append(box.text())
        return int(QtWidgets.QMessageBox.StandardButton.Cancel.value)

    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", cancel)
    path = make_plan_file()
    with PlanFile.open(path, holder=HOSTILE_NAME):
        assert open_plan(path, Prompts(None), author="Sam") is None
    [text] = shown
    assert text.startswith("plan.techplan is open in another window: Dana Whitfield txt.exe xxx")
    assert len(text) < 200
    assert all(c.isprintable() for c in text)
