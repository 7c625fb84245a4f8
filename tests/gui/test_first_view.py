"""A new, empty plan opens calm: the first step to take, not a red badge on every step."""

from __future__ import annotations

from fixture_types import MakeWindow
from guihelpers import type_into
from pytestqt.qtbot import QtBot

from summit_app.plan import model, progress
from summit_app.plan.checks import assess, run_checks
from summit_app.plan.checks.panes import EMPTY_PANE
from summit_app.plan.progress import STEPS
from summit_app.plan.review import finding_counts
from summit_app.ui.panes import PANE_IDS
from summit_app.ui.window.main_window import FIRST_STEP, MainWindow
from summit_app.ui.workspace.badges import COUNT_ROLE


def badges(window: MainWindow) -> dict[str, int]:
    nav = window.workspace.navigator
    return {pane_id: int(nav.item(row).data(COUNT_ROLE) or 0) for row, (pane_id, _t) in enumerate(STEPS)}


def test_the_rule_name_is_the_checks_own() -> None:
    assert progress.EMPTY_PANE == EMPTY_PANE


def test_a_blank_plan_shows_the_first_step_and_no_alarms(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    window.workspace.findings.flush()
    findings = run_checks(window.context.plan, window.context.content)
    found = finding_counts(findings)
    empty = [f.pane for f in findings if f.rule == EMPTY_PANE]
    assert sum(found.values()) == len(empty) == len(set(empty))  # the checks list each empty step once …
    assert set(empty) >= set(PANE_IDS) - {"community"}  # (the communication plan has no empty-step check)
    assert set(badges(window).values()) == {0}  # … but no badge shouts before the team has begun
    assert window.statusBar().currentMessage() == FIRST_STEP
    assert window.workspace.navigator.current_pane() == "district"


def test_steps_the_team_went_past_show_their_findings(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    pane = window.workspace.pane("district")
    type_into(qtbot, pane.district_form.editor("name"), "Harbor Unified")
    window.workspace.findings.flush()
    assert badges(window) == {**dict.fromkeys(badges(window), 0), "district": 1}  # "no team members yet"
    window.workspace.show_pane("infrastructure")
    network = window.workspace.pane("infrastructure")
    type_into(qtbot, network.network.editor("internet_mbps"), "500")
    window.workspace.findings.flush()
    shown = badges(window)
    assert all(shown[p] == 1 for p in ("district", "readiness", "vision", "learning", "privacy"))  # gone past
    assert all(shown[p] == 0 for p in ("budget", "timeline", "review"))  # still ahead


def test_a_full_plan_shows_every_steps_open_findings(qtbot: QtBot, make_window: MakeWindow,
                                                     unsettled_demo: model.Plan) -> None:
    window = make_window(unsettled_demo)
    window.workspace.findings.flush()
    expected = finding_counts(assess(window.context.plan, window.context.content).open)
    assert expected["privacy"] == 2
    assert {p: n for p, n in badges(window).items() if n} == {p: n for p, n in expected.items() if n}
    assert window.statusBar().currentMessage() != FIRST_STEP
