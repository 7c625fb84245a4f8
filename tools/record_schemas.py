"""Write summit_app/store/known_schemas.py: the schema objects of every released plan-file revision.

Opening a plan compares the file's ``sqlite_master`` with these (see
``store/schema_check.py``). Each revision accepts the objects of a file made
new at that revision and of a file migrated to it from the one before (a
table rebuild writes the same table with other quoting). Revision 1 also
accepts its fixture, which was made by migrating down. Run from the checkout
after adding a migration: ``.venv/bin/python tools/record_schemas.py``;
tests/store/test_schema_check.py fails until it is run.
"""

from __future__ import annotations

import pprint
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))

from summit_app.plan.samples import demo_plan  # noqa: E402
from summit_app.store import migrate  # noqa: E402
from summit_app.store.layout import SCHEMA_VERSION  # noqa: E402
from summit_app.store.plan_file import write_new_file  # noqa: E402
from summit_app.store.schema_check import normalise, schema_objects  # noqa: E402

TARGET = ROOT / "summit_app" / "store" / "known_schemas.py"
FIXTURE = ROOT / "tests" / "fixtures" / "plan-r1.techplan"
FIXTURE_R2 = ROOT / "tests" / "fixtures" / "plan-r2.techplan"
#: Revisions after 2 that changed data only: their schema objects are revision 2's.
DATA_ONLY = (3,)
#: The column revision 2 added, as it appears in a new file's ``goals`` table.
PRIORITY = ",priority INTEGER"

Objects = dict[tuple[str, str, str], set[str]]


def objects_of(path: Path) -> dict[tuple[str, str, str], str]:
    conn = sqlite3.connect(path)
    try:
        return schema_objects(conn)
    finally:
        conn.close()


def _merge(into: Objects, found: dict[tuple[str, str, str], str]) -> None:
    for key, sql in found.items():
        into.setdefault(key, set()).add(sql)


def record(folder: Path) -> dict[int, Objects]:
    """The accepted objects of each revision, from real files made in ``folder``."""
    head = folder / "head.techplan"
    write_new_file(head, demo_plan())
    schemas: dict[int, Objects] = {SCHEMA_VERSION: {}}
    _merge(schemas[SCHEMA_VERSION], objects_of(head))
    for n, fixture in enumerate((FIXTURE, FIXTURE_R2)):
        migrated = folder / f"migrated-{n}.techplan"
        shutil.copyfile(fixture, migrated)
        migrate.upgrade(migrated)
        _merge(schemas[SCHEMA_VERSION], objects_of(migrated))
    for revision in range(2, SCHEMA_VERSION):
        assert revision + 1 in DATA_ONLY, "a revision that changes the schema needs its own recording here"
        schemas[revision] = {key: set(sqls) for key, sqls in schemas[SCHEMA_VERSION].items()}
        _merge(schemas[revision], objects_of(FIXTURE_R2))
    schemas[1] = {}
    _merge(schemas[1], objects_of(FIXTURE))
    new_at_r1 = {key: normalise(sql.replace(PRIORITY, "")) for key, sql in objects_of(head).items()}
    new_at_r1[("table", "alembic_version", "alembic_version")] = objects_of(FIXTURE)[
        ("table", "alembic_version", "alembic_version")]
    _merge(schemas[1], new_at_r1)
    return schemas


def module_text(schemas: dict[int, Objects]) -> str:
    """The module's text; a revision whose objects equal a later one's is written as that one's name."""
    frozen = {rev: {key: frozenset(sqls) for key, sqls in sorted(objs.items())} for rev, objs in schemas.items()}
    same_as = {rev: next(later for later in sorted(frozen, reverse=True) if frozen[later] == frozen[rev])
               for rev in frozen}
    body = pprint.pformat({rev: objs for rev, objs in frozen.items() if same_as[rev] == rev}, width=110,
                          sort_dicts=True)
    aliases = "".join(f"SCHEMAS[{rev}] = SCHEMAS[{later}]  # no schema change in revision {later}\n"
                      for rev, later in sorted(same_as.items()) if later != rev)
    return (
        '"""The schema objects of every released plan-file revision (written by tools/record_schemas.py).\n\n'
        "(type, name, table) -> the normalised SQL texts accepted for it; see store/schema_check.py.\n"
        '"""\n\n'
        "# ruff: noqa: E501\n\n"
        f"SCHEMAS: dict[int, dict[tuple[str, str, str], frozenset[str]]] = {body}\n"
        f"{aliases}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        TARGET.write_text(module_text(record(Path(folder))), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
