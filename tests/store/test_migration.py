"""Older plan files upgrade without losing a row, and the migrations build the schema the app uses.

``tests/fixtures/plan-r1.techplan`` is the demo plan (signed, then edited) in
schema revision 1, made by ``tools/make_fixtures.py``; ``plan-r2``, ``plan-r3``
and ``plan-r4`` are the demo plan as the apps of revisions 2, 3 and 4 wrote it
(r3 signed and unchanged since; r4 signed, then edited). Revision 2 rebuilds the ``goals`` table, the
parent of ``goal_actions`` (ON DELETE CASCADE): the migration that deletes
every action if foreign keys are on. Revision 4 rebuilds ``network`` and
``budget_lines`` and adds columns whose values for the rows already there
must be the records' defaults. Revision 5 adds columns at the ends of their
tables and four tables, one of them a singleton whose one row it writes.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
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
from summit_app.plan.edits import SetField, apply_edit
from summit_app.plan.signing import signed_state
from summit_app.store import migrate
from summit_app.store.engine import make_engine
from summit_app.store.plan_file import PlanFile, write_new_file
from summit_app.store.schema import APPLICATION_ID, METADATA
from summit_app.store.schema_check import schema_objects, schema_problem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE = FIXTURES / "plan-r1.techplan"
#: Each released revision's fixture.
REVISION_FIXTURES = {1: FIXTURE, 2: FIXTURES / "plan-r2.techplan", 3: FIXTURES / "plan-r3.techplan",
                     4: FIXTURES / "plan-r4.techplan"}
HEAD = 5

#: The columns each revision added, with the value every row already there must get.
ADDED_COLUMNS: dict[int, dict[str, dict[str, Any]]] = {
    2: {"goals": {"priority": None}},
    4: {
        "district": {"erate_discount_percent": 0},
        "network": {"cipa_in_place": 0},
        "learning_activities": {"purpose": "instruction"},
        "milestones": {"kind": "milestone"},
        "budget_lines": {"device_type": "", "device_users": "students", "replaces_devices": 0,
                         "delivery_date": None, "erate_category": "", "match_source_id": None},
    },
    5: {
        "district": {"low_income_percent": 0, "peer_matching": 0},
        "privacy_apps": {"accessibility_report": ""},
        "budget_lines": {"pilot": 0, "accessibility_report": ""},
    },
}
#: The tables each revision added (they start empty, but for a singleton's one row at its defaults).
ADDED_TABLES = {4: ("accepted_findings", "network_upgrades"),
                5: ("equity", "peer_districts", "lighthouse_schools", "communications")}
ADDED_ROWS = {"equity": [{"id": 1, "no_home_internet_percent": 0, "take_home": "", "loaner_policy": "",
                          "hotspot_plan": "", "assistive_students": 0, "assistive_plan": "",
                          "public_entity_size": ""}]}

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


def test_fixtures_are_their_revisions_and_their_schemas() -> None:
    for revision, fixture in REVISION_FIXTURES.items():
        assert query(fixture, "PRAGMA user_version") == [(revision,)]
        assert query(fixture, "SELECT version_num FROM alembic_version") == [(migrate.REVISIONS[revision],)]
        con = sqlite3.connect(f"{fixture.resolve().as_uri()}?mode=ro", uri=True)
        try:
            assert schema_problem(schema_objects(con), revision) is None
        finally:
            con.close()
    assert max(migrate.REVISIONS) == HEAD


def _added_since(revision: int) -> tuple[dict[str, dict[str, Any]], set[str]]:
    columns: dict[str, dict[str, Any]] = {}
    added_tables: set[str] = set()
    for later in range(revision + 1, HEAD + 1):
        for table, values in ADDED_COLUMNS.get(later, {}).items():
            columns.setdefault(table, {}).update(values)
        added_tables.update(ADDED_TABLES.get(later, ()))
    return columns, added_tables


@pytest.mark.parametrize("revision", sorted(REVISION_FIXTURES))
def test_upgrade_keeps_every_row_of_every_table(tmp_path: Path, revision: int) -> None:
    """Every value of every row is still there; each new column holds its default in every old row."""
    path = tmp_path / "plan.techplan"
    shutil.copyfile(REVISION_FIXTURES[revision], path)
    before = all_rows(path)
    assert sum(map(len, before.values())) > 200  # a real plan, not an empty file
    with PlanFile.open(path, holder="Karen") as plan_file:
        assert plan_file.schema_version() == HEAD
    after = all_rows(path)
    columns, added_tables = _added_since(revision)
    assert set(after) == set(before) | added_tables
    assert after.pop("alembic_version") == [{"version_num": migrate.REVISIONS[HEAD]}]
    for table in added_tables:
        assert after.pop(table) == ADDED_ROWS.get(table, []), table
    for table, defaults in columns.items():
        assert before[table], table  # rows the new columns are filled in for
        for row in after[table]:
            assert {name: row.pop(name) for name in defaults} == defaults, table
    for name, rows in before.items():
        if name != "alembic_version":
            assert after[name] == rows, name


def test_the_upgraded_plan_reads_the_old_rows_with_the_new_fields_defaults(tmp_path: Path) -> None:
    path = tmp_path / "plan.techplan"
    shutil.copyfile(REVISION_FIXTURES[3], path)
    with PlanFile.open(path) as plan_file:
        plan = plan_file.load()
    assert plan.learning
    assert {a.purpose for a in plan.learning} == {"instruction"}
    assert plan.milestones
    assert {m.kind for m in plan.milestones} == {"milestone"}
    assert plan.budget
    assert {line.device_users for line in plan.budget} == {"students"}
    assert {(line.match_source_id, line.delivery_date, line.erate_category) for line in plan.budget} == {
        (None, None, "")}
    assert (plan.upgrades, plan.acceptances) == ((), ())
    assert (plan.district.erate_discount_percent, plan.network.cipa_in_place) == (0, False)


def test_a_signed_plan_is_still_signed_after_the_upgrade(tmp_path: Path, content: Any) -> None:
    path = tmp_path / "plan.techplan"
    shutil.copyfile(REVISION_FIXTURES[3], path)
    (stored,), = query(path, "SELECT fingerprint FROM signature")
    with PlanFile.open(path) as plan_file:
        plan = plan_file.load(content)
    state = signed_state(plan)
    assert state.signed_fingerprint == stored
    assert state.current_fingerprint == stored
    assert state.signed
    assert not state.changed_since_signed


@pytest.mark.parametrize(("collection", "field", "value"), [
    ("learning", "purpose", lambda plan: "compliance"),
    ("milestones", "kind", lambda plan: "board"),
    ("budget", "device_type", lambda plan: "chromebook"),
    ("budget", "device_users", lambda plan: "staff"),
    ("budget", "replaces_devices", lambda plan: True),
    ("budget", "delivery_date", lambda plan: date(2027, 8, 15)),
    ("budget", "erate_category", lambda plan: "category-2"),
    ("budget", "match_source_id", lambda plan: plan.funding[0].id),
    ("district", "erate_discount_percent", lambda plan: 80),
    ("network", "cipa_in_place", lambda plan: True),
    ("district", "low_income_percent", lambda plan: 41),
    ("district", "peer_matching", lambda plan: True),
    ("apps", "accessibility_report", lambda plan: "on-file"),
    ("budget", "pilot", lambda plan: True),
    ("budget", "accessibility_report", lambda plan: "requested"),
    ("equity", "no_home_internet_percent", lambda plan: 12),
    ("equity", "take_home", lambda plan: "loaner"),
])
def test_a_new_field_given_another_value_changes_the_signed_plan(
        tmp_path: Path, content: Any, collection: str, field: str, value: Callable[[model.Plan], Any]) -> None:
    path = tmp_path / "plan.techplan"
    shutil.copyfile(REVISION_FIXTURES[3], path)
    with PlanFile.open(path) as plan_file:
        plan = plan_file.load(content)
    item_id = "" if collection in model.SINGLETONS else getattr(plan, collection)[0].id
    changed, undo = apply_edit(plan, SetField(collection, item_id, field, value(plan)), content)
    assert signed_state(changed).changed_since_signed
    assert signed_state(apply_edit(changed, undo, content)[0]).signed


def test_a_new_item_in_a_new_list_changes_the_signed_plan(tmp_path: Path, content: Any) -> None:
    path = tmp_path / "plan.techplan"
    shutil.copyfile(REVISION_FIXTURES[3], path)
    with PlanFile.open(path) as plan_file:
        plan = plan_file.load(content)
    upgrade = model.NetworkUpgrade("upgrade-1", "Fiber to every school", wan_mbps=10_000)
    assert signed_state(plan.replace(upgrades=(upgrade,))).changed_since_signed
    for collection, item in (("peers", model.PeerDistrict("peer-1", "Riverside Unified")),
                             ("lighthouses", model.LighthouseSchool("school-1")),
                             ("communications", model.Communication("message-1", kind="board-adoption"))):
        assert signed_state(plan.replace(**{collection: (item,)})).changed_since_signed, collection


@pytest.mark.parametrize("revision", sorted(REVISION_FIXTURES))
def test_downgrade_after_the_upgrade_gives_back_every_row(tmp_path: Path, revision: int) -> None:
    """The migrations' way down (how fixtures of older revisions are made) restores what was there."""
    path = tmp_path / "plan.techplan"
    shutil.copyfile(REVISION_FIXTURES[revision], path)
    before = all_rows(path)
    migrate.upgrade(path)
    migrate.downgrade(path, revision)
    assert query(path, "PRAGMA user_version") == [(revision,)]
    assert all_rows(path) == before
    assert query(path, "PRAGMA foreign_key_check") == []
    assert _structure(path) == _structure(REVISION_FIXTURES[revision])


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


