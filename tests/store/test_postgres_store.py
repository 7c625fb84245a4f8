"""Plans on the PostgreSQL server: the schema, its check, the one-editor lock, and what is refused.

Run against the real server ``make test`` starts (tests/pg.py); each test has
a plan name of its own.
"""

from __future__ import annotations

import pytest
from pg import admin, plan_name, server_base
from psycopg import sql

from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.store import migrate
from summit_app.store.errors import PlanFileError, PlanLockedError
from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.location import parse_location
from summit_app.store.plan_file import close_document, create_plan, open_document, open_plan
from summit_app.store.schema import METADATA
from summit_app.store.server import ServerPlan


@pytest.fixture
def server_plan(pg_url: str, demo: model.Plan) -> str:
    create_plan(pg_url, demo).close()
    return pg_url


def run_as_admin(url: str, statement: str) -> None:
    """``statement`` run by the superuser in the plan's schema ({} is the schema's quoted name)."""
    with admin() as conn:
        conn.execute(sql.SQL(statement).format(sql.Identifier(plan_name(url))))


def rows(url: str) -> dict[str, int]:
    with admin() as conn:
        return {t.name: conn.execute(sql.SQL("SELECT count(*) FROM {}.{}").format(
            sql.Identifier(plan_name(url)), sql.Identifier(t.name))).fetchone()[0] for t in METADATA.sorted_tables}


# --- the schema -----------------------------------------------------------------------


def test_a_new_plan_is_one_schema_stamped_at_head_with_deferred_links(server_plan: str) -> None:
    name = plan_name(server_plan)
    with admin() as conn:
        tables = {r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (name,))}
        version = conn.execute(sql.SQL("SELECT version_num FROM {}.alembic_version").format(
            sql.Identifier(name))).fetchone()
        links = conn.execute(
            "SELECT condeferrable, condeferred, confdeltype FROM pg_constraint c JOIN pg_namespace n "
            "ON n.oid = c.connamespace WHERE n.nspname = %s AND c.contype = 'f'", (name,)).fetchall()
        public = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        assert public.fetchone() == (0,)
    assert tables == {*METADATA.tables, "alembic_version"}
    assert version == (migrate.REVISIONS[SCHEMA_VERSION],)
    assert links
    assert set(links) == {(True, True, "a")}  # deferred to the commit, no action on delete (no cascade)


def test_the_edit_log_numbers_come_from_the_plan_s_own_sequence(server_plan: str, pg_url: str) -> None:
    document = open_document(server_plan, author="Ann")
    try:
        goal = document.plan.goals[0]
        for title in ("One", "Two"):
            document.apply(SetField("goals", goal.id, "title", title))
    finally:
        close_document(document)
    with admin() as conn:
        ids = [r[0] for r in conn.execute(sql.SQL("SELECT id FROM {}.edit_log ORDER BY id").format(
            sql.Identifier(plan_name(server_plan))))]
        sequence = conn.execute(sql.SQL("SELECT last_value FROM {}.edit_log_id_seq").format(
            sql.Identifier(plan_name(server_plan)))).fetchone()
    assert ids == [1, 2]
    assert sequence == (2,)


@pytest.mark.parametrize(("statement", "named"), [
    ("CREATE FUNCTION {}.steal() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
     "a function ('steal')"),
    ("CREATE TABLE {}.notes (x int)", "a table ('notes')"),
    ("CREATE VIEW {}.peek AS SELECT 1 AS x", "a view ('peek')"),
    ("CREATE TYPE {}.mood AS ENUM ('ok')", "a type ('mood')"),
    ("CREATE RULE hide AS ON INSERT TO {}.goals DO INSTEAD NOTHING", "a rule ('hide')"),
    ("ALTER TABLE {}.goals ADD COLUMN extra text", "its table 'goals' is not defined as a plan's is"),
    ("ALTER TABLE {}.budget_lines ALTER COLUMN unit_cost TYPE double precision",
     "its table 'budget_lines' is not defined as a plan's is"),
    ("DROP TABLE {}.accepted_findings", "its table 'accepted_findings' is missing"),
])
def test_a_schema_with_anything_a_plan_never_has_is_refused_naming_it(
        server_plan: str, statement: str, named: str) -> None:
    run_as_admin(server_plan, statement)
    before = rows(server_plan) if "DROP" not in statement else None
    with pytest.raises(PlanFileError) as refused:
        open_plan(server_plan)
    assert named in refused.value.why
    assert "it was not opened, and nothing in it was run" in refused.value.why
    if before is not None:
        assert rows(server_plan) == before


