"""The selected framework element: what it is, consensus score, level and next step, notes, silent ratings.

Beside the score the four levels are spelled out for this element (what it
typically looks like at Investigating, Envisioning, Planning and Staging), the
team's current level marked, so a table agrees on a score by comparing
descriptions rather than guessing at numbers.

Every change goes through ``context.edit``. An element the team has not rated
yet has no ReadinessRating; the first score, note or reveal adds one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QHideEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.content import Element
from summit_app.plan.edits import AddItem, SetField
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.theme import LINE
from summit_app.ui.panes.readiness.readiness_model import LEVEL_COLOURS
from summit_app.ui.panes.readiness.silent_ratings import SilentRatings

NOT_RATED_TEXT = "Not rated"


def rate(context: UiContext, element_id: str, field: str, value: Any, label: str) -> bool:
    """Set one field of an element's rating, adding the rating if the element has none yet."""
    existing = context.plan.item("readiness", element_id)
    if existing is not None:
        if getattr(existing, field) == value:
            return True
        return context.edit(SetField("readiness", element_id, field, value, label))
    if value in (None, ""):
        return True
    return context.edit(AddItem("readiness", model.ReadinessRating(element_id, **{field: value}), label=label))


class NotesEdit(QPlainTextEdit):
    """Multi-line notes committed when the editor loses focus (not on every keystroke)."""

    committed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.committed.emit()
        super().focusOutEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_card(frame: QFrame) -> None:
    """A white panel with a hairline border: the columns of a pane read as separate tools."""
    frame.setObjectName("card")
    frame.setStyleSheet(f"QFrame#card {{ background: white; border: 1px solid {LINE}; border-radius: 10px; }}")


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    theme.mark(label, "sectionTitle")
    return label


