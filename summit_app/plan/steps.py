"""The plan's steps, in the order a team takes them: one pane each.

Stated here, apart from the rules of each step's progress (``progress.py``) and
from the checks, so both can list things step by step without importing each other.
"""

from __future__ import annotations

#: The ten steps in navigator order: (pane id, title).
STEPS = (
    ("district", "District & team"),
    ("readiness", "Readiness"),
    ("vision", "Vision & goals"),
    ("learning", "Professional learning"),
    ("privacy", "Data privacy"),
    ("infrastructure", "Infrastructure & devices"),
    ("budget", "Budget"),
    ("timeline", "Timeline & evaluation"),
    ("community", "Peers & communication"),
    ("review", "Review & sign"),
)

#: The steps' pane ids, in order.
PANE_ORDER = tuple(pane for pane, _title in STEPS)