@pytest.mark.parametrize(("revision", "why"), [
    ("0099", "its plan format is not one this version of Summit Planner knows"),
    ("0003", "its plan format 3 is not this version's"),
])
def test_a_plan_of_another_revision_is_refused_and_left_as_it_was(server_plan: str, revision: str, why: str) -> None:
    run_as_admin(server_plan, f"UPDATE {{}}.alembic_version SET version_num = '{revision}'")
    before = rows(server_plan)
    with pytest.raises(PlanFileError, match=why):
        open_document(server_plan)
    assert rows(server_plan) == before


def test_a_trigger_on_a_plan_table_is_refused_before_anything_runs(server_plan: str) -> None:
    run_as_admin(server_plan, "CREATE FUNCTION public.summit_spy() RETURNS trigger LANGUAGE plpgsql "
                              "AS $$BEGIN RAISE EXCEPTION 'ran'; END$$")
    run_as_admin(server_plan, "CREATE TRIGGER spy BEFORE UPDATE ON {}.goals FOR EACH ROW "
                              "EXECUTE FUNCTION public.summit_spy()")
    try:
        with pytest.raises(PlanFileError, match=r"it contains a trigger \('spy'\), which a plan never has"):
            open_document(server_plan)
    finally:
        run_as_admin(server_plan, "DROP FUNCTION public.summit_spy() CASCADE")


@pytest.mark.parametrize("change", [
    "CREATE OR REPLACE FUNCTION {}.summit_edit_notice() RETURNS trigger LANGUAGE plpgsql AS "
    "$$BEGIN PERFORM pg_catalog.pg_notify('anyone', NEW.edit); RETURN NULL; END$$",
    "ALTER FUNCTION {}.summit_edit_notice() SECURITY DEFINER",
    "ALTER TABLE {}.edit_log DISABLE TRIGGER summit_edit_notice",
])
def test_the_edit_notice_is_accepted_only_exactly_as_the_app_makes_it(server_plan: str, change: str) -> None:
    open_plan(server_plan).close()  # as made: accepted
    run_as_admin(server_plan, change)
    with pytest.raises(PlanFileError, match=r"it contains a trigger \('summit_edit_notice'\), which a plan never"):
        open_plan(server_plan)


def test_a_missing_plan_is_one_line_and_creates_nothing(pg_url: str) -> None:
    with pytest.raises(PlanFileError, match=r"the server has no plan named 't_\w+'; create it with"):
        open_plan(pg_url, read_only=True)
    with admin() as conn:
        assert conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (plan_name(pg_url),)).fetchone() is None


# --- the one-editor lock ----------------------------------------------------------------


def test_a_second_editor_is_told_who_has_the_plan_and_may_read_it(server_plan: str) -> None:
    first = ServerPlan.open(server_plan, holder="Karen Liu")
    try:
        with pytest.raises(PlanLockedError) as locked:
            ServerPlan.open(server_plan, holder="Sam Ortiz")
        assert locked.value.holder.name == "Karen Liu"
        assert "Karen Liu" in locked.value.why
        with ServerPlan.open(server_plan, read_only=True) as reader:
            assert reader.load() == first.load()
    finally:
        first.close()
    ServerPlan.open(server_plan, holder="Sam Ortiz").close()  # released with the first editor's session


def test_a_read_only_session_cannot_write_even_past_the_app(server_plan: str) -> None:
    with ServerPlan.open(server_plan, read_only=True) as reader:
        conn = reader._conn
        with pytest.raises(PlanFileError, match="read-only"):
            reader.commit(SetField("vision", "", "statement", "x"), model.Plan(), None)  # type: ignore[arg-type]
        with pytest.raises(Exception, match="read-only transaction"):
            conn.exec_driver_sql(f'UPDATE "{plan_name(server_plan)}".vision SET statement = \'x\'')
        conn.rollback()


# --- faults -------------------------------------------------------------------------------


