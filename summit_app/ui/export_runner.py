"""Exports off the UI thread: the Excel workbook, a draft PDF, and the PDF for signature.

The writers are pure functions of a plan snapshot, so a worker thread can run
them while the team keeps working on the live plan. Targets are vetted and
written by ``summit_app.outputs``, as the command line's are: the open plan
(by any path to it), its journal and lock, any other plan file, a device, a
pipe or a folder is refused before anything is written, and each export
writes a temporary file beside the target and renames it into place only when
the writer has finished, so a failed or cancelled export never leaves half a
file (or destroys the previous one) under the chosen name. "PDF for
signature" first records the plan's fingerprint and time through the one edit
path, then exports that very snapshot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from summit_app.outputs import OutputError, vet_outputs, write_outputs
from summit_app.plan import model
from summit_app.plan.signing import sign_edit
from summit_app.ui.context import UiContext
from summit_app.ui.prompts import OPEN_FILE, OPEN_FOLDER

__all__ = ["OPEN_FILE", "OPEN_FOLDER", "OPEN_PLAN", "ExportCancelled", "ExportJob", "ExportRunner",
           "write_into_place"]

Writer = Callable[[model.Plan, Path, Callable[[float], None]], None]
#: How a refusal names the plan the window has open.
OPEN_PLAN = "the plan open in this window"


class ExportCancelled(Exception):
    """The user pressed Cancel; raised inside the writer through its progress callback."""


def write_into_place(write: Writer, plan: model.Plan, target: Path, progress: Callable[[float], None],
                     plans: Iterable[Path] = ()) -> None:
    """Vet ``target`` against ``plans``, run ``write`` on a temporary file, then rename it over ``target``.

    ``OutputError`` if the target is refused or cannot be written; no trace is left on failure.
    """
    write_outputs([(target, lambda temporary: write(plan, temporary, progress))], plans, OPEN_PLAN)


def describe_failure(target: Path, exc: BaseException) -> str:
    """One line for the user: which file, and why (the system's own words, without errno noise)."""
    if isinstance(exc, OutputError):
        if exc.reason == exc.why:  # refused before writing, not a failed write
            return describe_refusal(target, exc)
        why = exc.reason
    else:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    return f"{target.name} could not be written: {why}"


def describe_refusal(target: Path, exc: OutputError) -> str:
    """A refused target, said before anything was written: "plan.xlsx was not written: it is …"."""
    why = exc.why if exc.why.startswith("its ") else f"it {exc.why}"
    return f"{target.name} was not written: {why}"


class ExportJob(QObject):
    """One export, run in a worker thread; reports progress and its result by signal."""

    progressed = Signal(int)  # per mille, for a progress bar
    done = Signal(bool, str)  # ok, message

    def __init__(self, write: Writer, plan: model.Plan, target: Path, plans: Iterable[Path] = ()) -> None:
        super().__init__()
        self._write, self._plan, self.target = write, plan, target
        self._plans = tuple(plans)  # no export may replace these
        self._cancelled = False

    def cancel(self) -> None:
        """Ask the writer to stop at its next progress report (a plain flag: read by one thread)."""
        self._cancelled = True

    def _progress(self, *args: float) -> None:
        """Writers report ``progress(fraction)``; ``progress(done, total)`` is understood too."""
        fraction = args[0] / args[1] if len(args) == 2 and args[1] else args[0]
        if self._cancelled:
            raise ExportCancelled
        self.progressed.emit(round(1000 * min(1.0, max(0.0, float(fraction)))))

    @Slot()
    def run(self) -> None:
        try:
            write_into_place(self._write, self._plan, self.target, self._progress, self._plans)
        except ExportCancelled:
            self.done.emit(False, f"Export of {self.target.name} cancelled; nothing was written.")
        except Exception as exc:  # any writer failure is reported to the user, never lost in a thread
            self.done.emit(False, describe_failure(self.target, exc))
        else:
            self.done.emit(True, f"Saved {self.target.name}")


class ExportRunner(QObject):
    """Runs one export at a time with a progress dialog; ``finished(path, ok, message)`` at the end.

    The question "open the file or its folder?" and the desktop call go through
    the context's prompt service (``offer_open``, ``show_file``), which tests script.
    """

    finished = Signal(str, bool, str)
    started = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._parent = parent
        self.show_progress = True
        self._thread: QThread | None = None
        self._job: ExportJob | None = None
        self._dialog: QProgressDialog | None = None
        self._undo_on_failure: int | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None

    # -- the three exports -------------------------------------------------------------

    def export_xlsx(self, path: Path | str) -> bool:
        """Write the Excel workbook; False if another export is still running."""
        from summit_app.export.xlsx import write_xlsx  # openpyxl loads on first export, not at start-up

        if self.busy or not self._vetted(Path(path)):
            return False
        return self._start(lambda plan, target, progress: write_xlsx(plan, target, progress),
                           self.context.plan, Path(path), "Excel workbook")

    def export_pdf(self, path: Path | str, for_signature: bool = False) -> bool:
        """Write the PDF; for signature, record the signed fingerprint first and export that snapshot."""
        target = Path(path)
        if self.busy or not self._vetted(target):
            return False
        self._undo_on_failure = None
        if for_signature:
            if not self._may_sign(target):
                return False
            if not self.context.edit(sign_edit(self.context.plan, datetime.now(UTC))):
                self.finished.emit(str(target), False, "The plan could not be marked as signed.")
                return False
            self._undo_on_failure = self.context.undo_stack.index()
        draft = not for_signature
        from summit_app.export.pdf import write_pdf  # reportlab loads on first export, not at start-up

        return self._start(lambda plan, t, progress: write_pdf(plan, t, progress, draft=draft),
                           self.context.plan, target, "PDF for signature" if for_signature else "draft PDF")

    def _may_sign(self, target: Path) -> bool:
        """A plan with blocking findings is not signed: say what blocks it, write nothing."""
        from summit_app.plan.checks import signing_blockers

        blockers = signing_blockers(self.context.plan, self.context.content)
        if not blockers:
            return True
        count = f"{len(blockers)} blocking finding{'s' if len(blockers) != 1 else ''}"
        listed = "\n".join(f"• {f.message}" for f in blockers[:8]) + ("\n…" if len(blockers) > 8 else "")
        message = (f"The plan has {count}, so it was not signed and no PDF was written. Resolve them (Review & "
                   f"sign lists them, blocking ones first), then export for signature again.\n\n{listed}")
        self.context.prompts.error("Not signed: the plan has blocking findings", message)
        self.finished.emit(str(target), False, f"Not signed: the plan has {count}.")
        return False

    # -- running -----------------------------------------------------------------------

    def plan_paths(self) -> tuple[Path, ...]:
        """The plan file the window has open (none for a plan not on disk): never an export's target."""
        path = getattr(self.context.document.backend, "path", None)
        return (Path(path),) if path else ()

    def _vetted(self, target: Path) -> bool:
        """Refuse a target that must not be written (the open plan, a device, a folder…) before any work."""
        try:
            vet_outputs([target], self.plan_paths(), OPEN_PLAN)
        except OutputError as exc:
            message = describe_refusal(target, exc)
            self.context.prompts.error("Export not written", message)
            self.finished.emit(str(target), False, message)
            return False
        return True

    def _start(self, write: Writer, plan: model.Plan, target: Path, what: str) -> bool:
        if self.busy:
            return False
        job = ExportJob(write, plan, target, self.plan_paths())
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        # Direct: the worker's event loop must stop before ``_done`` waits for the thread.
        job.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self._job, self._thread = job, thread
        self._open_dialog(job, what)
        self.started.emit(str(target))
        thread.start()
        return True

    def _open_dialog(self, job: ExportJob, what: str) -> None:
        if not self.show_progress:
            return
        dialog = QProgressDialog(f"Writing the {what}: {job.target.name}", "Cancel", 0, 1000, self._parent)
        dialog.setWindowTitle("Exporting")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # a quick export never flashes a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        job.progressed.connect(dialog.setValue, Qt.ConnectionType.QueuedConnection)
        dialog.canceled.connect(job.cancel)
        self._dialog = dialog

    @Slot(bool, str)
    def _done(self, ok: bool, message: str) -> None:
        job, thread = self._job, self._thread
        if job is None or thread is None:
            return
        thread.wait()
        self._job = self._thread = None
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        job.deleteLater()
        thread.deleteLater()
        if not ok:
            self._withdraw_signature()
        self.finished.emit(str(job.target), ok, message)
        if ok:
            self._offer(job.target)

    def _withdraw_signature(self) -> None:
        """No PDF, no signature: undo the signing edit if nothing was done after it."""
        stack = self.context.undo_stack
        if self._undo_on_failure is not None and stack.index() == self._undo_on_failure:
            stack.undo()
        self._undo_on_failure = None

    def _offer(self, target: Path) -> None:
        prompts = self.context.prompts
        choice = prompts.offer_open(target)
        if choice == OPEN_FILE:
            prompts.show_file(target)
        elif choice == OPEN_FOLDER:
            prompts.show_file(target.parent)

    def wait(self) -> None:
        """Block until a running export has ended (closing a plan or the app mid-export)."""
        if self._thread is not None:
            self._thread.wait()
