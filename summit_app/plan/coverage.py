"""Framework coverage: which Future Ready gears (and Collaborative Leadership,
across them), ISTE Essential Conditions and items of the historical E-Rate
technology-plan checklist the plan addresses, and with what.

An entry is addressed by a goal aligned with it, and by every learning
activity and budget line that serves such a goal. Some items address an
entry by their nature, whatever goal they serve: professional learning
prepares educators; devices and network give access; support staff are
technical support. Having budget lines does not by itself address the
checklist's budget item: a goal aligned with it (a budget that is planned,
not merely present) does. The Review pane, ``summit-app check`` and the PDF
read the same result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, NamedTuple

from summit_app.plan import model
from summit_app.plan.content import Content, Entry

#: The E-Rate plan elements are a checklist from when E-Rate required a technology plan (until 2015).
ERATE_CHECKLIST = "E-Rate technology-plan checklist (historical, pre-2015)"

#: The frameworks covered: (vocabulary, name people read). Goals store ids of these vocabularies.
FRAMEWORKS = (
    ("gears", "Future Ready gears and Collaborative Leadership"),
    ("iste_conditions", "ISTE Essential Conditions"),
    ("erate_elements", ERATE_CHECKLIST),
)

Alignment = dict[str, tuple[str, ...]]  # vocabulary → entry ids

#: What a learning activity addresses whatever goal it serves.
LEARNING_ADDRESSES: Alignment = {
    "gears": ("professional-learning",),
    "iste_conditions": ("prepared-educators",),
    "erate_elements": ("professional-development",),
}

#: What a budget line addresses by its cost category's role.
ROLE_ADDRESSES: dict[str, Alignment] = {
    "devices": {"gears": ("infrastructure",), "iste_conditions": ("equitable-access",)},
    "network": {"gears": ("infrastructure",), "iste_conditions": ("equitable-access",)},
    "support-staff": {"gears": ("infrastructure",), "iste_conditions": ("technical-support",)},
    "professional-learning": LEARNING_ADDRESSES,
}

class ItemRef(NamedTuple):
    """An item of the plan: its ``model.COLLECTIONS`` name and id (enough for the GUI to select it)."""

    collection: str
    item_id: str


class EntryCoverage(NamedTuple):
    entry: Entry
    addressed: bool
    by: tuple[ItemRef, ...]


@dataclass(frozen=True)
class FrameworkCoverage:
    vocabulary: str
    name: str
    entries: tuple[EntryCoverage, ...]

    def missing(self) -> tuple[Entry, ...]:
        """Entries nothing in the plan addresses."""
        return tuple(e.entry for e in self.entries if not e.addressed)

    def addressed_count(self) -> int:
        return sum(e.addressed for e in self.entries)


@dataclass(frozen=True)
class Coverage:
    frameworks: tuple[FrameworkCoverage, ...]

    def framework(self, vocabulary: str) -> FrameworkCoverage:
        return next(f for f in self.frameworks if f.vocabulary == vocabulary)

    @property
    def gears(self) -> tuple[EntryCoverage, ...]:
        return self.framework("gears").entries

    @property
    def iste_conditions(self) -> tuple[EntryCoverage, ...]:
        return self.framework("iste_conditions").entries

    @property
    def erate_elements(self) -> tuple[EntryCoverage, ...]:
        return self.framework("erate_elements").entries

    def to_json(self) -> dict[str, Any]:
        return {f.vocabulary: [{"id": e.entry.id, "name": e.entry.name, "addressed": e.addressed,
                                "by": [{"collection": r.collection, "item": r.item_id} for r in e.by]}
                               for e in f.entries]
                for f in self.frameworks}


class _Tally:
    """Item refs collected per (vocabulary, entry id), each item once, in the order met."""

    def __init__(self) -> None:
        self.refs: dict[tuple[str, str], dict[ItemRef, None]] = defaultdict(dict)

    def add(self, ref: ItemRef, alignment: Alignment) -> None:
        for vocabulary, ids in alignment.items():
            for entry_id in ids:
                self.refs[vocabulary, entry_id][ref] = None

    def by(self, vocabulary: str, entry_id: str) -> tuple[ItemRef, ...]:
        return tuple(self.refs.get((vocabulary, entry_id), ()))


def goal_alignment(goal: model.Goal) -> Alignment:
    return {"gears": (goal.gear,) if goal.gear else (), "iste_conditions": goal.iste_conditions,
            "erate_elements": goal.erate_elements}


def _tally(plan: model.Plan, content: Content) -> _Tally:
    tally = _Tally()
    aligned = {g.id: goal_alignment(g) for g in plan.goals}
    roles = {e.id: str(e.get("role", e.id)) for e in content.vocabulary("cost_categories")}
    for goal in plan.goals:
        tally.add(ItemRef("goals", goal.id), aligned[goal.id])
    for activity in plan.learning:
        ref = ItemRef("learning", activity.id)
        for goal_id in activity.goal_ids:
            tally.add(ref, aligned.get(goal_id, {}))
        tally.add(ref, LEARNING_ADDRESSES)
    for line in plan.budget:
        ref = ItemRef("budget", line.id)
        tally.add(ref, aligned.get(line.goal_id or "", {}))
        tally.add(ref, ROLE_ADDRESSES.get(roles.get(line.category, ""), {}))
    return tally


def _entries(content: Content, vocabulary: str) -> tuple[Entry, ...]:
    """A framework's entries as listed: a gear by its label (Collaborative Leadership spans the gears)."""
    if vocabulary == "gears":
        return tuple(Entry(g.id, g.label) for g in content.gears)
    return content.vocabulary(vocabulary)


def coverage(plan: model.Plan, content: Content) -> Coverage:
    """Each framework's entries, whether the plan addresses them, and by which items."""
    tally = _tally(plan, content)
    frameworks = []
    for vocabulary, name in FRAMEWORKS:
        entries = tuple(
            EntryCoverage(entry, bool(by), by)
            for entry in _entries(content, vocabulary)
            for by in (tally.by(vocabulary, entry.id),))
        frameworks.append(FrameworkCoverage(vocabulary, name, entries))
    return Coverage(tuple(frameworks))


def item_label(plan: model.Plan, ref: ItemRef) -> str:
    """What people call the item a ref points at (its title, description or name)."""
    item = plan.item(ref.collection, ref.item_id)
    if item is None:
        return ref.item_id
    for attribute in ("title", "description", "name"):
        text = getattr(item, attribute, "")
        if text:
            return str(text)
    return ref.item_id
