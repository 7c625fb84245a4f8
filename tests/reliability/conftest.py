"""Fixtures of the reliability tests: the GUI tests' real main window with scripted prompts, reused.

``make_window`` and ``prompts`` come from tests/gui/conftest.py unchanged; its
helpers module is on the tests' path (``pythonpath`` in pyproject.toml).
"""

from __future__ import annotations

from gui.conftest import make_window, prompts

__all__ = ["make_window", "prompts"]
