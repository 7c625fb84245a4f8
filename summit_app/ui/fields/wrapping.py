"""Tree views whose long text wraps inside its column, with rows as tall as their text.

Qt's item views measure a row before they know a column's width, so wrapped
text is clipped or elided. ``WrappingDelegate`` measures wrapped columns at the
view's current column width, and ``WrappingTree`` lays rows out again when
such a column is resized or the font changes (a zoom step). Measuring wrapped
text is costly, so heights are cached per text, weight and width, and the
natural size of the other columns per text and weight.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from summit_app.ui.base import theme

CELL_PADDING = 12


def depth(index: QModelIndex | QPersistentModelIndex) -> int:
    """1 for a top-level row, 2 for its children… (the tree indents column 0 by this)."""
    levels = 1
    parent = index.parent()
    while parent.isValid():
        levels += 1
        parent = parent.parent()
    return levels


class WrappingDelegate(QStyledItemDelegate):
    """Row heights that fit the text of ``columns`` wrapped to those columns' widths."""

    def __init__(self, view: QTreeView, columns: tuple[int, ...]) -> None:
        super().__init__(view)
        self._view = view
        self.columns = columns
        self._heights: dict[tuple[str, bool, int], int] = {}
        self._natural: dict[tuple[str, bool], QSize] = {}

    def text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        width = self._view.columnWidth(index.column()) - CELL_PADDING
        if index.column() == 0:
            width -= self._view.indentation() * depth(index)
        return max(40, width)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height() + CELL_PADDING
        column = index.column()
        font = index.data(Qt.ItemDataRole.FontRole)
        bold = isinstance(font, QFont) and font.bold()
        text = str(index.data() or "")
        if column not in self.columns or self._view.isFirstColumnSpanned(index.row(), index.parent()):
            # What ResizeToContents columns fit. The view asks again for every row at every
            # layout pass; a list of a few labels ("Warning", "Blocking") is measured once each.
            natural = self._natural.get((text, bold))
            if natural is None:
                size = super().sizeHint(option, index)
                natural = self._natural[text, bold] = QSize(size.width() + CELL_PADDING, max(line, size.height()))
            return natural
        width = self.text_width(index)
        key = (text, bold, width)
        if key not in self._heights:
            measure = QFont(option.font)
            measure.setBold(bold)
            bounds = QFontMetrics(measure).boundingRect(QRect(0, 0, width, 100_000),
                                                        int(Qt.TextFlag.TextWordWrap), text)
            self._heights[key] = max(line, bounds.height() + CELL_PADDING)
        return QSize(width, self._heights[key])

    def forget(self) -> None:
        """Fonts changed: measure again."""
        self._heights.clear()
        self._natural.clear()


class WrappingTree(QTreeView):
    """A tree view that wraps ``wrapped`` columns and keeps their rows the right height."""

    def __init__(self, wrapped: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wrapping = WrappingDelegate(self, wrapped)
        self._widths: dict[int, int] = {}
        self.setItemDelegate(self.wrapping)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        theme.bold_titles(self.header())
        self.header().sectionResized.connect(self._on_section_resized)

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        if column in self.wrapping.columns and self._widths.get(column) != new:
            self._widths[column] = new
            self.scheduleDelayedItemsLayout()  # rows wrap differently at the new width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.wrapping.forget()
            self.fonts_changed()
        super().changeEvent(event)

    def fonts_changed(self) -> None:
        """Subclasses re-measure fixed column widths here."""
