"""Fixtures of the reliability tests: the GUI tests' real main window with scripted prompts, reused.

``make_window`` and ``prompts`` come from tests/gui/conftest.py unchanged; its
helpers module is found the way pytest finds it for the GUI tests themselves.
"""

from __future__ import annotations

import sys
from pathlib import Path

_GUI_TESTS = str(Path(__file__).resolve().parents[1] / "gui")
if _GUI_TESTS not in sys.path:
    sys.path.append(_GUI_TESTS)

from gui.conftest import make_window, prompts  # noqa: E402

__all__ = ["make_window", "prompts"]
