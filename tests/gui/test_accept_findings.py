"""Accepting findings in Review & sign: the dialog, the Accepted group, undo, lapsing, withdrawing, badges.

The accept dialog is modal, so the window's prompts answer it from the script;
the dialog itself is driven as a widget in its own test.
"""

from __future__ import annotations

from guihelpers import ScriptedPrompts, edit_cell, saved
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.ui.base.accept_dialog import AcceptDialog, default_role
from summit_app.ui.panes.review.review import ReviewPane

QUIZ = "“QuizBurst” holds student data"
#: Two apps holding student data without a signed agreement: two privacy warnings. The panes left
#: empty add blocking findings (no Accept for those).
APPS = tuple(model.AppEntry(app_id, name=name, vendor="Vendor", audience=("students",),
                            data_categories=("student-name",), agreement_status="requested")
             for app_id, name in (("app-quiz", "QuizBurst"), ("app-ink", "Inkboard Live")))
PLAN = model.Plan(district=model.District(name="Harbor Unified", enrollment=500, schools=1), apps=APPS)
ROLES = [("superintendent", "Superintendent"), ("technology-director", "Technology director / CTO"),
         ("principal", "Principal")]


def review(window) -> ReviewPane:  # type: ignore[no-untyped-def]
    window.workspace.show_pane("review")
    pane = window.workspace.pane("review")
    assert isinstance(pane, ReviewPane)
    pane.flush()
    return pane


def groups(pane: ReviewPane) -> dict[str, list[tuple[str, str, str]]]:
    """Each group's title and the (severity, finding, what to do) texts of its rows."""
    found = pane.findings_model
    shown = {}
    for g in range(found.rowCount()):
        group = found.index(g, 0)
        shown[str(group.data())] = [tuple(str(found.index(r, c, group).data()) for c in range(3))
                                    for r in range(found.rowCount(group))]
    return shown


def row_of(pane: ReviewPane, starts: str, group_starts: str = "") -> QModelIndex:
    found = pane.findings_model
    for g in range(found.rowCount()):
        group = found.index(g, 0)
        if not str(group.data()).startswith(group_starts):
            continue
        for r in range(found.rowCount(group)):
            if str(found.index(r, 1, group).data()).startswith(starts):
                return found.index(r, 0, group)
    raise AssertionError(f"no finding row starting {starts!r}")


def privacy_badge(window) -> int:  # type: ignore[no-untyped-def]
    window.workspace.findings.flush()
    item = window.workspace.navigator.item(4)
    return int(item.data(Qt.ItemDataRole.UserRole + 2))


def test_accept_a_warning_undo_lapse_and_withdraw(qtbot: QtBot, make_window, prompts: ScriptedPrompts) -> None:  # type: ignore[no-untyped-def]
    window = make_window(PLAN)
    pane = review(window)
    assert privacy_badge(window) == 2
    pane.findings_tree.setCurrentIndex(row_of(pane, QUIZ))
    assert pane.finding_actions.accept_button.isEnabled()
    assert not pane.finding_actions.withdraw_button.isEnabled()
    prompts.script("accept_finding", ("The vendor signs in June; teachers keep using it until then.",
                                      "technology-director"))
    qtbot.mouseClick(pane.finding_actions.accept_button, Qt.MouseButton.LeftButton)
    method, (message, roles, role) = prompts.asked[-1]
    assert method == "accept_finding"
    assert message.startswith(QUIZ)
    assert ("technology-director", "Technology director / CTO") in roles
    assert role == "superintendent"  # the window's author is no team member
    acceptance = saved(window).acceptances[0]
    assert (acceptance.reason, acceptance.role, acceptance.item_id) == (
        "The vendor signs in June; teachers keep using it until then.", "technology-director", "app-quiz")

    pane.flush()
    shown = groups(pane)
    assert shown["Data privacy · 1 finding"][0][1].startswith("“Inkboard Live”")
    assert shown["Accepted (1)"] == [("Warning", shown["Accepted (1)"][0][1],
                                      "Accepted by Technology director / CTO: The vendor signs in June; "
                                      "teachers keep using it until then.")]
    accepted_group = pane.findings_model.index(pane.findings_model.group_row("accepted"), 0)
    assert not pane.findings_tree.isExpanded(accepted_group)  # folded
    assert pane.summary.text() == "9 findings, 8 blocking (1 more accepted). Choose one to go to it."
    assert privacy_badge(window) == 1

    window.actions_["undo"].trigger()
    pane.flush()
    assert saved(window).acceptances == ()
    assert "Accepted (1)" not in groups(pane)
    assert len(groups(pane)["Data privacy · 2 findings"]) == 2
    assert privacy_badge(window) == 1 + 1

    window.actions_["redo"].trigger()
    pane.flush()
    assert "Accepted (1)" in groups(pane)
    # Edit the item the finding names: the facts changed, so the acceptance lapses and the finding is open again.
    window.workspace.show_pane("privacy")
    apps = window.workspace.pane("privacy").apps
    row = next(r for r in range(apps.model.rowCount()) if apps.model.item_at(r).id == "app-quiz")
    column = next(i for i, c in enumerate(apps.model.columns) if c.field == "retention")
    edit_cell(qtbot, apps, row, column, "Deleted at the end of each school year")
    pane = review(window)
    shown = groups(pane)
    assert "Accepted (1)" not in shown
    assert len(shown["Data privacy · 2 findings"]) == 2
    lapsed = shown["Lapsed acceptances (1): the facts behind them changed"]
    assert lapsed[0][0] == "Lapsed"
    assert lapsed[0][1].startswith(QUIZ)
    assert lapsed[0][2].startswith("The facts changed since it was accepted, so the finding is open again.")
    assert privacy_badge(window) == 2

    pane.findings_tree.setCurrentIndex(row_of(pane, QUIZ, "Lapsed"))
    assert pane.finding_actions.withdraw_button.isEnabled()
    assert not pane.finding_actions.accept_button.isEnabled()  # accepted again from its open row, not this one
    qtbot.mouseClick(pane.finding_actions.withdraw_button, Qt.MouseButton.LeftButton)
    assert saved(window).acceptances == ()
    pane.flush()
    assert not any(title.startswith("Lapsed") for title in groups(pane))


