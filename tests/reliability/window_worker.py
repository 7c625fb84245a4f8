"""Runs the real main window on a plan and edits it through the UI until killed; used by test_window_crashes.py.

It speaks the protocol of tests/store/crash_worker.py, so the store's crash
test reads it the same way: started once (importing Qt and the app takes most of
a second), for each line ``go`` on stdin it forks a child that builds the
QApplication and the main window, opens the plan (``opened N``), then applies
edit after edit through the window's ``UiContext`` — the path every pane uses —
printing ``done N`` once edit N was applied, with the event loop turning in
between. This process reaps each killed child and prints ``ended STATUS``.

The edits are crash_worker's numbered ones, so the file shows exactly which
edits it holds. A refused open would show a modal dialog nobody answers: the
child's prompts print the reason and exit instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from summit_app.app import application
from summit_app.store.errors import LockHolder
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.base.prompts import Prompts
from summit_app.ui.window.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from crash_worker import edit_number, say, serve  # the store crash test's numbered edits and fork loop


class NoDialogs(Prompts):
    """Nobody answers dialogs in this process: a question ends it with the reason on stderr."""

    def error(self, title: str, message: str) -> None:
        self._give_up(f"{title}: {message}")

    def plan_locked(self, path: Path, holder: LockHolder) -> str | None:
        self._give_up(f"{path} is locked by {holder.describe()}")

    def offer_read_only(self, path: Path, why: str) -> bool:
        self._give_up(f"{path}: {why}")

    @staticmethod
    def _give_up(reason: str) -> None:
        print(reason, file=sys.stderr, flush=True)
        os._exit(2)


def work(path: Path) -> None:
    """Open the plan in the window and edit until killed; never returns."""
    application()
    window = MainWindow(Preferences(), NoDialogs(), remember=False)
    window.show()
    window.open_path(path)
    context = window.context
    assert context is not None
    QApplication.processEvents()
    n = len(context.document.backend.edit_log())
    say(f"opened {n}")
    while True:
        if not context.edit(edit_number(n)):
            NoDialogs._give_up(f"edit {n} refused: {window.statusBar().currentMessage()}")
        say(f"done {n}")
        n += 1
        QApplication.processEvents()  # the panes repaint, as in an app at work


if __name__ == "__main__":
    serve(work)
