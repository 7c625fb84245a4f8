"""Edits a table makes: a fresh id for a new item, and removing an item with what hangs on it.

Removing a goal removes its actions and unlinks it from budget lines, learning
activities and milestones, all in one ``Batch`` (one undo step), since the
rules refuse a plan that points at a removed item.
"""

from __future__ import annotations

import os

from summit_app.plan import model
from summit_app.plan.edits import Batch, Edit, RemoveItem, SetField
from summit_app.plan.fields import Kind, specs


def new_id(plan: model.Plan, collection: str, prefix: str) -> str:
    """An id not used in ``collection``."""
    taken = {it.id for it in getattr(plan, collection)}
    while True:
        candidate = f"{prefix}-{os.urandom(4).hex()}"
        if candidate not in taken:
            return candidate


def _unlink(plan: model.Plan, collection: str, item_id: str) -> list[Edit]:
    edits: list[Edit] = []
    for name, record_type in model.COLLECTIONS.items():
        for s in (s for s in specs(record_type) if s.target == collection):
            for item in getattr(plan, name):
                value = getattr(item, s.name)
                if s.kind is Kind.LINK and value == item_id:
                    # an owned item (a goal's action) goes with it; any other link is cleared
                    edits.append(RemoveItem(name, item.id) if s.owned else SetField(name, item.id, s.name, None))
                elif s.kind is Kind.LINKS and item_id in value:
                    edits.append(SetField(name, item.id, s.name, tuple(v for v in value if v != item_id)))
    return edits


def removal_edit(plan: model.Plan, collection: str, item_id: str, label: str) -> Edit:
    """Remove an item and everything that depends on it, as one edit."""
    dependants = _unlink(plan, collection, item_id)
    remove = RemoveItem(collection, item_id, label)
    return Batch((*dependants, remove), label) if dependants else remove
