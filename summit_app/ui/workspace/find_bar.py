"""Edit ▸ Find (Ctrl+F): a bar above the steps that finds text anywhere in the plan and goes to it.

Enter or F3 goes to the next match, Shift+Enter or Shift+F3 to the one before;
the bar says "2 of 7 · Goals · Title" so the team knows where it is. Escape
closes it. The matching is ``plan.search.find_text``; going there is the
workspace's own "take me there" (the step, the row, the field).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from summit_app.plan import model
from summit_app.plan.search import Match, find_text
from summit_app.ui.base import theme


class FindField(QLineEdit):
    """The search text: Enter finds the next match, Shift+Enter the one before, Escape closes the bar."""

    step = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
            self.step.emit(-1 if back else 1)
        elif event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QFrame):
    """Find text in the plan; ``go_to(match)`` for each match the user steps to."""

    go_to = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.plan: model.Plan | None = None
        self.matches: list[Match] = []
        self.current = -1
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        label = QLabel("Find in the plan")
        self.field = FindField()
        self.field.setAccessibleName("Find in the plan")
        self.field.setPlaceholderText("a word or name, e.g. Chromebook")
        self.field.setClearButtonEnabled(True)
        label.setBuddy(self.field)
        self.where = QLabel()
        self.where.setObjectName("findWhere")
        theme.mark(self.where, "muted")
        self.where.setAccessibleName("Find result")
        previous, following = QPushButton("Previous"), QPushButton("Next")
        previous.setToolTip("Previous match (Shift+Enter)")
        following.setToolTip("Next match (Enter or F3)")
        close = QPushButton("Close")
        close.setToolTip("Close the find bar (Esc)")
        for widget in (label, self.field, previous, following, self.where):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(close)
        self.field.textChanged.connect(self._search)
        self.field.step.connect(self.step)
        self.field.closed.connect(self.close_bar)
        previous.clicked.connect(lambda _c=False: self.step(-1))
        following.clicked.connect(lambda _c=False: self.step(1))
        close.clicked.connect(lambda _c=False: self.close_bar())
        self.hide()

    def open_bar(self, plan: model.Plan) -> None:
        """Show the bar with the search text selected, ready to type."""
        self.plan = plan
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._search(self.field.text())

    def close_bar(self) -> None:
        self.hide()

    def plan_changed(self, plan: model.Plan) -> None:
        """Search the plan as it now is, keeping the place (the matches may have moved)."""
        self.plan = plan
        if self.isVisible():
            self._search(self.field.text(), keep=True)

    def _search(self, text: str, keep: bool = False) -> None:
        self.matches = find_text(self.plan, text) if self.plan is not None else []
        self.current = min(self.current, len(self.matches) - 1) if keep else -1
        self._say()

    def step(self, offset: int) -> None:
        """Go to the next (1) or previous (-1) match, round the plan."""
        if not self.matches:
            self._say()
            return
        self.current = (self.current + offset) % len(self.matches)
        self._say()
        self.go_to.emit(self.matches[self.current])

    def _say(self) -> None:
        if not self.field.text().strip():
            self.where.setText("")
        elif not self.matches:
            self.where.setText("Not found in the plan")
        elif self.current < 0:
            count = len(self.matches)
            self.where.setText(f"{count} match{'es' if count != 1 else ''} · press Enter to go to the first")
        else:
            match = self.matches[self.current]
            self.where.setText(f"{self.current + 1} of {len(self.matches)} · {_place(match)}")


def _place(match: Match) -> str:
    section = match.collection.replace("_", " ").capitalize()
    return f"{section} · {match.label}"

