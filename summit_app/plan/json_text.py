"""JSON text as the interchange format takes it: RFC 8259, without Python's leniencies.

``json.loads`` alone accepts ``NaN`` and ``Infinity``, lets the last of two equal
keys silently win, turns ``"\\ud800"`` into a string that is not text, parses
integers of any length (failing only past 4,300 digits) and recurses once per
nesting level. A document read here is refused, with the path of the place,
for any of these, so what the app accepts is exactly what it writes back:

- a whole number becomes an ``int`` only as JSON and the format write it (no
  ``-0``, at most ``MAX_INT_DIGITS`` digits); any other number stays a
  ``JsonNumber`` holding its text, which no field accepts, so the field that
  holds it is named when it is refused;
- ``NaN``, ``Infinity`` and ``-Infinity`` (not JSON at all), a key used twice
  in one object, a lone surrogate in a key or a string, and lists and objects
  nested deeper than ``MAX_DEPTH`` levels are refused here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from summit_app.plan.codec import DecodeError, JsonNumber, member_path

#: The largest document read (UTF-8 bytes). A plan with long texts in every field is a few megabytes.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
#: How deep lists and objects may nest; the format itself uses 5 (document, section, list, item, list of ids).
MAX_DEPTH = 8
#: Longer runs of digits are never a whole number of the format (its largest has 16 digits).
MAX_INT_DIGITS = 20

_SURROGATE = re.compile("[\ud800-\udfff]")


class _NotJson:
    """``NaN``, ``Infinity`` or ``-Infinity``: Python's extensions to JSON, refused where they stand."""

    def __init__(self, text: str) -> None:
        self.text = text


class _DuplicateKey(dict[str, Any]):
    """An object in which ``key`` appears more than once (the parse keeps the last)."""

    def __init__(self, pairs: list[tuple[str, Any]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return _DuplicateKey(pairs, key)
        seen.add(key)
    return dict(pairs)


def _whole(text: str) -> int | JsonNumber:
    if text == "-0" or len(text.lstrip("-")) > MAX_INT_DIGITS:
        return JsonNumber(text)
    return int(text)


def _check_string(path: str, text: str) -> None:
    found = _SURROGATE.search(text)
    if found:
        raise DecodeError(path, f"holds a lone surrogate ({found.group()!r}), which is not text")


def _check_structure(doc: Any) -> None:
    """Refuse, in document order, what the parse let through; iterative, so no depth can crash it."""
    stack: list[tuple[Any, str, int]] = [(doc, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        where = path or "(document)"
        if isinstance(value, (dict, list)) and depth >= MAX_DEPTH:
            raise DecodeError(where, f"lists and objects nest deeper than {MAX_DEPTH} levels")
        if isinstance(value, _DuplicateKey):
            raise DecodeError(member_path(path, value.key), "appears twice in one object; a key may appear once")
        if isinstance(value, dict):
            for key in value:
                _check_string(member_path(path, key), key)
            stack += [(v, member_path(path, k), depth + 1) for k, v in reversed(value.items())]
        elif isinstance(value, list):
            stack += [(v, f"{path}[{i}]", depth + 1) for i, v in reversed(list(enumerate(value)))]
        elif isinstance(value, str):
            _check_string(where, value)
        elif isinstance(value, _NotJson):
            raise DecodeError(where, f"{value.text} is not a JSON number")


def loads(text: str) -> Any:
    """The document in ``text``: ``json.JSONDecodeError`` if it is not JSON, ``DecodeError`` naming
    the path of anything JSON allows that the format does not (see the module's docstring)."""
    if len(text) > MAX_DOCUMENT_BYTES:
        raise DecodeError("(document)", f"is larger than {MAX_DOCUMENT_BYTES // 2**20} MiB")
    try:
        doc = json.loads(text, object_pairs_hook=_object, parse_int=_whole, parse_float=JsonNumber,
                         parse_constant=_NotJson)
    except RecursionError:
        raise DecodeError("(document)", f"lists and objects nest deeper than {MAX_DEPTH} levels") from None
    _check_structure(doc)
    return doc
