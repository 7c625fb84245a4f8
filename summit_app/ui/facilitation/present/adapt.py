"""Fitting an ordinary pane for the projector: no private columns, no dead buttons, tall rows.

The panes are the editor's own classes, built on a read-only public context;
what is left is cosmetic and generic (any pane, present or future): columns of
private fields hidden (their cells are already blank), editing buttons that a
read-only pane disables taken away, rows and columns sized to the large type.
What is particular to a pane (the guidance the room does not need, a
silent-rating round that gives way to the room's reveal panel) it declares in
``Pane.present_hooks``; nothing here looks inside a pane for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QTableView, QToolButton, QWidget

from summit_app.plan.fields import spec
from summit_app.ui.base import theme
from summit_app.ui.fields.collection_model import CollectionModel
from summit_app.ui.pane import Pane, PresentHooks

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


def _swap_silent_ratings(hooks: PresentHooks, reveal_panel: QWidget, show_reveal: Callable[[], None]) -> None:
    """A silent-rating round (readiness): the room's reveal panel in place of the pane's own entries."""
    if hooks.silent_round is None:
        return
    silent, holder = hooks.silent_round
    holder.replaceWidget(silent, reveal_panel)
    silent.hide()
    if hooks.element_selection is not None:
        hooks.element_selection.currentRowChanged.connect(lambda _current, _previous: show_reveal())


def prepare(pane: Pane, reveal_panel: QWidget, show_reveal: Callable[[], None]) -> None:
    """Once, when the stage builds ``pane``: what the pane's present hooks name, and its private columns.

    The stage names the step; of the guidance the room needs only the question it is asked.
    """
    hooks = pane.present_hooks()
    _hide_private_columns(pane)
    _swap_silent_ratings(hooks, reveal_panel, show_reveal)
    for widget in hooks.editor_only:
        widget.hide()


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
