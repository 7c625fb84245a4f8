"""The base of the nine guided panes: a guidance strip above the pane's own content.

A pane gets the ``UiContext`` in its constructor, reads ``context.plan``, edits
through ``context.edit``, and refreshes in ``refresh(plan)`` whenever the plan
changes (the main window connects ``plan_changed`` to it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.ui import theme
from summit_app.ui.context import UiContext
from summit_app.ui.form_section import FormSection


class GuidanceStrip(QFrame):
    """Why this pane matters, what good looks like, a prompt for the table, and the common mistake."""

    def __init__(self, context: UiContext, pane_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.mark(self, "guidance")
        guidance = context.content.guidance[pane_id]
        layout = QVBoxLayout(self)
        title = QLabel(guidance.title)
        theme.mark(title, "paneTitle")
        layout.addWidget(title)
        lines = [("Why it matters", guidance.why), ("What good looks like", guidance.good),
                 ("Ask the table", guidance.prompt), ("Common mistake", guidance.mistake)]
        if guidance.standard is not None:
            lines.append(("ISTE standard for education leaders", guidance.standard.name))
        for heading, text in lines:
            if not text:
                continue
            label = QLabel(f"<b>{heading}:</b> {_html(text)}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(label)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Pane(QWidget):
    """One step of the plan. Subclasses set ``pane_id`` and build into ``self.body``."""

    pane_id = ""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own: it follows the focused field
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.addWidget(GuidanceStrip(context, self.pane_id))
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        self.scroll = scroll

    def refresh(self, plan: model.Plan) -> None:
        """Show ``plan``; called after every edit (keep it cheap)."""

    def select_item(self, collection: str, item_id: str) -> bool:
        """Show and select an item (for findings); False if this pane does not hold it."""
        return False

    def show_field(self, collection: str, field: str) -> bool:
        """Scroll to the form field showing ``field`` of ``collection`` and focus it; False if none does."""
        for form in self.findChildren(FormSection):
            editor = form.editors.get(field) if form.collection == collection else None
            if editor is not None and editor.isVisibleTo(self):
                self.scroll.ensureWidgetVisible(editor)
                editor.setFocus()
                return True
        return False
