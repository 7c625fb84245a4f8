"""Mend a plan that breaks the format's rules, so its sound parts can be used again.

A plan file changed behind the app's back (another program, a bad sync) may
hold values the rules refuse: it is never opened for editing, export or
signing as it is. ``repair`` makes a plan that obeys the rules from it, by the
smallest changes the rules allow, and says each one: a broken field goes back
to its default (a dangling link is dropped from a list of links), and an item
that still breaks the rules after that, or whose id is broken, is left out.
The team then reads the list and re-enters what was lost.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.fields import Kind, spec
from summit_app.plan.model import Record
from summit_app.plan.rules import Problem, plan_problems

#: Passes over the plan; each settles at least one problem, and a field fixed twice drops its item.
MAX_PASSES = 50


def repair(plan: model.Plan, content: Content) -> tuple[model.Plan, list[str]]:
    """A plan with no broken rule made from ``plan``, and what was changed, in words."""
    changes: list[str] = []
    tried: set[tuple[str, str, str | None]] = set()
    for _ in range(MAX_PASSES):
        problems = plan_problems(plan, content)
        if not problems:
            return plan, changes
        plan = _mend(plan, problems[0], tried, changes)
    raise ValueError("the plan could not be repaired")  # every pass mends one problem: never reached in practice


def _mend(plan: model.Plan, problem: Problem, tried: set[tuple[str, str, str | None]],
          changes: list[str]) -> model.Plan:
    name, index, field = problem.collection, problem.index, problem.field
    if index is None:
        record, key = getattr(plan, name), (name, "", field)
        if key in tried:  # the default did not do: the whole section starts afresh
            changes.append(f"{name}: {problem.message}; the section was reset")
            return plan.replace(**{name: type(record)()})
        tried.add(key)
        changes.append(f"{name}.{field}: {problem.message}; set back to its default")
        return plan.replace(**{name: _reset(record, field)})
    items: tuple[Any, ...] = getattr(plan, name)
    item = items[index]
    key = (name, str(getattr(item, "id", index)), field)
    if field in (None, "id") or key in tried:
        changes.append(f"{name}[{index}]: {problem.message}; the item was left out")
        return plan.replace(**{name: (*items[:index], *items[index + 1:])})
    tried.add(key)
    changes.append(f"{name}[{index}].{field}: {problem.message}; set back to its default")
    mended = _drop_dangling(plan, item, field) if _is_links(item, field) else _reset(item, field)
    return plan.replace(**{name: (*items[:index], mended, *items[index + 1:])})


def _is_links(record: Record, field: str | None) -> bool:
    return field is not None and spec(type(record), field).kind is Kind.LINKS


def _drop_dangling(plan: model.Plan, record: Record, field: str) -> Record:
    """``record`` with the links of ``field`` that point at nothing, and repeats, left out."""
    target = spec(type(record), field).target or ""
    known = {it.id for it in getattr(plan, target)}
    value = getattr(record, field)
    kept = tuple(dict.fromkeys(v for v in value if isinstance(v, str) and v in known)) if isinstance(value, tuple) \
        else ()
    return dataclasses.replace(record, **{field: kept})


def _reset(record: Record, field: str | None) -> Record:
    """``record`` with ``field`` at the value a new record has."""
    if field is None:
        return record
    default = getattr(type(record)(), field) if _constructible(record) else _field_default(record, field)
    return dataclasses.replace(record, **{field: default})


def _constructible(record: Record) -> bool:
    """True if the record type can be made with no arguments (singletons and most items can)."""
    return all(f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
               for f in dataclasses.fields(record) if f.init)


def _field_default(record: Record, field: str) -> Any:
    found = next(f for f in dataclasses.fields(record) if f.name == field)
    if found.default is not dataclasses.MISSING:
        return found.default
    if found.default_factory is not dataclasses.MISSING:
        return found.default_factory()
    return getattr(record, field)
