"""What a store of plans that is a file on this computer adds to ``PlanBackend``.

Every store does what ``summit_app.plan.document.PlanBackend`` declares (read,
apply an edit durably, the edit log, save a copy, its location, close). A
local plan file also has a path (the folder exports are suggested in, the
file no export may replace), a lock beside it, and an engine it can build
ahead of the first edit; code that needs these asks with ``isinstance``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from summit_app.plan.document import PlanBackend

__all__ = ["PlanBackend", "PlanFileBackend", "local_path"]


@runtime_checkable
class PlanFileBackend(PlanBackend, Protocol):
    """A plan kept in a file on this computer (``store.plan_file.PlanFile``)."""

    @property
    def path(self) -> Path: ...

    def schema_version(self) -> int:
        """The schema revision of the file on disk."""
        ...

    def warm_up(self) -> None:
        """Build what writing needs ahead of the first edit (safe on a background thread)."""
        ...


def local_path(backend: PlanBackend) -> Path | None:
    """The plan file on this computer, or None for a plan kept elsewhere."""
    return backend.path if isinstance(backend, PlanFileBackend) else None
