"""What a seat's edit meets when other seats of its table wrote first.

Several seats edit one table's plan; each commit first applies the edits
other seats wrote since the seat last looked, then re-runs the rules for its
own edit. Two outcomes need more than the rules: an edit on an item another
seat removed is refused, naming who removed it; an edit of a field another
seat just set wins (last writer wins), never silently — it carries a notice
naming whose value it overwrote, and the seat whose value was replaced gets a
notice too when the other seat's edit reaches it.
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
