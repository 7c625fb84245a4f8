"""The step navigator: the panes in order, each with its completion state and findings.

A list the keyboard can walk (arrows, Home/End); the window switches pane on
``currentRowChanged``. The state shows as a mark, the open findings as a badge
(red when any blocks), and both are spoken as text.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from summit_app.plan.progress import COMPLETE, STARTED, STATE_NAMES, STEPS
from summit_app.ui.base import theme
from summit_app.ui.workspace import badges

_MARKS = {COMPLETE: "●", STARTED: "◐"}


class StepNavigator(QListWidget):
    """Lists the plan's steps; ``step_chosen(pane_id)`` when the user picks one."""

    step_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.mark(self, "navigator")
        self.setAccessibleName("Plan steps")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        badges.install(self)
        self._states: dict[str, str] = {}
        self._counts: dict[str, tuple[int, int]] = {}  # pane id -> (findings, blocking)
        for number, (pane_id, title) in enumerate(STEPS, start=1):
            item = QListWidgetItem(f"{number}  {title}")
            item.setData(Qt.ItemDataRole.UserRole, pane_id)
            self.addItem(item)
        self.currentRowChanged.connect(self._chosen)

    def sizeHint(self) -> QSize:
        width = max(self.sizeHintForColumn(0), 200) + 36
        return QSize(width, super().sizeHint().height())

    def _chosen(self, row: int) -> None:
        if row >= 0:
            self.step_chosen.emit(STEPS[row][0])

    def current_pane(self) -> str:
        return STEPS[max(self.currentRow(), 0)][0]

    def show_pane(self, pane_id: str) -> None:
        # Selected as well as current: a list that gains its items while on screen makes its first
        # row current unselected, and the step the user is on would not be highlighted.
        row = next(i for i, (p, _) in enumerate(STEPS) if p == pane_id)
        self.setCurrentRow(row, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def set_states(self, states: dict[str, str]) -> None:
        """Show each pane's state: ● complete, ◐ in progress, nothing when not started."""
        self._states = dict(states)
        for row, (pane_id, title) in enumerate(STEPS):
            state = states.get(pane_id, "")
            item = self.item(row)
            mark = _MARKS.get(state, "○")
            item.setText(f"{mark}  {row + 1}. {title}")
            item.setData(Qt.ItemDataRole.UserRole + 1, state)
            self._describe(row)

    def set_counts(self, counts: dict[str, int], blocking: dict[str, int]) -> None:
        """Show each pane's open findings as a badge (``plan.review.finding_counts``); 0 shows none."""
        for row, (pane_id, _title) in enumerate(STEPS):
            found = (counts.get(pane_id, 0), blocking.get(pane_id, 0))
            if self._counts.get(pane_id) != found:
                self._counts[pane_id] = found
                self.item(row).setData(badges.COUNT_ROLE, found[0])
                self.item(row).setData(badges.BLOCKING_ROLE, found[1])
                self._describe(row)

    def _describe(self, row: int) -> None:
        """The step's tooltip and spoken text: its state, and its findings if any."""
        pane_id, title = STEPS[row]
        state = self._states.get(pane_id, "")
        count, blocking = self._counts.get(pane_id, (0, 0))
        found = f" · {badges.describe(count, blocking)}" if count else ""
        item = self.item(row)
        item.setToolTip(f"{title}: {STATE_NAMES.get(state, 'not started')}{found}")
        spoken = f"Step {row + 1}, {title}, {STATE_NAMES.get(state, '')}"
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken + (f", {badges.describe(count, blocking)}"
                                                                   if count else ""))
