"""Review's findings: what blocks first, each column read as it shows, and a list that grows with the page."""

from __future__ import annotations

import dataclasses

from fixture_types import MakeWindow
from guihelpers import saved
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.ui.panes.review.review import ReviewPane
from summit_app.ui.panes.review.review_models import FINDING_ROLE
from summit_app.ui.window.main_window import MainWindow


def review(window: MainWindow) -> ReviewPane:
    window.workspace.show_pane("review")
    pane = window.workspace.pane("review")
    assert isinstance(pane, ReviewPane)
    pane.flush()
    return pane


def listed(pane: ReviewPane) -> list[tuple[str, str]]:
    """(pane group, severity) of every finding, in the order shown."""
    tree_model = pane.findings_tree.model()
    found = []
    for g in range(tree_model.rowCount()):
        group = tree_model.index(g, 0)
        for r in range(tree_model.rowCount(group)):
            finding = tree_model.index(r, 0, group).data(FINDING_ROLE)
            found.append((finding.pane, finding.severity))
    return found


def test_blocking_findings_come_first(qtbot: QtBot, make_window: MakeWindow, unsettled_demo: model.Plan) -> None:
    # A readiness warning (step 2) and an empty, blocking learning step (step 4): learning comes first.
    window = make_window(unsettled_demo.replace(learning=()))
    shown = listed(review(window))
    assert ("readiness", "warning") in shown
    assert shown[0] == ("learning", "blocking")
    # Steps that block come first; within each step, blocking findings, then warnings, then advice.
    steps = list(dict.fromkeys(p for p, _s in shown))
    blocks = ["blocking" in {s for p, s in shown if p == step} for step in steps]
    assert blocks == sorted(blocks, reverse=True)
    rank = {"blocking": 0, "warning": 1, "advice": 2}
    for step in steps:
        severities = [rank[s] for p, s in shown if p == step]
        assert severities == sorted(severities), step


def test_each_column_is_read_as_it_shows(qtbot: QtBot, make_window: MakeWindow, unsettled_demo: model.Plan) -> None:
    pane = review(make_window(unsettled_demo))
    tree_model = pane.findings_tree.model()
    group = tree_model.index(0, 0)
    cells = [tree_model.index(0, c, group) for c in range(3)]
    spoken = [c.data(Qt.ItemDataRole.AccessibleTextRole) for c in cells]
    finding = cells[0].data(FINDING_ROLE)
    assert spoken[0] == f"Severity: {cells[0].data()}"
    assert spoken[1].startswith(finding.message)
    assert spoken[2] == f"What to do: {finding.fix}"
    assert len(set(spoken)) == 3


def test_the_findings_list_grows_instead_of_scrolling(qtbot: QtBot, make_window: MakeWindow, demo: model.Plan) -> None:
    apps = tuple(dataclasses.replace(a, agreement_status="requested") for a in demo.apps)
    window = make_window(demo.replace(apps=apps))
    pane = review(window)
    qtbot.waitUntil(lambda: pane.findings_tree.verticalScrollBar().maximum() == 0)
    assert len(listed(pane)) > 6  # more than the three a fixed box showed


def test_the_approval_is_filled_in_from_the_team(qtbot: QtBot, make_window: MakeWindow, demo: model.Plan) -> None:
    window = make_window(demo.replace(approval=model.Approval(board_president="Gregory Hale")))
    pane = review(window)
    superintendent = next(m for m in demo.members if m.role == "superintendent")
    blocking = [f for f in pane.findings if f.pane == "review" and f.blocking]
    assert blocking[0].message.startswith(f"The team lists {superintendent.name} as superintendent")
    assert "Fill in from the team" in blocking[0].fix
    name = pane.approval.editor("superintendent_name")
    assert name.placeholderText() == f"{superintendent.name} (from the team)"
    assert pane.fill_from_team.isVisibleTo(pane)
    qtbot.mouseClick(pane.fill_from_team, Qt.MouseButton.LeftButton)
    approval = saved(window).approval
    technology = next(m for m in demo.members if m.role == "technology-director")
    assert approval.superintendent_name == superintendent.name
    assert approval.superintendent_title == superintendent.title
    assert approval.technology_director == technology.name
    assert approval.board_president == "Gregory Hale"  # what was typed stays
    pane.flush()
    assert not [f for f in pane.findings if f.pane == "review" and f.blocking]
    assert not pane.fill_from_team.isVisibleTo(pane)
    window.actions_["undo"].trigger()  # one undo takes the whole fill back
    assert saved(window).approval.superintendent_name == ""
