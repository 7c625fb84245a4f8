"""Other spellings of an interchange document's values, written into its JSON text.

Each is a way JSON, Python or a spreadsheet would let a value be written that is
not the one spelling the export writes: spaces, underscores and other scripts'
digits in amounts, week dates, offsets, ``1.0`` for ``1``, ``true`` for ``1``,
a key written twice, a lone surrogate. The import must refuse each one naming
where it stands, or (for a spelling of the same value, such as ``"\\u00e9"``
for ``"é"``) give back the same document.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

Path = tuple[str | int, ...]

#: Digits of other scripts, which Python's ``int``, ``Decimal`` and ``date.fromisoformat`` all read.
FOREIGN_DIGITS = ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "０１２３４５６７８９", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗")
_SENTINEL = "\x00spelling\x00"
_AMOUNT = re.compile(r"[0-9]+\.[0-9]{2}", re.ASCII)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z", re.ASCII)


@dataclass(frozen=True)
class Spelling:
    """A JSON literal to write in place of a value; ``schema_sees`` if a JSON Schema can tell it apart
    from what the format allows (it sees parsed values: not ``1.0`` from ``1``, nor a repeated key)."""

    literal: str
    schema_sees: bool = True


def path_text(path: Path) -> str:
    """``("budget", "lines", 3, "unit_cost")`` as the app names it: ``budget.lines[3].unit_cost``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else part
    return out


def leaves(doc: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """Every value that is not a list or an object, with its path, in document order."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from leaves(value, (*path, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            yield from leaves(value, (*path, index))
    else:
        yield path, doc


def _put(doc: Any, path: Path, value: Any) -> None:
    for part in path[:-1]:
        doc = doc[part]
    doc[path[-1]] = value


def with_literal(doc: dict[str, Any], path: Path, literal: str) -> str:
    """The document as indented JSON text with ``literal`` written verbatim as the value at ``path``."""
    marked = copy.deepcopy(doc)
    _put(marked, path, _SENTINEL)
    text = json.dumps(marked, indent=2, ensure_ascii=False)
    return text.replace(json.dumps(_SENTINEL), literal, 1)


def with_key_twice(doc: dict[str, Any], path: Path) -> str:
    """The document with the key at ``path`` written twice in its object (same value both times)."""
    literal = json.dumps(_value_at(doc, path), ensure_ascii=False)
    return with_literal(doc, path, f"{literal}, {json.dumps(path[-1])}: {literal}")


def _value_at(doc: Any, path: Path) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _foreign(text: str, digits: str) -> str:
    return text.translate(str.maketrans("0123456789", digits))


def amount_spellings(text: str) -> list[Spelling]:
    whole, cents = text.split(".")
    out = [f'"{whole[:1]} {whole[1:]}.{cents}"', f'"{whole[:1]}_{whole[1:] or 0}.{cents}"',
           f'"{whole[:1]}\u00a0{whole[1:]}.{cents}"', f'"{whole},{cents}"', f'"{whole}"', f'"{whole}.{cents[0]}"',
           f'"{text}0"', f'"+{text}"', f'"0{text}"', f'" {text}"', f'"{text} "', f'"{text}\\n"',
           f'"{Decimal(text):E}"', f'"{whole}{cents}e-2"', f'"-{text}"', f'"{text.replace(".", "·")}"',
           *(f'"{_foreign(text, digits)}"' for digits in FOREIGN_DIGITS)]
    return [Spelling(s) for s in out] + [Spelling(text), Spelling(whole)]  # bare JSON numbers


def whole_spellings(n: int) -> list[Spelling]:
    return [Spelling(f"{n}.0", False), Spelling(f"{n}e0", False), Spelling(f"{n}E+0", False),
            Spelling("true"), Spelling("false"), Spelling(f'"{n}"'), Spelling(f"{n}{'0' * 25}"),
            Spelling(str(2**63)), Spelling(str(2**64 + n)), Spelling(str(2**53)),
            Spelling(f"-{n}" if n else "-0", bool(n)), Spelling("NaN"), Spelling("Infinity"), Spelling("-Infinity"),
            Spelling(f'"{_foreign(str(n), FOREIGN_DIGITS[0])}"'), Spelling(f"0{n}", False), Spelling(f"+{n}", False),
            Spelling(f"{n}" + "9" * 5000, False)]


def day_spellings(text: str) -> list[Spelling]:
    day = date.fromisoformat(text)
    year, week, weekday = day.isocalendar()
    out = [f'"{year:04}-W{week:02}-{weekday}"', f'"{text.replace("-", "")}"', f'"{text}T00"',
           f'"{text}T00:00:00"', f'"{text}Z"', f'"{text} "', f'"{text}\\n"', f'"{day.year}-{day.month}-{day.day}"',
           f'"{day.year:04}-{day.timetuple().tm_yday:03}"', f'"{day.month:02}/{day.day:02}/{day.year:04}"',
           *(f'"{_foreign(text, digits)}"' for digits in FOREIGN_DIGITS)]
    return [Spelling(s) for s in out]


def moment_spellings(text: str) -> list[Spelling]:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    plus_two = moment.astimezone(timezone(timedelta(hours=2))).isoformat()
    bare = text[:-1]
    out = [f'"{bare}+00:00"', f'"{plus_two}"', f'"{bare}z"', f'"{text.lower()}"', f'"{bare.replace("T", " ")}Z"',
           f'"{bare}"', f'"{text[:16]}Z"', f'"{text[:19]}.000000Z"', f'"{text[:19]}.500Z"', f'"{text}\\n"',
           f'"{moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")}"', f'"{_foreign(text, FOREIGN_DIGITS[3])}"']
    return [Spelling(s) for s in out]


def text_spellings(text: str) -> list[Spelling]:
    quoted = json.dumps(text)  # every character outside ASCII escaped: the same value
    return [Spelling(quoted), Spelling(quoted[:-1] + '\\ud800"', False), Spelling('"\\udc00' + quoted[1:], False),
            Spelling(quoted[:-1] + '\\ude00\\ud83d"', False)]


def spellings(value: Any) -> list[Spelling]:
    """Other spellings of ``value``: of what it looks like (an amount, a day, a time, a number, a text)."""
    if isinstance(value, bool):
        return [Spelling(s) for s in ("0", "1", f'"{json.dumps(value)}"', "null")]
    if isinstance(value, int):
        return whole_spellings(value)
    if value is None:
        return [Spelling("0"), Spelling("false"), Spelling('""', False), Spelling('"null"', False)]
    if _AMOUNT.fullmatch(value):
        return amount_spellings(value)
    if _DAY.fullmatch(value):
        return day_spellings(value)
    if _MOMENT.fullmatch(value):
        return moment_spellings(value)
    return text_spellings(value)

