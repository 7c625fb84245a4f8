"""A seat's window: the normal main window on a table's plan, with what sitting at a table adds.

``SeatRoom`` puts a banner (the server is not answering; the seat was
removed), the presence strip and the notice strip around the window's
workspace, and joins them to the seat's session: the other seats' edits
repaint the panes (through the document's listeners: focus, the cursor, the
selection and half-typed text stay where they are), replaced values and
skipped undo steps become notices, a silent server turns the window
read-only until the seat is back and caught up.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QLayout, QStatusBar, QWidget

from summit_app.plan import model
from summit_app.plan.document import Remote, SharedResult
from summit_app.plan.edits import Batch, Edit
from summit_app.plan.seating import Notice, fields_set
from summit_app.room.takehome import take_home
from summit_app.store.presence import SeatPresence
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.prompts import Prompts, with_plan_suffix
from summit_app.ui.base.theme import DANGER, DANGER_SOFT, INK
from summit_app.ui.fields.editors import LongTextEditor
from summit_app.ui.fields.form_section import FormSection
from summit_app.ui.room import seat_notices
from summit_app.ui.room.join_dialog import Joined
from summit_app.ui.room.notice_bar import NoticeBar
from summit_app.ui.room.phones_desk import open_desk
from summit_app.ui.room.presence import PresenceStrip, SoftLocks
from summit_app.ui.room.seat_session import SeatSession
from summit_app.ui.workspace.workspace import PlanWorkspace
from summit_app.workflows.errors import UsageError

LOST = "The room's server is not answering — your work so far is saved; reconnecting…"
REMOVED = "The facilitator removed this seat: the plan stays on screen, read-only. Join again to go on editing."

_BANNER_STYLE = f"""
QFrame#seatBanner {{ background: {DANGER_SOFT}; border: none; border-bottom: 2px solid {DANGER}; }}
QFrame#seatBanner QLabel {{ background: transparent; color: {INK}; font-weight: 600; }}
"""


class SeatWindow(Protocol):
    """The main window as a seat's parts see it."""

    context: UiContext | None
    workspace: PlanWorkspace | None
    prompts: Prompts

    def statusBar(self) -> QStatusBar: ...

    def seat_state_changed(self) -> None:
        """The seat went read-only or came back: the title, the badge and the menus follow."""
        ...


