"""The facilitator's room console: every table at a glance, and what the facilitator does with the room.

One row per table: its district, the seats in it and the pane each is on, how
far the plan has got, its findings, and its last activity. The rows follow
the tables live: the console listens on every table's channel as the room's
read-only role (``room.overview.RoomWatcher``) with a socket notifier, and
reads again only the tables that changed. Per table: its join code (text and
QR code) and, when asked, its passphrase; projecting it; a new passphrase;
removing a seat. For the room: adding a table, taking every plan home, the
live regional roll-up, stopping it. Slow work runs off the GUI thread; every
refusal is one line.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from summit_app.room import facilitator
from summit_app.room.overview import RoomWatcher, TableOverview, room_overview, table_overview
from summit_app.room.state import RoomState, load_state
from summit_app.store.presence import STALE_SECONDS
from summit_app.ui.base import theme
from summit_app.ui.room.console_code import JoinCodeView
from summit_app.ui.room.console_jobs import REFUSALS, RoomJob, refusal_text
from summit_app.ui.room.console_prompts import FROM_JSON, FROM_PLAN, ConsolePrompts
from summit_app.ui.room.console_rows import COLUMNS, PANE_TITLES, progress_detail, row_texts

#: How often the "last activity" words are brought up to date.
AGEING_MS = 10_000
#: How long the console gathers the tables' notifications before reading the changed tables.
GATHER_MS = 50
#: Columns of the table of tables.
TABLE, DISTRICT, SEATS, PROGRESS, FINDINGS, ACTIVITY = range(6)


def read_overviews(room: Path, tables: set[str] | None) -> tuple[RoomState, list[TableOverview], bool]:
    """The room's state and the overviews of ``tables`` (None: of every table, and True)."""
    state = load_state(room)
    if tables is None:
        return state, room_overview(room), True
    return state, [table_overview(room, t) for t in sorted(tables & set(state.tables))], False


