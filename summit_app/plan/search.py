"""Find text anywhere in a plan: every text field of every section and item, in the steps' order.

Used by the window's Find bar (Ctrl+F). A match names where it is (the
collection or section, the item, the field) so the window can go there.
"""

from __future__ import annotations

from summit_app.plan import model
from summit_app.plan.fields import Kind, specs
from summit_app.plan.records import ByFields, record

#: Where each part of a plan is shown, in the order of the steps (so matches are listed as a reader meets them).
ORDER = ("district", "members", "readiness", "member_ratings", "vision", "goals", "actions", "learning", "apps",
         "practices", "network", "devices", "funding", "budget", "milestones", "approval")


@record
class Match(ByFields):
    """One place ``text`` was found: the section or collection, the item ("" in a section), the field."""

    collection: str
    item_id: str
    field: str
    label: str  # the field's label, for "Found in Goals · Title"
    text: str  # the whole value found in


def find_text(plan: model.Plan, text: str) -> list[Match]:
    """Every text field holding ``text`` (any case), in the steps' order; [] for blank ``text``."""
    wanted = text.strip().casefold()
    if not wanted:
        return []
    found = []
    for name in ORDER:
        records = (getattr(plan, name),) if name in model.SINGLETONS else getattr(plan, name)
        for item in records:
            item_id = "" if name in model.SINGLETONS else item.id
            for s in specs(type(item)):
                value = getattr(item, s.name)
                if s.kind is Kind.TEXT and isinstance(value, str) and wanted in value.casefold():
                    found.append(Match(name, item_id, s.name, s.label, value))
    return found
