"""The laptop's console while a second screen shows the room's view.

A small window over the editor: what the room sees, the clock, and the
facilitator's buttons, including "Freeze audience view" to hold the room's
picture still while the plan is edited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from summit_app.ui.facilitation.present.controls import PresentControls
from summit_app.ui.facilitation.present.theme import timer_stylesheet
from summit_app.ui.facilitation.timebox import TimeBox, TimerDisplay

#: The console's clock, readable at a glance from the lectern.
CLOCK_PX = 40


class PresenterConsole(QWidget):
    """Status line, clock and controls; Esc leaves present mode."""

    def __init__(self, timebox: TimeBox, screen_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setWindowTitle("Presenting")
        self.screen_name = screen_name
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.timer = TimerDisplay(timebox)
        self.timer.setStyleSheet(timer_stylesheet(CLOCK_PX))
        self.controls = PresentControls(timebox, freeze=True)
        for widget in (self.status, self.timer, self.controls):
            layout.addWidget(widget)
        self.show_status("", frozen=False)

    def show_status(self, pane_title: str, *, frozen: bool) -> None:
        where = f"The room sees {pane_title or 'the plan'} on {self.screen_name}."
        self.status.setText(f"{where} Frozen: the room keeps this picture while you edit." if frozen else where)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the console ends present mode (the room's screen would be left orphaned)."""
        self.controls.leave_requested.emit()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.controls.leave_requested.emit()
            return
        super().keyPressEvent(event)
