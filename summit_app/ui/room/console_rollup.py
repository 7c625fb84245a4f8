"""The live regional roll-up: the room's tables instead of plan files, its headline figures following their edits.

The dialog is the regional roll-up's own (``RollupDialog``: the smallest
group, named or anonymous, the workbook and PDF written all or none, off the
GUI thread), fed from the room: its list is the room's tables, and its plans
are read through the facilitator's read-only role (``room.room_rollup``).
Above it, the headline figures the workbook's summary sheet would print are
worked out again from the tables' plans each time the console hears that
tables changed; only those tables are read again, in a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from summit_app.export.rollup_figures import key_figures
from summit_app.plan import model
from summit_app.room.room_rollup import live_report, read_table, read_tables
from summit_app.room.state import load_state
from summit_app.ui.base import theme
from summit_app.ui.base.prompts import Prompts
from summit_app.ui.facilitation.rollup_dialog import RollupDialog
from summit_app.ui.facilitation.rollup_job import RollupJob
from summit_app.ui.room.console_jobs import REFUSALS, RoomJob, refusal_text
from summit_app.workflows.rollup import RollupRequest

#: How long edits are gathered before the tables are read again.
SETTLE_MS = 300


class LiveRollupDialog(RollupDialog):
    """The roll-up of the room's tables; ``figures_shown`` after the live figures were worked out again."""

    figures_shown = Signal()

    def __init__(self, room: Path, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(prompts, Path.home(), parent)
        self.room = room
        self.setWindowTitle("Live regional roll-up — summit room")
        self.tables: list[str] = []
        self.read: dict[str, model.Plan | str] = {}
        self._pending: set[str] = set()
        self._reading: RoomJob | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._read_pending)
        self._reword()
        self.layout().insertWidget(1, self._build_figures())  # type: ignore[union-attr]
        self.min_group.valueChanged.connect(lambda _v: self._show_figures())
        self.named.toggled.connect(lambda _on: self._show_figures())
        self.tables_changed(None)

    def _reword(self) -> None:
        """The file-picking parts of the dialog speak of the room's tables instead."""
        self.add_button.hide()
        self.remove_button.hide()
        self.plans.setAccessibleName("Tables in the roll-up")
        for label in self.findChildren(QLabel):
            if label.text() == "Plan files":
                label.setText("The room's tables (each read as the room has it now)")
            elif label.text().startswith("Combine the plan files"):
                label.setText("Every table's plan in the room, as one regional report. Figures over fewer "
                              "districts than the smallest group are left out.")

    def _build_figures(self) -> QGroupBox:
        box = QGroupBox("Headline figures now (they follow the tables' edits)")
        self.figures = QFormLayout(box)
        self.figures.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.figures_note = QLabel("Reading the tables…")
        theme.mark(self.figures_note, "muted")
        self.figures.addRow(self.figures_note)
        return box

    # -- the room's tables -------------------------------------------------------------------

    def plan_paths(self) -> list[Path]:
        return [Path(t) for t in self.tables]

    def make_job(self, request: RollupRequest) -> RollupJob:
        return RollupJob(request, read_tables(self.room))

    def tables_changed(self, tables: set[str] | None) -> None:
        """Some tables changed (None: any may have): read them again once their edits settle."""
        try:
            known = sorted(load_state(self.room).tables)
        except REFUSALS as exc:
            self.figures_note.setText(refusal_text(exc))
            return
        self._pending |= set(known) if tables is None else (set(tables) | (set(known) - set(self.read)))
        self.tables = known
        self._settle.start()

    def _read_pending(self) -> None:
        if self._reading is not None or not self._pending:
            return
        tables, self._pending = sorted(self._pending), set()
        room = self.room
        job = RoomJob(lambda: {t: read_table(room, t) for t in tables}, self)
        self._reading = job
        job.finished.connect(self._read_done)
        job.start()

    def _read_done(self, ok: bool, result: object) -> None:
        if self._reading is not None:
            self._reading.deleteLater()
        self._reading = None
        if ok and isinstance(result, dict):
            self.read.update(result)
        elif not ok:
            self.figures_note.setText(str(result))
        self._show_tables()
        self._show_figures()
        if self._pending:
            self._settle.start()

    def _show_tables(self) -> None:
        self.plans.clear()
        for table in self.tables:
            found = self.read.get(table)
            if isinstance(found, model.Plan):
                self.plans.addItem(f"{table} — {found.district.name or '(district not named yet)'}")
            else:
                self.plans.addItem(f"{table} — {found or 'not read yet'}")

    def plans_read(self) -> dict[str, model.Plan]:
        return {t: p for t, p in self.read.items() if isinstance(p, model.Plan) and t in self.tables}

    def _show_figures(self) -> None:
        while self.figures.rowCount() > 1:
            self.figures.removeRow(1)
        report = live_report(self.plans_read(), self.min_group.value(), self.named.isChecked())
        if report is None:
            self.figures_note.setText("No table's plan could be read yet.")
        else:
            self.figures_note.setText(f"{report.summary.district_count} of {len(self.tables)} tables' plans read.")
            for label, value in key_figures(report):
                shown = QLabel(value)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.figures.addRow(label, shown)
        self.figures_shown.emit()

    def figure(self, label: str) -> str:
        """The value shown beside ``label``, "" if none is (tests and tools read the figures through it)."""
        for row in range(1, self.figures.rowCount()):
            name = self.figures.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self.figures.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if name is not None and value is not None and name.widget().text().startswith(label):  # type: ignore[union-attr]
                return value.widget().text()  # type: ignore[union-attr]
        return ""

    def closeEvent(self, event: object) -> None:
        self._settle.stop()
        if self._reading is not None:
            self._reading.wait()
        super().closeEvent(event)
