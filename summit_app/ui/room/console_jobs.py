"""The room console's slow work (starting the server, taking every plan home) off the GUI thread.

A ``RoomJob`` runs one Qt-free call in a worker thread and hands back its
result, or the one line of its refusal, on the GUI thread: the console stays
alive while PostgreSQL starts or plans are copied, and a refusal reaches the
facilitator as one clear message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from summit_app.store.errors import PlanFileError
from summit_app.workflows.errors import UsageError

#: What a room call may refuse with: one line each.
REFUSALS = (UsageError, PlanFileError)


def refusal_text(exc: BaseException) -> str:
    """The one line a refusal shows: ``<what>: <why>``."""
    if isinstance(exc, UsageError | PlanFileError):
        return f"{exc.what}: {exc.why}"
    return f"{type(exc).__name__}: {exc}"


class _Worker(QObject):
    done = Signal(bool, object)  # (succeeded, the result or the refusal's line)

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self._call = call

    @Slot()
    def run(self) -> None:
        try:
            result = self._call()
        except REFUSALS as exc:
            self.done.emit(False, refusal_text(exc))
        except Exception as exc:  # reported, never lost in the thread
            self.done.emit(False, refusal_text(exc))
        else:
            self.done.emit(True, result)


class RoomJob(QObject):
    """One call in a worker thread; ``finished(ok, result_or_line)`` on the GUI thread."""

    finished = Signal(bool, object)

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: _Worker | None = _Worker(call)
        self._thread: QThread | None = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._worker.done.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        assert self._thread is not None
        self._thread.start()

    @Slot(bool, object)
    def _done(self, ok: bool, result: object) -> None:
        self._finish()
        self.finished.emit(ok, result)

    def _finish(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()

    def wait(self) -> None:
        """Block until the call has returned (a window closing mid-job); its result is dropped."""
        if self._thread is not None:
            self._thread.wait()