@pytest.mark.parametrize("revision", sorted(REVISION_FIXTURES))
def test_upgrade_backs_the_original_up_beside_it_byte_for_byte(tmp_path: Path, revision: int) -> None:
    path = tmp_path / "plan.techplan"
    shutil.copyfile(REVISION_FIXTURES[revision], path)
    PlanFile.open(path).close()
    backup_name = f"plan.before-upgrade-r{revision}.techplan.bak"
    assert sorted(p.name for p in path.parent.iterdir()) == [backup_name, "plan.techplan"]  # no journal, no lock
    backup = path.with_name(backup_name)
    assert sha256(backup) == sha256(REVISION_FIXTURES[revision])
    assert query(backup, "PRAGMA user_version") == [(revision,)]


@pytest.mark.parametrize("revision", sorted(REVISION_FIXTURES))
def test_read_only_open_leaves_the_old_plan_byte_identical(tmp_path: Path, revision: int) -> None:
    path = tmp_path / "plan.techplan"
    shutil.copyfile(REVISION_FIXTURES[revision], path)
    before = snapshot(path.parent)
    with PlanFile.open(path, read_only=True) as plan_file:
        assert plan_file.schema_version() == revision
        plan = plan_file.load()
    assert snapshot(path.parent) == before
    assert sha256(path) == sha256(REVISION_FIXTURES[revision])
    assert [(a.id, a.goal_id, a.text) for a in plan.actions] == query(path, ACTIONS)
    assert plan.signature.fingerprint == query(path, "SELECT fingerprint FROM signature")[0][0]


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
    assert query(migrated, "PRAGMA user_version") == query(created, "PRAGMA user_version") == [(HEAD,)]


def _differences(path: Path) -> set[tuple[str, str, str]]:
    """What the app's schema has that the file lacks: (operation, table, column, table or constraint)."""
    engine = make_engine(path, read_only=True)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), METADATA)
    engine.dispose()
    out = set()
    for d in diff:
        if d[0] == "add_column":
            out.add((d[0], d[2], d[3].name))
        elif d[0] == "add_table":
            out.add((d[0], d[1].name, ""))
        else:
            out.add((d[0], d[1].table.name, d[1].name))
    return out


def test_schema_comparison_sees_what_each_revision_lacks() -> None:
    """The control for the test above: each fixture lacks exactly what the later revisions added."""
    for revision, fixture in REVISION_FIXTURES.items():
        columns, added_tables = _added_since(revision)
        expected = {("add_column", table, name) for table, values in columns.items() for name in values}
        expected |= {("add_table", table, "") for table in added_tables}
        if revision < 4:
            expected.add(("add_fk", "budget_lines", "fk_budget_lines_match_source_id_funding_sources"))
        assert _differences(fixture) == expected, revision
