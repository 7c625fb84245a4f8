"""The readiness tree: Future Ready gears, each with its framework elements.

Rows are fixed by the framework content (never by the plan), so a new plan
snapshot only changes cell data: ``set_plan`` emits ``dataChanged`` and keeps
the selection where the team left it. A last group holds the elements of an
earlier version of the framework; it is read-only, and the tree shows only
those of its rows the plan has a rating or note for (``shown_earlier``). Members' silent scores never appear in
any cell until the team reveals that element: before then the cell shows one
dot per member, filled for those who have rated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from summit_app.plan import model
from summit_app.plan.content import Content, Element, Gear
from summit_app.plan.readiness import gear_scores, level_of, member_ratings_of, spread

#: The four readiness levels: warm for early, cool for late; dark enough to read on white.
LEVEL_COLOURS = {
    "investigating": "#c2410c",
    "envisioning": "#b7791f",
    "planning": "#1d5fa8",
    "staging": "#1c7c4a",
}
NOT_RATED = "—"
ELEMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HEADERS = ("Framework element", "Score", "Level", "Members")
COL_NAME, COL_SCORE, COL_LEVEL, COL_MEMBERS = range(4)
GEAR = 0  # internal id of gear rows; element rows carry their gear's row + 1
#: The group of elements an earlier version of the framework had (read-only ratings).
EARLIER = "earlier-version"
EARLIER_TITLE = "Rated under an earlier version"
EARLIER_TIP = ("An element of an earlier version of the framework: the team's score and notes are kept "
               "as they were, read-only.")

Index = QModelIndex | QPersistentModelIndex
ScoreSetter = Callable[[str, int | None], bool]


def silent_dots(rated: int, team: int) -> str:
    """How many members have rated, without a single digit: ● rated, ○ not yet."""
    return "●" * rated + "○" * max(0, team - rated)


@dataclass(frozen=True)
class _Row:
    cells: tuple[str, str, str, str]
    level: str | None
    tooltip: str


class ReadinessModel(QAbstractItemModel):
    """Gears (top level) and their elements; the Score column of an element is editable."""

    def __init__(self, content: Content, set_score: ScoreSetter | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._content = content
        self._set_score = set_score
        self._gears: tuple[Gear, ...] = (*content.gears, Gear(EARLIER, EARLIER_TITLE, content.retired_elements()))
        self._earlier_ids = frozenset(e.id for e in content.retired_elements())
        self.shown_earlier: frozenset[str] = frozenset()
        self._gear_rows: list[_Row] = [_Row((g.name, NOT_RATED, "", ""), None, "") for g in self._gears]
        self._element_rows: list[list[_Row]] = [
            [_Row((e.name, NOT_RATED, "", ""), None, "") for e in g.elements] for g in self._gears]

    # -- structure ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's own signature
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GEAR)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index | None = None) -> Any:  # type: ignore[override]
        """The parent of ``child``; with no argument, the QObject parent (Qt overloads the name)."""
        if child is None:
            return QObject.parent(self)
        if not child.isValid() or child.internalId() == GEAR:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, GEAR)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        if not parent.isValid():
            return len(self._gears)
        if parent.internalId() == GEAR and parent.column() == 0:
            return len(self._gears[parent.row()].elements)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        element = self.element_at(index)
        if (element is not None and not element.retired and index.column() == COL_SCORE
                and self._set_score is not None):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- data --------------------------------------------------------------------------

    def _is_element(self, index: Index) -> bool:
        return index.internalId() != GEAR

    def _row(self, index: Index) -> _Row:
        if self._is_element(index):
            return self._element_rows[index.internalId() - 1][index.row()]
        return self._gear_rows[index.row()]

    def element_at(self, index: Index) -> Element | None:
        if not index.isValid() or not self._is_element(index):
            return None
        return self._gears[index.internalId() - 1].elements[index.row()]

    def earlier_group_row(self) -> int:
        return len(self._gears) - 1

    def index_of_element(self, element_id: str, column: int = 0) -> QModelIndex:
        for g, gear in enumerate(self._gears):
            for e, element in enumerate(gear.elements):
                if element.id == element_id:
                    return self.createIndex(e, column, g + 1)
        return QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._row(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(index, row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        return self._decoration(index, row, role)

    def _edit_value(self, index: Index, row: _Row) -> Any:
        if index.column() == COL_SCORE and self._is_element(index):
            return "" if row.cells[COL_SCORE] == NOT_RATED else row.cells[COL_SCORE]
        return row.cells[index.column()]

    def _decoration(self, index: Index, row: _Row, role: int) -> Any:
        column = index.column()
        if role == Qt.ItemDataRole.FontRole and (not self._is_element(index) or column == COL_SCORE):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_LEVEL and row.level:
            return QBrush(QColor(LEVEL_COLOURS.get(row.level, "#1f2a37")))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ELEMENT_ID_ROLE:
            element = self.element_at(index)
            return element.id if element else None
        if role == LEVEL_ID_ROLE:
            return row.level
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        element = self.element_at(index)
        if element is None or index.column() != COL_SCORE or role != Qt.ItemDataRole.EditRole:
            return False
        usable, score = parse_score(value)
        if not usable or self._set_score is None:
            return False
        return self._set_score(element.id, score)  # the plan change refreshes the cells

    # -- plan snapshots ----------------------------------------------------------------

    def set_plan(self, plan: model.Plan) -> None:
        """Show ``plan``'s scores; rows stay put, so selection and expansion survive.

        Only rows whose cells changed are announced: a view that wraps long names
        measures every announced row again.
        """
        ratings = {r.id: r for r in plan.readiness}
        scores = gear_scores(plan, self._content)
        team = len(plan.members)
        retired = self._earlier_ids
        self.shown_earlier = frozenset({r.id for r in plan.readiness if r.id in retired}
                                       | {r.element_id for r in plan.member_ratings if r.element_id in retired})
        for g, gear in enumerate(self._gears):
            self._replace(QModelIndex(), self._gear_rows, g, self._gear_row(gear, scores.get(gear.id)))
            parent = self.index(g, 0)
            for e, element in enumerate(gear.elements):
                row = self._element_row(element, ratings.get(element.id), plan, team)
                self._replace(parent, self._element_rows[g], e, row)

    def _replace(self, parent: QModelIndex, rows: list[_Row], i: int, row: _Row) -> None:
        if rows[i] != row:
            rows[i] = row
            self.dataChanged.emit(self.index(i, 0, parent), self.index(i, len(HEADERS) - 1, parent))

    def _gear_row(self, gear: Gear, score: Decimal | None) -> _Row:
        if gear.id == EARLIER:
            return _Row((gear.name, "", "", ""), None, EARLIER_TIP)
        level = level_of(self._content, score)
        cells = (gear.label, NOT_RATED if score is None else f"{score}", level.name if level else "", "")
        tip = ("Collaborative Leadership is the ring around the seven gears: rated like them, not an eighth gear. "
               if gear.across_gears else "")
        return _Row(cells, level.id if level else None, tip + "Score: the mean of the rated elements")

    def _element_row(self, element: Element, rating: model.ReadinessRating | None, plan: model.Plan,
                     team: int) -> _Row:
        score = rating.score if rating else None
        level = level_of(self._content, score)
        cells = (element.name, NOT_RATED if score is None else str(score), level.name if level else "",
                 self._members_cell(element.id, rating, plan, team))
        tip = EARLIER_TIP if element.retired else ""
        return _Row(cells, level.id if level else None, tip)

    def _members_cell(self, element_id: str, rating: model.ReadinessRating | None, plan: model.Plan,
                      team: int) -> str:
        if rating is not None and rating.revealed:
            found = spread(plan, element_id)
            if found.low is None:
                return "revealed, none rated"
            return f"{found.low} – {found.high}"
        scored = sum(1 for r in member_ratings_of(plan, element_id) if r.score is not None)
        return silent_dots(scored, team) if scored else ""


def parse_score(value: Any) -> tuple[bool, int | None]:
    """(usable, score) for a typed consensus score: 0–10, or blank/−1 to clear it."""
    text = "" if value is None else str(value).strip()
    if text in ("", "-1", NOT_RATED):
        return True, None
    if not text.isdigit() or not 0 <= int(text) <= 10:
        return False, None
    return True, int(text)
