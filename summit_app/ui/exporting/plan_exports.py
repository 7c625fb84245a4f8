"""The open plan's exports, owned by the window: ask where, then run the export off the UI thread.

File ▸ Export and the Review pane's buttons both call ``PlanExports.export``
with an ``ExportKind``; one runner means one export at a time, whichever
started it. It is made at its first use (``exports_of``), over the plan's
window, and kept on the context (``context.exports``) for the panes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from summit_app.store.backend import local_path
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.export_kinds import ExportKind, export_file_name
from summit_app.ui.exporting.export_runner import ExportRunner


class PlanExports(QObject):
    """The exports of one open plan; ``runner`` tells when each starts and ends."""

    def __init__(self, context: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        widget = parent if isinstance(parent, QWidget) else None
        self.runner = ExportRunner(context, widget)  # its progress dialog shows over the window
        self.runner.setParent(self)
        self.last_result: tuple[str, bool, str] | None = None  # (path, ok, message) of the last export
        self.runner.finished.connect(self._remember)

    def _remember(self, path: str, ok: bool, message: str) -> None:
        self.last_result = (path, ok, message)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def suggested_path(self, kind: ExportKind) -> Path:
        """Beside the plan file, named after the district and the plan's fiscal years."""
        plan_path = local_path(self.context.document.backend)
        folder = plan_path.parent if plan_path is not None else Path.home()
        return folder / export_file_name(self.context.plan, kind)

    def export(self, kind: ExportKind) -> bool:
        """Ask where (through the prompt service), then start the export; False if none started."""
        if self.runner.busy:
            return False
        path = self.context.prompts.export_path(kind.title, self.suggested_path(kind), kind.file_filter)
        if path is None:
            return False
        if path.suffix.lower() != kind.suffix:
            path = path.with_name(path.name + kind.suffix)
        if kind.suffix == ".xlsx":
            return self.runner.export_xlsx(path)
        return self.runner.export_pdf(path, for_signature=kind.for_signature)


def exports_of(context: UiContext) -> PlanExports:
    """The plan's exports, made at first use and kept on the context: owned by the plan's window (its
    progress dialog shows over it), or by the context for a pane shown without a window."""
    if not isinstance(context.exports, PlanExports):
        window = context.parent()
        context.exports = PlanExports(context, window if isinstance(window, QWidget) else context)
    return context.exports
