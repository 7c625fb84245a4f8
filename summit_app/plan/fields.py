"""What kind of value each record field holds, read once from the type hints.

Validation, the store's columns, the JSON interchange and the JSON Schema all
work from these kinds, so a new field needs declaring only in ``model.py``.
"""

from __future__ import annotations

import dataclasses
import enum
import typing
from functools import cache
from typing import Any

from summit_app.plan import model
from summit_app.plan.records import ByFields, record


class Kind(enum.Enum):
    TEXT = "text"
    INT = "int"
    OPT_INT = "opt_int"
    DECIMAL = "decimal"
    DECIMALS = "decimals"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    CHOICE = "choice"
    CHOICES = "choices"
    LINK = "link"
    LINKS = "links"


@record
class FieldSpec(ByFields):
    """What the app knows of one field of a record: label, kind, vocabulary, limits."""

    name: str
    kind: Kind
    label: str
    low: int | None = None
    high: int | None = None
    vocabulary: str | None = None
    target: str | None = None
    long: bool = False
    private: bool = False
    #: Written by the app, not typed by the team (a rule id, a digest): never shown as the team's text.
    recorded: bool = False
    length: int | None = None
    owned: bool = False  # a link whose item goes with the item it points at


_PLAIN = {
    "str": Kind.TEXT,
    "int": Kind.INT,
    "int | None": Kind.OPT_INT,
    "Decimal": Kind.DECIMAL,
    "tuple[Decimal, ...]": Kind.DECIMALS,
    "bool": Kind.BOOL,
    "date | None": Kind.DATE,
    "datetime | None": Kind.DATETIME,
}


def _kind(annotation: str, meta: typing.Mapping[str, Any]) -> Kind:
    if "target" in meta:
        return Kind.LINKS if annotation.startswith("tuple") else Kind.LINK
    if "vocabulary" in meta:
        return Kind.CHOICES if annotation.startswith("tuple") else Kind.CHOICE
    return _PLAIN[annotation]


def specs(record_type: Any) -> tuple[FieldSpec, ...]:
    """The field specs of a record type, ``id`` excluded, in declaration order."""
    return _specs(record_type)


@cache
def _specs(record_type: Any) -> tuple[FieldSpec, ...]:
    out = []
    for f in model.record_fields(record_type):
        meta = f.metadata
        out.append(
            FieldSpec(
                name=f.name,
                kind=_kind(str(f.type), meta),
                label=meta.get("label", f.name),
                low=meta.get("low"),
                high=meta.get("high"),
                vocabulary=meta.get("vocabulary"),
                target=meta.get("target"),
                long=meta.get("long", False),
                private=meta.get("private", False),
                recorded=meta.get("recorded", False),
                length=meta.get("length"),
                owned=meta.get("owned", False),
            )
        )
    return tuple(out)


def spec(record_type: Any, name: str) -> FieldSpec:
    """The spec of one field; ``KeyError`` if the record has no such field."""
    for s in _specs(record_type):
        if s.name == name:
            return s
    raise KeyError(f"{record_type.__name__} has no field {name!r}")


def owned_links() -> frozenset[tuple[str, str]]:
    """(collection, link field) of every owned link: what removing an item removes with it.

    The edit that removes an item and the file's ``ON DELETE CASCADE`` both read
    this, so the two never disagree about what goes with a goal or a member.
    """
    return frozenset((name, s.name) for name, record_type in model.COLLECTIONS.items()
                     for s in _specs(record_type) if s.kind is Kind.LINK and s.owned)


def has_id(record_type: type) -> bool:
    return any(f.name == "id" for f in dataclasses.fields(record_type))
