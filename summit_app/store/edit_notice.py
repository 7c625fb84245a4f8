"""The one trigger a plan's schema on a server may hold: it tells listening seats a new edit's sequence number.

Every row added to the plan's ``edit_log`` sends ``pg_notify(<the plan's
channel>, <the row's id>)``. Notifications reach every session of the
database, whatever its role, so the payload is only the sequence number:
the seat reads the edit itself from the log, through its own privileges.
The channel is derived from the plan's name by a hash, so it is a plain
identifier of fixed length whatever the schema is called. ``server_check``
accepts exactly this trigger and function, and nothing else that runs.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

#: The name of both the trigger on ``edit_log`` and its function, in the plan's schema.
NOTICE_NAME = "summit_edit_notice"
#: ``pg_trigger.tgtype`` of ``AFTER INSERT ... FOR EACH ROW``: ROW (1) | INSERT (4).
_AFTER_INSERT_EACH_ROW = 5


def channel(plan: str) -> str:
    """The notification channel of the plan ``plan`` (a schema name): lower-case letters, digits and ``_``."""
    return "summit_plan_" + hashlib.sha256(plan.encode()).hexdigest()[:32]


def function_body(plan: str) -> str:
    """The PL/pgSQL body of the plan's notice function; the check compares the stored body to this text."""
    return f"BEGIN PERFORM pg_catalog.pg_notify('{channel(plan)}', NEW.id::text); RETURN NULL; END"


def create_edit_notice(conn: sa.Connection, plan: str) -> None:
    """Add the notice function and trigger to a new plan's schema (in the caller's transaction)."""
    preparer = conn.dialect.identifier_preparer
    schema, name = preparer.quote_schema(plan), preparer.quote(NOTICE_NAME)
    body = function_body(plan).replace("'", "''")
    conn.exec_driver_sql(f"CREATE FUNCTION {schema}.{name}() RETURNS trigger LANGUAGE plpgsql AS '{body}'")
    conn.exec_driver_sql(f"CREATE TRIGGER {name} AFTER INSERT ON {schema}.edit_log FOR EACH ROW "
                         f"EXECUTE FUNCTION {schema}.{name}()")


def accepted_notice(conn: sa.Connection, ns: int, plan: str) -> tuple[int, int]:
    """The (trigger oid, function oid) of the plan's notice if it is exactly the app's, else (0, 0).

    Exactly: the function's name, language, result, arguments and body, no
    ``SECURITY DEFINER`` and no settings; the trigger's name, table, timing,
    event, function and nothing more (no condition, columns or arguments).
    """
    row = conn.execute(sa.text(
        "SELECT t.oid, p.oid FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_language l ON l.oid = p.prolang "
        "WHERE c.relnamespace = :ns AND c.relname = 'edit_log' AND t.tgname = :name AND NOT t.tgisinternal "
        "AND t.tgtype = :kind AND t.tgenabled = 'O' AND t.tgqual IS NULL AND t.tgnargs = 0 "
        "AND t.tgattr::text = '' AND t.tgconstraint = 0 AND t.tgoldtable IS NULL AND t.tgnewtable IS NULL "
        "AND p.pronamespace = :ns AND p.proname = :name AND l.lanname = 'plpgsql' AND p.prokind = 'f' "
        "AND p.prorettype = 'pg_catalog.trigger'::pg_catalog.regtype AND p.pronargs = 0 "
        "AND NOT p.prosecdef AND p.proconfig IS NULL AND p.prosrc = :body"),
        {"ns": ns, "name": NOTICE_NAME, "kind": _AFTER_INSERT_EACH_ROW, "body": function_body(plan)}).first()
    return (0, 0) if row is None else (int(row[0]), int(row[1]))