class ElementDetail(QFrame):
    """Everything the table decides about one element; ``shown`` after each showing (a seat's phones follow it)."""

    shown = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_card(self)
        self.context = context
        self.element: Element | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        theme.mark(self.title, "sectionTitle")
        self.title.setWordWrap(True)
        self.gear = QLabel()
        theme.mark(self.gear, "muted")
        self.gear.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.gear)
        layout.addWidget(self.description)
        layout.addLayout(self._build_score_row())
        layout.addWidget(self._build_anchors())
        self.next_step = QLabel()
        self.next_step.setWordWrap(True)
        self.next_step.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.next_step)
        layout.addWidget(self._build_notes())
        layout.addWidget(section_title("Silent ratings"))
        self.silent = SilentRatings(context)
        self.silent.consensus_requested.connect(self._set_score)
        layout.addWidget(self.silent)
        layout.addStretch(1)

    def _build_score_row(self) -> QVBoxLayout:
        column = QVBoxLayout()
        row = QHBoxLayout()
        caption = QLabel("Consensus score")
        bold = caption.font()
        bold.setBold(True)
        caption.setFont(bold)
        self.score = QSpinBox()
        self.score.setRange(-1, 10)
        self.score.setSpecialValueText(NOT_RATED_TEXT)
        self.score.setSuffix(" / 10")
        self.score.setKeyboardTracking(False)  # commit on Enter or focus loss, not per digit
        self.score.setMinimumWidth(self.score.fontMetrics().horizontalAdvance(NOT_RATED_TEXT) + 48)
        self.score.setAccessibleName("Consensus score")
        caption.setBuddy(self.score)
        self.score.valueChanged.connect(lambda v: self._set_score(None if v < 0 else v))
        self.level = QLabel()
        self.level.setObjectName("levelBadge")
        row.addWidget(self.score)
        row.addWidget(self.level)
        row.addStretch(1)
        column.addWidget(caption)
        column.addLayout(row)
        return column

    def _build_anchors(self) -> QWidget:
        """One line per level: its name and scores, and what this element looks like there."""
        self.anchors_box = QWidget()
        layout = QVBoxLayout(self.anchors_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.anchors: dict[str, QLabel] = {}
        for level in self.context.content.levels:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.anchors[level.id] = label
            layout.addWidget(label)
        return self.anchors_box

    def _show_anchors(self, element: Element, current: str | None) -> None:
        self.anchors_box.setVisible(bool(element.anchors))
        for level in self.context.content.levels:
            label = self.anchors[level.id]
            colour = LEVEL_COLOURS.get(level.id, "#1f2a37")
            here = level.id == current
            label.setText(f"<span style='color:{colour}; font-weight:600'>{level.name} {level.low}–{level.high}"
                          f"</span>{' ◀' if here else ''}<br>{_html(element.anchor(level.id))}")
            fill = "#eef4fb" if here else "transparent"
            label.setStyleSheet(f"QLabel {{ border-left: 4px solid {colour}; padding: 2px 6px; background: {fill}; }}")

    def _build_notes(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("Notes")
        layout.addWidget(caption)
        self.notes = NotesEdit()
        self.notes.setPlaceholderText("The evidence behind the score")
        caption.setBuddy(self.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 16)
        self.notes.setAccessibleName("Notes")
        self.notes.committed.connect(self._commit_notes)
        layout.addWidget(self.notes)
        return box

    # -- showing -------------------------------------------------------------------------

    def show_element(self, element: Element, plan: model.Plan) -> None:
        switched = self.element is None or element.id != self.element.id
        if switched and self.element is not None:
            self._commit_notes()  # a note typed for the element being left
        self.element = element
        rating = plan.item("readiness", element.id)
        self.title.setText(element.name)
        self.gear.setText(self._where(element))
        self.description.setText(element.description)
        self.description.setVisible(bool(element.description))
        self._show_score(rating.score if rating else None)
        notes = rating.notes if rating else ""
        if notes != self.notes.toPlainText() and (switched or not self.notes.hasFocus()):
            self.notes.setPlainText(notes)
        self.silent.show_element(element.id, element.name, plan)
        self.silent.setEnabled(not element.retired)  # members' ratings of an earlier version: shown, not taken
        locked = self.context.read_only or element.retired  # an earlier version's rating is kept as it was
        for editor in (self.score, self.notes):
            editor.setReadOnly(locked)
            theme.show_read_only(editor, locked)
        self.shown.emit()

    def _where(self, element: Element) -> str:
        gear = self.context.content.gear(element.gear_id)
        if element.retired:
            return (f"Rated under an earlier version of the framework ({gear.name}); "
                    "kept read-only, as the team left it")
        formerly = f" · called “{element.formerly}” in earlier versions of this app" if element.formerly else ""
        return gear.label + formerly

    def _show_score(self, score: int | None) -> None:
        self.score.blockSignals(True)
        self.score.setValue(-1 if score is None else score)
        self.score.blockSignals(False)
        assert self.element is not None
        self._show_next_step(self.element)
        if score is None:
            self.level.setText("")
            self.level.setStyleSheet("")
            self._show_anchors(self.element, None)
            return
        level = self.context.content.level_for(score)
        self._show_anchors(self.element, level.id)
        colour = LEVEL_COLOURS.get(level.id, "#1f2a37")
        self.level.setText(level.name)
        self.level.setStyleSheet(f"color: white; background: {colour}; border-radius: 6px; "
                                 "padding: 3px 12px; font-weight: 600;")

    def _show_next_step(self, element: Element) -> None:
        self.next_step.setVisible(bool(element.next_step))
        self.next_step.setText(f"<b>Possible next step:</b> {_html(element.next_step)}")

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the pane keeps a note being typed (focus may never leave the editor)."""
        self._commit_notes()
        super().hideEvent(event)

    # -- editing -------------------------------------------------------------------------

    def _set_score(self, score: int | None) -> None:
        if self.element is None or self.element.retired:
            return
        label = f"Score “{self.element.name}”"
        if not rate(self.context, self.element.id, "score", score, label):
            self.show_element(self.element, self.context.plan)

    def _commit_notes(self) -> None:
        if self.element is None or self.element.retired:
            return
        rating = self.context.plan.item("readiness", self.element.id)
        text = self.notes.toPlainText()
        if text != (rating.notes if rating else ""):
            rate(self.context, self.element.id, "notes", text, f"Notes on “{self.element.name}”")
