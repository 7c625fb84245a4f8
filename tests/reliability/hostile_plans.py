"""Hostile but well-formed plan files: the right application id and revision, and something no plan holds.

Each maker turns a copy of a good plan (the demo district) into one hostile
file at ``path``, with plain sqlite3 as anyone could: values the format
forbids in every table (each kind of column's extremes, wrong types, bad
dates and choices, dangling links), triggers that would run on the next edit,
views (an endless recursive one among them) in place of tables, tables and
indexes a plan never has, changed column definitions, and crash journals that
belong to another file. Opening any of them must refuse it in one line, run
nothing in it, and change nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

Maker = Callable[[Path, Path], None]

#: The demo plan as the first released plan format wrote it (opening upgrades it).
REVISION_1 = Path(__file__).resolve().parents[1] / "fixtures" / "plan-r1.techplan"
#: The signed demo plan as the revision-3 app wrote it, before the plan checks' fields (opening upgrades it).
REVISION_3 = Path(__file__).resolve().parents[1] / "fixtures" / "plan-r3.techplan"

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
#: Ids of the nesting depth that overflows a recursive JSON parser.
DEEP_LIST = "[" * 100_000 + "]" * 100_000


def _sql(*statements: str, parameters: tuple[object, ...] = ()) -> Maker:
    """A maker that runs ``statements`` on the copy (the last one with ``parameters``)."""

    def make(path: Path, good: Path) -> None:
        shutil.copyfile(good, path)
        con = sqlite3.connect(path, isolation_level=None)
        try:
            for statement in statements[:-1]:
                con.execute(statement)
            con.execute(statements[-1], parameters)
        finally:
            con.close()

    return make


def _value(table: str, column: str, value: object, where: str = "") -> Maker:
    """One stored value replaced (in the first row, or those ``where`` picks)."""
    row = where or f"rowid = (SELECT min(rowid) FROM {table})"
    return _sql(f"UPDATE {table} SET {column} = ? WHERE {row}", parameters=(value,))


def _rebuilt(table: str, old: str, new: str) -> Maker:
    """``table`` made again with its definition changed (``old`` replaced by ``new`` in its SQL), rows kept."""

    def make(path: Path, good: Path) -> None:
        shutil.copyfile(good, path)
        con = sqlite3.connect(path, isolation_level=None)
        try:
            (sql,) = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
            assert old in sql, sql
            con.execute("PRAGMA foreign_keys=OFF")
            con.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
            con.execute(sql.replace(old, new))
            con.execute(f"INSERT INTO {table} SELECT * FROM {table}_old")
            con.execute(f"DROP TABLE {table}_old")
        finally:
            con.close()

    return make


def _view_in_place_of(table: str, select: str) -> Maker:
    """``table`` renamed away and a view of that name put in its place."""
    return _sql(f"ALTER TABLE {table} RENAME TO {table}_kept", f"CREATE VIEW {table} AS {select}")


#: An endless recursive query over the kept rows, sorted, so it would fill the temporary disk.
_ENDLESS = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
            "SELECT b.* FROM n, {table}_kept AS b ORDER BY n.i DESC")


def _journal_of(other: Callable[[Path, Path], None]) -> Maker:
    """The good plan with the crash journal of another database beside it (that database made by ``other``)."""

    def make(path: Path, good: Path) -> None:
        shutil.copyfile(good, path)
        source = path.with_name("other.db")
        other(source, good)
        con = sqlite3.connect(source, isolation_level=None)
        try:
            con.execute("PRAGMA cache_size=1")  # the change spills to the file: the journal is synced and hot
            con.execute("BEGIN IMMEDIATE")
            for table in ("team_members", "budget_lines", "goals", "district"):
                if con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone():
                    con.execute(f"UPDATE {table} SET rowid = rowid")
            con.execute("CREATE TABLE IF NOT EXISTS filler (x)")
            con.execute("INSERT INTO filler SELECT zeroblob(3000) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3)")
            shutil.copyfile(source.with_name(source.name + "-journal"), path.with_name(path.name + "-journal"))
            con.execute("ROLLBACK")
        finally:
            con.close()
        source.unlink()

    return make


def _another_plan(path: Path, good: Path) -> None:
    """Another district's plan, edited many times (so its pages are not this plan's)."""
    shutil.copyfile(good, path)
    con = sqlite3.connect(path, isolation_level=None)
    for n in range(40):
        con.execute("UPDATE district SET name = ?", (f"Another district {n}",))
        con.execute("INSERT INTO plan_info VALUES (?, ?)", (f"note {n}", "x" * 2000))
    con.close()


def _small_pages(path: Path, good: Path) -> None:
    """The plan again, with 1 KiB pages."""
    shutil.copyfile(good, path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA page_size=1024")
    con.execute("VACUUM")
    con.close()


def _recipes(path: Path, good: Path) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    con.executemany("INSERT INTO recipes VALUES (?, ?)", [(f"dish {n}", n) for n in range(400)])
    con.close()


def _at_revision_1(maker: Maker) -> Maker:
    """``maker``'s change made to a file of the first plan format (which opening for editing would upgrade)."""
    return lambda path, good: maker(path, REVISION_1)


