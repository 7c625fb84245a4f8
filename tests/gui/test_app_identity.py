"""The app's identity on the desktop: the .desktop file's id, the application name and its look.

Without ``desktopFileName`` Wayland shows the app as "python3" with no icon. The
bootstrap runs in a fresh process, exactly as ``summit-app`` starts it (the test
process's QApplication belongs to pytest-qt).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_FILES = sorted((ROOT / "packaging" / "linux").glob("*.desktop"))

PROBE = """
import json
from PySide6.QtGui import QGuiApplication
from summit_app.app import application
app = application()
print(json.dumps({"desktop": QGuiApplication.desktopFileName(), "name": QGuiApplication.applicationName(),
                  "display": QGuiApplication.applicationDisplayName(), "style": app.style().name()}))
"""


def identity() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, cwd=ROOT,
                            env=env, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_the_app_names_itself_after_its_desktop_file() -> None:
    assert len(DESKTOP_FILES) == 1
    desktop_id = DESKTOP_FILES[0].name.removesuffix(".desktop")
    entry = DESKTOP_FILES[0].read_text(encoding="utf-8")
    found = identity()
    assert found["desktop"] == desktop_id == "org.summitplanner.SummitPlanner"
    assert found["name"] == found["display"] == "Summit Planner"
    assert found["style"] == "fusion"  # the same look on every desktop
    assert "Name=Summit Planner\n" in entry
    assert f"Icon={desktop_id}\n" in entry
