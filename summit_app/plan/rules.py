"""The domain rules a plan always obeys: value types and ranges, vocabularies, links.

An edit that would break one is refused before anything is written; a JSON
document that breaks one is refused with the path of the bad field.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.fields import FieldSpec, Kind, specs
from summit_app.plan.fields import spec as field_spec
from summit_app.plan.records import ByFields, record

#: Money and hours are stored as integer hundredths in a signed 64-bit column.
MAX_DECIMAL = Decimal("10") ** 15
#: The largest whole number of a field without a limit of its own (a count): 2**53 - 1, which
#: every JSON reader and spreadsheet holds exactly, and the store's 64-bit column with room to spare.
MAX_WHOLE = 2**53 - 1


@record
class Problem(ByFields):
    """A broken rule: where (collection or singleton, item index, field) and why."""

    collection: str
    index: int | None
    field: str | None
    message: str


class PlanRuleError(ValueError):
    """An edit or a document breaks a domain rule; nothing was changed."""

    def __init__(self, problem: Problem, where: str = "") -> None:
        super().__init__(f"{where}: {problem.message}" if where else problem.message)
        self.problem = problem
        self.where = where


def _is_text(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _range_message(spec: FieldSpec, value: Any) -> str:
    if spec.high is not None:
        return f"must be a whole number from {spec.low} to {spec.high}"
    if isinstance(value, int) and value > MAX_WHOLE:
        return f"must be a whole number of at most {MAX_WHOLE}"
    return f"must be a whole number of {spec.low} or more"


def _int_ok(spec: FieldSpec, value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    low = spec.low if spec.low is not None else -math.inf
    high = spec.high if spec.high is not None else MAX_WHOLE
    return low <= value <= high


def _decimal_problem(value: Any) -> str | None:
    if not isinstance(value, Decimal) or not value.is_finite():
        return "must be a number"
    if value < 0:
        return "must not be negative"
    if value.as_tuple().exponent < -2 and value != value.quantize(Decimal("0.01")):  # type: ignore[operator]
        return "must have at most two decimal places"
    if value >= MAX_DECIMAL:
        return "is too large"
    return None


def _choice_problem(spec: FieldSpec, value: Any, content: Content) -> str | None:
    allowed = content.ids(spec.vocabulary or "")
    values = value if spec.kind is Kind.CHOICES else (value,)
    if spec.kind is Kind.CHOICES and not isinstance(value, tuple):
        return "must be a list"
    for v in values:
        if not isinstance(v, str) or (v not in allowed and not (v == "" and spec.kind is Kind.CHOICE)):
            return f"{v!r} is not one of the choices"
    if len(set(values)) != len(values):
        return "lists a choice twice"
    return None


#: The ids of each collection a link may point at, worked out once per check of a whole plan.
LinkTargets = dict[str, set[str]]


def _targets(plan: model.Plan, collection: str, known: LinkTargets | None) -> set[str]:
    if known is None:
        return {it.id for it in getattr(plan, collection)}
    if collection not in known:
        known[collection] = {it.id for it in getattr(plan, collection)}
    return known[collection]


def _link_problem(spec: FieldSpec, value: Any, plan: model.Plan, known: LinkTargets | None) -> str | None:
    values = value if spec.kind is Kind.LINKS else (value,)
    if spec.kind is Kind.LINKS and not isinstance(value, tuple):
        return "must be a list"
    targets = _targets(plan, spec.target or "", known)
    for v in values:
        if v is None and spec.kind is Kind.LINK:
            continue
        if not isinstance(v, str) or v not in targets:
            return f"points at {v!r}, which is not in the plan"
    if len(set(values)) != len(values):
        return "links the same item twice"
    return None


def value_problem(spec: FieldSpec, value: Any, content: Content, plan: model.Plan,
                  known: LinkTargets | None = None) -> str | None:
    """Why ``value`` cannot go in a field described by ``spec``, or ``None``.

    ``known`` keeps the link targets between calls on the same plan.
    """
    kind = spec.kind
    if kind is Kind.TEXT:
        return None if _is_text(value) else "must be text"
    if kind is Kind.INT:
        return None if _int_ok(spec, value) else _range_message(spec, value)
    if kind is Kind.OPT_INT:
        return None if value is None or _int_ok(spec, value) else _range_message(spec, value)
    if kind is Kind.DECIMAL:
        return _decimal_problem(value)
    if kind is Kind.DECIMALS:
        if not isinstance(value, tuple) or len(value) != spec.length:
            return f"must list {spec.length} amounts"
        return next((p for p in map(_decimal_problem, value) if p), None)
    if kind is Kind.BOOL:
        return None if isinstance(value, bool) else "must be true or false"
    if kind is Kind.DATE:
        ok = value is None or (isinstance(value, date) and not isinstance(value, datetime))
        return None if ok else "must be a date"
    if kind is Kind.DATETIME:
        ok = value is None or (isinstance(value, datetime) and value.tzinfo is not None)
        return None if ok else "must be a date and time with a time zone"
    if kind in (Kind.CHOICE, Kind.CHOICES):
        return _choice_problem(spec, value, content)
    return _link_problem(spec, value, plan, known)


def _fiscal_years(plan: model.Plan) -> list[int]:
    """The plan's fiscal years; none while the district's own settings for them break their rules."""
    district = plan.district
    settings = (field_spec(model.District, "first_fiscal_year"), field_spec(model.District, "plan_years"))
    return plan.fiscal_years() if all(_int_ok(s, getattr(district, s.name)) for s in settings) else []


def _record_rules(collection: str, record: Any, plan: model.Plan, content: Content) -> Iterable[tuple[str, str]]:
    """Rules that involve more than one field or the plan's own settings."""
    if collection == "budget":
        years = _fiscal_years(plan)
        if record.unit_cost * record.quantity >= MAX_DECIMAL:  # totals must stay exact to the cent
            yield "quantity", "unit cost × quantity must be under $1,000,000,000,000,000"
        elif not years:  # the district's years are out of range, and named there
            return
        elif record.first_year not in years:
            yield "first_year", f"FY{record.first_year} is outside the plan's years ({years[0]}–{years[-1]})"
        elif record.recurring and record.last_year not in years:
            yield "last_year", f"FY{record.last_year} is outside the plan's years ({years[0]}–{years[-1]})"
        elif record.recurring and record.last_year < record.first_year:
            yield "last_year", "the last year comes before the first year"
    elif collection == "learning":
        if record.start_date and record.end_date and record.end_date < record.start_date:
            yield "end_date", "the activity ends before it starts"
    elif collection == "readiness" and content.element(record.id) is None:
        # A retired element (rated under an earlier version) stays allowed: its rating is kept.
        yield "id", f"{record.id!r} is not a framework element"
    elif collection == "practices" and record.id not in content.ids("practices"):
        yield "id", f"{record.id!r} is not a privacy practice"


