"""Unusable input on the command line: exit code 2, one line saying what and why, nothing changed.

Every command runs as a child process, exactly as a person or a script runs it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from badfiles import BAD_FILES, snapshot
from runcli import error_line, run_cli

from summit_app.plan import model
from summit_app.plan.interchange import plan_to_json
from summit_app.resources import read_text
from summit_app.store.layout import SCHEMA_VERSION

MakePlan = Callable[..., Path]



def _refused(folder: Path, *args: str | Path) -> str:
    """Run a command that must be refused; its one error line. Nothing in ``folder`` may change."""
    before = snapshot(folder)
    result = run_cli(*args, cwd=folder)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert snapshot(folder) == before
    return error_line(result)


@pytest.mark.parametrize("kind", BAD_FILES)
def test_reading_a_bad_file_is_refused(kind: str, good_plan: Path, tmp_path: Path) -> None:
    make, reason = BAD_FILES[kind]
    make(tmp_path / "plan.techplan", good_plan)
    line = _refused(tmp_path, "info", "plan.techplan", "--json")
    assert line.startswith("summit-app: error: plan.techplan: ")
    assert reason in line


@pytest.mark.parametrize("kind", ["zero-bytes", "png-renamed", "other-database", "truncated-half-way",
                                  "newer-revision", "a-folder", "missing"])
def test_opening_a_bad_file_for_writing_is_refused(kind: str, good_plan: Path, tmp_path: Path) -> None:
    """``export --sign`` records the signature in the plan, so it opens the plan for writing."""
    make, reason = BAD_FILES[kind]
    make(tmp_path / "plan.techplan", good_plan)
    line = _refused(tmp_path, "export", "plan.techplan", "--sign", "--pdf", "signed.pdf")
    assert line.startswith("summit-app: error: plan.techplan: ")
    assert reason in line


def test_read_only_plan_is_refused_for_signing(good_plan: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.techplan"
    plan.write_bytes(good_plan.read_bytes())
    plan.chmod(0o444)
    line = _refused(tmp_path, "export", "plan.techplan", "--sign", "--pdf", "signed.pdf")
    assert line == "summit-app: error: plan.techplan: the file or its folder is read-only; open it read-only instead"
    result = run_cli("info", "plan.techplan", "--json", cwd=tmp_path)  # what the message offers works
    assert result.returncode == 0
    assert json.loads(result.stdout)["schema_version"] == SCHEMA_VERSION


def test_new_never_overwrites(good_plan: Path, tmp_path: Path) -> None:
    (tmp_path / "plan.techplan").write_bytes(b"my notes")
    line = _refused(tmp_path, "new", "plan.techplan", "--demo")
    assert line == "summit-app: error: plan.techplan: a file of that name already exists; choose another name"


def test_new_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    line = _refused(tmp_path, "new", "no such folder/plan.techplan", "--demo")
    assert line == "summit-app: error: no such folder/plan.techplan: its folder does not exist"


def test_new_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o555)  # as root only the mode bits say "read-only"
    try:
        line = _refused(tmp_path, "new", "shared/plan.techplan", "--demo")
    finally:
        folder.chmod(0o755)
    assert line == "summit-app: error: shared/plan.techplan: its folder is read-only; choose another folder"


def _demo_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(read_text("demo", "demo-plan.json"))
    return doc


def test_invalid_json_is_refused_with_where(tmp_path: Path) -> None:
    (tmp_path / "plan.json").write_text('{"format": "summit-planner-plan",\n  "district": {,}\n}', encoding="utf-8")
    line = _refused(tmp_path, "new", "plan.techplan", "--from-json", "plan.json")
    assert line.startswith("summit-app: error: plan.json: not valid JSON (line 2, column 16: ")


def test_json_that_is_not_a_plan_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plan.json").write_text('{"recipes": []}', encoding="utf-8")
    line = _refused(tmp_path, "new", "plan.techplan", "--from-json", "plan.json")
    assert line.startswith("summit-app: error: plan.json: format: must be 'summit-planner-plan'")


@pytest.mark.parametrize(("value", "why"), [
    (1250.5, "must be a decimal number written as a string"),
    ("12.345", "'12.345' is not an amount: write digits, a point and two decimals"),
    ("-5.00", "must not be negative"),
    ("a lot", "'a lot' is not an amount"),
])
def test_wrong_value_is_refused_naming_its_field(tmp_path: Path, value: object, why: str) -> None:
    doc = _demo_doc()
    doc["budget"]["lines"][3]["unit_cost"] = value
    (tmp_path / "plan.json").write_text(json.dumps(doc), encoding="utf-8")
    line = _refused(tmp_path, "new", "plan.techplan", "--from-json", "plan.json")
    assert line.startswith("summit-app: error: plan.json: budget.lines[3].unit_cost: ")
    assert why in line


def test_broken_link_is_refused_naming_its_field(tmp_path: Path, demo: model.Plan) -> None:
    doc = plan_to_json(demo)
    doc["vision"]["actions"][2]["goal_id"] = "goal-that-was-deleted"
    (tmp_path / "plan.json").write_text(json.dumps(doc), encoding="utf-8")
    line = _refused(tmp_path, "new", "plan.techplan", "--from-json", "plan.json")
    assert line == ("summit-app: error: plan.json: vision.actions[2].goal_id: "
                    "Goal points at 'goal-that-was-deleted', which is not in the plan")
