"""The facilitator's buttons while presenting: the clock, Reveal, Freeze, the steps, and Leave.

One widget, used on the full-screen stage when there is one screen and on the
laptop's console when a second screen shows the room's view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from summit_app.ui.base import theme
from summit_app.ui.facilitation.timebox import TimeBox


class PresentControls(QWidget):
    """Pause, +5 min, Reset; Reveal (on readiness); Freeze (two screens); steps; Leave."""

    step_requested = Signal(int)
    reveal_requested = Signal()
    freeze_toggled = Signal(bool)
    leave_requested = Signal()

    def __init__(self, timebox: TimeBox, *, freeze: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentControls")
        self.timebox = timebox
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.pause_button = self._button(row, "Pause", timebox.toggle_pause)
        self.more_button = self._button(row, "+5 min", timebox.add_five_minutes)
        self.reset_button = self._button(row, "Reset", timebox.reset)
        row.addSpacing(24)
        self.reveal_button = self._button(row, "Reveal", self.reveal_requested.emit)
        theme.mark(self.reveal_button, "primary")
        self.freeze_button = self._button(row, "Freeze audience view", lambda: None)
        self.freeze_button.setCheckable(True)
        self.freeze_button.toggled.connect(self.freeze_toggled.emit)
        self.freeze_button.setVisible(freeze)
        row.addStretch(1)
        self.previous_button = self._button(row, "◀ Previous", lambda: self.step_requested.emit(-1))
        self.next_button = self._button(row, "Next ▶", lambda: self.step_requested.emit(1))
        self.leave_button = self._button(row, "Leave (Esc)", self.leave_requested.emit)
        timebox.changed.connect(lambda _text, _phase: self._show_running())
        self._show_running()

    def _button(self, row: QHBoxLayout, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    def _show_running(self) -> None:
        self.pause_button.setText("Pause" if self.timebox.countdown.running else "Resume")

    def show_reveal(self, available: bool, revealed: bool) -> None:
        """Reveal is offered on the readiness pane, for an element someone has rated."""
        self.reveal_button.setVisible(available)
        self.reveal_button.setText("Hide ratings" if revealed else "Reveal")
