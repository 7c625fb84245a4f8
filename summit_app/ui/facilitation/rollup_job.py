"""The regional roll-up as a job for a worker thread: the roll-up workflow, with a progress bar.

The same workflow as ``summit-app rollup`` (``summit_app.workflows.rollup``):
a file that cannot be read is reported and left out, never fatal; the outputs
are written all or none, never over one of the plans read. The job turns its
progress into a signal and its outcome into one line for the dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from summit_app.export.rollup_figures import peer_count_text
from summit_app.outputs import OutputError
from summit_app.plan.rollup import SkippedFile
from summit_app.ui.exporting.export_runner import describe_failure
from summit_app.workflows.exports import fraction
from summit_app.workflows.rollup import NoPlanRead, PlanReader, RollupRequest, roll_up

__all__ = ["ROLE", "RollupJob", "RollupRequest"]

#: How a refusal names the plans read.
ROLE = "one of the plans rolled up"


class RollupJob(QObject):
    """Runs the roll-up in a worker thread; ``done(ok, message, skipped lines)``."""

    progressed = Signal(int)  # per mille
    done = Signal(bool, str, list)

    def __init__(self, request: RollupRequest, read: PlanReader | None = None) -> None:
        super().__init__()
        self.request = request
        self.read = read  # the plans' reader when they are not files (a summit room's tables)
        self._skipped: list[str] = []

    def _progress(self, *args: float) -> None:
        self.progressed.emit(round(1000 * fraction(*args)))

    def _heard_skipped(self, skipped: Sequence[SkippedFile]) -> None:
        self._skipped = [f"{s.path}: {s.why}" for s in skipped]

    @Slot()
    def run(self) -> None:
        request = self.request
        try:
            report = roll_up(request, progress=self._progress, skipped=self._heard_skipped, role=ROLE,
                             read=self.read)
        except OutputError as exc:
            self.done.emit(False, describe_failure(Path(exc.what), exc), self._skipped)
        except NoPlanRead as exc:
            self.done.emit(False, f"None of the {exc.listed} listed files could be read as a plan.", self._skipped)
        except Exception as exc:  # reported in the dialog; a thread must not swallow it
            self.done.emit(False, describe_failure(Path(request.xlsx), exc), self._skipped)
        else:
            names = " and ".join(Path(t).name for t in request.targets)
            self.done.emit(True, f"Rolled up {report.summary.district_count} of {report.listed} plan files "
                                 f"into {names}, with {peer_count_text(report.summary.peers)}.", self._skipped)
