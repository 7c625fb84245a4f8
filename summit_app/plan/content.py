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
    """One element of a Future Ready gear, rated on the readiness scale.

    Names are the framework's own, verbatim. An element whose id a plan may
    still hold but that the framework no longer has is ``retired``: its rating
    stays in the plan, shown read-only as rated under an earlier version.
    ``formerly`` is the name an earlier version of the app used for the same
    element (same id, same meaning), so a rating given then is this element's.
    """

    id: str
    name: str
    gear_id: str
    retired: bool = False
    formerly: str = ""
    #: One sentence, in the app's words, on what the element is about.
    description: str = ""
    #: Level id → what the element typically looks like at that level (one concrete sentence each).
    anchors: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    #: A possible next step for this element, whatever its score.
    next_step: str = ""

    def anchor(self, level_id: str) -> str:
        return self.anchors.get(level_id, "")


@record
class Gear(ByFields):
    """A Future Ready gear and its elements (and the retired elements it once had).

    Collaborative Leadership is listed with the gears because it is rated the
    same way, but it is the ring around them (``across_gears``), not an eighth gear.
    """

    id: str
    name: str
    elements: tuple[Element, ...]
    retired: tuple[Element, ...] = ()
    across_gears: bool = False

    @property
    def label(self) -> str:
        """The name as listed among the gears: Collaborative Leadership says it spans them."""
        return f"{self.name} (across the gears)" if self.across_gears else self.name


@record
class Level(ByFields):
    """A band of the readiness scale: its name and its scores."""

    id: str
    name: str
    low: int
    high: int


@record
class PracticeArea(ByFields):
    """An area of student-data privacy practice and its practices."""

    id: str
    name: str
    practices: tuple[Entry, ...]


@record
class Guidance(ByFields):
    """A pane's guidance strip: why it matters, what good looks like, the question for the table,
    the mistake tables most often make there, and the ISTE leader standard the step exercises (if any)."""

    pane: str
    title: str
    why: str
    good: str
    prompt: str
    minutes: int
    mistake: str = ""
    standard: Entry | None = None


@record
class Content(ByFields):
    """The framework content and vocabularies the app ships (loaded once from resources)."""

    gears: tuple[Gear, ...]
    levels: tuple[Level, ...]
    iste_leader_standards: tuple[Entry, ...]
    practice_areas: tuple[PracticeArea, ...]
    practice_levels: tuple[Entry, ...]
    vocabularies: dict[str, tuple[Entry, ...]]
    guidance: dict[str, Guidance]
    #: Programme figures the checks and cost sums read (``erate_program``, ``total_cost``), as the content states them.
    figures: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, hash=False)

    def figure(self, section: str, key: str) -> Any:
        """One programme figure, e.g. ``figure("total_cost", "default_refresh_cycle_years")``."""
        return self.figures[section][key]

    def vocabulary(self, name: str) -> tuple[Entry, ...]:
        return self.vocabularies[name]

    @cached_property
    def _id_sets(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(e.id for e in entries) for name, entries in self.vocabularies.items()}

    def ids(self, vocabulary: str) -> frozenset[str]:
        return self._id_sets[vocabulary]

    @cached_property
    def _entries_by_id(self) -> dict[str, dict[str, Entry]]:
        """Each vocabulary's entries by id (the checks look entries up for every budget line, on every edit)."""
        return {name: {e.id: e for e in reversed(entries)} for name, entries in self.vocabularies.items()}

    def entry(self, vocabulary: str, entry_id: str) -> Entry | None:
        """The entry ``entry_id`` of ``vocabulary`` (the first, were an id listed twice), or None."""
        return self._entries_by_id[vocabulary].get(entry_id)

    def name_of(self, vocabulary: str, entry_id: str) -> str:
        entry = self.entry(vocabulary, entry_id)
        return entry.name if entry is not None else entry_id

    def elements(self) -> tuple[Element, ...]:
        """The framework's current elements, in framework order (what a team rates)."""
        return tuple(e for g in self.gears for e in g.elements)

    def retired_elements(self) -> tuple[Element, ...]:
        """Elements of an earlier version that plans may still hold ratings for."""
        return tuple(e for g in self.gears for e in g.retired)

    @cached_property
    def _elements_by_id(self) -> dict[str, Element]:
        return {e.id: e for e in (*self.elements(), *self.retired_elements())}

    def element(self, element_id: str) -> Element | None:
        """The current or retired element with ``element_id``, or None if the content never had it."""
        return self._elements_by_id.get(element_id)

    def current_element_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.elements())

    def gear(self, gear_id: str) -> Gear:
        return next(g for g in self.gears if g.id == gear_id)

    def level_for(self, score: int) -> Level:
        return next(lv for lv in self.levels if lv.low <= score <= lv.high)