def test_a_server_gone_mid_edit_is_one_line_and_the_plan_is_as_it_was(server_plan: str) -> None:
    document = open_document(server_plan, author="Ann")
    before = document.plan
    goal = before.goals[0]
    try:
        with admin() as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE application_name = 'Summit Planner: Ann'")
        with pytest.raises(PlanFileError) as lost:
            document.apply(SetField("goals", goal.id, "title", "Never saved"))
        assert "the last change was not saved" in lost.value.why
        assert "\n" not in str(lost.value)
        assert document.plan == before
    finally:
        close_document(document)
    with open_plan(server_plan, read_only=True) as reopened:
        assert reopened.load() == before
        assert reopened.edit_log() == []


def _with_password(url: str, password: str) -> str:
    return url.replace("postgresql://", "postgresql://").replace("@", f":{password}@", 1)


def test_a_wrong_password_is_one_line_that_never_shows_it(server_plan: str) -> None:
    secret = "S3cr3t-Pa55%40word"
    with pytest.raises(PlanFileError) as refused:
        open_plan(_with_password(server_plan, secret))
    message = str(refused.value)
    assert "password authentication failed" in message
    assert "S3cr3t" not in message
    assert "\n" not in message


def test_the_right_password_in_the_address_opens_the_plan(server_plan: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    password = os.environ.get("PGPASSWORD", "")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with open_plan(_with_password(server_plan, password), read_only=True) as opened:
        assert password not in opened.path
        assert opened.load().district.name


def test_an_unreachable_server_is_one_line(demo: model.Plan) -> None:
    with pytest.raises(PlanFileError, match=r"cannot use the server at 127\.0\.0\.1:1 \("):
        create_plan("postgresql://someone:pw@127.0.0.1:1/db?plan=nowhere", demo)


@pytest.mark.parametrize(("query", "why"), [
    ("plan=x;drop%20schema%20public", "cannot name a plan"),
    ("plan=Upper", "cannot name a plan"),
    ("plan=" + "a" * 41, "cannot name a plan"),
    ("plan=pg_catalog", "cannot name a plan"),
    ("plan=", "cannot name a plan"),
    ("plan=a%22b", "cannot name a plan"),
    ("plan=ok&sslmode=disable&options=-c%20search_path%3Devil", "unknown setting 'options'"),
    ("plan=ok&plan=other", "given twice"),
    ("sslmode=disable", "names no plan"),
    ("plan=ok&connect_timeout=soon", "connect_timeout is a whole number of seconds"),
])
def test_a_bad_address_is_refused_before_any_server_is_asked(query: str, why: str) -> None:
    with pytest.raises(PlanFileError, match=why):
        parse_location(f"postgresql://u:pw@127.0.0.1:1/db?{query}")


def test_a_plan_name_with_sql_in_it_changes_nothing_on_the_server(server_plan: str, demo: model.Plan) -> None:
    base = server_base()
    attack = f"{base}?plan=x%22%3B%20DROP%20SCHEMA%20{plan_name(server_plan)}%20CASCADE%3B%20--"
    with pytest.raises(PlanFileError, match="cannot name a plan"):
        create_plan(attack, demo)
    with open_plan(server_plan, read_only=True) as still_there:
        assert still_there.load() == demo


def test_an_edit_log_changed_behind_the_app_is_one_line(server_plan: str) -> None:
    run_as_admin(server_plan, "INSERT INTO {}.edit_log (at, edit) VALUES (now(), 'not json')")
    with open_plan(server_plan, read_only=True) as opened, \
            pytest.raises(PlanFileError, match="its edit log cannot be read"):
        opened.edit_log()


def test_a_boolean_column_defaults_to_false_on_the_server_and_to_0_in_a_file() -> None:
    """The server cannot take ``DEFAULT 0`` for a boolean; a file's text must stay what it always was."""
    from sqlalchemy.dialects import postgresql, sqlite
    from sqlalchemy.schema import CreateTable

    from summit_app.store.schema import server_metadata

    budget = METADATA.tables["budget_lines"]
    file_ddl = str(CreateTable(budget).compile(dialect=sqlite.dialect()))
    server_ddl = str(CreateTable(server_metadata().tables["budget_lines"]).compile(dialect=postgresql.dialect()))
    assert "recurring BOOLEAN DEFAULT 0 NOT NULL" in file_ddl
    assert "recurring BOOLEAN DEFAULT false NOT NULL" in server_ddl
    assert "ON DELETE CASCADE" in str(CreateTable(METADATA.tables["goal_actions"]).compile(dialect=sqlite.dialect()))
    assert "DEFERRABLE INITIALLY DEFERRED" in str(
        CreateTable(server_metadata().tables["goal_actions"]).compile(dialect=postgresql.dialect()))
