"""Opening a plan reads it with sqlite3 alone, and gets exactly what the SQLAlchemy path reads.

The quick path (``fast_read``) is what every app start and roll-up uses; the
portable path (``read_plan`` through SQLAlchemy) is what a shared server will
use. They must never disagree, down to a Decimal's places and a time's zone.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from fixture_types import plan_file_of
from hypothesis import HealthCheck, given, settings
from strategies import plans

from summit_app.plan import model
from summit_app.plan.edits import MoveItem, RemoveItem, SetField
from summit_app.store.engine import make_engine
from summit_app.store.errors import PlanFileError
from summit_app.store.layout import SCHEMA_VERSION
from summit_app.store.plan_file import PlanFile, close_document, open_document, read_plan

MakePlan = Callable[..., Path]


def _portable(path: Path) -> model.Plan:
    engine = make_engine(path, read_only=True)
    try:
        with engine.connect() as conn, conn.begin():
            return read_plan(conn)
    finally:
        engine.dispose()


def _quick(path: Path) -> model.Plan:
    with PlanFile.open(path, read_only=True) as plan_file:
        return plan_file.load()


def _assert_same_plan(quick: model.Plan, portable: model.Plan) -> None:
    assert quick == portable
    assert repr(quick) == repr(portable)  # also Decimal places, time zones, tuple vs list


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_quick_and_portable_reads_give_the_same_plan(plan: model.Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.techplan"
        PlanFile.create(path, plan).close()
        quick, portable = _quick(path), _portable(path)
    _assert_same_plan(quick, portable)
    assert quick == plan


def test_the_demo_reads_the_same_both_ways(demo: model.Plan, make_plan_file: MakePlan) -> None:
    path = make_plan_file(demo)
    quick = _quick(path)
    _assert_same_plan(quick, _portable(path))
    assert quick == demo
    assert quick.budget[0].unit_cost.as_tuple().exponent == -2


def test_items_come_back_in_their_places_after_moves_and_removals(demo: model.Plan, make_plan_file: MakePlan) -> None:
    path = make_plan_file(demo)
    document = open_document(path, author="Test")
    try:
        lines = document.plan.budget
        document.apply(MoveItem("budget", lines[-1].id, 0))  # file order now differs from list order
        document.apply(RemoveItem("budget", lines[2].id))  # a line no network upgrade names as its payer
        document.apply(SetField("goals", document.plan.goals[0].id, "title", "Every reader by grade 3"))
        shown = document.plan
    finally:
        close_document(document)
    quick = _quick(path)
    _assert_same_plan(quick, _portable(path))
    assert quick == shown
    assert quick.budget[0].id == lines[-1].id
    assert lines[2].id not in {b.id for b in quick.budget}


def test_an_empty_plan_reads_as_the_empty_plan(make_plan_file: MakePlan) -> None:
    path = make_plan_file(model.Plan())
    _assert_same_plan(_quick(path), model.Plan())


def test_opening_and_reading_a_plan_does_not_import_sqlalchemy(demo: model.Plan, make_plan_file: MakePlan) -> None:
    path = make_plan_file(demo)
    script = (
        "import sys\n"
        "import summit_app.cli\n"
        "from summit_app.store.plan_file import close_document, open_document\n"
        "document = open_document(sys.argv[1])\n"
        "print(document.plan.district.name)\n"
        "print(document.backend.schema_version())\n"
        "close_document(document)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == [demo.district.name, str(SCHEMA_VERSION), "[]"]


def test_an_edit_after_a_warm_up_on_another_thread_is_written(demo: model.Plan, make_plan_file: MakePlan) -> None:
    path = make_plan_file(demo)
    document = open_document(path, author="Test")
    try:
        warm_up = threading.Thread(target=plan_file_of(document).warm_up)
        warm_up.start()
        warm_up.join()
        document.apply(SetField("district", "", "name", "Warm Springs USD"))
    finally:
        close_document(document)
    assert _quick(path).district.name == "Warm Springs USD"
    assert _portable(path).district.name == "Warm Springs USD"


def test_a_closed_plan_file_refuses_edits_even_after_a_late_warm_up(demo: model.Plan, make_plan_file: MakePlan) -> None:
    path = make_plan_file(demo)
    document = open_document(path, author="Test")
    close_document(document)
    plan_file_of(document).warm_up()  # a late warm-up builds nothing
    with pytest.raises(PlanFileError, match="closed"):
        document.apply(SetField("district", "", "name", "Too late"))
    assert _quick(path).district.name == demo.district.name


def test_a_plan_file_gone_missing_is_not_recreated_by_a_read(make_plan_file: MakePlan) -> None:
    path = make_plan_file(model.Plan())
    plan_file = PlanFile.open(path, read_only=True)
    try:
        path.unlink()
        with pytest.raises(PlanFileError, match="the file cannot be opened"):
            plan_file.load()
        assert not path.exists()
    finally:
        plan_file.close()
