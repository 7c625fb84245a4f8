"""The main window: welcome screen or the open plan, menus, zoom, and the status bar.

One plan at a time. Every edit is already durable when it returns (the plan
file is written per edit), so the status bar can say "All changes saved" and
closing the window never asks to save.
"""

from __future__ import annotations

import getpass
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from summit_app.plan import model
from summit_app.plan.content import load_content
from summit_app.plan.document import PlanDocument
from summit_app.plan.edits import Edit
from summit_app.plan.progress import furthest_started, pane_states
from summit_app.store.backend import local_path
from summit_app.store.errors import PlanFileError
from summit_app.store.plan_check import BrokenPlanError
from summit_app.store.plan_file import close_document
from summit_app.ui.base import theme
from summit_app.ui.base.context import SharedEditor, UiContext
from summit_app.ui.base.preferences import Preferences
from summit_app.ui.base.prompts import Prompts, with_plan_suffix
from summit_app.ui.facilitation.present.tools import FacilitatorTools
from summit_app.ui.window import menus, opening
from summit_app.ui.window.author import AuthorButton
from summit_app.ui.window.faults_view import PlanFaultsView
from summit_app.ui.window.welcome import WelcomeScreen
from summit_app.ui.workspace.workspace import PlanWorkspace

if TYPE_CHECKING:  # the export code loads at the first export, not with the first window
    from summit_app.ui.exporting.plan_exports import PlanExports
    from summit_app.ui.room.join_dialog import JoinDialog, Joined
    from summit_app.ui.room.seat_room import SeatRoom

APP_TITLE = "Summit Planner"
SAVED = "All changes saved"


def _plan_urls(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile().endswith(".techplan")]


#: What a team sees first in a new, empty plan (the steps show findings once they are started).
FIRST_STEP = ("A new plan: start with step 1, District & team — name the district and who is at the table. "
              "Each step shows its findings once you have started it.")


