"""The phone service's place on the room's server: its role, its private schema, the functions seats call.

``room_phones`` (the service's role) owns ``room_phones``, a schema no other
role is granted anything in: the members' unrevealed scores and dot votes,
the digests of their tokens, and each table's round (what it rates now, or
the dot vote it holds). The role is a member of the facilitator's read-only
role, so it reads each table's plan (its members, to check a token is still
theirs) and writes none.

A table's seats call into ``room_phones_api``: ``SECURITY DEFINER`` functions
that find the caller's table from the role it signed in as (``seat_TABLE``,
the session's own user: ``SET ROLE`` cannot change it) and do only what a
seat may: set the round, say what the round asks (so every seat at the table
shows what any of them asked), list who has rated or voted (member ids, no
scores), and reveal a round's scores, marking them revealed as it returns them.

Every change sends ``pg_notify`` on the table's phone channel with two
numbers, the round and the version (every role hears notifications): never
a score, a note or a name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from summit_app.room.phones.settings import API_SCHEMA, PRIVATE_SCHEMA, ROLE, PhonesSettings
from summit_app.room.server import CONNECT_TIMEOUT, talking
from summit_app.room.state import CERT_FILE, RoomState
from summit_app.store.schema import TABLE_NAMES

#: The longest note a member may add to a score (characters).
NOTE_LIMIT = 500
MAX_DOTS = 20

_PRIVATE = f"""
CREATE TABLE {PRIVATE_SCHEMA}.round (
    table_name text PRIMARY KEY,
    kind text NOT NULL DEFAULT '' CHECK (kind IN ('', 'rate', 'vote')),
    element_id text NOT NULL DEFAULT '',
    revealed boolean NOT NULL DEFAULT false,
    goals jsonb NOT NULL DEFAULT '[]',
    dots integer NOT NULL DEFAULT 0,
    round bigint NOT NULL DEFAULT 0,
    version bigint NOT NULL DEFAULT 0);
CREATE TABLE {PRIVATE_SCHEMA}.token (
    digest bytea PRIMARY KEY,
    table_name text NOT NULL,
    member_id text NOT NULL,
    revoked boolean NOT NULL DEFAULT false,
    issued_at timestamptz NOT NULL DEFAULT now());
CREATE UNIQUE INDEX token_member ON {PRIVATE_SCHEMA}.token (table_name, member_id) WHERE NOT revoked;
CREATE TABLE {PRIVATE_SCHEMA}.rating (
    table_name text NOT NULL,
    element_id text NOT NULL,
    member_id text NOT NULL,
    score integer NOT NULL CHECK (score BETWEEN 0 AND 10),
    note text NOT NULL DEFAULT '' CHECK (length(note) <= {NOTE_LIMIT}),
    revealed boolean NOT NULL DEFAULT false,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (table_name, element_id, member_id));
CREATE TABLE {PRIVATE_SCHEMA}.vote (
    table_name text NOT NULL,
    round bigint NOT NULL,
    member_id text NOT NULL,
    goal_id text NOT NULL,
    dots integer NOT NULL CHECK (dots BETWEEN 1 AND {MAX_DOTS}),
    PRIMARY KEY (table_name, round, member_id, goal_id));

CREATE FUNCTION {PRIVATE_SCHEMA}.channel(t text) RETURNS text LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT 'summit_phones_' || left(encode(sha256(convert_to(t, 'UTF8')), 'hex'), 32) $$;

-- The round's row (made if need be), locked for the caller's transaction.
CREATE FUNCTION {PRIVATE_SCHEMA}.held(t text) RETURNS {PRIVATE_SCHEMA}.round LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE r {PRIVATE_SCHEMA}.round;
BEGIN
    INSERT INTO {PRIVATE_SCHEMA}.round (table_name) VALUES (t) ON CONFLICT DO NOTHING;
    SELECT * INTO r FROM {PRIVATE_SCHEMA}.round WHERE table_name = t FOR UPDATE;
    RETURN r;
END $$;

-- Something changed at table t: a new version (and a new round if what it does changed), heard by listeners.
CREATE FUNCTION {PRIVATE_SCHEMA}.changed(t text, new_round boolean) RETURNS void LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE r bigint; v bigint;
BEGIN
    UPDATE {PRIVATE_SCHEMA}.round SET version = version + 1,
           round = round + CASE WHEN new_round THEN 1 ELSE 0 END
     WHERE table_name = t RETURNING round, version INTO r, v;
    PERFORM pg_notify({PRIVATE_SCHEMA}.channel(t), r::text || '.' || v::text);
END $$;

