"""The shared ``__repr__`` of the plan's records prints what ``dataclass`` would."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from summit_app.plan import content, edits, model
from summit_app.plan.records import FieldsRepr


@dataclass(frozen=True)
class Generated:
    name: str
    cost: Decimal = Decimal("1.50")
    hidden: str = field(default="secret", repr=False)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, repr=False)
class Shared(FieldsRepr):
    name: str
    cost: Decimal = Decimal("1.50")
    hidden: str = field(default="secret", repr=False)
    tags: tuple[str, ...] = ()


def test_the_shared_repr_is_the_generated_one() -> None:
    for args in (("a",), ("O'Brien \n <b>", Decimal("-3"), "x", ("t1", "t2"))):
        assert repr(Shared(*args)) == repr(Generated(*args)).replace("Generated(", "Shared(", 1)
    assert "secret" not in repr(Shared("a"))


def test_every_record_uses_it_and_nests() -> None:
    records = [c for m in (model, content, edits) for c in vars(m).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == m.__name__]
    assert len(records) > 25
    for record in records:
        assert issubclass(record, FieldsRepr), record
        assert "__repr__" not in vars(record), record
    plan = model.Plan(members=(model.TeamMember("m1", name="Ana"),))
    assert repr(plan).startswith("Plan(district=District(name='', ")
    assert "members=(TeamMember(id='m1', name='Ana', " in repr(plan)
