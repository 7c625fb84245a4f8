"""What is wrong with a plan file that breaks the plan format's rules, shown instead of the plan.

Such a file is not opened for editing, signing or export: its broken items
(named by their interchange paths, as ``summit-app check`` and the JSON
import name them) are listed so the team can see what to correct, read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from summit_app.ui.base import theme

HEADING = "This plan was not opened: some of what it holds breaks the plan format's rules"
EXPLANATION = ("Nothing in the file was changed. It cannot be edited, exported or signed until the items "
               "below are corrected (for example by the person who sent it, from a JSON export that imports).")


REPAIR_HINT = ("Save a repaired copy makes a new plan file from this one with each broken item set back to its "
               "default, or left out; this file stays as it is. Check the list of changes, then re-enter what "
               "was lost.")


class PlanFaultsView(QWidget):
    """A read-only list of a plan file's broken items; ``closed`` when the user is done with it.

    ``repair_asked`` when the user asks for a repaired copy (offered only when the
    plan's values could be read, so there is something to repair).
    """

    closed = Signal()
    repair_asked = Signal()

    def __init__(self, path: Path, faults: Sequence[tuple[str, str]], parent: QWidget | None = None,
                 *, repairable: bool = False) -> None:
        super().__init__(parent)
        self.path = path
        heading = QLabel(HEADING)
        theme.mark(heading, "paneTitle")
        heading.setWordWrap(True)
        where = QLabel(f"{path}\n{EXPLANATION}")
        where.setWordWrap(True)
        self.faults = QListWidget()
        self.faults.addItems([f"{place}: {message}" for place, message in faults])
        self.faults.setAccessibleName("Broken items")
        close = QPushButton("Close")
        close.clicked.connect(self.closed)
        self.repair = QPushButton("Save a repaired copy…")
        self.repair.setToolTip(REPAIR_HINT)
        self.repair.setVisible(repairable)
        self.repair.clicked.connect(self.repair_asked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.repair)
        buttons.addWidget(close)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (heading, where, self.faults):
            layout.addWidget(widget)
        if repairable:
            hint = QLabel(REPAIR_HINT)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addLayout(buttons)
