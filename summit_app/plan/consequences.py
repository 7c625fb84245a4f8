"""What else changes when a field is set, decided by the domain and made part of the same edit.

Choosing a funding source's kind also sets whether it comes back every year,
from the kind's own nature (the general fund and formula funds do; grants and
bonds do not): the team can still change the tick afterwards, and one undo
takes both back.
"""

from __future__ import annotations

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import Batch, Edit, SetField


def with_consequences(edit: SetField, plan: model.Plan, content: Content) -> Edit:
    """``edit``, or a batch of it and the changes it brings with it."""
    if edit.collection == "funding" and edit.field == "kind":
        return _kind_sets_recurrence(edit, plan, content)
    return edit


def _kind_sets_recurrence(edit: SetField, plan: model.Plan, content: Content) -> Edit:
    source = plan.item("funding", edit.item_id)
    entry = next((e for e in content.vocabulary("funding_kinds") if e.id == edit.value), None)
    if not isinstance(source, model.FundingSource) or entry is None:
        return edit
    recurring = bool(entry.get("recurring_default"))
    if source.recurring == recurring:
        return edit
    return Batch((edit, SetField("funding", edit.item_id, "recurring", recurring)), edit.label)
