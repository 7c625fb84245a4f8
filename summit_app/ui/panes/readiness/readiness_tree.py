"""The tree of gears and elements on the Readiness pane.

Element names are long ("A Culture of Collaboration, Innovation, Capacity
Building, and Empowerment"), so the name column wraps them and rows grow to
fit; the narrow columns get fixed widths measured once per font and team size.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from summit_app.plan.content import Content
from summit_app.ui.fields.wrapping import WrappingTree
from summit_app.ui.panes.readiness.readiness_model import (
    COL_LEVEL,
    COL_MEMBERS,
    COL_NAME,
    COL_SCORE,
    HEADERS,
    ReadinessModel,
    silent_dots,
)

PADDING = 18


class ReadinessTree(WrappingTree):
    """Gears with their elements, expanded; the Score cell of an element is editable."""

    def __init__(self, item_model: ReadinessModel, content: Content, parent: QWidget | None = None) -> None:
        super().__init__((COL_NAME,), parent)
        self._content = content
        self._team = -1
        self.setModel(item_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAccessibleName("Framework elements")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (COL_SCORE, COL_LEVEL, COL_MEMBERS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.expandAll()
        self.fit_columns(0)

    def show_earlier(self, element_ids: frozenset[str]) -> None:
        """Show the earlier-version group with only the retired elements the plan holds ratings for."""
        item_model = self.model()
        assert isinstance(item_model, ReadinessModel)
        group = item_model.earlier_group_row()
        parent = item_model.index(group, 0)
        self.setRowHidden(group, QModelIndex(), not element_ids)
        for row in range(item_model.rowCount(parent)):
            element = item_model.element_at(item_model.index(row, 0, parent))
            self.setRowHidden(row, parent, element is None or element.id not in element_ids)

    def set_team_size(self, team: int) -> None:
        """The Members column holds one dot per member."""
        if team != self._team:
            self.fit_columns(team)

    def fit_columns(self, team: int) -> None:
        """Widths for the narrow columns: their header, or their widest possible content."""
        self._team = team
        plain, bold = QFontMetrics(self.font()), QFontMetrics(_bold(self.font()))
        levels = [lv.name for lv in self._content.levels]
        widest = {
            COL_SCORE: max(bold.horizontalAdvance("10.0"), bold.horizontalAdvance(HEADERS[COL_SCORE])),
            COL_LEVEL: max([bold.horizontalAdvance(n) for n in levels] + [bold.horizontalAdvance(HEADERS[COL_LEVEL])]),
            COL_MEMBERS: max(plain.horizontalAdvance(silent_dots(team, 0)), plain.horizontalAdvance("10 – 10"),
                             bold.horizontalAdvance(HEADERS[COL_MEMBERS])),
        }
        for column, width in widest.items():
            self.setColumnWidth(column, width + PADDING)

    def fonts_changed(self) -> None:
        self.fit_columns(max(self._team, 0))


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
