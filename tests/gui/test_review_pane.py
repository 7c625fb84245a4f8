"""The Review & sign pane: findings as links, coverage, approval details, exports, signed state.

Real widgets on a real plan file; the only stand-in is the prompt service (the
modal save dialog and the "open the file?" question after an export).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from guihelpers import ScriptedPrompts, close_context
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTreeView
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.checks import assess, run_checks
from summit_app.plan.coverage import coverage
from summit_app.plan.edits import SetField
from summit_app.plan.review import blocking_counts, changes_since_signed, finding_counts
from summit_app.plan.samples import large_plan
from summit_app.store.plan_file import PlanFile, open_document
from summit_app.ui.base.context import UiContext
from summit_app.ui.panes import PANE_IDS
from summit_app.ui.panes.review.review import ReviewPane
from summit_app.ui.panes.review.review_models import CoverageModel, FindingsModel

AUTHOR = "Ana Adams"


@pytest.fixture
def open_pane(qtbot: QtBot, make_plan_file: Callable[..., Path],
              prompts: ScriptedPrompts) -> Iterator[Callable[[model.Plan], ReviewPane]]:
    """The pane on a UiContext over a new plan file, refreshed as the main window does."""
    opened: list[UiContext] = []

    def make(plan: model.Plan) -> ReviewPane:
        context = UiContext(open_document(make_plan_file(plan), author=AUTHOR), prompts=prompts)
        pane = ReviewPane(context)
        context.plan_changed.connect(lambda _edit, p: pane.refresh(p))
        pane.runner.show_progress = False
        qtbot.addWidget(pane)
        pane.resize(1440, 900)
        pane.show()
        opened.append(context)
        return pane

    yield make
    for context in opened:
        close_context(context)


def saved_plan(pane: ReviewPane) -> model.Plan:
    pane.runner.wait()
    path = Path(pane.context.document.backend.location)
    close_context(pane.context)
    with PlanFile.open(path) as plan_file:
        return plan_file.load()


def rows(tree: QTreeView, column: int = 1) -> list[tuple[str, QModelIndex]]:
    """(text, index) of every child row of the tree, in order."""
    found = []
    item_model = tree.model()
    for g in range(item_model.rowCount()):
        group = item_model.index(g, 0)
        for r in range(item_model.rowCount(group)):
            index = item_model.index(r, column, group)
            found.append((str(index.data()), index))
    return found


def group_titles(tree: QTreeView) -> list[str]:
    item_model = tree.model()
    return [str(item_model.index(g, 0).data()) for g in range(item_model.rowCount())]


def click(qtbot: QtBot, tree: QTreeView, index: QModelIndex) -> None:
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())


# --- findings ----------------------------------------------------------------------------------


def test_findings_are_grouped_by_pane_and_link_to_their_item(open_pane, qtbot, unsettled_demo: model.Plan) -> None:
    pane = open_pane(unsettled_demo)
    titles = group_titles(pane.findings_tree)
    assert "Readiness · 1 finding" in titles
    assert "Data privacy · 2 findings" in titles
    assert titles.index("Readiness · 1 finding") < titles.index("Data privacy · 2 findings")  # navigator order
    count = len(assess(unsettled_demo, pane.context.content).open)  # the two accepted ones are folded apart
    assert pane.summary.text() == f"{count} findings, none blocking (2 more accepted). Choose one to go to it."
    _text, index = next((t, i) for t, i in rows(pane.findings_tree) if "QuizBurst" in t)
    with qtbot.waitSignal(pane.navigate) as blocker:
        click(qtbot, pane.findings_tree, index)
    assert blocker.args == ["apps", "app-quiz"]


def test_keyboard_enter_on_a_finding_follows_the_link(open_pane, qtbot, unsettled_demo: model.Plan) -> None:
    pane = open_pane(unsettled_demo)
    _, index = next((t, i) for t, i in rows(pane.findings_tree) if t.startswith("Use of Space and Time"))
    pane.findings_tree.setCurrentIndex(index)
    with qtbot.waitSignal(pane.navigate) as blocker:
        qtbot.keyClick(pane.findings_tree, Qt.Key.Key_Return)
    assert blocker.args == ["readiness", "st-mastery"]


def test_a_finding_about_a_whole_pane_links_to_the_pane(open_pane, qtbot) -> None:
    pane = open_pane(model.Plan(district=model.District(name="Harbor Unified")))
    assert len(rows(pane.findings_tree)) == 9
    assert pane.summary.text() == "9 findings, 9 blocking. Choose one to go to it."
    _, index = next((t, i) for t, i in rows(pane.findings_tree) if t == "The plan has no milestones yet.")
    with qtbot.waitSignal(pane.navigate_pane) as blocker:
        click(qtbot, pane.findings_tree, index)
    assert blocker.args == ["timeline"]


def test_findings_follow_edits_after_the_debounce_and_undo(open_pane, qtbot) -> None:
    pane = open_pane(model.Plan(district=model.District(name="Harbor Unified")))
    counts: list[dict[str, int]] = []
    pane.counts_changed.connect(counts.append)
    editor = pane.approval.editor("superintendent_name")
    editor.setFocus()
    qtbot.keyClicks(editor, "Dr. Rosa Ortiz")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert pane.context.plan.approval.superintendent_name == "Dr. Rosa Ortiz"
    qtbot.waitUntil(lambda: len(rows(pane.findings_tree)) == 8)
    assert "Review & sign · 1 finding, 1 blocking" not in group_titles(pane.findings_tree)
    assert counts[-1]["review"] == 0
    pane.context.undo_stack.undo()
    qtbot.waitUntil(lambda: len(rows(pane.findings_tree)) == 9)
    assert group_titles(pane.findings_tree)[-1] == "Review & sign · 1 finding, 1 blocking"
    assert editor.text() == ""
    pane.context.undo_stack.redo()
    assert saved_plan(pane).approval.superintendent_name == "Dr. Rosa Ortiz"


def test_a_burst_of_edits_costs_one_recompute(open_pane, qtbot, demo: model.Plan) -> None:
    pane = open_pane(demo)
    recomputes: list[dict[str, int]] = []
    pane.counts_changed.connect(recomputes.append)
    for name in ("A", "B", "C", "D"):
        pane.context.edit(SetField("approval", "", "board_president", name))
    qtbot.waitUntil(lambda: bool(recomputes))
    pane.flush()  # would recompute now if the burst had left a second recompute waiting
    assert len(recomputes) == 1


def test_refreshing_with_the_plan_already_shown_recomputes_nothing(open_pane, qtbot, demo: model.Plan) -> None:
    pane = open_pane(demo)
    pane.flush()
    recomputes: list[dict[str, int]] = []
    pane.counts_changed.connect(recomputes.append)
    pane.refresh(pane.context.plan)  # a pane built ahead is refreshed once more when first shown
    pane.flush()  # would recompute now if the refresh had scheduled one
    assert recomputes == []
    pane.refresh(replace(pane.context.plan))  # an equal plan from an edit and its undo: counted again
    qtbot.waitUntil(lambda: len(recomputes) == 1)


def test_select_item_selects_the_finding_about_it(open_pane, unsettled_demo: model.Plan) -> None:
    pane = open_pane(unsettled_demo)
    assert pane.select_item("apps", "app-whiteboard")
    finding = pane.findings_model.finding_at(pane.findings_tree.currentIndex())
    assert finding is not None
    assert finding.item_id == "app-whiteboard"
    assert pane.select_item("approval", "")
    assert not pane.select_item("goals", "goal-none")


def test_finding_counts_list_every_pane(unsettled_demo: model.Plan, demo: model.Plan, content) -> None:
    findings = run_checks(model.Plan(), content)
    counts = finding_counts(findings)
    assert list(counts) == list(PANE_IDS)
    assert counts["budget"] == 1
    assert blocking_counts(findings) == counts
    demo_findings = run_checks(unsettled_demo, content)
    demo_counts = finding_counts(demo_findings)
    assert list(demo_counts) == list(PANE_IDS)
    assert (demo_counts["readiness"], demo_counts["privacy"], demo_counts["timeline"]) == (1, 2, 0)
    assert not any(blocking_counts(demo_findings).values())
    assert assess(demo, content).open == []  # the settled demo: every finding resolved or accepted


# --- models -------------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester, demo: model.Plan, content) -> None:
    findings = FindingsModel(content)
    findings.set_findings(run_checks(model.Plan(), content))
    qtmodeltester.check(findings)
    covered = CoverageModel()
    covered.set_coverage(coverage(demo, content), demo)
    qtmodeltester.check(covered)


def test_coverage_table_shows_each_framework(open_pane, demo: model.Plan, content) -> None:
    pane = open_pane(demo)
    found = coverage(demo, content)
    gears = found.framework("gears")
    assert group_titles(pane.coverage_tree)[0] == (
        f"Future Ready gears and Collaborative Leadership · {gears.addressed_count()} of {len(gears.entries)} "
        "addressed")
    table = {str(i.siblingAtColumn(0).data()): (str(i.siblingAtColumn(1).data()), str(i.siblingAtColumn(2).data()))
             for _, i in rows(pane.coverage_tree)}
    missing = gears.missing()[0].name
    assert table[missing] == ("✗ Not addressed", "Nothing in the plan yet")
    addressed = next(e for e in gears.entries if e.addressed)
    assert table[addressed.entry.name][0] == "✓ Addressed"
    goals = sum(1 for ref in addressed.by if ref.collection == "goals")
    assert table[addressed.entry.name][1].startswith(f"{goals} goal")


# --- approval, exports and the signed state -------------------------------------------------------


def test_approval_date_is_saved(open_pane, qtbot) -> None:
    pane = open_pane(model.Plan())
    editor = pane.approval.editor("board_meeting_date")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # its calendar opens
    calendar = editor.calendar
    assert calendar is not None
    assert calendar.isVisible()
    calendar.setSelectedDate(QDate(2026, 6, 11))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # picked with the keyboard
    assert saved_plan(pane).approval.board_meeting_date == date(2026, 6, 11)


def test_workbook_button_exports_to_the_chosen_path(open_pane, qtbot, prompts, demo: model.Plan, tmp_path) -> None:
    pane = open_pane(demo)
    prompts.script("export_path", tmp_path / "plan")
    prompts.script("offer_open", None)
    with qtbot.waitSignal(pane.runner.finished, timeout=60_000):
        qtbot.mouseClick(pane.exports.buttons["xlsx"], Qt.MouseButton.LeftButton)
        assert not pane.exports.buttons["signature"].isEnabled()
    method, (title, suggested, file_filter) = prompts.asked[0]
    assert (method, title, file_filter) == ("export_path", "Excel workbook", "Excel workbooks (*.xlsx)")
    assert suggested.name == "Cedar Valley USD Technology Plan FY2027-FY2031.xlsx"
    assert load_workbook(tmp_path / "plan.xlsx").sheetnames[0] == "Summary"
    assert pane.exports.result.text() == f"Saved plan.xlsx in {tmp_path}"
    assert prompts.asked[1] == ("offer_open", (tmp_path / "plan.xlsx",))
    assert pane.exports.buttons["signature"].isEnabled()


def test_signing_then_changing_shows_what_changed_and_undo_restores_signed(open_pane, qtbot, prompts,
                                                                         demo: model.Plan, tmp_path) -> None:
    pane = open_pane(demo)
    assert pane.signed.status.text().startswith("<b>Not yet signed.</b>")
    prompts.script("export_path", tmp_path / "signed.pdf")
    prompts.script("offer_open", None)
    with qtbot.waitSignal(pane.runner.finished, timeout=60_000):
        qtbot.mouseClick(pane.exports.buttons["signature"], Qt.MouseButton.LeftButton)
    pane.flush()
    assert pane.signed.status.text().startswith("<b>Signed version.</b>")
    assert pane.context.plan.signature.fingerprint[:16] in pane.signed.status.text()
    assert not pane.signed.changes.isVisibleTo(pane)

    time.sleep(0.01)  # the log stores times to the microsecond; keep "after signing" unambiguous
    editor = pane.approval.editor("board_president")
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Lena Marsh")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    pane.flush()
    assert pane.signed.status.text().startswith("<b>Changed since signed on ")
    assert "1 change since then" in pane.signed.status.text()
    change = pane.signed.changes.topLevelItem(0)
    assert (change.text(1), change.text(2)) == (AUTHOR, "Change Board president")

    pane.context.undo_stack.undo()
    pane.flush()
    assert pane.signed.status.text().startswith("<b>Signed version.</b>")
    saved = saved_plan(pane)
    assert saved.signature.fingerprint
    assert saved.approval.board_president == demo.approval.board_president


def test_changes_since_signed_leave_out_the_signing(demo: model.Plan) -> None:
    from datetime import UTC, datetime

    from summit_app.plan.document import LogEntry
    from summit_app.plan.signing import sign_edit

    at = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    entries = [LogEntry(at, "Ana", "Export for signature", sign_edit(demo, at)),
               LogEntry(at, "Ben", "", SetField("district", "", "enrollment", 18300))]
    assert [(c.author, c.what) for c in changes_since_signed(entries)] == [("Ben", "Change Students enrolled")]


def test_review_of_a_large_plan_lists_every_finding(open_pane, qtbot) -> None:
    # How long the recompute takes is a `make bench` figure ("Review recompute"), not a test.
    pane = open_pane(large_plan())
    pane.refresh(pane.context.plan)
    pane.flush()
    assert len(rows(pane.findings_tree)) == len(pane.findings) > 50


# --- in the main window ---------------------------------------------------------------------------


def test_clicking_a_finding_in_the_window_shows_the_item_selected_in_its_pane(qtbot, make_window,
                                                                              demo: model.Plan) -> None:
    """Review → click "… serves no goal" → the Budget pane is current with that line's row selected."""
    orphan = demo.budget[5]
    plan = demo.replace(budget=tuple(replace(line, goal_id=None) if line is orphan else line for line in demo.budget))
    window = make_window(plan)
    workspace = window.workspace
    workspace.show_pane("review")
    review = workspace.pane("review")
    _text, index = next((t, i) for t, i in rows(review.findings_tree) if t == f"“{orphan.description}” serves no goal.")
    click(qtbot, review.findings_tree, index)

    budget = workspace.pane("budget")
    assert workspace.navigator.current_pane() == "budget"
    assert workspace.stack.currentWidget() is budget
    view = budget.lines.view
    selected = {budget.lines.model.item_at(i.row()).id for i in view.selectionModel().selectedRows()}
    assert selected == {orphan.id}
    assert budget.lines.current_id() == orphan.id
    assert view.hasFocus()  # the keyboard lands on the line too
    row_rect = view.visualRect(view.currentIndex())
    assert view.viewport().rect().intersects(row_rect)  # scrolled into view


def test_an_iste_condition_explains_itself_in_its_tooltip(demo: model.Plan, content) -> None:
    covered = CoverageModel()
    covered.set_coverage(coverage(demo, content), demo)
    iste = next(r for r in range(covered.rowCount()) if covered.index(r, 0).data().startswith("ISTE"))
    first = covered.index(0, 0, covered.index(iste, 0))
    condition = content.vocabulary("iste_conditions")[0]
    assert first.data() == condition.name
    assert first.data(Qt.ItemDataRole.ToolTipRole) == condition.get("description")
