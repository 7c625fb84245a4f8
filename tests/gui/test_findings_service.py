"""One assessment per edit for every view of the plan: the badges and the Review pane read the same findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from guihelpers import ScriptedPrompts, close_context
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.checks import Assessment, assess
from summit_app.plan.content import Content
from summit_app.plan.edits import SetField
from summit_app.plan.progress import STEPS, badge_findings, pane_states
from summit_app.plan.review import finding_counts
from summit_app.store.plan_file import open_document
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.findings_service import FindingsService, findings_of
from summit_app.ui.workspace.workspace import PlanWorkspace


class CountingCheck:
    """The real checks, counting how often they run."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, plan: model.Plan, content: Content) -> Assessment:
        self.calls += 1
        return assess(plan, content)


@pytest.fixture
def workspace(qtbot: QtBot, make_plan_file: Callable[..., Path], prompts: ScriptedPrompts,
              unsettled_demo: model.Plan) -> Iterator[tuple[PlanWorkspace, CountingCheck]]:
    """A workspace on a full plan with open findings whose findings service runs a counting check, the Review
    pane shown."""
    context = UiContext(open_document(make_plan_file(unsettled_demo), author="Ana Adams"), prompts=prompts)
    check = CountingCheck()
    context.findings = FindingsService(context, context, check=check)
    view = PlanWorkspace(context)
    qtbot.addWidget(view)
    view.resize(1440, 900)
    view.show()
    view.show_pane("review")
    yield view, check
    close_context(context)


def badge_numbers(view: PlanWorkspace) -> dict[str, int]:
    from summit_app.ui.workspace import badges

    return {pane_id: int(view.navigator.item(row).data(badges.COUNT_ROLE) or 0)
            for row, (pane_id, _title) in enumerate(STEPS)}


def test_one_edit_with_review_open_runs_the_checks_once(qtbot: QtBot, workspace) -> None:
    view, check = workspace
    service = findings_of(view.context)
    service.flush()
    before = check.calls
    emitted: list[Assessment] = []
    service.changed.connect(emitted.append)
    view.context.edit(SetField("approval", "", "board_president", "Dana Reyes"))
    qtbot.waitUntil(lambda: len(emitted) == 1)
    service.flush()  # would run a second assessment now if one were still waiting
    view.pane("review").flush()
    assert check.calls - before == 1
    assert len(emitted) == 1
    review = view.pane("review")
    assert review.assessment is service.assessment


def test_badges_and_review_show_the_same_counts(qtbot: QtBot, workspace) -> None:
    view, _check = workspace
    view.context.edit(SetField("approval", "", "superintendent_name", ""))
    findings_of(view.context).flush()
    review = view.pane("review")
    states = pane_states(view.context.plan, view.context.content)
    expected = finding_counts(badge_findings(review.findings, states))
    qtbot.waitUntil(lambda: badge_numbers(view) == {p: expected.get(p, 0) for p, _ in STEPS})
    assert sum(badge_numbers(view).values()) > 0
    assert finding_counts(review.findings) == finding_counts(findings_of(view.context).assessment.open)
