"""The table delegate: each cell is edited with the editor its field calls for.

A choice gets a combo of names from the vocabulary, a link a combo of the
plan's goals (or sources, apps), several links a checklist, a date a date
editor, a count a spin box, money a currency field. Enter, Tab or leaving
the cell commits; Escape cancels.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtWidgets
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from summit_app.ui.base import theme
from summit_app.ui.fields.collection_model import CollectionModel
from summit_app.ui.fields.editor_factory import make_editor
from summit_app.ui.fields.editors import ChecklistEditor

Index = QModelIndex | QPersistentModelIndex
FOCUS_RING = 2  # pixels


class FieldDelegate(QStyledItemDelegate):
    """Editors for a ``CollectionModel``'s cells, chosen from the column's field spec.

    The cell with the keyboard focus gets a ring anyone can see (the style's own is a
    faint dotted line): ink on a plain row, white on the selected row's accent.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        view = option.widget  # type: ignore[attr-defined]
        if view is not None and not view.hasFocus():
            # No cell of a view without the focus has it. Asked first, so that a table painted
            # before anyone focuses it does not set up Qt's QStyle class (its enumerations:
            # several milliseconds of start-up) to read the cell's state.
            return
        state = option.state  # type: ignore[attr-defined]
        style = QtWidgets.QStyle
        if state & style.StateFlag.State_HasFocus:
            selected = bool(state & style.StateFlag.State_Selected)
            painter.save()
            painter.setPen(QPen(QColor("white" if selected else theme.INK), FOCUS_RING))
            painter.drawRect(option.rect.adjusted(1, 1, -FOCUS_RING, -FOCUS_RING))  # type: ignore[attr-defined]
            painter.restore()

    def _model(self, index: Index) -> CollectionModel:
        """The cell's model: a ``CollectionModel`` or one with the same ``spec_at``/``context``/``plan``."""
        return index.model()  # type: ignore[return-value]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        source = self._model(index)
        spec = source.spec_at(index.column())
        if spec is None:
            return super().createEditor(parent, option, index)
        editor = make_editor(spec, source.context.content, source.plan, source.columns[index.column()].fmt, parent)
        editor.setAccessibleName(str(source.headerData(index.column(), Qt.Orientation.Horizontal)))
        if isinstance(editor, ChecklistEditor):
            editor.setAutoFillBackground(True)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if getattr(editor, "dirty", bool)():
            return  # typing under way: a repaint of the row (another seat's edit) must not take it away
        if hasattr(editor, "set_value"):
            editor.set_value(index.data(Qt.ItemDataRole.EditRole))
            if isinstance(editor, ChecklistEditor) and editor.count():
                editor.setCurrentRow(0)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if not hasattr(editor, "value"):
            super().setModelData(editor, model, index)
            return
        try:
            value: Any = editor.value()
        except ValueError as exc:
            self._model(index).context.edit_refused.emit(str(exc))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        if not isinstance(editor, ChecklistEditor):
            super().updateEditorGeometry(editor, option, index)
            return
        # A checklist needs more room than one cell: drop it down from the cell, inside the view.
        parent = editor.parentWidget()
        area = parent.rect() if parent is not None else option.rect
        height = min(editor.sizeHintForRow(0) * editor.count() + 8 if editor.count() else 60, area.height())
        width = max(option.rect.width(), 280)
        rect = QRect(option.rect.left(), option.rect.top(), min(width, area.width()), height)
        rect.moveBottom(min(rect.bottom(), area.bottom()))
        rect.moveRight(min(rect.right(), area.right()))
        editor.setGeometry(rect)
