"""The open plan: the one edit path of DESIGN.md.

``PlanDocument.apply`` validates an edit, has the backend write it durably
(with its edit-log entry) in one transaction, updates the plan in memory,
tells listeners, and returns the inverse edit. Undo and redo are more edits.

On a shared backend (several seats of a summit table on one plan) the same
path runs inside the backend's *turn*: the edits other seats wrote since are
applied first (``apply_remote``: listeners hear them, undo never sees them),
then the seat's own edit is checked against that plan and written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import Edit, apply_edit
from summit_app.plan.records import ByFields, record
from summit_app.plan.seating import Notice, overwritten, refuse_removed

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


@record
class Remote(ByFields):
    """An edit another seat wrote, with its sequence number in the plan's edit log."""

    sequence: int
    entry: LogEntry


@record
class SharedResult(ByFields):
    """What a seat's edit did: its inverse, its sequence, the other seats' edits applied first, and notices."""

    inverse: Edit
    sequence: int
    remote: tuple[Remote, ...]
    notices: tuple[Notice, ...]


class SharedTurn(Protocol):
    """One seat's turn at its table's plan: no other seat writes until it ends (commit, or rollback on raise)."""

    @property
    def missing(self) -> Sequence[Remote]:
        """The edits other seats wrote since this seat last applied one, in sequence order."""
        ...

    def write(self, edit: Edit, entry: LogEntry) -> int:
        """Write ``edit`` and its log entry (committed when the turn ends); returns its sequence number."""
        ...


@runtime_checkable
class SharedBackend(PlanBackend, Protocol):
    """A plan several seats edit at once (``store.seat_plan.SeatPlan``)."""

    def turn(self) -> AbstractContextManager[SharedTurn]:
        """Wait for the table's turn; the missing edits must be applied before the own one is checked."""
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
        if isinstance(self._backend, SharedBackend):
            return self.apply_shared(edit).inverse
        after, inverse = apply_edit(self._plan, edit, self.content)
        entry = LogEntry(datetime.now(UTC), self.author, edit.label, edit)
        self._backend.commit(edit, after, entry)
        self._set(edit, after)
        return inverse

    def apply_shared(self, edit: Edit) -> SharedResult:
        """``apply`` on a shared backend: catch up with the other seats, re-check ``edit``, write it.

        Other seats' edits found in the turn are applied (and heard by
        listeners) even if ``edit`` is then refused: they are the server's plan.
        """
        backend = self._backend
        if not isinstance(backend, SharedBackend):
            raise TypeError("the plan is not shared by seats")
        if self.read_only:
            raise ReadOnlyError("this plan is open read-only")
        with backend.turn() as turn:
            remote = tuple(turn.missing)
            for other in remote:
                self.apply_remote(other.entry)
            written = [(r.entry.author, r.entry.edit) for r in remote]
            refuse_removed(written, edit)
            after, inverse = apply_edit(self._plan, edit, self.content)
            sequence = turn.write(edit, LogEntry(datetime.now(UTC), self.author, edit.label, edit))
        self._set(edit, after)
        return SharedResult(inverse, sequence, remote, tuple(overwritten(written, edit)))

    def apply_remote(self, entry: LogEntry) -> model.Plan:
        """Apply an edit another seat already wrote: the plan changes and listeners hear it; undo does not.

        The rules ran on the author's seat against the same plan (edits apply
        in sequence order); they run again here so a plan in memory never
        breaks them.
        """
        after, _ = apply_edit(self._plan, entry.edit, self.content)
        self._set(entry.edit, after)
        return after

    def _set(self, edit: Edit, after: model.Plan) -> None:
        self._plan = after
        for listener in list(self._listeners):
            listener(edit, after)
