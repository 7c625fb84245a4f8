"""The dot-vote dialog's part for the members' phones: open the vote there, see who has voted, close and rank.

While the vote is open this panel holds names only (``who_voted``). Closing
returns each goal's total, never anyone's own dots; the ranking becomes the
goals' priorities as one edit through the seat (``plan.voting.priority_edit``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from summit_app.plan.voting import Choice, TallyRow, priority_edit
from summit_app.store.errors import PlanFileError
from summit_app.ui.base import theme
from summit_app.ui.room.phones_bell import PANEL_STYLE, PhoneBell, plain_line, who_line


class PhoneVotePanel(QFrame):
    """Vote on phones / Close and set priorities, and who has voted."""

    def __init__(self, desk: PhoneBell, goals: Callable[[], Sequence[Choice]], dots: QSpinBox,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phonesPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.setAccessibleName("Dot vote on members' phones")
        self.desk, self.goals, self.dots = desk, goals, dots
        self.open_goals: list[Choice] = []  # the goals of the vote this seat opened
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        title = QLabel("On members' phones (goals)")
        theme.mark(title, "sectionTitle")
        self.who = plain_line("Who has voted on a phone")
        self.result = plain_line()
        row = QHBoxLayout()
        self.open_button = QPushButton("Vote on phones")
        self.open_button.setToolTip("Members' phones hold a dot vote over the goals, with the dots set above")
        self.open_button.clicked.connect(self.open_vote)
        self.close_button = QPushButton("Close and set priorities")
        theme.mark(self.close_button, "primary")
        self.close_button.clicked.connect(self.close_vote)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        row.addWidget(self.who, 1)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.result)
        desk.rang.connect(self.refresh)
        desk.context.plan_changed.connect(self._plan_changed)
        self.refresh()

    def _plan_changed(self, _edit: object, _plan: object) -> None:
        """The goals may have changed, or the seat went read-only (or came back)."""
        self.refresh()

    def voting(self) -> bool:
        return self.desk.asking == ("vote", "")

    def refresh(self) -> None:
        writable = not self.desk.context.read_only
        self.open_button.setEnabled(writable and bool(self.goals()))
        self.close_button.setEnabled(writable and self.voting())
        if not self.voting():
            self.who.setText("")
            return
        try:
            voted = self.desk.rounds.who_voted()
        except PlanFileError as exc:
            self.who.setText(f"The phones cannot be reached: {exc.why}")
            return
        self.who.setText(who_line(self.desk.context, voted, "voted"))

    def open_vote(self) -> bool:
        goals = list(self.goals())
        try:
            self.desk.rounds.open_vote(goals, self.dots.value())
        except PlanFileError as exc:
            self.result.setText(f"Could not open the vote: {exc.why}")
            return False
        self.open_goals = goals
        self.desk.asking = ("vote", "")
        self.result.setText(f"The phones hold a dot vote: {self.dots.value()} dots each over {len(goals)} goals.")
        self.refresh()
        return True

    def close_vote(self) -> bool:
        """Close the phones' vote and set the goals' priorities from its ranking: one undoable edit."""
        try:
            tally = self.desk.rounds.close_vote(self.open_goals or list(self.goals()))
        except PlanFileError as exc:
            self.result.setText(f"Could not close the vote: {exc.why}")
            return False
        self.desk.asking = None
        self.refresh()
        edit = priority_edit(self.desk.context.plan, tally)
        ranking = _ranking(tally)
        if edit is None:
            self.result.setText(f"Vote closed ({ranking}); the goals' priorities already follow it.")
            return False
        done = self.desk.context.edit(edit)
        self.result.setText(f"Goal priorities set from the phones' vote ({ranking}); Undo puts them back." if done
                            else "The priorities could not be set.")
        return done


def _ranking(tally: Sequence[TallyRow]) -> str:
    return "; ".join(f"{row.rank}. {row.name}: {row.dots} dot{'s' if row.dots != 1 else ''}" for row in tally)
