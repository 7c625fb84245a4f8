"""Readiness: the team rates every Future Ready element 0–10 and sees its gears on a radar.

The radar has the seven gears; Collaborative Leadership, the ring around them,
is scored beside it ("across the gears"), never as an eighth spoke.

Three columns, so a projected screen shows the whole activity at once: the
framework (gears and elements with scores and levels), the selected element
(consensus score, next step, notes, silent ratings) and the readiness report
(overall score and the radar of gear scores).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan import model
from summit_app.plan.readiness import gear_scores, level_of, overall_score, rated_count
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.theme import ACCENT
from summit_app.ui.pane import Pane, PresentHooks
from summit_app.ui.panes.readiness.radar import RadarChart
from summit_app.ui.panes.readiness.readiness_detail import ElementDetail, make_card, rate, section_title
from summit_app.ui.panes.readiness.readiness_model import ReadinessModel
from summit_app.ui.panes.readiness.readiness_tree import ReadinessTree


class ReadinessReport(QFrame):
    """Overall score, how much is rated, and the radar of gear scores."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_card(self)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(section_title("Readiness by gear"))
        self.overall = QLabel()
        theme.mark(self.overall, "totalFigure")
        self.overall.setWordWrap(True)
        self.progress = QLabel()
        theme.mark(self.progress, "muted")
        layout.addWidget(self.overall)
        layout.addWidget(self.progress)
        self.radar = RadarChart()
        layout.addWidget(self.radar)
        self.legend = QGridLayout()
        self.legend.setColumnStretch(1, 1)
        self.legend.setVerticalSpacing(4)
        gears = [g for g in context.content.gears if not g.across_gears]
        self._scores: list[QLabel] = [self._legend_row(i, str(i + 1), g.name) for i, g in enumerate(gears)]
        self._scores += [self._legend_row(len(gears) + i, "◯", f"Across the gears: {g.name}")
                         for i, g in enumerate(g for g in context.content.gears if g.across_gears)]
        layout.addLayout(self.legend)
        layout.addStretch(1)

    def _legend_row(self, i: int, mark: str, name: str) -> QLabel:
        tag = QLabel(mark)
        tag.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tag.setFixedWidth(tag.fontMetrics().height() + 10)
        tag.setStyleSheet(f"color: white; background: {ACCENT}; border-radius: 4px; font-weight: 600;")
        label = QLabel(name)
        label.setWordWrap(True)
        score = QLabel()
        score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column, widget in enumerate((tag, label, score)):
            self.legend.addWidget(widget, i, column)
        return score

    def show_plan(self, plan: model.Plan) -> None:
        content = self.context.content
        scores = gear_scores(plan, content)
        gears = [g for g in content.gears if not g.across_gears]
        self.radar.set_axes([(str(i + 1), scores[g.id]) for i, g in enumerate(gears)])
        self.radar.setAccessibleDescription("; ".join(
            f"{g.label}: {scores[g.id] if scores[g.id] is not None else 'not rated'}" for g in content.gears))
        ordered = gears + [g for g in content.gears if g.across_gears]
        for label, gear in zip(self._scores, ordered, strict=True):
            label.setText("—" if scores[gear.id] is None else f"<b>{scores[gear.id]}</b>")
        overall = overall_score(plan, content)
        level = level_of(content, overall)
        self.overall.setText("Overall: not rated yet" if overall is None or level is None
                             else f"Overall {overall} / 10 · {level.name}")
        rated, total = rated_count(plan, content)
        self.progress.setText(f"{rated} of {total} elements rated")


def _share_width(widget: QWidget) -> None:
    """Columns split the width by their stretch share alone, not by what their content asks."""
    policy = widget.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)


#: Below this width (in widths of "M") the three columns become two.
WIDE_EMS = 100


class ReadinessPane(Pane):
    """Rate each framework element with the level shown; silent ratings; radar of gears."""

    pane_id = "readiness"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        setter = None if context.read_only else self._set_score  # read-only: the Score cell is not editable
        self.model = ReadinessModel(context.content, setter, self)
        self.tree = ReadinessTree(self.model, context.content)
        self.detail = ElementDetail(context)
        self.report = ReadinessReport(context)
        self.columns = QGridLayout()
        for widget in (self.tree, self.detail, self.report):
            _share_width(widget)
        self._wide: bool | None = None
        self._arrange()
        self.body.addLayout(self.columns, 1)
        self.tree.selectionModel().currentRowChanged.connect(lambda current, _: self._show_current(current))
        self.refresh(context.plan)
        self.select_element(context.content.elements()[0].id)

    # -- layout --------------------------------------------------------------------------

    def _arrange(self) -> None:
        """Three columns when there is room; at large type (a projector zoom) the report goes
        under the selected element, so nothing is squeezed."""
        em = self.fontMetrics().horizontalAdvance("M")
        wide = self.width() >= WIDE_EMS * em
        if wide == self._wide:
            return
        self._wide = wide
        for widget in (self.tree, self.detail, self.report):
            self.columns.removeWidget(widget)
        if wide:
            self.columns.addWidget(self.tree, 0, 0, 2, 1)
            self.columns.addWidget(self.detail, 0, 1, 2, 1)
            self.columns.addWidget(self.report, 0, 2, 2, 1)
        else:
            self.columns.addWidget(self.tree, 0, 0, 2, 1)
            self.columns.addWidget(self.detail, 0, 1)
            self.columns.addWidget(self.report, 1, 1)
        for column, share in enumerate((12, 9, 8) if wide else (1, 1, 0)):
            self.columns.setColumnStretch(column, share)
        minimums = (440, 400, 340) if wide else (440, 420, 420)
        for widget, minimum in zip((self.tree, self.detail, self.report), minimums, strict=True):
            widget.setMinimumWidth(minimum)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._arrange()
        super().changeEvent(event)

    # -- the pane contract ---------------------------------------------------------------

    def present_hooks(self) -> PresentHooks:
        """The room sees the element chosen in the tree, and reveals its silent ratings on the stage."""
        return replace(super().present_hooks(), silent_round=(self.detail.silent, self.detail.layout()),
                       shown_element=self._shown_element, element_selection=self.tree.selectionModel())

    def _shown_element(self) -> tuple[str, str] | None:
        element = self.detail.element
        return (element.id, element.name) if element is not None else None

    def refresh(self, plan: model.Plan) -> None:
        self.tree.set_team_size(len(plan.members))
        self.model.set_plan(plan)
        self.tree.show_earlier(self.model.shown_earlier)
        self.report.show_plan(plan)
        if self.detail.element is not None:
            self.detail.show_element(self.detail.element, plan)

    def select_item(self, collection: str, item_id: str) -> bool:
        """Readiness ratings are keyed by element; a member's rating shows its element."""
        if collection == "member_ratings":
            rating = self.context.plan.item("member_ratings", item_id)
            item_id = rating.element_id if rating else ""
        elif collection != "readiness":
            return False
        return self.select_element(item_id)

    def select_element(self, element_id: str) -> bool:
        index = self.model.index_of_element(element_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self._show_current(index)
        return True

    # -- helpers -------------------------------------------------------------------------

    def _show_current(self, index: QModelIndex) -> None:
        element = self.model.element_at(index.siblingAtColumn(0))
        if element is not None:
            self.detail.show_element(element, self.context.plan)

    def _set_score(self, element_id: str, score: int | None) -> bool:
        element = self.context.content.element(element_id)
        if element is None or element.retired:  # rated under an earlier version: kept as it was
            return False
        return rate(self.context, element_id, "score", score, f"Score “{element.name}”")
