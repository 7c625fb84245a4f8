"""Helpers for the GUI tests: scripted modal prompts, reading the saved plan, finding widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.store.errors import LockHolder
from summit_app.store.plan_file import PlanFile, close_document
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.prompts import Prompts
from summit_app.ui.fields.table_section import TableSection
from summit_app.ui.window.main_window import MainWindow


class ScriptedPrompts(Prompts):
    """Answers modal questions from ``answers`` (method name -> list of answers) and records them."""

    def __init__(self) -> None:
        super().__init__(None)
        self.answers: dict[str, list[Any]] = {}
        self.asked: list[tuple[str, tuple[Any, ...]]] = []
        self.shown: list[Path] = []  # files and folders handed to the desktop

    def script(self, method: str, *answers: Any) -> None:
        self.answers.setdefault(method, []).extend(answers)

    def _answer(self, method: str, *args: Any) -> Any:
        self.asked.append((method, args))
        if not self.answers.get(method):
            raise AssertionError(f"unexpected dialog: {method}{args}")
        return self.answers[method].pop(0)

    def error(self, title: str, message: str) -> None:
        self._answer("error", title, message)

    def report(self, title: str, summary: str, details: list[str]) -> None:
        self._answer("report", title, summary, details)

    def plan_locked(self, path: Path, holder: LockHolder) -> str | None:
        return self._answer("plan_locked", path, holder)  # type: ignore[no-any-return]

    def offer_read_only(self, path: Path, why: str) -> bool:
        return self._answer("offer_read_only", path, why)  # type: ignore[no-any-return]

    def open_path(self, folder: Path | None = None) -> Path | None:
        return self._answer("open_path", folder)  # type: ignore[no-any-return]

    def open_json(self, folder: Path | None = None) -> Path | None:
        return self._answer("open_json", folder)  # type: ignore[no-any-return]

    def open_paths(self, title: str, folder: Path | None = None) -> list[Path]:
        return self._answer("open_paths", title, folder)  # type: ignore[no-any-return]

    def save_path(self, title: str, suggested: Path) -> Path | None:
        return self._answer("save_path", title, suggested)  # type: ignore[no-any-return]

    def export_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        return self._answer("export_path", title, suggested, file_filter)  # type: ignore[no-any-return]

    def offer_open(self, path: Path) -> str | None:
        return self._answer("offer_open", path)  # type: ignore[no-any-return]

    def show_file(self, path: Path) -> bool:
        self.shown.append(path)
        return True

    def offer_privacy_entry(self, description: str) -> bool:
        return self._answer("offer_privacy_entry", description)  # type: ignore[no-any-return]

    def link_privacy_entry(self, description: str, known: list[tuple[str, str]]) -> str | None:
        return self._answer("link_privacy_entry", description, known)  # type: ignore[no-any-return]

    def author_name(self, current: str) -> str | None:
        return self._answer("author_name", current)  # type: ignore[no-any-return]

    def accept_finding(self, message: str, roles: list[tuple[str, str]], role: str) -> tuple[str, str] | None:
        return self._answer("accept_finding", message, roles, role)  # type: ignore[no-any-return]


def close_context(context: UiContext) -> None:
    """Close a pane's plan (once) so its file can be opened again, as the next session would."""
    if not context.closed:
        context.close()
        close_document(context.document)


def plan_on_disk(path: Path) -> model.Plan:
    """The plan as saved in the file, read through a separate read-only open."""
    with PlanFile.open(path, read_only=True) as plan_file:
        return plan_file.load()


def saved(window: MainWindow) -> model.Plan:
    return plan_on_disk(window.plan_path())


def press_enter(qtbot: QtBot, widget: QWidget) -> None:
    """Enter, then let the queued commit of a cell editor run."""
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    QApplication.processEvents()


def shortcut(qtbot: QtBot, widget: QWidget, key: Qt.Key,
             modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key that is a shortcut; shortcuts need the window active (offscreen forgets it)."""
    widget.window().activateWindow()
    QApplication.processEvents()
    widget.setFocus()
    qtbot.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace a field's text by typing, then press Enter (which saves it)."""
    widget.setFocus()
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)
    press_enter(qtbot, widget)


def cell_editor(qtbot: QtBot, section: TableSection, row: int, column: int) -> Any:
    """Open the delegate's editor of a cell (as F2 does) and return it, focused."""
    index = section.model.index(row, column)
    section.view.setCurrentIndex(index)
    section.view.setFocus()
    qtbot.keyClick(section.view, Qt.Key.Key_F2)
    editor = section.window().focusWidget()
    assert editor not in (None, section.view), "no cell editor opened"
    return editor


def edit_cell(qtbot: QtBot, section: TableSection, row: int, column: int, text: str) -> None:
    """Type ``text`` into a cell's editor and press Enter."""
    editor = cell_editor(qtbot, section, row, column)
    if hasattr(editor, "selectAll"):
        editor.selectAll()
    qtbot.keyClicks(editor, text)
    press_enter(qtbot, editor)


def column_of(section: TableSection, field: str) -> int:
    return next(i for i, c in enumerate(section.model.columns) if c.field == field)
