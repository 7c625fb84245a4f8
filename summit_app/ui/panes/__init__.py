"""The nine panes: which class shows each step, and which pane holds each part of a plan."""

from __future__ import annotations

import importlib

from summit_app.ui.context import UiContext
from summit_app.ui.pane import Pane

#: pane id -> (module, class) of the pane that shows it.
PANE_CLASSES = {
    "district": ("summit_app.ui.panes.district", "DistrictPane"),
    "readiness": ("summit_app.ui.panes.readiness", "ReadinessPane"),
    "vision": ("summit_app.ui.panes.vision", "VisionPane"),
    "learning": ("summit_app.ui.panes.learning", "LearningPane"),
    "privacy": ("summit_app.ui.panes.privacy", "PrivacyPane"),
    "infrastructure": ("summit_app.ui.panes.infrastructure", "InfrastructurePane"),
    "budget": ("summit_app.ui.panes.budget", "BudgetPane"),
    "timeline": ("summit_app.ui.panes.timeline", "TimelinePane"),
    "review": ("summit_app.ui.panes.review", "ReviewPane"),
}

#: Which pane holds each singleton and collection of a plan ("take me there").
COLLECTION_PANES = {
    "district": "district", "members": "district",
    "readiness": "readiness", "member_ratings": "readiness",
    "vision": "vision", "goals": "vision", "actions": "vision",
    "learning": "learning",
    "apps": "privacy", "practices": "privacy",
    "network": "infrastructure", "devices": "infrastructure",
    "funding": "budget", "budget": "budget",
    "milestones": "timeline",
    "approval": "review", "signature": "review",
}


def pane_for(collection: str) -> str | None:
    """The pane holding ``collection`` (a pane id is accepted as itself)."""
    if collection in COLLECTION_PANES:
        return COLLECTION_PANES[collection]
    return collection if collection in PANE_CLASSES else None


def make_pane(pane_id: str, context: UiContext) -> Pane:
    """A new pane for ``pane_id`` (its module is loaded on first use)."""
    module_name, class_name = PANE_CLASSES[pane_id]
    pane_class: type[Pane] = getattr(importlib.import_module(module_name), class_name)
    return pane_class(context)
