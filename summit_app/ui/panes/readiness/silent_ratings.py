"""Silent ratings: each member scores an element unseen, then the team reveals the spread.

Rating silently first stops the loudest voice at the table from setting the
score. Until the element is revealed, no widget holds a member's number: an
entry shows dots while it is typed and is cleared once the rating is saved, and
the panel says only who has rated. Revealing shows each score, the lowest,
highest and median, and a dot plot, before the team agrees its consensus.
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan import model
from summit_app.plan.edits import AddItem, RemoveItem, SetField
from summit_app.plan.readiness import Spread, member_ratings_of, spread
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.panes.readiness.dot_plot import DotPlot, initials

HIDDEN_RATED = "●●●●  rated"
NOT_YET = "type 0–10"


class _MemberRow:
    """One member's name, hidden entry, revealed score and a clear button."""

    def __init__(self, member: model.TeamMember) -> None:
        self.member = member
        self.name = QLabel(member.name or "Unnamed member")
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setValidator(QIntValidator(0, 10))
        self.entry.setMaxLength(2)
        self.entry.setAccessibleName(f"Silent rating by {member.name}")
        self.score = QLabel()
        self.score.setMinimumWidth(36)
        self.score.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear = QToolButton()
        self.clear.setText("✕")
        self.clear.setToolTip(f"Remove {member.name}'s rating")
        self.clear.setAutoRaise(True)

    def show(self, rating: model.MemberRating | None, revealed: bool) -> None:
        rated = rating is not None and rating.score is not None
        self.entry.setPlaceholderText(HIDDEN_RATED if rated else NOT_YET)
        self.score.setText(str(rating.score) if rated and revealed and rating else "")
        self.clear.setVisible(rated)


