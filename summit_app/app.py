"""Start the desktop app: the QApplication, its identity and theme, and the main window.

``build_main_window`` returns a window without running the event loop (tests,
tools, benchmarks); ``run`` is what ``summit-app [PLAN]`` calls.
"""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from summit_app import PROG, __version__
from summit_app.store.backend import PlanFileBackend
from summit_app.store.errors import LockHolder
from summit_app.store.plan_file import warm_up_store
from summit_app.ui.base import theme
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.base.prompts import READ_ONLY, Prompts
from summit_app.ui.window.main_window import MainWindow

APP_NAME = "Summit Planner"
DESKTOP_ID = "org.summitplanner.SummitPlanner"
#: When the store's warm-up starts, after the window shows. Started at once, it competes for
#: the interpreter with the panes being built ahead and stalls the window half as long again;
#: a second later those are built and the warm-up stalls nothing (an edit made sooner than
#: that imports SQLAlchemy itself).
STORE_WARM_UP_MS = 1000


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages to stderr, less the offscreen platform's notice that it cannot
    resize windows to their size hints (said for every window, and harmless)."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def application(preferences: Preferences | None = None) -> QApplication:
    """The one QApplication of the process, created and themed (at ``preferences``' zoom) on first use."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_qt_message)
    # Fusion: the same look on every desktop, and on projectors. Named on Qt's command line
    # rather than through setStyle(), which would have PySide set up the whole QStyle class
    # (its enumerations: about ten milliseconds) before the first window.
    app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("Summit Planner")
    app.setApplicationVersion(__version__)
    # Without the desktop file's id, Wayland shows the app as "python3" with no icon
    # (the same fix as Dangerzone's gui/__init__.py and qutebrowser PR 4153).
    app.setDesktopFileName(DESKTOP_ID)
    theme.apply_theme(app, (preferences or Preferences.load()).zoom)
    return app


def build_main_window(plan_path: Path | str | None, *, read_only: bool = False,
                      remember: bool = False) -> MainWindow:
    """A main window on ``plan_path`` (or the welcome screen for None); the event loop is not started."""
    preferences = Preferences.load()
    application(preferences)
    window = MainWindow(preferences, remember=remember)
    if plan_path is not None:
        window.open_path(Path(plan_path), read_only=read_only)
    return window


class _SmokePrompts(Prompts):
    """Answers for a window nobody sees: keep the refusal, look at a locked plan read-only."""

    refusal = ""

    def error(self, title: str, message: str) -> None:
        self.refusal = message

    def plan_locked(self, path: Path, holder: LockHolder) -> str | None:
        return READ_ONLY

    def offer_read_only(self, path: Path, why: str) -> bool:
        return True


def _smoke(plan: str | None, read_only: bool, preferences: Preferences) -> int:
    """Open the window on ``plan``, paint it once, exit: 0, or 2 with the CLI's one line."""
    prompts = _SmokePrompts()
    window = MainWindow(preferences, prompts, remember=False)
    gc.freeze()  # as run() does
    if plan is not None and not window.open_path(Path(plan), read_only=read_only):
        window.close()
        print(f"{PROG}: error: {prompts.refusal}", file=sys.stderr)
        return 2
    window.show()
    window.grab()
    window.close()
    return 0


def _warm_up_store(window: MainWindow) -> threading.Thread:
    """Import SQLAlchemy and build the open plan's engine on a background thread.

    A plan is shown without SQLAlchemy (it is read with sqlite3), but writing
    needs it and importing it takes a few tenths of a second: started once the
    window is up, so neither the first edit nor a new plan waits for it.
    """
    backend = window.context.document.backend if window.context is not None else None
    warm_up = backend.warm_up if isinstance(backend, PlanFileBackend) else warm_up_store
    thread = threading.Thread(target=warm_up, name="store warm-up", daemon=True)
    thread.start()
    return thread


def run(plan: str | None, smoke: bool = False, read_only: bool = False) -> int:
    """Open the app on ``plan`` (or the last plan, or the welcome screen) and run until it closes."""
    preferences = Preferences.load()  # read once: the zoom for the theme, the rest for the window
    app = application(preferences)
    if smoke:
        return _smoke(plan, read_only, preferences)
    window = MainWindow(preferences, remember=True, prebuild=True)
    gc.freeze()  # the app's code, Qt's types and the window live as long as the process: never walk them again
    target = Path(plan) if plan else window.preferences.last_plan()
    if target is not None:
        window.open_path(target, read_only=read_only)
    window.show()
    QTimer.singleShot(0, gc.enable)  # after the first paint (cli.cmd_gui turned the collector off)
    warming: list[threading.Thread] = []
    QTimer.singleShot(STORE_WARM_UP_MS, lambda: warming.append(_warm_up_store(window)))
    code = app.exec()
    for thread in warming:
        thread.join()  # not an import still running while the interpreter shuts down
    return code