def record_problems(
    collection: str, index: int | None, record: Any, plan: model.Plan, content: Content,
    known: LinkTargets | None = None,
) -> list[Problem]:
    """Everything wrong with one record as it stands in ``plan`` (``known``: see ``value_problem``)."""
    problems = []
    if index is not None and not (isinstance(record.id, str) and record.id and _is_text(record.id)):
        problems.append(Problem(collection, index, "id", "must be a non-empty id"))
    for spec in specs(type(record)):
        message = value_problem(spec, getattr(record, spec.name), content, plan, known)
        if message:
            problems.append(Problem(collection, index, spec.name, f"{spec.label} {message}"))
    if not problems:
        problems += [Problem(collection, index, f, m) for f, m in _record_rules(collection, record, plan, content)]
    return problems


def reference_problems(plan: model.Plan, collection: str, item_id: str) -> list[Problem]:
    """Items of ``plan`` that still point at ``collection``'s item ``item_id``."""
    found = []
    for name, record_type in model.COLLECTIONS.items():
        link_specs = [s for s in specs(record_type) if s.target == collection]
        for index, item in enumerate(getattr(plan, name) if link_specs else ()):
            for s in link_specs:
                value = getattr(item, s.name)
                if value == item_id or (isinstance(value, tuple) and item_id in value):
                    found.append(Problem(name, index, s.name, f"{s.label} still points at the removed item"))
    return found


def duplicate_problems(plan: model.Plan, collection: str) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for index, item in enumerate(getattr(plan, collection)):
        if item.id in seen:
            out.append(Problem(collection, index, "id", f"the id {item.id!r} is used twice"))
        seen.add(item.id)
    if collection == "member_ratings":
        pairs: set[tuple[str, str | None]] = set()
        for index, item in enumerate(plan.member_ratings):
            if (item.element_id, item.member_id) in pairs:
                out.append(Problem(collection, index, "member_id", "this member already rated this element"))
            pairs.add((item.element_id, item.member_id))
    return out


def plan_problems(plan: model.Plan, content: Content) -> list[Problem]:
    """Everything wrong with a whole plan (used on import; edits check less)."""
    problems = []
    known: LinkTargets = {}
    for name in model.SINGLETONS:
        problems += record_problems(name, None, getattr(plan, name), plan, content, known)
    for name in model.COLLECTIONS:
        problems += duplicate_problems(plan, name)
        for index, item in enumerate(getattr(plan, name)):
            problems += record_problems(name, index, item, plan, content, known)
    return problems
