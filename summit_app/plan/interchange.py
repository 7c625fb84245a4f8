"""The JSON interchange format: the whole plan as one versioned document.

Layout (see docs/plan-format.md): each pane is a section; a singleton's fields
sit directly in its section, a collection is a list under its key, e.g.
``budget.lines[3].unit_cost``. The same layout gives the fingerprint.
"""

from __future__ import annotations

import json
from typing import Any

from summit_app.plan import model
from summit_app.plan.codec import (
    AMOUNT_PATTERN,
    DATE_PATTERN,
    MOMENT_PATTERN,
    DecodeError,
    member_path,
    record_from_json,
    record_to_json,
    shown,
)
from summit_app.plan.content import Content
from summit_app.plan.fields import FieldSpec, Kind, specs
from summit_app.plan.rules import MAX_WHOLE, Problem, plan_problems

FORMAT_NAME = "summit-planner-plan"
FORMAT_VERSION = 3
#: The oldest version this app reads.
OLDEST_VERSION = 1

#: What each version added, by record type (fields) and by collection: a document of
#: an older version lacks them and they take their defaults; the fingerprint leaves
#: them out while they hold those defaults, so a plan signed before they existed
#: stays signed.
ADDED_FIELDS: dict[int, dict[type, frozenset[str]]] = {
    2: {
        model.District: frozenset({"erate_discount_percent"}),
        model.Network: frozenset({"cipa_in_place"}),
        model.LearningActivity: frozenset({"purpose"}),
        model.BudgetLine: frozenset({"device_type", "device_users", "replaces_devices", "delivery_date",
                                     "erate_category", "match_source_id"}),
        model.Milestone: frozenset({"kind"}),
    },
    3: {
        model.District: frozenset({"low_income_percent", "peer_matching"}),
        model.AppEntry: frozenset({"accessibility_report"}),
        model.BudgetLine: frozenset({"pilot", "accessibility_report"}),
    },
}
ADDED_COLLECTIONS: dict[int, frozenset[str]] = {
    2: frozenset({"upgrades", "acceptances"}),
    3: frozenset({"peers", "lighthouses", "communications"}),
}
#: Whole sections a version added: an older document has none of them (their records take
#: their defaults, their lists are empty), and the fingerprint leaves them out while so.
ADDED_SECTIONS: dict[int, frozenset[str]] = {3: frozenset({"equity", "community"})}

#: Where each singleton's fields live in the document.
SINGLETON_PATHS: dict[str, str] = {
    "district": "district",
    "vision": "vision",
    "network": "infrastructure",
    "equity": "equity",
    "approval": "approval",
    "signature": "signature",
}

#: Where each collection lives: (section, key).
COLLECTION_PATHS: dict[str, tuple[str, str]] = {
    "members": ("team", "members"),
    "readiness": ("readiness", "ratings"),
    "member_ratings": ("readiness", "member_ratings"),
    "goals": ("vision", "goals"),
    "actions": ("vision", "actions"),
    "learning": ("learning", "activities"),
    "apps": ("privacy", "apps"),
    "practices": ("privacy", "practices"),
    "devices": ("infrastructure", "devices"),
    "funding": ("budget", "funding_sources"),
    "budget": ("budget", "lines"),
    "milestones": ("timeline", "milestones"),
    "upgrades": ("infrastructure", "upgrades"),
    "acceptances": ("approval", "accepted_findings"),
    "peers": ("community", "peers"),
    "lighthouses": ("community", "lighthouses"),
    "communications": ("community", "communications"),
}

SECTIONS = ("district", "team", "readiness", "vision", "learning", "privacy",
            "infrastructure", "equity", "budget", "timeline", "community", "approval", "signature")


def json_path(collection: str, index: int | None, field: str | None) -> str:
    """The document path of a field, e.g. ``budget.lines[3].unit_cost``."""
    if collection in SINGLETON_PATHS:
        base = SINGLETON_PATHS[collection]
    else:
        section, key = COLLECTION_PATHS[collection]
        base = f"{section}.{key}" if index is None else f"{section}.{key}[{index}]"
    return f"{base}.{field}" if field else base


