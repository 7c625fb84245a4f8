"""What every pane and dialog is handed: the open document, its undo stack, the content.

Passed explicitly (no globals). ``edit`` is how a widget changes the plan: it
goes through the document's one edit path and onto the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.document import PlanDocument
from summit_app.plan.edits import Edit
from summit_app.plan.rules import PlanRuleError
from summit_app.ui.prompts import Prompts


class EditCommand(QUndoCommand):
    """An (edit, inverse) pair on the undo stack; undo and redo apply through the document.

    The edit is applied before the command is pushed (so a refused edit never
    reaches the stack: exceptions do not cross Qt's C++ push), hence the first
    ``redo`` that ``push`` calls does nothing.
    """

    def __init__(self, document: PlanDocument, edit: Edit, inverse: Edit) -> None:
        super().__init__(edit.label or "Edit")
        self._document = document
        self._redo_edit = edit
        self._undo_edit = inverse
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._undo_edit = self._document.apply(self._redo_edit)

    def undo(self) -> None:
        self._redo_edit = self._document.apply(self._undo_edit)


class UiContext(QObject):
    """The open plan as the UI sees it; ``plan_changed`` fires after every applied edit.

    ``edited`` fires only for a new edit someone made (not for undo or redo), once
    it is on the undo stack: follow-up offers (the privacy coupling) react to it.
    ``prompts`` is the window's modal-question service, for panes that ask.
    """

    plan_changed = Signal(object, object)  # (edit, plan)
    edited = Signal(object)  # the edit, after it was applied and pushed
    edit_refused = Signal(str)  # a one-line reason, for the status bar

    def __init__(self, document: PlanDocument, parent: QObject | None = None,
                 prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prompts = prompts or Prompts(parent if isinstance(parent, QWidget) else None)
        self.content: Content = document.content
        self.undo_stack = QUndoStack(self)
        self._unsubscribe = document.subscribe(lambda e, p: self.plan_changed.emit(e, p))
        self.closed = False  # True once the window has closed this plan (its file may be closed too)

    @property
    def plan(self) -> model.Plan:
        return self.document.plan

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    def edit(self, edit: Edit) -> bool:
        """Apply ``edit`` undoably; False (and ``edit_refused``) if the rules refuse it."""
        if self.read_only:
            self.edit_refused.emit("This plan is open read-only.")
            return False
        try:
            inverse = self.document.apply(edit)
        except PlanRuleError as exc:
            self.edit_refused.emit(str(exc))
            return False
        self.undo_stack.push(EditCommand(self.document, edit, inverse))
        self.edited.emit(edit)
        return True

    def close(self) -> None:
        """Stop listening to the document; timers still pending in panes then do nothing."""
        self._unsubscribe()
        self.closed = True
