"""Present mode on a 1280×720 projector: every pane renders, and no table scrolls inside itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from runcli import ROOT

from summit_app.plan.progress import STEPS


@pytest.mark.slow
def test_every_pane_fits_a_720p_projector_without_inner_scroll_bars(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT),
           "QT_QPA_PLATFORM": f"offscreen:configfile={ROOT / 'tools' / 'projector-720p.json'}",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "present_screenshots.py"), str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    shots = sorted(tmp_path.glob("present-*.png"))
    assert len(shots) == len(STEPS)
    for shot in shots:
        image = QImage(str(shot))
        assert (image.width(), image.height()) == (1280, 720), shot.name
