"""The room console's modal questions: where to start the room, a new table, confirmations, a folder.

Like ``ui.base.prompts``, every modal question of the console goes through one
object, so tests answer them from a script and no dialog ever blocks a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from summit_app.ui.base.prompts import JSON_FILTER, PLAN_FILTER, Prompts

BLANK, FROM_PLAN, FROM_JSON = "blank", "plan", "json"


@dataclass(frozen=True)
class StartChoice:
    """Where the room lives and the port seats connect to (None: 5433, else a free one)."""

    folder: Path
    port: int | None


@dataclass(frozen=True)
class NewTable:
    """A table to add: its name, and what its plan starts from (BLANK, FROM_PLAN or FROM_JSON and a file)."""

    name: str
    source: str = BLANK
    path: Path | None = None


class ConsolePrompts(Prompts):
    """The window's prompts, and the console's own questions."""

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before something that cannot be taken back; True only for ``action``."""
        box_type = QtWidgets.QMessageBox
        box = box_type(box_type.Icon.Question, title, text, box_type.StandardButton.Cancel, self.parent)
        go = box.addButton(action, box_type.ButtonRole.AcceptRole)
        box.setDefaultButton(box_type.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    def choose_seat(self, title: str, text: str, seats: list[tuple[str, str]]) -> str | None:
        """Which seat (its id), from (seat id, what the facilitator reads) pairs; None if cancelled."""
        labels = [label for _id, label in seats]
        dialog = QtWidgets.QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(text)
        dialog.setComboBoxItems(labels)
        dialog.setOkButtonText("Remove the seat")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return seats[labels.index(dialog.textValue())][0] if dialog.textValue() in labels else None

    def folder(self, title: str, start: Path) -> Path | None:
        name = QtWidgets.QFileDialog.getExistingDirectory(self.parent, title, str(start))
        return Path(name) if name else None

    def start_room(self, folder: Path) -> StartChoice | None:
        dialog = StartRoomDialog(folder, self.parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def new_table(self, taken: list[str]) -> NewTable | None:
        dialog = NewTableDialog(taken, self, self.parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _browse_row(edit: QLineEdit, pick: object) -> QHBoxLayout:
    row = QHBoxLayout()
    button = QPushButton("Choose…")
    button.setAccessibleName(f"Choose {edit.accessibleName().lower()}")
    button.clicked.connect(pick)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class StartRoomDialog(QDialog):
    """The room's folder (the command line's default) and its port."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start a summit room")
        layout = QVBoxLayout(self)
        intro = QLabel("The room is a server on this computer that every table's laptops join. Its folder keeps "
                       "the tables' plans and passphrases; starting it again later restarts the same room.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.setAccessibleName("Room folder")
        form.addRow("Room folder", _browse_row(self.folder_edit, self._pick))
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText("Automatic (5433, or a free port)")
        self.port.setAccessibleName("Port")
        form.addRow("Port", self.port)
        layout.addLayout(form)
        layout.addWidget(_accept_or_cancel(self, "Start the room"))
        self.resize(620, 220)

    def _pick(self) -> None:
        chosen = QtWidgets.QFileDialog.getExistingDirectory(self, "Room folder", self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def choice(self) -> StartChoice:
        return StartChoice(Path(self.folder_edit.text().strip()).expanduser(), self.port.value() or None)


def _accept_or_cancel(dialog: QDialog, accept: str) -> QDialogButtonBox:
    """Cancel and the dialog's own action, wired to close it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewTableDialog(QDialog):
    """A table's name and where its plan starts: blank, a plan file, or a JSON document."""

    def __init__(self, taken: list[str], prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts
        self.setWindowTitle("Add a table")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(next(f"table_{n}" for n in range(1, 1000) if f"table_{n}" not in taken))
        self.name.setAccessibleName("Table name")
        form.addRow("Table name", self.name)
        self.blank = QRadioButton("A blank plan")
        self.from_plan = QRadioButton("A copy of a plan file (its change history kept)")
        self.from_json = QRadioButton("A plan exported as JSON")
        self.blank.setChecked(True)
        column = QVBoxLayout()
        for button in (self.blank, self.from_plan, self.from_json):
            column.addWidget(button)
        form.addRow("Start from", column)
        self.path = QLineEdit()
        self.path.setAccessibleName("Source file")
        form.addRow("File", _browse_row(self.path, self._pick))
        layout.addLayout(form)
        layout.addWidget(_accept_or_cancel(self, "Add the table"))
        self.resize(560, 240)

    def _pick(self) -> None:
        json = self.from_json.isChecked()
        chosen = self.prompts.open_json(None) if json else self.prompts.open_path(None)
        if chosen is not None:
            self.path.setText(str(chosen))
            (self.from_json if json else self.from_plan).setChecked(True)

    def choice(self) -> NewTable:
        source = FROM_PLAN if self.from_plan.isChecked() else FROM_JSON if self.from_json.isChecked() else BLANK
        path = Path(self.path.text().strip()) if source != BLANK and self.path.text().strip() else None
        return NewTable(self.name.text().strip(), source, path)


__all__ = ["BLANK", "FROM_JSON", "FROM_PLAN", "JSON_FILTER", "PLAN_FILTER", "ConsolePrompts", "NewTable",
           "StartChoice"]
