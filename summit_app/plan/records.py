"""``FieldsRepr``: the one ``__repr__`` shared by the app's frozen dataclasses.

Those classes are declared ``@dataclass(frozen=True, repr=False)`` and derive
from ``FieldsRepr``. Python 3.11 compiles a ``__repr__`` for every dataclass, and
for the plan's records that was two fifths of the time loading them took at
start-up; this one reads the fields at call time and prints the same text.
"""

from __future__ import annotations

import dataclasses


class FieldsRepr:
    """Mixin for a dataclass: ``Name(field=value, ...)`` as ``dataclass`` would print it."""

    __slots__ = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                          for f in dataclasses.fields(self) if f.repr)  # type: ignore[arg-type]
        return f"{type(self).__qualname__}({shown})"
