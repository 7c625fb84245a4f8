"""The regional roll-up as a job for a worker thread: read, summarise, write, report.

The same steps as ``summit-app rollup`` (``store.rollup_reader``,
``plan.rollup``, ``export.rollup_xlsx``/``rollup_pdf``). A file that cannot be
read is reported and left out, never fatal; the outputs are written all or none
(``summit_app.outputs``), never over one of the plans read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from summit_app.outputs import OutputBatch, OutputError, vet_outputs
from summit_app.plan.content import load_content
from summit_app.plan.rollup import RollupReport, summarize_region
from summit_app.ui.export_runner import describe_failure

#: How a refusal names the plans read.
ROLE = "one of the plans rolled up"


@dataclass(frozen=True)
class RollupRequest:
    plans: tuple[Path, ...]
    xlsx: Path
    pdf: Path | None
    min_group: int
    named: bool


class RollupJob(QObject):
    """Reads, summarises and writes in a worker thread; ``done(ok, message, skipped lines)``."""

    progressed = Signal(int)  # per mille
    done = Signal(bool, str, list)

    def __init__(self, request: RollupRequest) -> None:
        super().__init__()
        self.request = request

    def _read_progress(self, read: int, listed: int) -> None:
        self.progressed.emit(round(800 * read / listed) if listed else 800)  # reading is most of the work

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # reported in the dialog; a thread must not swallow it
            self.done.emit(False, f"The roll-up stopped: {exc}", [])

    def _run(self) -> None:
        # The writers (openpyxl, reportlab) load when a roll-up runs, not at start-up.
        from summit_app.export.rollup_pdf import write_rollup_pdf
        from summit_app.export.rollup_xlsx import write_rollup_xlsx
        from summit_app.store.rollup_reader import read_plans

        request = self.request
        try:  # a target that must not be written is told at once, before the plans are read
            vet_outputs([t for t in (request.xlsx, request.pdf) if t is not None], request.plans, ROLE)
        except OutputError as exc:
            self.done.emit(False, describe_failure(Path(exc.what), exc), [])
            return
        result = read_plans(list(request.plans), progress=self._read_progress)
        skipped = [f"{s.path}: {s.why}" for s in result.skipped]
        if not result.plans:
            self.done.emit(False, f"None of the {result.listed} listed files could be read as a plan.", skipped)
            return
        summary = summarize_region(result.plans, load_content(), request.min_group, request.named)
        report = RollupReport(summary, tuple(result.skipped), result.listed, date.today())
        outputs = [(request.xlsx, lambda p: write_rollup_xlsx(report, p))]
        if request.pdf is not None:
            outputs.append((request.pdf, lambda p: write_rollup_pdf(report, p)))
        if not self._write_all(outputs, skipped):
            return
        names = " and ".join(t.name for t, _ in outputs)
        self.done.emit(True, f"Rolled up {len(result.plans)} of {result.listed} plan files into {names}.", skipped)

    def _write_all(self, outputs: list[tuple[Path, Callable[[Path], object]]], skipped: list[str]) -> bool:
        """Write every output or none (never over one of the plans read); False after telling why."""
        target = outputs[0][0]
        try:
            with OutputBatch([t for t, _ in outputs], self.request.plans, ROLE) as batch:
                for step, (target, write) in enumerate(outputs, start=1):
                    batch.write(target, write)
                    self.progressed.emit(800 + round(200 * step / len(outputs)))
                batch.commit()
        except OutputError as exc:
            self.done.emit(False, describe_failure(Path(exc.what), exc), skipped)
            return False
        except Exception as exc:  # any writer failure is told to the user, never lost in a thread
            self.done.emit(False, describe_failure(target, exc), skipped)
            return False
        return True
