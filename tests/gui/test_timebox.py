"""Time-boxes: the countdown, its warnings, its buttons, and the agenda that sets each pane's time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from summit_app.plan.content import Content
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.facilitation.present.agenda import AgendaDialog, minutes_for
from summit_app.ui.facilitation.timebox import (
    OVER,
    PAUSED,
    RUNNING,
    WARNING,
    Countdown,
    TimeBox,
    TimerDisplay,
    format_duration,
)

pytestmark = pytest.mark.gui


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_durations_read_as_a_clock() -> None:
    assert format_duration(90) == "1:30"
    assert format_duration(59.2) == "1:00"  # a countdown shows the second it is in
    assert format_duration(2 * 3600 + 5) == "2:00:05"
    assert format_duration(0) == "0:00"
    assert format_duration(-35.6) == "+0:35"


def test_countdown_pauses_extends_and_resets() -> None:
    clock = FakeClock()
    countdown = Countdown(300, clock)
    clock.advance(50)
    assert countdown.remaining() == 300
    assert countdown.phase() == PAUSED
    countdown.start()
    clock.advance(30)
    assert countdown.remaining() == 270
    assert countdown.phase() == RUNNING
    countdown.pause()
    clock.advance(100)
    assert countdown.remaining() == 270
    countdown.start()
    countdown.add(300)
    assert countdown.remaining() == 570
    clock.advance(600)
    assert countdown.phase() == OVER
    assert countdown.remaining() == -30
    countdown.add(300)  # more time after time is up counts from now
    assert countdown.remaining() == 300
    countdown.reset()
    assert countdown.remaining() == 300
    assert countdown.running


def test_display_warns_in_the_last_minute_and_when_time_is_up(qtbot: QtBot) -> None:
    clock = FakeClock()
    timebox = TimeBox(clock=clock)
    display = TimerDisplay(timebox)
    qtbot.addWidget(display)
    timebox.begin(3 * 3600 + 90)
    assert display.text() == "3:01:30"
    assert display.phase == RUNNING
    clock.advance(3 * 3600 + 31)
    qtbot.waitUntil(lambda: display.phase == WARNING, timeout=2000)  # the widget's own timer ticks
    assert display.text() == "0:59  Last minute"
    assert display.accessibleName() == "Time left: 0:59, Last minute"  # a screen reader hears the time
    assert display.property("phase") == WARNING
    clock.advance(61)
    qtbot.waitUntil(lambda: display.phase == OVER, timeout=2000)
    assert display.text() == "+0:02  Time is up"
    timebox.add_five_minutes()
    assert display.text() == "5:00"
    assert display.phase == RUNNING
    assert display.accessibleName() == "Time left: 5:00"
    timebox.toggle_pause()
    assert display.text() == "5:00  Paused"
    timebox.stop()


def test_a_real_short_countdown_runs_out(qtbot: QtBot) -> None:
    timebox = TimeBox()
    display = TimerDisplay(timebox)
    qtbot.addWidget(display)
    timebox.begin(0.6)
    assert display.phase == WARNING
    qtbot.waitUntil(lambda: display.phase == OVER, timeout=3000)
    assert "Time is up" in display.text()
    timebox.stop()


def test_present_mode_starts_each_panes_time_box(make_window: Any, qtbot: QtBot, content: Content) -> None:
    window = make_window()
    window.preferences.agenda = {"district": 90}  # an hour and a half for the team
    clock = FakeClock()
    mode = window.facilitator.present
    mode.timebox.countdown.clock = clock
    assert mode.enter()
    controls, timer = mode.stage.controls, mode.stage.timer
    assert timer.text() == "1:30:00"
    clock.advance(60)
    mode.timebox.tick()
    assert timer.text() == "1:29:00"
    controls.pause_button.click()
    assert controls.pause_button.text() == "Resume"
    assert "Paused" in timer.text()
    controls.more_button.click()
    assert timer.text().startswith("1:34:00")
    controls.reset_button.click()
    assert timer.text().startswith("1:30:00")
    controls.next_button.click()  # the next pane opens with its own time, already counting
    minutes = content.guidance["readiness"].minutes
    assert timer.text() == f"{minutes}:00"
    assert mode.timebox.countdown.running
    mode.leave()
    assert not mode.timebox.countdown.running


def test_the_agenda_is_kept_in_the_preferences(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    kept: dict[str, dict[str, int]] = {}
    dialog = AgendaDialog(content, {"vision": 75}, lambda agenda: kept.setdefault("agenda", agenda))
    qtbot.addWidget(dialog)
    assert dialog.editors["vision"].time() == QTime(1, 15)
    assert dialog.editors["budget"].time().hour() * 60 + dialog.editors["budget"].time().minute() \
        == content.guidance["budget"].minutes
    dialog.editors["budget"].setTime(QTime(2, 0))
    dialog.editors["vision"].setTime(QTime(0, content.guidance["vision"].minutes))
    dialog.accept()
    assert kept["agenda"] == {"budget": 120}  # only the times that differ from the guidance
    prefs = Preferences(agenda=kept["agenda"])
    prefs.save(tmp_path / "prefs.json")
    assert Preferences.load(tmp_path / "prefs.json").agenda == {"budget": 120}
    assert minutes_for("budget", content, prefs.agenda) == 120
    assert minutes_for("vision", content, prefs.agenda) == content.guidance["vision"].minutes


def test_a_damaged_agenda_falls_back_to_the_guidance(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    path.write_text(json.dumps({"agenda": {"vision": "soon", "budget": 0, "review": True, "timeline": 30}}))
    assert Preferences.load(path).agenda == {"timeline": 30}
