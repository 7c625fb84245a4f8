"""The open plan: the one edit path of DESIGN.md.

``PlanDocument.apply`` validates an edit, has the backend write it durably
(with its edit-log entry) in one transaction, updates the plan in memory,
tells listeners, and returns the inverse edit. Undo and redo are more edits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import Edit, apply_edit
from summit_app.plan.records import ByFields, record

Listener = Callable[[Edit, model.Plan], None]


@record
class LogEntry(ByFields):
    """One line of the plan's edit log."""

    at: datetime
    author: str
    label: str
    edit: Edit


class ReadOnlyError(PermissionError):
    """The plan was opened read-only; nothing was written."""


@runtime_checkable
class PlanBackend(Protocol):
    """A store of plans, where a document's edits go: a plan file (``store.plan_file``) or, later, a server.

    Declared here, beside the document that uses it, because the domain may
    not import ``store``. Only what every store of plans does; what a local
    file adds (its path, its lock, warming up SQLAlchemy) is
    ``store.backend.PlanFileBackend``.
    """

    @property
    def read_only(self) -> bool: ...

    @property
    def location(self) -> str:
        """Where the plan is kept, as people read it: a file's path, a server's address."""
        ...

    def load(self, content: Content | None = None) -> model.Plan:
        """Read the plan as stored."""
        ...

    def commit(self, edit: Edit, after: model.Plan, entry: LogEntry) -> None:
        """Write ``edit`` and its log entry durably in one transaction, or raise."""
        ...

    def edit_log(self, since: datetime | None = None) -> list[LogEntry]:
        """The plan's edit log, oldest first (from ``since`` on, if given)."""
        ...

    def save_copy(self, target: Path | str) -> None:
        """Write a consistent copy of the plan to a new plan file at ``target``; never overwrites."""
        ...

    def close(self) -> None:
        """Release what the store holds (connections, a lock); the document is not used after."""
        ...


class PlanDocument:
    """An open plan that changes only through ``apply``."""

    def __init__(self, plan: model.Plan, backend: PlanBackend, content: Content, author: str = "") -> None:
        self._plan = plan
        self._backend = backend
        self.content = content
        self.author = author
        self._listeners: list[Listener] = []

    @property
    def plan(self) -> model.Plan:
        return self._plan

    @property
    def read_only(self) -> bool:
        return self._backend.read_only

    @property
    def backend(self) -> PlanBackend:
        return self._backend

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(edit, plan)`` after every applied edit; returns an unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def apply(self, edit: Edit) -> Edit:
        """Apply ``edit`` durably and return its inverse; raise and change nothing if refused."""
        if self.read_only:
            raise ReadOnlyError("this plan is open read-only")
        after, inverse = apply_edit(self._plan, edit, self.content)
        entry = LogEntry(datetime.now(UTC), self.author, edit.label, edit)
        self._backend.commit(edit, after, entry)
        self._plan = after
        for listener in list(self._listeners):
            listener(edit, after)
        return inverse
