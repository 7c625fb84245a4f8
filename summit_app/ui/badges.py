"""Navigator badges: how many open findings each step still has (accepted ones are not counted), red when any blocks.

The plan checks of a very large plan take about 15 ms, so they run on the UI
thread, but never per keystroke: after an edit they wait on a single-shot timer
(at once after a quiet spell, at most every 150 ms while edits keep coming), so
a burst of edits costs one run. The numbers are ``plan.review.finding_counts``,
the same the Review pane shows.
"""

from __future__ import annotations

import time

from PySide6 import QtWidgets
from PySide6.QtCore import (
    QElapsedTimer,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QWidget

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.ui.progress import badge_findings, pane_states
from summit_app.ui.theme import ACCENT, DANGER, INK

QUIET_MS = 150
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
BLOCKING_ROLE = Qt.ItemDataRole.UserRole + 3
#: The quiet (non-blocking) badge: a soft grey pill, or white on the selected step.
QUIET_FILL = "#dfe4eb"
#: Space kept at the right of a step for its badge, and around the badge.
GAP = 10
RIGHT_MARGIN = 14

Index = QModelIndex | QPersistentModelIndex


class FindingCounter(QObject):
    """Runs the plan checks for the badges, debounced; ``counted(counts, blocking)`` per run."""

    counted = Signal(dict, dict)  # pane id -> findings, pane id -> blocking findings

    def __init__(self, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._plan: model.Plan | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # "at most every 150 ms" means not at 143
        self._timer.timeout.connect(self._run)
        self._since = QElapsedTimer()
        self.runs = 0  # how many times the checks ran (the bench and tests read it)
        self.last_run_ms = 0.0  # how long the last run held the event loop (the bench reads it)

    def count_now(self, plan: model.Plan) -> None:
        """Count at once."""
        self._timer.stop()
        self._plan = plan
        self._run()

    def schedule(self, plan: model.Plan) -> None:
        """Count ``plan`` soon: next turn of the event loop, or 150 ms after the last run."""
        self._plan = plan
        if self._timer.isActive():
            return
        elapsed = self._since.elapsed() if self._since.isValid() else QUIET_MS
        self._timer.start(max(0, QUIET_MS - elapsed))

    def flush(self) -> None:
        """Run now if a count is waiting (tests, and before a screenshot)."""
        if self._timer.isActive():
            self._timer.stop()
            self._run()

    def _run(self) -> None:
        if self._plan is None:
            return
        from summit_app.plan.checks import assess  # loaded with the first count, after the first paint
        from summit_app.plan.review import blocking_counts, finding_counts

        started = time.perf_counter()
        open_findings = assess(self._plan, self._content).open  # an accepted finding is no longer counted
        findings = badge_findings(open_findings, pane_states(self._plan, self._content))
        self.runs += 1
        self._since.start()
        self.counted.emit(finding_counts(findings), blocking_counts(findings))
        self.last_run_ms = (time.perf_counter() - started) * 1000


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
