"""A dot plot of members' silent scores on the 0–10 scale, drawn with QPainter.

Each member is a dot (with their initials) above their score; equal scores
stack. A dashed line marks the consensus once the team has set one.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from summit_app.ui.base.theme import ACCENT, INK, LINE, MUTED


class DotPlot(QWidget):
    """Members' scores as dots on a 0–10 line (initials inside), with the consensus marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dots: list[tuple[str, int]] = []
        self._consensus: int | None = None
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Spread of the silent ratings")

    def sizeHint(self) -> QSize:
        return QSize(420, 90)

    def set_dots(self, dots: list[tuple[str, int]], consensus: int | None) -> None:
        self._dots, self._consensus = dots, consensus
        self.setAccessibleDescription(describe_dots(dots, consensus))  # the figures, for those who cannot see dots
        self.update()

    def _x(self, score: float) -> float:
        margin = 24.0
        return margin + (self.width() - 2 * margin) * score / 10

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.height() - 28.0
        painter.setPen(QPen(QColor(LINE), 2))
        painter.drawLine(QPointF(self._x(0), base), QPointF(self._x(10), base))
        painter.setPen(QColor(MUTED))
        for tick in range(11):
            painter.drawText(QRectF(self._x(tick) - 12, base + 4, 24, 20), int(Qt.AlignmentFlag.AlignCenter),
                             str(tick))
        self._paint_consensus(painter, base)
        self._paint_dots(painter, base)
        painter.end()

    def _paint_consensus(self, painter: QPainter, base: float) -> None:
        if self._consensus is None:
            return
        x = self._x(self._consensus)
        painter.setPen(QPen(QColor(INK), 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, 4), QPointF(x, base))

    def _paint_dots(self, painter: QPainter, base: float) -> None:
        radius = 12.0
        stacked: dict[int, int] = {}
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.75))
        small.setBold(True)
        painter.setFont(small)
        for initials, score in self._dots:
            level = stacked.get(score, 0)
            stacked[score] = level + 1
            centre = QPointF(self._x(score), base - radius - 3 - level * (2 * radius + 2))
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QColor(ACCENT))
            painter.drawEllipse(centre, radius, radius)
            painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                             int(Qt.AlignmentFlag.AlignCenter), initials)


def initials(name: str) -> str:
    words = [w for w in name.replace(".", " ").split() if w[:1].isalpha() and w.lower() not in ("dr", "mr", "ms")]
    return "".join(w[0].upper() for w in words[:2]) or "?"


def describe_dots(dots: list[tuple[str, int]], consensus: int | None) -> str:
    """The plot in words: "Ana Ruiz 6, Ben Oduya 8; consensus 7" (or "No ratings yet")."""
    if not dots:
        return "No ratings yet"
    words = ", ".join(f"{name} {score}" for name, score in dots)
    return words + (f"; consensus {consensus}" if consensus is not None else "; no consensus yet")
