"""What a seat's edit meets when other seats of its table wrote first.

Several seats edit one table's plan; each commit first applies the edits
other seats wrote since the seat last looked, then re-runs the rules for its
own edit. Two outcomes need more than the rules: an edit on an item another
seat removed is refused, naming who removed it; an edit of a field another
seat just set wins (last writer wins), never silently — it carries a notice
naming whose value it overwrote, and the seat whose value was replaced gets a
notice too when the other seat's edit reaches it. Undo takes back only the
seat's own edit, and leaves what another seat changed since as it is, with
a notice naming who (``undo_without_conflicts``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from summit_app.plan.edits import AddItem, Batch, Edit, RemoveItem, SetField
from summit_app.plan.records import ByFields, record
from summit_app.plan.rules import PlanRuleError, Problem

#: (author, edit) of each edit other seats wrote, in sequence order.
Written = Sequence[tuple[str, Edit]]


@record
class Notice(ByFields):
    """A seat's edit replaced the value ``author`` set a moment before (shown to the seat, never hidden)."""

    author: str
    collection: str
    item_id: str
    field: str
    message: str


class RemovedMeanwhileError(PlanRuleError):
    """The edit names an item another seat removed since this seat read it; nothing was written."""


def parts(edit: Edit) -> Iterator[Edit]:
    """The single edits of ``edit``, batches opened."""
    if isinstance(edit, Batch):
        for part in edit.edits:
            yield from parts(part)
    else:
        yield edit


def who(author: str) -> str:
    return author or "another seat"


def refuse_removed(written: Written, edit: Edit) -> None:
    """``RemovedMeanwhileError`` if ``edit`` touches an item one of ``written`` removed (and none added back)."""
    removed: dict[tuple[str, str], str] = {}
    for author, other in written:
        for part in parts(other):
            if isinstance(part, RemoveItem):
                removed[(part.collection, part.item_id)] = author
            elif isinstance(part, AddItem):
                removed.pop((part.collection, part.item.id), None)
    for part in parts(edit):
        if isinstance(part, AddItem):
            continue
        for collection, item_id in part.touched():
            if (collection, item_id) in removed:
                message = f"the item was removed by {who(removed[(collection, item_id)])}; nothing was changed"
                raise RemovedMeanwhileError(Problem(collection, None, None, message))


def overwritten(written: Written, edit: Edit) -> list[Notice]:
    """A notice for each field ``edit`` sets that one of ``written`` set too (the latest such author)."""
    last: dict[tuple[str, str, str], str] = {}
    for author, other in written:
        for part in parts(other):
            if isinstance(part, SetField):
                last[(part.collection, part.item_id, part.field)] = author
    notices = []
    for part in parts(edit):
        if isinstance(part, SetField) and (part.collection, part.item_id, part.field) in last:
            author = last[(part.collection, part.item_id, part.field)]
            notices.append(Notice(author, part.collection, part.item_id, part.field,
                                  f"this replaced the value of {part.field} that {who(author)} set"))
    return notices


def fields_set(edit: Edit) -> set[tuple[str, str, str]]:
    """The (collection, item id, field) of every field ``edit`` sets."""
    return {(p.collection, p.item_id, p.field) for p in parts(edit) if isinstance(p, SetField)}


def replaced_own(own: set[tuple[str, str, str]], author: str, edit: Edit) -> list[Notice]:
    """A notice for each field of ``own`` (set by this seat) that ``author``'s later ``edit`` set again."""
    return [Notice(author, collection, item_id, field, f"{who(author)} replaced the value of {field} you set")
            for collection, item_id, field in sorted(fields_set(edit) & own)]


def field_words(field: str) -> str:
    """A field's name as a person reads it in a notice: ``unit_cost`` → "Unit cost"."""
    return field.replace("_", " ").capitalize()


def undo_without_conflicts(inverse: Edit, since: Written) -> tuple[Edit | None, list[Notice]]:
    """The part of the undo ``inverse`` that touches nothing another seat changed ``since``; a notice per part left.

    Undo takes back only the seat's own work: a field another seat set since
    keeps their value; an item another seat changed, moved or removed since
    is neither removed nor changed by the undo. Everything else is undone.
    None when every part was left.
    """
    fields: dict[tuple[str, str, str], str] = {}
    items: dict[tuple[str, str], tuple[str, str]] = {}  # (collection, item id) → (author, "changed"/"removed")
    for author, other in since:
        for part in parts(other):
            if isinstance(part, SetField):
                fields[(part.collection, part.item_id, part.field)] = author
            for touched in part.touched():
                items[touched] = (author, "removed" if isinstance(part, RemoveItem) else "changed")
    kept: list[Edit] = []
    notices: list[Notice] = []
    for part in parts(inverse):
        notice = _left_alone(part, fields, items)
        if notice is None:
            kept.append(part)
        else:
            notices.append(notice)
    if not notices:
        return inverse, []
    if not kept:
        return None, notices
    return Batch(tuple(kept), label=inverse.label), notices


def _left_alone(part: Edit, fields: dict[tuple[str, str, str], str],
                items: dict[tuple[str, str], tuple[str, str]]) -> Notice | None:
    """The notice that ``part`` of an undo is left as it is, or None if nothing another seat did stands in its way."""
    if isinstance(part, SetField):
        key = (part.collection, part.item_id, part.field)
        if key in fields:
            author = fields[key]
            return Notice(author, *key, f"{who(author)} changed {field_words(part.field)} since; "
                                        "it was left as it is")
        removed = items.get((part.collection, part.item_id))
        if removed is None or removed[1] != "removed":
            return None
        return Notice(removed[0], *key, f"{who(removed[0])} removed the item since; it was left as it is")
    if isinstance(part, AddItem):
        return None  # bringing back an item this seat removed takes nothing from anyone
    for collection, item_id in part.touched():
        if (collection, item_id) in items:
            author, what = items[(collection, item_id)]
            return Notice(author, collection, item_id, "", f"{who(author)} {what} the item since; "
                                                           "it was left as it is")
    return None
