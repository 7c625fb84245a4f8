"""A table model over one collection of the plan, driven by the field specs.

Cells show names, not ids (a budget line's goal by its title, a category by its
name), money as ``$1,234.50``. A cell edit becomes a ``SetField`` through
``UiContext.edit``; the model itself never changes the plan, it refreshes from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from summit_app.plan import model
from summit_app.plan.consequences import with_consequences
from summit_app.plan.edits import SetField
from summit_app.plan.fields import FieldSpec, Kind, spec
from summit_app.plan.records import ByFields, record
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields import formats

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_NUMERIC = (Kind.INT, Kind.OPT_INT, Kind.DECIMAL, Kind.DECIMALS)
# Qt asks for many roles per painted cell: answer the ones we hold from plain ints, fast.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TEXT_ROLES = frozenset(int(r.value) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole))
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_CHECK = int(Qt.ItemDataRole.CheckStateRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ROLES = _TEXT_ROLES | {_EDIT, _CHECK, _ALIGN, _TOOLTIP}
_READ = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ | Qt.ItemFlag.ItemIsEditable
_CHECKABLE = _READ | Qt.ItemFlag.ItemIsUserCheckable


@record
class Column(ByFields):
    """One column: a field (``index`` picks one amount of a per-year field) or a computed value.

    ``fmt`` is "money" (default for amounts), "number" (hours) or "year" (FY2027).
    ``compute(plan, item)`` makes a read-only column (a line's total, say).
    """

    field: str
    header: str = ""
    index: int | None = None
    fmt: str = ""
    compute: Callable[[model.Plan, Any], Any] | None = None
    kind: Kind = Kind.DECIMAL  # of a computed value


class CollectionModel(QAbstractTableModel):
    """Rows are the items of ``collection`` (optionally those passing ``row_filter``)."""

    def __init__(self, context: UiContext, collection: str, columns: list[Column],
                 row_filter: Callable[[Any], bool] | None = None) -> None:
        super().__init__()
        self.context = context
        self.collection = collection
        self.record_type = model.COLLECTIONS[collection]
        self.columns = columns
        self.row_filter = row_filter
        self._plan = context.plan
        self._items: list[Any] = self._rows(self._plan)
        self._targets: dict[str, dict[str, str]] = {}
        self._specs = [None if c.compute else spec(self.record_type, c.field) for c in columns]
        self._kinds = [self._column_kind(i) for i in range(len(columns))]
        self._texts: dict[tuple[int, int], str] = {}  # display text by (row, column) until the next refresh

    # -- reading the plan ---------------------------------------------------------

    def _rows(self, plan: model.Plan) -> list[Any]:
        items = getattr(plan, self.collection)
        return [it for it in items if self.row_filter(it)] if self.row_filter else list(items)

    def refresh(self, plan: model.Plan) -> None:
        """Show ``plan``: changed rows repaint; rows added, removed or moved are inserted and removed as such.

        Never a reset: a view keeps its row heights, its selection and a cell
        editor open on a row that stays (another seat adding a row above the
        one being typed in moves the editor with its row).
        """
        new = self._rows(plan)
        self._plan, self._targets, self._texts = plan, {}, {}
        if [it.id for it in self._items] != [it.id for it in new]:
            self._change_rows(new)
        old, self._items = self._items, new
        changed = [r for r, (a, b) in enumerate(zip(old, new, strict=True)) if a is not b]
        if any(c.compute for c in self.columns):
            changed = list(range(len(new)))  # computed cells can follow any change of the plan
        last = self.columnCount() - 1
        if changed:  # one signal for the changed span: cheap on a thousand rows
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)

    def _change_rows(self, new: list[Any]) -> None:
        """Remove and insert rows until this model's rows have the ids of ``new``, in its order."""
        from difflib import SequenceMatcher  # only when rows come or go: not on the start path

        ids = [it.id for it in new]
        steps = SequenceMatcher(None, [it.id for it in self._items], ids, autojunk=False).get_opcodes()
        for kind, start, end, new_start, new_end in reversed(steps):  # from the end: earlier rows keep their place
            if kind in ("delete", "replace"):
                self.beginRemoveRows(QModelIndex(), start, end - 1)
                del self._items[start:end]
                self.endRemoveRows()
            if kind in ("insert", "replace"):
                self.beginInsertRows(QModelIndex(), start, start + new_end - new_start - 1)
                self._items[start:start] = new[new_start:new_end]
                self.endInsertRows()

    def set_filter(self, row_filter: Callable[[Any], bool] | None) -> None:
        self.beginResetModel()
        self._texts = {}
        self.row_filter = row_filter
        self._items = self._rows(self._plan)
        self.endResetModel()

    @property
    def plan(self) -> model.Plan:
        return self._plan

    def item_at(self, row: int) -> Any:
        return self._items[row]

    def row_of(self, item_id: str) -> int:
        return next((r for r, it in enumerate(self._items) if it.id == item_id), -1)

    def items(self) -> list[Any]:
        return list(self._items)

    def spec_at(self, column: int) -> FieldSpec | None:
        return self._specs[column]

    def _labels(self, target: str) -> dict[str, str]:
        if target not in self._targets:
            self._targets[target] = formats.labels(self._plan, target)
        return self._targets[target]

    # -- Qt model -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if int(role) != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if 0 <= section < len(self.columns):
            c = self.columns[section]
            if c.index is not None and not c.header:
                return f"FY{self._plan.district.first_fiscal_year + c.index}"
            return c.header or spec(self.record_type, c.field).label
        return None

    def value(self, row: int, column: int) -> Any:
        """The plan value of a cell (the id for a choice, a Decimal for money)."""
        c, item = self.columns[column], self._items[row]
        if c.compute:
            return c.compute(self._plan, item)
        raw = getattr(item, c.field)
        return raw[c.index] if c.index is not None else raw

    def _column_kind(self, column: int) -> Kind:
        s = self._specs[column]
        return self.columns[column].kind if s is None else (Kind.DECIMAL if s.kind is Kind.DECIMALS else s.kind)

    def _kind(self, column: int) -> Kind:
        return self._kinds[column]

    def display_text(self, row: int, column: int) -> str:
        c, s, value = self.columns[column], self.spec_at(column), self.value(row, column)
        kind = self._kind(column)
        if kind is Kind.BOOL:
            return ""
        if s is not None and s.target:
            return formats.display(kind, value, self.context.content, targets=self._labels(s.target))
        return formats.display(kind, value, self.context.content, vocabulary=s.vocabulary if s else None, fmt=c.fmt)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role not in _ROLES or not index.isValid() or index.row() >= len(self._items):
            return None
        row, column = index.row(), index.column()
        if role == _TOOLTIP:  # the whole text, where the cell shows it shortened
            value = self.value(row, column)
            return value if self._kinds[column] is Kind.TEXT and isinstance(value, str) and value else \
                self.data(index, Qt.ItemDataRole.DisplayRole)
        if role in _TEXT_ROLES:
            text = self._texts.get((row, column))
            if text is None:
                text = self._texts[(row, column)] = self.display_text(row, column)
            return text
        if role == _EDIT:
            return self.value(row, column)
        if role == _CHECK and self._kinds[column] is Kind.BOOL:
            return Qt.CheckState.Checked if self.value(row, column) else Qt.CheckState.Unchecked
        if role == _ALIGN and self._kinds[column] in _NUMERIC:
            return _RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = index.column()
        if self._specs[column] is None or self.context.read_only:
            return _READ
        return _CHECKABLE if self._kinds[column] is Kind.BOOL else _EDITABLE

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.flags(index) == _READ:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        return self.set_value(index.row(), index.column(), value)

    def set_value(self, row: int, column: int, value: Any) -> bool:
        """Change one cell through the edit path; True if the plan now holds ``value``."""
        c, item = self.columns[column], self._items[row]
        if value == self.value(row, column):
            return True
        if c.index is not None:
            amounts = list(getattr(item, c.field))
            amounts[c.index] = value
            value = tuple(amounts)
        header = self.headerData(column, Qt.Orientation.Horizontal)
        label = f"Change {header} of “{formats.short(formats.item_label(item), 40)}”"
        edit = with_consequences(SetField(self.collection, item.id, c.field, value, label), self.plan,
                                 self.context.content)
        return self.context.edit(edit)
