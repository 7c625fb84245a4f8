"""The welcome screen: start a blank plan, start from the demo district, open one, or reopen a recent one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from summit_app.ui.base import theme


class WelcomeScreen(QWidget):
    """Shown when no plan is open; the window acts on its signals."""

    new_blank = Signal()
    new_demo = Signal()
    open_other = Signal()
    open_recent = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        outer = QHBoxLayout(self)
        column = QVBoxLayout()
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        column.addStretch(1)
        title = QLabel("Summit Planner")
        theme.mark(title, "welcomeTitle")
        column.addWidget(title)
        intro = QLabel("Build your district's technology plan together: vision first, then people, "
                       "privacy, network and devices, and only then the budget. Every change is saved as you go.")
        intro.setWordWrap(True)
        theme.mark(intro, "muted")
        column.addWidget(intro)
        column.addLayout(self._buttons())
        column.addWidget(self._recent_section())
        column.addStretch(2)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, signal, primary in (("&New blank plan…", self.new_blank, True),
                                      ("New from &demo plan…", self.new_demo, False),
                                      ("&Open a plan…", self.open_other, False)):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", ""))
            if primary:
                theme.mark(button, "primary")
            button.clicked.connect(signal.emit)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _recent_section(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 12, 0, 0)
        label = QLabel("&Recent plans")
        theme.mark(label, "sectionTitle")
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent plans")
        label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._activated)
        layout.addWidget(label)
        layout.addWidget(self.recent)
        return box

    def set_recent(self, plans: list[Path]) -> None:
        self.recent.clear()
        for path in plans:
            item = QListWidgetItem(f"{path.stem}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not plans:
            item = QListWidgetItem("No recent plans yet.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.open_recent.emit(Path(path))
