"""The right editor for a field spec: a combo for a choice or a link, a checklist for several, and so on."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.fields import FieldSpec, Kind
from summit_app.ui.fields import formats
from summit_app.ui.fields.editors import (
    AmountEditor,
    ChecklistEditor,
    ChoiceEditor,
    CountEditor,
    DateEditor,
    FlagEditor,
    LongTextEditor,
    TextEditor,
)

NONE_CHOICE = "— none —"


def choices(spec: FieldSpec, content: Content, plan: model.Plan) -> list[tuple[Any, str]]:
    """(id, name) pairs a choice, choices, link or links field offers."""
    if spec.vocabulary:
        return [(e.id, e.name) for e in content.vocabulary(spec.vocabulary)]
    if spec.target:
        return [(it.id, formats.item_label(it)) for it in getattr(plan, spec.target)]
    return []


def _single(spec: FieldSpec, content: Content, plan: model.Plan) -> list[tuple[Any, str]]:
    blank: Any = None if spec.kind is Kind.LINK else ""
    return [(blank, NONE_CHOICE), *choices(spec, content, plan)]


def make_editor(spec: FieldSpec, content: Content, plan: model.Plan, fmt: str = "",
                parent: QWidget | None = None) -> QWidget:
    """An editor for ``spec`` (see ``editors``); ``fmt`` is "money", "number" or "year"."""
    kind = spec.kind
    if kind is Kind.TEXT:
        return LongTextEditor(parent) if spec.long else TextEditor(parent)
    if kind in (Kind.CHOICE, Kind.LINK):
        return ChoiceEditor(_single(spec, content, plan), parent)
    if kind in (Kind.CHOICES, Kind.LINKS):
        return ChecklistEditor(choices(spec, content, plan), parent)
    if kind in (Kind.INT, Kind.OPT_INT):
        return CountEditor(spec, fmt, parent)
    if kind in (Kind.DECIMAL, Kind.DECIMALS):
        return AmountEditor(fmt != "number", parent)
    if kind is Kind.DATE:
        return DateEditor(parent)
    if kind is Kind.BOOL:
        return FlagEditor(spec.label, parent)
    raise ValueError(f"no editor for {kind}")


def refill(editor: QWidget, spec: FieldSpec, content: Content, plan: model.Plan) -> None:
    """Bring a link editor's choices up to date (goals come and go while the form stays)."""
    if spec.target is None:
        return
    if isinstance(editor, ChoiceEditor):
        editor.set_choices(_single(spec, content, plan))
    elif isinstance(editor, ChecklistEditor):
        editor.set_choices(choices(spec, content, plan))
