"""Opening checks a plan file's schema objects against the app's, and every connection is protected.

The recorded schemas (store/known_schemas.py) must be exactly what the app
makes: a new file at the head revision, each released revision's fixture, and
each fixture migrated to the head. Every connection the store opens has trusted_schema off
and a budget that stops an endless statement; a failed statement's message
never carries its SQL.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path

import pytest

from summit_app.plan import model
from summit_app.store import fast_read, guard, migrate
from summit_app.store.engine import make_engine
from summit_app.store.errors import PlanFileError
from summit_app.store.known_schemas import SCHEMAS
from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.plan_file import PlanFile
from summit_app.store.schema_check import check_schema, schema_objects, schema_problem

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE = FIXTURES / "plan-r1.techplan"
#: Each released revision's fixture, made by the app of that revision.
REVISION_FIXTURES = {1: FIXTURE, 2: FIXTURES / "plan-r2.techplan", 3: FIXTURES / "plan-r3.techplan",
                     4: FIXTURES / "plan-r4.techplan"}
#: The tables revision 5 added.
REVISION_5_TABLES = ("equity", "peer_districts", "lighthouse_schools", "communications")
ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"


def _objects(path: Path) -> dict[tuple[str, str, str], str]:
    con = sqlite3.connect(path)
    try:
        return schema_objects(con)
    finally:
        con.close()


def _accepted(path: Path, revision: int) -> None:
    found = _objects(path)
    assert set(found) == set(SCHEMAS[revision])
    assert all(sql in SCHEMAS[revision][key] for key, sql in found.items())
    assert schema_problem(found, revision) is None


def test_the_recorded_schemas_are_what_the_app_makes(tmp_path: Path, demo: model.Plan) -> None:
    head = tmp_path / "head.techplan"
    PlanFile.create(head, demo).close()
    _accepted(head, SCHEMA_VERSION)
    assert sorted(REVISION_FIXTURES) == list(range(1, SCHEMA_VERSION))  # a fixture of every released revision
    for revision, fixture in REVISION_FIXTURES.items():
        _accepted(fixture, revision)
        migrated = tmp_path / f"migrated-r{revision}.techplan"
        shutil.copyfile(fixture, migrated)
        migrate.upgrade(migrated)
        _accepted(migrated, SCHEMA_VERSION)


def _without_tables(path: Path, *names: str) -> None:
    con = sqlite3.connect(path)
    try:
        for name in names:
            con.execute(f'DROP TABLE "{name}"')
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize(("revision", "table"), [
    (1, "budget_lines"),  # revision 1's lines have no match source; its goals no priority
    (3, "budget_lines"),  # revision 3's lines have no match source, its network no CIPA flag
    (4, "budget_lines"),  # revision 4's lines have no pilot flag, its district no low-income share
])
def test_an_object_of_another_revision_is_refused(tmp_path: Path, demo: model.Plan, revision: int,
                                                  table: str) -> None:
    head = tmp_path / "head.techplan"
    PlanFile.create(head, demo).close()
    first_extra = "accepted_findings" if revision < 4 else "communications"
    with pytest.raises(PlanFileError, match=f"it contains a table \\('{first_extra}'\\) that a plan never has"):
        check_schema(head, revision)
    _without_tables(head, *REVISION_5_TABLES)
    if revision < 4:
        _without_tables(head, "accepted_findings", "network_upgrades")
    with pytest.raises(PlanFileError, match=f"its table '{table}' is not defined as a plan's is"):
        check_schema(head, revision)


def test_a_column_of_a_later_revision_in_an_older_file_is_refused(tmp_path: Path) -> None:
    """A revision-3 file whose network table gained the CIPA flag is not a revision-3 plan."""
    path = tmp_path / "plan.techplan"
    shutil.copyfile(REVISION_FIXTURES[3], path)
    con = sqlite3.connect(path)
    try:
        network = con.execute("SELECT sql FROM sqlite_master WHERE name = 'network'").fetchone()[0]
        con.execute("ALTER TABLE network ADD COLUMN cipa_in_place BOOLEAN DEFAULT 0 NOT NULL")
        con.commit()
    finally:
        con.close()
    assert "cipa_in_place" not in network
    with pytest.raises(PlanFileError, match="its table 'network' is not defined as a plan's is"):
        check_schema(path, 3)


@pytest.mark.parametrize(("statement", "named"), [
    ("CREATE TRIGGER t AFTER INSERT ON edit_log BEGIN DELETE FROM edit_log; END",
     "it contains a trigger ('t'), which a plan never has"),
    ("CREATE VIEW v AS SELECT 1", "it contains a view ('v') that a plan never has"),
    ("CREATE TABLE extra (x)", "it contains a table ('extra') that a plan never has"),
    ("CREATE INDEX ix_extra ON goals (title)", "it contains an index ('ix_extra') that a plan never has"),
    ("CREATE TABLE \"x\ny\" (z)", "it contains a table ('x\\ny') that a plan never has"),
])
def test_each_kind_of_foreign_object_is_named_in_one_line(tmp_path: Path, demo: model.Plan, statement: str,
                                                          named: str) -> None:
    path = tmp_path / "plan.techplan"
    PlanFile.create(path, demo).close()
    con = sqlite3.connect(path)
    con.execute(statement)
    con.commit()
    con.close()
    data = path.read_bytes()
    with pytest.raises(PlanFileError) as caught:
        PlanFile.open(path)
    assert named in caught.value.why
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == data


def test_every_store_connection_has_trusted_schema_off(make_plan_file: object, tmp_path: Path) -> None:
    path = tmp_path / "plan.techplan"
    PlanFile.create(path, model.Plan()).close()
    with fast_read.reading(path, read_only=True) as conn:
        assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
    engine = make_engine(path, read_only=True)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
    finally:
        engine.dispose()


def test_an_endless_statement_is_stopped(tmp_path: Path) -> None:
    path = tmp_path / "plan.techplan"
    PlanFile.create(path, model.Plan()).close()
    conn = guard.connect(path)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute(ENDLESS).fetchall()
        assert guard.reason(caught.value) == guard.TOO_LONG
        assert conn.execute("SELECT 1").fetchone() == (1,)  # the next statement has its own budget
    finally:
        conn.close()


def test_an_endless_statement_through_sqlalchemy_is_one_line_without_its_sql(tmp_path: Path) -> None:
    path = tmp_path / "plan.techplan"
    PlanFile.create(path, model.Plan()).close()
    engine = make_engine(path, read_only=True)
    try:
        with engine.connect() as conn, pytest.raises(PlanFileError) as caught:
            conn.exec_driver_sql(ENDLESS)
        assert caught.value.why == guard.TOO_LONG
        with engine.connect() as conn, pytest.raises(PlanFileError) as caught:
            conn.exec_driver_sql("SELECT secret FROM nowhere WHERE x = ?", ("private value",))
        assert "SELECT" not in str(caught.value)
        assert "private value" not in str(caught.value)
    finally:
        engine.dispose()


def test_the_budget_is_per_statement_not_per_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long session's many statements never add up to a stop; one statement over the budget does."""
    monkeypatch.setattr(guard, "MAX_STEPS", 200_000)
    path = tmp_path / "plan.techplan"
    PlanFile.create(path, model.Plan()).close()
    counted = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {}) SELECT max(i) FROM n"
    engine = make_engine(path)
    conn = guard.connect(path)
    try:
        with engine.connect() as sa_conn:
            for _ in range(10):  # each about 100,000 steps: ten times the budget in all
                assert conn.execute(counted.format(5000)).fetchone() == (5000,)
                assert sa_conn.exec_driver_sql(counted.format(5000)).scalar() == 5000
            with pytest.raises(PlanFileError):
                sa_conn.exec_driver_sql(counted.format(50_000)).scalar()
        with pytest.raises(sqlite3.OperationalError):
            conn.execute(counted.format(50_000)).fetchone()
    finally:
        conn.close()
        engine.dispose()


def test_the_recording_tool_writes_the_recorded_schemas_again(tmp_path: Path) -> None:
    """tools/record_schemas.py, run now, writes known_schemas.py as it is: released revisions unchanged."""
    spec = importlib.util.spec_from_file_location("record_schemas", ROOT / "tools" / "record_schemas.py")
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    recorded = (ROOT / "summit_app" / "store" / "known_schemas.py").read_text(encoding="utf-8")
    assert tool.module_text(tool.record(tmp_path)) == recorded
