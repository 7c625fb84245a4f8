"""Who else sits at the table and where: the presence strip, and the soft lock on long text.

The strip names each other seat with the step it is on (and the long text
it is typing in), each as a chip a screen reader reads whole and Tab reaches.
A long-text field another seat is typing in reads "<name> is editing" beside
its label and is read-only here meanwhile (a soft lock: it lifts as soon as
that seat leaves the field, and this seat's own typing is never taken away).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from summit_app.plan.progress import STEPS
from summit_app.store.presence import SeatPresence
from summit_app.ui.base import theme
from summit_app.ui.base.theme import ACCENT, ACCENT_SOFT, INK, LINE, MUTED
from summit_app.ui.fields.editors import LongTextEditor
from summit_app.ui.fields.form_section import FormSection
from summit_app.ui.room.seat_notices import field_label

PANE_TITLES = dict(STEPS)

_STYLE = f"""
QFrame#seatPresence {{ background: white; border: none; border-bottom: 1px solid {LINE}; }}
QLabel#presenceTitle {{ color: {MUTED}; font-weight: 600; background: transparent; }}
QLabel#seatChip {{ color: {INK}; background: {ACCENT_SOFT}; border: 1px solid #c9dbf0; border-radius: 11px;
                   padding: 2px 10px; }}
QLabel#seatChip:focus {{ border: 2px solid {ACCENT}; }}
QLabel#ownChip {{ color: white; background: {ACCENT}; border: 1px solid {ACCENT}; border-radius: 11px;
                  padding: 2px 10px; font-weight: 600; }}
QLabel#ownChip:focus {{ border: 2px solid {INK}; }}
"""


def editing_words(editing: str) -> str:
    """``vision//statement`` → "typing Vision statement" (nothing for no field)."""
    collection, field = editing.split("/", 1)[0], editing.rsplit("/", 1)[-1]
    return f"typing {field_label(collection, field)}" if editing else ""


def where_words(presence: SeatPresence) -> str:
    """"Budget, typing Vision statement": the step a seat is on, and the long text it types in."""
    pane = PANE_TITLES.get(presence.pane, "") or "just joined"
    typing = editing_words(presence.editing)
    return f"{pane}, {typing}" if typing else pane


class PresenceStrip(QFrame):
    """"At this table: [You: Ana] [Ben · Budget] [Finance · Vision & goals, typing Vision statement]"."""

    def __init__(self, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seatPresence")
        self.setStyleSheet(_STYLE)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(16, 6, 16, 6)
        self._layout.setSpacing(8)
        title = QLabel("At this table:")
        title.setObjectName("presenceTitle")
        self._layout.addWidget(title)
        self.own = self._chip(f"You: {author}", "ownChip")
        self.chips: list[QLabel] = []
        self._layout.addStretch(1)
        self.show_others([])

    def _chip(self, text: str, role: str = "seatChip") -> QLabel:
        chip = QLabel(text)
        chip.setObjectName(role)
        chip.setTextFormat(Qt.TextFormat.PlainText)
        chip.setAccessibleName(text)
        chip.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._layout.insertWidget(self._layout.count() - 1 if role == "seatChip" else 1, chip)
        chip.show()  # now, not on the event loop's next turn (as a layout shows a new child)
        return chip

    def show_others(self, others: Sequence[SeatPresence]) -> None:
        self._clear()
        self.chips = [self._chip(f"{p.author or 'Another seat'} · {where_words(p)}") for p in others]
        if not others:
            self._note("nobody else yet")
        self._name()

    def show_unknown(self) -> None:
        """While the room does not answer, who else is there is not known."""
        self._clear()
        self._note("who else is here shows again once the room answers")
        self._name()

    def _note(self, text: str) -> None:
        self.chips = [self._chip(text)]
        self.chips[0].setObjectName("presenceTitle")

    def _clear(self) -> None:
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.hide()  # gone from the next paint, not only once the event loop deletes it
            chip.deleteLater()
        self.chips = []

    def _name(self) -> None:
        self.setAccessibleName("At this table: " + "; ".join(c.text() for c in [self.own, *self.chips]))

    def texts(self) -> list[str]:
        return [chip.text() for chip in self.chips]


class SoftLocks:
    """Long-text fields another seat is typing in: read-only here, "<name> is editing" beside the label."""

    def __init__(self) -> None:
        self._locked: dict[LongTextEditor, tuple[FormSection, str]] = {}  # editor → (its form, its field)

    def update(self, root: QWidget, editing_by: dict[str, str], read_only: bool) -> None:
        """Lock the long-text fields under ``root`` that ``editing_by`` ("collection/item/field" → author) names."""
        for form in root.findChildren(FormSection):
            for name, editor in form.editors.items():
                if isinstance(editor, LongTextEditor):
                    author = editing_by.get(f"{form.collection}/{form.item_id}/{name}")
                    self._set(form, name, editor, author if not editor.dirty() else None, read_only)

    def _set(self, form: FormSection, name: str, editor: LongTextEditor, author: str | None, read_only: bool) -> None:
        label = form.labels.get(name)
        plain = field_label(form.collection, name)
        if author:
            self._locked[editor] = (form, name)
            editor.setReadOnly(True)
            theme.show_read_only(editor, True)
            editor.setAccessibleDescription(f"{author} is editing")
            editor.setToolTip(f"{author} is typing here; it opens again when they leave the field")
            if label is not None:
                label.setText(f"{plain} — {author} is editing")
        elif editor in self._locked:
            del self._locked[editor]
            editor.setReadOnly(read_only or form.record(form.context.plan) is None)
            theme.show_read_only(editor, editor.isReadOnly())
            editor.setAccessibleDescription("")
            editor.setToolTip("")
            if label is not None:
                label.setText(plain)

    def locked(self) -> list[LongTextEditor]:
        return list(self._locked)
