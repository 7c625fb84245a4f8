"""The room's view: one pane in large type, its title and its clock, full screen.

The stage builds its own pane instances on a ``PresentContext`` (read-only, the
public plan), so what it shows can be neither edited nor private. A frozen
stage shows a still picture of the view as it was when frozen, however the plan
and the editor move on, until it is thawed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.edits import Edit
from summit_app.ui.facilitation.present import adapt
from summit_app.ui.facilitation.present.controls import PresentControls
from summit_app.ui.facilitation.present.reveal import RevealPanel, RevealState
from summit_app.ui.facilitation.present.theme import stylesheet
from summit_app.ui.facilitation.present.view_context import PresentContext
from summit_app.ui.facilitation.timebox import TimeBox, TimerDisplay
from summit_app.ui.pane import Pane
from summit_app.ui.panes import make_pane


class PresentStage(QMainWindow):
    """Header (district, pane title, clock), optional controls, and the presented pane.

    A main window (not a bare widget) so that assistive technology meets it as a
    window of its own, with its title, when it takes the projector's screen.
    """

    leave_requested = Signal()
    step_requested = Signal(int)
    element_changed = Signal()
    pane_presented = Signal(str)  # a different pane is now in front of the room

    def __init__(self, context: PresentContext, timebox: TimeBox, reveal: RevealState, body_px: int,
                 *, with_controls: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentStage")
        self.setWindowTitle("Summit Planner — presenting")
        self.context, self.reveal = context, reveal
        self.body_px = body_px
        self.pane_id = ""
        self.frozen = False
        self._panes: dict[str, Pane] = {}
        self._stale: set[str] = set()
        self._pending = ""
        self.setStyleSheet(stylesheet(body_px))
        central = QWidget()
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)
        margin = round(body_px * 0.8)
        layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        layout.addLayout(self._build_header(timebox))
        self.controls = PresentControls(timebox, freeze=False) if with_controls else None
        if self.controls is not None:
            layout.addWidget(self.controls)
            self._connect_controls(self.controls)
        self.reveal_panel = RevealPanel(reveal)
        self.stack = QStackedWidget()
        self.stack.setObjectName("presentBody")
        self.snapshot = QLabel()
        self.snapshot.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.snapshot)
        layout.addWidget(self.stack, 1)
        self._shortcuts()
        context.plan_changed.connect(self._plan_changed)
        reveal.changed.connect(self.show_reveal)

    def _build_header(self, timebox: TimeBox) -> QHBoxLayout:
        row = QHBoxLayout()
        titles = QVBoxLayout()
        self.district = QLabel()
        self.district.setObjectName("presentDistrict")
        self.title = QLabel()
        self.title.setObjectName("presentTitle")
        titles.addWidget(self.district)
        titles.addWidget(self.title)
        row.addLayout(titles, 1)
        self.timer = TimerDisplay(timebox)
        row.addWidget(self.timer, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _connect_controls(self, controls: PresentControls) -> None:
        controls.leave_requested.connect(self.leave_requested)
        controls.step_requested.connect(self.step_requested)
        controls.reveal_requested.connect(self.toggle_reveal)

    def _shortcuts(self) -> None:
        for keys, slot in (("F5", self.leave_requested.emit), ("Ctrl+PgDown", lambda: self.step_requested.emit(1)),
                           ("Ctrl+PgUp", lambda: self.step_requested.emit(-1))):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # -- panes -----------------------------------------------------------------------------

    def pane(self, pane_id: str) -> Pane:
        """The stage's own instance of ``pane_id``, built on first use."""
        pane = self._panes.get(pane_id)
        if pane is None:
            pane = make_pane(pane_id, self.context)
            self._panes[pane_id] = pane
            self.stack.addWidget(pane)
            adapt.prepare(pane, self.reveal_panel, self.show_reveal)
            pane.refresh(self.context.plan)
            adapt.tidy(pane)
        return pane

    def show_pane(self, pane_id: str) -> None:
        """Present ``pane_id`` (held back while frozen, shown on thaw)."""
        if self.frozen:
            self._pending = pane_id
            return
        changed, self.pane_id = pane_id != self.pane_id, pane_id
        pane = self.pane(pane_id)
        if pane_id in self._stale:
            self._stale.discard(pane_id)
            pane.refresh(self.context.plan)
            adapt.tidy(pane)
        self.stack.setCurrentWidget(pane)
        self.district.setText(self.context.plan.district.name or "Untitled district")
        self.title.setText(self.context.content.guidance[pane_id].title)
        self.show_reveal()
        if changed:
            self.pane_presented.emit(pane_id)

    def current_pane(self) -> Pane | None:
        return self._panes.get(self.pane_id)

    def _plan_changed(self, edit: Edit, plan: model.Plan) -> None:
        for pane_id, pane in self._panes.items():
            if pane_id == self.pane_id and not self.frozen:
                pane.refresh(plan)
                adapt.tidy(pane)
            else:
                self._stale.add(pane_id)
        if not self.frozen:
            self.district.setText(plan.district.name or "Untitled district")
            self.show_reveal()

    # -- freezing --------------------------------------------------------------------------

    def set_frozen(self, frozen: bool) -> None:
        """Hold the room's view still (a picture of it), or show the live pane again."""
        if frozen == self.frozen:
            return
        if frozen:
            shown = self.stack.currentWidget()
            if shown is not None:
                self.snapshot.setPixmap(shown.grab())
            self.stack.setCurrentWidget(self.snapshot)
            self.frozen = True
            return
        self.frozen = False
        self.snapshot.clear()
        self._stale.update(self._panes)
        self.show_pane(self._pending or self.pane_id)
        self._pending = ""

    # -- silent ratings --------------------------------------------------------------------

    def current_element(self) -> tuple[str, str] | None:
        """(id, name) of the readiness element on show, when the readiness pane is presented."""
        pane = self._panes.get("readiness") if self.pane_id == "readiness" else None
        return pane.present_hooks().element() if pane is not None else None

    def select_element(self, element_id: str) -> None:
        if self.pane_id == "readiness" and not self.frozen:
            self.pane("readiness").select_item("readiness", element_id)

    def reveal_status(self) -> tuple[bool, bool]:
        """(Reveal can be offered, the element on show is revealed)."""
        element = self.current_element()
        if element is None:
            return False, False
        rated = any(r.element_id == element[0] and r.score is not None for r in self.context.plan.member_ratings)
        return rated, self.reveal.is_revealed(element[0])

    def show_reveal(self) -> None:
        element = self.current_element()
        if element is not None and not self.frozen:
            self.reveal_panel.show_element(*element, self.context.plan)
        if self.controls is not None:
            self.controls.show_reveal(*self.reveal_status())
        self.element_changed.emit()

    def toggle_reveal(self) -> None:
        element = self.current_element()
        if element is not None:
            self.reveal.toggle(element[0])

    # -- keys ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed by the window manager: present mode ends as if Esc was pressed."""
        self.leave_requested.emit()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc that no widget wanted leaves present mode."""
        if event.key() == Qt.Key.Key_Escape:
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)
