"""Keyboard focus is visible at 3:1 or more: a ring on the focused cell and on the focused step."""

from __future__ import annotations

from contrast import contrast as wcag_contrast
from fixture_types import MakeWindow
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from summit_app.ui.base import theme


def contrast(a: str, b: str) -> float:
    def rgb(name: str) -> tuple[float, float, float]:
        colour = QColor(name)
        return colour.redF(), colour.greenF(), colour.blueF()

    return wcag_contrast(rgb(a), rgb(b))


def ring_pixels(widget, rect, colour: str) -> int:  # type: ignore[no-untyped-def]
    """Pixels of ``colour`` on the edge of ``rect`` (two pixels in) in ``widget``'s rendering."""
    image = widget.grab().toImage()
    want = QColor(colour)
    found = 0
    for x in range(rect.left() + 1, rect.right() - 1):
        for y in (rect.top() + 1, rect.top() + 2, rect.bottom() - 1, rect.bottom() - 2):
            c = image.pixelColor(x, y)
            found += abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 40
    return found


def test_the_ring_colours_stand_out() -> None:
    assert contrast(theme.INK, "white") >= 3  # a plain row
    assert contrast("white", theme.ACCENT) >= 3  # the selected row
    assert contrast(theme.INK, "white") >= 3  # the focused step, against the list


def test_a_focused_cell_has_a_ring(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.activateWindow()
    team = window.workspace.pane("district").team
    team.view.setFocus()
    index = team.model.index(3, 2)
    team.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    team.view.clearSelection()
    QApplication.processEvents()
    rect = team.view.visualRect(index)
    assert ring_pixels(team.view.viewport(), rect, theme.INK) > rect.width()  # most of the top and bottom edges


def test_the_focused_step_has_a_ring(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.activateWindow()
    nav = window.workspace.navigator
    nav.setFocus()
    QApplication.processEvents()
    rect = nav.visualItemRect(nav.currentItem())
    assert ring_pixels(nav.viewport(), rect, theme.INK) > rect.width()
