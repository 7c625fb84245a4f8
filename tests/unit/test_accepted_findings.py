"""Accepted findings: a warning accepted with a reason and a role, by one edit; it lapses when its facts change."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from plan_builders import amounts, change, coherent_plan

from summit_app.plan import model
from summit_app.plan.checks import Finding, accept_edit, assess, basis, run_checks, withdraw_edit
from summit_app.plan.content import Content
from summit_app.plan.edits import apply_edit
from summit_app.plan.rules import PlanRuleError
from summit_app.store.plan_file import PlanFile, close_document, open_document


@pytest.fixture
def no_goal(content: Content) -> model.Plan:
    """The coherent plan with one warning: coaching stipends serve no goal."""
    return change(coherent_plan(content), "budget", "line-coaching", goal_id=None)


def the_finding(plan: model.Plan, content: Content, rule: str) -> Finding:
    [finding] = [f for f in run_checks(plan, content) if f.rule == rule]
    return finding


def rules(findings: list[Finding]) -> list[str]:
    """The rules of ``findings`` that this file's plans are about (other rules may speak on the same plan)."""
    return [f.rule for f in findings if f.rule in ("budget-line-no-goal", "funding-gap")]


def accepted(plan: model.Plan, content: Content, rule: str = "budget-line-no-goal") -> model.Plan:
    edit = accept_edit(plan, the_finding(plan, content, rule), "Stipends serve the whole plan.", "finance-officer")
    after, _ = apply_edit(plan, edit, content)
    return after


def test_an_accepted_warning_is_set_apart_with_its_reason_and_role(no_goal: model.Plan, content: Content) -> None:
    before = assess(no_goal, content)
    assert rules(before.open) == ["budget-line-no-goal"]
    after = assess(accepted(no_goal, content), content)
    assert rules(after.open) == []
    [(finding, acceptance)] = after.accepted
    assert (finding.rule, finding.item_id) == ("budget-line-no-goal", "line-coaching")
    assert (acceptance.reason, acceptance.role, acceptance.item_id) == (
        "Stipends serve the whole plan.", "finance-officer", "line-coaching")
    assert after.lapsed == []


def test_run_checks_still_returns_every_finding(no_goal: model.Plan, content: Content) -> None:
    plan = accepted(no_goal, content)
    assert rules(run_checks(plan, content)) == ["budget-line-no-goal"]


def test_accept_then_undo(no_goal: model.Plan, content: Content) -> None:
    finding = the_finding(no_goal, content, "budget-line-no-goal")
    edit = accept_edit(no_goal, finding, "Stipends serve the whole plan.", "superintendent")
    after, undo = apply_edit(no_goal, edit, content)
    assert len(after.acceptances) == 1
    restored, redo = apply_edit(after, undo, content)
    assert restored == no_goal
    assert rules(assess(restored, content).open) == ["budget-line-no-goal"]
    again, _ = apply_edit(restored, redo, content)
    assert again == after


def test_the_acceptance_lapses_when_the_line_changes(no_goal: model.Plan, content: Content) -> None:
    plan = accepted(no_goal, content)
    edited = change(plan, "budget", "line-coaching", unit_cost=Decimal("1100.00"))
    result = assess(edited, content)
    assert [f.item_id for f in result.open if f.rule == "budget-line-no-goal"] == ["line-coaching"]
    assert result.accepted == []
    assert [a.item_id for a in result.lapsed] == ["line-coaching"]


def test_the_acceptance_lapses_when_the_finding_goes(no_goal: model.Plan, content: Content) -> None:
    plan = change(accepted(no_goal, content), "budget", "line-coaching", goal_id="goal-devices")
    result = assess(plan, content)
    assert (rules(result.open), result.accepted, len(result.lapsed)) == ([], [], 1)


def test_another_items_change_leaves_it_standing(no_goal: model.Plan, content: Content) -> None:
    plan = change(accepted(no_goal, content), "budget", "line-lms", unit_cost=Decimal("6.00"))
    assert len(assess(plan, content).accepted) == 1


def test_the_basis_covers_message_and_record(no_goal: model.Plan, content: Content) -> None:
    finding = the_finding(no_goal, content, "budget-line-no-goal")
    same = basis(no_goal, finding)
    assert same == basis(no_goal, finding)
    assert len(same) == 64
    renamed = change(no_goal, "budget", "line-coaching", description="Coaching")
    assert basis(renamed, the_finding(renamed, content, "budget-line-no-goal")) != same
    reworded = Finding(finding.rule, finding.severity, finding.pane, finding.collection, finding.item_id,
                       finding.message + " Again.", finding.fix)
    assert basis(no_goal, reworded) != same


