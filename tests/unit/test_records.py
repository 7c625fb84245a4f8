"""``@record`` classes behave as ``@dataclass(frozen=True)`` ones: construction, no assignment,
``__repr__``, ``__eq__`` and ``__hash__``, compared with what ``dataclass`` generates."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from summit_app.plan import content, edits, model
from summit_app.plan.records import ByFields, record


@dataclass(frozen=True)
class Generated:
    name: str
    cost: Decimal = Decimal("1.50")
    hidden: str = field(default="secret", repr=False)
    tags: tuple[str, ...] = ()
    note: str = field(default="", compare=False)
    extra: str = field(default="", hash=False)
    notes: list[str] = field(default_factory=list, compare=False, hash=False)


@record
class Shared(ByFields):
    name: str
    cost: Decimal = Decimal("1.50")
    hidden: str = field(default="secret", repr=False)
    tags: tuple[str, ...] = ()
    note: str = field(default="", compare=False)
    extra: str = field(default="", hash=False)
    notes: list[str] = field(default_factory=list, compare=False, hash=False)


@record
class OneField(ByFields):
    name: str


@record
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


def test_construction_is_the_generated_one() -> None:
    calls = [(("a",), {}), (("a", Decimal("2")), {"tags": ("t",)}), ((), {"name": "b", "note": "n"}),
             (("a", Decimal("1"), "h", (), "n", "e", ["x"]), {})]
    for args, kwargs in calls:
        shared, generated = Shared(*args, **kwargs), Generated(*args, **kwargs)
        assert [getattr(shared, f.name) for f in dataclasses.fields(Shared)] == \
            [getattr(generated, f.name) for f in dataclasses.fields(Generated)]
    assert Shared("a").notes is not Shared("a").notes  # a factory makes each default afresh
    for args, kwargs, why in (((), {}, "missing required argument: 'name'"),
                              (("a",), {"name": "b"}, "multiple values for argument 'name'"),
                              (("a",), {"colour": "red"}, "unexpected keyword argument 'colour'"),
                              (tuple("abcdefgh"), {}, "takes 7 positional arguments but 8 were given")):
        with pytest.raises(TypeError, match=why):
            Shared(*args, **kwargs)
        with pytest.raises(TypeError):
            Generated(*args, **kwargs)


def test_a_record_cannot_change() -> None:
    shared = Shared("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        shared.name = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del shared.name  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        shared.other = 1  # type: ignore[attr-defined]
    assert dataclasses.replace(shared, name="b") == Shared("b")
    assert shared.name == "a"


def test_every_record_uses_it_and_nests() -> None:
    records = [c for m in (model, content, edits) for c in vars(m).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == m.__name__]
    assert len(records) > 25
    for cls in records:
        assert issubclass(cls, ByFields), cls
        for method in ("__init__", "__setattr__", "__delattr__", "__repr__", "__eq__", "__hash__"):
            assert method not in vars(cls), (cls, method)
    plan = model.Plan(members=(model.TeamMember("m1", name="Ana"),))
    assert repr(plan).startswith("Plan(district=District(name='', ")
    assert "members=(TeamMember(id='m1', name='Ana', " in repr(plan)
