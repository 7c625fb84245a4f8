"""GUI figures: start-up against a bare PySide6 window, opening a very large plan, pane switches, edits.

Start-up runs whole processes side by side (``summit-app DEMO --smoke``, a
bare window that is shown and painted once, and a bare editor window: a list of
steps, a heading, a three-field form and a table over a Python model, the least
any window showing a plan draws), alternating, median of 11 each. The rest runs
in this process on ``samples.large_plan()`` written to a file.
"""

from __future__ import annotations

import gc
import itertools
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from bench.figures import Figure

BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "w = QMainWindow(); w.resize(1440, 900); w.show(); w.grab(); w.close()\n"
)
#: The least a window that shows a plan draws, with nothing of the app's: steps, a heading, a
#: form and a table over a Python model (Qt's enumerations, the font, shaped text, a layout).
BARE_EDITOR = """
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QMainWindow, QTableView, QVBoxLayout, QWidget)

class Model(QAbstractTableModel):
    def rowCount(self, parent=None):
        return 3
    def columnCount(self, parent=None):
        return 3
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"Item {index.row()}, {index.column()}" if role == Qt.ItemDataRole.DisplayRole else None

app = QApplication([])
w = QMainWindow(); w.resize(1440, 900)
central = QWidget(); row = QHBoxLayout(central)
steps = QListWidget(); steps.addItems(["Team", "Readiness", "Vision and goals", "Budget"]); row.addWidget(steps)
page = QVBoxLayout(); row.addLayout(page, 1); page.addWidget(QLabel("District and team"))
form = QFormLayout(); page.addLayout(form)
for name in ("District", "Superintendent", "Plan years"):
    form.addRow(name, QLineEdit(name))
view = QTableView(); view.setModel(Model(view)); page.addWidget(view)
w.setCentralWidget(central); w.show(); w.grab(); w.close()
"""
RUNS = 5
#: Whole-process start-ups, each side: a process start varies by tens of milliseconds from run to run.
STARTS = 11
#: The app's start-up may take at most this many times the bare window's.
STARTUP_RATIO = 1.6


