"""Sign-off: the signed state of the plan, and the export buttons.

The signed state says whether the plan is exactly the version exported for
signature (same fingerprint), and if not, what changed since: the plan file's
edit log after the signing time, signing itself left out.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan import model
from summit_app.plan.review import Change, changes_since_signed
from summit_app.plan.signing import SignedState, signed_state
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.export_kinds import EXPORT_KINDS
from summit_app.ui.base.theme import DANGER, DANGER_SOFT, GOOD, LINE
from summit_app.ui.exporting.plan_exports import PlanExports

MAX_CHANGES = 200
VISIBLE_CHANGES = 6


def when(at: datetime | None) -> str:
    """A date and time as people at the table read it, in this computer's time zone."""
    if at is None:
        return "an unknown date"
    local = at.astimezone()
    return f"{local:%B} {local.day}, {local.year} at {local:%H:%M}"


def when_short(at: datetime) -> str:
    """A compact date and time for a table row; the year only when it is not this year's."""
    local = at.astimezone()
    year = "" if local.year == datetime.now().astimezone().year else f" {local.year}"
    return f"{local:%b} {local.day}{year}, {local:%H:%M}"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def changes_since(context: UiContext, state: SignedState) -> list[Change]:
    """What the plan file's edit log says changed after signing (the signing itself left out)."""
    if state.signed_at is None:
        return []
    return changes_since_signed(context.document.backend.edit_log(since=state.signed_at))


class SignedStatePanel(QFrame):
    """Signed, changed since signed (with the changes), or not yet signed."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.setObjectName("signedState")
        self.status = QLabel()
        self.status.setObjectName("signedStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.changes = QTreeWidget()
        theme.bold_titles(self.changes.header())
        self.changes.setHeaderLabels(["When", "Who", "What changed"])
        self.changes.setRootIsDecorated(False)
        self.changes.setAlternatingRowColors(True)
        self.changes.setAccessibleName("Changes since signed")
        layout.addWidget(self.changes)
        self.state: SignedState | None = None

    def show_plan(self, plan: model.Plan) -> None:
        if not plan.signature.fingerprint:  # never signed: no need to fingerprint the plan
            self.state = None
            self._show_unsigned()
            return
        self.state = signed_state(plan)
        if self.state.signed:
            self._show_signed(self.state)
        else:
            self._show_changed(self.state, self._changes(self.state))

    def _show_unsigned(self) -> None:
        self._paint(LINE, "white")
        self.status.setText("<b>Not yet signed.</b> When the plan is final, export the "
                            "<b>PDF for signature</b>: the PDF and this plan file then record the same "
                            "fingerprint, so anyone can later tell whether the plan changed.")
        self.changes.hide()

    def _show_signed(self, state: SignedState) -> None:
        self._paint(GOOD, "#e7f5ec")
        self.status.setText(f"<b>Signed version.</b> Exported for signature on {when(state.signed_at)}.<br>"
                            f"Fingerprint <tt>{state.signed_fingerprint[:16]}…</tt> matches this plan.")
        self.changes.hide()

    def _show_changed(self, state: SignedState, changes: list[Change]) -> None:
        self._paint(DANGER, DANGER_SOFT)
        count = f"{len(changes)} change{'s' if len(changes) != 1 else ''}" if changes else "Changes"
        self.status.setText(f"<b>Changed since signed on {when(state.signed_at)}.</b> {count} since then; "
                            "export a new PDF for signature once the team agrees them.")
        self.changes.clear()
        for change in reversed(changes[-MAX_CHANGES:]):
            item = QTreeWidgetItem([when_short(change.at), change.author or "—", change.what])
            item.setToolTip(2, change.what)
            self.changes.addTopLevelItem(item)
        for column in (0, 1):
            self.changes.resizeColumnToContents(column)
        self._fit_height(min(len(changes), VISIBLE_CHANGES))
        self.changes.setVisible(bool(changes))

    def _fit_height(self, rows: int) -> None:
        """Tall enough for a few changes; more scroll."""
        row = self.changes.sizeHintForRow(0) if self.changes.topLevelItemCount() else 0
        header = self.changes.header().sizeHint().height()
        self.changes.setFixedHeight(header + rows * max(row, 1) + 2 * self.changes.frameWidth() + 2)

    def _changes(self, state: SignedState) -> list[Change]:
        return changes_since(self.context, state)

    def _paint(self, border: str, background: str) -> None:
        self.setStyleSheet(f"QFrame#signedState {{ background: {background}; border: 1px solid {border}; "
                           "border-radius: 8px; }")


class ExportButtons(QWidget):
    """The three exports as buttons: each calls the window's ``PlanExports.export``, as File ▸ Export does."""

    def __init__(self, exports: PlanExports, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exports = exports
        self.context = exports.context
        self.runner = exports.runner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for kind in EXPORT_KINDS:
            button = QPushButton(kind.text)
            button.setObjectName("primary" if kind.for_signature else "")
            button.clicked.connect(lambda _=False, k=kind: self.exports.export(k))
            self.buttons[kind.name] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.runner.started.connect(self._started)
        self.runner.finished.connect(self._finished)
        if exports.last_result is not None:  # an export from the menu before this pane was first shown
            self._finished(*exports.last_result)

    def sync_enabled(self) -> None:
        """No export while one runs; no signing a plan open read-only (signing is an edit)."""
        for kind in EXPORT_KINDS:
            self.buttons[kind.name].setEnabled(not self.runner.busy
                                               and not (kind.for_signature and self.context.read_only))

    def _started(self, path: str) -> None:
        self.sync_enabled()
        self.result.setStyleSheet("")
        self.result.setText(f"Writing {Path(path).name}…")

    def _finished(self, path: str, ok: bool, message: str) -> None:
        self.sync_enabled()
        self.result.setStyleSheet(f"color: {GOOD if ok else DANGER};")
        self.result.setText(message if not ok else f"{message} in {Path(path).parent}")
