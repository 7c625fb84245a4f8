"""Present mode: the current pane for the room, in large type, with its clock.

One screen: a full-screen stage replaces the editor until Esc. Two screens
(``screens()`` lists more than one): the stage goes full screen on the other
screen, the laptop keeps the editor, and a small console there holds the clock,
Reveal and "Freeze audience view". The stage follows the editor from pane to
pane; each pane shown starts its time-box. Present mode never edits the plan.

``screens`` is injectable so a test can pretend to have a second screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QWidget

from summit_app.ui.facilitation.present.agenda import minutes_for
from summit_app.ui.facilitation.present.console import PresenterConsole
from summit_app.ui.facilitation.present.reveal import RevealState
from summit_app.ui.facilitation.present.stage import PresentStage
from summit_app.ui.facilitation.present.theme import body_px
from summit_app.ui.facilitation.present.view_context import PresentContext
from summit_app.ui.facilitation.timebox import Clock, TimeBox
from summit_app.ui.workspace.plan_window import PlanWindow

Screens = Callable[[], list[QScreen]]


def place_full_screen(widget: QWidget, screen: QScreen) -> None:
    """Show ``widget`` full screen on ``screen`` (not wherever the window manager likes)."""
    widget.setGeometry(screen.geometry())
    widget.winId()  # the native window must exist to be given a screen
    handle = widget.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    widget.showFullScreen()


class PresentMode(QObject):
    """Enters and leaves present mode for one main window; ``active`` while presenting."""

    started = Signal()
    ended = Signal()

    def __init__(self, window: PlanWindow, screens: Screens = QGuiApplication.screens,
                 clock: Clock = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.screens = screens
        self.timebox = TimeBox(clock=clock, parent=self)
        self.reveal = RevealState(self)
        self.stage: PresentStage | None = None
        self.console: PresenterConsole | None = None
        self.context: PresentContext | None = None
        self._unfollow: list[Callable[[], object]] = []
        self._editor_selection: QItemSelectionModel | None = None

    @property
    def active(self) -> bool:
        return self.stage is not None

    @property
    def audience(self) -> bool:
        """True when the room's view is on a second screen."""
        return self.console is not None

    def audience_screen(self) -> QScreen | None:
        """The screen for the room: any but the editor's, when there is more than one."""
        screens = self.screens()
        if len(screens) < 2:
            return None
        mine = self.window.screen()
        return next((s for s in screens if s is not mine), screens[1])

    # -- entering and leaving ----------------------------------------------------------------

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self, audience_screen: QScreen | None = None) -> bool:
        """Start presenting the editor's current pane; False when no plan is open."""
        workspace = self.window.workspace
        if self.active or self.window.context is None or workspace is None:
            return False
        screen = audience_screen or self.audience_screen()
        self.context = PresentContext(self.window.context.document, self)
        target = screen or self.window.screen()
        stage = PresentStage(self.context, self.timebox, self.reveal, body_px(target.geometry().height()),
                             with_controls=screen is None)
        self.stage = stage
        stage.leave_requested.connect(self.leave)
        stage.step_requested.connect(workspace.show_step)
        stage.pane_presented.connect(self._pane_presented)
        if screen is not None:
            self._open_console(screen)
        workspace.pane_shown.connect(self._follow_pane)
        self._unfollow.append(lambda: workspace.pane_shown.disconnect(self._follow_pane))
        self.window.installEventFilter(self)
        self._follow_pane(workspace.navigator.current_pane())
        place_full_screen(stage, target)
        stage.activateWindow()
        self.started.emit()
        return True

    def _open_console(self, screen: QScreen) -> None:
        assert self.stage is not None
        console = PresenterConsole(self.timebox, screen.name() or "the second screen", self.window)
        controls = console.controls
        controls.leave_requested.connect(self.leave)
        controls.step_requested.connect(self._step)
        controls.reveal_requested.connect(self.stage.toggle_reveal)
        controls.freeze_toggled.connect(self.set_frozen)
        self.stage.element_changed.connect(lambda: self._console_reveal())
        self.console = console
        console.show()

    def _step(self, offset: int) -> None:
        if self.window.workspace is not None:
            self.window.workspace.show_step(offset)

    def leave(self) -> None:
        """Back to the editor, as it was; the presentation's reveals and clock end with it."""
        stage, console, context = self.stage, self.console, self.context
        if stage is None:
            return
        self.stage = self.console = self.context = None
        for undo in self._unfollow:
            undo()
        self._unfollow.clear()
        self.window.removeEventFilter(self)
        self.timebox.stop()
        self.reveal.clear()
        self._editor_selection = None
        for widget in (stage, console):
            if widget is not None:
                widget.close()
                widget.deleteLater()
        if context is not None:
            context.close()
            context.deleteLater()
        self.window.activateWindow()
        self.ended.emit()

    # -- following the editor ------------------------------------------------------------------

    def _follow_pane(self, pane_id: str) -> None:
        if self.stage is None:
            return
        self.stage.show_pane(pane_id)
        self._follow_element(pane_id)

    def _pane_presented(self, pane_id: str) -> None:
        """A pane newly in front of the room starts its time-box."""
        if self.context is None:
            return
        minutes = minutes_for(pane_id, self.context.content, self.window.preferences.agenda)
        self.timebox.begin(minutes * 60, self.context.content.guidance[pane_id].title)
        if self.console is not None:
            self.console.show_status(self.context.content.guidance[pane_id].title, frozen=False)

    def _follow_element(self, pane_id: str) -> None:
        """On readiness, the room sees the element selected in the editor."""
        workspace = self.window.workspace
        if pane_id != "readiness" or workspace is None or self.stage is None:
            return
        hooks = workspace.pane("readiness").present_hooks()
        element = hooks.element()
        if element is not None:
            self.stage.select_element(element[0])
        if hooks.element_selection is not None and self._editor_selection is None:
            selection = self._editor_selection = hooks.element_selection
            selection.currentRowChanged.connect(self._editor_element_changed)
            self._unfollow.append(lambda: selection.currentRowChanged.disconnect(self._editor_element_changed))

    def _editor_element_changed(self, *_args: object) -> None:
        workspace = self.window.workspace
        element = workspace.pane("readiness").present_hooks().element() if workspace else None
        if element is not None and self.stage is not None:
            self.stage.select_element(element[0])

    # -- freezing and revealing -----------------------------------------------------------------

    def set_frozen(self, frozen: bool) -> None:
        """Hold the room's view still while the facilitator edits (two screens)."""
        if self.stage is None:
            return
        self.stage.set_frozen(frozen)
        if self.console is not None:
            self.console.controls.freeze_button.setChecked(frozen)
            title = self.stage.context.content.guidance[self.stage.pane_id].title if self.stage.pane_id else ""
            self.console.show_status(title, frozen=frozen)
        if not frozen:
            self._follow_element(self.stage.pane_id)

    def _console_reveal(self) -> None:
        if self.console is not None and self.stage is not None:
            self.console.controls.show_reveal(*self.stage.reveal_status())

    # -- Esc in the editor ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """An Esc that no editor widget took, pressed in the main window, leaves present mode."""
        if (watched is self.window and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            self.leave()
            return True
        return super().eventFilter(watched, event)
