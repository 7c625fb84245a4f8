"""Exports off the UI thread: the Excel workbook, a draft PDF, and the PDF for signature.

The writers are pure functions of a plan snapshot, so a worker thread can run
them while the team keeps working on the live plan. The worker runs the same
export workflows as the command line (``summit_app.workflows.exports``);
targets are vetted and written by ``summit_app.outputs``: the open plan
(by any path to it), its journal and lock, any other plan file, a device, a
pipe or a folder is refused before anything is written, and each export
writes a temporary file beside the target and renames it into place only when
the writer has finished, so a failed or cancelled export never leaves half a
file (or destroys the previous one) under the chosen name. "PDF for
signature" writes the PDF of the plan as signed, then records the fingerprint
and time through the window's edit path (on the UI thread, undoably), then
moves the PDF into place: no signature without its PDF, and no PDF without it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from summit_app.outputs import OutputBatch, OutputError, vet_outputs
from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import Edit
from summit_app.store.backend import local_path
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.prompts import OPEN_FILE, OPEN_FOLDER
from summit_app.workflows import exports
from summit_app.workflows.exports import PlanWriter, fraction, sign_and_export

__all__ = ["OPEN_FILE", "OPEN_FOLDER", "OPEN_PLAN", "ExportCancelled", "ExportJob", "ExportRunner",
           "write_into_place"]

Writer = PlanWriter
#: How often ``ExportRunner.wait`` looks for a signature the worker waits for.
WAIT_STEP_MS = 20
#: How a refusal names the plan the window has open.
OPEN_PLAN = "the plan open in this window"


class ExportCancelled(Exception):
    """The user pressed Cancel; raised inside the writer through its progress callback."""


def write_into_place(write: Writer, plan: model.Plan, target: Path, progress: Callable[..., None],
                     plans: Iterable[Path] = ()) -> None:
    """The workflow's ``write_into_place``, with refusals naming the plan open in this window."""
    exports.write_into_place(write, plan, target, progress, plans, OPEN_PLAN)


class SignatureRecorder(QObject):
    """Records the signature for a worker thread: on the UI thread, through the window's edit path.

    The export workflow calls it from the worker once the PDF is written, and
    the worker waits for the answer. The request is delivered by a queued
    signal, or taken at once by ``serve`` when the UI thread is itself waiting
    for the worker (``ExportRunner.wait``), so neither waits for the other.
    """

    asked = Signal()

    def __init__(self, record: Callable[[Edit], None]) -> None:
        super().__init__()
        self._record = record
        self._answered = threading.Event()
        self._pending: Edit | None = None
        self._failure: Exception | None = None
        self.asked.connect(self.serve, Qt.ConnectionType.QueuedConnection)

    def __call__(self, edit: Edit) -> None:
        """(worker thread) Ask for ``edit`` to be recorded and wait; raise if it was not."""
        self._answered.clear()
        self._pending = edit
        self.asked.emit()
        self._answered.wait()
        if self._failure is not None:
            raise self._failure

    @Slot()
    def serve(self) -> None:
        """(UI thread) Record the signature asked for, if one is waiting."""
        edit, self._pending = self._pending, None
        if edit is None:
            return
        try:
            self._record(edit)
        except Exception as exc:  # handed back to the worker, whose export then fails
            self._failure = exc
        self._answered.set()


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
    """One export, run in a worker thread; reports progress and its result by signal.

    With a ``signer``, the export is for signature: the workflow records the
    signature through it once the PDF is written, before moving it into place.
    """

    progressed = Signal(int)  # per mille, for a progress bar
    done = Signal(bool, str)  # ok, message

    def __init__(self, write: Writer, plan: model.Plan, target: Path, plans: Iterable[Path] = (),
                 signer: SignatureRecorder | None = None, content: Content | None = None) -> None:
        super().__init__()
        if signer is not None and content is None:
            raise ValueError("an export for signature checks the plan: give the content")
        self._write, self._plan, self.target = write, plan, target
        self._plans = tuple(plans)  # no export may replace these
        self._signer = signer
        self._content = content
        self._cancelled = False

    def cancel(self) -> None:
        """Ask the writer to stop at its next progress report (a plain flag: read by one thread)."""
        self._cancelled = True

    def _progress(self, *args: float) -> None:
        """Writers report ``progress(fraction)``; ``progress(done, total)`` is understood too."""
        if self._cancelled:
            raise ExportCancelled
        self.progressed.emit(round(1000 * fraction(*args)))

    def _export(self) -> None:
        if self._signer is None or self._content is None:
            write_into_place(self._write, self._plan, self.target, self._progress, self._plans)
            return
        with OutputBatch([self.target], self._plans, OPEN_PLAN) as batch:
            sign_and_export(batch, self._plan, self._content, [(self.target, self._write)], self._signer,
                            progress=self._progress)

    @Slot()
    def run(self) -> None:
        try:
            self._export()
        except ExportCancelled:
            self.done.emit(False, f"Export of {self.target.name} cancelled; nothing was written.")
        except Exception as exc:  # any writer failure is reported to the user, never lost in a thread
            self.done.emit(False, describe_failure(self.target, exc))
        else:
            self.done.emit(True, f"Saved {self.target.name}")

    def serve(self) -> None:
        """(UI thread) Record a signature the worker is waiting for."""
        if self._signer is not None:
            self._signer.serve()


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
        if self.busy or not self._vetted(Path(path)):
            return False
        return self._start(exports.workbook, Path(path), "Excel workbook")

    def export_pdf(self, path: Path | str, for_signature: bool = False) -> bool:
        """Write the PDF; for signature, the export workflow records the signature once the PDF is written."""
        target = Path(path)
        if self.busy or not self._vetted(target):
            return False
        self._undo_on_failure = None
        if not for_signature:
            return self._start(exports.pdf_writer(draft=True), target, "draft PDF")
        if not self._may_sign(target):
            return False
        plan = self.context.plan
        signer = SignatureRecorder(lambda edit: self._record_signature(plan, edit))
        return self._start(exports.pdf_writer(draft=False), target, "PDF for signature", signer)

    def _record_signature(self, exported: model.Plan, edit: Edit) -> None:
        """(UI thread) Apply the signing edit undoably, if the plan is still the one the PDF shows."""
        if self.context.closed:
            raise RuntimeError("the plan was closed before the PDF was written")
        if self.context.plan is not exported:
            raise RuntimeError("the plan changed while the PDF was written; export it for signature again")
        if not self.context.edit(edit):
            raise RuntimeError("the plan could not be marked as signed")
        self._undo_on_failure = self.context.undo_stack.index()

    def _may_sign(self, target: Path) -> bool:
        """A plan with blocking findings is not signed: say what blocks it, write nothing."""
        from summit_app.plan.checks import signing_blockers
        from summit_app.ui.base.findings_service import findings_of

        blockers = signing_blockers(findings_of(self.context).current(self.context.plan))
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
        path = local_path(self.context.document.backend)
        return (path,) if path is not None else ()

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

    def _start(self, write: Writer, target: Path, what: str, signer: SignatureRecorder | None = None) -> bool:
        if self.busy:
            return False
        job = ExportJob(write, self.context.plan, target, self.plan_paths(), signer, self.context.content)
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
        while self._thread is not None and not self._thread.wait(WAIT_STEP_MS):
            if self._job is not None:
                self._job.serve()
