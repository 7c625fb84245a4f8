"""Render every pane of the demo plan to docs/screenshots/pane-<id>.png (offscreen, 1440x900).

Run from the checkout: ``make screenshots`` (``tools/screenshots.py OUT_FOLDER``).
The welcome screen is rendered too (``welcome.png``). Nothing is written to
the user's preferences.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from summit_app.app import application  # noqa: E402
from summit_app.plan.progress import STEPS  # noqa: E402
from summit_app.plan.samples import demo_plan  # noqa: E402
from summit_app.store.plan_file import PlanFile  # noqa: E402
from summit_app.ui.base.preferences import Preferences  # noqa: E402
from summit_app.ui.window.main_window import MainWindow  # noqa: E402

SIZE = (1440, 900)


def _window() -> MainWindow:
    window = MainWindow(Preferences(), remember=False)
    window.resize(*SIZE)
    window.show()
    return window


def render(out: Path) -> list[Path]:
    """Write the screenshots into ``out``; returns their paths."""
    application()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    window = _window()
    QApplication.processEvents()
    window.grab().save(str(out / "welcome.png"))
    written.append(out / "welcome.png")
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "Cedar Valley.techplan"
        PlanFile.create(plan, demo_plan()).close()
        window.open_path(plan)
        assert window.workspace is not None
        for pane_id, _ in STEPS:
            window.workspace.show_pane(pane_id)
            QApplication.processEvents()
            target = out / f"pane-{pane_id}.png"
            window.grab().save(str(target))
            written.append(target)
        window.close()
    return written


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    for path in render(folder):
        print(path)
