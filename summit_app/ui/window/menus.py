"""The window's menus and shortcuts: File, Edit (undo/redo), View (zoom, steps), Help.

Undo and redo come from the window's QUndoGroup, so "Undo <what>" always
names the last edit of the open plan, whichever pane made it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMenu, QWidget

from summit_app.plan.progress import STEPS
from summit_app.ui.base.export_kinds import EXPORT_KINDS, ExportKind
from summit_app.ui.facilitation.present.tools import FacilitatorTools
from summit_app.ui.workspace.plan_window import PlanWindow

if TYPE_CHECKING:  # the export code loads at the first export, not with the menus
    from summit_app.ui.exporting.plan_exports import PlanExports


class MenuWindow(PlanWindow, Protocol):
    """The main window as its menus see it: what each menu item does, and what the menus show."""

    recent_menu: QMenu
    undo_group: QUndoGroup
    facilitator: FacilitatorTools
    help_windows: dict[str, QWidget]
    actions_: dict[str, QAction]

    @property
    def exports(self) -> PlanExports | None: ...

    def new_blank_plan(self) -> bool: ...
    def new_demo_plan(self) -> bool: ...
    def open_dialog(self) -> bool: ...
    def import_json(self) -> bool: ...
    def save_copy(self) -> bool: ...
    def join_table(self) -> object: ...
    def take_home(self) -> bool: ...
    def close_plan(self) -> None: ...
    def close(self) -> bool: ...
    def ask_author(self) -> bool: ...
    def set_zoom(self, zoom: float) -> None: ...
    def zoom_in(self) -> None: ...
    def zoom_out(self) -> None: ...

#: Actions that need an open plan.
PLAN_ACTIONS = ("save_copy", "close", *(kind.action for kind in EXPORT_KINDS),
                "next_step", "previous_step", "present", "voting", "find")


def _action(window: MenuWindow, menu: QMenu, text: str, slot: Callable[[], object],
            *shortcuts: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
    action = QAction(window)  # QAction(text, window) would have PySide set up QIcon, for an overload not used
    action.setText(text)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MenuWindow) -> dict[str, QAction]:
    """Create the menu bar; returns the actions by name (tests and ``update_enabled`` use them)."""
    actions: dict[str, QAction] = {}
    _file_menu(window, actions)
    _edit_menu(window, actions)
    _view_menu(window, actions)
    _help_menu(window, actions)
    return actions


def _file_menu(window: MenuWindow, actions: dict[str, QAction]) -> None:
    menu = window.menuBar().addMenu("&File")
    actions["new"] = _action(window, menu, "&New blank plan…", window.new_blank_plan, QKeySequence.StandardKey.New)
    actions["new_demo"] = _action(window, menu, "New from &demo plan…", window.new_demo_plan)
    actions["open"] = _action(window, menu, "&Open…", window.open_dialog, QKeySequence.StandardKey.Open)
    actions["import_json"] = _action(window, menu, "&Import plan from JSON…", window.import_json)
    actions["join"] = _action(window, menu, "&Join a summit table…", window.join_table)
    menu.addMenu(window.recent_menu)
    window.recent_menu.aboutToShow.connect(partial(_fill_recent, window))
    menu.addSeparator()
    actions["save_copy"] = _action(window, menu, "Save a &Copy…", window.save_copy, "Ctrl+Shift+S")
    actions["take_home"] = _action(window, menu, "Save a copy of this &table's plan…", window.take_home)
    actions["close"] = _action(window, menu, "&Close plan", window.close_plan, QKeySequence.StandardKey.Close)
    menu.addSeparator()
    _export_menu(window, menu.addMenu("&Export"), actions)
    actions["author"] = _action(window, menu, "Your &name at the table…", window.ask_author)
    menu.addSeparator()
    actions["rollup"] = _action(window, menu, "Regional &roll-up…", window.facilitator.open_rollup)
    room = menu.addMenu("&Summit room")
    actions["room_start"] = _action(window, room, "&Start a room…", partial(_room, window, start=True))
    actions["room_console"] = _action(window, room, "Open the room &console", partial(_room, window, start=False))
    menu.addSeparator()
    actions["quit"] = _action(window, menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)


def _export_menu(window: MenuWindow, menu: QMenu, actions: dict[str, QAction]) -> None:
    """File → Export: the same three exports as the Review pane's buttons, through the window's exports."""
    for kind in EXPORT_KINDS:
        actions[kind.action] = _action(window, menu, kind.text, partial(_export, window, kind))


def _export(window: MenuWindow, kind: ExportKind) -> None:
    """Ask where and export, with the window's exports of the open plan (one at a time)."""
    exports = window.exports
    if exports is not None and not exports.export(kind) and exports.busy:
        window.statusBar().showMessage("An export is still running; try again when it has finished.", 8000)


def _room(window: MenuWindow, *, start: bool) -> None:
    """File ▸ Summit room: the facilitator's room console (loaded when first asked for)."""
    from summit_app.ui.room.console_start import launcher_of

    launcher = launcher_of(window)
    if start:
        launcher.start_room()
    else:
        launcher.open_console()