class RoomConsole(QMainWindow):
    """The console of the room in ``room``; ``refreshed`` after the rows were read again."""

    refreshed = Signal(object)  # the set of tables read again
    job_finished = Signal(bool, str)  # a slow action ended: (succeeded, the line shown)
    stopped = Signal()

    def __init__(self, room: Path, prompts: ConsolePrompts | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.room = room
        self.prompts = prompts or ConsolePrompts(self)
        self.overviews: dict[str, TableOverview] = {}
        self.code_views: dict[str, JoinCodeView] = {}
        self.projections: dict[str, QWidget] = {}
        self.rollup: QWidget | None = None
        self.job: RoomJob | None = None
        self.watcher: RoomWatcher | None = None
        self._notifier: QSocketNotifier | None = None
        self.setWindowTitle("Summit room — console")
        self._build()
        self.resize(1280, 640)
        self._clock = QTimer(self)  # "12 s ago" ages without any edit: the words are redone, nothing is read
        self._clock.setInterval(AGEING_MS)
        self._clock.timeout.connect(self._age)
        self._pending: set[str] = set()
        self._gather = QTimer(self)  # edits of a busy room are read in one go, still well within a second
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self._read_pending)
        self._clock.start()
        self.loaded = False  # True once the tables were read a first time
        self._reader: RoomJob | None = None
        self._pending_all = True  # the first read, every table, off the GUI thread
        self.heading.setText("Summit room")
        self.statusBar().showMessage("Reading the room…", 5000)
        self._watch()
        self._read_pending()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(18, 14, 18, 10)
        self.heading = QLabel()
        theme.mark(self.heading, "paneTitle")
        self.where = QLabel()
        theme.mark(self.where, "muted")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addLayout(self._room_buttons())
        self.tables = QTableWidget(0, len(COLUMNS))
        self.tables.setHorizontalHeaderLabels(COLUMNS)
        self.tables.setAccessibleName("Tables of the room")
        self.tables.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tables.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tables.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tables.setTabKeyNavigation(False)  # rows are read, not edited: Tab goes on to the table's actions
        self.tables.setWordWrap(True)
        rows = self.tables.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(self.fontMetrics().height() * 2.6))
        self.tables.setAlternatingRowColors(True)
        header = self.tables.horizontalHeader()
        for column, mode in ((TABLE, QHeaderView.ResizeMode.ResizeToContents),
                             (DISTRICT, QHeaderView.ResizeMode.Interactive),
                             (SEATS, QHeaderView.ResizeMode.Stretch),
                             (PROGRESS, QHeaderView.ResizeMode.ResizeToContents),
                             (FINDINGS, QHeaderView.ResizeMode.ResizeToContents),
                             (ACTIVITY, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(DISTRICT, 220)
        self.tables.itemSelectionChanged.connect(self._selection_changed)
        self.tables.doubleClicked.connect(lambda _index: self.show_code())
        layout.addWidget(self.tables, 1)
        layout.addLayout(self._table_buttons())
        self.setCentralWidget(central)
        theme.mark(self.statusBar(), "statusBar")

    def _button(self, text: str, slot: object, row: QHBoxLayout, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        if primary:
            theme.mark(button, "primary")
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        row.addWidget(button)
        return button

    def _room_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = self._button("Add a table…", self.add_table, row, primary=True)
        self.export_button = self._button("Take every plan home…", self.export_all, row)
        self.rollup_button = self._button("Live regional roll-up…", self.open_rollup, row)
        row.addStretch(1)
        self.stop_button = self._button("Stop the room…", self.stop_room, row)
        return row

    def _table_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.selected_label = QLabel("Select a table for its actions.")
        theme.mark(self.selected_label, "muted")
        row.addWidget(self.selected_label)
        row.addStretch(1)
        self.code_button = self._button("Join code and passphrase…", self.show_code, row)
        self.project_button = self._button("Project this table", self.project, row)
        self.rotate_button = self._button("New passphrase…", self.rotate_passphrase, row)
        self.remove_seat_button = self._button("Remove a seat…", self.remove_seat, row)
        self.cards_button = self._button("Members' phone cards…", self.phone_cards, row)
        self._selection_changed()
        return row

    # -- reading the room ------------------------------------------------------------------

    def refresh(self, tables: set[str] | None = None) -> None:
        """Read the room again now: every table, or only ``tables`` (after an action of the console's own)."""
        try:
            self._show(read_overviews(self.room, tables))
        except REFUSALS as exc:
            self.statusBar().showMessage(refusal_text(exc))

    def _show(self, read: tuple[RoomState, list[TableOverview], bool]) -> None:
        """Show overviews just read (``whole``: every table's, so a table not among them is gone)."""
        state, overviews, whole = read
        if whole:
            self.overviews = {}
        self.overviews.update({o.table: o for o in overviews})
        self.overviews = {t: o for t, o in self.overviews.items() if t in state.tables}
        self.loaded = True
        self.heading.setText(f"Summit room · {len(state.tables)} table{'s' if len(state.tables) != 1 else ''}")
        self.where.setText(f"Seats join at {state.host}:{state.port} · room folder {self.room}")
        self._fill(datetime.now(UTC))
        self.refreshed.emit({o.table for o in overviews})

    def _fill(self, now: datetime) -> None:
        chosen = self.selected_table()
        ordered = sorted(self.overviews.values(), key=lambda o: o.table)
        self.tables.setRowCount(len(ordered))
        for row, overview in enumerate(ordered):
            for column, text in enumerate(row_texts(overview, now)):
                item = self.tables.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.tables.setItem(row, column, item)
                item.setText(text)
                item.setToolTip(progress_detail(overview) if column == PROGRESS else text)
                if column == FINDINGS and overview.findings[0]:
                    item.setForeground(Qt.GlobalColor.darkRed)
                elif column == FINDINGS:
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
            if overview.table == chosen:
                self.tables.selectRow(row)
        self._selection_changed()

    def row_of(self, table: str) -> list[str]:
        """The texts of ``table``'s row as shown (tests and tools read the console through it)."""
        for row in range(self.tables.rowCount()):
            item = self.tables.item(row, TABLE)
            if item is not None and item.text() == table:
                cells = (self.tables.item(row, c) for c in range(self.tables.columnCount()))
                return [cell.text() if cell is not None else "" for cell in cells]
        raise KeyError(table)

    def _watch(self) -> None:
        """Listen on every table's channel; a readable socket means some table changed."""
        self._unwatch()
        try:
            self.watcher = RoomWatcher(self.room)
        except REFUSALS as exc:
            self.statusBar().showMessage(f"Not following the tables live: {refusal_text(exc)}")
            return
        self._notifier = QSocketNotifier(self.watcher.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._heard)

    def _unwatch(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None

    def _heard(self) -> None:
        if self.watcher is None:
            return
        try:
            changed = self.watcher.changed(0)
        except REFUSALS as exc:
            self._unwatch()
            self.statusBar().showMessage(f"Not following the tables live: {refusal_text(exc)}")
            return
        if changed:
            self._pending |= changed
            if not self._gather.isActive():
                self._gather.start()

    def _read_pending(self) -> None:
        """Read the tables heard of in a worker thread (one read at a time; what is heard meanwhile waits)."""
        if self._reader is not None or not (self._pending or self._pending_all):
            return
        tables = None if self._pending_all else set(self._pending)
        self._pending, self._pending_all = set(), False
        room = self.room
        reader = RoomJob(lambda: read_overviews(room, tables), self)
        self._reader = reader
        reader.finished.connect(self._read_done)
        reader.start()

    def _read_done(self, ok: bool, result: object) -> None:
        if self._reader is not None:
            self._reader.deleteLater()
        self._reader = None
        if ok:
            self._show(result)  # type: ignore[arg-type]
        else:
            self.statusBar().showMessage(str(result))
        self._read_pending()

    def _age(self) -> None:
        """Redo the "last activity" words; read again the tables whose seats have gone quiet (a laptop shut)."""
        now = datetime.now(UTC)
        quiet = {o.table for o in self.overviews.values()
                 if any((now - s.seen).total_seconds() > STALE_SECONDS for s in o.seats)}
        if quiet:
            self._pending |= quiet
            self._read_pending()
        self._fill(now)

    # -- the selected table ---------------------------------------------------------------

    def selected_table(self) -> str | None:
        rows = self.tables.selectionModel().selectedRows() if self.tables.selectionModel() else []
        if not rows:
            return None
        item = self.tables.item(rows[0].row(), TABLE)
        return item.text() if item is not None else None

    def select(self, table: str) -> None:
        for row in range(self.tables.rowCount()):
            item = self.tables.item(row, TABLE)
            if item is not None and item.text() == table:
                self.tables.selectRow(row)
                return
        raise KeyError(table)

    def _selection_changed(self) -> None:
        table = self.selected_table()
        for button in (self.code_button, self.project_button, self.rotate_button, self.remove_seat_button,
                       self.cards_button):
            button.setEnabled(table is not None)
        if table is not None:
            seats = len(self.overviews[table].seats) if table in self.overviews else 0
            self.remove_seat_button.setEnabled(seats > 0)
        self.selected_label.setText(f"<b>Table {table}</b>" if table else "Select a table for its actions.")

    # -- per-table actions --------------------------------------------------------------------

    def show_code(self) -> JoinCodeView | None:
        table = self.selected_table()
        if table is None:
            return None
        view = self.code_views.get(table)
        if view is None:
            try:
                state, _seat = facilitator.table_seat(self.room, table)
            except REFUSALS as exc:
                self._refused("Cannot show the join code", exc)
                return None
            view = JoinCodeView(self.room, table, facilitator.join_code(state, table).text(), self)
            self.code_views[table] = view
        view.show()
        view.raise_()
        return view

    def project(self) -> QWidget | None:
        table = self.selected_table()
        if table is None:
            return None
        shown = self.projections.get(table)
        if shown is None:
            from summit_app.ui.room.console_projection import ProjectionWindow

            try:
                shown = ProjectionWindow(self.room, table)
            except REFUSALS as exc:
                self._refused("Cannot project the table", exc)
                return None
            shown.closed.connect(lambda t=table: self.projections.pop(t, None))
            self.projections[table] = shown
        shown.show()
        shown.raise_()
        return shown

    def rotate_passphrase(self) -> bool:
        table = self.selected_table()
        if table is None or not self.prompts.confirm(
                "New passphrase", f"Give table {table} a new passphrase? Every seat of the table is signed out "
                "and must join again with the new one.", "Sign its seats out"):
            return False
        try:
            facilitator.rotate_passphrase(self.room, table)
        except REFUSALS as exc:
            self._refused("The passphrase was not changed", exc)
            return False
        view = self.code_views.get(table)
        if view is not None:
            view.passphrase_changed()
        self.statusBar().showMessage(f"Table {table} has a new passphrase; its seats were signed out.", 15000)
        self.refresh({table})
        return True

    def remove_seat(self) -> bool:
        """Ask which seat of the selected table to remove (the question is the confirmation), then remove it."""
        table = self.selected_table()
        overview = self.overviews.get(table or "")
        if table is None or overview is None or not overview.seats:
            return False
        choices = [(s.seat_id, f"{s.author or 'unnamed'} — {PANE_TITLES.get(s.pane, s.pane) or 'joining'}")
                   for s in overview.seats]
        seat_id = self.prompts.choose_seat(
            "Remove a seat", f"Remove which seat from table {table}? That laptop stops editing the plan and "
            "cannot come back as this seat (it may join again with the table's passphrase).", choices)
        seat = next((s for s in overview.seats if s.seat_id == seat_id), None)
        if seat is None:
            return False
        try:
            facilitator.remove_seat(self.room, table, seat.seat_id)
        except REFUSALS as exc:
            self._refused("The seat was not removed", exc)
            return False
        self.statusBar().showMessage(f"Removed {seat.author}'s seat from table {table}.", 15000)
        self.refresh({table})
        return True

    def phone_cards(self) -> bool:
        """The selected table's members' phone cards as a PDF (the phone service started first if need be)."""
        table = self.selected_table()
        if table is None:
            return False
        from summit_app.ui.room.phones_cards import PDF_FILTER, cards_pdf, print_cards

        chosen = self.prompts.export_path(f"Print table {table}'s phone cards",
                                          Path.home() / f"{table} phone cards.pdf", PDF_FILTER)
        if chosen is None:
            return False
        target = cards_pdf(chosen)
        return self._run(lambda: print_cards(self.room, table, target), f"Printing table {table}'s phone cards…",
                         str, "The phone cards were not printed")

    # -- room actions ----------------------------------------------------------------------------

    def add_table(self) -> bool:
        choice = self.prompts.new_table(sorted(self.overviews))
        if choice is None:
            return False
        if choice.source in (FROM_PLAN, FROM_JSON) and choice.path is None:
            self.prompts.error("The table was not added", "Choose the file its plan starts from.")
            return False
        from summit_app.room.tables import add_table_from

        source = str(choice.path) if choice.path is not None else None
        try:
            add_table_from(self.room, choice.name, plan_file=source if choice.source == FROM_PLAN else None,
                           json_file=source if choice.source == FROM_JSON else None)
        except REFUSALS as exc:
            self._refused("The table was not added", exc)
            return False
        self.statusBar().showMessage(f"Added table {choice.name}.", 15000)
        self.refresh()
        self._heard()  # the watcher listens on the new table's channels from its next look on
        self.select(choice.name)
        return True

    def export_all(self) -> bool:
        folder = self.prompts.folder("Take every plan home into", Path.home())
        if folder is None:
            return False
        from summit_app.room.tables import export_all

        return self._run(lambda: export_all(self.room, folder), f"Writing every table's plan into {folder}…",
                         lambda files: f"Wrote {len(files)} plans into {folder}.", "The plans were not written")

    def open_rollup(self) -> QWidget:
        if self.rollup is None:
            from summit_app.ui.room.console_rollup import LiveRollupDialog

            self.rollup = LiveRollupDialog(self.room, self.prompts, self)
            self.refreshed.connect(self.rollup.tables_changed)
        self.rollup.show()
        self.rollup.raise_()
        return self.rollup

    def stop_room(self) -> bool:
        if not self.prompts.confirm("Stop the room", "Stop the room's server? Every seat is disconnected; every "
                                    "edit already made is kept, and starting the room again brings it back.",
                                    "Stop the room"):
            return False
        self._unwatch()
        try:
            facilitator.stop_room(self.room)
        except REFUSALS as exc:
            self._refused("The room was not stopped", exc)
            self._watch()
            return False
        self.statusBar().showMessage("The room is stopped.")
        self.stopped.emit()
        self.close()
        return True

    def _run(self, call: object, doing: str, said: object, refused: str) -> bool:
        """Run ``call`` off the GUI thread (one job at a time); say how it ended."""
        if self.job is not None:
            self.statusBar().showMessage("Another room task is still running; try again when it has finished.")
            return False
        job = RoomJob(call, self)  # type: ignore[arg-type]
        self.job = job
        self.export_button.setEnabled(False)
        self.statusBar().showMessage(doing)

        def finished(ok: bool, result: object) -> None:
            self.job = None
            job.deleteLater()
            self.export_button.setEnabled(True)
            line = said(result) if ok else str(result)  # type: ignore[operator]
            self.statusBar().showMessage(line, 30000)
            if not ok:
                self.prompts.error(refused, line)
            self.job_finished.emit(ok, line)

        job.finished.connect(finished)
        job.start()
        return True

    def _refused(self, title: str, exc: BaseException) -> None:
        self.prompts.error(title, refusal_text(exc))

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.wait()
        self._clock.stop()
        self._gather.stop()
        if self._reader is not None:
            self._reader.wait()
        self._unwatch()
        for window in [*self.projections.values(), *self.code_views.values()]:
            window.close()
        if self.rollup is not None:
            self.rollup.close()
        super().closeEvent(event)
