"""The seat's notice strip: who changed what under this seat's hands, with "Undo" where it can put it back.

Not a dialog: the table keeps working while it shows. The latest notices
stand at the top (``SHOWN`` of them), each with its own "Undo" (when the
earlier value can be put back) and "Dismiss"; every part has an accessible
name that reads the notice, and Tab reaches each of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from summit_app.plan.edits import Edit
from summit_app.ui.base.theme import ACCENT, ACCENT_SOFT, INK, LINE
from summit_app.ui.room.seat_notices import SeatNotice

#: How many notices the strip shows at once; older ones give way.
SHOWN = 3

_STYLE = f"""
QFrame#seatNotices {{ background: {ACCENT_SOFT}; border: none; border-top: 1px solid {LINE};
                      border-bottom: 1px solid {LINE}; }}
QFrame#seatNotices QLabel {{ background: transparent; color: {INK}; }}
QFrame#seatNotices QLabel:focus {{ border: 2px solid {ACCENT}; border-radius: 4px; }}
QToolButton#dismissNotice {{ border: none; background: transparent; font-size: 14pt; padding: 0 6px; }}
QToolButton#dismissNotice:hover {{ background: white; border-radius: 4px; }}
QToolButton#dismissNotice:focus {{ border: 2px solid {ACCENT}; border-radius: 4px; }}
"""


class NoticeRow(QWidget):
    """One notice: its words, "Undo" if the earlier value can be put back, and "×"."""

    def __init__(self, notice: SeatNotice, undo: Callable[[Edit], object], dismiss: Callable[[NoticeRow], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = notice
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.label = QLabel(notice.text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(notice.text)
        self.label.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reaches it with Tab
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.undo_button: QPushButton | None = None
        if notice.restore is not None:
            restore = notice.restore
            self.undo_button = QPushButton("Undo")
            self.undo_button.setAccessibleName(f"Undo: {notice.text}")
            self.undo_button.setToolTip("Put the earlier value back (a new change of yours)")
            self.undo_button.clicked.connect(lambda _c=False: (undo(restore), dismiss(self)))
            layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.dismiss_button = QToolButton()
        self.dismiss_button.setObjectName("dismissNotice")
        self.dismiss_button.setText("×")
        self.dismiss_button.setToolTip("Dismiss this notice")
        self.dismiss_button.setAccessibleName(f"Dismiss: {notice.text}")
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.dismiss_button.clicked.connect(lambda _c=False: dismiss(self))
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignVCenter)


class NoticeBar(QFrame):
    """The latest notices, newest first; hidden when there are none. ``undo_asked(edit)`` from a row's "Undo"."""

    undo_asked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seatNotices")
        self.setStyleSheet(_STYLE)
        self.setAccessibleName("Notices from the other seats")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 6, 8, 6)
        self._layout.setSpacing(4)
        self.rows: list[NoticeRow] = []
        self.undo_allowed = True
        self.hide()

    def add(self, notices: Sequence[SeatNotice]) -> None:
        """Show ``notices`` above the ones shown (the oldest beyond ``SHOWN`` give way)."""
        for notice in notices:
            row = NoticeRow(notice, self.undo_asked.emit, self.dismiss, self)
            self._layout.insertWidget(0, row)
            row.show()
            if row.undo_button is not None:
                row.undo_button.setEnabled(self.undo_allowed)
            self.rows.insert(0, row)
        for row in self.rows[SHOWN:]:
            self.dismiss(row)
        self.setVisible(bool(self.rows))

    def allow_undo(self, allowed: bool) -> None:
        """Offer "Undo" only while this seat can edit (not while the room's server is silent)."""
        self.undo_allowed = allowed
        for row in self.rows:
            if row.undo_button is not None:
                row.undo_button.setEnabled(allowed)

    def texts(self) -> list[str]:
        """The notices shown, newest first (what a screen reader reads, row by row)."""
        return [row.notice.text for row in self.rows]

    def dismiss(self, row: NoticeRow) -> None:
        if row not in self.rows:
            return
        self.rows.remove(row)
        self._layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.setVisible(bool(self.rows))
