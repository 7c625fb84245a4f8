"""What a plan file holds on disk: integer cents, UTC times, and copies that are whole plans."""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fixture_types import plan_file_of

from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.plan.interchange import fingerprint
from summit_app.plan.rules import PlanRuleError
from summit_app.store.errors import PlanFileError
from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.plan_file import PlanFile, close_document, open_document
from summit_app.store.schema import APPLICATION_ID

MakePlan = Callable[..., Path]
LARGEST = Decimal("999999999999999.99")  # the largest amount the rules allow


def query(path: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _with_amounts(demo: model.Plan) -> model.Plan:
    lines = list(demo.budget)
    lines[0] = dataclasses.replace(lines[0], unit_cost=LARGEST, quantity=1)
    lines[1] = dataclasses.replace(lines[1], unit_cost=Decimal("0.07"))
    lines[2] = dataclasses.replace(lines[2], unit_cost=Decimal("1234.5"))
    source = dataclasses.replace(demo.funding[0], amounts=(LARGEST, Decimal("0.01"), Decimal("10"),
                                                           Decimal("0"), Decimal("123456789012.34")))
    return demo.replace(budget=tuple(lines), funding=(source, *demo.funding[1:]))


def test_money_is_stored_as_integer_cents(make_plan_file: MakePlan, demo: model.Plan) -> None:
    plan = _with_amounts(demo)
    path = make_plan_file(plan)
    columns = {row[1]: row[2] for row in query(path, "PRAGMA table_info(budget_lines)")}
    assert columns["unit_cost"] == "BIGINT"
    ids = [line.id for line in plan.budget[:3]]
    stored = query(path, "SELECT unit_cost, typeof(unit_cost) FROM budget_lines WHERE id IN (?, ?, ?) "
                         "ORDER BY position", *ids)
    assert stored == [(99999999999999999, "integer"), (7, "integer"), (123450, "integer")]
    assert query(path, "SELECT DISTINCT typeof(hours) FROM learning_activities") == [("integer",)]
    sql = "SELECT amounts_1, amounts_2, amounts_5 FROM funding_sources WHERE id = ?"
    amounts = query(path, sql, plan.funding[0].id)
    assert amounts == [(99999999999999999, 1, 12345678901234)]


def test_large_amounts_keep_their_cents(make_plan_file: MakePlan, demo: model.Plan) -> None:
    plan = _with_amounts(demo)
    with PlanFile.open(make_plan_file(plan), read_only=True) as plan_file:
        loaded = plan_file.load()
    assert loaded.budget[0].unit_cost == LARGEST
    assert str(loaded.budget[0].unit_cost) == "999999999999999.99"
    assert loaded.funding[0].amounts == plan.funding[0].amounts
    assert loaded == plan


def test_sql_totals_are_exact_integers(make_plan_file: MakePlan, demo: model.Plan) -> None:
    path = make_plan_file(demo)
    (total,), = query(path, "SELECT sum(unit_cost * quantity) FROM budget_lines")
    assert isinstance(total, int)
    assert Decimal(total).scaleb(-2) == sum(line.cost_per_year() for line in demo.budget)


def test_an_edited_amount_is_stored_in_cents_and_a_float_is_refused(make_plan_file: MakePlan) -> None:
    path = make_plan_file(model.Plan(budget=(model.BudgetLine("line-1", "Chromebooks"),)))
    document = open_document(path)
    try:
        document.apply(SetField("budget", "line-1", "unit_cost", Decimal("329.99")))
        with pytest.raises(PlanRuleError, match="Unit cost must be a number"):
            document.apply(SetField("budget", "line-1", "unit_cost", 0.1))
    finally:
        close_document(document)
    assert query(path, "SELECT unit_cost FROM budget_lines") == [(32999,)]


def test_times_are_stored_in_utc_and_come_back_aware(make_plan_file: MakePlan) -> None:
    signed_at = datetime(2026, 6, 11, 18, 30, 5, 250000, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    path = make_plan_file()
    document = open_document(path, author="Karen")
    try:
        document.apply(SetField("signature", "", "signed_at", signed_at))
    finally:
        close_document(document)
    assert query(path, "SELECT signed_at FROM signature") == [("2026-06-11 13:00:05.250000",)]
    with PlanFile.open(path, read_only=True) as plan_file:
        loaded = plan_file.load().signature.signed_at
        logged = plan_file.edit_log()[0].at
    assert loaded == signed_at
    assert loaded is not None
    assert loaded.tzinfo is UTC
    assert logged.tzinfo is UTC
    assert abs(datetime.now(UTC) - logged) < timedelta(minutes=5)


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Kolkata"])
def test_edit_log_since_a_time_is_right_in_any_local_time_zone(
    make_plan_file: MakePlan, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    """What changed since the plan was signed, on a computer whose clock is not set to UTC."""
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        document = open_document(make_plan_file())
        try:
            document.apply(SetField("district", "", "name", "Before signing"))
            signed_at = datetime.now(UTC)
            time.sleep(0.01)
            document.apply(SetField("district", "", "name", "After signing"))
            since = document.backend.edit_log(since=signed_at)
        finally:
            close_document(document)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [entry.edit.value for entry in since] == ["After signing"]


def test_a_time_without_a_zone_is_refused(make_plan_file: MakePlan) -> None:
    document = open_document(make_plan_file())
    try:
        with pytest.raises(PlanRuleError, match="must be a date and time with a time zone"):
            document.apply(SetField("signature", "", "signed_at", datetime(2026, 6, 11, 18, 30)))
    finally:
        close_document(document)


def test_save_a_copy_is_one_whole_plan_file(make_plan_file: MakePlan, demo: model.Plan, tmp_path: Path) -> None:
    path = make_plan_file(demo)
    copies = tmp_path / "copies"
    copies.mkdir()
    document = open_document(path, author="Karen")
    try:
        document.apply(SetField("district", "", "name", "Cedar Valley USD (copy for the board)"))
        document.backend.save_copy(copies / "board.techplan")
        plan = document.plan
    finally:
        close_document(document)
    copy = copies / "board.techplan"
    assert sorted(p.name for p in copies.iterdir()) == ["board.techplan"]  # no -journal, no lock
    assert query(copy, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert query(copy, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert query(copy, "PRAGMA journal_mode") == [("delete",)]
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    with PlanFile.open(copy) as plan_file:
        assert plan_file.load() == plan
        assert fingerprint(plan_file.load()) == fingerprint(plan)
        assert [e.label for e in plan_file.edit_log()] == [""]


def test_save_a_copy_never_overwrites(make_plan_file: MakePlan, tmp_path: Path) -> None:
    path = make_plan_file()
    other = tmp_path / "other.techplan"
    other.write_bytes(b"someone else's work")
    with PlanFile.open(path, read_only=True) as plan_file, pytest.raises(PlanFileError, match="already exists"):
        plan_file.save_copy(other)
    assert other.read_bytes() == b"someone else's work"


def test_save_a_copy_where_it_cannot_be_written_says_so(make_plan_file: MakePlan, tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "copy.techplan"
    with PlanFile.open(make_plan_file(), read_only=True) as plan_file, pytest.raises(PlanFileError) as caught:
        plan_file.save_copy(target)
    assert (caught.value.what, caught.value.why) == (str(target), "cannot be written (unable to open database file)")


def test_schema_version_of_an_open_plan_does_not_block_its_edits(make_plan_file: MakePlan) -> None:
    document = open_document(make_plan_file())
    try:
        assert plan_file_of(document).schema_version() == SCHEMA_VERSION
        document.apply(SetField("district", "", "name", "Oak Grove"))
        assert document.backend.load().district.name == "Oak Grove"
    finally:
        close_document(document)