def problem_path(problem: Problem) -> str:
    return json_path(problem.collection, problem.index, problem.field)


def _added_since(version: int) -> tuple[dict[type, frozenset[str]], frozenset[str]]:
    """The fields (by record type) and collections added after ``version``."""
    fields: dict[type, set[str]] = {}
    collections: set[str] = set()
    for added in range(version + 1, FORMAT_VERSION + 1):
        for record_type, names in ADDED_FIELDS.get(added, {}).items():
            fields.setdefault(record_type, set()).update(names)
        collections |= ADDED_COLLECTIONS.get(added, frozenset())
    return {t: frozenset(n) for t, n in fields.items()}, frozenset(collections)


def _sections_added_since(version: int) -> frozenset[str]:
    return frozenset().union(*(ADDED_SECTIONS.get(v, frozenset()) for v in range(version + 1, FORMAT_VERSION + 1)))


_DEFAULTS: dict[tuple[type, str], Any] = {}


def _default_json(record_type: type, name: str) -> Any:
    key = (record_type, name)
    if key not in _DEFAULTS:
        s = next(s for s in specs(record_type) if s.name == name)
        _DEFAULTS[key] = record_to_json(record_type(**({"id": "x"} if record_type in model.COLLECTIONS.values()
                                                      else {})))[s.name]
    return _DEFAULTS[key]


def _without_later_defaults(record_type: type, raw: dict[str, Any]) -> dict[str, Any]:
    """``raw`` without the fields added after format 1 that hold their defaults (for the fingerprint)."""
    later = _added_since(OLDEST_VERSION)[0].get(record_type)
    if not later:
        return raw
    return {k: v for k, v in raw.items() if k not in later or v != _default_json(record_type, k)}


