"""Opens an older plan for editing, which upgrades it, and stops inside the upgrade; used by test_upgrade_killed.py.

``upgrade_worker.py PLAN WHERE``: WHERE is the start of the SQL statement to
stop after (the first one run on PLAN itself, not on the copy opening first
checks), or ``commit`` to stop with every statement run and the commit not yet
made. It prints ``stopped`` and waits there for the test to kill it; nothing
in the store is changed, the worker only listens to SQLAlchemy's events.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

import sqlalchemy as sa

from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.plan_file import PlanFile


def _stop() -> None:
    os.write(1, b"stopped\n")  # one write: the test reads it whole
    while True:
        signal.pause()


def main() -> None:
    plan, where = sys.argv[1], sys.argv[2]

    def on_plan(conn: sa.Connection) -> bool:
        return conn.engine.url.database == plan

    if where == "commit":
        @sa.event.listens_for(sa.Engine, "commit")
        def _before_commit(conn: sa.Connection) -> None:
            if on_plan(conn) and conn.exec_driver_sql("PRAGMA user_version").scalar() == SCHEMA_VERSION:
                _stop()
    else:
        @sa.event.listens_for(sa.Engine, "after_cursor_execute")
        def _after(conn: sa.Connection, _cursor: Any, statement: str, *_args: Any) -> None:
            if on_plan(conn) and statement.lstrip().startswith(where):
                _stop()

    PlanFile.open(plan, holder="Upgrader").close()
    os.write(1, b"finished without stopping\n")


if __name__ == "__main__":
    main()
