"""Hearing a table's phones: the seat's ``TableRounds`` and a socket notifier on its listening connection.

When a member scores or places dots, ``rang`` fires and the phones' panels
ask again who has answered (names only; no score is read before the table
reveals). ``asking`` is what the table's phones are asked, by this seat or
another: read from the room's server when the bell rings.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from PySide6.QtCore import QObject, QSocketNotifier, Qt, Signal
from PySide6.QtWidgets import QLabel

from summit_app.room.phones.seats import TableRounds
from summit_app.store.errors import PlanFileError
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.theme import ACCENT_SOFT, LINE


#: The phones' panels: a tinted box, so what the phones do stands apart from what is typed here.
def plain_line(name: str = "") -> QLabel:
    """A wrapped line of plain text (names typed by members are never read as markup), named for screen readers."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setAccessibleName(name)
    return label


PANEL_STYLE = f"""
QFrame#phonesPanel {{ background: {ACCENT_SOFT}; border: 1px solid {LINE}; border-radius: 8px; }}
QFrame#phonesPanel QLabel {{ background: transparent; }}
"""


class PhoneBell(QObject):
    """The table's phone rounds as the seat's window drives them; ``close`` when the seat leaves."""

    rang = Signal()  # a member answered, or the round changed: look again at who has answered

    def __init__(self, context: UiContext, rounds: TableRounds, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rounds = rounds
        #: What the table's phones are asked: ("rate", element id), ("vote", "") or None (nothing).
        self.asking: tuple[str, str] | None = None
        self._notifier = self._listen()
        self._look()

    def _listen(self) -> QSocketNotifier:
        notifier = QSocketNotifier(self.rounds.listen(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._ring)
        return notifier

    def renew(self, rounds: TableRounds) -> None:
        """The seat is back after losing the room's server: new connections, and a look at who answered meanwhile."""
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self.rounds.close()
        self.rounds = rounds
        self._notifier = self._listen()
        self._look()
        self.rang.emit()

    def _look(self) -> None:
        """What the phones are asked now (another seat of the table may have asked); kept as it was if unreachable."""
        with suppress(PlanFileError):
            self.asking = self.rounds.asking()

    def _ring(self) -> None:
        try:
            heard = self.rounds.heard()
        except PlanFileError:
            self._notifier.setEnabled(False)  # the connection is gone: the panels say so on their next call
            heard = True
        if heard:
            self._look()
            self.rang.emit()

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self.rounds.close()


def names_of(context: UiContext, member_ids: Sequence[str]) -> list[str]:
    """The plan's names for these members, in the team's order (never anything they answered)."""
    answered = set(member_ids)
    return [m.name.strip() or "A member" for m in context.plan.members if m.id in answered]


def who_line(context: UiContext, member_ids: Sequence[str], verb: str) -> str:
    """"2 of 3 have rated: Ana Ruiz, Ben Okafor" — the team's count and names only."""
    names = names_of(context, member_ids)
    team = len(context.plan.members)
    if not names:
        return f"No one has {verb} on a phone yet (0 of {team})."
    have = "has" if len(names) == 1 else "have"
    return f"{len(names)} of {team} {have} {verb}: {', '.join(names)}"
