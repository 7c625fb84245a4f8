"""Who is at this seat: the button in the status bar that shows the name the edit log records.

The name is set from File → "Your name at the table…" or by clicking this
button; the window (``MainWindow.set_author``) remembers it in preferences,
not in the plan, and applies it at once to the open plan, so the very next
edit is logged under it. The button is handed what it shows and what a click
asks for, and knows nothing else of the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QToolButton, QWidget


class AuthorButton(QToolButton):
    """The status bar's "Editing as …": shows the name and, clicked, asks for another."""

    def __init__(self, name: Callable[[], str], ask: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self.setObjectName("authorButton")
        self.setAutoRaise(True)
        self.setToolTip("Your name in the plan's change history. Click to change it.")
        self.clicked.connect(lambda _checked=False: ask())
        self.show_name()

    def show_name(self) -> None:
        self.setText(f"Editing as {self._name()}")
        self.setAccessibleName(self.text())  # read as it is shown
        self.setAccessibleDescription("Your name in the plan's change history. Press to change it.")
