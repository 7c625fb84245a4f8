"""The types of the shared fixtures, so tests that take them are type-checked like the code.

``make_plan_file`` (tests/conftest.py) and ``make_window`` (tests/gui/conftest.py)
are factories; their call signatures are stated here once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from summit_app.plan import model
from summit_app.plan.document import PlanDocument
from summit_app.store.plan_file import PlanFile

if TYPE_CHECKING:
    from summit_app.ui.window.main_window import MainWindow


class MakePlanFile(Protocol):
    """``make_plan_file(plan=None, name="plan.techplan")``: a new plan file in the test's folder."""

    def __call__(self, plan: model.Plan | None = None, name: str = "plan.techplan") -> Path: ...


class MakeWindow(Protocol):
    """``make_window(plan=None, read_only=False, path=None)``: a shown main window on a new plan file."""

    def __call__(self, plan: model.Plan | None = None, *, read_only: bool = False, path: Path | None = None,
                 name: str = "plan.techplan") -> MainWindow: ...


def plan_file_of(document: PlanDocument) -> PlanFile:
    """The document's plan file, for what only a local file has (its schema revision, warming up)."""
    backend = document.backend
    assert isinstance(backend, PlanFile), f"not a plan file: {backend!r}"
    return backend
