"""What the window's parts may use of the main window, declared once (``PlanWindow``).

The menus, the facilitator's tools and present mode act on the main window;
the main window builds them. Typing them against this protocol instead of the
``MainWindow`` class keeps the dependency one way: ``main_window`` imports
its parts, and no part imports ``main_window``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QMenuBar, QStatusBar

from summit_app.ui.base.context import UiContext
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.base.prompts import Prompts
from summit_app.ui.workspace.workspace import PlanWorkspace


class PlanWindow(Protocol):
    """The main window as its parts see it: the open plan, the user's preferences, the prompts.

    ``MainWindow`` is a ``QMainWindow``; of Qt's own methods, those its parts call are listed.
    """

    context: UiContext | None
    workspace: PlanWorkspace | None
    preferences: Preferences
    prompts: Prompts
    remember: bool  # False for --smoke and tools: leave the user's preferences alone

    def plan_path(self) -> Path: ...

    def open_path(self, path: Path, read_only: bool = False) -> bool: ...

    def statusBar(self) -> QStatusBar: ...

    def menuBar(self) -> QMenuBar: ...

    def screen(self) -> QScreen: ...

    def activateWindow(self) -> None: ...

    def installEventFilter(self, watcher: QObject) -> None: ...

    def removeEventFilter(self, watcher: QObject) -> None: ...
