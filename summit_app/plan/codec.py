"""Records and edits to and from JSON values.

Decimals travel as strings (``"1234.50"``) so no amount ever passes through a
float; dates as ``YYYY-MM-DD``; times as UTC ISO 8601 with ``Z``. Each value
has exactly one spelling, the one ``value_to_json`` writes: reading accepts
that spelling only, so whatever is read is written back the same.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal
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


class JsonNumber:
    """A JSON number as written, kept as text when no field holds it as is (see ``json_text``)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


# The one spelling of each value that is not plain JSON, as the export writes it. The JSON Schema
# uses the same patterns: ``(?!\n)$`` ends the text in both Python (whose ``$`` also matches before
# a final newline) and ECMA-262 regular expressions.
_END = r"(?!\n)$"
_DAY = r"(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
#: Money and hours: digits, a point and exactly two decimals, below 10**15 (``rules.MAX_DECIMAL``).
AMOUNT_PATTERN = r"^(0|[1-9][0-9]{0,14})\.[0-9]{2}" + _END
#: A calendar day, ``YYYY-MM-DD``.
DATE_PATTERN = rf"^{_DAY}{_END}"
#: A moment in UTC to the second, microseconds only when not zero, and ``Z``.
MOMENT_PATTERN = rf"^{_DAY}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.(?!0{{6}})[0-9]{{6}})?Z{_END}"
_AMOUNT, _DATE, _MOMENT = (re.compile(p, re.ASCII) for p in (AMOUNT_PATTERN, DATE_PATTERN, MOMENT_PATTERN))
_LARGE_AMOUNT = re.compile(r"[1-9][0-9]{15,}\.[0-9]{2}", re.ASCII)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def shown(value: Any, limit: int = 40) -> str:
    """A value as an error message quotes it: one line, printable, at most about ``limit`` characters."""
    if isinstance(value, str):
        return repr(value) if len(value) <= limit else repr(value[:limit]) + "…"
    if isinstance(value, JsonNumber):
        return value.text if len(value.text) <= limit else value.text[:limit] + "…"
    if value is None or isinstance(value, (bool, int)):
        return json.dumps(value) if not isinstance(value, int) or value.bit_length() < 128 else "a long number"
    return "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else type(value).__name__


def member_path(path: str, key: str) -> str:
    """The path of ``key`` in the object at ``path``: ``path.key``, or ``path['odd key']``."""
    if _NAME.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{shown(key)}]"


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


def _decimal(path: str, raw: Any, label: str) -> Decimal:
    if not isinstance(raw, str):
        raise DecodeError(path, 'must be a decimal number written as a string, e.g. "1250.00"')
    if not _AMOUNT.fullmatch(raw):
        if raw.startswith("-") and _AMOUNT.fullmatch(raw[1:]) and raw != "-0.00":
            raise DecodeError(path, f"{label} must not be negative")
        if _LARGE_AMOUNT.fullmatch(raw):
            raise DecodeError(path, f"{label} is too large")
        raise DecodeError(path, f"{shown(raw)} is not an amount: write digits, a point and two decimals, "
                                'e.g. "1250.00"')
    return Decimal(raw)


def _date(path: str, raw: Any) -> date:
    if isinstance(raw, str) and _DATE.fullmatch(raw):
        try:
            return date(int(raw[:4]), int(raw[5:7]), int(raw[8:10]))
        except ValueError:
            raise DecodeError(path, f"{shown(raw)} is not a day of the calendar") from None
    raise DecodeError(path, f"{shown(raw)} is not a date (YYYY-MM-DD)")


def _datetime(path: str, raw: Any) -> datetime:
    if isinstance(raw, str) and _MOMENT.fullmatch(raw):
        try:
            day = _date(path, raw[:10])
        except DecodeError:
            raise DecodeError(path, f"{shown(raw)} is not a day of the calendar") from None
        micro = int(raw[20:26]) if len(raw) > 20 else 0
        return datetime(day.year, day.month, day.day, int(raw[11:13]), int(raw[14:16]), int(raw[17:19]),
                        micro, tzinfo=UTC)
    raise DecodeError(path, f"{shown(raw)} is not a time in UTC (YYYY-MM-DDTHH:MM:SSZ, "
                            "or with six digits of microseconds before the Z)")


def _whole(path: str, raw: Any) -> int:
    if type(raw) is int:
        return raw
    if isinstance(raw, JsonNumber):
        if any(c in raw.text for c in ".eE"):
            raise DecodeError(path, f"{shown(raw)} is not a whole number: write it without a fraction or exponent")
        if raw.text == "-0":
            raise DecodeError(path, "-0 is not a whole number as the format writes it: write 0")
        raise DecodeError(path, f"{shown(raw)} is too large")
    raise DecodeError(path, f"must be a whole number, not {shown(raw)}")


def _strings(path: str, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise DecodeError(path, "must be a list of strings")
    return tuple(raw)


def value_from_json(s: FieldSpec, raw: Any, path: str) -> Any:
    """A field value from JSON written exactly as ``value_to_json`` writes it; ``DecodeError`` naming
    ``path`` otherwise. Ranges, vocabularies and links are the rules' (``rules.value_problem``)."""
    kind = s.kind
    if raw is None and kind in (Kind.OPT_INT, Kind.DATE, Kind.DATETIME, Kind.LINK):
        return None
    if kind in (Kind.TEXT, Kind.CHOICE, Kind.LINK):
        if not isinstance(raw, str):
            raise DecodeError(path, "must be a string")
        return raw
    if kind in (Kind.INT, Kind.OPT_INT):
        return _whole(path, raw)
    if kind is Kind.BOOL:
        if not isinstance(raw, bool):
            raise DecodeError(path, "must be true or false")
        return raw
    if kind is Kind.DECIMAL:
        return _decimal(path, raw, s.label)
    if kind is Kind.DECIMALS:
        if not isinstance(raw, list):
            raise DecodeError(path, "must be a list of amounts")
        return tuple(_decimal(f"{path}[{i}]", v, s.label) for i, v in enumerate(raw))
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


def record_from_json(record_type: type, raw: Any, path: str, *, complete: bool = True,
                     optional: frozenset[str] = frozenset()) -> Any:
    """A record from a JSON object; unknown keys and wrong types are errors, and so is a missing
    field when ``complete`` (a document lists every field, as the export writes it), except those
    in ``optional`` (fields an older document's version did not have; they take their defaults)."""
    if not isinstance(raw, dict):
        raise DecodeError(path, "must be an object")
    known = {s.name: s for s in specs(record_type)}
    has_id = record_type in model.COLLECTIONS.values()
    for key in raw:
        if key not in known and not (has_id and key == "id"):
            raise DecodeError(member_path(path, key), "is not a field of this part of the plan")
    names = (["id"] if has_id else []) + list(known)
    missing = next((name for name in names if name not in raw and name not in optional), None) if complete else None
    if missing:
        raise DecodeError(member_path(path, missing), "is missing; a document lists every field")
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
        # Items logged by an older revision of the app lack the fields added since: they take the defaults.
        item = record_from_json(model.COLLECTIONS[raw["collection"]], raw["item"], "item", complete=False)
        return AddItem(raw["collection"], item, raw["index"], label)
    if op == "remove":
        return RemoveItem(raw["collection"], raw["item"], label)
    if op == "move":
        return MoveItem(raw["collection"], raw["item"], raw["index"], label)
    return Batch(tuple(edit_from_json(e) for e in raw["edits"]), label)
