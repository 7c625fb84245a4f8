"""One editor widget per kind of field, shared by forms and by table delegates.

Each editor has ``value()`` (the plan value; ValueError if the text is not
valid) and ``set_value(v)``, and emits ``committed`` when the user is done
(Enter, leaving the field, picking a choice), which is when a form saves.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFocusEvent, QIcon, QKeyEvent, QKeySequence, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from summit_app.plan.fields import FieldSpec, Kind
from summit_app.ui.fields import formats

if TYPE_CHECKING:  # the calendar's class is set up when a calendar first opens, not with the first form
    from PySide6.QtWidgets import QCalendarWidget

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


class DateEditor(TextEditor):
    """A date typed as text (``Jun 15, 2027``, ``2027-06-15``, the locale's short form) or picked.

    One line of text, so it is one Tab stop that a screen reader reads as the
    date, can be emptied to mean "no date", and refuses (with how to type it)
    what is not a date. Alt+Down, F4 or the calendar button opens a calendar on
    the field's date, or on today.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("No date")
        self.setToolTip(f"A date: {formats.DATE_HINT}; leave empty for no date (Alt+Down opens a calendar)")
        self._calendar_action = self.addAction(_calendar_icon(self), QLineEdit.ActionPosition.TrailingPosition)
        self._calendar_action.setToolTip("Pick the date from a calendar (Alt+Down)")
        for button in self.findChildren(QToolButton):  # the button Qt made for the action, for screen readers
            button.setAccessibleName("Open the calendar")
        self._calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self._tidy)  # after the commit: the saved date in the app's own form

    def _tidy(self) -> None:
        try:
            value = self.value()
        except ValueError:
            return
        self.setText(formats.day(value) if value else "")

    def value(self) -> date | None:
        text = self.text()
        try:
            return formats.parse_date(text, day_first=_day_first())
        except ValueError:
            local = QLocale().toDate(text.strip(), QLocale.FormatType.ShortFormat, 2000)
            if local.isValid() and formats.FIRST_YEAR <= local.year() <= formats.LAST_YEAR:
                return date(local.year(), local.month(), local.day())
            raise

    def set_value(self, value: Any) -> None:
        super().set_value(formats.day(value) if value else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = (event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down
                                                   and event.modifiers() & Qt.KeyboardModifier.AltModifier))
        if opens and not self.isReadOnly():
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Show a calendar under the field, on its date (or today); a picked day is saved at once."""
        if self.isReadOnly():
            return
        from PySide6.QtWidgets import QCalendarWidget

        calendar = self.calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setAccessibleName(f"Calendar for {self.accessibleName() or 'the date'}")
        calendar.setGridVisible(True)
        try:
            shown = self.value()
        except ValueError:
            shown = None
        chosen = shown or date.today()
        calendar.setSelectedDate(QDate(chosen.year, chosen.month, chosen.day))
        calendar.activated.connect(self._picked)
        calendar.clicked.connect(self._picked)
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.show()
        calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.setText(formats.day(date(picked.year(), picked.month(), picked.day())))
        self.setModified(True)
        if self.calendar is not None:
            self.calendar.close()
            self.calendar = None
        self.setFocus()
        self.committed.emit()


def _day_first() -> bool:
    """True where the locale writes the day before the month (15/06/2027); the C locale reads as US."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return False
    short = locale.dateFormat(QLocale.FormatType.ShortFormat).lower()
    return short.find("d") < short.find("m")


def _calendar_icon(widget: QWidget) -> QIcon:
    """A small calendar drawn in the field's text colour: a page with a header bar and a grid of days."""
    size = 64
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    ink = widget.palette().color(QPalette.ColorRole.Text)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, 5))
    painter.drawRoundedRect(6, 10, 52, 48, 6, 6)
    # Filled with the brush (not fillRect, whose overloads have PySide set up QGradient first).
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawRect(6, 10, 52, 13)
    for row in range(3):
        for column in range(4):
            painter.drawRect(13 + column * 11, 28 + row * 9, 6, 5)
    painter.end()
    return QIcon(pixmap)


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