def _entries(raw: list[dict[str, Any]]) -> tuple[Entry, ...]:
    return tuple(
        Entry(r["id"], r["name"], {k: v for k, v in r.items() if k not in ("id", "name")})
        for r in raw
    )


def _element(raw: dict[str, Any], gear_id: str, *, retired: bool) -> Element:
    return Element(raw["id"], raw["name"], gear_id, retired, str(raw.get("formerly", "")),
                   str(raw.get("description", "")), dict(raw.get("anchors", {})), str(raw.get("next_step", "")))


def _gear(raw: dict[str, Any]) -> Gear:
    elements = tuple(_element(e, raw["id"], retired=False) for e in raw["elements"])
    retired = tuple(_element(e, raw["id"], retired=True) for e in raw.get("retired", ()))
    return Gear(raw["id"], raw["name"], elements, retired, bool(raw.get("across_gears", False)))


def _guidance(pane: str, raw: dict[str, Any], standards: tuple[Entry, ...]) -> Guidance:
    standard = next((s for s in standards if s.id == raw.get("standard")), None)
    if raw.get("standard") and standard is None:
        raise ValueError(f"guidance for {pane!r} names an unknown ISTE leader standard {raw['standard']!r}")
    return Guidance(pane, raw["title"], raw["why"], raw["good"], raw["prompt"], int(raw["minutes"]),
                    str(raw.get("mistake", "")), standard)


#: Sections of frameworks.json holding programme figures rather than framework text.
FIGURE_SECTIONS = ("erate_program", "total_cost")


def parse_content(frameworks: dict[str, Any], vocab: dict[str, Any], guide: dict[str, Any]) -> Content:
    fr = frameworks["future_ready"]
    gears = tuple(_gear(g) for g in fr["gears"])
    areas = tuple(
        PracticeArea(a["id"], a["name"], _entries(a["practices"])) for a in frameworks["privacy_areas"]
    )
    vocabularies = {name: _entries(entries) for name, entries in vocab.items()}
    vocabularies["gears"] = tuple(Entry(g.id, g.name, {"across_gears": g.across_gears}) for g in gears)
    # Retired elements stay known ids (flagged), so ratings a plan holds on them stay valid.
    vocabularies["elements"] = tuple(
        Entry(e.id, e.name, {"gear": e.gear_id, "retired": e.retired})
        for g in gears for e in (*g.elements, *g.retired))
    vocabularies["practices"] = tuple(p for a in areas for p in a.practices)
    vocabularies["iste_conditions"] = _entries(frameworks["iste_conditions"])
    vocabularies["erate_elements"] = _entries(frameworks["erate_elements"])
    standards = _entries(frameworks["iste_leader_standards"])
    return Content(
        gears=gears,
        levels=tuple(Level(lv["id"], lv["name"], lv["low"], lv["high"]) for lv in fr["levels"]),
        iste_leader_standards=standards,
        practice_areas=areas,
        practice_levels=_entries(frameworks["practice_levels"]),
        vocabularies=vocabularies,
        guidance={pane: _guidance(pane, raw, standards) for pane, raw in guide["panes"].items()},
        figures={name: dict(frameworks[name]) for name in FIGURE_SECTIONS},
    )


@cache
def load_content() -> Content:
    """The shipped content; read once per process (it never changes while running)."""
    return parse_content(
        json.loads(read_text("content", "frameworks.json")),
        json.loads(read_text("content", "vocabularies.json")),
        json.loads(read_text("content", "guidance.json")),
    )
