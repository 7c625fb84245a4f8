"""Write summit_app/store/known_schemas.py: the schema objects of every released plan-file revision.

Opening a plan compares the file's ``sqlite_master`` with these (see
``store/schema_check.py``). Each revision accepts the objects of a file made
new at that revision and of files migrated to it from older ones (a table
rebuild writes the same table with other quoting). Released revisions are
kept as recorded; only the head is recorded again. Run from the checkout
after adding a migration (and a fixture of the revision it replaces, made by
the released app): ``.venv/bin/python tools/record_schemas.py``;
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
from summit_app.store.known_schemas import SCHEMAS  # noqa: E402
from summit_app.store.layout import SCHEMA_VERSION  # noqa: E402
from summit_app.store.plan_file import write_new_file  # noqa: E402
from summit_app.store.schema_check import schema_objects  # noqa: E402

TARGET = ROOT / "summit_app" / "store" / "known_schemas.py"
#: A file of each released revision, made by the app of that revision.
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("plan-r*.techplan"))

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
    """The accepted objects of each revision: released ones as recorded, the head from real files.

    Revisions before the head were recorded when they were released and do not
    change; the head accepts a file made new by this app and each older fixture
    migrated to it.
    """
    head = folder / "head.techplan"
    write_new_file(head, demo_plan())
    schemas: dict[int, Objects] = {rev: {key: set(sqls) for key, sqls in objs.items()}
                                   for rev, objs in SCHEMAS.items() if rev < SCHEMA_VERSION}
    schemas[SCHEMA_VERSION] = {}
    _merge(schemas[SCHEMA_VERSION], objects_of(head))
    for n, fixture in enumerate(FIXTURES):
        migrated = folder / f"migrated-{n}.techplan"
        shutil.copyfile(fixture, migrated)
        migrate.upgrade(migrated)
        _merge(schemas[SCHEMA_VERSION], objects_of(migrated))
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