class SeatBanner(QFrame):
    """Across the top while the seat cannot edit: why, and what happens next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seatBanner")
        self.setStyleSheet(_BANNER_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout.addWidget(self.message, 1)
        self.hide()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.setAccessibleName(text)
        self.show()


class SeatRoom(QObject):
    """What a seat adds to its window; ``close`` (from the window's ``close_plan``) leaves the table."""

    def __init__(self, window: SeatWindow, joined: Joined) -> None:
        assert window.context is not None
        assert window.workspace is not None
        super().__init__(window.context)
        self.window = window
        self.context = window.context
        self.place = joined.place
        self.session = SeatSession(joined.seat, joined.place, self)
        self.banner = SeatBanner()
        self.presence = PresenceStrip(joined.seat.author)
        self.locks = SoftLocks()
        self.notices = NoticeBar()
        #: Fields another seat set while this seat was typing in them: (who, the value), until this seat saves its own.
        self._typed_over: dict[tuple[str, str, str], tuple[Notice, Any]] = {}
        outer = window.workspace.layout()
        assert isinstance(outer, QLayout)
        outer.insertWidget(0, self.banner)  # type: ignore[attr-defined]
        outer.insertWidget(1, self.presence)  # type: ignore[attr-defined]
        outer.addWidget(self.notices)
        self._connect()
        self._where()
        #: The members' phones, when the room has the phone service (else None: the window is as it was).
        self.phones = open_desk(self.context, self.place.location, window.workspace, self)

    def _connect(self) -> None:
        context, session = self.context, self.session
        context.shared_edit.connect(self._own_result)
        context.skipped.connect(lambda notices: self._show([seat_notices.skipped(n, context.plan) for n in notices]))
        context.edit_refused.connect(self._refused)
        self.notices.undo_asked.connect(context.edit)
        session.caught_up.connect(self._caught_up)
        session.lost.connect(self._lost)
        session.back.connect(self._back)
        session.removed.connect(self._removed)
        session.presence.connect(self._presence)
        context.plan_changed.connect(lambda _e, _p: self._lock_long_text())
        assert self.window.workspace is not None
        self.window.workspace.pane_shown.connect(lambda _pane: self._where())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        session.mirror.failed.connect(
            lambda why: self.window.statusBar().showMessage(f"The copy on this computer was not updated: {why}", 15000))

    @property
    def author(self) -> str:
        """The seat's name at the table (the edit log's and the other seats' name for it)."""
        return self.session.seat.author

    @author.setter
    def author(self, name: str) -> None:
        self.session.seat.author = name  # the other seats read it from its next change of place
        self.presence.own.setText(f"You: {name}")
        self.presence.own.setAccessibleName(f"You: {name}")

    @property
    def seat_title(self) -> str:
        return f"table {self.place.table} at {self.place.room}"

    # -- notices ---------------------------------------------------------------------

    def _show(self, notices: Sequence[seat_notices.SeatNotice]) -> None:
        if notices:
            self.notices.add(notices)

    def _own_result(self, edit: Edit, result: SharedResult) -> None:
        plan, content = self.context.plan, self.context.content
        replaced = [(n, seat_notices.set_by_other(result.remote, n)) for n in result.notices]
        replaced += [self._typed_over.pop(key) for key in sorted(fields_set(edit)) if key in self._typed_over]
        self._show([seat_notices.replaced_there(n, old, plan, content) for n, old in replaced])
        # Own values another seat replaced in the edits this turn applied first (their old value is gone).
        self._show([seat_notices.replaced_here(n, None, plan, content) for n in self.session.seat.take_notices()])

    def _caught_up(self, remote: list[Remote], replaced: list[Notice], before: model.Plan) -> None:
        plan, content = self.context.plan, self.context.content
        shown = [seat_notices.replaced_here(n, before, plan, content) if n.collection else
                 seat_notices.said(n) for n in replaced]
        typing = typing_in(self.window.workspace)
        for other in remote:
            if typing in fields_set(other.entry.edit):
                collection, item_id, field = typing
                notice = Notice(other.entry.author, collection, item_id, field, "")
                self._typed_over[typing] = (notice, seat_notices.field_value(plan, notice))
                shown.append(seat_notices.typed_over(notice, plan, content))
        self._show(shown)

    def _refused(self, reason: str) -> None:
        self.session.check_lost()  # an edit that found the server gone: read-only now, the banner says why
        if "removed by" in reason:  # the other seat's removal came first: say who, where it shows
            self._show([seat_notices.SeatNotice(f"Not changed: {reason}")])

    # -- where the seats are ------------------------------------------------------------

    def _where(self) -> None:
        """Tell the table which step this seat shows, and which long text it is typing in."""
        workspace = self.window.workspace
        if workspace is None or self.context.closed:
            return
        focused = workspace.window().focusWidget()
        typing = long_text_of(focused) if focused is not None and workspace.isAncestorOf(focused) else None
        self.session.announce(workspace.navigator.current_pane(), "/".join(typing) if typing else "")

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        workspace = self.window.workspace
        if workspace is not None and (new is None or new.window() is workspace.window()):
            self._where()

    def _presence(self, others: list[SeatPresence]) -> None:
        self.presence.show_others(others)
        self._lock_long_text()

    def _lock_long_text(self) -> None:
        workspace = self.window.workspace
        if workspace is None or self.context.closed:
            return
        editing = {p.editing: p.author or "Another seat" for p in self.session.others if p.editing}
        self.locks.update(workspace, editing, self.context.read_only)

    # -- losing the server, and coming back ---------------------------------------------

    def _lost(self, _why: str) -> None:
        self.banner.say(LOST)
        self.presence.show_unknown()
        self._set_offline(True)

    def _back(self, count: int) -> None:
        if self.phones is not None:
            self.phones.back(self.place.location)
        self.banner.hide()
        self._set_offline(False)
        caught = f"; {count} change{'s' if count != 1 else ''} from the other seats caught up" if count else ""
        self._show([seat_notices.SeatNotice(f"Back in the room{caught}.")])

    def _removed(self, _why: str) -> None:
        self.banner.say(REMOVED)
        self._set_offline(True)

    def _set_offline(self, offline: bool) -> None:
        """Read-only (or editable again): panes grey their editors on their next refresh, made now."""
        self.context.offline = offline
        self.notices.allow_undo(not offline)
        self.context.plan_changed.emit(Batch((), "The seat's connection changed"), self.context.plan)
        self.window.seat_state_changed()

    # -- taking the plan home, leaving ---------------------------------------------------

    def take_home(self) -> bool:
        """File ▸ Save a copy of this table's plan: an ordinary plan file, with its whole change history."""
        suggested = self.place.mirror.with_name(f"{self.place.mirror.stem} (taken home).techplan")
        chosen = self.window.prompts.save_path("Save a copy of this table's plan", suggested)
        if chosen is None:
            return False
        target = with_plan_suffix(chosen)
        try:
            take_home([(self.place.location, Path(target))], force=True)
        except UsageError as exc:
            self.window.prompts.error("Cannot save a copy of the table's plan", str(exc))
            return False
        self.window.statusBar().showMessage(f"Saved a copy of table {self.place.table}'s plan as {target}", 10000)
        return True

    def close(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_moved)
        if self.phones is not None:
            self.phones.close()
        why = self.session.close()
        if why:
            self.window.statusBar().showMessage(f"The copy on this computer was not updated: {why}", 15000)



def field_of(widget: QWidget) -> tuple[FormSection, str] | None:
    """The form and field name ``widget`` edits, if it is a form's editor."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, FormSection):
        parent = parent.parentWidget()
    if parent is None:
        return None
    name = next((n for n, editor in parent.editors.items() if editor is widget), None)
    return (parent, name) if name is not None else None


def typing_in(root: QWidget | None) -> tuple[str, str, str] | None:
    """(collection, item id, field) of the form field under ``root`` with focus and unsaved typing, if any."""
    focused = root.window().focusWidget() if root is not None else None
    if focused is None or root is None or not root.isAncestorOf(focused):
        return None
    found = field_of(focused)
    if found is None or not getattr(focused, "dirty", lambda: False)():
        return None
    form, name = found
    return (form.collection, form.item_id, name)


def long_text_of(widget: QWidget) -> tuple[str, str, str] | None:
    """(collection, item id, field) of the long-text field ``widget`` is, if it is one (the soft lock's unit)."""
    found = field_of(widget) if isinstance(widget, LongTextEditor) else None
    return (found[0].collection, found[0].item_id, found[1]) if found is not None else None
