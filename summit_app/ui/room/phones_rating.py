"""The readiness step's part for the members' phones: ask them to rate this element, see who has, reveal.

Until the table reveals, this panel holds names only: who has scored, from
``who_rated``, never a number. Reveal reads the scores (the phones mark them
revealed in the same step) and writes them as one edit through the seat,
``plan.revealing.reveal_edit``: one undo step takes the whole reveal back, and
the silent ratings above then show the spread as for ratings typed here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from summit_app.plan.revealing import reveal_edit
from summit_app.store.errors import PlanFileError
from summit_app.ui.base import theme
from summit_app.ui.panes.readiness.readiness_detail import ElementDetail
from summit_app.ui.room.phones_bell import PANEL_STYLE, PhoneBell, plain_line, who_line


class PhoneRatingPanel(QFrame):
    """Rate on phones / Reveal / Stop asking, and who has rated the element shown."""

    def __init__(self, desk: PhoneBell, detail: ElementDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phonesPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.setAccessibleName("Members' phones")
        self.desk, self.detail = desk, detail
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        title = QLabel("On members' phones")
        theme.mark(title, "sectionTitle")
        self.state = QLabel()
        self.state.setWordWrap(True)
        theme.mark(self.state, "muted")
        self.who = plain_line("Who has rated on a phone")
        for widget in (title, self.state, self.who):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())
        detail.shown.connect(self.refresh)
        desk.rang.connect(self.refresh)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.ask_button = QPushButton("Rate on phones")
        self.ask_button.setToolTip("Members' phones ask for a score of this element now")
        self.ask_button.clicked.connect(self.ask)
        self.reveal_button = QPushButton("Reveal")
        theme.mark(self.reveal_button, "primary")
        self.reveal_button.setToolTip("Read the phones' scores into the plan as one edit (Undo takes it back)")
        self.reveal_button.clicked.connect(self.reveal)
        self.stop_button = QPushButton("Stop asking")
        self.stop_button.clicked.connect(self.stop)
        for button in (self.ask_button, self.reveal_button, self.stop_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def element_id(self) -> str:
        element = self.detail.element
        return element.id if element is not None and not element.retired else ""

    def refresh(self) -> None:
        """Who has rated the element shown (names only), and what the phones are asked."""
        element_id = self.element_id()
        if not element_id:
            self.who.setText("")
            self._enable(rated=False)
            self.state.setText("An element of an earlier framework version is not rated again.")
            return
        try:
            rated = self.desk.rounds.who_rated(element_id)
        except PlanFileError as exc:
            self.who.setText(f"The phones cannot be reached: {exc.why}")
            self._enable(rated=False)
            return
        self.who.setText(who_line(self.desk.context, rated, "rated"))
        self.detail.silent.mark_rated_elsewhere(rated, "on phone")
        self.state.setText(self._asking_text(element_id))
        self._enable(rated=bool(rated))

    def _asking_text(self, element_id: str) -> str:
        asking = self.desk.asking
        if asking is None:
            return "The phones are not asking for anything now."
        if asking == ("rate", element_id):
            rating = self.desk.context.plan.item("readiness", element_id)
            if rating is not None and rating.revealed:
                return "Revealed: members' phones say so until the table asks for something else."
            return "The phones are asking for a score of this element."
        if asking[0] == "rate":
            name = self.desk.context.content.element(asking[1])
            return f"The phones are asking about “{name.name if name else asking[1]}”, not this element."
        return "The phones are holding a dot vote."

    def _enable(self, rated: bool) -> None:
        writable = not self.desk.context.read_only
        asked = self.desk.asking == ("rate", self.element_id())
        self.ask_button.setEnabled(writable and bool(self.element_id()) and not asked)
        self.reveal_button.setEnabled(writable and rated)
        self.stop_button.setEnabled(writable and self.desk.asking is not None)

    def _call(self, action: str, call: object) -> bool:
        try:
            call()  # type: ignore[operator]
        except PlanFileError as exc:
            self.state.setText(f"Could not {action}: {exc.why}")
            return False
        return True

    def ask(self) -> bool:
        """The phones ask for a score of the element shown."""
        element_id = self.element_id()
        if not element_id or not self._call("ask the phones", lambda: self.desk.rounds.rate_now(element_id)):
            return False
        self.desk.asking = ("rate", element_id)
        self.refresh()
        return True

    def stop(self) -> bool:
        if not self._call("stop the phones", self.desk.rounds.stop):
            return False
        self.desk.asking = None
        self.refresh()
        return True

    def reveal(self) -> bool:
        """Read the phones' scores (marked revealed there) and write them as one undoable edit."""
        element = self.detail.element
        if element is None or not self.element_id():
            return False
        try:
            scores = self.desk.rounds.reveal(element.id)
        except PlanFileError as exc:
            self.state.setText(f"Could not reveal: {exc.why}")
            return False
        context = self.desk.context
        done = context.edit(reveal_edit(context.plan, element.id, element.name, scores))
        self.refresh()
        if not done:
            self.state.setText("The revealed scores could not be written into the plan.")
        return done
