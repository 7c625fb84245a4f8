"""A seat's phones in its window: the readiness step's panel, the dot-vote dialog's part.

``open_desk`` gives a ``PhonesDesk`` when the room has the phone service
(the seat's ``TableRounds`` answers); without it nothing in the window
changes. The desk puts the rating panel under the readiness step's silent
ratings and is the context's ``phones``, which the dot-vote dialog asks for
its part.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSpinBox, QWidget

from summit_app.plan.voting import Choice
from summit_app.room.phones.seats import TableRounds
from summit_app.store.errors import PlanFileError
from summit_app.ui.base.context import UiContext
from summit_app.ui.panes.readiness.readiness import ReadinessPane
from summit_app.ui.room.phones_bell import PhoneBell
from summit_app.ui.room.phones_rating import PhoneRatingPanel
from summit_app.ui.room.phones_vote import PhoneVotePanel
from summit_app.ui.workspace.workspace import PlanWorkspace


class PhonesDesk(QObject):
    """What the seat's window does with the members' phones; ``close`` when the seat leaves."""

    def __init__(self, context: UiContext, rounds: TableRounds, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.bell = PhoneBell(context, rounds, self)
        self.rating_panel: PhoneRatingPanel | None = None

    def install(self, workspace: PlanWorkspace) -> None:
        """Put the phones' panel under the readiness step's silent ratings; the voting dialog finds ``phones``."""
        self.context.phones = self
        pane = workspace.pane("readiness")
        assert isinstance(pane, ReadinessPane)
        detail = pane.detail
        self.rating_panel = PhoneRatingPanel(self.bell, detail)
        layout = detail.layout()
        layout.insertWidget(layout.indexOf(detail.silent) + 1, self.rating_panel)  # type: ignore[attr-defined]

    def vote_panel(self, goals: Callable[[], Sequence[Choice]], dots: QSpinBox, parent: QWidget) -> QWidget:
        """The dot-vote dialog's part for the phones: open the vote there, see who voted, close and rank."""
        return PhoneVotePanel(self.bell, goals, dots, parent)

    def back(self, location: str) -> None:
        """The seat is back in the room: the phones are reached anew (quietly kept as they were if they are not)."""
        try:
            rounds = TableRounds(location)
            self.bell.renew(rounds)
        except PlanFileError:
            return

    def close(self) -> None:
        if self.context.phones is self:
            self.context.phones = None
        self.bell.close()


def open_desk(context: UiContext, location: str, workspace: PlanWorkspace, parent: QObject) -> PhonesDesk | None:
    """The seat's phones, if the room has the phone service (else None: nothing changes in the window)."""
    try:
        rounds = TableRounds(location)
    except PlanFileError:
        return None
    try:
        rounds.who_voted()  # the service's functions are there, and this table may call them
        desk = PhonesDesk(context, rounds, parent)
    except PlanFileError:
        rounds.close()
        return None
    desk.install(workspace)
    return desk
