"""The shared ``__repr__``, ``__eq__`` and ``__hash__`` of the plan's records do what ``dataclass``'s would."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from summit_app.plan import content, edits, model
from summit_app.plan.records import ByFields


@dataclass(frozen=True)
class Generated:
    name: str
    cost: Decimal = Decimal("1.50")
    hidden: str = field(default="secret", repr=False)
    tags: tuple[str, ...] = ()
    note: str = field(default="", compare=False)
    extra: str = field(default="", hash=False)


@dataclass(frozen=True, repr=False, eq=False)
class Shared(ByFields):
    name: str
    cost: Decimal = Decimal("1.50")
    hidden: str = field(default="secret", repr=False)
    tags: tuple[str, ...] = ()
    note: str = field(default="", compare=False)
    extra: str = field(default="", hash=False)


@dataclass(frozen=True, repr=False, eq=False)
class OneField(ByFields):
    name: str


@dataclass(frozen=True, repr=False, eq=False)
class NoField(ByFields):
    """Nothing to compare: every instance is equal to every other."""


def test_the_shared_repr_is_the_generated_one() -> None:
    for args in (("a",), ("O'Brien \n <b>", Decimal("-3"), "x", ("t1", "t2"))):
        assert repr(Shared(*args)) == repr(Generated(*args)).replace("Generated(", "Shared(", 1)
    assert "secret" not in repr(Shared("a"))


def test_equality_and_hash_are_the_generated_ones() -> None:
    pairs = [(("a",), ("a",)), (("a",), ("b",)), (("a", Decimal("1.5")), ("a", Decimal("1.50"))),
             (("a", Decimal("1")), ("a", Decimal("2"))), (("a", 1, "x", (), "n1"), ("a", 1, "x", (), "n2")),
             (("a", 1, "x", (), "", "e1"), ("a", 1, "x", (), "", "e2")), (("a", 1, "x", ("t",)), ("a", 1, "x", ()))]
    for left, right in pairs:
        assert (Shared(*left) == Shared(*right)) == (Generated(*left) == Generated(*right)), (left, right)
        assert (Shared(*left) != Shared(*right)) == (Generated(*left) != Generated(*right)), (left, right)
        assert hash(Shared(*left)) == hash(Generated(*left))
    assert Shared("a") != Generated("a")  # another class is never equal, as generated
    assert Shared("a").__eq__(Generated("a")) is NotImplemented
    assert OneField("a") == OneField("a")
    assert OneField("a") != OneField("b")
    assert hash(OneField("a")) == hash(("a",))
    assert NoField() == NoField()
    assert hash(NoField()) == hash(())
    assert len({Shared("a"), Shared("a"), Shared("b")}) == 2


def test_every_record_uses_it_and_nests() -> None:
    records = [c for m in (model, content, edits) for c in vars(m).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == m.__name__]
    assert len(records) > 25
    for record in records:
        assert issubclass(record, ByFields), record
        for method in ("__repr__", "__eq__", "__hash__"):
            assert method not in vars(record), (record, method)
    plan = model.Plan(members=(model.TeamMember("m1", name="Ana"),))
    assert repr(plan).startswith("Plan(district=District(name='', ")
    assert "members=(TeamMember(id='m1', name='Ana', " in repr(plan)
