"""A table's join code on the facilitator's screen: as text and as a QR code, and its passphrase when asked.

The code holds no secret (where the room is, which table, the certificate's
fingerprint), so it is shown at once, large enough for a laptop's camera. The
passphrase is shown only on request, for the facilitator to give that one
table, and hidden again after a new one is made.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from summit_app.room import facilitator
from summit_app.room.qr import qr_png
from summit_app.ui.base import theme
from summit_app.ui.room.console_jobs import REFUSALS, refusal_text

QR_SCALE = 7


class JoinCodeView(QDialog):
    """Table NAME's join code (text, QR code) and a button that shows its passphrase."""

    def __init__(self, room: Path, table: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room, self.table, self.code = room, table, code
        self.setWindowTitle(f"Join table {table}")
        self.setModal(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        title = QLabel(f"Table {table}")
        theme.mark(title, "welcomeTitle")
        layout.addWidget(title)
        how = QLabel("In Summit Planner: File ▸ Join a summit table…, then scan or paste this code "
                     "and type the table's passphrase.")
        how.setWordWrap(True)
        theme.mark(how, "muted")
        layout.addWidget(how)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(f"Join code of table {table} as a QR code")
        image = QPixmap()
        image.loadFromData(qr_png(code, QR_SCALE), "PNG")
        self.qr.setPixmap(image)
        layout.addWidget(self.qr)
        self.code_label = QLabel(code)
        self.code_label.setWordWrap(True)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code_label.setAccessibleName("Join code")
        layout.addWidget(self.code_label)
        layout.addLayout(self._passphrase_row())

    def _passphrase_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.passphrase = QLabel()
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(QFont.Weight.DemiBold)
        self.passphrase.setFont(font)
        self.show_button = QPushButton("Show the passphrase")
        self.show_button.clicked.connect(self.toggle_passphrase)
        row.addWidget(self.show_button)
        row.addWidget(self.passphrase, 1)
        copy = QPushButton("Copy the code")
        copy.clicked.connect(self._copy)
        row.addWidget(copy)
        return row

    def toggle_passphrase(self) -> None:
        """Show the table's passphrase (read from the room's state now), or hide it again."""
        if self.passphrase.text():
            self.passphrase_changed()
            return
        try:
            _state, seat = facilitator.table_seat(self.room, self.table)
        except REFUSALS as exc:
            self.passphrase.setText("")
            self.show_button.setToolTip(refusal_text(exc))
            return
        self.passphrase.setText(seat.passphrase)
        self.show_button.setText("Hide the passphrase")

    def passphrase_changed(self) -> None:
        """Hide the passphrase (a new one was made, or it was shown long enough)."""
        self.passphrase.clear()
        self.show_button.setText("Show the passphrase")

    def _copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.code)
