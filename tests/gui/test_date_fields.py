"""Date fields typed and picked as in any good desktop app: from empty, cleared, refused, Tab in and out."""

from __future__ import annotations

from datetime import date

import pytest
from fixture_types import MakeWindow
from guihelpers import cell_editor, column_of, press_enter, saved
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from summit_app.plan import model
from summit_app.ui.fields.editors import DateEditor
from summit_app.ui.fields.formats import parse_date
from summit_app.ui.window.main_window import MainWindow


def summit_date(window: MainWindow) -> DateEditor:
    editor = window.workspace.pane("district").summit_form.editor("summit_date")
    assert isinstance(editor, DateEditor)
    return editor


def tab_out(qtbot: QtBot, widget, key: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()  # offscreen forgets which window is active; Tab needs it
    widget.setFocus()
    qtbot.keyClick(widget, key)
    QApplication.processEvents()
    assert QApplication.focusWidget() is not None


def test_a_date_is_typed_into_an_empty_field_and_tab_saves_it(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    editor = summit_date(window)
    assert editor.text() == ""
    assert editor.placeholderText() == "No date"
    editor.setFocus()
    qtbot.keyClicks(editor, "Jan 14, 2027")
    tab_out(qtbot, editor)
    assert saved(window).district.summit_date == date(2027, 1, 14)
    assert QApplication.focusWidget() is not editor  # one Tab leaves the field
    assert editor.text() == "Jan 14, 2027"


@pytest.mark.parametrize("typed", ["2027-01-14", "14 January 2027", "1/14/2027", "january 14 2027"])
def test_iso_and_written_forms_are_understood(qtbot: QtBot, make_window: MakeWindow, typed: str) -> None:
    window = make_window(model.Plan())
    editor = summit_date(window)
    editor.setFocus()
    qtbot.keyClicks(editor, typed)
    press_enter(qtbot, editor)
    assert saved(window).district.summit_date == date(2027, 1, 14)
    assert editor.text() == "Jan 14, 2027"


def test_clearing_a_date_saves_no_date(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan(district=model.District(summit_date=date(2027, 3, 2))))
    editor = summit_date(window)
    assert editor.text() == "Mar 2, 2027"
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    tab_out(qtbot, editor)
    assert saved(window).district.summit_date is None


@pytest.mark.parametrize(("typed", "why"), [("Feb 30, 2027", "not a date on the calendar"),
                                             ("next Tuesday", "is not a date"),
                                             ("1900-02-01", "not a plan date")])
def test_a_wrong_date_is_refused_with_a_message_and_nothing_saved(qtbot: QtBot, make_window: MakeWindow, typed: str,
                                                                   why: str) -> None:
    window = make_window(model.Plan(district=model.District(summit_date=date(2027, 3, 2))))
    editor = summit_date(window)
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    tab_out(qtbot, editor)
    assert saved(window).district.summit_date == date(2027, 3, 2)
    message = window.statusBar().currentMessage()
    assert why in message
    assert "Jun 15, 2027 or 2027-06-15" in message or "year from" in message
    assert editor.text() == "Mar 2, 2027"  # the saved date is back in the field


def test_arrow_keys_never_invent_a_date(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    editor = summit_date(window)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    tab_out(qtbot, editor)
    assert saved(window).district.summit_date is None
    assert editor.text() == ""


def test_tab_and_shift_tab_pass_through_a_date_field_in_one_press(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    form = window.workspace.pane("district").summit_form
    editor = summit_date(window)
    before = form.editor("summit_city")
    before.setFocus()
    tab_out(qtbot, before)
    assert QApplication.focusWidget() is editor
    tab_out(qtbot, editor)
    after = QApplication.focusWidget()
    assert after is not editor
    assert editor not in (after.parentWidget(), after.focusProxy())
    tab_out(qtbot, after, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is editor


def test_the_calendar_opens_on_today_when_empty_and_picks_with_the_keyboard(qtbot: QtBot,
                                                                            make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    editor = summit_date(window)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = editor.calendar
    assert calendar is not None
    assert calendar.isVisible()
    assert calendar.selectedDate() == QDate.currentDate()
    calendar.setSelectedDate(QDate(2027, 4, 20))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert saved(window).district.summit_date == date(2027, 4, 21)
    assert editor.text() == "Apr 21, 2027"
    assert editor.calendar is None


def test_the_calendar_opens_on_the_fields_date(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan(district=model.District(summit_date=date(2028, 10, 5))))
    editor = summit_date(window)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F4)
    calendar = editor.calendar
    assert calendar is not None
    assert calendar.selectedDate() == QDate(2028, 10, 5)
    calendar.close()


def test_a_date_typed_into_a_table_cell(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(model.Plan())
    window.workspace.show_pane("timeline")
    table = window.workspace.pane("timeline").milestones
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.focusWidget(), "Board adopts the plan")
    press_enter(qtbot, window.focusWidget())
    when = cell_editor(qtbot, table, 0, column_of(table, "due_date"))
    assert isinstance(when, DateEditor)
    qtbot.keyClicks(when, "2027-06-15")
    press_enter(qtbot, when)
    assert saved(window).milestones[0].due_date == date(2027, 6, 15)
    when = cell_editor(qtbot, table, 0, column_of(table, "due_date"))
    when.selectAll()
    qtbot.keyClicks(when, "June 31 2027")
    press_enter(qtbot, when)
    assert saved(window).milestones[0].due_date == date(2027, 6, 15)
    assert "not a date on the calendar" in window.statusBar().currentMessage()


@pytest.mark.parametrize(("text", "day_first", "expected"), [
    ("Jun 15, 2027", False, date(2027, 6, 15)), ("15 jun 2027", False, date(2027, 6, 15)),
    ("Sept. 3, 2027", False, date(2027, 9, 3)), ("6/15/27", False, date(2027, 6, 15)),
    ("15/6/2027", True, date(2027, 6, 15)), ("  ", False, None)])
def test_parse_date(text: str, day_first: bool, expected: date | None) -> None:
    assert parse_date(text, day_first=day_first) == expected


@pytest.mark.parametrize("text", ["2027-13-01", "Smarch 3, 2027", "١٢/٣/٢٠٢٧", "2027-W05-3", "3"])
def test_parse_date_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_date(text)