def _at_revision_3(maker: Maker) -> Maker:
    """``maker``'s change made to a revision-3 file (which opening for editing would upgrade)."""
    return lambda path, good: maker(path, REVISION_3)


def _upgrade_row(budget_line_ids: str) -> Maker:
    """A network upgrade paid by ``budget_line_ids`` (a JSON text) added to the plan."""
    return _sql("INSERT INTO network_upgrades (id, position, title, budget_line_ids) "
                "VALUES ('upgrade-x', 0, 'Fiber', ?)", parameters=(budget_line_ids,))


_MULTIPLY_COSTS = ("CREATE TRIGGER log_costs AFTER INSERT ON edit_log BEGIN "
                   "UPDATE budget_lines SET unit_cost = unit_cost * 10; "
                   "DELETE FROM edit_log WHERE id < NEW.id; END")

HOSTILE_PLANS: dict[str, Maker] = {
    # -- district: the plan's years and counts -----------------------------------------------
    "district-first-year-0": _value("district", "first_fiscal_year", 0),
    "district-first-year-1000": _value("district", "first_fiscal_year", 1000),
    "district-first-year-int64-max": _value("district", "first_fiscal_year", INT64_MAX),
    "district-plan-years-0": _value("district", "plan_years", 0),
    "district-plan-years-int64-max": _value("district", "plan_years", INT64_MAX),
    "district-plan-years-int64-min": _value("district", "plan_years", INT64_MIN),
    "district-enrollment-lots": _value("district", "enrollment", "lots"),
    "district-enrollment-negative": _value("district", "enrollment", -1),
    "district-schools-1e300": _value("district", "schools", 1e300),
    "district-name-blob": _value("district", "name", b"\x00\xff" * 5000),
    "district-summit-date-words": _value("district", "summit_date", "someday"),
    "district-summit-date-feb-30": _value("district", "summit_date", "2027-02-30"),
    "district-summit-date-compact": _value("district", "summit_date", "20270214"),
    "district-erate-discount-95": _value("district", "erate_discount_percent", 95),
    # -- budget lines ------------------------------------------------------------------------------
    "budget-unit-cost-abc": _value("budget_lines", "unit_cost", "abc"),
    "budget-unit-cost-1e300": _value("budget_lines", "unit_cost", 1e300),
    "budget-unit-cost-nan-text": _value("budget_lines", "unit_cost", "NaN"),
    "budget-unit-cost-blob": _value("budget_lines", "unit_cost", b"\x01\x02\x03"),
    "budget-unit-cost-negative": _value("budget_lines", "unit_cost", -100),
    "budget-unit-cost-int64-max": _value("budget_lines", "unit_cost", INT64_MAX),
    "budget-unit-cost-int64-min": _value("budget_lines", "unit_cost", INT64_MIN),
    "budget-quantity-negative": _value("budget_lines", "quantity", -5),
    "budget-first-year-outside": _value("budget_lines", "first_year", 1999),
    "budget-category-unknown": _value("budget_lines", "category", "rocket-fuel"),
    "budget-goal-link-dangling": _value("budget_lines", "goal_id", "no-such-goal"),
    "budget-recurring-2": _value("budget_lines", "recurring", 2),
    "budget-id-empty": _value("budget_lines", "id", ""),
    "budget-id-blob": _value("budget_lines", "id", b"\x1b[31m"),
    "budget-goal-link-blob": _value("budget_lines", "goal_id", b"\x00goal"),
    "budget-match-source-dangling": _value("budget_lines", "match_source_id", "no-such-source"),
    "budget-delivery-date-words": _value("budget_lines", "delivery_date", "after the summer"),
    "budget-erate-category-unknown": _value("budget_lines", "erate_category", "category-9"),
    "budget-replaces-devices-text": _value("budget_lines", "replaces_devices", "yes"),
    # -- network upgrades and accepted findings ------------------------------------------------------
    "upgrade-budget-links-dangling": _upgrade_row('["no-such-line"]'),
    "upgrade-budget-links-not-a-list": _upgrade_row('{"line": 1}'),
    "upgrade-wifi-coverage-101": _sql(
        "INSERT INTO network_upgrades (id, position, title, wifi_coverage_percent) VALUES ('u', 0, 'Wi-Fi', 101)"),
    "acceptance-role-unknown": _sql(
        "INSERT INTO accepted_findings (id, position, rule, reason, role) "
        "VALUES ('a', 0, 'budget.unfunded', 'Board decides', 'emperor')"),
    # -- goals, learning, timeline, privacy, devices, readiness, funding ---------------------------
    "goal-due-date-words": _value("goals", "due_date", "next spring"),
    "goal-alignment-not-a-list": _value("goals", "iste_conditions", '{"a": 1}'),
    "goal-alignment-deeply-nested": _value("goals", "iste_conditions", DEEP_LIST),
    "goal-alignment-unknown-choice": _value("goals", "iste_conditions", '["no-such-condition"]'),
    "goal-alignment-truncated-json": _value("goals", "iste_conditions", '["shared-vision"'),
    "learning-ends-before-it-starts": _sql(
        "UPDATE learning_activities SET start_date = '2027-09-01', end_date = '2027-08-01' "
        "WHERE rowid = (SELECT min(rowid) FROM learning_activities)"),
    "learning-goal-links-dangling": _value("learning_activities", "goal_ids", '["gone-1", "gone-2"]'),
    "learning-hours-empty-string": _value("learning_activities", "hours", ""),
    "milestone-status-unknown": _value("milestones", "status", "exploded"),
    "milestone-kind-unknown": _value("milestones", "kind", "party"),
    "learning-purpose-unknown": _value("learning_activities", "purpose", "fun"),
    "milestone-goal-links-twice": _sql(
        "UPDATE milestones SET goal_ids = json_array((SELECT id FROM goals LIMIT 1), (SELECT id FROM goals LIMIT 1))"
        " WHERE rowid = (SELECT min(rowid) FROM milestones)"),
    "privacy-agreement-date-huge-text": _value("privacy_apps", "agreement_date", "2027-01-01" * 100_000),
    "device-count-negative": _value("devices", "count", -3),
    "readiness-score-11": _value("readiness_ratings", "score", 11),
    "readiness-unknown-element": _value("readiness_ratings", "id", "no-such-element"),
    "member-rating-member-dangling": _sql(
        "INSERT INTO member_ratings (id, position, element_id, member_id, score) "
        "VALUES ('mr-x', 99, (SELECT id FROM readiness_ratings LIMIT 1), 'nobody', 3)"),
    "funding-amount-negative": _value("funding_sources", "amounts_1", -1),
    "network-mbps-text": _value("network", "internet_mbps", "fast"),
    "signature-signed-at-words": _value("signature", "signed_at", "yesterday"),
    "signature-signed-at-with-offset": _value("signature", "signed_at", "2027-01-01 10:00:00+05:00"),
    "edit-log-entry-not-json": _sql(
        "INSERT INTO edit_log (at, author, label, edit) VALUES ('2027-01-01 10:00:00.000000', 'x', 'y', 'not json')"),
    "edit-log-time-blob": _sql(
        "INSERT INTO edit_log (at, author, label, edit) VALUES (x'00ff', 'x', 'y', '{}')"),
    # -- triggers ------------------------------------------------------------------------------------
    "trigger-multiplies-costs-on-signing": _sql(_MULTIPLY_COSTS),
    "trigger-on-update-of-signature": _sql(
        "CREATE TRIGGER keep_unsigned AFTER UPDATE ON signature BEGIN UPDATE signature SET fingerprint = ''; END"),
    "trigger-on-delete-of-goals": _sql(
        "CREATE TRIGGER wipe AFTER DELETE ON goals BEGIN DELETE FROM budget_lines; END"),
    "trigger-on-insert-of-members": _sql(
        "CREATE TRIGGER grow AFTER INSERT ON team_members BEGIN "
        "INSERT INTO plan_info SELECT hex(randomblob(8)), zeroblob(1000000); END"),
    # -- views in place of tables, extra objects, changed definitions --------------------------------
    "view-endless-in-place-of-budget-lines": _view_in_place_of("budget_lines", _ENDLESS.format(table="budget_lines")),
    "view-endless-in-place-of-district": _view_in_place_of("district", _ENDLESS.format(table="district")),
    "view-in-place-of-plan-info": _view_in_place_of("plan_info", "SELECT * FROM plan_info_kept"),
    "view-extra": _sql("CREATE VIEW totals AS SELECT sum(unit_cost) FROM budget_lines"),
    "table-extra": _sql("CREATE TABLE notes (text TEXT)"),
    "table-missing": _sql("DROP TABLE plan_info"),
    "index-extra": _sql("CREATE INDEX ix_cost ON budget_lines (unit_cost)"),
    "column-added": _sql("ALTER TABLE goals ADD COLUMN secret TEXT"),
    "column-generated": _sql("ALTER TABLE budget_lines ADD COLUMN doubled INTEGER AS (unit_cost * 2)"),
    "column-type-changed": _rebuilt("team_members", "name TEXT DEFAULT '' NOT NULL", "name BLOB"),
    "column-default-changed": _rebuilt("devices", "count INTEGER DEFAULT 0 NOT NULL",
                                       "count INTEGER DEFAULT 7 NOT NULL"),
    "check-constraint-added": _rebuilt("budget_lines", "CONSTRAINT pk_budget_lines",
                                       "CHECK (unit_cost > 0), CONSTRAINT pk_budget_lines"),
    # -- a file of the first plan format, which opening for editing upgrades in place -------------------
    "revision-1-unit-cost-negative": _at_revision_1(_value("budget_lines", "unit_cost", -100)),
    "revision-1-due-date-words": _at_revision_1(_value("goals", "due_date", "soon")),
    "revision-1-trigger": _at_revision_1(_sql(_MULTIPLY_COSTS)),
    "revision-3-funding-link-dangling": _at_revision_3(_value("budget_lines", "funding_source_id", "gone")),
    "revision-3-trigger": _at_revision_3(_sql(_MULTIPLY_COSTS)),
    "revision-3-column-of-revision-4": _at_revision_3(_sql(
        "ALTER TABLE budget_lines ADD COLUMN match_source_id VARCHAR")),
    # -- crash journals from elsewhere -----------------------------------------------------------------
    "journal-of-another-plan": _journal_of(_another_plan),
    "journal-with-other-page-size": _journal_of(_small_pages),
    "journal-of-another-database": _journal_of(_recipes),
}