def test_a_blocking_finding_cannot_be_accepted(content: Content) -> None:
    plan = change(coherent_plan(content), "funding", "src-general", amounts=amounts("300000", "400000", "400000"))
    gap = the_finding(plan, content, "funding-gap")
    with pytest.raises(ValueError, match="blocking finding cannot be accepted"):
        accept_edit(plan, gap, "We will find the money.", "superintendent")


def test_an_acceptance_of_a_blocking_finding_written_into_the_file_is_ignored(content: Content) -> None:
    plan = change(coherent_plan(content), "funding", "src-general", amounts=amounts("300000", "400000", "400000"))
    gap = the_finding(plan, content, "funding-gap")
    forged = model.Acceptance("a-1", gap.rule, "", basis(plan, gap), "We will find the money.", "superintendent")
    result = assess(plan.replace(acceptances=(forged,)), content)
    assert rules(result.open) == ["funding-gap"]
    assert result.accepted == []
    assert result.lapsed == [forged]


@pytest.mark.parametrize(("reason", "role", "why"), [(" ", "superintendent", "Say why"),
                                                     ("Fine.", "", "Say who")])
def test_a_reason_and_a_role_are_required(no_goal: model.Plan, content: Content, reason: str, role: str,
                                          why: str) -> None:
    with pytest.raises(ValueError, match=why):
        accept_edit(no_goal, the_finding(no_goal, content, "budget-line-no-goal"), reason, role)


def test_a_role_must_be_one_of_the_teams(no_goal: model.Plan, content: Content) -> None:
    edit = accept_edit(no_goal, the_finding(no_goal, content, "budget-line-no-goal"), "Fine.", "mayor")
    with pytest.raises(PlanRuleError):
        apply_edit(no_goal, edit, content)


def test_accepting_again_replaces_the_reason_in_one_edit(no_goal: model.Plan, content: Content) -> None:
    plan = accepted(no_goal, content)
    finding = the_finding(plan, content, "budget-line-no-goal")
    after, undo = apply_edit(plan, accept_edit(plan, finding, "Board agreed.", "board-member"), content)
    assert [(a.reason, a.role) for a in after.acceptances] == [("Board agreed.", "board-member")]
    assert apply_edit(after, undo, content)[0] == plan


def test_withdrawing_opens_the_finding_again(no_goal: model.Plan, content: Content) -> None:
    plan = accepted(no_goal, content)
    after, undo = apply_edit(plan, withdraw_edit(plan, plan.acceptances[0].id), content)
    assert rules(assess(after, content).open) == ["budget-line-no-goal"]
    assert apply_edit(after, undo, content)[0] == plan
    with pytest.raises(ValueError, match="no accepted finding"):
        withdraw_edit(after, plan.acceptances[0].id)


def test_two_findings_of_one_rule_are_accepted_apart(content: Content) -> None:
    plan = change(coherent_plan(content), "goals", "goal-devices", owner="", measure="")
    plan = plan.replace(goals=(*plan.goals, model.Goal("goal-2", "Second goal")))
    incomplete = [f for f in run_checks(plan, content) if f.rule == "goal-incomplete"]
    assert len(incomplete) == 2
    after, _ = apply_edit(plan, accept_edit(plan, incomplete[0], "Owner named at the June board.", "superintendent"),
                          content)
    result = assess(after, content)
    assert [f.message for f, _ in result.accepted] == [incomplete[0].message]
    assert incomplete[1] in result.open


def test_an_acceptance_is_written_to_the_plan_file_and_undone_there(no_goal: model.Plan, content: Content,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "accept.techplan"
    PlanFile.create(path, no_goal).close()
    document = open_document(path, author="Ana Ruiz", content=content)
    try:
        finding = the_finding(document.plan, content, "budget-line-no-goal")
        undo = document.apply(accept_edit(document.plan, finding, "Stipends serve the whole plan.", "superintendent"))
    finally:
        close_document(document)
    with PlanFile.open(path, read_only=True) as plan_file:
        reopened = plan_file.load()
    assert [(a.rule, a.item_id, a.reason, a.role) for a in reopened.acceptances] == [
        ("budget-line-no-goal", "line-coaching", "Stipends serve the whole plan.", "superintendent")]
    assert len(assess(reopened, content).accepted) == 1
    document = open_document(path, content=content)
    try:
        document.apply(undo)
    finally:
        close_document(document)
    with PlanFile.open(path, read_only=True) as plan_file:
        assert plan_file.load().acceptances == ()
