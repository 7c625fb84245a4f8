"""What each of the workbook's formulas computes, worked out at export so the file carries it.

A spreadsheet that does not recalculate (Excel's Protected View, mail
previews, Quick Look) shows a formula's cached value, and openpyxl writes
none. This module evaluates the formulas this package writes, from the very
cells the workbook holds, the way Excel and LibreOffice do: blanks count as
zero, text comparisons ignore case, SUM skips text, ROUND rounds half away
from zero. Numbers are Decimals, so totals of amounts are exact to the cent.

It knows the small formula language the sheet builders use (cell and range
references, defined names, table references, ``+ - * / & = <> < > <= >=``
and the functions in :data:`FUNCTIONS`); anything else raises
:class:`Unsupported` and that cell is written without a cached value (Excel
still recalculates every formula on loading, ``fullCalcOnLoad``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, ROUND_UP, Context, Decimal, DecimalException, localcontext
from functools import cache
from typing import Any, NamedTuple

from openpyxl.utils import column_index_from_string
from openpyxl.workbook import Workbook

from summit_app.export.xlsx.cells import LARGEST_NUMBER, CellGrid, Computed, Scalar
from summit_app.export.xlsx.safe_text import stored_text

#: Significant digits of the decimal arithmetic: far beyond the 15–17 a spreadsheet keeps.
PRECISION = 40


class Unsupported(Exception):
    """A formula outside the language this module evaluates."""


@dataclass(frozen=True)
class XlError:
    """A spreadsheet error value, e.g. ``#DIV/0!``."""

    code: str


DIV0, VALUE, NA, NUM, REF = XlError("#DIV/0!"), XlError("#VALUE!"), XlError("#N/A"), XlError("#NUM!"), XlError("#REF!")


class Area(NamedTuple):
    """A rectangle of cells on one sheet (rows and columns inclusive)."""

    sheet: str
    top: int
    left: int
    bottom: int
    right: int


Item = Scalar | XlError
Value = Item | Area | list[Item]
Node = Callable[["Evaluator", "Place"], Value]


class Place(NamedTuple):
    """Where a formula is evaluated: its sheet and row (for ``[#This Row]``)."""

    sheet: str
    row: int


@dataclass(frozen=True)
class TablePlace:
    sheet: str
    header_row: int
    last_row: int
    columns: dict[str, int]  # header (casefolded) → column number


_UNKNOWN = object()


