"""What a projector may show: the plan with its private parts taken out.

Present mode never reads the live plan directly; it reads ``public_plan(plan)``,
so nothing private can reach a widget on the big screen, whichever pane shows it:

- every field whose ``FieldSpec.private`` is set (members' e-mail addresses) is blanked;
- in every long text (notes, descriptions), a line starting with "Private:" or
  "[private]" is left out — the way a table marks a note as theirs alone;
- every element counts as not revealed, so no member's silent rating is shown;
  present mode's own Reveal shows the spread, and only when asked.

The result is a new immutable plan; the document's plan is never changed.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from summit_app.plan import model
from summit_app.plan.fields import FieldSpec, Kind, specs

#: A line of a long text that starts with one of these (any case) stays off the projector.
PRIVATE_NOTE_MARKERS = ("private:", "[private]")


def is_private_line(line: str) -> bool:
    return line.strip().lower().startswith(PRIVATE_NOTE_MARKERS)


def public_text(text: str) -> str:
    """``text`` less its private lines (the others kept as written)."""
    if not any(is_private_line(line) for line in text.splitlines()):
        return text
    return "\n".join(line for line in text.splitlines() if not is_private_line(line)).strip("\n")


def _blank(field_spec: FieldSpec, record_type: type) -> Any:
    field = next(f for f in dataclasses.fields(record_type) if f.name == field_spec.name)
    if field.default is not dataclasses.MISSING:
        return field.default
    factory: Any = field.default_factory
    return factory()


def _public_changes(record: Any) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for field_spec in specs(type(record)):
        value = getattr(record, field_spec.name)
        if field_spec.private:
            changes[field_spec.name] = _blank(field_spec, type(record))
        elif field_spec.kind is Kind.TEXT and field_spec.long and value:
            public = public_text(value)
            if public != value:
                changes[field_spec.name] = public
    if isinstance(record, model.ReadinessRating) and record.revealed:
        changes["revealed"] = False
    return changes


def public_record(record: Any) -> Any:
    """``record`` with its private parts blanked (the same object when it has none)."""
    changes = _public_changes(record)
    return dataclasses.replace(record, **changes) if changes else record


def public_plan(plan: model.Plan) -> model.Plan:
    """The plan as the room may see it."""
    changes: dict[str, Any] = {name: public_record(getattr(plan, name)) for name in model.SINGLETONS}
    for name in model.COLLECTIONS:
        changes[name] = tuple(public_record(item) for item in getattr(plan, name))
    return plan.replace(**changes)
