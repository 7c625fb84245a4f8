"""Time-boxes: a countdown per activity that nobody has to remember to start or stop watching.

``Countdown`` is plain Python on an injectable clock (tests move time by hand).
``TimeBox`` ticks it with a QTimer and says when the time left changes phase:
running, the last minute (a warning), and time up (it goes on counting the
overrun, so the facilitator sees how far over the room is). Any length works,
hours included; pause, add five minutes and reset are one call each.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

Clock = Callable[[], float]

RUNNING, PAUSED, WARNING, OVER = "running", "paused", "warning", "over"
#: The last this-many seconds show the warning.
WARN_SECONDS = 60
EXTRA_SECONDS = 5 * 60


def format_duration(seconds: float) -> str:
    """12:05, 1:02:05 for hours; the overrun as +0:35 (a countdown rounds up, an overrun down)."""
    whole = math.ceil(seconds) if seconds >= 0 else math.floor(-seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return text if seconds >= 0 else f"+{text}"


class Countdown:
    """Time left of a length of time; paused until ``start``."""

    def __init__(self, seconds: float, clock: Clock = time.monotonic) -> None:
        self.clock = clock
        self.length = float(seconds)
        self._left = float(seconds)
        self._deadline: float | None = None

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def remaining(self) -> float:
        """Seconds left (negative once time is up)."""
        return self._deadline - self.clock() if self._deadline is not None else self._left

    def start(self) -> None:
        if self._deadline is None:
            self._deadline = self.clock() + self._left

    def pause(self) -> None:
        if self._deadline is not None:
            self._left = self.remaining()
            self._deadline = None

    def add(self, seconds: float) -> None:
        """More time: an overrun clock starts again from what is left after the addition."""
        if self._deadline is not None:
            self._deadline = max(self._deadline, self.clock()) + seconds
        else:
            self._left = max(self._left, 0.0) + seconds

    def reset(self, seconds: float | None = None) -> None:
        """Back to the full length (or a new one), keeping whether it runs."""
        running = self.running
        self.length = float(self.length if seconds is None else seconds)
        self._left, self._deadline = self.length, None
        if running:
            self.start()

    def phase(self) -> str:
        left = self.remaining()
        if left <= 0:
            return OVER
        if not self.running:
            return PAUSED
        return WARNING if left <= WARN_SECONDS else RUNNING


class TimeBox(QObject):
    """A countdown that reports itself: ``changed(text, phase)`` on every visible change."""

    changed = Signal(str, str)

    def __init__(self, seconds: float = 0, clock: Clock = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.countdown = Countdown(seconds, clock)
        self.title = ""
        self._last: tuple[str, str] = ("", "")
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.tick)

    def begin(self, seconds: float, title: str = "") -> None:
        """A new activity: ``seconds`` on the clock, counting at once."""
        self.title = title
        self.countdown = Countdown(seconds, self.countdown.clock)
        self.countdown.start()
        self._timer.start()
        self.tick()

    def toggle_pause(self) -> None:
        if self.countdown.running:
            self.countdown.pause()
        else:
            self.countdown.start()
        self.tick()

    def add_five_minutes(self) -> None:
        self.countdown.add(EXTRA_SECONDS)
        self.tick()

    def reset(self) -> None:
        self.countdown.reset()
        self.tick()

    def stop(self) -> None:
        self.countdown.pause()
        self._timer.stop()

    def text(self) -> str:
        return format_duration(self.countdown.remaining())

    def phase(self) -> str:
        return self.countdown.phase()

    def tick(self) -> None:
        now = (self.text(), self.phase())
        if now != self._last:
            self._last = now
            self.changed.emit(*now)


#: What the display says besides the time, by phase (colour alone is not enough).
PHASE_WORDS = {RUNNING: "", PAUSED: "Paused", WARNING: "Last minute", OVER: "Time is up"}


class TimerDisplay(QLabel):
    """The clock as the room reads it: big digits, amber in the last minute, red when time is up."""

    def __init__(self, timebox: TimeBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timer")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName("Time left")
        self.phase = ""
        timebox.changed.connect(self.show_time)
        self.show_time(timebox.text(), timebox.phase())

    def show_time(self, text: str, phase: str) -> None:
        words = PHASE_WORDS.get(phase, "")
        self.setText(f"{text}  {words}" if words else text)
        self.setAccessibleName(f"Time left: {text}" + (f", {words}" if words else ""))  # read out, as shown
        self.setAccessibleDescription(words or "Time left")
        if phase != self.phase:
            self.phase = phase
            self.setProperty("phase", phase)
            self.style().unpolish(self)  # the stylesheet colours by the phase property
            self.style().polish(self)
