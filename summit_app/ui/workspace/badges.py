"""Navigator badges: how many open findings each step still has (accepted ones are not counted), red when any blocks.

The findings come from the plan's one findings service (``ui.base.findings_service``),
which the Review pane reads too, so both show the same numbers from one run of
the checks. The numbers are ``plan.review.finding_counts``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QWidget

from summit_app.plan.progress import badge_findings, pane_states
from summit_app.ui.base.findings_service import FindingsService
from summit_app.ui.base.theme import ACCENT, DANGER, INK

if TYPE_CHECKING:
    from summit_app.plan.checks import Assessment

COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
BLOCKING_ROLE = Qt.ItemDataRole.UserRole + 3
#: The quiet (non-blocking) badge: a soft grey pill, or white on the selected step.
QUIET_FILL = "#dfe4eb"
#: Space kept at the right of a step for its badge, and around the badge.
GAP = 10
RIGHT_MARGIN = 14

Index = QModelIndex | QPersistentModelIndex


class FindingCounter(QObject):
    """The badges' numbers from the plan's findings service; ``counted(counts, blocking)`` per assessment."""

    counted = Signal(dict, dict)  # pane id -> findings, pane id -> blocking findings

    def __init__(self, findings: FindingsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings = findings
        findings.changed.connect(self._count)

    def _count(self, assessment: Assessment) -> None:
        from summit_app.plan.review import blocking_counts, finding_counts

        plan = self._findings.plan
        if plan is None:
            return
        # an accepted finding is no longer counted
        found = badge_findings(assessment.open, pane_states(plan, self._findings.context.content))
        self.counted.emit(finding_counts(found), blocking_counts(found))


def _badge_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setBold(True)
    font.setPointSizeF(max(base.pointSizeF() * 0.85, 7.0))
    return font


def badge_size(base: QFont, count: int) -> QSize:
    """The pill's size for ``count`` in the navigator's font: round for one digit, longer for more."""
    metrics = QFontMetrics(_badge_font(base))
    height = metrics.height() + 6
    return QSize(max(height, metrics.horizontalAdvance(str(count)) + 12), height)


def badge_colours(blocking: bool, selected: bool) -> tuple[str, str]:
    """(fill, text) of a badge: red with white when blocking, otherwise quiet grey (white when selected)."""
    if blocking:
        return DANGER, "white"
    return ("white", ACCENT) if selected else (QUIET_FILL, INK)


class BadgeDelegate(QStyledItemDelegate):
    """Paints a step as usual, then its findings count as a pill at the right edge."""

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        badge = badge_size(option.font, 99)  # room for two digits, so the list never reflows
        return QSize(hint.width() + badge.width() + GAP, max(hint.height(), badge.height() + 8))

    def paint(self, painter: QPainter, option: QtWidgets.QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        count = int(index.data(COUNT_ROLE) or 0)
        if count:
            # QStyle through its module: Qt sets the class up (a dozen milliseconds) at the first badge
            selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
            blocking = int(index.data(BLOCKING_ROLE) or 0) > 0
            self._paint_badge(painter, option, count, badge_colours(blocking, selected), ring=selected and blocking)

    def _paint_badge(self, painter: QPainter, option: QtWidgets.QStyleOptionViewItem, count: int,
                     colours: tuple[str, str], *, ring: bool) -> None:
        size = badge_size(option.font, count)  # type: ignore[attr-defined]
        cell: QRect = option.rect  # type: ignore[attr-defined]
        pill = QRectF(cell.right() - RIGHT_MARGIN - size.width(), cell.center().y() - size.height() / 2 + 0.5,
                      size.width(), size.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A white ring keeps a red badge distinct on the selected step's blue.
        painter.setPen(QPen(QColor("white"), 1.5) if ring else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours[0]))
        painter.drawRoundedRect(pill, size.height() / 2, size.height() / 2)
        painter.setPen(QPen(QColor(colours[1])))
        painter.setFont(_badge_font(option.font))  # type: ignore[attr-defined]
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.restore()


def describe(count: int, blocking: int) -> str:
    """The badge in words, for tooltips and screen readers: "3 findings, 1 blocking"."""
    if not count:
        return "no findings"
    words = f"{count} finding{'s' if count != 1 else ''}"
    return words + (f", {blocking} blocking" if blocking else "")


def install(view: QWidget) -> BadgeDelegate:
    """Give a list view (the step navigator) its badge painting."""
    delegate = BadgeDelegate(view)
    view.setItemDelegate(delegate)  # type: ignore[attr-defined]
    return delegate
