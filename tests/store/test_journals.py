"""A crash journal is rolled back only when it is this plan's: tried on a copy first, never applied blindly."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from summit_app.plan import model
from summit_app.store.errors import PlanFileError
from summit_app.store.plan_file import PlanFile


def _crashed_copy(source: Path, target: Path, district: str) -> None:
    """``target`` is ``source`` as a writer left it, killed mid-change (its journal hot beside it)."""
    con = sqlite3.connect(source, isolation_level=None)
    try:
        con.execute("PRAGMA cache_size=1")  # the change spills into the file before the kill
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE district SET name = ?", (district,))
        con.execute("UPDATE team_members SET name = name || ' (half-saved)'")
        shutil.copyfile(source, target)
        shutil.copyfile(source.with_name(source.name + "-journal"), target.with_name(target.name + "-journal"))
        con.execute("ROLLBACK")
    finally:
        con.close()


@pytest.mark.parametrize("read_only", [True, False])
def test_a_plans_own_journal_is_rolled_back(tmp_path: Path, demo: model.Plan, read_only: bool) -> None:
    source = tmp_path / "source.techplan"
    PlanFile.create(source, demo).close()
    crashed = tmp_path / "crashed.techplan"
    _crashed_copy(source, crashed, "Half-saved district")
    with PlanFile.open(crashed, read_only=read_only) as plan_file:
        assert plan_file.load() == demo
    assert crashed.with_name(crashed.name + "-journal").exists() is read_only  # a read-only open writes nothing


def test_a_journal_of_another_plan_is_never_applied(tmp_path: Path, demo: model.Plan) -> None:
    other = tmp_path / "other.techplan"
    PlanFile.create(other, model.Plan()).close()  # a blank plan: another size, other pages
    crashed = tmp_path / "crashed.techplan"
    _crashed_copy(other, crashed, "Another district")
    plan = tmp_path / "plan.techplan"
    PlanFile.create(plan, demo).close()
    journal = plan.with_name(plan.name + "-journal")
    shutil.copyfile(crashed.with_name(crashed.name + "-journal"), journal)
    before = plan.read_bytes(), journal.read_bytes()
    for read_only in (True, False):
        with pytest.raises(PlanFileError, match=r"\(plan.techplan-journal\) (does not belong to this plan|would not "
                                                r"leave a sound plan)"):
            PlanFile.open(plan, read_only=read_only)
    assert (plan.read_bytes(), journal.read_bytes()) == before
