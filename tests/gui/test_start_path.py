"""What opening a plan builds, and what it leaves for later.

A plan opens with only the pane on show built; the others are built on their
first visit from the plan as it is then. The start path loads neither the
store's SQLAlchemy layer nor the exporters, and does not make PySide set up Qt
classes the first window does not need.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fixture_types import MakePlanFile, MakeWindow
from guihelpers import ScriptedPrompts, saved
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.plan.progress import STEPS
from summit_app.ui.pane import GuidanceLine
from summit_app.ui.panes.budget.budget import BudgetPane
from summit_app.ui.panes.vision.vision import VisionPane
from summit_app.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def built_panes(window: MainWindow) -> list[str]:
    """The panes the workspace has made so far (each is a page of its stack)."""
    assert window.workspace is not None
    stack = window.workspace.stack
    return [stack.widget(i).objectName().removeprefix("pane-") for i in range(stack.count())]


def test_opening_a_plan_builds_only_the_pane_on_show(make_window: MakeWindow) -> None:
    window = make_window()
    assert built_panes(window) == ["district"]
    window.workspace.show_pane("budget")
    assert built_panes(window) == ["district", "budget"]


def test_a_pane_built_on_its_first_visit_shows_edits_made_before_it(make_window: MakeWindow) -> None:
    window = make_window()
    line = window.context.plan.budget[0]
    window.context.edit(SetField("vision", "", "statement", "Every learner designs with technology"))
    window.context.edit(SetField("budget", line.id, "description", "Classroom displays, phase one"))
    assert built_panes(window) == ["district"]  # neither pane existed when the plan changed
    window.workspace.show_pane("vision")
    vision = window.workspace.pane("vision")
    assert isinstance(vision, VisionPane)
    assert vision.statement.editor("statement").value() == "Every learner designs with technology"
    window.workspace.show_pane("budget")
    lines = window.workspace.pane("budget")
    assert isinstance(lines, BudgetPane)
    row = lines.lines.model.row_of(line.id)
    column = next(i for i, c in enumerate(lines.lines.model.columns) if c.field == "description")
    assert lines.lines.model.display_text(row, column) == "Classroom displays, phase one"


def test_undoing_an_edit_made_before_a_pane_was_built_shows_there(make_window: MakeWindow) -> None:
    window = make_window()
    before = window.context.plan.vision.statement
    window.context.edit(SetField("vision", "", "statement", "A draft the team takes back"))
    window.context.undo_stack.undo()  # brings the changed step into view, building its pane
    vision = window.workspace.pane("vision")
    assert isinstance(vision, VisionPane)
    assert window.workspace.navigator.current_pane() == "vision"
    assert vision.statement.editor("statement").value() == before


def test_present_mode_steps_onto_panes_not_built_yet(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    mode = window.facilitator.present
    window.actions_["present"].trigger()
    assert mode.active
    assert mode.stage is not None
    for pane_id, title in STEPS[1:3]:
        assert pane_id not in built_panes(window)
        mode.stage.controls.next_button.click()
        assert window.workspace.navigator.current_pane() == pane_id
        assert mode.stage.title.text() == title
    mode.leave()
    assert not mode.active


def test_the_menus_export_before_any_other_pane_is_built(qtbot: QtBot, make_window: MakeWindow,
                                                         prompts: ScriptedPrompts, tmp_path: Path) -> None:
    window = make_window()
    target = tmp_path / "plan.xlsx"
    prompts.script("export_path", target)
    prompts.script("offer_open", None)
    assert window.exports is not None
    with qtbot.waitSignal(window.exports.runner.finished, timeout=60_000) as blocker:
        window.actions_["export_xlsx"].trigger()
    assert blocker.args[:2] == [str(target), True]
    assert built_panes(window) == ["district"]
    summary = load_workbook(target)["Summary"]
    assert saved(window).district.name in [c.value for row in summary.iter_rows() for c in row]


#: Opens a plan as ``summit-app PLAN --smoke`` does, then reports what the process loaded:
#: modules, and the Qt classes PySide set up (each class's enumerations are made with it).
SMOKE_AND_REPORT = """
import enum, json, sys
from summit_app import cli

