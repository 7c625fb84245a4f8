"""What every pane and dialog is handed: the open document, its undo stack, the content.

Passed explicitly (no globals). ``edit`` is how a widget changes the plan: it
goes through the document's one edit path and onto the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.document import PlanDocument
from summit_app.plan.edits import Edit
from summit_app.plan.rules import PlanRuleError
from summit_app.store.errors import PlanFileError
from summit_app.ui.base.export_kinds import ExportService
from summit_app.ui.base.prompts import Prompts

#: Why an edit may not be applied: a domain rule, or the plan file (a full disk, a lost share).
REFUSALS = (PlanRuleError, PlanFileError)


def _reason(exc: Exception) -> str:
    return exc.why if isinstance(exc, PlanFileError) else str(exc)


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


class UiContext(QObject):
    """The open plan as the UI sees it; ``plan_changed`` fires after every applied edit.

    ``edited`` fires only for a new edit someone made (not for undo or redo), once
    it is on the undo stack: follow-up offers (the privacy coupling) react to it.
    ``prompts`` is the window's modal-question service, for panes that ask.
    """

    plan_changed = Signal(object, object)  # (edit, plan)
    edited = Signal(object)  # the edit, after it was applied and pushed
    edit_refused = Signal(str)  # a one-line reason, for the status bar
    history_applied = Signal(str, object)  # ("Undone: Change Unit cost", the edit applied) after undo or redo

    def __init__(self, document: PlanDocument, parent: QObject | None = None,
                 prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prompts = prompts or Prompts(parent if isinstance(parent, QWidget) else None)
        self.content: Content = document.content
        self.undo_stack = QUndoStack(self)
        self._unsubscribe = document.subscribe(lambda e, p: self.plan_changed.emit(e, p))
        self.closed = False  # True once the window has closed this plan (its file may be closed too)
        self.exports: ExportService | None = None  # the window's exports of this plan (ui.exporting.plan_exports)
        self.findings: QObject | None = None  # the plan's one findings service (ui.base.findings_service)

    @property
    def plan(self) -> model.Plan:
        return self.document.plan

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    def edit(self, edit: Edit) -> bool:
        """Apply ``edit`` undoably; False (and ``edit_refused``) if the rules or the file refuse it."""
        if self.read_only:
            self.edit_refused.emit("This plan is open read-only.")
            return False
        try:
            inverse = self.document.apply(edit)
        except REFUSALS as exc:
            self.edit_refused.emit(_reason(exc))
            return False
        self.undo_stack.push(EditCommand(self.document, edit, inverse, self.edit_refused.emit,
                                         self.history_applied.emit))
        self.edited.emit(edit)
        return True

    def close(self) -> None:
        """Stop listening to the document; timers still pending in panes then do nothing."""
        self._unsubscribe()
        self.closed = True