def _child_environment(workdir: Path) -> dict[str, str]:
    """Offscreen, with the app's bytecode cached in the work folder, as an installed app has it.

    pip and PyInstaller ship compiled bytecode; a shell that sets
    PYTHONDONTWRITEBYTECODE would instead make every timed start compile every
    module of the app from source (the bare window's PySide6 is compiled either way).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(workdir / "bytecode")}


def _process_seconds(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def startup(workdir: Path) -> list[Figure]:
    from summit_app.plan.samples import demo_plan
    from summit_app.store.plan_file import PlanFile

    demo = workdir / "demo.techplan"
    PlanFile.create(demo, demo_plan()).close()
    env = _child_environment(workdir)
    app_command = [sys.executable, "-m", "summit_app", str(demo), "--smoke"]
    bare_command = [sys.executable, "-c", BARE_WINDOW]
    editor_command = [sys.executable, "-c", BARE_EDITOR]
    commands = (app_command, bare_command, editor_command)
    for command in commands:
        _process_seconds(command, env)  # untimed: writes the bytecode, warms the file cache
    runs: tuple[list[float], ...] = ([], [], [])
    for _ in range(STARTS):
        for command, times in zip(commands, runs, strict=True):
            times.append(_process_seconds(command, env))
    app_s, bare_s, editor_s = (statistics.median(times) for times in runs)
    return [
        Figure("gui: summit-app DEMO --smoke (whole process)", app_s, "s", target=STARTUP_RATIO * bare_s,
               peer="bare PySide6 window", peer_value=bare_s, note=f"target: {STARTUP_RATIO}x the bare window"),
        Figure("gui: the same start-up, beside a bare editor window", app_s, "s",
               peer="bare editor window", peer_value=editor_s,
               note="steps, a form, a table over a Python model"),
    ]


def _ms(action: Callable[[], object]) -> float:
    from PySide6.QtWidgets import QApplication

    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return (time.perf_counter() - start) * 1000


def large_plan_figures(workdir: Path) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from summit_app.app import application
    from summit_app.plan.progress import STEPS
    from summit_app.plan.samples import large_plan
    from summit_app.store.plan_file import PlanFile
    from summit_app.ui.base.preferences import Preferences
    from summit_app.ui.window.main_window import MainWindow

    application()
    path = workdir / "large.techplan"
    PlanFile.create(path, large_plan()).close()
    opens = []
    for _ in range(RUNS):
        window = MainWindow(Preferences(), remember=False)
        window.resize(1440, 900)
        window.show()
        opens.append(_ms(lambda w=window: w.open_path(path)) / 1000)
        window.close()
    window = MainWindow(Preferences(), remember=False, prebuild=True)
    gc.freeze()  # as the app's run() does once its window is built: the collector never walks Qt's types again
    window.resize(1440, 900)
    window.show()
    window.open_path(path)
    assert window.workspace is not None
    workspace = window.workspace
    for _ in STEPS:  # the idle moments in which the app builds the other panes ahead
        QApplication.processEvents()
    # As the app does on a background thread a second after its window shows
    # (app.py), so that no edit waits for SQLAlchemy to load.
    window.context.document.backend.warm_up()
    first = [_ms(lambda p=p: workspace.show_pane(p)) for p, _ in STEPS]
    again = [_ms(lambda p=p: workspace.show_pane(p)) for p, _ in STEPS for _ in range(3)]
    edits, recounts = _edit_times(window)
    window.close()
    return [
        Figure("gui: open large plan, first pane shown", statistics.median(opens), "s", target=0.5,
               note="1000 budget lines, 300 apps, 100 goals"),
        Figure("gui: pane switch, first visit after open (worst)", max(first), "ms", target=50),
        Figure("gui: pane switch, later visits (worst)", max(again), "ms", target=50),
        Figure("gui: edit on the large plan (worst of 20)", max(edits), "ms", target=50,
               note="cell edit through the model, written to disk, refreshed, painted"),
        Figure("gui: badge recount after an edit, large plan (worst)", max(recounts), "ms", target=50,
               note=f"{len(recounts)} runs of the plan checks for the step badges, "
                    "each its own turn of the event loop"),
    ]


def _edit_times(window: object) -> tuple[list[float], list[float]]:
    """How long each of 20 edits held the event loop, and each badge recount they caused.

    The step badges recount on the event loop's next turn after an edit (at most every
    150 ms), so a recount can run inside the ``processEvents`` that follows an edit. It is
    its own turn of the loop, not part of the edit: it is taken out of that edit's time and
    reported as a figure of its own.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    workspace = window.workspace  # type: ignore[attr-defined]
    workspace.show_pane("budget")
    counter = workspace.findings
    lines = workspace.pane("budget").lines.model
    column = next(i for i, c in enumerate(lines.columns) if c.field == "unit_cost")
    edits: list[float] = []
    recounts: list[float] = []
    for n in range(20):
        index = lines.index(n, column)
        value = Decimal(lines.value(n, column)) + Decimal("1.00")
        runs = counter.runs
        elapsed = _ms(lambda i=index, v=value: lines.setData(i, v, Qt.ItemDataRole.EditRole))
        if counter.runs > runs:
            recounts.append(counter.last_run_ms)
            elapsed -= counter.last_run_ms
        edits.append(elapsed)
    runs = counter.runs
    QApplication.processEvents()
    counter.flush()  # the recount waiting after the last edit
    if counter.runs > runs:
        recounts.append(counter.last_run_ms)
    return edits, recounts


def typing_recounts(workdir: Path) -> Figure:
    """The step badges while someone types steadily (a key every 30 ms): how close two recounts come.

    The counter waits 150 ms after a run before the next, so the closest two runs
    should be about 150 ms apart; many fewer runs than keys.
    """
    from PySide6.QtTest import QTest

    from summit_app.app import application
    from summit_app.plan.edits import SetField
    from summit_app.plan.samples import demo_plan
    from summit_app.store.plan_file import PlanFile
    from summit_app.ui.base.preferences import Preferences
    from summit_app.ui.window.main_window import MainWindow

    application()
    path = workdir / "typing.techplan"
    PlanFile.create(path, demo_plan()).close()
    window = MainWindow(Preferences(), remember=False)
    window.show()
    window.open_path(path)
    assert window.context is not None
    assert window.workspace is not None
    runs: list[float] = []
    window.workspace.findings.changed.connect(lambda *_: runs.append(time.perf_counter()))
    typed = "Dr. Maria Alvarez"
    for length in range(len(typed) - 1, -1, -1):
        window.context.edit(SetField("approval", "", "superintendent_name", typed[:length]))
        QTest.qWait(30)
    QTest.qWait(300)
    window.close()
    closest = min((b - a for a, b in itertools.pairwise(runs)), default=float("nan")) * 1000
    return Figure("gui: badge recounts while typing, closest two", closest, "ms",
                  note=f"{len(runs)} recounts for {len(typed)} keys; the counter keeps 150 ms between runs")


def measure(workdir: Path) -> list[Figure]:
    return [*startup(workdir), *large_plan_figures(workdir), typing_recounts(workdir)]


if __name__ == "__main__":
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        for figure in measure(Path(folder)):
            print(figure.line())
