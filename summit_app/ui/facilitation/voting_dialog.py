"""The dot-voting dialog: members vote in turn (or the facilitator votes for each), the tally ranks.

For goals the ranking can become the goals' priorities in one undoable edit;
for readiness gears it shows which gears the team wants to act on first. The
votes stay in this dialog for as long as the plan is open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan import model
from summit_app.plan.edits import Edit
from summit_app.plan.voting import (
    DEFAULT_DOTS,
    MAX_DOTS,
    Choice,
    VotingSession,
    goal_choices,
    member_voters,
    priority_edit,
)
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.theme import ACCENT

GOALS, GEARS = "goals", "gears"
SUBJECTS = {GOALS: "Goals", GEARS: "Readiness gears"}


class _BallotRow:
    """One option on the current voter's ballot: name, −, their dots, +."""

    def __init__(self, option: Choice) -> None:
        self.option_id, name = option
        self.name = QLabel(name)
        self.name.setWordWrap(True)
        self.minus = QPushButton("−")
        self.minus.setAccessibleName(f"Take a dot off {name}")
        self.dots = QLabel()
        self.dots.setStyleSheet(f"color: {ACCENT}; font-weight: 700;")
        self.dots.setMinimumWidth(self.dots.fontMetrics().horizontalAdvance("● ") * 6)
        self.plus = QPushButton("+")
        self.plus.setAccessibleName(f"Put a dot on {name}")

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name, self.minus, self.dots, self.plus)