class MainWindow(QMainWindow):
    """The app's window; ``open_path`` opens a plan, ``close_plan`` returns to the welcome screen."""

    def __init__(self, preferences: Preferences | None = None, prompts: Prompts | None = None,
                 *, remember: bool = True, prebuild: bool = False) -> None:
        super().__init__()
        self.prebuild = prebuild  # build every pane ahead while idle (the running app; not tests)
        self.preferences = preferences or Preferences.load()
        self.prompts = prompts or Prompts(self)
        self.remember = remember  # False for --smoke and tools: leave the user's preferences alone
        self.context: UiContext | None = None
        self.workspace: PlanWorkspace | None = None
        self.faults_view: PlanFaultsView | None = None  # a plan that breaks the format's rules, listed
        self.seat_room: SeatRoom | None = None  # the open plan is a summit table's, edited from this seat
        self.join_dialog: JoinDialog | None = None
        self.undo_group = QUndoGroup(self)
        self.recent_menu = QMenu("Open &Recent", self)
        self.help_windows: dict[str, QWidget] = {}  # the Help menu's windows, made on first use
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self._restore_geometry()
        self.pages = QStackedWidget()
        self.welcome = WelcomeScreen()
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)
        self._build_status_bar()
        self.author_button = AuthorButton(self.author, self.ask_author, self)  # the name the edit log records
        self.statusBar().addPermanentWidget(self.author_button)
        self.facilitator = FacilitatorTools(self)  # present mode, time-boxes, voting, roll-up
        self.actions_ = menus.build_menus(self)
        self._connect_welcome()
        self._show_welcome()

    # -- chrome ---------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        theme.mark(bar, "statusBar")
        self.file_label = QLabel()
        self.saved_label = QLabel()
        self.read_only_badge = QLabel("Read-only: editing is off")
        theme.mark(self.read_only_badge, "readOnlyBadge")
        self.read_only_badge.hide()
        bar.addWidget(self.file_label, 1)
        bar.addPermanentWidget(self.read_only_badge)
        bar.addPermanentWidget(self.saved_label)

    def _connect_welcome(self) -> None:
        self.welcome.new_blank.connect(self.new_blank_plan)
        self.welcome.new_demo.connect(self.new_demo_plan)
        self.welcome.open_other.connect(self.open_dialog)
        self.welcome.open_recent.connect(self.open_path)

    def _restore_geometry(self) -> None:
        if self.preferences.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.preferences.geometry.encode("ascii")))

    def _update_title(self) -> None:
        if self.context is None:
            self.setWindowTitle(APP_TITLE)
            return
        district = self.context.plan.district.name or "Untitled district"
        suffix = " (read-only)" if self.context.read_only else ""
        where = self.seat_room.seat_title if self.seat_room is not None else self.plan_path().name
        self.setWindowTitle(f"{district} — {where}{suffix} — {APP_TITLE}")

    def _show_welcome(self) -> None:
        self._drop_faults()
        self.welcome.set_recent(self.preferences.recent_plans())
        self.pages.setCurrentWidget(self.welcome)
        self.file_label.setText("No plan open")
        self.saved_label.clear()
        self.read_only_badge.hide()
        self._update_title()
        menus.update_enabled(self)

    # -- opening and closing ------------------------------------------------------------

    def plan_path(self) -> Path:
        """The open plan's file (this window opens plan files on this computer; a seat's is its mirror)."""
        assert self.context is not None
        if self.seat_room is not None:
            return self.seat_room.place.mirror
        path = local_path(self.context.document.backend)
        assert path is not None, "the window opens plan files"
        return path

    def author(self) -> str:
        """The name the edit log records: the seat's at a summit table, else the one chosen on this computer."""
        if self.seat_room is not None:
            return self.seat_room.author
        return self.preferences.author or getpass.getuser()

    def set_author(self, name: str) -> None:
        """Use ``name`` for this seat from now on: preferences, the open plan's log, the status bar."""
        self.preferences.author = name.strip()
        if self.remember:
            self.preferences.save()
        if self.seat_room is not None:
            self.seat_room.author = name.strip() or self.seat_room.author
        if self.context is not None:
            self.context.document.author = self.author()
        self.author_button.show_name()

    def ask_author(self) -> bool:
        """Ask for the name (through the prompt service); False if the question was cancelled."""
        name = self.prompts.author_name(self.preferences.author or self.author())
        if name is None:
            return False
        self.set_author(name)
        return True

    def open_path(self, path: Path, read_only: bool = False) -> bool:
        """Open ``path`` in this window (closing the current plan first); False if it was refused.

        A plan whose items break the format's rules is not opened: its broken items are listed instead.
        """
        broken: list[BrokenPlanError] = []
        document = opening.open_plan(Path(path), self.prompts, author=self.author(), read_only=read_only,
                                     on_broken=broken.append)
        if broken:
            return self._show_faults(Path(path), broken[0])
        return self._show_document(document)

    def _show_faults(self, path: Path, broken: BrokenPlanError) -> bool:
        self.close_plan()
        self._drop_faults()
        self.faults_view = PlanFaultsView(path, broken.faults, repairable=broken.plan is not None)
        self.faults_view.closed.connect(self._show_welcome)
        self.faults_view.repair_asked.connect(lambda: self.save_repaired_copy(path, broken))
        self.pages.addWidget(self.faults_view)
        self.pages.setCurrentWidget(self.faults_view)
        self.file_label.setText(str(path))
        self.read_only_badge.show()
        self.saved_label.setText("Not opened: the plan breaks the format's rules")
        self.setWindowTitle(f"{path.name} (not opened) — {APP_TITLE}")
        return True

    def save_repaired_copy(self, path: Path, broken: BrokenPlanError) -> bool:
        """A new plan file from a broken one, each broken item reset or left out; the broken file stays."""
        from summit_app.plan.repair import repair

        if broken.plan is None:
            return False
        repaired, changes = repair(broken.plan, load_content())
        chosen = self.prompts.save_path("Save a repaired copy", path.with_name(f"{path.stem} repaired.techplan"))
        if chosen is None:
            return False
        target = with_plan_suffix(chosen)
        if not self._show_document(opening.create_plan(target, repaired, self.prompts, self.author())):
            return False
        count = f"{len(changes)} {'change' if len(changes) == 1 else 'changes'}"
        self.statusBar().showMessage(f"Repaired copy saved as {target.name} ({count})", 30000)
        self.prompts.report("Repaired copy saved", f"{target} was made from {path.name} with {count}. "
                            f"Check them and re-enter what was lost; {path.name} was not changed.", changes)
        return True

    def _drop_faults(self) -> None:
        if self.faults_view is not None:
            self.pages.removeWidget(self.faults_view)
            self.faults_view.deleteLater()
            self.faults_view = None

    def open_dialog(self) -> bool:
        folder = self.plan_path().parent if self.context else None
        path = self.prompts.open_path(folder)
        return self.open_path(path) if path else False

    def new_blank_plan(self) -> bool:
        return self._new_plan("New plan", "New plan.techplan", model.Plan())

    def new_demo_plan(self) -> bool:
        from summit_app.plan.samples import demo_plan

        return self._new_plan("New plan from the demo district", "Demo plan.techplan", demo_plan())

    def _new_plan(self, title: str, name: str, plan: model.Plan) -> bool:
        folder = self.plan_path().parent if self.context else Path.home()
        chosen = self.prompts.save_path(title, folder / name)
        if chosen is None:
            return False
        path = with_plan_suffix(chosen)
        return self._show_document(opening.create_plan(path, plan, self.prompts, self.author()))

    def import_json(self) -> bool:
        """File ▸ Import plan from JSON: a new plan file made from an interchange document."""
        from summit_app.workflows.documents import read_json_plan
        from summit_app.workflows.errors import UsageError

        folder = self.plan_path().parent if self.context else Path.home()
        source = self.prompts.open_json(folder)
        if source is None:
            return False
        try:
            plan = read_json_plan(str(source))
        except UsageError as exc:
            self.prompts.error("Cannot import this file", str(exc))
            return False
        return self._new_plan("Save the imported plan as", f"{source.stem}.techplan", plan)

    def save_copy(self) -> bool:
        """Write a copy of the open plan elsewhere (the open plan stays this one)."""
        if self.context is None:
            return False
        current = self.plan_path()
        chosen = self.prompts.save_path("Save a copy", current.with_name(f"{current.stem} copy.techplan"))
        if chosen is None:
            return False
        target = with_plan_suffix(chosen)
        try:
            self.context.document.backend.save_copy(target)
        except (PlanFileError, OSError, sqlite3.Error) as exc:
            self.prompts.error("Cannot save a copy", str(exc))
            return False
        self.statusBar().showMessage(f"Saved a copy as {target}", 8000)
        return True

    # -- a seat at a summit table ----------------------------------------------------------

    def join_table(self) -> JoinDialog:
        """File ▸ Join a summit table…: the dialog (not waited for); the plan opens here once joined."""
        from summit_app.ui.room.join_dialog import JoinDialog

        if self.join_dialog is None:
            folder = self.plan_path().parent if self.context else None
            self.join_dialog = JoinDialog(self.author(), self.prompts, folder, self)
            self.join_dialog.joined.connect(self.open_seat)
        self.join_dialog.open()
        return self.join_dialog

    def open_seat(self, joined: Joined) -> bool:
        """Show the table's plan through the seat ``joined`` took (closing the open plan first)."""
        from summit_app.ui.room.seat_room import SeatRoom

        self._show_document(joined.seat.document, seat=joined.seat)
        self.seat_room = SeatRoom(self, joined)
        self.author_button.show_name()
        self._opened()
        return True

    def seat_state_changed(self) -> None:
        """The seat lost the server, came back, or was removed: read-only badge, title and menus follow."""
        if self.context is not None:
            self.read_only_badge.setVisible(self.context.read_only)
        self._update_title()
        menus.update_enabled(self)

    def take_home(self) -> bool:
        """File ▸ Save a copy of this table's plan…: an ordinary plan file from the seat's table."""
        return self.seat_room.take_home() if self.seat_room is not None else False

    @property
    def exports(self) -> PlanExports | None:
        """The open plan's exports (File ▸ Export, the Review pane), made at first use: the export
        code loads after the first window is on screen, not with it."""
        if self.context is None:
            return None
        from summit_app.ui.exporting.plan_exports import exports_of

        return exports_of(self.context)

    def _show_document(self, document: PlanDocument | None, seat: SharedEditor | None = None) -> bool:
        if document is None:
            return False
        self.close_plan()
        self._drop_faults()
        self.context = UiContext(document, self, self.prompts, seat)
        self.context.plan_changed.connect(self._plan_changed)
        self.context.edit_refused.connect(self._edit_refused)
        self.context.history_applied.connect(lambda message, _edit: self.statusBar().showMessage(message, 10000))
        self.undo_group.addStack(self.context.undo_stack)
        self.undo_group.setActiveStack(self.context.undo_stack)
        self.workspace = PlanWorkspace(self.context)
        self.pages.addWidget(self.workspace)
        self.pages.setCurrentWidget(self.workspace)
        self.workspace.show_pane("district")
        if self.prebuild:
            QTimer.singleShot(0, self.workspace.prebuild)
        if seat is None:
            self._opened()
        return True

    def _opened(self) -> None:
        assert self.context is not None
        path = self.plan_path()
        self.file_label.setText(str(path) if self.seat_room is None else
                                f"Seat at {self.seat_room.seat_title} · a copy is kept in {path.name}")
        self.file_label.setToolTip(str(path))
        self.read_only_badge.setVisible(self.context.read_only)
        self.saved_label.setText("Opened read-only" if self.context.read_only else SAVED)
        if self.remember and self.seat_room is None:
            self.preferences.add_recent(path)
            self.preferences.save()
        self._update_title()
        menus.update_enabled(self)
        if furthest_started(pane_states(self.context.plan, self.context.content)) < 0 and not self.context.read_only:
            self.statusBar().showMessage(FIRST_STEP, 60000)

    def close_plan(self) -> None:
        """Close the open plan (it is already saved) and show the welcome screen."""
        if self.context is None:
            return
        self._finish_typing()
        self.facilitator.plan_closing()
        context, workspace = self.context, self.workspace
        exports = context.exports  # made only if something exported, or the Review pane was built
        if isinstance(exports, QObject):
            exports.runner.wait()  # an export under way ends (and a signature is recorded) while the plan is open
        self.context = self.workspace = None
        seat_room, self.seat_room = self.seat_room, None
        self.undo_group.removeStack(context.undo_stack)
        context.close()
        if seat_room is not None:
            seat_room.close()  # the mirror written, the seat's connections closed
        else:
            close_document(context.document)
        if workspace is not None:
            self.pages.removeWidget(workspace)
            workspace.deleteLater()
        context.deleteLater()
        if isinstance(exports, QObject):
            exports.deleteLater()
        self.author_button.show_name()
        self._show_welcome()

    def _finish_typing(self) -> None:
        """What a field or a table cell of the plan still holds goes in, as it would on leaving it.

        Closing the window, or opening another plan, while typing would
        otherwise take the editor away with the plan already closed.
        """
        focused = QApplication.focusWidget()
        if self.workspace is not None and focused is not None and self.workspace.isAncestorOf(focused):
            focused.clearFocus()  # a field commits on losing the focus; a cell editor commits and closes

    # -- reacting to edits ----------------------------------------------------------------

    def _plan_changed(self, edit: Edit, plan: model.Plan) -> None:
        self.saved_label.setText(f"{SAVED} · {datetime.now():%H:%M}")
        self._update_title()

    def _edit_refused(self, reason: str) -> None:
        self.statusBar().showMessage(f"Not changed: {reason}", 10000)

    # -- zoom --------------------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        """Scale the whole interface (for projectors) and remember the choice."""
        self.preferences.zoom = zoom
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, zoom)
        if self.remember:
            self.preferences.save()

    def zoom_in(self) -> None:
        self.set_zoom(theme.zoom_in(self.preferences.zoom))

    def zoom_out(self) -> None:
        self.set_zoom(theme.zoom_out(self.preferences.zoom))

    # -- window events -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _plan_urls(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _plan_urls(event)
        if paths:
            event.acceptProposedAction()
            self.open_path(paths[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember:
            self.preferences.geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            self.preferences.save()
        self.facilitator.window_closing()
        self.close_plan()
        event.accept()