code = cli.main([sys.argv[1], "--smoke"])
made, pending = set(), [enum.Enum]
while pending:
    for kind in pending.pop().__subclasses__():
        if kind not in made:
            made.add(kind)
            pending.append(kind)
qt_classes = sorted({kind.__qualname__.rpartition(".")[0] for kind in made if kind.__module__.startswith("PySide6")})
print(json.dumps({"code": code, "modules": sorted(sys.modules), "qt_classes": qt_classes}))
"""


def smoke_report(plan: Path, tmp_path: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", SMOKE_AND_REPORT, str(plan)], capture_output=True, text=True,
                            timeout=60, cwd=ROOT, env=env, check=False)
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def test_the_start_path_leaves_the_writers_and_the_sql_layer_unloaded(make_plan_file: MakePlanFile,
                                                                       demo: model.Plan, tmp_path: Path) -> None:
    report = smoke_report(make_plan_file(demo), tmp_path)
    assert report["code"] == 0
    modules = set(report["modules"])  # type: ignore[call-overload]
    for heavy in ("sqlalchemy", "alembic", "openpyxl", "reportlab", "jsonschema", "hashlib",
                  "summit_app.store.portable", "summit_app.plan.checks", "summit_app.ui.exporting.plan_exports",
                  "summit_app.ui.facilitation.present.mode", "summit_app.ui.panes.vision.vision"):
        assert heavy not in modules, heavy


def test_the_first_window_sets_up_only_the_qt_classes_it_uses(make_plan_file: MakePlanFile, demo: model.Plan,
                                                              tmp_path: Path) -> None:
    """A widget Qt made itself, handed to Python, has PySide set up every widget class (QWizard, QMdiArea …)
    to find its type; reading a cell's state sets up QStyle, filling a rectangle QGradient. None is needed
    to show a plan, and each is milliseconds of start-up."""
    report = smoke_report(make_plan_file(demo), tmp_path)
    qt_classes = set(report["qt_classes"])  # type: ignore[call-overload]
    assert {"Qt", "QAbstractItemView", "QFont"} <= qt_classes  # the list is real: these the window uses
    assert not qt_classes & {"QWizard", "QMdiArea", "QLCDNumber", "QDockWidget", "QFileDialog", "QMessageBox",
                             "QStyle", "QGradient", "QCalendarWidget"}


def reference_height(text: str, font: QFont, width: int) -> int:
    """What Qt itself answers for a fresh label like a guidance line."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setFont(font)
    return label.heightForWidth(width)


def test_a_guidance_line_measures_again_when_its_text_font_or_margins_change(qtbot: QtBot) -> None:
    long_text = "<b>Why it matters:</b> " + "the team agrees what good looks like " * 12
    line = GuidanceLine(long_text)
    qtbot.addWidget(line)
    tall = line.heightForWidth(240)
    assert tall == reference_height(long_text, line.font(), 240)
    assert line.heightForWidth(240) == tall  # the kept answer
    assert line.heightForWidth(480) == reference_height(long_text, line.font(), 480) < tall
    line.setText("<b>Why it matters:</b> briefly")
    assert line.heightForWidth(240) == reference_height(line.text(), line.font(), 240) < tall
    line.setText(long_text)
    bigger = QFont(line.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 2)  # a zoom step, or present mode's type
    line.setFont(bigger)
    assert line.heightForWidth(240) == reference_height(long_text, bigger, 240) > tall
    line.setContentsMargins(0, 20, 0, 20)
    assert line.heightForWidth(240) == reference_height(long_text, bigger, 240) + 40


def test_a_pane_built_out_of_sight_has_not_measured_its_guidance(make_window: MakeWindow) -> None:
    """The guidance lines are rich text, and measuring them at a width lays the whole text out.
    A pane built but not on show (as the first pane is, before the window first paints) has
    asked none of them yet: its scroll area took the pane's content while it was still empty."""
    window = make_window()
    assert window.workspace is not None
    pane = window.workspace.pane("vision")  # built now, not shown
    lines = [label for label in pane.guidance.labels if isinstance(label, GuidanceLine)]
    assert lines
    assert all(not line._heights for line in lines)  # the heights a line keeps: none asked for yet
    window.workspace.show_pane("vision")
    pane.grab()
    assert any(line._heights for line in lines)  # once shown, the strip is measured
