"""Plan files of earlier revisions keep every readiness rating and note across the framework's renaming.

The revision-1 and revision-2 fixtures hold the demo plan as those apps wrote
it: ratings, notes and members' silent ratings on elements whose names were
later replaced by the framework's own (same id, same meaning) and on elements
the framework does not have (kept, read-only, as rated under an earlier version).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from summit_app.plan.content import Content
from summit_app.plan.interchange import dumps, plan_from_json
from summit_app.plan.rules import plan_problems
from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.plan_file import PlanFile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REVISIONS = {"plan-r1.techplan": 1, "plan-r2.techplan": 2}


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(params=sorted(REVISIONS))
def old_plan(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / "plan.techplan"
    shutil.copyfile(FIXTURES / request.param, path)
    assert rows(path, "PRAGMA user_version") == [(REVISIONS[request.param],)]
    return path


def test_the_fixtures_rate_elements_the_framework_retired_or_renamed(old_plan: Path, content: Content) -> None:
    ids = {i for (i,) in rows(old_plan, "SELECT id FROM readiness_ratings")}
    retired = {e.id for e in content.retired_elements()}
    renamed = {e.id for e in content.elements() if e.formerly}
    assert retired <= ids  # every retired element has a rating and a note in the old file
    assert renamed <= ids
    assert all(notes for (notes,) in rows(old_plan, "SELECT notes FROM readiness_ratings"))


def test_every_rating_note_and_member_rating_is_still_there_after_the_upgrade(
        old_plan: Path, content: Content) -> None:
    before = rows(old_plan, "SELECT id, score, notes, revealed FROM readiness_ratings ORDER BY id")
    members_before = rows(old_plan, "SELECT id, element_id, member_id, score FROM member_ratings ORDER BY id")
    with PlanFile.open(old_plan, holder="Karen") as plan_file:
        assert plan_file.schema_version() == SCHEMA_VERSION
        plan = plan_file.load()
    after = sorted((r.id, r.score, r.notes, int(r.revealed)) for r in plan.readiness)
    assert after == before
    assert sorted((r.id, r.element_id, r.member_id, r.score) for r in plan.member_ratings) == members_before
    assert plan_problems(plan, content) == []
    for rating in plan.readiness:
        element = content.element(rating.id)
        assert element is not None, rating.id
    kept = {r.id for r in plan.readiness if content.element(r.id).retired}  # type: ignore[union-attr]
    assert kept == {e.id for e in content.retired_elements()}


def test_a_renamed_element_keeps_the_teams_score_under_the_frameworks_name(old_plan: Path, content: Content) -> None:
    (score, notes), = rows(old_plan, "SELECT score, notes FROM readiness_ratings WHERE id = 'cia-assessment'")
    with PlanFile.open(old_plan, holder="Karen") as plan_file:
        plan = plan_file.load()
    rating = plan.item("readiness", "cia-assessment")
    assert (rating.score, rating.notes) == (score, notes)
    element = content.element("cia-assessment")
    assert element is not None
    assert not element.retired
    assert element.name == "Assessment\u2014Analytics Inform Instruction"
    assert element.formerly == "Balanced Assessment with Timely Feedback"


def test_json_export_and_import_keep_the_earlier_version_ratings(old_plan: Path, content: Content) -> None:
    import json

    with PlanFile.open(old_plan, holder="Karen") as plan_file:
        plan = plan_file.load()
    again = plan_from_json(json.loads(dumps(plan)), content)
    assert again.readiness == plan.readiness
    assert again.member_ratings == plan.member_ratings
    assert {"cia-content", "br-tco"} <= {r.id for r in again.readiness}


def test_an_id_neither_current_nor_retired_is_still_refused(content: Content) -> None:
    from summit_app.plan import model

    plan = model.Plan(readiness=(model.ReadinessRating("cia-content", 4), model.ReadinessRating("made-up", 4)))
    problems = plan_problems(plan, content)
    assert [(p.collection, p.field) for p in problems] == [("readiness", "id")]
    assert "'made-up' is not a framework element" in problems[0].message
