"""The small dialog in which the team accepts a warning or advice: why, and who on the team accepts it.

An acceptance is a decision the plan records, so the reason is required (OK
stays disabled until there is one) and the role comes from the team's roles.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from summit_app.plan import model


def default_role(plan: model.Plan, author: str, roles: list[tuple[str, str]]) -> str:
    """The role of the team member at the keyboard (the edit log's name), else the superintendent's.

    The person accepting is most often the one typing; when the name matches no
    member, the superintendent, who signs the plan, is the safe default.
    """
    known = {role_id for role_id, _ in roles}
    wanted = author.strip().casefold()
    member = next((m for m in plan.members if wanted and m.name.strip().casefold() == wanted), None)
    if member is not None and member.role in known:
        return member.role
    return "superintendent" if "superintendent" in known else (roles[0][0] if roles else "")


class AcceptDialog(QDialog):
    """Reason (required) and accepting role for one finding; ``answer()`` once accepted."""

    def __init__(self, message: str, roles: list[tuple[str, str]], role: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Accept this finding")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        finding = QLabel(message)
        finding.setWordWrap(True)
        finding.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(finding)
        note = QLabel("The finding moves to Accepted until the facts behind it change.")
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("Why the team accepts it (required)")
        self.reason.setMaximumHeight(self.reason.fontMetrics().height() * 5)
        self.role = QComboBox()
        self.role.setAccessibleName("Accepted by")
        for role_id, name in roles:
            self.role.addItem(name, role_id)
        self.role.setCurrentIndex(max(self.role.findData(role), 0))
        reason_label, role_label = QLabel("&Reason"), QLabel("Accepted &by")
        reason_label.setBuddy(self.reason)
        role_label.setBuddy(self.role)
        form.addRow(reason_label, self.reason)
        form.addRow(role_label, self.role)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Accept")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._sync)
        self._sync()
        self.reason.setFocus()

    def _sync(self) -> None:
        self.ok.setEnabled(bool(self.reason.toPlainText().strip()))

    def answer(self) -> tuple[str, str]:
        """(reason, role id) as entered."""
        return self.reason.toPlainText().strip(), str(self.role.currentData())


def ask_acceptance(parent: QWidget | None, message: str, roles: list[tuple[str, str]],
                   role: str) -> tuple[str, str] | None:
    """Show the dialog; (reason, role id), or None if cancelled."""
    dialog = AcceptDialog(message, roles, role, parent)
    try:
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
