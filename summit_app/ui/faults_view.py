"""What is wrong with a plan file that breaks the plan format's rules, shown instead of the plan.

Such a file is not opened for editing, signing or export: its broken items
(named by their interchange paths, as ``summit-app check`` and the JSON
import name them) are listed so the team can see what to correct, read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from summit_app.ui import theme

HEADING = "This plan was not opened: some of what it holds breaks the plan format's rules"
EXPLANATION = ("Nothing in the file was changed. It cannot be edited, exported or signed until the items "
               "below are corrected (for example by the person who sent it, from a JSON export that imports).")


class PlanFaultsView(QWidget):
    """A read-only list of a plan file's broken items; ``closed`` when the user is done with it."""

    closed = Signal()

    def __init__(self, path: Path, faults: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        heading = QLabel(HEADING)
        theme.mark(heading, "paneTitle")
        heading.setWordWrap(True)
        where = QLabel(f"{path}\n{EXPLANATION}")
        where.setWordWrap(True)
        self.faults = QListWidget()
        self.faults.addItems([f"{place}: {message}" for place, message in faults])
        close = QPushButton("Close")
        close.clicked.connect(self.closed)
        layout = QVBoxLayout(self)
        for widget in (heading, where, self.faults, close):
            layout.addWidget(widget)
