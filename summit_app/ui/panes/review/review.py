"""Review & sign: findings to resolve, framework coverage, approval details, exports, signed state.

Findings are links: choosing one emits ``navigate(collection, item_id)`` so the
window shows that item in its own pane, or ``navigate_pane(pane_id)`` for a
finding about a pane as a whole. The findings are the plan's findings service's
(``ui.base.findings_service``, shared with the navigator's badges): it assesses the
plan once per burst of edits, and coverage and the signed state are redrawn
with each assessment of the plan this pane was last asked to show.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan import model
from summit_app.plan.checks import Assessment, Finding
from summit_app.plan.coverage import coverage
from summit_app.plan.edits import Batch, SetField
from summit_app.plan.review import finding_counts
from summit_app.plan.team import approval_from_team
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.findings_service import findings_of
from summit_app.ui.base.theme import DANGER, GOOD
from summit_app.ui.exporting.plan_exports import exports_of
from summit_app.ui.fields.form_section import FormSection
from summit_app.ui.fields.wrapping import WrappingTree
from summit_app.ui.pane import Pane
from summit_app.ui.panes.readiness.readiness_detail import make_card, section_title
from summit_app.ui.panes.review.finding_actions import FindingActions
from summit_app.ui.panes.review.review_models import ACCEPTED_GROUP, CoverageModel, FindingsModel, GroupedModel
from summit_app.ui.panes.review.signoff import ExportButtons, SignedStatePanel

__all__ = ["ReviewPane", "finding_counts"]

APPROVAL_FIELDS = ["superintendent_name", "superintendent_title", "board_president", "technology_director",
                   "board_meeting_date"]


#: How many rows fitting a column to its contents measures.
RESIZE_SAMPLE = 60


class GroupedTree(WrappingTree):
    """A tree over a ``GroupedModel``: groups span the width and stay expanded."""

    def __init__(self, item_model: GroupedModel, wrapped: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(wrapped, parent)
        self.setModel(item_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        # The columns that do not wrap are fitted to their contents once per refresh (measuring the
        # rows near the top), not at every layout pass: each showing of the pane was one.
        self._fitted = [column for column in range(item_model.columnCount()) if column not in wrapped]
        for column in range(item_model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column in wrapped else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
        header.setResizeContentsPrecision(RESIZE_SAMPLE)
        item_model.modelReset.connect(self._regroup)

    def _regroup(self) -> None:
        item_model = self.model()
        for row in range(item_model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        self.expandAll()
        self.fonts_changed()

    def fonts_changed(self) -> None:
        for column in self._fitted:
            self.resizeColumnToContents(column)


class FindingsTree(GroupedTree):
    """Findings by pane; a click, Enter or Space on a finding emits ``finding_chosen``."""

    finding_chosen = Signal(object)

    def __init__(self, item_model: FindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(item_model, (1, 2), parent)
        self._findings = item_model
        self.setAccessibleName("Findings")
        self.setMouseTracking(True)
        self.clicked.connect(self._choose)
        self.entered.connect(self._hover)
        self.accepted_open = False  # the Accepted group is folded until the user opens it
        self.expanded.connect(lambda index: self._remember_fold(index, True))
        self.collapsed.connect(lambda index: self._remember_fold(index, False))

    def _remember_fold(self, index: QModelIndex, opened: bool) -> None:
        if not index.parent().isValid() and index.row() == self._findings.group_row(ACCEPTED_GROUP):
            self.accepted_open = opened

    def _regroup(self) -> None:
        keep = self.accepted_open
        super()._regroup()
        row = self._findings.group_row(ACCEPTED_GROUP)
        if row >= 0 and not keep:
            self.collapse(self._findings.index(row, 0))
        self.accepted_open = keep

    def fit_height(self, fewest: int = 240, most: int = 20000) -> None:
        """As tall as its rows (between ``fewest`` and ``most`` pixels), so the page scrolls, not a box of three."""
        self.doItemsLayout()
        rows = self.viewportSizeHint().height()
        frame = self.header().sizeHint().height() + 2 * self.frameWidth() + 4
        self.setMinimumHeight(max(fewest, min(rows + frame, most)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # rows wrap anew: refit once the layout settles
            QTimer.singleShot(0, self.fit_height)

    def _choose(self, index: QModelIndex) -> None:
        finding = self._findings.finding_at(index)
        if finding is not None:
            self.finding_chosen.emit(finding)

    def _hover(self, index: QModelIndex) -> None:
        link = self._findings.finding_at(index) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if link else Qt.CursorShape.ArrowCursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentIndex().isValid():
            self._choose(self.currentIndex())
            return
        super().keyPressEvent(event)


class ReviewPane(Pane):
    """Findings (links), coverage, approval details, exports and the signed state."""

    pane_id = "review"
    navigate = Signal(str, str)  # (collection, item id)
    navigate_pane = Signal(str)  # pane id, for findings about a pane as a whole
    counts_changed = Signal(dict)  # pane id -> number of findings, after each refresh

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.findings: list[Finding] = []  # the open ones (not accepted)
        self.assessment = Assessment([], [], [])
        self.findings_model = FindingsModel(context.content, self)
        self.coverage_model = CoverageModel(self)
        self.runner = exports_of(context).runner  # the window's: one export at a time, from here or the menu
        columns = QHBoxLayout()
        columns.addWidget(self._build_findings(), 3)
        columns.addWidget(self._build_signoff(), 2)
        self.body.addLayout(columns)
        self.body.addWidget(self._build_coverage())
        self._plan = context.plan
        self._shown: model.Plan | None = None  # the plan the findings and coverage are of
        self.service = findings_of(context)
        self._show(self.service.current(self._plan))
        self.service.changed.connect(self._assessed)

    # -- building ------------------------------------------------------------------------

    def _build_findings(self) -> QFrame:
        card = QFrame()
        make_card(card)
        layout = QVBoxLayout(card)
        layout.addWidget(section_title("Findings"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.findings_tree = FindingsTree(self.findings_model)
        self.findings_tree.finding_chosen.connect(self._go_to)
        layout.addWidget(self.findings_tree, 1)
        self.finding_actions = FindingActions(self.context, self.findings_tree, self.findings_model)
        self.finding_actions.bind_selection()
        layout.addWidget(self.finding_actions)
        return card

    def _build_signoff(self) -> QFrame:
        card = QFrame()
        make_card(card)
        layout = QVBoxLayout(card)
        layout.addWidget(section_title("Signed state"))
        self.signed = SignedStatePanel(self.context)
        layout.addWidget(self.signed)
        self.approval = FormSection(self.context, "approval", APPROVAL_FIELDS, title="Approval")
        layout.addWidget(self.approval)
        self.fill_from_team = QPushButton("Fill in from the team")
        self.fill_from_team.setToolTip("Copy the superintendent and technology director from District & team")
        self.fill_from_team.clicked.connect(self._fill_from_team)
        layout.addWidget(self.fill_from_team, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(section_title("Export"))
        self.exports = ExportButtons(exports_of(self.context))
        layout.addWidget(self.exports)
        layout.addStretch(1)
        return card

    def _build_coverage(self) -> QFrame:
        card = QFrame()
        make_card(card)
        layout = QVBoxLayout(card)
        layout.addWidget(section_title("Framework coverage"))
        note = QLabel("Which parts of each framework the plan's goals, learning and budget address.")
        theme.mark(note, "muted")
        layout.addWidget(note)
        self.coverage_tree = GroupedTree(self.coverage_model, (0, 2))
        self.coverage_tree.setAccessibleName("Framework coverage")
        self.coverage_tree.setMinimumHeight(420)
        layout.addWidget(self.coverage_tree)
        return card

    # -- the pane contract ---------------------------------------------------------------

    def refresh(self, plan: model.Plan) -> None:
        """Show ``plan``'s findings: at once if the service has them, else once it has assessed ``plan``."""
        self._plan = plan
        self.approval.refresh(plan)
        if plan is self._shown:
            return
        if plan is self.service.plan and self.service.assessment is not None:
            self._show(self.service.assessment)
        else:
            self.service.schedule(plan)

    def select_item(self, collection: str, item_id: str) -> bool:
        """Approval and signature live here; a finding about ``item_id`` is selected if shown."""
        if collection in ("approval", "signature"):
            return True
        for item in self._finding_indexes():
            finding = self.findings_model.finding_at(item)
            if finding is not None and (finding.collection, finding.item_id) == (collection, item_id):
                self.findings_tree.setCurrentIndex(item)
                self.findings_tree.scrollTo(item)
                return True
        return False

    def _finding_indexes(self) -> list[QModelIndex]:
        found = self.findings_model
        groups = [found.index(g, 0) for g in range(found.rowCount())]
        return [found.index(r, 0, group) for group in groups for r in range(found.rowCount(group))]

    # -- work ----------------------------------------------------------------------------

    def _assessed(self, assessment: Assessment) -> None:
        """The service assessed a plan: show it if it is the one this pane was last asked for."""
        if self.service.plan is self._plan and self._plan is not self._shown:
            self._show(assessment)

    def _show(self, assessment: Assessment) -> None:
        if self.context.closed:  # an assessment still pending when the plan was closed: its file is gone
            return
        plan = self._plan
        content = self.context.content
        self.assessment = assessment
        self.findings = self.assessment.open
        if self.findings_model.set_assessment(self.assessment):
            self.findings_tree.fit_height()
        self.finding_actions.sync()
        self.coverage_model.set_coverage(coverage(plan, content), plan)
        self.signed.show_plan(plan)
        self.approval.refresh(plan)
        self._offer_team(plan)
        self.exports.sync_enabled()
        self._show_summary()
        self.counts_changed.emit(finding_counts(self.findings))
        self._shown = plan

    def _offer_team(self, plan: model.Plan) -> None:
        """Show what the roster would fill in, as each empty field's placeholder, and offer the button."""
        offered = approval_from_team(plan)
        for name in ("superintendent_name", "superintendent_title", "technology_director"):
            self.approval.editor(name).setPlaceholderText(f"{offered[name]} (from the team)" if name in offered else "")
        self.fill_from_team.setVisible(bool(offered))
        self.fill_from_team.setEnabled(bool(offered) and not self.context.read_only)

    def _fill_from_team(self) -> None:
        offered = approval_from_team(self.context.plan)
        if offered:
            edits = tuple(SetField("approval", "", name, value) for name, value in offered.items())
            self.context.edit(Batch(edits, "Fill in approval details from the team"))

    def _show_summary(self) -> None:
        if not self.findings:
            self.summary.setStyleSheet(f"color: {GOOD}; font-weight: 600;")
            accepted = len(self.assessment.accepted)
            self.summary.setText("No findings: the plan is coherent." if not accepted else
                                 f"No open findings: the plan is coherent ({accepted} accepted).")
            return
        blocking = sum(f.blocking for f in self.findings)
        self.summary.setStyleSheet(f"color: {DANGER}; font-weight: 600;" if blocking else "")
        head = f"{len(self.findings)} finding{'s' if len(self.findings) != 1 else ''}"
        tail = f", {blocking} blocking" if blocking else ", none blocking"
        accepted = len(self.assessment.accepted)
        tail += f" ({accepted} more accepted)" if accepted else ""
        self.summary.setText(head + tail + ". Choose one to go to it.")

    def _go_to(self, finding: Finding) -> None:
        if finding.collection and finding.item_id:
            self.navigate.emit(finding.collection, finding.item_id)
        else:
            self.navigate_pane.emit(finding.pane)

    def flush(self) -> None:
        """Assess now if an assessment is waiting (tests, and before exporting)."""
        self.service.flush()
