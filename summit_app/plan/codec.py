"""Records and edits to and from JSON values.

Decimals travel as strings (``"1234.50"``) so no amount ever passes through a
float; dates as ``YYYY-MM-DD``; times as UTC ISO 8601 with ``Z``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from summit_app.plan import model
from summit_app.plan.edits import AddItem, Batch, Edit, MoveItem, RemoveItem, SetField
from summit_app.plan.fields import FieldSpec, Kind, spec, specs


class DecodeError(ValueError):
    """A JSON value that cannot become a field value; ``path`` names where."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def _decimal_text(value: Decimal) -> str:
    # Every valid amount has at most two places, so quantizing only fixes the form.
    return format(value.quantize(Decimal("0.01")) + 0, "f")


def value_to_json(s: FieldSpec, value: Any) -> Any:
    if value is None:
        return None
    if s.kind is Kind.DECIMAL:
        return _decimal_text(value)
    if s.kind is Kind.DECIMALS:
        return [_decimal_text(v) for v in value]
    if s.kind is Kind.DATE:
        return value.isoformat()
    if s.kind is Kind.DATETIME:
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if s.kind in (Kind.CHOICES, Kind.LINKS):
        return list(value)
    return value


def _decimal(path: str, raw: Any) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise DecodeError(path, "must be a decimal number written as a string, e.g. \"1250.00\"")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise DecodeError(path, f"{raw!r} is not a number") from None
    if not value.is_finite():
        raise DecodeError(path, f"{raw!r} is not a number")
    return value + 0  # folds -0 into 0, as the store's integer cents do


def _date(path: str, raw: Any) -> date:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise DecodeError(path, f"{raw!r} is not a date (YYYY-MM-DD)") from None


def _datetime(path: str, raw: Any) -> datetime:
    try:
        value = datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        raise DecodeError(path, f"{raw!r} is not a date and time (ISO 8601)") from None
    if value.tzinfo is None:
        raise DecodeError(path, "needs a time zone, e.g. a trailing Z for UTC")
    return value.astimezone(UTC)


def _strings(path: str, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise DecodeError(path, "must be a list of strings")
    return tuple(raw)


def value_from_json(s: FieldSpec, raw: Any, path: str) -> Any:
    """A field value from JSON; ``DecodeError`` naming ``path`` if its type is wrong."""
    kind = s.kind
    if raw is None and kind in (Kind.OPT_INT, Kind.DATE, Kind.DATETIME, Kind.LINK):
        return None
    if kind in (Kind.TEXT, Kind.CHOICE, Kind.LINK):
        if not isinstance(raw, str):
            raise DecodeError(path, "must be a string")
        return raw
    if kind in (Kind.INT, Kind.OPT_INT):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise DecodeError(path, "must be a whole number")
        return raw
    if kind is Kind.BOOL:
        if not isinstance(raw, bool):
            raise DecodeError(path, "must be true or false")
        return raw
    if kind is Kind.DECIMAL:
        return _decimal(path, raw)
    if kind is Kind.DECIMALS:
        if not isinstance(raw, list):
            raise DecodeError(path, "must be a list of amounts")
        return tuple(_decimal(f"{path}[{i}]", v) for i, v in enumerate(raw))
    if kind is Kind.DATE:
        return _date(path, raw)
    if kind is Kind.DATETIME:
        return _datetime(path, raw)
    return _strings(path, raw)


def record_to_json(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": record.id} if hasattr(record, "id") else {}
    for s in specs(type(record)):
        out[s.name] = value_to_json(s, getattr(record, s.name))
    return out


def record_from_json(record_type: type, raw: Any, path: str) -> Any:
    """A record from a JSON object; unknown keys and wrong types are errors."""
    if not isinstance(raw, dict):
        raise DecodeError(path, "must be an object")
    known = {s.name: s for s in specs(record_type)}
    has_id = record_type in model.COLLECTIONS.values()
    for key in raw:
        if key not in known and not (has_id and key == "id"):
            raise DecodeError(f"{path}.{key}", "is not a field of this part of the plan")
    values = {name: value_from_json(s, raw[name], f"{path}.{name}") for name, s in known.items() if name in raw}
    if has_id:
        if not isinstance(raw.get("id"), str) or not raw["id"]:
            raise DecodeError(f"{path}.id", "must be a non-empty string")
        values["id"] = raw["id"]
    return record_type(**values)


# --- edits, for the edit log -------------------------------------------------------


def _type_of(collection: str) -> type:
    return model.SINGLETONS.get(collection) or model.COLLECTIONS[collection]


def edit_to_json(edit: Edit) -> dict[str, Any]:
    if isinstance(edit, SetField):
        s = spec(_type_of(edit.collection), edit.field)
        return {"op": "set", "collection": edit.collection, "item": edit.item_id, "field": edit.field,
                "value": value_to_json(s, edit.value), "label": edit.label}
    if isinstance(edit, AddItem):
        return {"op": "add", "collection": edit.collection, "index": edit.index,
                "item": record_to_json(edit.item), "label": edit.label}
    if isinstance(edit, RemoveItem):
        return {"op": "remove", "collection": edit.collection, "item": edit.item_id, "label": edit.label}
    if isinstance(edit, MoveItem):
        return {"op": "move", "collection": edit.collection, "item": edit.item_id, "index": edit.index,
                "label": edit.label}
    assert isinstance(edit, Batch)
    return {"op": "batch", "edits": [edit_to_json(e) for e in edit.edits], "label": edit.label}


def edit_from_json(raw: dict[str, Any]) -> Edit:
    op, label = raw["op"], raw.get("label", "")
    if op == "set":
        s = spec(_type_of(raw["collection"]), raw["field"])
        value = value_from_json(s, raw["value"], raw["field"])
        return SetField(raw["collection"], raw["item"], raw["field"], value, label)
    if op == "add":
        item = record_from_json(model.COLLECTIONS[raw["collection"]], raw["item"], "item")
        return AddItem(raw["collection"], item, raw["index"], label)
    if op == "remove":
        return RemoveItem(raw["collection"], raw["item"], label)
    if op == "move":
        return MoveItem(raw["collection"], raw["item"], raw["index"], label)
    return Batch(tuple(edit_from_json(e) for e in raw["edits"]), label)
