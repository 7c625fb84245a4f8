"""Older plan files upgrade without losing a row, and the migrations build the schema the app uses.

``tests/fixtures/plan-r1.techplan`` is the demo plan (signed, then edited) in
schema revision 1, made by ``tools/make_fixtures.py``. Revision 2 rebuilds the
``goals`` table, the parent of ``goal_actions`` (ON DELETE CASCADE): the
migration that deletes every action if foreign keys are on.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from badfiles import snapshot

from summit_app.plan import model
from summit_app.store import migrate
from summit_app.store.engine import make_engine
from summit_app.store.plan_file import PlanFile, write_new_file
from summit_app.store.schema import APPLICATION_ID, METADATA

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "plan-r1.techplan"

Rows = dict[str, list[dict[str, Any]]]


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Plain sqlite3, read-only: what is really in the file."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def tables(path: Path) -> list[str]:
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    return [name for (name,) in query(path, sql)]


def all_rows(path: Path) -> Rows:
    """Every row of every table, as column → value, in primary-key order."""
    out: Rows = {}
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        for name in tables(path):
            out[name] = [dict(row) for row in con.execute(f'SELECT * FROM "{name}" ORDER BY 1')]
    finally:
        con.close()
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.techplan"
    shutil.copyfile(FIXTURE, path)
    return path


def test_fixture_is_revision_1_with_real_rows() -> None:
    assert query(FIXTURE, "PRAGMA user_version") == [(1,)]
    assert query(FIXTURE, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert query(FIXTURE, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert "priority" not in [c[1] for c in query(FIXTURE, "PRAGMA table_info(goals)")]
    assert query(FIXTURE, "PRAGMA integrity_check") == [("ok",)]
    rows = all_rows(FIXTURE)
    empty = [name for name, table_rows in rows.items() if not table_rows]
    assert empty == []  # every table, the edit log and the signature included, has rows to keep
    assert len(rows["goal_actions"]) == 16


def test_upgrade_keeps_every_row_of_every_table(old_plan: Path) -> None:
    before = all_rows(old_plan)
    with PlanFile.open(old_plan, holder="Karen") as plan_file:
        assert plan_file.schema_version() == 3
    after = all_rows(old_plan)
    assert set(after) == set(before)
    assert after.pop("alembic_version") == [{"version_num": "0003"}]
    assert [row.pop("priority") for row in after["goals"]] == [None] * len(before["goals"])
    for name, rows in before.items():
        if name != "alembic_version":
            assert after[name] == rows, name


ACTIONS = "SELECT id, goal_id, text FROM goal_actions ORDER BY position"


def test_upgrade_keeps_the_goal_actions_and_their_links(old_plan: Path) -> None:
    actions = query(old_plan, ACTIONS)
    with PlanFile.open(old_plan) as plan_file:
        plan = plan_file.load()
    assert [(a.id, a.goal_id, a.text) for a in plan.actions] == actions
    assert len(actions) == 16
    assert query(old_plan, "PRAGMA foreign_key_check") == []
    assert query(old_plan, "PRAGMA integrity_check") == [("ok",)]
    orphans = "SELECT count(*) FROM goal_actions WHERE goal_id NOT IN (SELECT id FROM goals)"
    assert query(old_plan, orphans) == [(0,)]


def test_upgrade_backs_the_original_up_beside_it_byte_for_byte(old_plan: Path) -> None:
    PlanFile.open(old_plan).close()
    names = sorted(p.name for p in old_plan.parent.iterdir())
    assert names == ["plan.before-upgrade-r1.techplan.bak", "plan.techplan"]  # no journal, no lock left
    backup = old_plan.with_name("plan.before-upgrade-r1.techplan.bak")
    assert sha256(backup) == sha256(FIXTURE)
    assert query(backup, "PRAGMA user_version") == [(1,)]


def test_read_only_open_leaves_the_old_plan_byte_identical(old_plan: Path) -> None:
    before = snapshot(old_plan.parent)
    with PlanFile.open(old_plan, read_only=True) as plan_file:
        plan = plan_file.load()
    assert snapshot(old_plan.parent) == before
    assert sha256(old_plan) == sha256(FIXTURE)
    assert [(a.id, a.goal_id, a.text) for a in plan.actions] == query(old_plan, ACTIONS)
    assert plan.signature.fingerprint == query(old_plan, "SELECT fingerprint FROM signature")[0][0]


def _config(conn: sa.Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "summit_app.store:migrations")
    cfg.attributes["connection"] = conn
    return cfg


def _unlink_budget_from_goals(path: Path) -> None:
    """Budget lines' goal links have no ON DELETE action: they would make the rebuild fail, not lose."""
    con = sqlite3.connect(path)
    con.execute("UPDATE budget_lines SET goal_id = NULL")
    con.commit()
    con.close()


def test_the_goals_rebuild_with_foreign_keys_on_would_delete_every_action(old_plan: Path) -> None:
    """Why ``migrate`` turns foreign keys off before its transaction: the danger is real."""
    _unlink_budget_from_goals(old_plan)
    careless = old_plan.with_name("careless.techplan")
    shutil.copyfile(old_plan, careless)
    engine = make_engine(careless, foreign_keys=True)
    with engine.connect() as conn, conn.begin():
        command.upgrade(_config(conn), "0002")
    engine.dispose()
    assert query(careless, "SELECT count(*) FROM goal_actions") == [(0,)]
    migrate.upgrade(old_plan)
    assert query(old_plan, "SELECT count(*) FROM goal_actions") == [(16,)]


def _structure(path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in tables(path):
        out[name] = (
            query(path, f'PRAGMA table_info("{name}")'),
            sorted(row[2:] for row in query(path, f'PRAGMA foreign_key_list("{name}")')),  # not their ids
            sorted(row[1:3] for row in query(path, f'PRAGMA index_list("{name}")')),
        )
    return out


def test_runtime_schema_equals_what_the_migrations_build(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.techplan"
    migrate.upgrade(migrated)  # from an empty file, every migration in turn
    created = tmp_path / "created.techplan"
    write_new_file(created, model.Plan())
    engine = make_engine(migrated, read_only=True)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        assert compare_metadata(context, METADATA) == []
    engine.dispose()
    assert _structure(migrated) == _structure(created)
    assert query(migrated, "PRAGMA user_version") == query(created, "PRAGMA user_version") == [(3,)]


def test_schema_comparison_sees_a_missing_column() -> None:
    """The control for the test above: revision 1 lacks ``goals.priority``, and the comparison says so."""
    engine = make_engine(FIXTURE, read_only=True)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), METADATA)
    engine.dispose()
    assert [(d[0], d[2], d[3].name) for d in diff] == [("add_column", "goals", "priority")]
