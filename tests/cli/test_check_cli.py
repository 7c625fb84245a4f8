"""``summit-app check PLAN [--json]``: open findings by pane, accepted ones apart; exit 1 if an open finding blocks,
0 if none, 2 on unusable input."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from plan_builders import GOAL, amounts, change, coherent_plan

from summit_app.plan import model
from summit_app.plan.checks import accept_edit, basis, run_checks
from summit_app.plan.content import Content
from summit_app.plan.edits import apply_edit

MakePlanFile = Callable[..., Path]


def check(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "summit_app", "check", *map(str, args)],
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def coherent(content: Content) -> model.Plan:
    return coherent_plan(content)


def test_a_blank_plan_blocks_on_every_pane(make_plan_file: MakePlanFile, content: Content) -> None:
    result = check(make_plan_file())
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    titles = [content.guidance[p].title for p in ("district", "readiness", "vision", "learning", "privacy",
                                                   "infrastructure", "budget", "timeline", "review")]
    headings = [line for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert headings == [f"{t} (1 finding, 1 blocking)" for t in titles] + ["9 findings, 9 blocking."]
    assert "  [blocking] The plan has no milestones yet." in result.stdout


def test_a_coherent_plan_passes(make_plan_file: MakePlanFile, coherent: model.Plan) -> None:
    result = check(make_plan_file(coherent))
    assert (result.returncode, result.stdout, result.stderr) == (0, "No findings: the plan is coherent.\n", "")


def test_warnings_alone_do_not_fail(make_plan_file: MakePlanFile, demo: model.Plan) -> None:
    result = check(make_plan_file(demo, "demo.techplan"))
    assert result.returncode == 0, result.stdout
    assert "[warning]" in result.stdout
    assert result.stdout.rstrip().endswith(", 0 blocking.")


def test_json_lists_every_finding_most_severe_first(make_plan_file: MakePlanFile, coherent: model.Plan) -> None:
    goal = coherent.goals[0]
    plan = change(coherent.replace(milestones=()), "goals", goal.id, owner="")
    result = check(make_plan_file(plan), "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert (report["accepted"], report["lapsed"]) == ([], [])
    findings = report["findings"]
    assert [(f["rule"], f["severity"], f["pane"]) for f in findings] == [
        ("empty-pane", "blocking", "timeline"), ("goal-incomplete", "warning", "vision")]
    assert findings[1] == {"rule": "goal-incomplete", "severity": "warning", "pane": "vision", "collection": "goals",
                           "item": goal.id, "message": f"The goal “{goal.title}” has no owner.",
                           "fix": "Say how you will know it is met, who answers for it, and by when."}


def test_json_of_a_coherent_plan_is_empty_lists(make_plan_file: MakePlanFile, coherent: model.Plan) -> None:
    result = check(make_plan_file(coherent), "--json")
    assert (result.returncode, json.loads(result.stdout)) == (0, {"findings": [], "accepted": [], "lapsed": []})


# --- accepted findings ------------------------------------------------------------------------------------------


def _accept(plan: model.Plan, content: Content, rule: str, reason: str, role: str) -> model.Plan:
    [finding] = [f for f in run_checks(plan, content) if f.rule == rule]
    after, _ = apply_edit(plan, accept_edit(plan, finding, reason, role), content)
    return after


@pytest.fixture
def accepted_plan(coherent: model.Plan, content: Content) -> model.Plan:
    """Two warnings, one of them accepted by the finance officer."""
    plan = change(change(coherent, "budget", "line-coaching", goal_id=None), "goals", GOAL, owner="")
    return _accept(plan, content, "budget-line-no-goal", "Stipends serve every goal.", "finance-officer")


def test_json_lists_accepted_findings_apart(make_plan_file: MakePlanFile, accepted_plan: model.Plan) -> None:
    result = check(make_plan_file(accepted_plan), "--json")
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"] if f["rule"] in ("goal-incomplete", "budget-line-no-goal")] == [
        "goal-incomplete"]
    [accepted] = report["accepted"]
    assert accepted == {"rule": "budget-line-no-goal", "severity": "warning", "pane": "budget",
                        "collection": "budget", "item": "line-coaching",
                        "message": "“Coaching stipends” serves no goal.",
                        "fix": "Link it to the goal it serves, or ask whether the district needs it.",
                        "acceptance": accepted_plan.acceptances[0].id,
                        "reason": "Stipends serve every goal.", "role": "finance-officer"}
    assert report["lapsed"] == []


def test_text_folds_accepted_findings(make_plan_file: MakePlanFile, accepted_plan: model.Plan) -> None:
    result = check(make_plan_file(accepted_plan))
    lines = result.stdout.splitlines()
    assert "  [warning] The goal “Give every student a reliable device” has no owner." in lines
    assert "“Coaching stipends” serves no goal." not in "\n".join(lines[:lines.index("1 accepted:")])
    assert lines[-2:] == ["1 accepted:",
                          "  “Coaching stipends” serves no goal. (Finance officer: Stipends serve every goal.)"]


def test_an_accepted_warning_alone_leaves_no_open_finding(make_plan_file: MakePlanFile, coherent: model.Plan,
                                                          content: Content) -> None:
    plan = change(coherent, "budget", "line-coaching", goal_id=None)
    plan = _accept(plan, content, "budget-line-no-goal", "Stipends serve every goal.", "finance-officer")
    open_rules = {f.rule for f in run_checks(plan, content)} - {"budget-line-no-goal"}
    result = check(make_plan_file(plan))
    if not open_rules:  # only when nothing else speaks on the coherent plan
        assert result.stdout.splitlines()[0] == "No open findings."
    assert result.stdout.rstrip().endswith("(Finance officer: Stipends serve every goal.)")


def test_a_changed_line_lapses_its_acceptance(make_plan_file: MakePlanFile, accepted_plan: model.Plan) -> None:
    plan = change(accepted_plan, "budget", "line-coaching", quantity=45)
    report = json.loads(check(make_plan_file(plan), "--json").stdout)
    assert report["accepted"] == []
    assert "budget-line-no-goal" in [f["rule"] for f in report["findings"]]
    assert report["lapsed"] == [{"acceptance": plan.acceptances[0].id, "rule": "budget-line-no-goal",
                                 "item": "line-coaching", "reason": "Stipends serve every goal.",
                                 "role": "finance-officer"}]
    text = check(make_plan_file(plan, "text.techplan")).stdout
    assert "1 acceptance lapsed (the facts behind it changed; accept again or fix):" in text
    assert "  budget-line-no-goal on line-coaching (Finance officer: Stipends serve every goal.)" in text


def test_the_exit_code_counts_open_blocking_findings_only(make_plan_file: MakePlanFile, accepted_plan: model.Plan,
                                                          content: Content) -> None:
    gap = change(accepted_plan, "funding", "src-general", amounts=amounts("300000", "400000", "400000"))
    [blocking] = [f for f in run_checks(gap, content) if f.rule == "funding-gap"]
    forged = model.Acceptance("a-forged", blocking.rule, "", basis(gap, blocking), "Later.", "superintendent")
    result = check(make_plan_file(gap.replace(acceptances=(*gap.acceptances, forged))), "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert "funding-gap" in [f["rule"] for f in report["findings"]]
    assert [a["rule"] for a in report["accepted"]] == ["budget-line-no-goal"]
    assert [a["acceptance"] for a in report["lapsed"]] == ["a-forged"]


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("summit-app: error: ")
    assert all(f in lines[0] for f in fragments), lines[0]


def test_a_missing_file_is_unusable_input(tmp_path: Path) -> None:
    _assert_one_line_error(check(tmp_path / "nothere.techplan"), "nothere.techplan", "no such file")


def test_a_file_that_is_not_a_plan_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.techplan"
    path.write_bytes(b"Meeting notes, not a plan\n")
    _assert_one_line_error(check(path, "--json"), "notes.techplan", "not a Summit Planner plan")
    assert path.read_bytes() == b"Meeting notes, not a plan\n"


def test_a_damaged_plan_is_unusable_input(make_plan_file: MakePlanFile, demo: model.Plan) -> None:
    path = make_plan_file(demo)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    _assert_one_line_error(check(path), path.name)