def _fill_recent(window: MenuWindow) -> None:
    window.recent_menu.clear()
    plans = window.preferences.recent_plans()
    for path in plans:
        action = window.recent_menu.addAction(f"{path.name}  ({path.parent})")
        action.triggered.connect(partial(_open_recent, window, path))
    if not plans:
        window.recent_menu.addAction("No recent plans").setEnabled(False)


def _open_recent(window: MenuWindow, path: Path, _checked: bool = False) -> None:
    window.open_path(path)


def _edit_menu(window: MenuWindow, actions: dict[str, QAction]) -> None:
    menu = window.menuBar().addMenu("&Edit")
    undo = window.undo_group.createUndoAction(window, "Undo")
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = window.undo_group.createRedoAction(window, "Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    menu.addAction(undo)
    menu.addAction(redo)
    actions["undo"], actions["redo"] = undo, redo
    menu.addSeparator()
    actions["find"] = _action(window, menu, "&Find in the plan…", partial(_find, window), QKeySequence.StandardKey.Find)


def _view_menu(window: MenuWindow, actions: dict[str, QAction]) -> None:
    menu = window.menuBar().addMenu("&View")
    actions["zoom_in"] = _action(window, menu, "Zoom &In", window.zoom_in, "Ctrl+=", "Ctrl++")
    actions["zoom_out"] = _action(window, menu, "Zoom &Out", window.zoom_out, "Ctrl+-")
    actions["zoom_reset"] = _action(window, menu, "&Actual Size", partial(window.set_zoom, 1.0), "Ctrl+0")
    menu.addSeparator()
    actions["next_step"] = _action(window, menu, "&Next step", partial(_step, window, 1), "Ctrl+PgDown")
    actions["previous_step"] = _action(window, menu, "&Previous step", partial(_step, window, -1), "Ctrl+PgUp")
    steps = menu.addMenu("&Go to step")
    for number, (pane_id, title) in enumerate(STEPS, start=1):
        actions[f"go_{pane_id}"] = _action(window, steps, f"{_mnemonic(number)} {title.replace('&', '&&')}",
                                           partial(_go, window, pane_id), *_step_keys(number))
    menu.addSeparator()
    actions["present"] = _action(window, menu, "&Present", window.facilitator.toggle_present, "F5")
    actions["agenda"] = _action(window, menu, "Agenda and &time-boxes…", window.facilitator.open_agenda)
    actions["voting"] = _action(window, menu, "&Dot voting…", window.facilitator.open_voting)


def _mnemonic(number: int) -> str:
    """A step's number with its last digit as the menu's access key (1 … 9, then 0 for the tenth)."""
    text = str(number)
    return f"{text[:-1]}&{text[-1]}"


def _step_keys(number: int) -> tuple[str, ...]:
    """Ctrl+1 … Ctrl+9 for the first nine steps; later ones are reached by Ctrl+PgDown (Ctrl+0 is Actual Size)."""
    return (f"Ctrl+{number}",) if number <= 9 else ()


def _find(window: MenuWindow) -> None:
    if window.workspace is not None and window.context is not None:
        window.workspace.find_bar.open_bar(window.context.plan)


def _help_menu(window: MenuWindow, actions: dict[str, QAction]) -> None:
    menu = window.menuBar().addMenu("&Help")
    actions["guide"] = _action(window, menu, "User &guide", partial(_show_help, window, "guide"),
                               QKeySequence.StandardKey.HelpContents)
    actions["shortcuts"] = _action(window, menu, "&Keyboard shortcuts", partial(_show_help, window, "shortcuts"),
                                   "Ctrl+/")
    menu.addSeparator()
    actions["about"] = _action(window, menu, "&About Summit Planner", partial(_show_help, window, "about"))


def _show_help(window: MenuWindow, which: str) -> None:
    """Open (or bring forward) one of the Help windows; each is made once per main window."""
    from summit_app.ui.window import help as help_windows  # loaded when first asked for, not at start-up

    shown = window.help_windows.get(which)
    if shown is None:
        if which == "guide":
            shown = help_windows.user_guide(window)
        elif which == "shortcuts":
            shown = help_windows.shortcuts_sheet(window, window.actions_.values())
        else:
            shown = help_windows.about(window)
        window.help_windows[which] = shown
    shown.show()
    shown.raise_()
    shown.activateWindow()


def _step(window: MenuWindow, offset: int) -> None:
    if window.workspace is not None:
        window.workspace.show_step(offset)


def _go(window: MenuWindow, pane_id: str) -> None:
    if window.workspace is not None:
        window.workspace.show_pane(pane_id)


def update_enabled(window: MenuWindow) -> None:
    """Enable the actions that need an open plan only while one is open."""
    has_plan = window.context is not None
    for name, action in window.actions_.items():
        if name in PLAN_ACTIONS or name.startswith("go_"):
            action.setEnabled(has_plan)
    seated = getattr(window, "seat_room", None) is not None
    window.actions_["take_home"].setVisible(seated)
    window.actions_["take_home"].setEnabled(seated)
    window.actions_["save_copy"].setVisible(not seated)  # a seat's copy is the table's: take_home
    if window.context is not None and window.context.read_only:
        for kind in EXPORT_KINDS:
            if kind.for_signature:
                window.actions_[kind.action].setEnabled(False)  # signing is an edit of the plan
