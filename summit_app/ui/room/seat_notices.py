"""What a seat tells its user when seats meet on one field: the words, and the edit that puts a value back.

The room's seat says *that* a value was replaced (``plan.seating.Notice``);
the window says it the way people read the plan — the field's label, the
item's name, the values as the form shows them ("Finance changed Unit cost of
“Laptops” $120.00 → $150.00") — and offers to put the earlier value back, as
a new edit of this seat (so it is undoable and the other seat hears of it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.document import Remote
from summit_app.plan.edits import Edit, SetField
from summit_app.plan.fields import Kind, spec
from summit_app.plan.seating import Notice, parts, who
from summit_app.ui.fields import formats

_NOTHING = "(empty)"


@dataclass(frozen=True)
class SeatNotice:
    """One line of the notice bar; ``restore`` (if any) is offered as "Undo"."""

    text: str
    restore: Edit | None = None


def _record_type(collection: str) -> Any:
    return model.SINGLETONS.get(collection) or model.COLLECTIONS.get(collection)


def field_label(collection: str, field: str) -> str:
    record_type = _record_type(collection)
    try:
        return spec(record_type, field).label if record_type is not None else field
    except KeyError:
        return field


def where(plan: model.Plan, collection: str, item_id: str) -> str:
    """`` of “Laptops”`` for an item of a collection; nothing for the district's own fields."""
    item = plan.item(collection, item_id) if item_id and collection in model.COLLECTIONS else None
    return f" of “{formats.short(formats.item_label(item), 40)}”" if item is not None else ""


def value_text(collection: str, field: str, value: Any, plan: model.Plan, content: Content) -> str:
    """A value as a form shows it: money as money, a choice by its name, long text shortened."""
    record_type = _record_type(collection)
    try:
        s = spec(record_type, field)
    except KeyError:
        return formats.short(str(value), 40) if value not in (None, "") else _NOTHING
    if s.kind is Kind.DECIMALS and isinstance(value, tuple):
        return " / ".join(formats.money(v) for v in value if isinstance(v, Decimal)) or _NOTHING
    targets = formats.labels(plan, s.target) if s.target else None
    shown = formats.display(s.kind, value, content, vocabulary=s.vocabulary, targets=targets)
    return formats.short(shown, 40) if shown else _NOTHING


def field_value(plan: model.Plan, notice: Notice) -> Any:
    record = getattr(plan, notice.collection) if notice.collection in model.SINGLETONS else \
        plan.item(notice.collection, notice.item_id)
    return getattr(record, notice.field, None) if record is not None else None


def _put_back(notice: Notice, value: Any, label: str) -> SetField:
    return SetField(notice.collection, notice.item_id, notice.field, value, f"Put back {label}")


def _change(notice: Notice, old: Any, new: Any, plan: model.Plan, content: Content) -> tuple[str, str]:
    label = field_label(notice.collection, notice.field)
    old_text = value_text(notice.collection, notice.field, old, plan, content)
    new_text = value_text(notice.collection, notice.field, new, plan, content)
    return label, f"{label}{where(plan, notice.collection, notice.item_id)} {old_text} → {new_text}"


def replaced_here(notice: Notice, before: model.Plan | None, plan: model.Plan, content: Content) -> SeatNotice:
    """Another seat replaced a value this seat set: "Finance changed Unit cost of “Laptops” $120.00 → $150.00".

    Without ``before`` (the other seat's edit came in with this seat's own
    turn, and the earlier value is no longer known) it says only the new value.
    """
    new = field_value(plan, notice)
    if before is None:
        label = field_label(notice.collection, notice.field)
        new_text = value_text(notice.collection, notice.field, new, plan, content)
        return SeatNotice(f"{who(notice.author)} changed {label}{where(plan, notice.collection, notice.item_id)}"
                          f" to {new_text}")
    old = field_value(before, notice)
    label, change = _change(notice, old, new, plan, content)
    restore = _put_back(notice, old, label) if old != new else None
    return SeatNotice(f"{who(notice.author)} changed {change}", restore)


def set_by_other(remote: Sequence[Remote], notice: Notice) -> Any:
    """The value ``notice.author``'s edit (among ``remote``) gave the field: what this seat's edit replaced."""
    found: Any = None
    for other in remote:
        for part in parts(other.entry.edit):
            if isinstance(part, SetField) and (part.collection, part.item_id, part.field) == \
                    (notice.collection, notice.item_id, notice.field):
                found = part.value
    return found


def replaced_there(notice: Notice, old: Any, plan: model.Plan, content: Content) -> SeatNotice:
    """This seat's edit replaced ``old``, which another seat had just set ("You replaced what Finance had just set")."""
    new = field_value(plan, notice)
    label, change = _change(notice, old, new, plan, content)
    restore = _put_back(notice, old, label) if old != new else None
    return SeatNotice(f"You replaced what {who(notice.author)} had just set: {change}", restore)


def typed_over(notice: Notice, plan: model.Plan, content: Content) -> SeatNotice:
    """Another seat set the field this seat is typing in: what it set, and that finishing keeps the typing."""
    label, value = field_label(notice.collection, notice.field), field_value(plan, notice)
    shown = value_text(notice.collection, notice.field, value, plan, content)
    return SeatNotice(f"{who(notice.author)} changed {label}{where(plan, notice.collection, notice.item_id)} to "
                      f"{shown} while you were typing in it; what you type replaces it when you finish")


def said(notice: Notice) -> SeatNotice:
    """A notice of the seat that names no field (an edit settled on reconnecting): its own words."""
    return SeatNotice(notice.message[:1].upper() + notice.message[1:])


def skipped(notice: Notice, plan: model.Plan) -> SeatNotice:
    """A part of an undo (or redo) left out because another seat changed that field, or item, since."""
    if not notice.field:
        return SeatNotice(f"Not undone: {notice.message}")
    label = field_label(notice.collection, notice.field)
    return SeatNotice(f"Not undone: {who(notice.author)} changed {label}"
                      f"{where(plan, notice.collection, notice.item_id)} since; it was left as it is")
