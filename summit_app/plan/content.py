"""Framework content and vocabularies, read from ``resources/content``.

Everything a pane offers as a choice (roles, cost categories, data categories,
framework elements…) and all guidance text is data, not code. Ids are what a
plan stores; names are what people read.
"""

from __future__ import annotations

import json
from dataclasses import field
from functools import cache, cached_property
from typing import Any

from summit_app.plan.records import ByFields, record
from summit_app.resources import read_text


@record
class Entry(ByFields):
    """One entry of a vocabulary: a stable id, a display name, extra attributes."""

    id: str
    name: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)


@record
class Element(ByFields):
    """One element of a Future Ready gear, rated on the readiness scale."""

    id: str
    name: str
    gear_id: str
    own: bool  # named by this app rather than by the framework


@record
class Gear(ByFields):
    """A Future Ready gear, its elements and a next step for each level."""

    id: str
    name: str
    elements: tuple[Element, ...]
    next_steps: dict[str, str] = field(compare=False, hash=False)


@record
class Level(ByFields):
    """A band of the readiness scale (its name, its scores, the next step it suggests)."""

    id: str
    name: str
    low: int
    high: int
    next_step: str


@record
class PracticeArea(ByFields):
    """An area of student-data privacy practice and its practices."""

    id: str
    name: str
    practices: tuple[Entry, ...]


@record
class Guidance(ByFields):
    """A pane's guidance strip: why it matters, what good looks like, the question for the table."""

    pane: str
    title: str
    why: str
    good: str
    prompt: str
    minutes: int


@record
class Content(ByFields):
    """The framework content and vocabularies the app ships (loaded once from resources)."""

    gears: tuple[Gear, ...]
    levels: tuple[Level, ...]
    iste_conditions_2009: tuple[Entry, ...]
    iste_leader_standards: tuple[Entry, ...]
    practice_areas: tuple[PracticeArea, ...]
    practice_levels: tuple[Entry, ...]
    vocabularies: dict[str, tuple[Entry, ...]]
    guidance: dict[str, Guidance]

    def vocabulary(self, name: str) -> tuple[Entry, ...]:
        return self.vocabularies[name]

    @cached_property
    def _id_sets(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(e.id for e in entries) for name, entries in self.vocabularies.items()}

    def ids(self, vocabulary: str) -> frozenset[str]:
        return self._id_sets[vocabulary]

    def name_of(self, vocabulary: str, entry_id: str) -> str:
        for entry in self.vocabularies[vocabulary]:
            if entry.id == entry_id:
                return entry.name
        return entry_id

    def elements(self) -> tuple[Element, ...]:
        return tuple(e for g in self.gears for e in g.elements)

    def gear(self, gear_id: str) -> Gear:
        return next(g for g in self.gears if g.id == gear_id)

    def level_for(self, score: int) -> Level:
        return next(lv for lv in self.levels if lv.low <= score <= lv.high)


def _entries(raw: list[dict[str, Any]]) -> tuple[Entry, ...]:
    return tuple(
        Entry(r["id"], r["name"], {k: v for k, v in r.items() if k not in ("id", "name")})
        for r in raw
    )


def _gear(raw: dict[str, Any]) -> Gear:
    elements = tuple(
        Element(e["id"], e["name"], raw["id"], bool(e.get("own", False))) for e in raw["elements"]
    )
    return Gear(raw["id"], raw["name"], elements, dict(raw.get("next_steps", {})))


def _guidance(pane: str, raw: dict[str, Any]) -> Guidance:
    return Guidance(pane, raw["title"], raw["why"], raw["good"], raw["prompt"], int(raw["minutes"]))


def parse_content(frameworks: dict[str, Any], vocab: dict[str, Any], guide: dict[str, Any]) -> Content:
    fr = frameworks["future_ready"]
    gears = tuple(_gear(g) for g in fr["gears"])
    areas = tuple(
        PracticeArea(a["id"], a["name"], _entries(a["practices"])) for a in frameworks["privacy_areas"]
    )
    vocabularies = {name: _entries(entries) for name, entries in vocab.items()}
    vocabularies["gears"] = tuple(Entry(g.id, g.name) for g in gears)
    vocabularies["elements"] = tuple(Entry(e.id, e.name, {"gear": e.gear_id}) for g in gears for e in g.elements)
    vocabularies["practices"] = tuple(p for a in areas for p in a.practices)
    vocabularies["iste_conditions"] = _entries(frameworks["iste_conditions"])
    vocabularies["erate_elements"] = _entries(frameworks["erate_elements"])
    return Content(
        gears=gears,
        levels=tuple(Level(lv["id"], lv["name"], lv["low"], lv["high"], lv["next_step"]) for lv in fr["levels"]),
        iste_conditions_2009=_entries(frameworks["iste_conditions_2009"]),
        iste_leader_standards=_entries(frameworks["iste_leader_standards"]),
        practice_areas=areas,
        practice_levels=_entries(frameworks["practice_levels"]),
        vocabularies=vocabularies,
        guidance={pane: _guidance(pane, raw) for pane, raw in guide["panes"].items()},
    )


@cache
def load_content() -> Content:
    """The shipped content; read once per process (it never changes while running)."""
    return parse_content(
        json.loads(read_text("content", "frameworks.json")),
        json.loads(read_text("content", "vocabularies.json")),
        json.loads(read_text("content", "guidance.json")),
    )