def plan_to_json(plan: model.Plan, *, content_only: bool = False) -> dict[str, Any]:
    """The document; ``content_only`` gives what the fingerprint covers.

    The fingerprint's form leaves out the signature, and the fields and lists added
    by later format versions while they hold their defaults (or are empty), so a
    plan signed by an older app is still signed after the upgrade.
    """
    doc: dict[str, Any] = {} if content_only else {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    for section in SECTIONS:
        doc[section] = {}
    later_sections = _sections_added_since(OLDEST_VERSION)
    for name, path in SINGLETON_PATHS.items():
        record = getattr(plan, name)
        if content_only and path in later_sections and record == model.SINGLETONS[name]():
            continue
        raw = record_to_json(record)
        doc[path].update(_without_later_defaults(model.SINGLETONS[name], raw) if content_only else raw)
    later_collections = _added_since(OLDEST_VERSION)[1]
    for name, (section, key) in COLLECTION_PATHS.items():
        items = getattr(plan, name)
        if content_only and name in later_collections and not items:
            continue
        record_type = model.COLLECTIONS[name]
        doc[section][key] = [_without_later_defaults(record_type, record_to_json(item)) if content_only
                             else record_to_json(item) for item in items]
    if content_only:
        for name in model.NOT_CONTENT:
            del doc[SINGLETON_PATHS[name]]
        for section in later_sections:
            if not doc[section]:
                del doc[section]
    return doc


def _section(doc: dict[str, Any], section: str) -> dict[str, Any]:
    raw = doc[section]
    if not isinstance(raw, dict):
        raise DecodeError(section, "must be an object")
    return raw


def _collection_keys(section: str) -> set[str]:
    return {key for s, key in COLLECTION_PATHS.values() if s == section}


def _section_keys(section: str) -> list[str]:
    """The keys of a section in the format's order: its own fields, then its lists."""
    keys = [s.name for name, path in SINGLETON_PATHS.items() if path == section
            for s in specs(model.SINGLETONS[name])]
    return keys + [key for s, key in COLLECTION_PATHS.values() if s == section]


def _check_keys(doc: dict[str, Any], version: int) -> None:
    """Every section and every key of a section is there, and nothing else (lists added after
    ``version`` may be missing)."""
    for key in doc:
        if key not in SECTIONS and key not in ("format", "format_version"):
            raise DecodeError(member_path("", key), "is not a section of a plan")
    later_sections = _sections_added_since(version)
    for section in SECTIONS:
        if section in later_sections:
            if section in doc:
                raise _not_of_version(section, version, _version_that_added_section(section))
            continue
        if section not in doc:
            raise DecodeError(section, "is missing; a document lists every section")
        raw = _section(doc, section)
        allowed = _section_keys(section)
        for key in raw:
            if key not in allowed:
                raise DecodeError(member_path(section, key), "is not a field of this part of the plan")
        later = {COLLECTION_PATHS[name][1] for name in _added_since(version)[1]}
        for key in _collection_keys(section):
            if key not in raw and key not in later:
                raise DecodeError(f"{section}.{key}", "is missing; a document lists every list, if empty as []")


def _check_header(doc: Any) -> int:
    if not isinstance(doc, dict):
        raise DecodeError("(document)", "must be a JSON object")
    if doc.get("format") != FORMAT_NAME:
        raise DecodeError("format", f"must be {FORMAT_NAME!r}: this is not a Summit Planner plan document")
    if "format_version" not in doc:
        raise DecodeError("format_version", "is missing")
    version = doc["format_version"]
    if type(version) is not int:
        raise DecodeError("format_version", f"must be a whole number, not {shown(version)}")
    if version > FORMAT_VERSION:
        raise DecodeError("format_version",
                          f"{version} is newer than this app reads ({FORMAT_VERSION}); update the app")
    if version < OLDEST_VERSION:
        raise DecodeError("format_version",
                          f"{version} is not a version this app reads ({OLDEST_VERSION} to {FORMAT_VERSION})")
    return version


def _version_that_added(name: str, record_type: type | None = None) -> int:
    """The format version that added the field ``name`` of ``record_type`` (or the list ``name``)."""
    return next(v for v in sorted(ADDED_FIELDS.keys() | ADDED_COLLECTIONS.keys())
                if (name in ADDED_FIELDS.get(v, {}).get(record_type, frozenset()) if record_type
                    else name in ADDED_COLLECTIONS.get(v, frozenset())))


def _version_that_added_section(section: str) -> int:
    return next(v for v, sections in sorted(ADDED_SECTIONS.items()) if section in sections)


def _not_of_version(path: str, version: int, added_in: int) -> DecodeError:
    return DecodeError(path, f"is not part of format version {version}: it came in version {added_in}, "
                             "whose documents list every field")


def _refuse_later_fields(raw: Any, record_type: type, later: frozenset[str], path: str, version: int) -> None:
    """A document of an older ``version`` holds no field a later version added: it would not be that version."""
    key = next((k for k in raw if k in later), None) if isinstance(raw, dict) else None
    if key is not None:
        raise _not_of_version(member_path(path, key), version, _version_that_added(key, record_type))


def plan_from_json(doc: Any, content: Content) -> model.Plan:
    """A plan from a document; ``DecodeError`` naming the first bad field by path.

    A document of an older format version reads with the fields and lists it
    lacks at their defaults; it may not hold them (it would not be that version).
    """
    version = _check_header(doc)
    _check_keys(doc, version)
    later_fields, later_collections = _added_since(version)
    later_sections = _sections_added_since(version)
    values: dict[str, Any] = {}
    for name, path in SINGLETON_PATHS.items():
        if path in later_sections:
            continue
        lists = _collection_keys(path)
        raw = {k: v for k, v in _section(doc, path).items() if k not in lists}
        record_type = model.SINGLETONS[name]
        later = later_fields.get(record_type, frozenset())
        _refuse_later_fields(raw, record_type, later, path, version)
        values[name] = record_from_json(record_type, raw, path, optional=later)
    for name, (section, key) in COLLECTION_PATHS.items():
        if name in later_collections:
            if section not in later_sections and key in _section(doc, section):
                raise _not_of_version(f"{section}.{key}", version, _version_that_added(name))
            continue
        raw_list = _section(doc, section)[key]
        if not isinstance(raw_list, list):
            raise DecodeError(f"{section}.{key}", "must be a list")
        record_type = model.COLLECTIONS[name]
        later = later_fields.get(record_type, frozenset())
        for i, raw in enumerate(raw_list):
            _refuse_later_fields(raw, record_type, later, f"{section}.{key}[{i}]", version)
        values[name] = tuple(
            record_from_json(record_type, raw, f"{section}.{key}[{i}]", optional=later)
            for i, raw in enumerate(raw_list)
        )
    plan = model.Plan(**values)
    problems = plan_problems(plan, content)
    if problems:
        raise DecodeError(problem_path(problems[0]), problems[0].message)
    return plan


def canonical_json(doc: Any) -> str:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fingerprint(plan: model.Plan) -> str:
    """SHA-256 of the plan's canonical JSON, content only (no signature, no format header)."""
    import hashlib  # here: loading OpenSSL is a few milliseconds of an app start that reads no fingerprint

    return hashlib.sha256(canonical_json(plan_to_json(plan, content_only=True)).encode("utf-8")).hexdigest()


def dumps(plan: model.Plan) -> str:
    """The document as people read it: indented, keys in the format's order."""
    return json.dumps(plan_to_json(plan), indent=2, ensure_ascii=False) + "\n"


# --- JSON Schema ----------------------------------------------------------------------

_DECIMAL = {"type": "string", "pattern": AMOUNT_PATTERN}


def _whole_schema(s: FieldSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"type": ["integer", "null"] if s.kind is Kind.OPT_INT else "integer"}
    if s.low is not None:
        out["minimum"] = s.low
    out["maximum"] = s.high if s.high is not None else MAX_WHOLE
    return out


def _field_schema(s: FieldSpec, content: Content) -> dict[str, Any]:
    kind = s.kind
    out: dict[str, Any]
    if kind is Kind.TEXT:
        out = {"type": "string"}
    elif kind in (Kind.INT, Kind.OPT_INT):
        out = _whole_schema(s)
    elif kind is Kind.DECIMAL:
        out = dict(_DECIMAL)
    elif kind is Kind.DECIMALS:
        out = {"type": "array", "items": _DECIMAL, "minItems": s.length, "maxItems": s.length}
    elif kind is Kind.BOOL:
        out = {"type": "boolean"}
    elif kind is Kind.DATE:
        out = {"type": ["string", "null"], "format": "date", "pattern": DATE_PATTERN}
    elif kind is Kind.DATETIME:
        out = {"type": ["string", "null"], "format": "date-time", "pattern": MOMENT_PATTERN}
    elif kind is Kind.CHOICE:
        out = {"type": "string", "enum": ["", *sorted(content.ids(s.vocabulary or ""))]}
    elif kind is Kind.CHOICES:
        out = {"type": "array", "uniqueItems": True,
               "items": {"type": "string", "enum": sorted(content.ids(s.vocabulary or ""))}}
    elif kind is Kind.LINK:
        out = {"type": ["string", "null"], "description": f"id of an item of {s.target}"}
    else:
        out = {"type": "array", "uniqueItems": True, "items": {"type": "string"}}
    out["title"] = s.label
    return out


def _record_schema(record_type: type, content: Content, with_id: bool) -> dict[str, Any]:
    props = {s.name: _field_schema(s, content) for s in specs(record_type)}
    if with_id:
        props = {"id": {"type": "string", "minLength": 1}, **props}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def json_schema(content: Content) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the interchange format: every key required, every value
    in the one spelling the app writes (what a schema can tell apart: not ``1.0`` from ``1``, nor a
    repeated key, which ``json_text`` refuses)."""
    sections: dict[str, Any] = {s: {"type": "object", "properties": {}, "additionalProperties": False}
                                for s in SECTIONS}
    for name, path in SINGLETON_PATHS.items():
        sections[path]["properties"].update(_record_schema(model.SINGLETONS[name], content, False)["properties"])
    for name, (section, key) in COLLECTION_PATHS.items():
        sections[section]["properties"][key] = {
            "type": "array", "items": _record_schema(model.COLLECTIONS[name], content, True)}
    for section in sections.values():
        section["required"] = list(section["properties"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Summit Planner plan",
        "type": "object",
        "required": ["format", "format_version", *SECTIONS],
        "properties": {
            "format": {"const": FORMAT_NAME},
            "format_version": {"type": "integer", "const": FORMAT_VERSION},
            **sections,
        },
        "additionalProperties": False,
    }
