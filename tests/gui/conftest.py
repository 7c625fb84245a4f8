"""GUI fixtures: a real main window on a temporary plan file, with scripted modal prompts.

Only modal dialogs are replaced (``ScriptedPrompts``): a question the test did
not script fails it. A test that leaves a top-level window open fails too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from guihelpers import ScriptedPrompts
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_windows import _no_windows_left  # noqa: F401  (autouse: every test closes its windows)

from summit_app.plan import model
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.window.main_window import MainWindow


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, make_plan_file: Callable[..., Path], demo: model.Plan,
                prompts: ScriptedPrompts) -> Iterator[MakeWindow]:
    """``make_window(plan=None, read_only=False, path=None)``: a shown main window on a new plan file.

    ``plan=None`` means the demo plan; ``path`` opens an existing file instead.
    """
    made: list[MainWindow] = []

    def make(plan: model.Plan | None = None, *, read_only: bool = False, path: Path | None = None,
             name: str = "plan.techplan") -> MainWindow:
        window = MainWindow(Preferences(), prompts, remember=False)
        qtbot.addWidget(window)
        made.append(window)
        window.resize(1440, 900)
        window.show()
        window.activateWindow()  # shortcuts (Ctrl+Z, Insert, Delete) need the active window
        QApplication.processEvents()
        target = path or make_plan_file(demo if plan is None else plan, name)
        window.open_path(target, read_only=read_only)
        return window

    yield make
    for window in made:
        window.close()
