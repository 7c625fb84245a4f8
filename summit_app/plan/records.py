"""``@record``: the app's frozen dataclasses, with their methods shared instead of compiled.

``dataclass`` on Python 3.11 compiles ``__init__``, ``__setattr__``, ``__delattr__``,
``__repr__``, ``__eq__`` and ``__hash__`` from source for every class; for the plan's
records that was most of the time loading them took at start-up. A class declared
with ``@record`` (and deriving from ``ByFields``) is a dataclass (``fields``,
``replace`` and type checkers see it as ``@dataclass(frozen=True)``) whose methods
come from ``ByFields``: they read the class's fields once, when first used, and
behave as the generated ones.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")
Key = Callable[[Any], tuple[Any, ...]]


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True)`` for a ``ByFields`` class (see the module's docstring)."""
    return dataclasses.dataclass(init=False, repr=False, eq=False)(cls)


def _getter(names: list[str]) -> Key:
    if len(names) == 1:  # attrgetter of one name returns the value, not a tuple
        one = attrgetter(names[0])
        return lambda item: (one(item),)
    return attrgetter(*names) if names else (lambda item: ())


class _Spec:
    """What the shared methods need to know of one class, read from its fields once."""

    __slots__ = ("compared", "defaults", "factories", "hashed", "names")

    def __init__(self, cls: type) -> None:
        fields = dataclasses.fields(cls)
        self.names = tuple(f.name for f in fields)
        self.defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
        self.factories: dict[str, Callable[[], Any]] = {
            f.name: f.default_factory for f in fields if f.default_factory is not dataclasses.MISSING}
        #: The values ``==`` compares, and those the hash covers (``hash`` if given, else
        #: ``compare``), as ``dataclass`` decides.
        self.compared = _getter([f.name for f in fields if f.compare])
        self.hashed = _getter([f.name for f in fields if (f.compare if f.hash is None else f.hash)])


_SPECS: dict[type, _Spec] = {}


def _spec(cls: type) -> _Spec:
    spec = _SPECS.get(cls)
    if spec is None:
        spec = _SPECS[cls] = _Spec(cls)
    return spec


class ByFields:
    """The methods of a frozen dataclass, for ``@record`` classes: construction from the fields
    (positional or by name, with their defaults), no assignment after it, ``Name(field=value, ...)``,
    and equality and hash by field values."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        spec = _spec(cls)
        names = spec.names
        if len(args) > len(names):
            raise TypeError(f"{cls.__qualname__}() takes {len(names)} positional arguments "
                            f"but {len(args)} were given")
        put = object.__setattr__
        for name, value in zip(names, args, strict=False):
            put(self, name, value)
        for name in names[len(args):]:
            if name in kwargs:
                value = kwargs.pop(name)
            elif name in spec.defaults:
                value = spec.defaults[name]
            elif name in spec.factories:
                value = spec.factories[name]()
            else:
                raise TypeError(f"{cls.__qualname__}() missing required argument: '{name}'")
            put(self, name, value)
        for name in kwargs:
            if name in names:
                raise TypeError(f"{cls.__qualname__}() got multiple values for argument '{name}'")
            raise TypeError(f"{cls.__qualname__}() got an unexpected keyword argument '{name}'")

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field '{name}'")

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                          for f in dataclasses.fields(self) if f.repr)  # type: ignore[arg-type]
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = _spec(self.__class__).compared
        return key(self) == key(other)

    def __hash__(self) -> int:
        return hash(_spec(self.__class__).hashed(self))
