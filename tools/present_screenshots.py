"""Render present mode, pane by pane, as a 1280×720 projector shows it: docs/screenshots/present-<id>.png.

Run by ``make screenshots`` with Qt's offscreen platform given one 1280×720
screen (tools/projector-720p.json). It also reports any table that would need
an inner scroll bar there, and exits 1 if one does.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tools' / 'projector-720p.json'}")

from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from summit_app.app import application  # noqa: E402
from summit_app.plan.progress import STEPS  # noqa: E402
from summit_app.plan.samples import demo_plan  # noqa: E402
from summit_app.store.plan_file import PlanFile  # noqa: E402
from summit_app.ui.base.preferences import Preferences  # noqa: E402
from summit_app.ui.window.main_window import MainWindow  # noqa: E402


def scrolled_tables(widget: QTableView | object) -> list[str]:
    """Tables on ``widget`` that show a vertical scroll bar (by their accessible names)."""
    return [view.accessibleName() or view.objectName() for view in widget.findChildren(QTableView)  # type: ignore[attr-defined]
            if view.isVisible() and view.verticalScrollBar().maximum() > 0]


def render(out: Path) -> tuple[list[Path], list[str]]:
    """Write the present-mode screenshots into ``out``; (paths, tables that scroll inside)."""
    application()
    out.mkdir(parents=True, exist_ok=True)
    written, scrolling = [], []
    window = MainWindow(Preferences(), remember=False)
    window.show()
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "Cedar Valley.techplan"
        PlanFile.create(plan, demo_plan()).close()
        window.open_path(plan)
        assert window.workspace is not None
        mode = window.facilitator.present
        assert mode.enter()
        assert mode.stage is not None
        for pane_id, _title in STEPS:
            window.workspace.show_pane(pane_id)
            QApplication.processEvents()
            target = out / f"present-{pane_id}.png"
            mode.stage.grab().save(str(target))
            written.append(target)
            scrolling += [f"{pane_id}: {name}" for name in scrolled_tables(mode.stage)]
        mode.leave()
        window.close()
    return written, scrolling


if __name__ == "__main__":
    paths, scrolling = render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
    for path in paths:
        print(path)
    for table in scrolling:
        print(f"scrolls inside: {table}", file=sys.stderr)
    sys.exit(1 if scrolling else 0)
