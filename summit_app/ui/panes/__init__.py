"""The ten panes: which class shows each step, and which pane holds each part of a plan."""

from __future__ import annotations

from summit_app.plan.progress import STEPS
from summit_app.ui.base.context import UiContext
from summit_app.ui.pane import Pane

#: The panes' ids, in the order of the steps.
PANE_IDS = tuple(pane_id for pane_id, _ in STEPS)


#: Which pane holds each singleton and collection of a plan ("take me there").
COLLECTION_PANES = {
    "district": "district", "members": "district",
    "readiness": "readiness", "member_ratings": "readiness",
    "vision": "vision", "goals": "vision", "actions": "vision",
    "learning": "learning",
    "apps": "privacy", "practices": "privacy",
    "network": "infrastructure", "devices": "infrastructure", "upgrades": "infrastructure",
    "funding": "budget", "budget": "budget",
    "milestones": "timeline",
    "peers": "community", "lighthouses": "community", "communications": "community",
    "approval": "review", "signature": "review", "acceptances": "review",
}


def pane_for(collection: str) -> str | None:
    """The pane holding ``collection`` (a pane id is accepted as itself)."""
    if collection in COLLECTION_PANES:
        return COLLECTION_PANES[collection]
    return collection if collection in PANE_IDS else None


def pane_class(pane_id: str) -> type[Pane]:
    """The class of ``pane_id``'s pane. Each module loads when its pane is first built; the imports
    are written out so that tools following them (the bundler among them) find every pane."""
    match pane_id:
        case "district":
            from summit_app.ui.panes.district.district import DistrictPane
            return DistrictPane
        case "readiness":
            from summit_app.ui.panes.readiness.readiness import ReadinessPane
            return ReadinessPane
        case "vision":
            from summit_app.ui.panes.vision.vision import VisionPane
            return VisionPane
        case "learning":
            from summit_app.ui.panes.learning.learning import LearningPane
            return LearningPane
        case "privacy":
            from summit_app.ui.panes.privacy.privacy import PrivacyPane
            return PrivacyPane
        case "infrastructure":
            from summit_app.ui.panes.infrastructure.infrastructure import InfrastructurePane
            return InfrastructurePane
        case "budget":
            from summit_app.ui.panes.budget.budget import BudgetPane
            return BudgetPane
        case "timeline":
            from summit_app.ui.panes.timeline.timeline import TimelinePane
            return TimelinePane
        case "community":
            from summit_app.ui.panes.community.community import CommunityPane
            return CommunityPane
        case "review":
            from summit_app.ui.panes.review.review import ReviewPane
            return ReviewPane
    raise KeyError(pane_id)


def make_pane(pane_id: str, context: UiContext) -> Pane:
    """A new pane for ``pane_id``."""
    return pane_class(pane_id)(context)
