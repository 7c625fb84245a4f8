"""Undo and redo without Qt: stacks of (edit, inverse) pairs applied through the document.

The GUI uses QUndoStack with the same pairs; this class serves the CLI, tests and
any headless tool, and shows that undo is nothing but another edit.
"""

from __future__ import annotations

from summit_app.plan.document import PlanDocument
from summit_app.plan.edits import Edit


class History:
    """Each entry is (label, edit that undoes, edit that redoes)."""

    def __init__(self, document: PlanDocument) -> None:
        self._document = document
        self._undo: list[tuple[str, Edit]] = []
        self._redo: list[tuple[str, Edit]] = []

    def do(self, edit: Edit) -> None:
        self._undo.append((edit.label, self._document.apply(edit)))
        self._redo.clear()

    def undo(self) -> None:
        label, inverse = self._undo.pop()
        self._redo.append((label, self._document.apply(inverse)))

    def redo(self) -> None:
        label, edit = self._redo.pop()
        self._undo.append((label, self._document.apply(edit)))

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1][0] if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1][0] if self._redo else None
