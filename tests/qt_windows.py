"""A check shared by the window tests: a test closes every window it opened."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _no_windows_left(qapp: QApplication) -> Iterator[None]:
    """Autouse wherever it is imported (tests/gui/conftest.py, the room's window tests)."""
    yield
    QApplication.processEvents()
    left = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in left:
        widget.close()
    assert not left, f"the test left windows open: {[type(w).__name__ for w in left]}"
