"""One open plan on screen: the step navigator (with findings badges) beside the current pane.

Panes are built when first needed (or ahead, one per idle moment, with
``prebuild``) and refreshed only while visible: an edit refreshes the current
pane and marks the others stale, so typing stays fast even on a very large plan.
A plan that changed since it was signed opens with a banner across the top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.edits import Edit
from summit_app.plan.progress import STEPS, pane_states
from summit_app.plan.search import Match
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.findings_service import FindingsService, findings_of
from summit_app.ui.fields.coupling import PrivacyCoupling
from summit_app.ui.pane import Pane
from summit_app.ui.panes import make_pane, pane_for
from summit_app.ui.workspace.badges import FindingCounter
from summit_app.ui.workspace.find_bar import FindBar
from summit_app.ui.workspace.navigator import StepNavigator

if TYPE_CHECKING:
    from summit_app.ui.workspace.signed_banner import SignedBanner


class PlanWorkspace(QWidget):
    """Navigator + panes for one ``UiContext``; ``pane_shown(pane_id)`` after each switch."""

    pane_shown = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.context = context
        self._panes: dict[str, Pane] = {}
        self._stale: set[str] = set()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = self._signed_banner(outer)
        self.find_bar = FindBar()
        self.find_bar.go_to.connect(self._go_to_match)
        outer.addWidget(self.find_bar)
        layout = QHBoxLayout()
        layout.setSpacing(0)
        outer.addLayout(layout, 1)
        self.navigator = StepNavigator()
        self.stack = QStackedWidget()
        layout.addWidget(self.navigator)
        layout.addWidget(self.stack, 1)
        self.navigator.set_states(pane_states(context.plan, context.content))
        self.findings = self._findings()
        self.coupling = PrivacyCoupling(context)
        self.navigator.step_chosen.connect(self._switch)
        context.plan_changed.connect(self._plan_changed)
        context.history_applied.connect(self._bring_into_view)
        self.setTabOrder(self.navigator, self.stack)

    def _signed_banner(self, outer: QVBoxLayout) -> SignedBanner | None:
        """Across the top when the plan changed since it was signed; "Show changes" opens Review."""
        if not self.context.plan.signature.fingerprint:
            return None  # never signed (and the signing code need not load to say so)
        from summit_app.ui.workspace.signed_banner import for_plan

        banner = for_plan(self.context)
        if banner is not None:
            outer.addWidget(banner)
            banner.show_changes.connect(lambda: self.show_pane("review"))
        return banner

    def _findings(self) -> FindingsService:
        """The plan's findings for the navigator's badges: once the plan is on screen, then after edits (debounced).

        The first assessment waits for the event loop's first turn, so the pane
        paints without waiting for the checks to load and run.
        """
        findings = findings_of(self.context)
        self.badge_counter = FindingCounter(findings, self)
        self.badge_counter.counted.connect(self.navigator.set_counts)
        findings.schedule(self.context.plan)
        return findings

    def prebuild(self) -> None:
        """Build the panes not shown yet, one per idle moment, so a first visit is as quick as a later one."""
        missing = [pane_id for pane_id, _ in STEPS if pane_id not in self._panes]
        if missing:
            self._lay_out_ahead(self.pane(missing[0]))
            QTimer.singleShot(0, self.prebuild)

    def _lay_out_ahead(self, pane: Pane) -> None:
        """Size a hidden pane as it will be shown and paint it once off screen, so its first
        showing finds its layout done and its views' rows measured."""
        pane.resize(self.stack.size())
        pane.grab()

    def pane(self, pane_id: str) -> Pane:
        """The pane of ``pane_id``, built (and filled) on first use."""
        pane = self._panes.get(pane_id)
        if pane is None:
            pane = make_pane(pane_id, self.context)
            pane.setObjectName(f"pane-{pane_id}")
            self._panes[pane_id] = pane
            self.stack.addWidget(pane)
            pane.refresh(self.context.plan)
            self._connect_links(pane)
        return pane

    def _connect_links(self, pane: Pane) -> None:
        """A pane that links elsewhere (Review's findings) asks the workspace to go there."""
        navigate = getattr(pane, "navigate", None)
        if navigate is not None:
            navigate.connect(self.navigate)
        navigate_pane = getattr(pane, "navigate_pane", None)
        if navigate_pane is not None:
            navigate_pane.connect(self.show_pane)

    def current_pane(self) -> Pane:
        return self.pane(self.navigator.current_pane())

    def show_pane(self, pane_id: str) -> None:
        with QSignalBlocker(self.navigator):  # one switch, here, whether or not the row changes
            self.navigator.show_pane(pane_id)
        self._switch(pane_id)

    def show_step(self, offset: int) -> None:
        """Go ``offset`` steps forward (or back), staying within the steps."""
        row = min(max(self.navigator.currentRow() + offset, 0), len(STEPS) - 1)
        self.navigator.setCurrentRow(row)

    def _switch(self, pane_id: str) -> None:
        pane = self.pane(pane_id)
        if pane_id in self._stale:
            self._stale.discard(pane_id)
            pane.refresh(self.context.plan)
        self.stack.setCurrentWidget(pane)
        self.pane_shown.emit(pane_id)

    def _plan_changed(self, edit: Edit, plan: model.Plan) -> None:
        current = self.stack.currentWidget()
        for pane_id, pane in self._panes.items():
            if pane is current:
                pane.refresh(plan)
            else:
                self._stale.add(pane_id)
        self.navigator.set_states(pane_states(plan, self.context.content))
        self.find_bar.plan_changed(plan)

    def _bring_into_view(self, _message: str, edit: Edit) -> None:
        """After an undo or redo, show what changed: its pane, its row, or its field."""
        touched = next(iter(edit.touched()), None)
        if touched is None:
            return
        collection, item_id = touched
        if item_id and self.context.plan.item(collection, item_id) is None:
            item_id = ""  # undoing an addition: the row is gone, its table is what changed
        self.navigate(collection, item_id)
        field = getattr(edit, "field", None)
        pane_id = pane_for(collection)
        if field and pane_id is not None:
            self.pane(pane_id).show_field(collection, field)

    def _go_to_match(self, match: Match) -> None:
        """Show where the find bar's match is: its step, its row, its field; the typing stays in the bar."""
        self.navigate(match.collection, match.item_id)
        pane_id = pane_for(match.collection)
        if pane_id is not None and not match.item_id:
            self.pane(pane_id).show_field(match.collection, match.field)
        self.find_bar.field.setFocus()

    def navigate(self, collection: str, item_id: str) -> None:
        """Show the pane holding ``collection`` and select ``item_id`` there."""
        pane_id = pane_for(collection)
        if pane_id is None:
            return
        self.show_pane(pane_id)
        if item_id:
            self.pane(pane_id).select_item(collection, item_id)
