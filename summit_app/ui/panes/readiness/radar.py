"""A radar (spider) chart of readiness scores out of 10, drawn with QPainter.

One axis per Future Ready gear, starting at the top and going clockwise, each
labelled with a short tag (the gear's number in the legend beside the chart,
so the chart stays large in a narrow column) and its score. Only
rated gears are joined into the shape: an unrated gear is not a zero, so its
axis is labelled "not rated" instead of pulling the shape into the centre.
"""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from summit_app.ui.base.theme import ACCENT, INK, LINE, MUTED

SCALE_MAX = 10
RINGS = (2, 4, 6, 8, 10)
Axis = tuple[str, Decimal | None]


class RadarChart(QWidget):
    """Gear scores on a 0–10 radar; ``set_axes`` repaints it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axes: list[Axis] = []
        self.setMinimumSize(280, 260)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName("Readiness radar chart")

    def sizeHint(self) -> QSize:
        return QSize(420, 380)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """Roughly square: the chart is round, its labels sit left and right of it."""
        return max(self.minimumHeight(), min(width - 20, 480))

    def set_axes(self, axes: list[Axis]) -> None:
        """(label, score or None) per axis, in order around the chart."""
        if axes != self._axes:
            self._axes = list(axes)
            self.setAccessibleDescription("; ".join(f"{name}: {_score_text(v)}" for name, v in axes))
            self.update()

    def axes(self) -> list[Axis]:
        return list(self._axes)

    # -- geometry ----------------------------------------------------------------------

    def _label_box(self) -> QSize:
        metrics = self.fontMetrics()
        texts = [t for name, value in self._axes for t in (name, _score_text(value))]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        return QSize(widest + 8, metrics.height() * 2 + 4)

    def _radius(self) -> float:
        box = self._label_box()
        return max(40.0, min(self.width() - 2 * box.width() - 24, self.height() - 2 * box.height() - 16) / 2)

    def _angle(self, i: int) -> float:
        return -math.pi / 2 + 2 * math.pi * i / max(1, len(self._axes))

    def _point(self, centre: QPointF, i: int, value: float) -> QPointF:
        r = self._radius() * value / SCALE_MAX
        a = self._angle(i)
        return QPointF(centre.x() + r * math.cos(a), centre.y() + r * math.sin(a))

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if len(self._axes) < 3:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        self._paint_grid(painter, centre)
        self._paint_shape(painter, centre)
        self._paint_labels(painter, centre)
        painter.end()

    def _paint_grid(self, painter: QPainter, centre: QPointF) -> None:
        painter.setPen(QPen(QColor(LINE), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        n = len(self._axes)
        for ring in RINGS:
            painter.drawPolygon(QPolygonF([self._point(centre, i, ring) for i in range(n)]))
        for i in range(n):
            painter.drawLine(centre, self._point(centre, i, SCALE_MAX))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.8))
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        for ring in RINGS:  # along the first axis, just right of it, clear of the points on it
            at = self._point(centre, 0, ring)
            painter.drawText(QPointF(at.x() + 6, at.y() - 3), str(ring))

    def _paint_shape(self, painter: QPainter, centre: QPointF) -> None:
        rated = [(i, float(v)) for i, (_, v) in enumerate(self._axes) if v is not None]
        points = [self._point(centre, i, v) for i, v in rated]
        fill = QColor(ACCENT)
        fill.setAlpha(60)
        painter.setPen(QPen(QColor(ACCENT), 2.5))
        painter.setBrush(fill)
        if len(points) >= 3:
            painter.drawPolygon(QPolygonF(points))
        elif len(points) == 2:
            painter.drawLine(points[0], points[1])
        painter.setBrush(QColor(ACCENT))
        for p in points:
            painter.drawEllipse(p, 5, 5)

    def _paint_labels(self, painter: QPainter, centre: QPointF) -> None:
        box = self._label_box()
        bold = QFont(self.font())
        bold.setBold(True)
        for i, (name, value) in enumerate(self._axes):
            anchor = self._point(centre, i, SCALE_MAX + 0.4)
            rect = _label_rect(anchor, box, math.cos(self._angle(i)), math.sin(self._angle(i)))
            flags = _label_alignment(math.cos(self._angle(i)))
            painter.setFont(bold if value is not None else self.font())
            painter.setPen(QColor(INK if value is not None else MUTED))
            painter.drawText(rect, int(flags), f"{name}\n{_score_text(value)}")


def _score_text(value: Decimal | None) -> str:
    return "not rated" if value is None else f"{value}"


def _label_rect(anchor: QPointF, box: QSize, dx: float, dy: float) -> QRectF:
    """A label box beside ``anchor``, pushed outward the way its axis points."""
    w, h = float(box.width()), float(box.height())
    x = anchor.x() - w / 2 if abs(dx) < 0.3 else (anchor.x() if dx > 0 else anchor.x() - w)
    y = anchor.y() - h / 2 if abs(dy) < 0.3 else (anchor.y() if dy > 0 else anchor.y() - h)
    return QRectF(x, y, w, h)


def _label_alignment(dx: float) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignHCenter if abs(dx) < 0.3 else (
        Qt.AlignmentFlag.AlignLeft if dx > 0 else Qt.AlignmentFlag.AlignRight)
    return horizontal | Qt.AlignmentFlag.AlignVCenter
