"""A form of fields from their specs: the district's facts, a network, or the selected goal.

Each editor's accessible name is its label. A field is saved when the user is
done with it (Enter, leaving it, picking a choice), as one ``SetField`` edit;
a refused value is put back and the reason shown in the status bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.plan.fields import FieldSpec, spec
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields import formats
from summit_app.ui.fields.editor_factory import make_editor, refill
from summit_app.ui.fields.editors import ChecklistEditor, FlagEditor, LongTextEditor


class FormSection(QWidget):
    """Editors for ``fields`` of a singleton (``item_id`` "") or of one collection item (``bind``)."""

    def __init__(self, context: UiContext, collection: str, fields: list[str], title: str = "",
                 formats_: dict[str, str] | None = None, parent: QWidget | None = None, *,
                 hints: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.context = context
        self.collection = collection
        self.record_type = model.SINGLETONS.get(collection) or model.COLLECTIONS[collection]
        self.item_id = ""
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}  # a note beside a field (a reference figure), set by the pane
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if title:
            heading = QLabel(title)
            theme.mark(heading, "sectionTitle")
            layout.addWidget(heading)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(self.form)
        layout.addStretch(1)
        for name in fields:
            self._add_row(spec(self.record_type, name), (formats_ or {}).get(name, ""), name in hints)

    def _add_row(self, s: FieldSpec, fmt: str, hinted: bool = False) -> None:
        editor = make_editor(s, self.context.content, self.context.plan, fmt)
        editor.setAccessibleName(s.label)
        editor.setObjectName(f"field-{s.name}")
        editor.committed.connect(lambda name=s.name: self.commit(name))  # type: ignore[attr-defined]
        if isinstance(editor, ChecklistEditor | LongTextEditor):
            editor.setMaximumHeight(editor.fontMetrics().height() * 6)
        self.editors[s.name] = editor
        if isinstance(editor, FlagEditor):  # its own text is its label: the row spans the form
            self.form.addRow(editor)
            return
        label = QLabel(s.label)
        label.setBuddy(editor)
        self.labels[s.name] = label
        self.form.addRow(label, self._with_hint(s.name, editor) if hinted else editor)

    def _with_hint(self, name: str, editor: QWidget) -> QHBoxLayout:
        """The editor with a muted note to its right (the pane fills it in on refresh)."""
        row = QHBoxLayout()
        editor.setMinimumWidth(editor.fontMetrics().horizontalAdvance("0") * 14)
        row.addWidget(editor, 0)
        hint = QLabel()
        theme.mark(hint, "muted")
        hint.setWordWrap(True)
        self.hints[name] = hint
        row.addWidget(hint, 1)
        return row

    def editor(self, name: str) -> Any:
        return self.editors[name]

    # -- the record shown -----------------------------------------------------------

    def bind(self, item_id: str) -> None:
        """Show the collection item ``item_id`` ("" shows nothing and disables the form)."""
        self.item_id = item_id
        self.refresh(self.context.plan)

    def record(self, plan: model.Plan) -> Any:
        if self.collection in model.SINGLETONS:
            return getattr(plan, self.collection)
        return plan.item(self.collection, self.item_id) if self.item_id else None

    def refresh(self, plan: model.Plan) -> None:
        """Show the plan's values, leaving alone a field the user is typing in."""
        record = self.record(plan)
        editable = record is not None and not self.context.read_only
        for name, editor in self.editors.items():
            s = spec(self.record_type, name)
            refill(editor, s, self.context.content, plan)
            self._set_editable(editor, editable)
            if record is None:
                editor.set_value(None)  # type: ignore[attr-defined]
            elif not editor.dirty():  # type: ignore[attr-defined]
                self._show(editor, getattr(record, name))

    def _show(self, editor: Any, value: Any) -> None:
        try:
            same = editor.value() == value
        except ValueError:
            same = False
        if not same:
            editor.set_value(value)

    def _set_editable(self, editor: QWidget, editable: bool) -> None:
        if hasattr(editor, "setReadOnly") and not isinstance(editor, ChecklistEditor):
            editor.setReadOnly(not editable)
            theme.show_read_only(editor, not editable)
        else:
            editor.setEnabled(editable)

    # -- saving ------------------------------------------------------------------------

    def commit(self, name: str) -> bool:
        """Save the field ``name`` if it changed; True if the plan holds the editor's value."""
        record = self.record(self.context.plan)
        if record is None or self.context.read_only:
            return False
        editor = self.editors[name]
        if hasattr(editor, "clean"):
            editor.clean()
        try:
            value = editor.value()  # type: ignore[attr-defined]
        except ValueError as exc:
            self.context.edit_refused.emit(str(exc))
            editor.set_value(getattr(record, name))  # type: ignore[attr-defined]
            return False
        if value == getattr(record, name):
            return True
        label = spec(self.record_type, name).label
        where = "" if self.collection in model.SINGLETONS else f" of “{formats.short(formats.item_label(record), 40)}”"
        if self.context.edit(SetField(self.collection, self.item_id, name, value, f"Change {label}{where}")):
            return True
        editor.set_value(getattr(self.record(self.context.plan), name))  # type: ignore[attr-defined]
        return False


def note_label(name: str) -> QLabel:
    """A read-only line under a form's fields (a figure the plan implies, a deadline), named for screen readers."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
