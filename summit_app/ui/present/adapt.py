"""Fitting an ordinary pane for the projector: no private columns, no dead buttons, tall rows.

The panes are the editor's own classes, built on a read-only public context;
what is left is cosmetic and generic (any pane, present or future): columns of
private fields hidden (their cells are already blank), editing buttons that a
read-only pane disables taken away, rows and columns sized to the large type.
The readiness pane's silent-rating round gives way to the room's reveal panel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QTableView, QToolButton, QWidget

from summit_app.plan.fields import spec
from summit_app.ui import theme
from summit_app.ui.collection_model import CollectionModel
from summit_app.ui.pane import GuidanceStrip, Pane

#: Lines of a long text (a vision, notes) the room sees without scrolling.
TEXT_LINES = 4


def private_columns(table_model: CollectionModel) -> list[int]:
    """Columns of ``table_model`` that show a field marked private."""
    return [i for i, column in enumerate(table_model.columns)
            if column.compute is None and spec(table_model.record_type, column.field).private]


def _hide_private_columns(pane: Pane) -> None:
    for view in pane.findChildren(QTableView):
        table_model = view.model()
        if isinstance(table_model, CollectionModel):
            for column in private_columns(table_model):
                view.setColumnHidden(column, True)


def _swap_silent_ratings(pane: Pane, reveal_panel: QWidget, show_reveal: Callable[[], None]) -> None:
    """Readiness: the room's reveal panel in place of the table's own silent-rating entries."""
    detail = getattr(pane, "detail", None)
    silent = getattr(detail, "silent", None)
    tree = getattr(pane, "tree", None)
    if detail is None or not isinstance(silent, QWidget) or tree is None:
        return
    detail.layout().replaceWidget(silent, reveal_panel)
    silent.hide()
    tree.selectionModel().currentRowChanged.connect(lambda _current, _previous: show_reveal())


def _prompt_only(pane: Pane) -> None:
    """The stage names the step; of the guidance the room needs the question it is asked."""
    strip = pane.findChild(GuidanceStrip)
    if strip is None:
        return
    for label in strip.findChildren(QLabel):
        if not label.text().startswith("<b>Ask the table"):
            label.hide()


def prepare(pane: Pane, reveal_panel: QWidget, show_reveal: Callable[[], None]) -> None:
    """Once, when the stage builds ``pane``; the stage's reveal panel replaces a silent-rating round."""
    _hide_private_columns(pane)
    _swap_silent_ratings(pane, reveal_panel, show_reveal)
    _prompt_only(pane)


def tidy(pane: Pane) -> None:
    """After every refresh: the large font's row heights, and no disabled editing buttons."""
    theme.unmark(pane)  # the stage's own style sheet gives the roles their projector look
    pane.ensurePolished()
    for button in [*pane.findChildren(QPushButton), *pane.findChildren(QToolButton)]:
        if not button.isEnabled():
            button.hide()
    for text in pane.findChildren(QPlainTextEdit):
        text.ensurePolished()
        text.setFixedHeight(text.fontMetrics().lineSpacing() * TEXT_LINES + 24)
    for view in pane.findChildren(QTableView):
        view.ensurePolished()
        height = view.fontMetrics().height() + 16
        if view.verticalHeader().defaultSectionSize() != height:
            view.verticalHeader().setDefaultSectionSize(height)
            view.resizeColumnsToContents()
            view.updateGeometry()
        _show_every_row(view)


def _show_every_row(view: QTableView) -> None:
    """As tall as all its rows: the room scrolls the page, never a small box inside it.

    Rows that wrap are sized again when the projector's width is known, so the
    table follows its rows' heights from then on.
    """
    if not view.property("showsEveryRow"):
        view.setProperty("showsEveryRow", True)
        view.verticalHeader().sectionResized.connect(lambda *_: _fit_height(view))
    _fit_height(view)


def _fit_height(view: QTableView) -> None:
    header = view.horizontalHeader()
    rows = sum(view.rowHeight(r) for r in range(view.model().rowCount())) if view.model() else 0
    scroll = view.horizontalScrollBar().sizeHint().height() if view.horizontalScrollBar().maximum() > 0 else 0
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setFixedHeight(header.height() + rows + scroll + 2 * view.frameWidth() + 2)
