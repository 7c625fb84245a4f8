"""The context a presented pane is built on: the open plan, read-only and with private parts out.

A pane built on ``PresentContext`` sees ``public_plan(document.plan)`` wherever
it looks, shows every editor read-only, and cannot edit: ``edit`` refuses
without a word. So present mode cannot write to the plan, even by a widget
that commits on focus loss or on hiding (a frozen audience view holding old text).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from summit_app.plan import model
from summit_app.plan.document import PlanDocument
from summit_app.plan.edits import Edit
from summit_app.ui.base.context import UiContext
from summit_app.ui.facilitation.present.privacy import public_plan


class PresentContext(UiContext):
    """A read-only, privacy-filtered view of ``document`` for the room."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        self._source: model.Plan | None = None
        self._public = model.Plan()
        super().__init__(document, parent)
        # UiContext relays the document's plan; the room's panes must get the public one.
        self._unsubscribe()
        self._unsubscribe = document.subscribe(lambda e, p: self.plan_changed.emit(e, self.plan))

    @property
    def plan(self) -> model.Plan:
        source = self.document.plan
        if source is not self._source:
            self._source, self._public = source, public_plan(source)
        return self._public

    @property
    def read_only(self) -> bool:
        return True

    def edit(self, edit: Edit) -> bool:
        """Present mode never changes the plan."""
        return False
