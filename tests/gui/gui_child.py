"""Runs the real main window on a plan, types a district name, says so, and waits to be killed.

Used by test_app_process.py: the test kills this process with SIGKILL right
after "edited" and expects the name in the reopened file.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from summit_app.app import build_main_window


def main(plan: str, name: str) -> None:
    window = build_main_window(plan)
    window.show()
    assert window.workspace is not None
    field = window.workspace.pane("district").district_form.editor("name")  # type: ignore[attr-defined]
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, name)
    QTest.keyClick(field, Qt.Key.Key_Return)
    print("edited", flush=True)
    QApplication.exec()  # an app at work, until the kill


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
