"""A table's plan projected from the room console: present mode's stage, read-only, following the table live.

The stage is present mode's own (``PresentStage``: large type, the public
plan, no editing), built on the table's plan as the room's read-only role
reads it (``room.projection.TableFeed``). A socket notifier on the feed's
listening connection applies the table's edits as they are written, and the
stage repaints the pane on show. The plan it is handed has already lost every
silent rating of an element the table has not revealed (``withhold_unrevealed``)
and then every private part (``public_plan``): no score the table keeps
hidden can reach the projector, Reveal or not.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from summit_app.plan import model
from summit_app.plan.document import PlanDocument
from summit_app.plan.steps import PANE_ORDER
from summit_app.room.projection import TableFeed, withhold_unrevealed
from summit_app.ui.base.theme import DANGER, GOOD
from summit_app.ui.facilitation.present.privacy import public_plan
from summit_app.ui.facilitation.present.reveal import RevealState
from summit_app.ui.facilitation.present.stage import PresentStage
from summit_app.ui.facilitation.present.theme import body_px
from summit_app.ui.facilitation.present.view_context import PresentContext
from summit_app.ui.facilitation.timebox import TimeBox
from summit_app.ui.room.console_jobs import REFUSALS, refusal_text

#: The projection's window height its type is sized for (a projector's 720p; full screen sizes it again).
WINDOW_SIZE = (1280, 720)


class ProjectionContext(PresentContext):
    """The table's plan as the hall may see it: silent ratings it has not revealed withheld, private parts out."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        self._shown_source: model.Plan | None = None
        self._shown = model.Plan()
        super().__init__(document, parent)

    @property
    def plan(self) -> model.Plan:
        source = self.document.plan
        if source is not self._shown_source:
            self._shown_source, self._shown = source, public_plan(withhold_unrevealed(source))
        return self._shown


class ProjectionWindow(PresentStage):
    """Table TABLE's plan on the big screen, live; ``followed(n)`` after n of the table's edits were applied."""

    followed = Signal(int)
    closed = Signal()

    def __init__(self, room: Path, table: str, parent: QWidget | None = None) -> None:
        feed = TableFeed(room, table)
        try:
            context, clock, reveal = ProjectionContext(feed.document), TimeBox(), RevealState()
            super().__init__(context, clock, reveal, body_px(WINDOW_SIZE[1]), with_controls=True, parent=parent)
        except BaseException:
            feed.close()
            raise
        for owned in (context, clock, reveal):
            owned.setParent(self)
        self.clock = clock
        self.feed, self.table = feed, table
        self.setWindowTitle(f"Table {table} — projected — Summit Planner")
        self.leave_requested.connect(self.close)
        self.step_requested.connect(self.step)
        self.notifier: QSocketNotifier | None = QSocketNotifier(feed.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.follow)
        self._live_controls(table)
        self.resize(*WINDOW_SIZE)
        self.show_pane(PANE_ORDER[0])

    def _live_controls(self, table: str) -> None:
        """No clock here (the table keeps its own time): the steps, Reveal, Close, and a word that it is live."""
        self.timer.hide()
        controls = self.controls
        assert controls is not None
        for button in (controls.pause_button, controls.more_button, controls.reset_button):
            button.hide()
        controls.leave_button.setText("Close (Esc)")
        controls.leave_button.setAccessibleName("Close (Esc)")
        self.live = QLabel(f"● Live from table {table}")
        self.live.setObjectName("projectionLive")
        self.live.setStyleSheet(f"QLabel#projectionLive {{ color: {GOOD}; font-weight: 600; }}")
        layout = controls.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(0, self.live)

    def step(self, offset: int) -> None:
        """The next or previous step of the plan (the stage follows no editor here)."""
        at = PANE_ORDER.index(self.pane_id) if self.pane_id in PANE_ORDER else 0
        self.show_pane(PANE_ORDER[max(0, min(len(PANE_ORDER) - 1, at + offset))])

    def follow(self) -> int:
        """Apply the table's new edits (the stage repaints through the context); how many."""
        if self.notifier is None:
            return 0
        try:
            count = self.feed.catch_up(0)
        except REFUSALS as exc:
            self.notifier.setEnabled(False)
            self.notifier = None
            self.live.setText(f"Not live: {refusal_text(exc)}")
            self.live.setStyleSheet(f"QLabel#projectionLive {{ color: {DANGER}; font-weight: 600; }}")
            return 0
        if count:
            self.followed.emit(count)
        return count

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier = None
        self.clock.stop()
        self.context.close()
        self.feed.close()
        self.closed.emit()
        QMainWindow.closeEvent(self, event)
