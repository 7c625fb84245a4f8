"""File → Regional roll-up…: many districts' plan files into one regional workbook (and PDF).

The same roll-up as ``summit-app rollup``: the files are read, summarised and
written in a worker thread while a progress bar moves, so the window stays
alive on a long list. A file that cannot be read is listed with its reason and
left out; it never stops the roll-up. The outputs are written beside their
final names and renamed into place, so a failure leaves no half file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan.rollup import DEFAULT_MIN_GROUP
from summit_app.ui.base import theme
from summit_app.ui.base.prompts import Prompts
from summit_app.ui.facilitation.rollup_job import RollupJob
from summit_app.workflows.rollup import RollupRequest

XLSX_FILTER = "Excel workbooks (*.xlsx)"
PDF_FILTER = "PDF documents (*.pdf)"


class RollupDialog(QDialog):
    """Choose plan files, the smallest group, named or anonymous, and where to write; then Run."""

    finished_rollup = Signal(bool, str)

    def __init__(self, prompts: Prompts, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Regional roll-up")
        self.prompts = prompts
        self.folder = folder or Path.home()
        self._thread: QThread | None = None
        self._job: RollupJob | None = None
        layout = QVBoxLayout(self)
        intro = QLabel("Combine the plan files of several districts into one regional report. "
                       "Figures over fewer districts than the smallest group are left out.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._build_plan_list())
        layout.addLayout(self._build_options())
        layout.addLayout(self._build_run_row())
        self.skipped = QListWidget()
        self.skipped.setAccessibleName("Files left out")
        self.skipped_label = QLabel("Files left out")
        self.skipped_label.setBuddy(self.skipped)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.skipped)
        self._show_skipped([], ran=False)
        self.resize(760, 620)

    # -- building ------------------------------------------------------------------------------

    def _build_plan_list(self) -> QVBoxLayout:
        column = QVBoxLayout()
        label = QLabel("Plan files")
        self.plans = QListWidget()
        self.plans.setAccessibleName("Plan files")
        self.plans.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        label.setBuddy(self.plans)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add plan files…")
        self.add_button.clicked.connect(self.add_plans)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addWidget(label)
        column.addWidget(self.plans, 1)
        column.addLayout(buttons)
        return column

    def _build_options(self) -> QFormLayout:
        form = QFormLayout()
        self.min_group = QSpinBox()
        self.min_group.setRange(1, 99)
        self.min_group.setValue(DEFAULT_MIN_GROUP)
        self.min_group.setSuffix(" districts")
        form.addRow("Smallest group", self.min_group)
        self.anonymous = QRadioButton("Anonymous: no district is named")
        self.named = QRadioButton("Named: a table of each district's own figures")
        self.anonymous.setChecked(True)
        who = QVBoxLayout()
        who.addWidget(self.anonymous)
        who.addWidget(self.named)
        form.addRow("Districts", who)
        self.xlsx = QLineEdit(str(self.folder / "Regional roll-up.xlsx"))
        form.addRow("Workbook", self._path_row(self.xlsx, "Save the workbook as", XLSX_FILTER))
        self.with_pdf = QCheckBox("Also write a PDF")
        self.pdf = QLineEdit(str(self.folder / "Regional roll-up.pdf"))
        pdf_row = self._path_row(self.pdf, "Save the PDF as", PDF_FILTER)
        pdf_row.insertWidget(0, self.with_pdf)
        self.with_pdf.toggled.connect(self.pdf.setEnabled)
        self.pdf.setEnabled(False)
        form.addRow("PDF", pdf_row)
        return form

    def _path_row(self, edit: QLineEdit, title: str, file_filter: str) -> QHBoxLayout:
        row = QHBoxLayout()
        edit.setAccessibleName(title)
        choose = QPushButton("Choose…")
        choose.setAccessibleName(f"{title}…")
        choose.clicked.connect(lambda _c=False: self._choose(edit, title, file_filter))
        row.addWidget(edit, 1)
        row.addWidget(choose)
        return row

    def _build_run_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.run_button = QPushButton("Run roll-up")
        theme.mark(self.run_button, "primary")
        self.run_button.clicked.connect(self.run)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        column = QVBoxLayout()
        column.addWidget(self.progress)
        column.addWidget(self.status)
        row.addLayout(column, 1)
        row.addWidget(self.run_button)
        row.addWidget(close)
        return row

    # -- choosing ------------------------------------------------------------------------------

    def plan_paths(self) -> list[Path]:
        return [Path(self.plans.item(i).text()) for i in range(self.plans.count())]

    def add_plans(self) -> None:
        chosen = self.prompts.open_paths("Plan files to roll up", self.folder)
        listed = {str(p) for p in self.plan_paths()}
        for path in chosen:
            if str(path) not in listed:
                self.plans.addItem(str(path))
                listed.add(str(path))
        if chosen:
            self.folder = chosen[0].parent

    def remove_selected(self) -> None:
        for item in self.plans.selectedItems():
            self.plans.takeItem(self.plans.row(item))

    def _choose(self, edit: QLineEdit, title: str, file_filter: str) -> None:
        path = self.prompts.export_path(title, Path(edit.text() or self.folder), file_filter)
        if path is not None:
            edit.setText(str(path))

    def request(self) -> RollupRequest | str:
        """What to run, or why it cannot run yet."""
        plans = self.plan_paths()
        if not plans:
            return "Add the plan files to roll up."
        xlsx = Path(self.xlsx.text().strip()) if self.xlsx.text().strip() else None
        pdf = Path(self.pdf.text().strip()) if self.with_pdf.isChecked() and self.pdf.text().strip() else None
        for target in (t for t in (xlsx, pdf) if t is not None):
            if target.is_dir() or not target.parent.is_dir():
                return f"{target}: give a file name in a folder that exists."
        if xlsx is None:
            return "Choose where to save the workbook."
        return RollupRequest(tuple(plans), xlsx, pdf, self.min_group.value(), self.named.isChecked())

    # -- running -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def run(self) -> bool:
        """Start the roll-up in a worker thread; False (with the reason shown) if it cannot start."""
        request = self.request()
        if isinstance(request, str) or self.busy:
            self.status.setText(request if isinstance(request, str) else "A roll-up is already running.")
            return False
        job, thread = self.make_job(request), QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.progressed.connect(self.progress.setValue, Qt.ConnectionType.QueuedConnection)
        job.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        job.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self._job, self._thread = job, thread
        self.progress.setValue(0)
        self.status.setText(f"Reading {len(request.plans)} plan files…")
        self.run_button.setEnabled(False)
        self._show_skipped([], ran=False)
        thread.start()
        return True

    def make_job(self, request: RollupRequest) -> RollupJob:
        """The job that reads the plans and writes the outputs (plan files here)."""
        return RollupJob(request)

    @Slot(bool, str, list)
    def _done(self, ok: bool, message: str, skipped: list[str]) -> None:
        job, thread = self._job, self._thread
        self._job = self._thread = None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if job is not None:
            job.deleteLater()
        self.run_button.setEnabled(True)
        self.progress.setValue(1000 if ok else self.progress.value())
        self.status.setText(message)
        self._show_skipped(skipped)
        self.finished_rollup.emit(ok, message)

    def _show_skipped(self, lines: list[str], *, ran: bool = True) -> None:
        """After a run: which files were left out and why (or that none was)."""
        self.skipped.clear()
        self.skipped.addItems(lines)
        self.skipped_label.setText(f"Files left out ({len(lines)})" if lines else "No file was left out.")
        self.skipped_label.setVisible(ran)
        self.skipped.setVisible(bool(lines))

    def wait(self) -> None:
        """Block until a running roll-up has finished (closing the window mid-run)."""
        if self._thread is not None:
            self._thread.wait()

    def closeEvent(self, event: object) -> None:
        self.wait()
        super().closeEvent(event)  # type: ignore[arg-type]
