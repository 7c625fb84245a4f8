"""Preferences: recent plans, window geometry and zoom, in the user's config folder.

Kept apart from plans (a plan file holds only the plan) as a small JSON file
under ``platformdirs.user_config_dir("summit-planner")``. A damaged or missing
file means defaults: preferences are never worth refusing to start over.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

MAX_RECENT = 8


def preferences_path() -> Path:
    return Path(user_config_dir("summit-planner")) / "preferences.json"


@dataclass
class Preferences:
    recent: list[str] = field(default_factory=list)
    geometry: str = ""  # QMainWindow.saveGeometry() as base64
    zoom: float = 1.0
    author: str = ""
    agenda: dict[str, int] = field(default_factory=dict)  # minutes per pane, the facilitator's own

    @classmethod
    def load(cls, path: Path | None = None) -> Preferences:
        path = path or preferences_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        return cls._from_json(raw) if isinstance(raw, dict) else cls()

    @classmethod
    def _from_json(cls, raw: dict[str, Any]) -> Preferences:
        prefs = cls()
        recent = raw.get("recent")
        if isinstance(recent, list):
            prefs.recent = [p for p in recent if isinstance(p, str)][:MAX_RECENT]
        if isinstance(raw.get("geometry"), str):
            prefs.geometry = raw["geometry"]
        zoom = raw.get("zoom")
        if isinstance(zoom, int | float) and 0.5 <= zoom <= 3:
            prefs.zoom = float(zoom)
        if isinstance(raw.get("author"), str):
            prefs.author = raw["author"]
        prefs.agenda = _agenda(raw.get("agenda"))
        return prefs

    def save(self, path: Path | None = None) -> None:
        """Write atomically, so a crash never leaves half a file."""
        path = path or preferences_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            draft = path.with_name(f".{path.name}.{os.getpid()}")
            draft.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
            os.replace(draft, path)
        except OSError:
            pass  # an unwritable config folder must not stop anyone planning

    def add_recent(self, plan: Path) -> None:
        text = str(plan.resolve())
        self.recent = [text, *(p for p in self.recent if p != text)][:MAX_RECENT]

    def recent_plans(self) -> list[Path]:
        """Recent plans that still exist, newest first."""
        return [Path(p) for p in self.recent if Path(p).is_file()]

    def last_plan(self) -> Path | None:
        plans = self.recent_plans()
        return plans[0] if plans else None


def _agenda(raw: Any) -> dict[str, int]:
    """Minutes per pane id; anything but a whole number of minutes up to a day is dropped."""
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items()
            if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 24 * 60}
