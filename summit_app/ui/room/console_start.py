"""File ▸ Summit room: start (or restart) the room from the window, then its console.

Starting runs ``room.facilitator.start_room`` (the command line's ``room
start``: the same folder by default, the same refusals) in a worker thread
while a busy bar shows, because making a PostgreSQL cluster takes seconds. A
refusal is one message, and the room's own rules leave nothing behind (a
first start that fails removes what it made).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from summit_app.room.facilitator import StartRequest, start_room
from summit_app.room.state import default_room_dir, state_path
from summit_app.ui.room.console import RoomConsole
from summit_app.ui.room.console_jobs import RoomJob
from summit_app.ui.room.console_prompts import ConsolePrompts

LAUNCHER_NAME = "roomConsoleLauncher"


class RoomLauncher(QObject):
    """The window's way into the room: ``start_room`` asks and starts, ``open_console`` shows the console."""

    started = Signal(bool, str)  # (the room runs, the line said)

    def __init__(self, window: QWidget, prompts: ConsolePrompts | None = None) -> None:
        super().__init__(window)
        self.setObjectName(LAUNCHER_NAME)
        self.window = window
        self.prompts = prompts or ConsolePrompts(window)
        self.room = default_room_dir()
        self.console: RoomConsole | None = None
        self.job: RoomJob | None = None
        self.busy: QProgressDialog | None = None
        window.installEventFilter(self)  # the console closes with the window

    def start_room(self) -> bool:
        """Ask for the room's folder and port, then start it off the GUI thread; False if not started."""
        if self.job is not None:
            return False
        choice = self.prompts.start_room(self.room)
        if choice is None:
            return False
        request = StartRequest(choice.folder, choice.port)
        job = RoomJob(lambda: start_room(request), self)
        self.job = job
        self.busy = self._busy(f"Starting the room in {choice.folder}…")
        job.finished.connect(lambda ok, result: self._started(choice.folder, ok, result))
        job.start()
        return True

    def _busy(self, text: str) -> QProgressDialog:
        busy = QProgressDialog(text, "", 0, 0, self.window)
        busy.setWindowTitle("Starting the room")
        busy.setCancelButton(None)  # type: ignore[arg-type]
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        busy.show()
        return busy

    def _started(self, folder: Path, ok: bool, result: object) -> None:
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        if self.busy is not None:
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None
        if not ok:
            self.prompts.error("The room did not start", str(result))
            self.started.emit(False, str(result))
            return
        self.room = folder
        assert isinstance(result, tuple)
        self.started.emit(True, str(result[1]))  # (the room's state, the line saying what happened)
        self.open_console()

    def open_console(self) -> RoomConsole | None:
        """The console of the room last started here (else the default room); None if there is no room."""
        if self.console is not None and self.console.room != self.room:
            self.console.close()
            self.console = None
        if self.console is None:
            if not state_path(self.room).exists():
                self.prompts.error("No room here", f"{self.room}: no room here; start one with "
                                   "File ▸ Summit room ▸ Start a room…")
                return None
            self.console = RoomConsole(self.room, self.prompts)
            self.console.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.console.destroyed.connect(self._console_gone)
        self.console.show()
        self.console.raise_()
        return self.console

    def _console_gone(self) -> None:
        self.console = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.window_closing()
        return super().eventFilter(watched, event)

    def window_closing(self) -> None:
        if self.job is not None:
            self.job.wait()
        if self.console is not None:
            self.console.close()


def launcher_of(window: QWidget) -> RoomLauncher:
    """The window's launcher, made at first use."""
    found = window.findChild(RoomLauncher, LAUNCHER_NAME)
    return found if isinstance(found, RoomLauncher) else RoomLauncher(window)
