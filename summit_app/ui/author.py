"""Who is at this seat: the name the plan's edit log records for every change made here.

Set from File → "Your name at the table…" or the name in the status bar;
remembered in preferences (not in the plan), and applied at once to the open
plan, so the very next edit is logged under it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QToolButton

if TYPE_CHECKING:
    from summit_app.ui.main_window import MainWindow


class AuthorButton(QToolButton):
    """The status bar's "Editing as …": shows the name and, clicked, asks for another."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("authorButton")
        self.setAutoRaise(True)
        self.setToolTip("Your name in the plan's change history. Click to change it.")
        self.clicked.connect(lambda _checked=False: ask(window))
        self.show_name()

    def show_name(self) -> None:
        name = self.window_.author()
        self.setText(f"Editing as {name}")
        self.setAccessibleName(self.text())  # read as it is shown
        self.setAccessibleDescription("Your name in the plan's change history. Press to change it.")


def add_to_status_bar(window: MainWindow) -> AuthorButton:
    button = AuthorButton(window)
    window.statusBar().addPermanentWidget(button)
    return button


def set_author(window: MainWindow, name: str) -> None:
    """Use ``name`` for this seat from now on: preferences, the open plan's log, the status bar."""
    window.preferences.author = name.strip()
    if window.remember:
        window.preferences.save()
    if window.context is not None:
        window.context.document.author = window.author()
    button = getattr(window, "author_button", None)
    if isinstance(button, AuthorButton):
        button.show_name()


def ask(window: MainWindow) -> bool:
    """Ask for the name (through the prompt service); False if the question was cancelled."""
    name = window.prompts.author_name(window.preferences.author or window.author())
    if name is None:
        return False
    set_author(window, name)
    return True
