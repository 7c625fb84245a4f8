"""Budget and privacy, coupled: a software line offers to create its privacy-inventory entry.

Real main window on a real plan file; the only stand-in is the prompt service's
yes/no question. Every outcome is checked in the plan file reopened from disk.
"""

from __future__ import annotations

from decimal import Decimal

from fixture_types import MakeWindow
from guihelpers import ScriptedPrompts, cell_editor, column_of, press_enter, saved
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.checks import run_checks
from summit_app.plan.edits import AddItem
from summit_app.plan.review import finding_counts
from summit_app.ui.panes.budget.budget import BudgetPane
from summit_app.ui.window.main_window import MainWindow
from summit_app.ui.workspace.badges import COUNT_ROLE

GOAL = model.Goal("g1", "Every student reads on grade level", measure="Grade 3 reading", owner="Lee")
PLAN = model.Plan(district=model.District(name="Harbor", enrollment=1000, first_fiscal_year=2027, plan_years=3),
                  goals=(GOAL,),
                  budget=(model.BudgetLine("line-wifi", "Wi-Fi access points", category="network", goal_id="g1",
                                           unit_cost=Decimal("400.00"), quantity=10),))


def budget_pane(window: MainWindow) -> BudgetPane:
    assert window.workspace is not None
    window.workspace.show_pane("budget")
    pane = window.workspace.pane("budget")
    assert isinstance(pane, BudgetPane)
    return pane


def add_line(qtbot: QtBot, window: MainWindow, description: str) -> str:
    """Click "Add budget line" and type its description, as a person does; returns its id."""
    pane = budget_pane(window)
    qtbot.mouseClick(pane.lines.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), description)
    press_enter(qtbot, window.focusWidget())
    line_id = pane.lines.current_id()
    assert line_id is not None
    return line_id


def choose_category(qtbot: QtBot, window: MainWindow, line_id: str, name: str) -> None:
    """Pick a category in the line's Category cell (its editor completes the typed name)."""
    lines = budget_pane(window).lines
    editor = cell_editor(qtbot, lines, lines.model.row_of(line_id), column_of(lines, "category"))
    qtbot.keyClicks(editor, name)
    press_enter(qtbot, editor)


def asked_about(prompts: ScriptedPrompts) -> list[str]:
    return [args[0] for method, args in prompts.asked if method == "offer_privacy_entry"]


def test_making_a_line_software_offers_its_inventory_entry_and_one_undo_removes_both(
        qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts) -> None:
    window = make_window(PLAN)
    line_id = add_line(qtbot, window, "Reading app licences")
    assert asked_about(prompts) == []  # a line with no category yet is not software
    prompts.script("offer_privacy_entry", True)
    choose_category(qtbot, window, line_id, "Software")
    qtbot.waitUntil(lambda: bool(asked_about(prompts)))
    assert asked_about(prompts) == ["Reading app licences"]

    on_disk = saved(window)
    line = on_disk.item("budget", line_id)
    assert isinstance(line, model.BudgetLine)
    assert line.category == "software"
    app = on_disk.item("apps", line.app_id or "")
    assert isinstance(app, model.AppEntry)
    assert (app.name, app.agreement_status, app.approval) == ("Reading app licences", "none", "pending")
    assert window.actions_["undo"].text() == "Undo Add “Reading app licences” to the privacy inventory"

    window.actions_["undo"].trigger()
    undone = saved(window)
    assert undone.apps == ()
    line = undone.item("budget", line_id)
    assert isinstance(line, model.BudgetLine)
    assert (line.category, line.app_id) == ("software", None)  # only the coupling was undone
    assert window.context.plan == undone

    window.actions_["redo"].trigger()
    assert saved(window).item("budget", line_id).app_id == app.id  # type: ignore[union-attr]
    assert saved(window).apps == (app,)
    assert len(asked_about(prompts)) == 1  # undo and redo never ask again


def test_declining_leaves_the_plan_as_it_was_and_the_finding_stays(
        qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts) -> None:
    window = make_window(PLAN)
    prompts.script("offer_privacy_entry", False)
    choose_category(qtbot, window, "line-wifi", "Software")
    qtbot.waitUntil(lambda: bool(asked_about(prompts)))
    QApplication.processEvents()
    on_disk = saved(window)
    assert on_disk.apps == ()
    assert on_disk.budget[0].category == "software"
    assert on_disk.budget[0].app_id is None
    findings = run_checks(on_disk, window.context.content)
    assert "software-no-inventory" in [f.rule for f in findings]  # the line still waits for its entry
    window.workspace.findings.flush()
    assert window.workspace.navigator.item(6).data(COUNT_ROLE) == finding_counts(findings)["budget"]
    window.actions_["undo"].trigger()
    assert saved(window).budget[0].category == "network"


