"""The roster against the seats a planning team needs, and its size against a workable table.

The seats and the size are ``plan.team``'s (the team check reads the same
ones); this view only words them: each seat filled (by whom) or open, and the
number of people at the table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.team import TEAM_SEATS, TEAM_SIZE, seat_holders, team_size_fits
from summit_app.ui.base import theme

STUDENT_VOICE = "Where possible, let students be heard too: a student at the table, or a student panel the team asks."


def holders_text(holders: list[model.TeamMember]) -> str:
    """Who fills a seat: their names ("no name yet" for a row without one), or "Open"."""
    if not holders:
        return "Open"
    return ", ".join(m.name.strip() or "a member with no name yet" for m in holders)


def size_caption() -> str:
    low, high = TEAM_SIZE
    return f"A team of {low}–{high}"


def size_text(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'}"


def _stand_out(status: QLabel, gap: bool) -> None:
    """An open seat or a team of the wrong size stands out; a filled seat reads as plain text."""
    if gap:
        theme.mark(status, "gapFigure")
    elif status.objectName():
        status.setObjectName("")
        status.setStyleSheet("")


class TeamSeats(QWidget):
    """"Recommended seats": one row per seat a team needs, then the team's size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Recommended seats")
        theme.mark(title, "sectionTitle")
        layout.addWidget(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for row, caption in enumerate([seat.name for seat in TEAM_SEATS] + [size_caption()]):
            what, status = QLabel(caption), QLabel()
            status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            status.setWordWrap(True)
            status.setAccessibleName(caption)
            grid.addWidget(what, row, 0)
            grid.addWidget(status, row, 1)
            self.rows.append((what, status))
        grid.setColumnStretch(2, 1)  # statuses as wide as their text: an open seat is a short red mark
        layout.addLayout(grid)
        self.student_voice = QLabel(STUDENT_VOICE)
        self.student_voice.setWordWrap(True)
        theme.mark(self.student_voice, "muted")
        layout.addWidget(self.student_voice)

    def refresh(self, plan: model.Plan) -> None:
        shown = [(holders_text(holders), bool(holders)) for _seat, holders in seat_holders(plan)]
        shown.append((size_text(len(plan.members)), team_size_fits(len(plan.members))))
        for (_what, status), (text, ok) in zip(self.rows, shown, strict=True):
            status.setText(f"{'✓' if ok else '✗'}  {text}")
            _stand_out(status, not ok)

    def statuses(self) -> dict[str, str]:
        """Each row's caption and what it shows (for the room's screen reader and the tests)."""
        return {what.text(): status.text() for what, status in self.rows}
