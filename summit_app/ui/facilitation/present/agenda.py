"""The session's agenda: how long each activity runs, from the guidance or the facilitator's own.

Each pane's default comes from ``resources/`` (``guidance[pane].minutes``); the
facilitator may change any of them (hours too) and the change is kept in the
preferences, so the next summit starts from the same agenda.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan.content import Content
from summit_app.plan.progress import STEPS

MAX_MINUTES = 23 * 60 + 59


def minutes_for(pane_id: str, content: Content, agenda: dict[str, int]) -> int:
    """The time-box of ``pane_id``: the facilitator's agenda, else the guidance's default."""
    return agenda.get(pane_id) or content.guidance[pane_id].minutes


def _time(minutes: int) -> QTime:
    minutes = min(max(minutes, 1), MAX_MINUTES)
    return QTime(minutes // 60, minutes % 60)


class AgendaDialog(QDialog):
    """One duration per step; OK keeps the ones that differ from the guidance."""

    def __init__(self, content: Content, agenda: dict[str, int], save: Callable[[dict[str, int]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agenda and time-boxes")
        self.content, self._save = content, save
        layout = QVBoxLayout(self)
        intro = QLabel("How long each step runs in present mode (hours:minutes). "
                       "The clock starts when the step is shown.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.editors: dict[str, QTimeEdit] = {}
        for pane_id, title in STEPS:
            editor = QTimeEdit(_time(minutes_for(pane_id, content, agenda)))
            editor.setDisplayFormat("H 'h' mm 'min'")
            editor.setMinimumTime(QTime(0, 1))
            editor.setAccessibleName(f"Time for {title}")
            form.addRow(title, editor)
            self.editors[pane_id] = editor
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout.addWidget(buttons)

    def minutes(self) -> dict[str, int]:
        return {pane_id: e.time().hour() * 60 + e.time().minute() for pane_id, e in self.editors.items()}

    def restore_defaults(self) -> None:
        for pane_id, editor in self.editors.items():
            editor.setTime(_time(self.content.guidance[pane_id].minutes))

    def accept(self) -> None:
        chosen = self.minutes()
        self._save({p: m for p, m in chosen.items() if m != self.content.guidance[p].minutes})
        super().accept()
