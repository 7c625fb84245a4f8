"""``ByFields``: the ``__repr__``, ``__eq__`` and ``__hash__`` shared by the app's frozen dataclasses.

Those classes are declared ``@dataclass(frozen=True, repr=False, eq=False)`` and
derive from ``ByFields``, which behaves as the methods ``dataclass`` would generate.
Python 3.11 compiles each generated method from source, class by class; for the
plan's records that was most of the time loading them took at start-up. These
read the class's fields once, when first used.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any

Key = Callable[[Any], tuple[Any, ...]]


def _getter(names: list[str]) -> Key:
    if len(names) == 1:  # attrgetter of one name returns the value, not a tuple
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return attrgetter(*names) if names else (lambda record: ())


_COMPARED: dict[type, Key] = {}
_HASHED: dict[type, Key] = {}


def _compared(cls: type) -> Key:
    """The values ``==`` compares: the fields with ``compare`` set, in order."""
    key = _COMPARED.get(cls)
    if key is None:
        key = _COMPARED[cls] = _getter([f.name for f in dataclasses.fields(cls) if f.compare])
    return key


def _hashed(cls: type) -> Key:
    """The values the hash covers: ``hash`` if given, else ``compare`` (as ``dataclass`` decides)."""
    key = _HASHED.get(cls)
    if key is None:
        key = _HASHED[cls] = _getter([f.name for f in dataclasses.fields(cls)
                                      if (f.compare if f.hash is None else f.hash)])
    return key


class ByFields:
    """Mixin for a frozen dataclass: ``Name(field=value, ...)``, and equality and hash by field values."""

    __slots__ = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                          for f in dataclasses.fields(self) if f.repr)  # type: ignore[arg-type]
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = _compared(self.__class__)
        return key(self) == key(other)

    def __hash__(self) -> int:
        return hash(_hashed(self.__class__)(self))
