"""The plan file is a ``PlanBackend`` (what every store of plans does) and a ``PlanFileBackend``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from summit_app.plan import model
from summit_app.plan.document import LogEntry, PlanBackend
from summit_app.plan.edits import Edit, SetField
from summit_app.store.backend import PlanFileBackend, local_path
from summit_app.store.plan_file import PlanFile, close_document, open_document


class EditsOnly:
    """Takes edits but keeps no log and cannot copy itself: not a store of plans."""

    read_only = False
    location = "memory"

    def commit(self, edit: Edit, after: model.Plan, entry: LogEntry) -> None:
        pass


class ServerStore:
    """Every member a store of plans has, and no file: what a plan on a shared server looks like."""

    read_only = False
    location = "postgresql://summit/plans/42"

    def load(self, content: object = None) -> model.Plan:
        return model.Plan()

    def commit(self, edit: Edit, after: model.Plan, entry: LogEntry) -> None:
        pass

    def edit_log(self, since: datetime | None = None) -> list[LogEntry]:
        return []

    def save_copy(self, target: Path | str) -> None:
        pass

    def close(self) -> None:
        pass


def test_a_plan_file_is_a_store_of_plans_and_a_local_file(make_plan_file: Callable[..., Path],
                                                          demo: model.Plan) -> None:
    path = make_plan_file(demo)
    for read_only in (False, True):
        with PlanFile.open(path, read_only=read_only) as plan_file:
            assert isinstance(plan_file, PlanBackend)
            assert isinstance(plan_file, PlanFileBackend)
            assert plan_file.location == str(path)
            assert local_path(plan_file) == path


def test_the_document_reaches_its_store_through_the_protocol(make_plan_file: Callable[..., Path],
                                                            demo: model.Plan, tmp_path: Path) -> None:
    document = open_document(make_plan_file(demo), author="Ana Adams")
    try:
        document.apply(SetField("district", "", "name", "Oak Grove"))
        (entry,) = document.backend.edit_log()
        assert entry.author == "Ana Adams"
        document.backend.save_copy(tmp_path / "copy.techplan")
    finally:
        close_document(document)
    with PlanFile.open(tmp_path / "copy.techplan", read_only=True) as copy:
        assert copy.load().district.name == "Oak Grove"


def test_a_store_without_a_log_or_copies_is_not_a_backend() -> None:
    assert not isinstance(EditsOnly(), PlanBackend)


def test_a_store_elsewhere_is_a_backend_with_no_local_path() -> None:
    store = ServerStore()
    assert isinstance(store, PlanBackend)
    assert not isinstance(store, PlanFileBackend)
    assert local_path(store) is None
