"""Schema migrations with Alembic, done the way that cannot lose rows.

Foreign keys are turned off before the transaction begins (SQLite ignores the
pragma inside one), so a batch table rebuild cannot cascade-delete children;
``PRAGMA foreign_key_check`` must come back empty before the commit; the file
is backed up beside itself first.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from summit_app.store import guard
from summit_app.store.engine import make_engine
from summit_app.store.errors import PlanFileError

#: Alembic revision id for each schema revision (``PRAGMA user_version``).
REVISIONS = {1: "0001", 2: "0002", 3: "0003", 4: "0004", 5: "0005"}


def _config(conn: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "summit_app.store:migrations")
    cfg.attributes["connection"] = conn
    return cfg


def stamp_head(conn: sa.Connection, schema: str | None = None) -> None:
    """Record the head revision in a new file, or a new plan's ``schema`` on a server (in the caller's transaction)."""
    script = ScriptDirectory.from_config(_config())
    opts = {"version_table_schema": schema} if schema else {}
    MigrationContext.configure(conn, opts=opts).stamp(script, "head")


def backup_path(path: Path, revision: int) -> Path:
    candidate = path.with_name(f"{path.stem}.before-upgrade-r{revision}{path.suffix}.bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.before-upgrade-r{revision}-{n}{path.suffix}.bak")
        n += 1
    return candidate


def backup(path: Path, target: Path) -> None:
    """A byte-for-byte copy of the file as it was, made while SQLite's shared lock keeps writers out.

    Not the backup API: that writes a new database (other header counters), and
    the backup should be exactly the file the person had, for an older app to open.
    """
    con = guard.connect(path, mode="ro")
    try:
        con.execute("BEGIN")
        con.execute("SELECT count(*) FROM sqlite_master").fetchall()  # takes the shared lock
        with path.open("rb") as src, target.open("xb") as dest:
            shutil.copyfileobj(src, dest)
            dest.flush()
            os.fsync(dest.fileno())
        con.execute("COMMIT")
    finally:
        con.close()


def backup_and_upgrade(path: Path, revision: int) -> Path:
    """Back the file up beside itself, then migrate it to the head revision."""
    target = backup_path(path, revision)
    backup(path, target)
    upgrade(path)
    return target


def _run(path: Path, revision: str, downgrade: bool = False) -> None:
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn, conn.begin():
            cfg = _config(conn)
            (command.downgrade if downgrade else command.upgrade)(cfg, revision)
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise PlanFileError(str(path), f"upgrading would break {len(problems)} links between "
                                               "items; the file was left as it was")
            number = next(n for n, r in REVISIONS.items() if r == revision)
            conn.exec_driver_sql(f"PRAGMA user_version={number}")
    finally:
        engine.dispose()


def upgrade(path: Path) -> None:
    """Migrate a closed plan file to the head revision in one transaction."""
    _run(path, REVISIONS[max(REVISIONS)])


def downgrade(path: Path, revision: int) -> None:
    """Used only to make the fixture files of older revisions."""
    _run(path, REVISIONS[revision], downgrade=True)