@dataclass
class Evaluator:
    """Evaluates formulas over the cells of ``grids`` (sheet title → cells), each cell once."""

    grids: dict[str, CellGrid]
    tables: dict[str, TablePlace]
    names: dict[str, str]  # defined name (casefolded) → what it refers to
    _busy: set[tuple[str, int, int]] = field(default_factory=set)
    _areas: dict[Area, list[Item]] = field(default_factory=dict)  # a table column is summed many times
    _table_refs: dict[str, tuple[TablePlace, bool, int, int]] = field(default_factory=dict)
    _known: dict[str, dict[tuple[int, int], Item]] = field(default_factory=dict)  # per sheet: values so far

    def __post_init__(self) -> None:
        self._known = {title: dict(grid.values) for title, grid in self.grids.items()}

    # --- cells ---------------------------------------------------------------------

    def cell(self, sheet: str, row: int, col: int) -> Item:
        """A cell's value: entered, or its formula's result (worked out once)."""
        known = self._known.get(sheet)
        if known is None:
            return REF
        key = (row, col)
        found = known.get(key, _UNKNOWN)
        if found is not _UNKNOWN:
            return found  # type: ignore[return-value]
        formula = self.grids[sheet].formulas.get(key)
        if formula is None:
            known[key] = None  # a blank cell
            return None
        busy = (sheet, row, col)
        if busy in self._busy:
            raise Unsupported(f"a circular reference at {sheet}!R{row}C{col}")
        self._busy.add(busy)
        try:
            result = known[key] = self.formula_value(formula, Place(sheet, row))
        finally:
            self._busy.discard(busy)
        return result

    def formula_value(self, formula: str, place: Place) -> Item:
        """What ``formula`` gives as a cell's value (a reference gives the referenced value, blank 0)."""
        value = scalar(self, compile_formula(formula)(self, place), place)
        return Decimal(0) if value is None else value

    def area_items(self, area: Area) -> list[Item]:
        found = self._areas.get(area)
        if found is None:
            found = self._areas[area] = [self.cell(area.sheet, r, c) for r in range(area.top, area.bottom + 1)
                                         for c in range(area.left, area.right + 1)]
        return found

    # --- references ----------------------------------------------------------------

    def table_area(self, text: str, place: Place) -> Area:
        """A table reference: ``T[Col]``, ``T[[#This Row],[Col]]`` or ``T[[#This Row],[A]:[B]]``."""
        found = self._table_refs.get(text)
        if found is None:
            found = self._table_refs[text] = self._table_ref(text)
        table, this_row, left, right = found
        if this_row:
            return Area(table.sheet, place.row, left, place.row, right)
        return Area(table.sheet, table.header_row + 1, left, table.last_row, right)

    def _table_ref(self, text: str) -> tuple[TablePlace, bool, int, int]:
        """A table reference read once: its table, whether it means the formula's row, its columns."""
        name, spec = text.split("[", 1)
        table = self.tables.get(name.casefold())
        if table is None:
            raise Unsupported(f"no table {name}")
        spec = spec[:-1]
        this_row = spec.casefold().startswith("[#this row],")
        if this_row:
            spec = spec[len("[#this row],"):]
        first, _, last = spec.partition(":")
        left, right = (self._column(table, part) for part in (first, last or first))
        return table, this_row, left, right

    @staticmethod
    def _column(table: TablePlace, part: str) -> int:
        header = part[1:-1] if part.startswith("[") else part
        if "'" in header or "[" in header or "#" in header:
            raise Unsupported(f"a table column needing escapes: {part}")
        col = table.columns.get(header.casefold())
        if col is None:
            raise Unsupported(f"no table column {part}")
        return col

    def reference(self, text: str, sheet: str) -> Area:
        """``A1``, ``$A$1:$B$4``, ``Lists!$A$2:$A$6`` or ``'Two words'!B2``."""
        if "!" in text:
            sheet, text = text.rsplit("!", 1)
            if sheet.startswith("'"):
                sheet = sheet[1:-1].replace("''", "'")
        first, _, last = text.replace("$", "").partition(":")
        (top, left), (bottom, right) = _cell_ref(first), _cell_ref(last or first)
        return Area(sheet, min(top, bottom), min(left, right), max(top, bottom), max(left, right))

    def name(self, name: str, place: Place) -> Value:
        refers_to = self.names.get(name.casefold())
        if refers_to is None:
            if name.casefold() in ("true", "false"):
                return name.casefold() == "true"
            raise Unsupported(f"no defined name {name}")
        return compile_formula(refers_to)(self, place)


_CELL = re.compile(r"([A-Za-z]{1,3})(\d+)")


def _cell_ref(text: str) -> tuple[int, int]:
    found = _CELL.fullmatch(text)
    if found is None:
        raise Unsupported(f"not a cell reference: {text}")
    return int(found.group(2)), column_index_from_string(found.group(1).upper())


# --- values ------------------------------------------------------------------------


def scalar(book: Evaluator, value: Value, place: Place) -> Item:
    """One value from ``value``: a one-cell area's value, or a range's cell in the formula's row."""
    if isinstance(value, Area):
        if value.top == value.bottom and value.left == value.right:
            return book.cell(value.sheet, value.top, value.left)
        if value.left == value.right and value.top <= place.row <= value.bottom and value.sheet == place.sheet:
            return book.cell(value.sheet, place.row, value.left)  # implicit intersection
        return VALUE
    if isinstance(value, list):
        return value[0] if value else VALUE
    return value


def items(book: Evaluator, value: Value) -> list[Item]:
    """Every value in ``value`` (a range's cells in order), for functions over ranges."""
    if isinstance(value, Area):
        return book.area_items(value)
    if isinstance(value, list):
        return value  # an array: made of plain values by elementwise
    return [value]


def number(value: Item) -> Decimal | XlError:
    """``value`` as a number in arithmetic: blank 0, TRUE 1, numeric text its number, other text #VALUE!."""
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Decimal | XlError):
        return value
    if value is None:
        return Decimal(0)
    try:
        return Decimal(value.strip()) if value.strip() else VALUE
    except DecimalException:
        return VALUE