-- The table of the seat calling (its sign-in role is seat_TABLE), else refused.
CREATE FUNCTION {PRIVATE_SCHEMA}.caller_table() RETURNS text LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE who text := session_user;
BEGIN
    IF who !~ '^seat_[a-z0-9_]{{1,40}}$' OR to_regnamespace(quote_ident(substr(who, 6))) IS NULL THEN
        RAISE EXCEPTION 'only a table''s seats may do this' USING ERRCODE = '42501';
    END IF;
    RETURN substr(who, 6);
END $$;
"""

_API = f"""
CREATE FUNCTION {API_SCHEMA}.rate_now(element text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE t text := {PRIVATE_SCHEMA}.caller_table();
BEGIN
    IF element IS NULL OR element !~ '^[A-Za-z0-9_.-]{{1,80}}$' THEN
        RAISE EXCEPTION 'not an element id' USING ERRCODE = '22023';
    END IF;
    PERFORM {PRIVATE_SCHEMA}.held(t);
    -- a round on an element already revealed starts afresh
    DELETE FROM {PRIVATE_SCHEMA}.rating WHERE table_name = t AND element_id = element AND revealed;
    UPDATE {PRIVATE_SCHEMA}.round SET kind = 'rate', element_id = element, revealed = false,
           goals = '[]', dots = 0 WHERE table_name = t;
    PERFORM {PRIVATE_SCHEMA}.changed(t, true);
END $$;

CREATE FUNCTION {API_SCHEMA}.open_vote(options jsonb, per_member integer) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE t text := {PRIVATE_SCHEMA}.caller_table();
BEGIN
    IF per_member IS NULL OR per_member < 1 OR per_member > {MAX_DOTS} THEN
        RAISE EXCEPTION 'dots per member are 1 to {MAX_DOTS}' USING ERRCODE = '22023';
    END IF;
    IF jsonb_typeof(options) <> 'array' OR jsonb_array_length(options) = 0 THEN
        RAISE EXCEPTION 'a dot vote needs goals' USING ERRCODE = '22023';
    END IF;
    PERFORM {PRIVATE_SCHEMA}.held(t);
    UPDATE {PRIVATE_SCHEMA}.round SET kind = 'vote', element_id = '', revealed = false,
           goals = options, dots = per_member WHERE table_name = t;
    PERFORM {PRIVATE_SCHEMA}.changed(t, true);
END $$;

CREATE FUNCTION {API_SCHEMA}.stop_round() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE t text := {PRIVATE_SCHEMA}.caller_table();
BEGIN
    PERFORM {PRIVATE_SCHEMA}.held(t);
    UPDATE {PRIVATE_SCHEMA}.round SET kind = '', element_id = '', revealed = false, goals = '[]', dots = 0
     WHERE table_name = t;
    PERFORM {PRIVATE_SCHEMA}.changed(t, true);
END $$;

CREATE FUNCTION {API_SCHEMA}.who_rated(element text) RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
    SELECT member_id FROM {PRIVATE_SCHEMA}.rating
     WHERE table_name = {PRIVATE_SCHEMA}.caller_table() AND element_id = element ORDER BY member_id $$;

CREATE FUNCTION {API_SCHEMA}.who_voted() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
    SELECT DISTINCT v.member_id FROM {PRIVATE_SCHEMA}.vote v JOIN {PRIVATE_SCHEMA}.round r
        ON r.table_name = v.table_name AND r.round = v.round AND r.kind = 'vote'
     WHERE v.table_name = {PRIVATE_SCHEMA}.caller_table() ORDER BY v.member_id $$;

CREATE FUNCTION {API_SCHEMA}.reveal(element text)
    RETURNS TABLE (member_id text, score integer, note text) LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $$
DECLARE t text := {PRIVATE_SCHEMA}.caller_table();
BEGIN
    PERFORM {PRIVATE_SCHEMA}.held(t);
    UPDATE {PRIVATE_SCHEMA}.rating x SET revealed = true WHERE x.table_name = t AND x.element_id = element;
    UPDATE {PRIVATE_SCHEMA}.round x SET revealed = true
     WHERE x.table_name = t AND x.kind = 'rate' AND x.element_id = element;
    PERFORM {PRIVATE_SCHEMA}.changed(t, true);
    RETURN QUERY SELECT x.member_id, x.score, x.note FROM {PRIVATE_SCHEMA}.rating x
     WHERE x.table_name = t AND x.element_id = element ORDER BY x.member_id;
END $$;

CREATE FUNCTION {API_SCHEMA}.close_vote() RETURNS TABLE (goal_id text, dots bigint) LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE t text := {PRIVATE_SCHEMA}.caller_table(); r {PRIVATE_SCHEMA}.round;
BEGIN
    r := {PRIVATE_SCHEMA}.held(t);
    IF r.kind <> 'vote' THEN
        RAISE EXCEPTION 'the table holds no dot vote' USING ERRCODE = '55000';
    END IF;
    UPDATE {PRIVATE_SCHEMA}.round x SET kind = '', goals = '[]', dots = 0 WHERE x.table_name = t;
    PERFORM {PRIVATE_SCHEMA}.changed(t, true);
    RETURN QUERY SELECT g.value ->> 'id', coalesce(sum(v.dots), 0)::bigint
      FROM jsonb_array_elements(r.goals) WITH ORDINALITY AS g(value, n)
      LEFT JOIN {PRIVATE_SCHEMA}.vote v ON v.table_name = t AND v.round = r.round AND v.goal_id = g.value ->> 'id'
     GROUP BY g.value ->> 'id', g.n ORDER BY g.n;
END $$;
"""


#: What the caller's table's phones are asked now, whichever seat asked (no scores, no votes): made
#: or replaced every time the service is set up, so a room made before it has it too.
_ASKING = f"""
CREATE OR REPLACE FUNCTION {API_SCHEMA}.asking() RETURNS TABLE (kind text, element_id text, revealed boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT r.kind, r.element_id, r.revealed FROM {PRIVATE_SCHEMA}.round r
     WHERE r.table_name = {PRIVATE_SCHEMA}.caller_table() $$;
"""


def channel(table: str) -> str:
    """The phone channel of ``table``: what the service and the table's seats LISTEN on."""
    return "summit_phones_" + hashlib.sha256(table.encode()).hexdigest()[:32]


def members_table() -> str:
    """The name of the plan's table of team members (in each table's schema)."""
    return TABLE_NAMES["members"]


def connect_options(room: Path, state: RoomState) -> dict[str, Any]:
    """Where the service reaches the room's server: TLS, trusting only the room's own certificate."""
    return {"host": state.server_host, "port": state.port, "dbname": state.database,
            "sslmode": "verify-ca", "sslrootcert": str(room / CERT_FILE), "connect_timeout": CONNECT_TIMEOUT}


def service_options(room: Path, state: RoomState, settings: PhonesSettings) -> dict[str, Any]:
    return {**connect_options(room, state), "user": ROLE, "password": settings.role_password,
            "application_name": "Summit Planner phones"}


@contextmanager
def admin_connection(room: Path, state: RoomState) -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(**connect_options(room, state), user=state.admin_user, password=state.admin_password,
                         application_name="Summit Planner: facilitator") as conn:
        yield conn


def ensure_phones(room: Path, state: RoomState, settings: PhonesSettings) -> None:
    """Make the service's role and schemas the first time; give the role its current password every time."""
    with talking(room, state, "the phone service was not set up"), admin_connection(room, state) as conn:
        role = sql.Identifier(ROLE)
        verifier = conn.pgconn.encrypt_password(settings.role_password.encode(), ROLE.encode(),
                                                b"scram-sha-256").decode("ascii")
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (ROLE,)).fetchone()
        verb = sql.SQL("ALTER") if exists else sql.SQL("CREATE")
        conn.execute(sql.SQL("{} ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {}").format(
            verb, role, sql.Literal(verifier)))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(state.database), role))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(state.facilitator_user), role))
        if conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (PRIVATE_SCHEMA,)).fetchone() is None:
            _make_schemas(conn)
        conn.execute(sql.SQL("SET LOCAL ROLE {}").format(role))
        conn.execute(_ASKING.encode())
        conn.execute("RESET ROLE")
        conn.commit()


def _make_schemas(conn: psycopg.Connection[Any]) -> None:
    role = sql.Identifier(ROLE)
    for schema in (PRIVATE_SCHEMA, API_SCHEMA):
        conn.execute(sql.SQL("CREATE SCHEMA {} AUTHORIZATION {}").format(sql.Identifier(schema), role))
    conn.execute(sql.SQL("REVOKE ALL ON SCHEMA {} FROM PUBLIC").format(sql.Identifier(PRIVATE_SCHEMA)))
    conn.execute(sql.SQL("SET LOCAL ROLE {}").format(role))
    conn.execute(_PRIVATE.encode())
    conn.execute(_API.encode())
    for name in ("channel(text)", "held(text)", "changed(text, boolean)", "caller_table()"):
        conn.execute(f"REVOKE ALL ON FUNCTION {PRIVATE_SCHEMA}.{name} FROM PUBLIC".encode())
    conn.execute("RESET ROLE")
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO PUBLIC").format(sql.Identifier(API_SCHEMA)))
