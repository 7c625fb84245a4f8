"""File ▸ Join a summit table…: the join code, the passphrase, the seat's name and where to keep the mirror.

Joining asks the network (the room's certificate, the passphrase, the plan),
so it runs on a thread of its own while the dialog shows it is busy. A
refusal — a code that is not one, a certificate that does not match, a wrong
passphrase, a room out of reach — is shown in the dialog as the one line the
room's code gives (``UsageError``: what, and what to do), never a traceback;
the person corrects it and tries again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from summit_app.room.join import connect_seat, parse_join_code
from summit_app.room.seat import Seat
from summit_app.room.takehome import take_home
from summit_app.store.errors import PlanFileError
from summit_app.ui.base import theme
from summit_app.ui.base.prompts import Prompts, with_plan_suffix
from summit_app.ui.room.seat_session import SeatPlace
from summit_app.workflows.errors import UsageError

_ERROR_STYLE = (f"QLabel {{ color: {theme.DANGER}; background: {theme.DANGER_SOFT}; border: 1px solid {theme.DANGER};"
                " border-radius: 6px; padding: 6px 10px; }")


@dataclass(frozen=True)
class JoinRequest:
    """What the dialog was given."""

    code: str
    passphrase: str
    author: str
    mirror: Path


@dataclass(frozen=True)
class Joined:
    """A seat at the table, its plan read, its mirror written: the window opens it."""

    seat: Seat
    place: SeatPlace


def join(request: JoinRequest) -> Joined:
    """Check the room and the passphrase, write the mirror, take the seat (off the GUI thread).

    ``UsageError`` or ``PlanFileError`` with one line if any step is refused.
    """
    code = parse_join_code(request.code)
    location = connect_seat(code, request.passphrase)
    place = SeatPlace(code.table, f"{code.host}:{code.port}", location, request.mirror)
    take_home([(location, request.mirror)], force=True)
    return Joined(Seat(location, request.author), place)


def refusal(exc: Exception) -> str:
    """The one line a refusal is shown as, starting with a capital."""
    if isinstance(exc, UsageError | PlanFileError):
        text = f"{exc.what}: {exc.why}"
    else:
        text = f"Could not join ({type(exc).__name__}: {exc})"
    return text[:1].upper() + text[1:]


class JoinDialog(QDialog):
    """Ask for the table's code and passphrase; ``joined(Joined)`` once the seat is taken."""

    joined = Signal(object)
    _outcome = Signal(object)  # from the joining thread: a Joined, or the refusal's words

    def __init__(self, author: str, prompts: Prompts, folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Join a summit table")
        self.setAccessibleName("Join a summit table")
        self.prompts = prompts
        self.folder = folder or Path.home()
        self.busy = False
        self._mirror_chosen = False
        layout = QVBoxLayout(self)
        intro = QLabel("Paste the join code the facilitator gave your table, and type the table's passphrase.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._form(author))
        self.error = QLabel()
        self.error.setObjectName("joinRefused")
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Why the table could not be joined")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addLayout(self._busy_row())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = self.buttons.addButton("Join", QDialogButtonBox.ButtonRole.AcceptRole)
        self.join_button.setDefault(True)
        theme.mark(self.join_button, "primary")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._outcome.connect(self._finished)
        self.resize(640, self.sizeHint().height())

    def _form(self, author: str) -> QFormLayout:
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText("summit://…")
        self.code.setAccessibleName("Join code")
        self.code.textChanged.connect(self._suggest_mirror)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Table passphrase")
        self.author = QLineEdit(author)
        self.author.setAccessibleName("Your name at the table")
        self.mirror = QLineEdit()
        self.mirror.setAccessibleName("Keep a copy of the plan in")
        self.mirror.textEdited.connect(lambda _t: setattr(self, "_mirror_chosen", True))
        choose = QPushButton("Choose…")
        choose.setAccessibleName("Choose where to keep the copy")
        choose.clicked.connect(lambda _c=False: self.choose_mirror())
        where = QHBoxLayout()
        where.addWidget(self.mirror, 1)
        where.addWidget(choose)
        for label, editor in (("&Join code", self.code), ("&Passphrase", self.passphrase),
                              ("Your &name", self.author)):
            row = QLabel(label)
            row.setBuddy(editor)
            form.addRow(row, editor)
        mirror_label = QLabel("&Keep a copy in")
        mirror_label.setBuddy(self.mirror)
        form.addRow(mirror_label, where)
        return form

    def _busy_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # no steps to count: it moves while the room is asked
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName("Joining")
        self.busy_label = QLabel()
        row.addWidget(self.progress)
        row.addWidget(self.busy_label, 1)
        self.progress.hide()
        self.busy_label.hide()
        return row

    # -- the mirror ---------------------------------------------------------------------

    def _suggest_mirror(self, text: str) -> None:
        """Name the copy after the table the code names, until the person picks a place themselves."""
        if self._mirror_chosen:
            return
        try:
            table = parse_join_code(text).table
        except UsageError:
            return
        self.mirror.setText(str(self.folder / f"Summit table {table}.techplan"))

    def choose_mirror(self) -> None:
        suggested = Path(self.mirror.text()) if self.mirror.text() else self.folder / "Summit table.techplan"
        chosen = self.prompts.save_path("Keep a copy of the table's plan in", suggested)
        if chosen is not None:
            self.mirror.setText(str(with_plan_suffix(chosen)))
            self._mirror_chosen = True

    # -- joining ------------------------------------------------------------------------

    def request(self) -> JoinRequest | None:
        """What was typed, or None after saying what is missing."""
        if not self.code.text().strip():
            self.refused("Paste the join code the facilitator gave your table (it starts with summit://).")
            return None
        if not self.author.text().strip():
            self.refused("Type your name: the other seats see it beside your changes.")
            return None
        if not self.mirror.text().strip():
            self.refused("Say where to keep the copy of the plan on this computer (Choose…).")
            return None
        mirror = with_plan_suffix(Path(self.mirror.text().strip()).expanduser())
        return JoinRequest(self.code.text(), self.passphrase.text(), self.author.text().strip(), mirror)

    def start(self) -> None:
        """Join on a thread of its own; the dialog shows it is busy meanwhile."""
        if self.busy:
            return
        request = self.request()
        if request is None:
            return
        self._set_busy(True)
        threading.Thread(target=self._join, args=(request,), name="joining a table", daemon=True).start()

    def _join(self, request: JoinRequest) -> None:
        try:
            outcome: object = join(request)
        except Exception as exc:  # every refusal is shown in the dialog; none may escape the thread
            outcome = refusal(exc)
        self._outcome.emit(outcome)

    def _finished(self, outcome: object) -> None:
        self._set_busy(False)
        if isinstance(outcome, Joined):
            if self.result() == QDialog.DialogCode.Rejected and not self.isVisible():
                outcome.seat.close()  # cancelled while joining: leave the table again
                return
            self.error.hide()
            self.passphrase.clear()  # not kept in the window once the seat is taken
            self.accept()
            self.joined.emit(outcome)
        else:
            self.refused(str(outcome))

    def refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.setAccessibleDescription(message)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.code, self.passphrase, self.author, self.mirror, self.join_button):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.busy_label.setText("Joining the table: checking the room's certificate and the passphrase…")
        if busy:
            self.error.hide()