def test_adding_a_software_line_offers_at_once(qtbot: QtBot, make_window: MakeWindow,
                                              prompts: ScriptedPrompts) -> None:
    """A line added already as software (a pasted or copied line) gets the same offer."""
    window = make_window(PLAN)
    prompts.script("offer_privacy_entry", True)
    line = model.BudgetLine("line-lms", "Learning platform", category="software", goal_id="g1")
    assert window.context.edit(AddItem("budget", line, None, "Add budget line"))
    qtbot.waitUntil(lambda: bool(saved(window).apps))
    on_disk = saved(window)
    assert on_disk.apps[0].name == "Learning platform"
    assert on_disk.item("budget", "line-lms").app_id == on_disk.apps[0].id  # type: ignore[union-attr]
    window.actions_["undo"].trigger()
    window.actions_["undo"].trigger()
    assert saved(window) == PLAN


def test_a_line_already_in_the_inventory_or_not_software_is_not_asked_about(
        qtbot: QtBot, make_window: MakeWindow, prompts: ScriptedPrompts) -> None:
    app = model.AppEntry("app-lms", "Learning platform")
    linked = model.BudgetLine("line-lms", "Learning platform", category="services", app_id="app-lms")
    window = make_window(PLAN.replace(apps=(app,), budget=(*PLAN.budget, linked)))
    choose_category(qtbot, window, "line-lms", "Software")
    choose_category(qtbot, window, "line-wifi", "Devices")
    QApplication.processEvents()  # the offer is made on the event loop's next turn (a zero timer), if at all
    assert prompts.asked == []  # ScriptedPrompts would have failed the test on any question
    assert saved(window).item("budget", "line-lms").category == "software"  # type: ignore[union-attr]


LISTED = PLAN.replace(apps=(model.AppEntry("app-canvas", name="Canvas LMS", agreement_status="signed"),))


def test_software_already_in_the_inventory_is_linked_not_listed_twice(qtbot: QtBot, make_window: MakeWindow,
                                                                       prompts: ScriptedPrompts) -> None:
    window = make_window(LISTED)
    line_id = add_line(qtbot, window, "Canvas LMS licences, grades 6-12")
    prompts.script("link_privacy_entry", "app-canvas")
    choose_category(qtbot, window, line_id, "Software")
    qtbot.waitUntil(lambda: saved(window).item("budget", line_id).app_id == "app-canvas")
    _method, (description, known) = next(a for a in prompts.asked if a[0] == "link_privacy_entry")
    assert description == "Canvas LMS licences, grades 6-12"
    assert known == [("app-canvas", "Canvas LMS")]
    assert [a.name for a in saved(window).apps] == ["Canvas LMS"]  # no duplicate entry
    window.actions_["undo"].trigger()
    assert saved(window).item("budget", line_id).app_id is None


def test_a_new_entry_can_still_be_chosen_beside_a_listed_one(qtbot: QtBot, make_window: MakeWindow,
                                                            prompts: ScriptedPrompts) -> None:
    window = make_window(LISTED)
    line_id = add_line(qtbot, window, "Canvas LMS video add-on")
    prompts.script("link_privacy_entry", "")
    choose_category(qtbot, window, line_id, "Software")
    qtbot.waitUntil(lambda: len(saved(window).apps) == 2)
    assert saved(window).item("budget", line_id).app_id == saved(window).apps[1].id


def test_choosing_a_sources_kind_ticks_recurring_as_that_kind_does(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(PLAN.replace(funding=(model.FundingSource("src-1", "Technology allocation"),)))
    sources = budget_pane(window).sources
    editor = cell_editor(qtbot, sources, 0, column_of(sources, "kind"))
    qtbot.keyClicks(editor, "General fund")
    press_enter(qtbot, editor)
    source = saved(window).funding[0]
    assert (source.kind, source.recurring) == ("general-fund", True)
    assert sources.model.data(sources.model.index(0, column_of(sources, "recurring")),
                              Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    window.actions_["undo"].trigger()  # one undo takes back the kind and the tick
    source = saved(window).funding[0]
    assert (source.kind, source.recurring) == ("", False)
