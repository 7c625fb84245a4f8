"""Tables show their data: columns widen for what is typed into them, and a cut cell shows in full on hover."""

from __future__ import annotations

from fixture_types import MakeWindow
from guihelpers import column_of, edit_cell
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.plan.progress import STEPS
from summit_app.ui.fields.table_section import WIDEST, TableSection


def _fits(section, row: int, column: int) -> bool:  # type: ignore[no-untyped-def]
    text = section.model.display_text(row, column)
    return section.view.fontMetrics().horizontalAdvance(text) <= section.view.horizontalHeader().sectionSize(column)


def test_a_name_typed_into_a_new_row_is_not_cut(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan(district=model.District(name="Harbor")))
    team = window.workspace.pane("district").team
    qtbot.mouseClick(team.add_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    name = column_of(team, "name")
    narrow = team.view.horizontalHeader().sectionSize(name)
    edit_cell(qtbot, team, 0, name, "Dr. Maria Alvarez-Montgomery")
    assert team.view.horizontalHeader().sectionSize(name) > narrow
    assert _fits(team, 0, name)


def test_columns_never_grow_past_a_readable_width_and_the_full_text_shows_on_hover(
        qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.workspace.show_pane("budget")
    lines = window.workspace.pane("budget").lines
    description = column_of(lines, "description")
    long_text = "Interactive displays for every classroom in the district's twenty-four schools, " * 3
    edit_cell(qtbot, lines, 0, description, long_text.strip())
    assert lines.view.horizontalHeader().sectionSize(description) <= WIDEST
    index = lines.model.index(0, description)
    assert lines.model.data(index, Qt.ItemDataRole.ToolTipRole) == long_text.strip()


def test_a_wider_column_the_user_set_is_kept(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    team = window.workspace.pane("district").team
    role = column_of(team, "role")
    team.view.horizontalHeader().resizeSection(role, 330)
    edit_cell(qtbot, team, 1, column_of(team, "name"), "Jim Whitfield")
    assert team.view.horizontalHeader().sectionSize(role) == 330


def test_the_last_column_is_never_squeezed_below_its_text(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    team = window.workspace.pane("district").team
    email = column_of(team, "email")
    assert email == team.model.columnCount() - 1
    for row in range(team.model.rowCount()):
        assert _fits(team, row, email), team.model.display_text(row, email)


def test_no_cell_of_the_demo_plan_is_cut_short(qtbot: QtBot, make_window: MakeWindow) -> None:
    """Every cell's text shows whole: in a column wide enough, or wrapped in a row tall enough."""
    window = make_window()
    cut = []
    for pane_id, _title in STEPS:
        window.workspace.show_pane(pane_id)
        QApplication.processEvents()
        for section in window.workspace.pane(pane_id).findChildren(TableSection):
            metrics, header = section.view.fontMetrics(), section.view.horizontalHeader()
            for column in range(section.model.columnCount()):
                if section.view.isColumnHidden(column):
                    continue
                for row in range(section.model.rowCount()):
                    text = section.model.display_text(row, column)
                    box = metrics.boundingRect(QRect(0, 0, header.sectionSize(column) - 10, 100_000),
                                               int(Qt.TextFlag.TextWordWrap), text)
                    if box.height() > section.view.rowHeight(row) or text.endswith("…"):
                        cut.append((pane_id, section.title.text(), column, text[:40]))
    assert not cut