def _order(value: Item) -> tuple[int, Decimal | str | bool]:
    """How Excel orders mixed values: numbers, then text (ignoring case), then TRUE/FALSE."""
    if isinstance(value, bool):
        return 2, value
    if isinstance(value, str):
        return 1, value.casefold()
    return 0, value if isinstance(value, Decimal) else Decimal(0)


_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq, "<>": operator.ne, "<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge}


def compare(op: str, left: Item, right: Item) -> Item:
    test = _COMPARISONS[op]
    kind = type(left)
    if kind is type(right) and left is not None:  # alike: the common case
        return test(left.casefold(), right.casefold()) if kind is str else test(left, right)  # type: ignore[union-attr]
    if isinstance(left, XlError):
        return left
    if isinstance(right, XlError):
        return right
    if left is None:  # a blank compares as the other side's empty value
        left = "" if isinstance(right, str) else False if isinstance(right, bool) else Decimal(0)
    if right is None:
        right = "" if isinstance(left, str) else False if isinstance(left, bool) else Decimal(0)
    return test(_order(left), _order(right))


def arithmetic(op: str, left: Item, right: Item) -> Item:
    a, b = number(left), number(right)
    if isinstance(a, XlError):
        return a
    if isinstance(b, XlError):
        return b
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        return DIV0
    return a / b


def elementwise(book: Evaluator, op: Callable[[Item, Item], Item], left: Value, right: Value,
                place: Place) -> Value:
    """``op`` on two values; where one is a range of several cells, on each cell (an array, as SUMPRODUCT wants)."""
    if type(left) is not Area and type(left) is not list and type(right) is not Area and type(right) is not list:
        return op(left, right)  # type: ignore[arg-type]  # two plain values: the common case
    many_left = _is_many(left)
    many_right = _is_many(right)
    if not many_left and not many_right:
        return op(scalar(book, left, place), scalar(book, right, place))
    xs = items(book, left) if many_left else None
    ys = items(book, right) if many_right else None
    if xs is not None and ys is not None:
        if len(xs) != len(ys):
            return NA
        return [op(x, y) for x, y in zip(xs, ys, strict=True)]
    if xs is not None:
        y = scalar(book, right, place)
        return [op(x, y) for x in xs]
    x = scalar(book, left, place)
    return [op(x, y) for y in ys or []]


def _is_many(value: Value) -> bool:
    if isinstance(value, Area):
        return value.top != value.bottom or value.left != value.right
    return isinstance(value, list)


# --- functions ---------------------------------------------------------------------

Function = Callable[[Evaluator, Place, Sequence[Node]], Value]


def _numbers_in(book: Evaluator, place: Place, args: Sequence[Node]) -> list[Decimal] | XlError:
    """The numbers SUM, AVERAGE and MAX take: every number in ranges, direct arguments as numbers."""
    out: list[Decimal] = []
    for arg in args:
        value = arg(book, place)
        if isinstance(value, Area | list):
            for item in items(book, value):
                if isinstance(item, XlError):
                    return item
                if isinstance(item, Decimal):
                    out.append(item)
        else:
            converted = number(value)
            if isinstance(converted, XlError):
                return converted
            out.append(converted)
    return out


