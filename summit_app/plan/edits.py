"""Edits: the only way a plan changes.

An edit is a small immutable value (set a field, add, remove or move an item,
or a batch of these). ``apply_edit`` checks it against the domain rules and
returns the new plan and the edit that undoes it. It is pure: writing the edit
to the plan file is the document's job (``document.py``).
"""

from __future__ import annotations

import abc
import dataclasses
from collections.abc import Iterable
from typing import Any

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.fields import spec
from summit_app.plan.records import ByFields, record
from summit_app.plan.rules import (
    PlanRuleError,
    Problem,
    duplicate_problems,
    record_problems,
    reference_problems,
)


class Edit(abc.ABC):
    """Base of all edits; ``label`` says what it does, for undo menus and the edit log."""

    label: str

    @abc.abstractmethod
    def touched(self) -> Iterable[tuple[str, str]]:
        """The (collection, item id) pairs this edit changes."""


@record
class SetField(Edit, ByFields):
    """Set one field of a singleton (``item_id`` is ``""``) or of a collection item."""

    collection: str
    item_id: str
    field: str
    value: Any
    label: str = ""

    def touched(self) -> Iterable[tuple[str, str]]:
        return [(self.collection, self.item_id)]


@record
class AddItem(Edit, ByFields):
    """Insert ``item`` at ``index`` (``None``: at the end)."""

    collection: str
    item: Any
    index: int | None = None
    label: str = ""

    def touched(self) -> Iterable[tuple[str, str]]:
        return [(self.collection, self.item.id)]


@record
class RemoveItem(Edit, ByFields):
    """Remove the item ``item_id`` from ``collection`` (the inverse adds it back where it was)."""

    collection: str
    item_id: str
    label: str = ""

    def touched(self) -> Iterable[tuple[str, str]]:
        return [(self.collection, self.item_id)]


@record
class MoveItem(Edit, ByFields):
    """Move the item ``item_id`` within ``collection`` to ``index``."""

    collection: str
    item_id: str
    index: int
    label: str = ""

    def touched(self) -> Iterable[tuple[str, str]]:
        return [(self.collection, self.item_id)]


@record
class Batch(Edit, ByFields):
    """Several edits applied, written and undone as one."""

    edits: tuple[Edit, ...]
    label: str = ""

    def touched(self) -> Iterable[tuple[str, str]]:
        return [t for e in self.edits for t in e.touched()]


def _refuse(problem: Problem, where: str = "") -> PlanRuleError:
    return PlanRuleError(problem, where)


def _index_of(plan: model.Plan, collection: str, item_id: str) -> int:
    for index, item in enumerate(getattr(plan, collection)):
        if item.id == item_id:
            return index
    raise _refuse(Problem(collection, None, None, f"there is no item {item_id!r} in {collection}"))


def _check_collection(name: str) -> None:
    if name not in model.COLLECTIONS:
        raise _refuse(Problem(name, None, None, f"{name!r} is not a list of the plan"))


def _set(plan: model.Plan, e: SetField) -> tuple[model.Plan, Edit]:
    if e.collection in model.SINGLETONS:
        record = getattr(plan, e.collection)
        _field_exists(type(record), e)
        old = getattr(record, e.field)
        return plan.replace(**{e.collection: dataclasses.replace(record, **{e.field: e.value})}), _inverse_set(e, old)
    _check_collection(e.collection)
    index = _index_of(plan, e.collection, e.item_id)
    items = list(getattr(plan, e.collection))
    _field_exists(type(items[index]), e)
    old = getattr(items[index], e.field)
    items[index] = dataclasses.replace(items[index], **{e.field: e.value})
    return plan.replace(**{e.collection: tuple(items)}), _inverse_set(e, old)


def _field_exists(record_type: type, e: SetField) -> None:
    try:
        spec(record_type, e.field)
    except KeyError:
        raise _refuse(Problem(e.collection, None, e.field, f"there is no field {e.field!r}")) from None


def _inverse_set(e: SetField, old: Any) -> SetField:
    return dataclasses.replace(e, value=old)


def _belongs(item: Any, collection: str) -> bool:
    return type(item) is model.COLLECTIONS[collection]


def _add(plan: model.Plan, e: AddItem) -> tuple[model.Plan, Edit]:
    _check_collection(e.collection)
    item: Any = e.item
    if not _belongs(item, e.collection):
        raise _refuse(Problem(e.collection, None, None, "that item does not belong in this list"))
    items = list(getattr(plan, e.collection))
    index = len(items) if e.index is None else max(0, min(e.index, len(items)))
    items.insert(index, item)
    return plan.replace(**{e.collection: tuple(items)}), RemoveItem(e.collection, item.id, e.label)


def _remove(plan: model.Plan, e: RemoveItem) -> tuple[model.Plan, Edit]:
    _check_collection(e.collection)
    index = _index_of(plan, e.collection, e.item_id)
    items = list(getattr(plan, e.collection))
    item = items.pop(index)
    return plan.replace(**{e.collection: tuple(items)}), AddItem(e.collection, item, index, e.label)


def _move(plan: model.Plan, e: MoveItem) -> tuple[model.Plan, Edit]:
    _check_collection(e.collection)
    old = _index_of(plan, e.collection, e.item_id)
    items = list(getattr(plan, e.collection))
    item = items.pop(old)
    items.insert(max(0, min(e.index, len(items))), item)
    return plan.replace(**{e.collection: tuple(items)}), MoveItem(e.collection, e.item_id, old, e.label)


def _batch(plan: model.Plan, e: Batch) -> tuple[model.Plan, Edit]:
    inverses = []
    for part in e.edits:
        plan, inverse = _step(plan, part)
        inverses.append(inverse)
    return plan, Batch(tuple(reversed(inverses)), e.label)


_STEPS = {SetField: _set, AddItem: _add, RemoveItem: _remove, MoveItem: _move, Batch: _batch}


def _step(plan: model.Plan, edit: Edit) -> tuple[model.Plan, Edit]:
    step = _STEPS.get(type(edit))
    if step is None:
        raise TypeError(f"not an edit: {edit!r}")
    return step(plan, edit)  # type: ignore[operator]


def _check(after: model.Plan, edit: Edit, content: Content) -> None:
    touched = set(edit.touched())
    if any(c == "district" for c, _ in touched):
        touched |= {("budget", line.id) for line in after.budget}
    for collection in {c for c, _ in touched if c in model.COLLECTIONS}:
        for problem in duplicate_problems(after, collection):
            raise _refuse(problem)
    for collection, item_id in sorted(touched):
        if collection in model.SINGLETONS:
            problems = record_problems(collection, None, getattr(after, collection), after, content)
        elif (item := after.item(collection, item_id)) is not None:
            problems = record_problems(collection, _index_of(after, collection, item_id), item, after, content)
        else:
            problems = reference_problems(after, collection, item_id)
        if problems:
            raise _refuse(problems[0])


def apply_edit(plan: model.Plan, edit: Edit, content: Content) -> tuple[model.Plan, Edit]:
    """The plan after ``edit`` and the edit that undoes it; ``PlanRuleError`` if refused."""
    after, inverse = _step(plan, edit)
    _check(after, edit, content)
    return after, inverse
