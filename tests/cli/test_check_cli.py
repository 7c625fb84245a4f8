"""``summit-app check PLAN [--json]``: findings by pane; exit 1 if any blocks, 0 if none, 2 on unusable input."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from plan_builders import change, coherent_plan

from summit_app.plan import model
from summit_app.plan.content import Content

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


def test_warnings_alone_do_not_fail(make_plan_file: MakePlanFile, coherent: model.Plan) -> None:
    plan = change(coherent, "goals", coherent.goals[0].id, baseline="")
    result = check(make_plan_file(plan))
    assert result.returncode == 0, result.stdout
    assert "[warning]" in result.stdout
    assert result.stdout.rstrip().endswith(", 0 blocking.")


def test_json_lists_every_finding_most_severe_first(make_plan_file: MakePlanFile, coherent: model.Plan) -> None:
    goal = coherent.goals[0]
    plan = change(coherent.replace(milestones=()), "goals", goal.id, owner="")
    result = check(make_plan_file(plan), "--json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert [(f["rule"], f["severity"], f["pane"]) for f in findings] == [
        ("empty-pane", "blocking", "timeline"), ("goal-incomplete", "warning", "vision"),
        ("no-device-pilot", "warning", "budget")]  # the pilot was one of the milestones
    assert findings[1] == {"rule": "goal-incomplete", "severity": "warning", "pane": "vision", "collection": "goals",
                           "item": goal.id, "message": f"The goal “{goal.title}” has no owner.",
                           "fix": "Say how you will know it is met, where it stands today and where it should "
                                  "reach, who answers for it, and by when."}


def test_json_of_a_coherent_plan_is_an_empty_list(make_plan_file: MakePlanFile, coherent: model.Plan) -> None:
    result = check(make_plan_file(coherent), "--json")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


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
