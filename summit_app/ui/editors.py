"""One editor widget per kind of field, shared by forms and by table delegates.

Each editor has ``value()`` (the plan value; ValueError if the text is not
valid) and ``set_value(v)``, and emits ``committed`` when the user is done
(Enter, leaving the field, picking a choice), which is when a form saves.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from summit_app.plan.fields import FieldSpec, Kind
from summit_app.ui import formats

NO_DATE = QDate(1900, 1, 1)
_HISTORY_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def _is_history_key(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and any(event.matches(k) for k in _HISTORY_KEYS)


class TextEditor(QLineEdit):
    """One line of text. Ctrl+Z undoes the plan unless there is uncommitted typing here."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self.committed.emit)

    def value(self) -> Any:
        return self.text()

    def set_value(self, value: Any) -> None:
        self.setText(value or "")
        self.setModified(False)

    def dirty(self) -> bool:
        return self.isModified()

    def clean(self) -> None:
        """The text is saved (or put back): a later refresh may replace it."""
        self.setModified(False)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_history_key(event) and not self.isModified():
            event.ignore()  # let the window's Undo/Redo act on the plan
            return False
        return super().event(event)


class AmountEditor(TextEditor):
    """Money (``$1,234.50``) or hours; typed with or without ``$`` and commas."""

    def __init__(self, money: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.money = money
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("$0.00" if money else "0")

    def value(self) -> Decimal:
        return formats.parse_amount(self.text())

    def set_value(self, value: Any) -> None:
        amount = value if isinstance(value, Decimal) else Decimal("0")
        super().set_value(formats.money(amount) if self.money else formats.number(amount))


class LongTextEditor(QPlainTextEdit):
    """Several lines of text (vision statement, notes); saved when focus leaves."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(70)

    def value(self) -> Any:
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        self.setPlainText(value or "")
        self.document().setModified(False)

    def dirty(self) -> bool:
        return self.hasFocus() and self.document().isModified()

    def clean(self) -> None:
        self.document().setModified(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


class ChoiceEditor(QComboBox):
    """One of a list of (id, name) choices; ``None`` or ``""`` is the blank choice."""

    committed = Signal()

    def __init__(self, choices: list[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_choices(choices)
        self.activated.connect(lambda _i: self.committed.emit())

    def choices(self) -> list[tuple[Any, str]]:
        return [(self.itemData(i), self.itemText(i)) for i in range(self.count())]

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        """Offer ``choices``, keeping the current value when it is still one of them."""
        if choices == self.choices():
            return
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        for choice_id, name in choices:
            self.addItem(name, choice_id)
        self.setCurrentIndex(max(self.findData(current), 0))
        self.blockSignals(False)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        if index < 0 and value not in (None, ""):
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))

    def dirty(self) -> bool:
        return False


class ChecklistEditor(QListWidget):
    """Several of a list of choices, ticked with Space or a click; keeps the list's order."""

    committed = Signal()

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_choices(choices)
        self.itemChanged.connect(lambda _i: self.committed.emit())

    def choices(self) -> list[tuple[Any, str]]:
        return [(self.item(i).data(Qt.ItemDataRole.UserRole), self.item(i).text()) for i in range(self.count())]

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        """Offer ``choices``, keeping the ticks of those still offered."""
        if choices == self.choices():
            return
        ticked = set(self.value())
        self.blockSignals(True)
        self.clear()
        for choice_id, name in choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, choice_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice_id in ticked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def value(self) -> tuple[str, ...]:
        items = (self.item(row) for row in range(self.count()))
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def dirty(self) -> bool:
        return False


class DateEditor(QDateEdit):
    """A date or "No date" (the lowest date); typed or picked from a calendar."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("MMM d, yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("No date")
        self.editingFinished.connect(self.committed.emit)

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == NO_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: Any) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def dirty(self) -> bool:
        return False


class CountEditor(QSpinBox):
    """A whole number in the field's range; an optional one shows "Not rated" below it."""

    committed = Signal()

    def __init__(self, spec: FieldSpec, fmt: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = spec.kind is Kind.OPT_INT
        low = spec.low if spec.low is not None else 0
        self.setRange(low - 1 if self.optional else low, spec.high if spec.high is not None else 10**9)
        if self.optional:
            self.setSpecialValueText("Not rated")
        if fmt == "year":
            self.setPrefix("FY")
        else:
            self.setGroupSeparatorShown(True)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.editingFinished.connect(self.committed.emit)

    def value(self) -> Any:  # type: ignore[override]
        number = super().value()
        return None if self.optional and number == self.minimum() else number

    def set_value(self, value: Any) -> None:
        self.setValue(self.minimum() if value is None else int(value))

    def dirty(self) -> bool:
        return False


class FlagEditor(QCheckBox):
    """Yes or no; saved when toggled."""

    committed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self.toggled.connect(lambda _c: self.committed.emit())

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setChecked(bool(value))
        self.blockSignals(False)

    def dirty(self) -> bool:
        return False
