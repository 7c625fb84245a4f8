"""Silent ratings on the projector: who has rated, and the spread only once "Reveal" is pressed.

The reveal belongs to the presentation, not to the plan: ``RevealState`` lives
as long as present mode and never writes the plan's own "revealed" flag. The
room sees the spread as anonymous dots (the lowest, highest, spread and
median), never which member gave which score.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.readiness import spread
from summit_app.ui.facilitation.present.theme import ACCENT, INK


class RevealState(QObject):
    """Which elements' spreads this presentation has revealed."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._revealed: set[str] = set()

    def is_revealed(self, element_id: str) -> bool:
        return element_id in self._revealed

    def set_revealed(self, element_id: str, revealed: bool) -> None:
        if revealed != self.is_revealed(element_id):
            (self._revealed.add if revealed else self._revealed.discard)(element_id)
            self.changed.emit()

    def clear(self) -> None:
        """A new presentation starts with every spread hidden."""
        if self._revealed:
            self._revealed.clear()
            self.changed.emit()

    def toggle(self, element_id: str) -> None:
        self.set_revealed(element_id, not self.is_revealed(element_id))


def _number(value: object) -> str:
    text = str(value)
    return text[:-2] if text.endswith(".0") else text


class SpreadPlot(QWidget):
    """Scores as anonymous dots on a 0–10 line, sized by the font so a hall can read it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scores: list[int] = []
        self._consensus: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_scores(self, scores: list[int], consensus: int | None) -> None:
        self._scores, self._consensus = scores, consensus
        self.updateGeometry()
        self.update()

    def _unit(self) -> float:
        return float(self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        stack = max((self._scores.count(s) for s in set(self._scores)), default=1)
        return QSize(round(self._unit() * 20), round(self._unit() * (1.6 + 1.1 * stack)))

    def _x(self, score: float) -> float:
        margin = self._unit()
        return margin + (self.width() - 2 * margin) * score / 10

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        unit = self._unit()
        base = self.height() - unit * 1.3
        painter.setPen(QPen(QColor(INK), max(2.0, unit / 10)))
        painter.drawLine(QPointF(self._x(0), base), QPointF(self._x(10), base))
        for tick in range(11):
            painter.drawText(QRectF(self._x(tick) - unit, base + unit * 0.2, 2 * unit, unit),
                             int(Qt.AlignmentFlag.AlignCenter), str(tick))
        if self._consensus is not None:
            painter.setPen(QPen(QColor(INK), max(2.0, unit / 10), Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(self._x(self._consensus), 0), QPointF(self._x(self._consensus), base))
        self._paint_dots(painter, base, unit * 0.5)
        painter.end()

    def _paint_dots(self, painter: QPainter, base: float, radius: float) -> None:
        stacked: dict[int, int] = {}
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(QColor(ACCENT))
        for score in self._scores:
            level = stacked.get(score, 0)
            stacked[score] = level + 1
            centre = QPointF(self._x(score), base - radius - 4 - level * (2 * radius + 3))
            painter.drawEllipse(centre, radius, radius)


class RevealPanel(QFrame):
    """The silent-rating round of one element as the room sees it."""

    def __init__(self, state: RevealState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revealPanel")
        self.state = state
        self.element_id = ""
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.plot = SpreadPlot()
        layout.addWidget(self.status)
        layout.addWidget(self.plot)

    def show_element(self, element_id: str, element_name: str, plan: model.Plan) -> None:
        """Show the round of ``element_id``: counts always, scores only when revealed."""
        self.element_id = element_id
        self.setAccessibleName(f"Silent ratings of {element_name}")
        found = spread(plan, element_id)
        team, rated = len(plan.members), len(found.scores)
        revealed = self.state.is_revealed(element_id) and rated > 0
        if not revealed:
            self.status.setText(f"{rated} of {team} members have rated. The spread shows on Reveal.")
            self.plot.set_scores([], None)  # no score may sit in a hidden widget
            self.plot.hide()
            return
        rating = plan.item("readiness", element_id)
        self.status.setText(f"{rated} of {team} rated · Lowest {found.low} · Highest {found.high} · "
                            f"Spread {found.width} · Median {_number(found.median)}")
        self.plot.set_scores([score for _, score in found.scores], rating.score if rating else None)
        self.plot.show()