class SilentRatings(QWidget):
    """The silent-rating round for one element: entries, Reveal, then the spread."""

    consensus_requested = Signal(int)  # "agree the median"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.element_id = ""
        self._element_name = ""
        self._rows: list[_MemberRow] = []
        self._team: tuple[tuple[str, str], ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel()
        theme.mark(self.hint, "muted")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.setVerticalSpacing(4)
        layout.addLayout(self.grid)
        layout.addLayout(self._build_buttons())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.plot = DotPlot()
        layout.addWidget(self.plot)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.reveal_button = QPushButton("Reveal ratings")
        theme.mark(self.reveal_button, "primary")
        self.reveal_button.clicked.connect(self._toggle_reveal)
        self.median_button = QPushButton()
        self.median_button.clicked.connect(self._agree_median)
        row.addWidget(self.reveal_button)
        row.addWidget(self.median_button)
        row.addStretch(1)
        return row

    # -- showing -------------------------------------------------------------------------

    def show_element(self, element_id: str, element_name: str, plan: model.Plan) -> None:
        self.element_id, self._element_name = element_id, element_name
        self._ensure_rows(plan.members)
        rating = plan.item("readiness", element_id)
        revealed = bool(rating and rating.revealed)
        mine = {r.member_id: r for r in member_ratings_of(plan, element_id)}
        for row in self._rows:
            row.show(mine.get(row.member.id), revealed)
        found = spread(plan, element_id)
        self._show_state(found, revealed, len(plan.members), rating.score if rating else None)
        self._lock(self.context.read_only)

    def mark_rated_elsewhere(self, member_ids: Collection[str], where: str) -> None:
        """Members who rated elsewhere (on their phones) and not here show as rated too, still without a number."""
        for row in self._rows:
            if row.member.id in member_ids and row.entry.placeholderText() == NOT_YET:
                row.entry.setPlaceholderText(f"●●●●  {where}")

    def _lock(self, read_only: bool) -> None:
        """A plan open read-only shows the round but takes no ratings."""
        for row in self._rows:
            row.entry.setReadOnly(read_only)
            row.clear.setEnabled(not read_only)
        if read_only:
            self.reveal_button.setEnabled(False)
            self.median_button.setEnabled(False)

    def _ensure_rows(self, members: tuple[model.TeamMember, ...]) -> None:
        team = tuple((m.id, m.name) for m in members)
        if team == self._team:
            return
        self._team = team
        for row in self._rows:
            for w in (row.name, row.entry, row.score, row.clear):
                w.hide()
                self.grid.removeWidget(w)
                w.deleteLater()
        self._rows = [self._add_row(i, m) for i, m in enumerate(members)]

    def _add_row(self, i: int, member: model.TeamMember) -> _MemberRow:
        row = _MemberRow(member)
        for column, widget in enumerate((row.name, row.entry, row.score, row.clear)):
            self.grid.addWidget(widget, i, column)
        row.entry.editingFinished.connect(lambda r=row: self._commit(r))
        row.clear.clicked.connect(lambda _=False, r=row: self._remove(r))
        return row

    def _show_state(self, found: Spread, revealed: bool, team: int, consensus: int | None) -> None:
        rated = len(found.scores)
        if not team:
            self.hint.setText("Add the team on the District & team pane to rate silently.")
        elif revealed:
            self.hint.setText("Revealed: talk through the spread, then agree the consensus score.")
        else:
            self.hint.setText("Each member types a score unseen; reveal when everyone has rated.")
        self.reveal_button.setText("Hide ratings" if revealed else "Reveal ratings")
        self.reveal_button.setEnabled(revealed or rated > 0)
        self.summary.setVisible(revealed)
        self.plot.setVisible(revealed)
        self.median_button.setVisible(revealed and found.median is not None)
        if revealed:
            self._show_spread(found, consensus)
        else:  # hidden widgets must not keep another element's scores either
            self.summary.clear()
            self.median_button.setText("")
            self.plot.set_dots([], None)

    def _show_spread(self, found: Spread, consensus: int | None) -> None:
        names = dict(self._team)
        if found.low is None:
            self.summary.setText("No member has rated this element.")
        else:
            self.summary.setText(f"<b>Lowest</b> {found.low} · <b>Highest</b> {found.high} · "
                                 f"<b>Spread</b> {found.width} · <b>Median</b> {_plain(found.median)}")
        median = found.median
        if median is not None:
            self.median_button.setText(f"Set consensus to {_whole(median)} (the median)")
        self.plot.set_dots([(initials(names.get(m or "", "")), s) for m, s in found.scores], consensus)

    # -- editing -------------------------------------------------------------------------

    def _commit(self, row: _MemberRow) -> None:
        text = row.entry.text().strip()
        row.entry.clear()  # never leave a hidden score sitting in a widget
        if not text or not self.element_id:
            return
        score = int(text)
        existing = self._rating_of(row.member.id)
        label = f"Silent rating of “{self._element_name}” by {row.member.name}"
        if existing is None:
            edit = AddItem("member_ratings", model.MemberRating(
                self._new_id(row.member.id), self.element_id, row.member.id, score), label=label)
            self.context.edit(edit)
        elif existing.score != score:
            self.context.edit(SetField("member_ratings", existing.id, "score", score, label))

    def _remove(self, row: _MemberRow) -> None:
        existing = self._rating_of(row.member.id)
        if existing is not None:
            label = f"Remove {row.member.name}'s rating of “{self._element_name}”"
            self.context.edit(RemoveItem("member_ratings", existing.id, label))

    def _rating_of(self, member_id: str) -> model.MemberRating | None:
        plan = self.context.plan
        return next((r for r in plan.member_ratings
                     if r.element_id == self.element_id and r.member_id == member_id), None)

    def _new_id(self, member_id: str) -> str:
        taken = {r.id for r in self.context.plan.member_ratings}
        base = f"mr-{self.element_id}-{member_id}"
        return next(c for c in (base, *(f"{base}-{n}" for n in range(2, 10_000))) if c not in taken)

    def _toggle_reveal(self) -> None:
        rating = self.context.plan.item("readiness", self.element_id)
        revealed = not (rating and rating.revealed)
        label = f"{'Reveal' if revealed else 'Hide'} members' ratings of “{self._element_name}”"
        if rating is None:
            self.context.edit(AddItem("readiness", model.ReadinessRating(self.element_id, revealed=True), label=label))
        else:
            self.context.edit(SetField("readiness", self.element_id, "revealed", revealed, label))

    def _agree_median(self) -> None:
        median = spread(self.context.plan, self.element_id).median
        if median is not None:
            self.consensus_requested.emit(_whole(median))


def _whole(value: Decimal) -> int:
    """A median of 6.5 becomes 7: halves round up, as the team would by hand."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _plain(value: Decimal | None) -> str:
    """6 rather than 6.0; 6.5 stays 6.5."""
    if value is None:
        return "—"
    return str(value.quantize(Decimal(1))) if value == value.to_integral_value() else str(value)