def fn_sum(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    found = _numbers_in(book, place, args)
    return found if isinstance(found, XlError) else sum(found, Decimal(0))


def fn_average(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    found = _numbers_in(book, place, args)
    if isinstance(found, XlError):
        return found
    return sum(found, Decimal(0)) / len(found) if found else DIV0


def fn_max(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    found = _numbers_in(book, place, args)
    if isinstance(found, XlError):
        return found
    return max(found) if found else Decimal(0)


def fn_min(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    found = _numbers_in(book, place, args)
    if isinstance(found, XlError):
        return found
    return min(found) if found else Decimal(0)


def fn_sumproduct(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    if len(args) != 1:
        raise Unsupported("SUMPRODUCT of several arrays")
    total = Decimal(0)
    for item in items(book, args[0](book, place)):
        if isinstance(item, XlError):
            return item
        if isinstance(item, Decimal):
            total += item
        elif isinstance(item, bool):  # an array of comparisons alone: TRUE counts 1
            total += int(item)
    return total


_CRITERION_OP = re.compile(r"^(<=|>=|<>|<|>|=)?(.*)$", re.DOTALL)


def _matcher(criterion: Item) -> Callable[[Item], bool]:
    """What SUMIFS and AVERAGEIFS match against ``criterion``: ``"<5"``, ``"Title*"``, a number, text."""
    if isinstance(criterion, XlError):
        raise Unsupported("an error as a criterion")
    if criterion is None or isinstance(criterion, Decimal | bool):
        wanted = Decimal(0) if criterion is None else criterion
        return lambda item: item is not None and compare("=", item, wanted) is True and not isinstance(item, str)
    found = _CRITERION_OP.match(criterion)
    assert found is not None  # the pattern matches any text
    op, operand = found.group(1) or "=", found.group(2)
    try:
        target: Item = Decimal(operand) if operand.strip() else None
    except DecimalException:
        target = operand
    if target is None:
        return (lambda item: item is None or item == "") if op == "=" else (lambda item: item not in (None, ""))
    if isinstance(target, Decimal):
        return lambda item: isinstance(item, Decimal) and compare(op, item, target) is True
    if op in ("=", "<>") and any(ch in operand for ch in "*?~"):
        pattern = re.compile(_wildcards(operand), re.IGNORECASE | re.DOTALL)
        def hit(item: Item) -> bool:
            return isinstance(item, str) and pattern.fullmatch(item) is not None
        return hit if op == "=" else (lambda item: not hit(item))
    folded = operand.casefold()
    if op == "=":  # the common case: a name, matched without regard to case
        return lambda item: type(item) is str and item.casefold() == folded
    if op == "<>":
        return lambda item: not (type(item) is str and item.casefold() == folded)
    return lambda item: isinstance(item, str) and compare(op, item, operand) is True


def _wildcards(text: str) -> str:
    out, escaped = [], False
    for ch in text:
        if escaped:
            out.append(re.escape(ch))
            escaped = False
        elif ch == "~":
            escaped = True
        else:
            out.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
    return "".join(out)


def _matching(book: Evaluator, place: Place, args: Sequence[Node]) -> list[Item] | XlError:
    """The values of the first range whose rows meet every (range, criterion) pair after it."""
    if len(args) < 3 or len(args) % 2 == 0:
        raise Unsupported("SUMIFS/AVERAGEIFS without range–criterion pairs")
    values = items(book, args[0](book, place))
    keep = [True] * len(values)
    for i in range(1, len(args), 2):
        tested = items(book, args[i](book, place))
        if len(tested) != len(values):
            return VALUE
        match = _matcher(scalar(book, args[i + 1](book, place), place))
        keep = [k and match(t) for k, t in zip(keep, tested, strict=True)]
    chosen = [v for v, k in zip(values, keep, strict=True) if k]
    return next((v for v in chosen if isinstance(v, XlError)), chosen)  # an error among them is the result


def fn_sumifs(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    chosen = _matching(book, place, args)
    if isinstance(chosen, XlError):
        return chosen
    return sum((v for v in chosen if isinstance(v, Decimal)), Decimal(0))


def fn_averageifs(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    chosen = _matching(book, place, args)
    if isinstance(chosen, XlError):
        return chosen
    numbers = [v for v in chosen if isinstance(v, Decimal)]
    return sum(numbers, Decimal(0)) / len(numbers) if numbers else DIV0


def _truth(value: Item) -> bool | XlError:
    if isinstance(value, bool | XlError):
        return value
    if value is None:
        return False
    if isinstance(value, Decimal):
        return value != 0
    return VALUE  # text is neither true nor false


def fn_if(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    test = _truth(scalar(book, args[0](book, place), place))
    if isinstance(test, XlError):
        return test
    if test:
        return args[1](book, place) if len(args) > 1 else True
    return args[2](book, place) if len(args) > 2 else False


def fn_and(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    result = True
    for arg in args:
        test = _truth(scalar(book, arg(book, place), place))
        if isinstance(test, XlError):
            return test
        result = result and test
    return result


def fn_iferror(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    value = scalar(book, args[0](book, place), place)
    return args[1](book, place) if isinstance(value, XlError) else value


def fn_isnumber(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    return isinstance(scalar(book, args[0](book, place), place), Decimal)


def _rounded(book: Evaluator, place: Place, args: Sequence[Node], mode: str) -> Value:
    value, digits = (number(scalar(book, arg(book, place), place)) for arg in args)
    if isinstance(value, XlError):
        return value
    if isinstance(digits, XlError):
        return digits
    places = int(digits)
    if value.is_zero() or value.adjusted() + places + 1 > PRECISION - 6:  # beyond the digits a double keeps anyway
        return value
    return value.quantize(Decimal(1).scaleb(-places), rounding=mode)


def fn_round(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    return _rounded(book, place, args, ROUND_HALF_UP)  # Excel rounds half away from zero


def fn_roundup(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    return _rounded(book, place, args, ROUND_UP)  # away from zero


def fn_lookup(book: Evaluator, place: Place, args: Sequence[Node]) -> Value:
    """LOOKUP(value, sorted keys, results): the result beside the last key not above ``value``."""
    wanted = scalar(book, args[0](book, place), place)
    if isinstance(wanted, XlError):
        return wanted
    keys, results = items(book, args[1](book, place)), items(book, args[2](book, place))
    found = None
    for index, key in enumerate(keys):
        if key is None or isinstance(key, XlError) or _order(key)[0] != _order(wanted)[0]:
            continue
        if compare("<=", key, wanted) is True:
            found = index
        else:
            break
    if found is None or found >= len(results):
        return NA
    return results[found]


FUNCTIONS: dict[str, Function] = {
    "SUM": fn_sum, "AVERAGE": fn_average, "MAX": fn_max, "MIN": fn_min, "SUMPRODUCT": fn_sumproduct,
    "SUMIFS": fn_sumifs, "AVERAGEIFS": fn_averageifs, "IF": fn_if, "AND": fn_and, "IFERROR": fn_iferror,
    "ISNUMBER": fn_isnumber,
    "ROUND": fn_round, "ROUNDUP": fn_roundup, "LOOKUP": fn_lookup,
}


# --- parsing -----------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<string>"(?:[^"]|"")*")
  | (?P<table>[A-Za-z_][\w.]*\[(?:[^\[\]]|\[[^\[\]]*\])*\])
  | (?P<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(]))
  | (?P<number>\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?)
  | (?P<function>[A-Za-z_][\w.]*(?=\())
  | (?P<name>[A-Za-z_][\w.]*)
  | (?P<op><>|<=|>=|[-+*/=<>&(),])
""", re.VERBOSE)

Token = tuple[str, str]


def _tokens(formula: str) -> list[Token]:
    out: list[Token] = []
    at = 0
    while at < len(formula):
        found = _TOKEN.match(formula, at)
        if found is None or found.lastgroup is None:
            raise Unsupported(f"cannot read {formula[at:at + 20]!r}")
        if found.lastgroup != "space":
            out.append((found.lastgroup, found.group()))
        at = found.end()
    return out


class _Parser:
    """Recursive descent over Excel's precedence: comparison, &, + -, * /, unary minus."""

    def __init__(self, formula: str) -> None:
        self.tokens = _tokens(formula)
        self.at = 0

    def peek(self) -> Token:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("end", "")

    def take(self, text: str | None = None) -> Token:
        token = self.peek()
        if text is not None and token[1] != text:
            raise Unsupported(f"expected {text!r}, found {token[1]!r}")
        self.at += 1
        return token

    def formula(self) -> Node:
        node = self.comparison()
        if self.peek()[0] != "end":
            raise Unsupported(f"unexpected {self.peek()[1]!r}")
        return node

    def comparison(self) -> Node:
        node = self.concatenation()
        while self.peek()[1] in ("=", "<>", "<", ">", "<=", ">="):
            op = self.take()[1]
            node = self._binary(node, self.concatenation(), _comparing(op))
        return node

    def concatenation(self) -> Node:
        node = self.additive()
        while self.peek()[1] == "&":
            self.take()
            node = self._binary(node, self.additive(), _concat)
        return node

    def additive(self) -> Node:
        node = self.multiplicative()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            node = self._binary(node, self.multiplicative(), _computing(op))
        return node

    def multiplicative(self) -> Node:
        node = self.unary()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            node = self._binary(node, self.unary(), _computing(op))
        return node

    def unary(self) -> Node:
        if self.peek()[1] in ("-", "+"):
            op = self.take()[1]
            operand = self.unary()
            return self._binary(lambda book, place: Decimal(0), operand, _computing(op))
        return self.primary()

    @staticmethod
    def _binary(left: Node, right: Node, op: Callable[[Item, Item], Item]) -> Node:
        return lambda book, place: elementwise(book, op, left(book, place), right(book, place), place)

    def primary(self) -> Node:
        kind, text = self.take()
        if kind == "number":
            constant = Decimal(text)
            return lambda book, place: constant
        if kind == "string":
            literal = text[1:-1].replace('""', '"')
            return lambda book, place: literal
        if kind == "ref":
            return lambda book, place: book.reference(text, place.sheet)
        if kind == "table":
            return lambda book, place: book.table_area(text, place)
        if kind == "name":
            return lambda book, place: book.name(text, place)
        if kind == "function":
            return self.call(text)
        if text == "(":
            node = self.comparison()
            self.take(")")
            return node
        raise Unsupported(f"unexpected {text!r}")

    def call(self, name: str) -> Node:
        function = FUNCTIONS.get(name.upper())
        if function is None:
            raise Unsupported(f"the function {name}")
        self.take("(")
        args: list[Node] = []
        if self.peek()[1] != ")":
            args.append(self.comparison())
            while self.peek()[1] == ",":
                self.take()
                args.append(self.comparison())
        self.take(")")
        return lambda book, place: function(book, place, args)


def _comparing(op: str) -> Callable[[Item, Item], Item]:
    def test(left: Item, right: Item) -> Item:
        return compare(op, left, right)
    return test


def _computing(op: str) -> Callable[[Item, Item], Item]:
    def compute(left: Item, right: Item) -> Item:
        return arithmetic(op, left, right)
    return compute


def _concat(left: Item, right: Item) -> Item:
    for value in (left, right):
        if isinstance(value, XlError):
            return value
    return _as_text(left) + _as_text(right)


def _as_text(value: Item) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Decimal):
        return shortest_number(value)
    return str(value)


@cache
def compile_formula(formula: str) -> Node:
    """``formula`` (without ``=``) as a function of where it is evaluated; parsed once per text."""
    return _Parser(formula).formula()


# --- the cached values -------------------------------------------------------------


def shortest_number(value: Decimal) -> str:
    """A number as a cached value: the shortest text that reads back as the same double."""
    as_float = float(value)
    text = repr(as_float)
    return text[:-2] if text.endswith(".0") else text


def cached(value: Item) -> Computed:
    """How a formula's value is stored beside it."""
    if isinstance(value, XlError):
        return Computed("e", value.code)
    if isinstance(value, bool):
        return Computed("b", "1" if value else "0")
    if isinstance(value, str):
        return Computed("str", stored_text(value))  # a literal _xHHHH_ escaped, as in text cells
    if value is None:
        return Computed("", "0")
    if not value.is_finite() or abs(value) > LARGEST_NUMBER:
        return Computed("e", NUM.code)
    return Computed("", shortest_number(value))


def _tables(workbook: Workbook) -> dict[str, TablePlace]:
    out: dict[str, TablePlace] = {}
    for sheet in workbook.worksheets:
        for table in sheet.tables.values():
            first, last = table.ref.split(":")
            (top, left), (bottom, _) = _cell_ref(first), _cell_ref(last)
            columns = {column.name.casefold(): left + i for i, column in enumerate(table.tableColumns)}
            out[table.displayName.casefold()] = TablePlace(sheet.title, top, bottom, columns)
    return out


def _names(workbook: Workbook) -> dict[str, str]:
    return {name.casefold(): defined.attr_text for name, defined in workbook.defined_names.items()}


def _formula_cells(grids: dict[str, CellGrid]) -> Iterator[tuple[str, CellGrid, tuple[int, int]]]:
    for title, grid in grids.items():
        for key in list(grid.formulas):
            yield title, grid, key


def compute_formulas(workbook: Workbook, grids: dict[str, CellGrid]) -> None:
    """Fill every grid's ``computed`` with the value of each of its formulas that can be worked out."""
    book = Evaluator(grids, _tables(workbook), _names(workbook))
    with localcontext(Context(prec=PRECISION)):
        for title, grid, (row, col) in _formula_cells(grids):
            try:
                grid.computed[row, col] = cached(book.cell(title, row, col))
            except (Unsupported, DecimalException, RecursionError):
                grid.computed.pop((row, col), None)