class VotingDialog(QDialog):
    """Dot voting on the open plan's goals or on the readiness gears."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Dot voting")
        self.context = context
        plan = context.plan
        gears = [(g.id, g.name) for g in context.content.gears]
        self.sessions = {GOALS: VotingSession(goal_choices(plan), member_voters(plan)),
                         GEARS: VotingSession(gears, member_voters(plan))}
        self.rows: list[_BallotRow] = []
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_settings())
        layout.addLayout(self._build_voter_row())
        columns = QHBoxLayout()
        self.ballot = QGridLayout()
        self.ballot.setColumnStretch(0, 1)
        ballot_box = QVBoxLayout()
        ballot_box.addLayout(self.ballot)
        ballot_box.addStretch(1)
        columns.addLayout(ballot_box, 3)
        columns.addWidget(self._build_tally(), 2)
        layout.addLayout(columns, 1)
        layout.addLayout(self._build_buttons())
        #: A seat's members' phones, when the room has them: the vote can be held there instead.
        self.phones = context.phones.vote_panel(lambda: goal_choices(self.context.plan), self.dots, self) \
            if context.phones is not None else None
        if self.phones is not None:
            layout.addWidget(self.phones)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        context.plan_changed.connect(self._plan_changed)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(context.undo_stack.undo)
        self._rebuild()
        self.resize(1100, 640)

    # -- building ------------------------------------------------------------------------------

    def _build_settings(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.subject = QComboBox()
        for key, name in SUBJECTS.items():
            self.subject.addItem(name, key)
        self.subject.currentIndexChanged.connect(lambda _i: self._rebuild())
        self.dots = QSpinBox()
        self.dots.setRange(1, MAX_DOTS)
        self.dots.setValue(DEFAULT_DOTS)
        self.dots.valueChanged.connect(self._set_dots)
        for text, widget in (("Vote on", self.subject), ("Dots each", self.dots)):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _build_voter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.voter = QComboBox()
        self.voter.setAccessibleName("Voter")
        self.voter.currentIndexChanged.connect(lambda _i: self._show_ballot())
        self.left = QLabel()
        self.next_button = QPushButton("Next voter ▶")
        self.next_button.clicked.connect(self.next_voter)
        label = QLabel("Voting now")
        label.setBuddy(self.voter)
        for widget in (label, self.voter, self.left):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.next_button)
        return row

    def _build_tally(self) -> QTableWidget:
        self.tally = QTableWidget(0, 3)
        self.tally.setHorizontalHeaderLabels(["Rank", "Option", "Dots"])
        self.tally.setAccessibleName("Tally")
        self.tally.verticalHeader().hide()
        self.tally.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tally.setTabKeyNavigation(False)  # one Tab stop: arrows move among the rows
        header = self.tally.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        return self.tally

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.apply_button = QPushButton("Set goal priorities from the tally")
        theme.mark(self.apply_button, "primary")
        self.apply_button.clicked.connect(self.apply_priorities)
        self.clear_button = QPushButton("Clear votes")
        self.clear_button.clicked.connect(self.clear_votes)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        for widget in (self.apply_button, self.clear_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(close)
        return row

    # -- state ---------------------------------------------------------------------------------

    def subject_key(self) -> str:
        return str(self.subject.currentData())

    def session(self) -> VotingSession:
        return self.sessions[self.subject_key()]

    def voter_id(self) -> str:
        return str(self.voter.currentData() or "")

    def _rebuild(self) -> None:
        """A subject or the plan changed: voters, ballot rows and tally anew."""
        session = self.session()
        current = self.voter_id()
        self.voter.blockSignals(True)
        self.voter.clear()
        for voter_id, name in session.voters:
            self.voter.addItem(name, voter_id)
        self.voter.setCurrentIndex(max(0, self.voter.findData(current)))
        self.voter.blockSignals(False)
        self.dots.blockSignals(True)
        self.dots.setValue(session.dots)
        self.dots.blockSignals(False)
        self._rebuild_ballot(session)
        self.apply_button.setVisible(self.subject_key() == GOALS)
        self._show_ballot()

    def _rebuild_ballot(self, session: VotingSession) -> None:
        for row in self.rows:
            for widget in row.widgets():
                self.ballot.removeWidget(widget)
                widget.deleteLater()
        self.rows = []
        for i, option in enumerate(session.options):
            row = _BallotRow(option)
            for column, widget in enumerate(row.widgets()):
                self.ballot.addWidget(widget, i, column)
            row.plus.clicked.connect(lambda _c=False, o=row.option_id: self.vote(o, 1))
            row.minus.clicked.connect(lambda _c=False, o=row.option_id: self.vote(o, -1))
            self.rows.append(row)

    def _show_ballot(self) -> None:
        session, voter = self.session(), self.voter_id()
        left = session.left(voter)
        for row in self.rows:
            placed = session.placed(voter, row.option_id)
            row.dots.setText(" ".join("●" * placed) or "—")
            row.plus.setEnabled(left > 0)
            row.minus.setEnabled(placed > 0)
        self.left.setText(f"{left} of {session.dots} dots left")
        self._show_tally()

    def _show_tally(self) -> None:
        rows = self.session().tally()
        self.tally.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for column, value in enumerate((str(row.rank), row.name, str(row.dots))):
                item = QTableWidgetItem(value)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                else:
                    item.setToolTip(value)  # the whole name, where a narrow dialog shortens it
                self.tally.setItem(i, column, item)
        voted = sum(row.dots for row in rows)
        self.apply_button.setEnabled(voted > 0 and not self.context.read_only)

    # -- actions -------------------------------------------------------------------------------

    def vote(self, option_id: str, change: int) -> bool:
        """The current voter puts (+1) or takes back (−1) a dot."""
        session, voter = self.session(), self.voter_id()
        done = session.add_dot(voter, option_id) if change > 0 else session.remove_dot(voter, option_id)
        self._show_ballot()
        return done

    def next_voter(self) -> None:
        count = self.voter.count()
        if count:
            self.voter.setCurrentIndex((self.voter.currentIndex() + 1) % count)

    def _set_dots(self, dots: int) -> None:
        chosen = self.session().set_dots(dots)
        if chosen != dots:
            self.dots.blockSignals(True)
            self.dots.setValue(chosen)
            self.dots.blockSignals(False)
            self.status.setText(f"Someone has already placed {chosen} dots; take some back first.")
        self._show_ballot()

    def clear_votes(self) -> None:
        self.session().clear()
        self._show_ballot()

    def apply_priorities(self) -> bool:
        """Write the ranking as the goals' priorities: one edit, one undo step."""
        edit = priority_edit(self.context.plan, self.sessions[GOALS].tally())
        if edit is None:
            self.status.setText("The goals' priorities already follow the tally.")
            return False
        done = self.context.edit(edit)
        self.status.setText("Goal priorities set from the tally (Undo puts them back)." if done
                            else "The priorities could not be set.")
        return done

    def _plan_changed(self, edit: Edit, plan: model.Plan) -> None:
        goals = self.sessions[GOALS]
        if goal_choices(plan) != goals.options:
            goals.set_options(goal_choices(plan))
            if self.subject_key() == GOALS:
                self._rebuild()
        elif self.subject_key() == GOALS:
            self._show_tally()
