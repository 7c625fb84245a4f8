"""The open plan's findings, assessed once per change and shared by every view that shows them.

The navigator's badges, the Review pane and the signing guard all read the
one ``Assessment`` kept here, so an edit runs the plan checks once however
many views are open. The checks of a very large plan take about 15 ms, so
they run on the UI thread, but never per keystroke: after an edit they wait
on a single-shot timer (at once after a quiet spell, at most every 150 ms
while edits keep coming), so a burst of edits costs one run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import Edit
from summit_app.ui.base.context import UiContext

if TYPE_CHECKING:  # typing only: the checks load with the first assessment, after the first paint
    from summit_app.plan.checks import Assessment

QUIET_MS = 150

#: How a plan is assessed: ``summit_app.plan.checks.assess`` unless a test hands its own.
Check = Callable[[model.Plan, Content], "Assessment"]


def _assess(plan: model.Plan, content: Content) -> Assessment:
    from summit_app.plan.checks import assess  # loaded with the first assessment, after the first paint

    return assess(plan, content)


class FindingsService(QObject):
    """One open plan's assessment; ``changed(assessment)`` after each run, ``plan`` is what it assessed."""

    changed = Signal(object)  # the Assessment of ``plan``

    def __init__(self, context: UiContext, parent: QObject | None = None, check: Check = _assess) -> None:
        super().__init__(parent)
        self.context = context
        self._check = check
        self.plan: model.Plan | None = None  # the plan ``assessment`` is of
        self.assessment: Assessment | None = None
        self._pending: model.Plan | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # "at most every 150 ms" means not at 143
        self._timer.timeout.connect(self._run)
        self._since = QElapsedTimer()
        self.runs = 0  # how many times the checks ran (the bench and tests read it)
        self.last_run_ms = 0.0  # how long the last run held the event loop (the bench reads it)
        context.plan_changed.connect(self._plan_changed)

    def _plan_changed(self, _edit: Edit, plan: model.Plan) -> None:
        self.schedule(plan)

    def schedule(self, plan: model.Plan) -> None:
        """Assess ``plan`` soon: next turn of the event loop, or 150 ms after the last run."""
        if plan is self.plan and not self._timer.isActive():
            return  # already assessed
        self._pending = plan
        if self._timer.isActive():
            return
        elapsed = self._since.elapsed() if self._since.isValid() else QUIET_MS
        self._timer.start(max(0, QUIET_MS - elapsed))

    def current(self, plan: model.Plan) -> Assessment:
        """The assessment of ``plan``, run now unless it is the one kept."""
        if plan is not self.plan or self.assessment is None:
            self._timer.stop()
            self._pending = plan
            self._run()
        assert self.assessment is not None
        return self.assessment

    def flush(self) -> None:
        """Run now if an assessment is waiting (tests, and before a screenshot)."""
        if self._timer.isActive():
            self._timer.stop()
            self._run()

    def _run(self) -> None:
        plan = self._pending
        if plan is None or self.context.closed:  # a run still pending when the plan was closed: its file is gone
            return
        started = time.perf_counter()
        self.assessment = self._check(plan, self.context.content)
        self.plan = plan
        self._pending = None
        self.runs += 1
        self._since.start()
        self.changed.emit(self.assessment)
        self.last_run_ms = (time.perf_counter() - started) * 1000


def findings_of(context: UiContext) -> FindingsService:
    """The plan's findings service: made with the first view that asks, then kept on the context."""
    if not isinstance(context.findings, FindingsService):
        context.findings = FindingsService(context, context)
    return context.findings
