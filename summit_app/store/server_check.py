"""A plan's schema on a server must hold exactly the app's tables and columns, and nothing that runs.

The file check (``schema_check``) compares SQLite's own text of each object;
on PostgreSQL the catalogue is read instead: the plan's schema must hold the
tables of ``schema.METADATA`` (and Alembic's revision table), each with the
app's columns and types, their keys' indexes, the edit log's sequence — and no
trigger, rule, function, view, type or policy, any of which would run or
change what the app reads and writes, except exactly the edit log's notice
trigger and its function (``edit_notice``). The seats' presence table
(``presence``) may sit beside them: it is not part of the plan, and is never
read as the plan. Only ``pg_catalog`` is read.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from summit_app.store.edit_notice import accepted_notice
from summit_app.store.errors import PlanFileError
from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.presence import PRESENCE_RELATIONS
from summit_app.store.schema import METADATA
from summit_app.store.schema_check import shown

VERSION_TABLE = "alembic_version"
#: How ``format_type`` spells the types SQLAlchemy writes as DDL.
_TYPE_NAMES = {"VARCHAR": "character varying", "TIMESTAMP WITHOUT TIME ZONE": "timestamp without time zone"}
_RELATION_KINDS = {"r": "table", "i": "index", "S": "sequence", "v": "view", "m": "materialized view",
                   "c": "type", "f": "foreign table", "p": "table", "I": "index"}

#: Objects that run code or change what a query sees, by kind: (kind word, query of their names).
_RUNNABLE = (
    ("trigger", "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE c.relnamespace = :ns AND NOT t.tgisinternal AND t.oid <> :trigger"),
    ("rule", "SELECT r.rulename FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class "
             "WHERE c.relnamespace = :ns AND c.relkind <> 'v' AND c.relkind <> 'm'"),
    ("policy", "SELECT p.polname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace = :ns"),
    ("function", "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = :ns AND p.oid <> :function"),
    # A table's row type and any array type come with something else this check names.
    ("type", "SELECT t.typname FROM pg_type t WHERE t.typnamespace = :ns AND t.typrelid = 0 "
             "AND t.typcategory <> 'A'"),
    ("operator", "SELECT o.oprname FROM pg_operator o WHERE o.oprnamespace = :ns"),
)


def expected_relations() -> dict[str, str]:
    """Name → kind of every relation a plan's schema holds."""
    out = {VERSION_TABLE: "table", f"{VERSION_TABLE}_pkc": "index"}
    for t in METADATA.tables.values():
        out[t.name] = "table"
        out[str(t.primary_key.name)] = "index"
        serial = t.autoincrement_column  # an integer key is SERIAL on PostgreSQL: it has a sequence
        if serial is not None:
            out[f"{t.name}_{serial.name}_seq"] = "sequence"
    return out


def expected_columns(t: sa.Table) -> dict[str, str]:
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    out: dict[str, str] = {}
    for column in t.columns:
        ddl = column.type.compile(dialect=dialect)
        out[column.name] = _TYPE_NAMES.get(ddl, ddl.lower())
    return out


def namespace(conn: sa.Connection, plan: str) -> int | None:
    """The schema's oid, or None if the server has no schema of that name."""
    oid = conn.execute(sa.text("SELECT oid FROM pg_namespace WHERE nspname = :n"), {"n": plan}).scalar()
    return None if oid is None else int(oid)


def server_schema_problem(conn: sa.Connection, ns: int, plan: str) -> str | None:
    """Why the schema ``ns`` of the plan ``plan`` is not a plan's, or None if it is exactly the app's."""
    trigger, function = accepted_notice(conn, ns, plan)
    for kind, query in _RUNNABLE:
        params = {"ns": ns, "trigger": trigger, "function": function}
        name = conn.execute(sa.text(query + " ORDER BY 1 LIMIT 1"), params).scalar()
        if name is not None:
            return f"it contains a {kind} ({shown(str(name))}), which a plan never has"
    found = {str(n): _RELATION_KINDS.get(str(k), "schema object") for n, k in conn.execute(
        sa.text("SELECT relname, relkind FROM pg_class WHERE relnamespace = :ns ORDER BY relname"), {"ns": ns})}
    expected = expected_relations()
    for name, kind in found.items():
        if expected.get(name) != kind and PRESENCE_RELATIONS.get(name) != kind:  # seats' presence: not the plan's
            return f"it contains a {kind} ({shown(name)}) that a plan never has"
    for name, kind in expected.items():
        if name not in found:
            return f"its {kind} {shown(name)} is missing"
    columns = _columns(conn, ns)
    for t in METADATA.tables.values():
        if columns.get(t.name, {}) != expected_columns(t):
            return f"its table {shown(t.name)} is not defined as a plan's is"
    return None


def _columns(conn: sa.Connection, ns: int) -> dict[str, dict[str, str]]:
    """Every table's columns in the schema, by table (one question: seats ask it again on each reconnect)."""
    rows = conn.execute(sa.text(
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
        "JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = :ns AND c.relkind = 'r' "
        "AND a.attnum > 0 AND NOT a.attisdropped"), {"ns": ns})
    tables: dict[str, dict[str, str]] = {}
    for table, name, kind in rows:
        tables.setdefault(str(table), {})[str(name)] = str(kind)
    return tables


def check_server_schema(conn: sa.Connection, plan: str, what: str) -> None:
    """``PlanFileError`` unless the server has a plan ``plan`` whose schema is exactly the app's."""
    ns = namespace(conn, plan)
    if ns is None:
        raise PlanFileError(what, f"the server has no plan named {plan!r}; create it with: summit-app new")
    problem = server_schema_problem(conn, ns, plan)
    if problem is not None:
        raise PlanFileError(what, f"it is not a Summit Planner plan: {problem}; it was not opened, "
                                  "and nothing in it was run")
    check_server_revision(conn, plan, what)


def check_server_revision(conn: sa.Connection, plan: str, what: str) -> None:
    """``PlanFileError`` unless the plan's revision is this version's (``check_server_schema`` checks it all).

    Enough for a seat connecting again: it checked the whole schema when it
    opened the plan, and a table's role may not change a schema.
    """
    revision = plan_revision(conn, plan)
    if revision is None:
        raise PlanFileError(what, "its plan format is not one this version of Summit Planner knows; "
                                  "it was not opened")
    if revision != SCHEMA_VERSION:  # plans on a server are made at the head revision; none is migrated yet
        raise PlanFileError(what, f"its plan format {revision} is not this version's ({SCHEMA_VERSION}); "
                                  "it was not opened")


def plan_revision(conn: sa.Connection, plan: str) -> int | None:
    """The schema revision Alembic recorded in the plan's schema, or None if it is not one this app knows."""
    from summit_app.store.migrate import REVISIONS

    version = sa.table(VERSION_TABLE, sa.column("version_num"), schema=plan)
    found = conn.execute(sa.select(version.c.version_num)).scalars().all()
    by_revision = {r: n for n, r in REVISIONS.items()}
    return by_revision.get(found[0]) if len(found) == 1 else None
