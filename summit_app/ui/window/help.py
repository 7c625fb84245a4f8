"""The Help menu's windows: the user guide (offline), the keyboard shortcuts, About.

The guide is the same ``docs/user-guide.md`` the project publishes, shown with
its screenshots from the installation, so it needs no network. The shortcuts
sheet is read from the window's own actions, so it never drifts from them.
"""

from __future__ import annotations

import platform
import sqlite3
from collections.abc import Iterable
from importlib import metadata

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QKeySequence, QTextBlock, QTextCursor, QTextDocument, QTextFragment
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from summit_app import __version__
from summit_app.resources import docs_root
from summit_app.ui.base import theme

#: Keys that belong to a kind of control rather than to a menu item, for the sheet.
CONTROL_KEYS = (
    ("Tab / Shift+Tab", "Next / previous control; a table is one stop"),
    ("Arrow keys", "Move between cells of a table"),
    ("F2 or Enter", "Edit the current cell; Enter saves it, Esc puts it back"),
    ("Insert / Delete", "Add a row below the current one / remove the current row"),
    ("Alt+Down or F4", "Open the calendar of a date field"),
)


def _window(parent: QWidget, title: str, name: str) -> tuple[QDialog, QVBoxLayout]:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setObjectName(name)
    layout = QVBoxLayout(dialog)
    return dialog, layout


def _close_button(dialog: QDialog, layout: QVBoxLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)


GUIDE_IMAGE_WIDTH = 800  # the screenshots are 1440 wide: shown whole in the guide's window


def _fit_images(document: QTextDocument, width: int) -> None:
    """Scale every picture in ``document`` down to ``width`` pixels, keeping its proportions."""
    block = document.begin()
    while block.isValid():
        for fragment in _fragments(block):
            image = fragment.charFormat().toImageFormat()
            if image.isValid():
                size = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                if hasattr(size, "width") and size.width() > width:
                    image.setWidth(width)
                    image.setHeight(size.height() * width / size.width())
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image)
        block = block.next()


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    found = []
    iterator = block.begin()
    while not iterator.atEnd():
        found.append(iterator.fragment())
        iterator += 1
    return found


def user_guide(parent: QWidget) -> QDialog:
    """The user guide in a window of its own (not modal: the team keeps working beside it)."""
    dialog, layout = _window(parent, "Summit Planner — user guide", "user-guide")
    browser = QTextBrowser()
    browser.setObjectName("guide-text")
    browser.setAccessibleName("User guide")
    browser.setOpenExternalLinks(False)
    root = docs_root()
    browser.setSearchPaths([str(root)])
    browser.document().setBaseUrl(QUrl.fromLocalFile(str(root) + "/"))
    browser.setMarkdown((root / "user-guide.md").read_text(encoding="utf-8"))
    _fit_images(browser.document(), GUIDE_IMAGE_WIDTH)
    layout.addWidget(browser)
    _close_button(dialog, layout)
    dialog.resize(900, 760)
    dialog.show()
    return dialog


def without_mnemonic(text: str) -> str:
    """A menu text as read: "&&" is an ampersand, a lone "&" marks the Alt key's letter."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, then the controls' own keys."""
    rows = []
    for action in actions:
        keys = [text for k in action.shortcuts() if (text := k.toString(QKeySequence.SequenceFormat.NativeText))]
        if keys:
            rows.append((" or ".join(keys), without_mnemonic(action.text()).rstrip("…")))
    return rows + list(CONTROL_KEYS)


def shortcuts_sheet(parent: QWidget, actions: Iterable[QAction]) -> QDialog:
    """A table of every keyboard shortcut, read from the window's actions."""
    dialog, layout = _window(parent, "Keyboard shortcuts", "shortcuts")
    rows = shortcut_rows(actions)
    table = QTableWidget(len(rows), 2)
    table.setObjectName("shortcut-table")
    table.setAccessibleName("Keyboard shortcuts")
    table.setHorizontalHeaderLabels(["Keys", "What they do"])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    for row, (keys, what) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(what))
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    theme.table_look(table)
    layout.addWidget(table)
    _close_button(dialog, layout)
    dialog.resize(640, 620)
    dialog.show()
    return dialog


def versions() -> list[tuple[str, str]]:
    """What this copy of the app runs on, for About and for reports of a problem."""
    def installed(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return [("Summit Planner", __version__), ("Python", platform.python_version()),
            ("Qt", qVersion()), ("PySide6", PySide6.__version__), ("SQLite", sqlite3.sqlite_version),
            ("SQLAlchemy", installed("SQLAlchemy")), ("openpyxl", installed("openpyxl")),
            ("reportlab", installed("reportlab")), ("Operating system", platform.platform(terse=True))]


def about(parent: QWidget) -> QDialog:
    """About: what the app is for, its licence and the versions it runs on (selectable, to paste)."""
    dialog, layout = _window(parent, "About Summit Planner", "about")
    title = QLabel("Summit Planner")
    theme.mark(title, "paneTitle")
    layout.addWidget(title)
    purpose = QLabel("District technology plans built at the summit table: plan before you purchase. "
                     "Free software under the GNU General Public License, version 3 or later.")
    purpose.setWordWrap(True)
    layout.addWidget(purpose)
    facts = QLabel("\n".join(f"{name}: {version}" for name, version in versions()))
    facts.setObjectName("about-versions")
    facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    facts.setAccessibleName("Versions")
    layout.addWidget(facts)
    _close_button(dialog, layout)
    dialog.show()
    return dialog
