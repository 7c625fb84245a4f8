"""The privacy-program practices of the framework, each self-rated 1–4, as one table.

Every practice of the framework is a row whether or not the plan rated it
yet; rating an unrated one adds its ``PracticeRating`` (one edit).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from summit_app.plan import model
from summit_app.plan.edits import AddItem, SetField
from summit_app.plan.fields import FieldSpec, spec
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_model import Column

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Area", "Practice", "Rating", "Notes")
FIELDS = {2: "rating", 3: "notes"}


class PracticesModel(QAbstractTableModel):
    """Rows: (area, practice) of the framework; columns: area, practice, rating, notes."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.columns = [Column("area"), Column("practice"), Column("rating"), Column("notes")]
        self.context = context
        self.rows = [(area.name, practice) for area in context.content.practice_areas for practice in area.practices]
        self._levels = {int(e.id): e.name for e in context.content.practice_levels if e.id.isdigit()}
        self._plan = context.plan
        self._ratings = {p.id: p for p in self._plan.practices}

    @property
    def plan(self) -> model.Plan:
        return self._plan

    def refresh(self, plan: model.Plan) -> None:
        self._plan = plan
        self._ratings = {p.id: p for p in plan.practices}
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(HEADERS) - 1))

    def spec_at(self, column: int) -> FieldSpec | None:
        return spec(model.PracticeRating, FIELDS[column]) if column in FIELDS else None

    def row_of(self, practice_id: str) -> int:
        return next((r for r, (_, p) in enumerate(self.rows) if p.id == practice_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return HEADERS[section] if 0 <= section < len(HEADERS) else None

    def value(self, row: int, column: int) -> Any:
        area, practice = self.rows[row]
        rating = self._ratings.get(practice.id)
        if column < 2:
            return area if column == 0 else practice.name
        return getattr(rating, FIELDS[column]) if rating else (None if column == 2 else "")

    def rating_text(self, rating: int | None) -> str:
        return "Not rated" if rating is None else f"{rating} – {self._levels.get(rating, '')}".rstrip(" –")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.value(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.rating_text(value) if index.column() == 2 else value
        if role == Qt.ItemDataRole.EditRole:
            return value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in FIELDS and not self.context.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        if value == self.value(index.row(), index.column()):
            return True
        practice = self.rows[index.row()][1]
        field = FIELDS[index.column()]
        label = f"Rate “{practice.name}”" if field == "rating" else f"Change notes of “{practice.name}”"
        if practice.id in self._ratings:
            return self.context.edit(SetField("practices", practice.id, field, value, label))
        return self.context.edit(AddItem("practices", model.PracticeRating(practice.id, **{field: value}),
                                         label=label))
