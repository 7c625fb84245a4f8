"""What every pane and dialog is handed: the open document, its undo stack, the content.

Passed explicitly (no globals). ``edit`` is how a widget changes the plan: it
goes through the document's one edit path and onto the undo stack. At a summit
table the plan is a seat's (``seat``): edits go through the seat, which keeps
track of the seat's own fields, and undo skips what another seat changed since.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QSpinBox, QWidget

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.document import PlanDocument, SharedResult
from summit_app.plan.edits import Edit
from summit_app.plan.rules import PlanRuleError
from summit_app.plan.seating import Notice
from summit_app.plan.voting import Choice
from summit_app.store.errors import PlanFileError
from summit_app.ui.base.export_kinds import ExportService
from summit_app.ui.base.prompts import Prompts

#: Why an edit may not be applied: a domain rule, or the plan file (a full disk, a lost share).
REFUSALS = (PlanRuleError, PlanFileError)


def _reason(exc: Exception) -> str:
    return exc.why if isinstance(exc, PlanFileError) else str(exc)


class SharedEditor(Protocol):
    """A seat at a summit table (``room.seat.Seat``) as the window's edits see it."""

    def edit(self, edit: Edit) -> SharedResult: ...

    def undo_conflicts(self, inverse: Edit, written: int) -> tuple[Edit | None, list[Notice]]: ...


class TablePhones(Protocol):
    """A seat's members' phones (``ui.room.phones_desk``), as the dot-vote dialog asks for its part."""

    def vote_panel(self, goals: Callable[[], Sequence[Choice]], dots: QSpinBox, parent: QWidget) -> QWidget: ...


class EditCommand(QUndoCommand):
    """An (edit, inverse) pair on the undo stack; undo and redo apply through the document.

    The edit is applied before the command is pushed (so a refused edit never
    reaches the stack: exceptions do not cross Qt's C++ push), hence the first
    ``redo`` that ``push`` calls does nothing.
    """

    def __init__(self, document: PlanDocument, edit: Edit, inverse: Edit,
                 on_refused: Callable[[str], None], on_applied: Callable[[str, Edit], None] | None = None) -> None:
        super().__init__(edit.label or "Edit")
        self._document = document
        self._redo_edit = edit
        self._undo_edit = inverse
        self._applied = True
        self._on_refused = on_refused
        self._on_applied = on_applied

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        applied = self._redo_edit
        inverse = self._apply(applied)
        if inverse is not None:
            self._undo_edit = inverse
            self._announce("Redone", applied)

    def undo(self) -> None:
        applied = self._undo_edit
        inverse = self._apply(applied)
        if inverse is not None:
            self._redo_edit = inverse
            self._announce("Undone", applied)

    def _announce(self, verb: str, applied: Edit) -> None:
        if self._on_applied is not None:
            self._on_applied(f"{verb}: {self.text()}", applied)

    def _apply(self, edit: Edit) -> Edit | None:
        # A refusal here (say, the disk filled up) must not escape into Qt's C++
        # caller; the plan did not change, so the command leaves the stack.
        try:
            return self._document.apply(edit)
        except REFUSALS as exc:
            self._on_refused(_reason(exc))
            self.setObsolete(True)
            return None


class SharedEditCommand(EditCommand):
    """An edit of this seat on the undo stack: undo and redo leave alone what another seat changed since.

    ``written`` is the sequence number of the edit this command applied last
    (the edit, its undo, its redo): the parts of the next step touching what
    another seat set after it are skipped, each with a notice (``skipped``).
    """

    def __init__(self, context: UiContext, seat: SharedEditor, edit: Edit, result: SharedResult) -> None:
        super().__init__(context.document, edit, result.inverse, context.edit_refused.emit,
                         context.history_applied.emit)
        self._context = context
        self._seat = seat
        self._written = result.sequence

    def _apply(self, edit: Edit) -> Edit | None:
        try:
            part, skipped = self._seat.undo_conflicts(edit, self._written)
            if skipped:
                self._context.skipped.emit(skipped)
            if part is None:
                self.setObsolete(True)  # nothing of it is left to undo (or redo): it leaves the stack
                return None
            result = self._seat.edit(part)
        except REFUSALS as exc:
            self._on_refused(_reason(exc))
            self.setObsolete(True)
            return None
        self._written = result.sequence
        self._context.shared_edit.emit(part, result)
        return result.inverse


class UiContext(QObject):
    """The open plan as the UI sees it; ``plan_changed`` fires after every applied edit.

    ``edited`` fires only for a new edit someone made (not for undo or redo), once
    it is on the undo stack: follow-up offers (the privacy coupling) react to it.
    ``prompts`` is the window's modal-question service, for panes that ask.
    ``seat``: the plan is a summit table's, edited from this seat; ``shared_edit``
    then carries each of its edits' results (the notices of values it replaced),
    ``skipped`` the notices of undo steps left out because another seat changed them since.
    """

    plan_changed = Signal(object, object)  # (edit, plan)
    edited = Signal(object)  # the edit, after it was applied and pushed
    edit_refused = Signal(str)  # a one-line reason, for the status bar
    history_applied = Signal(str, object)  # ("Undone: Change Unit cost", the edit applied) after undo or redo
    shared_edit = Signal(object, object)  # (edit, SharedResult) after each edit of a seat (new, undone or redone)
    skipped = Signal(object)  # list[Notice]: parts of an undo or redo another seat changed since

    def __init__(self, document: PlanDocument, parent: QObject | None = None,
                 prompts: Prompts | None = None, seat: SharedEditor | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.seat = seat
        self.offline = False  # a seat that cannot reach the room (the window shows why): read-only meanwhile
        self.prompts = prompts or Prompts(parent if isinstance(parent, QWidget) else None)
        self.content: Content = document.content
        self.undo_stack = QUndoStack(self)
        self._unsubscribe = document.subscribe(lambda e, p: self.plan_changed.emit(e, p))
        self.closed = False  # True once the window has closed this plan (its file may be closed too)
        self.exports: ExportService | None = None  # the window's exports of this plan (ui.exporting.plan_exports)
        self.findings: QObject | None = None  # the plan's one findings service (ui.base.findings_service)
        self.phones: TablePhones | None = None  # a seat's members' phones, when the room has the phone service

    @property
    def plan(self) -> model.Plan:
        return self.document.plan

    @property
    def read_only(self) -> bool:
        """True for a plan opened read-only, and for a seat while the room's server is not answering."""
        return self.document.read_only or self.offline

    def edit(self, edit: Edit) -> bool:
        """Apply ``edit`` undoably; False (and ``edit_refused``) if the rules or the file refuse it."""
        if self.read_only:
            self.edit_refused.emit("This plan is open read-only.")
            return False
        try:
            command = self._applied(edit)
        except REFUSALS as exc:
            self.edit_refused.emit(_reason(exc))
            return False
        self.undo_stack.push(command)
        self.edited.emit(edit)
        return True

    def _applied(self, edit: Edit) -> EditCommand:
        """Apply ``edit`` (through the seat, if the plan is a seat's); its command for the undo stack."""
        if self.seat is None:
            inverse = self.document.apply(edit)
            return EditCommand(self.document, edit, inverse, self.edit_refused.emit, self.history_applied.emit)
        result = self.seat.edit(edit)
        self.shared_edit.emit(edit, result)
        return SharedEditCommand(self, self.seat, edit, result)

    def close(self) -> None:
        """Stop listening to the document; timers still pending in panes then do nothing."""
        self._unsubscribe()
        self.closed = True
