"""Navigator badges: each step shows its open findings, red when any blocks, refreshed after edits, debounced.

Real main window on real plan files; the numbers are compared with the checks
run on the plan reopened from disk, and the colours are read from the painted
navigator.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fixture_types import MakeWindow
from guihelpers import close_context, saved, type_into
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.checks import assess, run_checks
from summit_app.plan.content import Content
from summit_app.plan.edits import SetField
from summit_app.plan.progress import STEPS, badge_findings, pane_states
from summit_app.plan.review import blocking_counts, finding_counts
from summit_app.plan.samples import large_plan
from summit_app.store.plan_file import open_document
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.findings_service import findings_of
from summit_app.ui.base.theme import DANGER
from summit_app.ui.window.main_window import MainWindow
from summit_app.ui.workspace.badges import BLOCKING_ROLE, COUNT_ROLE, QUIET_FILL, FindingCounter
from summit_app.ui.workspace.navigator import StepNavigator

ROWS = {pane_id: row for row, (pane_id, _) in enumerate(STEPS)}


def navigator(window: MainWindow) -> StepNavigator:
    assert window.workspace is not None
    return window.workspace.navigator


def shown_counts(window: MainWindow) -> tuple[dict[str, int], dict[str, int]]:
    nav = navigator(window)
    counts = {pane_id: int(nav.item(row).data(COUNT_ROLE) or 0) for pane_id, row in ROWS.items()}
    blocking = {pane_id: int(nav.item(row).data(BLOCKING_ROLE) or 0) for pane_id, row in ROWS.items()}
    return counts, blocking


def expected_counts(window: MainWindow, content: Content) -> tuple[dict[str, int], dict[str, int]]:
    """What the checks say of the plan as saved on disk, open findings only (not those the team accepted), less
    "this step is empty" for steps ahead of the team."""
    plan = saved(window)
    findings = badge_findings(assess(plan, content).open, pane_states(plan, content))
    return _on_steps(finding_counts(findings)), _on_steps(blocking_counts(findings))


def _on_steps(counts: dict[str, int]) -> dict[str, int]:
    """The counts of the steps the navigator lists (the checks' panes may include one it does not show)."""
    return {pane: n for pane, n in counts.items() if pane in ROWS}


def near(colour: QColor, target: str, tolerance: int = 12) -> bool:
    want = QColor(target)
    return all(abs(a - b) <= tolerance for a, b in ((colour.red(), want.red()), (colour.green(), want.green()),
                                                    (colour.blue(), want.blue())))


def badge_pixels(window: MainWindow, pane_id: str, target: str) -> int:
    """How many pixels of ``target`` colour the step's row shows in its right-hand badge area."""
    nav = navigator(window)
    image: QImage = nav.grab().toImage()
    rect = nav.visualItemRect(nav.item(ROWS[pane_id]))
    ratio = image.devicePixelRatio()
    found = 0
    for x in range(int((rect.right() - 60) * ratio), int(rect.right() * ratio)):
        for y in range(int(rect.top() * ratio), int(rect.bottom() * ratio)):
            found += near(image.pixelColor(x, y), target)
    return found


def counted(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """``window`` once its badges are counted: on the event loop's first turn after the plan opens,
    so the pane paints without waiting for the checks."""
    assert window.workspace is not None
    counter = window.workspace.findings
    if counter.runs == 0:
        assert shown_counts(window)[0] == dict.fromkeys(ROWS, 0)
    qtbot.waitUntil(lambda: counter.runs == 1)
    return window


def test_badges_count_each_panes_findings_with_blocking_ones_in_red(qtbot: QtBot, make_window: MakeWindow,
                                                                     content: Content) -> None:
    milestone = model.Milestone(id="m1", title="Board adopts the plan")
    window = counted(qtbot, make_window(model.Plan(district=model.District(name="Harbor Unified"),
                                                   milestones=(milestone,))))
    counts, blocking = shown_counts(window)
    assert (counts, blocking) == expected_counts(window, content)
    assert counts["budget"] == blocking["budget"] == 1  # an empty step the team went past blocks
    assert counts["review"] == 0  # the step ahead of the team is still calm
    assert badge_pixels(window, "budget", DANGER) > 40
    assert navigator(window).item(ROWS["budget"]).toolTip() == "Budget: not started · 1 finding, 1 blocking"
    spoken = navigator(window).item(ROWS["budget"]).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith("1 finding, 1 blocking")


def test_warnings_only_show_a_quiet_badge_and_no_findings_none(qtbot: QtBot, make_window: MakeWindow,
                                                               content: Content, unsettled_demo: model.Plan) -> None:
    window = counted(qtbot, make_window(unsettled_demo))
    counts, blocking = shown_counts(window)
    assert (counts, blocking) == expected_counts(window, content)
    assert (counts["privacy"], blocking["privacy"]) == (2, 0)
    assert badge_pixels(window, "privacy", QUIET_FILL) > 40
    assert badge_pixels(window, "privacy", DANGER) == 0
    current = navigator(window).currentRow()  # its highlight's rounded corners are not a badge
    calm = next(pane_id for pane_id in ROWS if counts[pane_id] == 0 and ROWS[pane_id] != current)
    assert badge_pixels(window, calm, QUIET_FILL) == badge_pixels(window, calm, DANGER) == 0
    assert "finding" not in navigator(window).item(ROWS[calm]).toolTip()


def test_badges_follow_edits_and_undo(qtbot: QtBot, make_window: MakeWindow, content: Content) -> None:
    window = counted(qtbot, make_window(model.Plan()))
    assert shown_counts(window) == (dict.fromkeys(ROWS, 0), dict.fromkeys(ROWS, 0))  # a new plan opens calm
    district = window.workspace.pane("district").district_form.editor("name")
    type_into(qtbot, district, "Harbor Unified")
    qtbot.waitUntil(lambda: shown_counts(window) == expected_counts(window, content))
    window.workspace.show_pane("review")
    approval = window.workspace.pane("review").approval.editor("superintendent_name")
    type_into(qtbot, approval, "Dr. Rosa Ortiz")
    qtbot.waitUntil(lambda: shown_counts(window)[1]["budget"] == 1)  # the team went past an empty budget
    assert shown_counts(window) == expected_counts(window, content)
    assert shown_counts(window)[0]["review"] == 0
    assert badge_pixels(window, "review", DANGER) == 0
    window.actions_["undo"].trigger()
    qtbot.waitUntil(lambda: shown_counts(window)[1]["budget"] == 0)
    assert shown_counts(window) == expected_counts(window, content)


def test_a_burst_of_edits_runs_the_checks_once(qtbot: QtBot, make_window: MakeWindow, demo: model.Plan) -> None:
    window = make_window(demo)
    counter = window.workspace.findings
    counter.flush()  # the count of opening, if it still waits
    before = counter.runs
    for name in ("A", "B", "C", "D", "E"):
        window.context.edit(SetField("approval", "", "board_president", name))
    qtbot.waitUntil(lambda: counter.runs > before)
    counter.flush()  # would run now a second count the burst had left waiting
    assert counter.runs == before + 1


def test_steady_typing_counts_the_last_state(make_window: MakeWindow, demo: model.Plan) -> None:
    """Typing, a turn of the event loop per key: the badges end on the last state. How far apart the
    counts are while typing (at most one every 150 ms) is a `make bench` figure, not a test."""
    window = make_window(demo)
    counter = window.workspace.findings
    counter.flush()
    before = counter.runs
    typed = "Dr. Maria Alvarez"
    for length in range(len(typed) - 1, -1, -1):
        window.context.edit(SetField("approval", "", "superintendent_name", typed[:length]))
        QApplication.processEvents()
    counter.flush()
    assert 1 <= counter.runs - before <= len(typed)
    assert shown_counts(window) == expected_counts(window, window.context.content)


def test_counting_a_very_large_plan_counts_every_finding(qapp: QApplication, content: Content,
                                                        make_plan_file: Callable[..., Path]) -> None:
    # How long it takes is a `make bench` figure ("badge recount after an edit"), not a test.
    plan = large_plan()
    context = UiContext(open_document(make_plan_file(plan), author="Ana Adams"))
    try:
        counter = FindingCounter(findings_of(context))
        seen: list[dict[str, int]] = []
        counter.counted.connect(lambda counts, _blocking: seen.append(counts))
        findings_of(context).current(context.plan)
        assert sum(seen[-1].values()) == len(run_checks(plan, content)) > 50
        assert findings_of(context).runs == 1
    finally:
        close_context(context)
