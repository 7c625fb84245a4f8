"""A titled table of one collection with Add, Remove, Move up and Move down.

Keyboard: Insert adds a row, Delete removes the selected one, Alt+Up/Alt+Down
move it, F2 or typing edits a cell, Tab walks the buttons. Every change is an
edit through the context (one undo step each).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan import model
from summit_app.plan.edits import AddItem, MoveItem
from summit_app.ui.base import theme
from summit_app.ui.fields import formats
from summit_app.ui.fields.collection_edits import removal_edit
from summit_app.ui.fields.collection_model import CollectionModel
from summit_app.ui.fields.delegates import FieldDelegate

NewItem = Callable[[model.Plan], Any]
GROW_ROWS = 50  # an edit that changes more rows than this (a re-import) keeps the widths it has
CELL_PADDING = 24  # room either side of a cell's text, as resizeColumnsToContents leaves it
#: Tables up to this many rows wrap long text onto more lines (rows as tall as their text); longer
#: ones keep one line a row, shortened with "…" and whole on hover, so a thousand rows stay quick.
WRAP_ROWS = 120
#: The widest a column grows to fit its text: a goal's title or a line's description shows whole,
#: and only prose longer than this (a note) is shortened, in full on hover and in its editor.
WIDEST = 460


class FittedTableView(QTableView):
    """A table as tall as its rows, between 3 and ``rows`` of them (then it scrolls).

    ``widened(width)`` when its width changes: wrapped rows need new heights then.
    """

    widened = Signal(int)

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows
        # A viewport made here, not by Qt: the first time Python is handed a widget Qt made
        # itself (``viewport()``), PySide sets up every widget class it has to find its type
        # (a dozen milliseconds of the app's start-up).
        self.setViewport(QWidget())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.widened.emit(event.size().width())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        model = self.model()
        count = min(max(model.rowCount() if model else 0, 3), self.rows)
        shown = min(model.rowCount() if model else 0, self.rows)
        rows = sum(self.rowHeight(r) for r in range(shown))
        rows += (count - shown) * self.verticalHeader().defaultSectionSize()
        height = self.horizontalHeader().height() + rows
        scroll = self.horizontalScrollBar().sizeHint().height()
        return QSize(hint.width(), height + scroll + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:
        four_rows = 4 * self.verticalHeader().defaultSectionSize() + self.horizontalHeader().height()
        return QSize(super().minimumSizeHint().width(), min(self.sizeHint().height(), four_rows))


class TableSection(QWidget):
    """Title, table and row buttons; ``current_changed(item_id)`` when the selected row changes."""

    current_changed = Signal(str)
    view_class: type[FittedTableView] = FittedTableView  # a section may size its columns its own way

    def __init__(self, title: str, table_model: CollectionModel, noun: str,
                 new_item: NewItem | None = None, parent: QWidget | None = None, *, rows: int = 10) -> None:
        super().__init__(parent)
        self.visible_rows = rows
        self.model = table_model
        self.context = table_model.context
        self.noun = noun
        self.new_item = new_item
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(title)
        theme.mark(self.title, "sectionTitle")
        layout.addWidget(self.title)
        self.view = self._make_view(title)
        self.title.setBuddy(self.view)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._make_buttons())
        self._shortcuts()
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self.view.updateGeometry)
        self.model.rowsInserted.connect(self.view.updateGeometry)  # a table sized to its rows grows …
        self.model.rowsRemoved.connect(self.view.updateGeometry)  # … and shrinks with them
        self.view.widened.connect(self._refit_to_width)
        self._fitted = False
        self._update_buttons()

    def _make_view(self, title: str) -> QTableView:
        view = self.view_class(self.visible_rows)
        view.setModel(self.model)
        view.setItemDelegate(FieldDelegate(view))
        view.setAccessibleName(title)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(True)  # long text wraps in its row (``_fit_rows``), short tables only
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setTabKeyNavigation(False)  # Tab leaves the table for its buttons
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setResizeContentsPrecision(40)  # sample rows: fast on very long tables
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        theme.table_look(view)
        return view

    def _make_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = self._button(f"Add {self.noun}", self.add, row)
        self.remove_button = self._button("Remove", self.remove, row)
        self.up_button = self._button("Move up", lambda: self.move_selected(-1), row)
        self.down_button = self._button("Move down", lambda: self.move_selected(1), row)
        row.addStretch(1)
        self.add_button.setVisible(self.new_item is not None)
        return row

    def _button(self, text: str, slot: Callable[[], object], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.clicked.connect(lambda _c=False: slot())
        row.addWidget(button)
        return button

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetShortcut
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.remove), ("Insert", self.add),
                           ("Alt+Up", lambda: self.move_selected(-1)), ("Alt+Down", lambda: self.move_selected(1))):
            shortcut = QShortcut(QKeySequence(keys), self.view, context=context)
            shortcut.activated.connect(slot)

    def fit_columns(self, widest: int = WIDEST) -> None:
        """Size columns to their contents once there are rows, none wider than ``widest``."""
        self._fitted = True
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)  # measured at its own width first, like the others
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column) + 12, widest))
        self._stretch_last_if_room()
        self._fit_rows(range(self.model.rowCount()))

    def _refit_to_width(self, _width: int) -> None:
        if self._fitted:
            self._stretch_last_if_room()
            self._fit_rows(range(self.model.rowCount()))

    def _fit_rows(self, rows: range | list[int]) -> None:
        """Rows as tall as their wrapped text (only in tables short enough for it; see ``WRAP_ROWS``)."""
        wrap = self.model.rowCount() <= WRAP_ROWS
        if self.view.wordWrap() != wrap:
            self.view.setWordWrap(wrap)
        if not wrap:
            return
        roomy = self.view.verticalHeader().defaultSectionSize()
        for row in rows:
            height = max(roomy, self._wrapped_height(row))
            if self.view.rowHeight(row) != height:
                self.view.setRowHeight(row, height)
        self.view.updateGeometry()

    def _wrapped_height(self, row: int) -> int:
        """How tall ``row`` must be for its longest cell, wrapped in its column, to show whole.

        Measured over every column, scrolled into view or not (Qt's own row sizing only
        looks at the columns on screen).
        """
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        padding = self.view.verticalHeader().defaultSectionSize() - metrics.height()
        tallest = 0
        for column in range(self.model.columnCount()):
            if header.isSectionHidden(column):
                continue
            width = max(header.sectionSize(column) - CELL_PADDING // 2, 20)
            text = self.model.display_text(row, column)
            box = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
            tallest = max(tallest, box.height())
        return tallest + padding

    def _stretch_last_if_room(self) -> None:
        """The last column takes the room left over, but is never squeezed below its text for it."""
        header = self.view.horizontalHeader()
        shown = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
        header.setStretchLastSection(shown <= self.view.viewport().width())

    def grow_columns(self, rows: list[int], widest: int = WIDEST) -> None:
        """Widen columns (never narrow them) so the text of ``rows`` shows whole, up to ``widest``.

        Called with the rows an edit changed: a name typed into a new row is not cut
        to "Dr. M…" because the columns were fitted to the table as it first was.
        """
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        for column in range(self.model.columnCount()):
            if self.view.isColumnHidden(column):
                continue
            needed = max((metrics.horizontalAdvance(self.model.display_text(r, column)) for r in rows), default=0)
            needed = min(needed + CELL_PADDING, widest)
            if needed > header.sectionSize(column):
                if header.stretchLastSection() and column == header.count() - 1:
                    header.setStretchLastSection(False)
                header.resizeSection(column, needed)
        self._stretch_last_if_room()

    # -- selection --------------------------------------------------------------------

    def current_id(self) -> str | None:
        row = self.view.currentIndex().row()
        return self.model.item_at(row).id if 0 <= row < self.model.rowCount() else None

    def select(self, item_id: str, column: int = 0, *, focus: bool = True) -> bool:
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        index = self.model.index(row, column)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        self._bring_into_view(index)
        if focus:
            self.view.setFocus()
        return True

    def _bring_into_view(self, index: QModelIndex) -> None:
        """Scroll the pane (not only the table) so the selected row is on screen."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is None or parent.widget() is None:
            return
        row = self.view.visualRect(index)
        corner = self.view.viewport().mapTo(parent.widget(), row.topLeft())
        parent.ensureVisible(corner.x(), corner.y() + row.height() // 2, 20, row.height() * 2)

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_buttons()
        self.current_changed.emit(self.current_id() or "")

    def _update_buttons(self) -> None:
        editable = not self.context.read_only
        row, count = self.view.currentIndex().row(), self.model.rowCount()
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and 0 <= row < count)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)

    # -- edits ------------------------------------------------------------------------

    def refresh(self, plan: model.Plan) -> None:
        """Show ``plan``, keeping the selected item selected, with columns wide enough for what changed."""
        keep = self.current_id()
        before = {id(it) for it in self.model.items()}
        self.model.refresh(plan)
        if not self._fitted and self.model.rowCount():
            self.fit_columns()
        elif not self._fitted:
            self.view.resizeColumnsToContents()  # no rows yet: at least the headings show whole
        elif self._fitted:
            changed = [r for r, it in enumerate(self.model.items()) if id(it) not in before]
            self.grow_columns(changed[:GROW_ROWS])
            self._fit_rows(changed[:GROW_ROWS] if len(changed) < self.model.rowCount() else
                           range(self.model.rowCount()))
        if keep and self.current_id() != keep:
            self.select(keep, focus=False)
        elif self.current_id() is None and self.model.rowCount():
            self.select(self.model.item_at(0).id, focus=False)
        self._update_buttons()

    def add(self) -> None:
        if self.new_item is None or self.context.read_only:
            return
        plan = self.context.plan
        item = self.new_item(plan)
        if self.context.edit(AddItem(self.model.collection, item, self._insert_index(plan), f"Add {self.noun}")):
            self.select(item.id)
            self.view.edit(self.model.index(self.model.row_of(item.id), 0))

    def _insert_index(self, plan: model.Plan) -> int | None:
        current = self.current_id()
        items = [it.id for it in getattr(plan, self.model.collection)]
        return items.index(current) + 1 if current in items else None

    def remove(self) -> None:
        item_id = self.current_id()
        if item_id is None or self.context.read_only:
            return
        row = self.view.currentIndex().row()
        item = self.model.item_at(row)
        label = f"Remove {self.noun} “{formats.short(formats.item_label(item), 40)}”"
        if self.context.edit(removal_edit(self.context.plan, self.model.collection, item_id, label)):
            count = self.model.rowCount()
            if count:
                self.select(self.model.item_at(min(row, count - 1)).id)

    def move_selected(self, offset: int) -> None:
        """Move the selected item past its visible neighbour (the view may show only some items)."""
        item_id = self.current_id()
        row = self.view.currentIndex().row()
        if item_id is None or self.context.read_only or not 0 <= row + offset < self.model.rowCount():
            return
        neighbour = self.model.item_at(row + offset).id
        items = [it.id for it in getattr(self.context.plan, self.model.collection)]
        label = f"Move {self.noun} {'up' if offset < 0 else 'down'}"
        if self.context.edit(MoveItem(self.model.collection, item_id, items.index(neighbour), label)):
            self.select(item_id)