def test_withdraw_an_accepted_finding_from_the_folded_group(qtbot: QtBot, make_window,  # type: ignore[no-untyped-def]
                                                            prompts: ScriptedPrompts) -> None:
    window = make_window(PLAN)
    pane = review(window)
    pane.findings_tree.setCurrentIndex(row_of(pane, QUIZ))
    prompts.script("accept_finding", ("Signed next month.", "principal"))
    pane.finding_actions.accept_current()
    pane.flush()
    index = row_of(pane, QUIZ, "Accepted")
    pane.findings_tree.setCurrentIndex(index)
    assert pane.findings_tree.isExpanded(index.parent())  # selecting a row inside opens the group
    pane.findings_tree.setFocus()
    qtbot.keyClick(pane.findings_tree, Qt.Key.Key_Tab)  # the buttons are next in the Tab order
    assert QApplication.focusWidget() is pane.finding_actions.withdraw_button
    qtbot.keyClick(pane.finding_actions.withdraw_button, Qt.Key.Key_Space)
    assert saved(window).acceptances == ()


def test_the_context_menu_accepts_too(qtbot: QtBot, make_window, prompts: ScriptedPrompts) -> None:  # type: ignore[no-untyped-def]
    window = make_window(PLAN)
    pane = review(window)
    pane.findings_tree.setCurrentIndex(row_of(pane, "The plan has no milestones yet."))
    menu = pane.finding_actions.context_menu()
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [("Accept…", False), ("Withdraw acceptance", False)]
    pane.findings_tree.setCurrentIndex(row_of(pane, QUIZ))
    menu = pane.finding_actions.context_menu()
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [("Accept…", True), ("Withdraw acceptance", False)]
    prompts.script("accept_finding", ("Signed next month.", "principal"))
    menu.actions()[0].trigger()
    assert [(a.rule, a.role) for a in saved(window).acceptances] == [("app-student-data-no-agreement", "principal")]


def test_a_blocking_finding_offers_no_accept(qtbot: QtBot, make_window, prompts: ScriptedPrompts) -> None:  # type: ignore[no-untyped-def]
    window = make_window(PLAN)
    pane = review(window)
    index = row_of(pane, "The plan has no milestones yet.")
    pane.findings_tree.setCurrentIndex(index)
    assert not pane.finding_actions.accept_button.isEnabled()
    assert pane.finding_actions.acceptable() is None
    assert pane.finding_actions.accept_current() is False
    assert prompts.asked == []
    assert saved(window).acceptances == ()


def test_the_dialog_needs_a_reason_and_offers_the_roles(qtbot: QtBot) -> None:
    dialog = AcceptDialog("Use of Space and Time scores 3.3 but no goal addresses it.", ROLES, "technology-director")
    qtbot.addWidget(dialog)
    assert dialog.role.currentText() == "Technology director / CTO"
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "A facilities study comes first")
    assert dialog.ok.isEnabled()
    dialog.role.setCurrentIndex(2)
    assert dialog.answer() == ("A facilities study comes first", "principal")


def test_the_default_role_is_the_person_at_the_keyboard() -> None:
    plan = model.Plan(members=(model.TeamMember("m1", name="Samuel Okafor", role="technology-director"),))
    assert default_role(plan, "samuel okafor ", ROLES) == "technology-director"
    assert default_role(plan, "Someone else", ROLES) == "superintendent"
    assert default_role(plan, "", ROLES[1:]) == "technology-director"
