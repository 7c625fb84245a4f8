"""The base of the guided panes: a guidance strip above the pane's own content.

A pane gets the ``UiContext`` in its constructor, reads ``context.plan``, edits
through ``context.edit``, and refreshes in ``refresh(plan)`` whenever the plan
changes (the main window connects ``plan_changed`` to it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.records import ByFields, record
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.form_section import FormSection


class GuidanceLine(QLabel):
    """A line of the guidance strip: rich text, word-wrapped, that keeps its height for each width.

    For a word-wrapped label Qt lays the whole text out again each time a layout asks how
    tall it is at some width, and before a pane is first painted its layouts ask each line a
    few dozen times, at a handful of widths. The answer changes only with the width, the text,
    the font and the margins: those are the key.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._heights: dict[tuple[object, ...], int] = {}

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        key = (width, self.text(), self.font().key(), self.margin(), self.indent(),
               margins.left(), margins.top(), margins.right(), margins.bottom())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 100:  # zoom steps and window sizes come and go
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height


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
        self.labels = [title]  # every line of the strip, the title first
        self.prompt: QLabel | None = None  # the question for the table, if the pane has one
        for heading, text in lines:
            if not text:
                continue
            label = GuidanceLine(f"<b>{heading}:</b> {_html(text)}")
            layout.addWidget(label)
            self.labels.append(label)
            if heading == "Ask the table":
                self.prompt = label

    def all_but_the_prompt(self) -> tuple[QLabel, ...]:
        """The lines a room at the projector can do without: all but "Ask the table"."""
        return tuple(label for label in self.labels if label is not self.prompt)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@record
class PresentHooks(ByFields):
    """What present mode needs of a pane beyond its tables and buttons (``Pane.present_hooks``).

    ``editor_only``: widgets the room does not see (the guidance beyond the
    table's question). ``silent_round``: a silent-rating round (its widget and
    the layout holding it) that the room's reveal panel replaces.
    ``shown_element``: the framework element on show, as (id, name), and
    ``element_selection``, whose ``currentRowChanged`` says when it changes.
    """

    editor_only: tuple[QWidget, ...] = ()
    silent_round: tuple[QWidget, QLayout] | None = None
    shown_element: Callable[[], tuple[str, str] | None] | None = None
    element_selection: QItemSelectionModel | None = None

    def element(self) -> tuple[str, str] | None:
        return self.shown_element() if self.shown_element is not None else None


class Pane(QWidget):
    """One step of the plan. Subclasses set ``pane_id`` and build into ``self.body``."""

    pane_id = ""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setViewport(QWidget())  # made here, not by Qt: see ``FittedTableView``
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own: it follows the focused field
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        # Given to the scroll area while empty: it measures what it is given, and the guidance
        # is rich text laid out again at each width asked (a pass the first showing repeats).
        scroll.setWidget(inner)
        self.guidance = GuidanceStrip(context, self.pane_id)
        self.body.addWidget(self.guidance)
        outer.addWidget(scroll)
        self.scroll = scroll

    def refresh(self, plan: model.Plan) -> None:
        """Show ``plan``; called after every edit (keep it cheap)."""

    def present_hooks(self) -> PresentHooks:
        """What present mode adapts in this pane; a pane with more to offer the room overrides it."""
        return PresentHooks(editor_only=self.guidance.all_but_the_prompt())

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
