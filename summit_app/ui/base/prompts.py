"""The one place the app asks the user something in a modal dialog.

Every modal question (an error to acknowledge, a locked plan, where to save,
whether to open an export) goes through ``Prompts``, and so does handing a file
to the desktop; tests replace it with a scripted one, so no dialog ever blocks
a test and an unexpected question fails it.
"""

from __future__ import annotations

from pathlib import Path

# Qt sets up a class on first use: the dialogs are named through their modules, so
# the ones a session never shows cost nothing at start-up.
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtWidgets import QWidget

from summit_app.store.errors import LockHolder

PLAN_FILTER = "Plan files (*.techplan)"
JSON_FILTER = "Plan as JSON (*.json);;All files (*)"
READ_ONLY = "read-only"
COPY = "copy"
OPEN_FILE = "file"
OPEN_FOLDER = "folder"


class Prompts:
    """Modal dialogs over ``parent``; each method returns the user's answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        """Tell the user why something could not be done (one line)."""
        QtWidgets.QMessageBox.warning(self.parent, title, message)

    def report(self, title: str, summary: str, details: list[str]) -> None:
        """Tell the user what was done, with the full list under "Show Details"."""
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Information, title, summary,
                                    QtWidgets.QMessageBox.StandardButton.Ok, self.parent)
        box.setDetailedText("\n".join(details))
        box.exec()

    def plan_locked(self, path: Path, holder: LockHolder) -> str | None:
        """Someone else has the plan open: READ_ONLY, COPY, or None (cancel)."""
        box_type = QtWidgets.QMessageBox
        box = box_type(box_type.Icon.Information, "Plan in use",
                       f"{path.name} is open in another window: {holder.describe()}.",
                       box_type.StandardButton.Cancel, self.parent)
        box.setInformativeText("You can look at it read-only, or open a copy of it to edit.")
        read_only = box.addButton("Open read-only", box_type.ButtonRole.AcceptRole)
        copy = box.addButton("Open a copy…", box_type.ButtonRole.ActionRole)
        box.exec()
        clicked = box.clickedButton()
        return READ_ONLY if clicked is read_only else COPY if clicked is copy else None

    def offer_read_only(self, path: Path, why: str) -> bool:
        """The file cannot be written: open it read-only?"""
        button = QtWidgets.QMessageBox.StandardButton
        answer = QtWidgets.QMessageBox.question(
            self.parent, "Plan cannot be changed", f"{path.name}: {why}.\n\nOpen it read-only?",
            button.Open | button.Cancel)
        return answer == button.Open

    def open_path(self, folder: Path | None = None) -> Path | None:
        """Ask which plan file to open."""
        name, _ = QtWidgets.QFileDialog.getOpenFileName(self.parent, "Open plan", str(folder or Path.home()),
                                                        PLAN_FILTER)
        return Path(name) if name else None

    def open_paths(self, title: str, folder: Path | None = None) -> list[Path]:
        """Ask for several plan files at once (a regional roll-up); [] if cancelled."""
        names, _ = QtWidgets.QFileDialog.getOpenFileNames(self.parent, title, str(folder or Path.home()),
                                                          PLAN_FILTER)
        return [Path(n) for n in names]

    def open_json(self, folder: Path | None = None) -> Path | None:
        """Ask which interchange document (a plan exported as JSON) to import."""
        name, _ = QtWidgets.QFileDialog.getOpenFileName(self.parent, "Import plan from JSON",
                                                        str(folder or Path.home()), JSON_FILTER)
        return Path(name) if name else None

    def save_path(self, title: str, suggested: Path) -> Path | None:
        """Ask where to write a plan file."""
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self.parent, title, str(suggested), PLAN_FILTER)
        return Path(name) if name else None

    def export_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        """Ask where to write an export (a workbook or a PDF)."""
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self.parent, title, str(suggested), file_filter)
        return Path(name) if name else None

    def offer_open(self, path: Path) -> str | None:
        """After an export: OPEN_FILE, OPEN_FOLDER, or None to leave it."""
        box_type = QtWidgets.QMessageBox
        box = box_type(box_type.Icon.Information, "Export finished", f"Saved {path.name}.",
                       box_type.StandardButton.Close, self.parent)
        box.setInformativeText(f"In {path.parent}")
        open_file = box.addButton("Open file", box_type.ButtonRole.AcceptRole)
        open_folder = box.addButton("Open folder", box_type.ButtonRole.ActionRole)
        box.exec()
        return {open_file: OPEN_FILE, open_folder: OPEN_FOLDER}.get(box.clickedButton())

    def show_file(self, path: Path) -> bool:
        """Hand a file or folder to the desktop (its PDF viewer, spreadsheet or file manager)."""
        return bool(QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path))))

    def offer_privacy_entry(self, description: str) -> bool:
        """A software budget line has no privacy-inventory entry: add one for it?"""
        button = QtWidgets.QMessageBox.StandardButton
        answer = QtWidgets.QMessageBox.question(
            self.parent, "Add to the privacy inventory?",
            f"“{description}” is software. Software the district pays for belongs in the privacy "
            "inventory, so its use of student data is reviewed.\n\nAdd it to Data privacy now?",
            button.Yes | button.No, button.Yes)
        return answer == button.Yes

    def link_privacy_entry(self, description: str, known: list[tuple[str, str]]) -> str | None:
        """The inventory may already list a software line's app: the id to link, "" for a new entry, None to skip."""
        choices = [f"Link to “{name}”, already in the inventory" for _id, name in known]
        choices.append("Add a new entry to the inventory")
        picked, ok = QtWidgets.QInputDialog.getItem(
            self.parent, "Link to the privacy inventory?",
            f"“{description}” is software. The privacy inventory may already list it:", choices, 0, False)
        if not ok:
            return None
        index = choices.index(picked)
        return known[index][0] if index < len(known) else ""

    def author_name(self, current: str) -> str | None:
        """Ask for the name the edit log records for this seat at the table; None if cancelled."""
        name, ok = QtWidgets.QInputDialog.getText(self.parent, "Your name at the table",
                                                  "Your name, as the plan's change history should show it:",
                                                  QtWidgets.QLineEdit.EchoMode.Normal, current)
        return name.strip() if ok else None

    def accept_finding(self, message: str, roles: list[tuple[str, str]], role: str) -> tuple[str, str] | None:
        """Accept a warning or advice: (reason, role id) as entered, or None if cancelled."""
        from summit_app.ui.base.accept_dialog import ask_acceptance  # a dialog few sessions show: loaded on first use

        return ask_acceptance(self.parent, message, roles, role)


def with_plan_suffix(path: Path) -> Path:
    """A new plan's file name always ends in .techplan (file managers and the MIME type rely on it)."""
    return path if path.suffix == ".techplan" else path.with_name(path.name + ".techplan")
