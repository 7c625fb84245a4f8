"""Accept a warning or advice, or withdraw an acceptance, from the Review pane's findings.

Buttons under the findings (Tab reaches them) and the same two actions in the
tree's context menu (the Menu key opens it on the current row). Accepting asks
for a reason and the accepting role (``Prompts.accept_finding``) and applies
``plan.checks.accept_edit`` through the context: one undoable edit, like any
other. A blocking finding offers no Accept: the plan must change instead.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QTreeView, QWidget

from summit_app.plan import model
from summit_app.plan.checks import Finding, accept_edit, withdraw_edit
from summit_app.ui.base.accept_dialog import default_role
from summit_app.ui.base.context import UiContext
from summit_app.ui.panes.review.review_models import FindingsModel


class FindingActions(QWidget):
    """"Accept…" and "Withdraw acceptance" for the current row of ``tree``."""

    def __init__(self, context: UiContext, tree: QTreeView, findings: FindingsModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tree = tree
        self.findings = findings
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.accept_button = QPushButton("Accept…")
        self.accept_button.setToolTip("Accept this warning or advice, with the reason and who accepts it")
        self.withdraw_button = QPushButton("Withdraw acceptance")
        self.withdraw_button.setToolTip("Withdraw the acceptance: the finding is open again")
        self.accept_button.clicked.connect(lambda _c=False: self.accept_current())
        self.withdraw_button.clicked.connect(lambda _c=False: self.withdraw_current())
        row.addWidget(self.accept_button)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._menu)
        findings.modelReset.connect(self.sync)
        self.sync()

    def bind_selection(self) -> None:
        """Follow the tree's current row (call once the tree has its selection model)."""
        self.tree.selectionModel().currentChanged.connect(lambda _c, _p: self.sync())

    # -- what the current row allows -------------------------------------------------------

    def acceptable(self) -> Finding | None:
        """The current row's open finding, if it may be accepted (not blocking, not accepted already)."""
        index = self.tree.currentIndex()
        finding = self.findings.finding_at(index)
        if finding is None or finding.blocking or self.findings.acceptance_at(index) is not None:
            return None
        return finding

    def withdrawable(self) -> model.Acceptance | None:
        return self.findings.acceptance_at(self.tree.currentIndex())

    def sync(self) -> None:
        editable = not self.context.read_only
        self.accept_button.setEnabled(editable and self.acceptable() is not None)
        self.withdraw_button.setEnabled(editable and self.withdrawable() is not None)

    def context_menu(self) -> QMenu:
        """The two actions for the current row (a right-click makes the clicked row current first)."""
        menu = QMenu(self.tree)
        for button, slot in ((self.accept_button, self.accept_current), (self.withdraw_button, self.withdraw_current)):
            action = QAction(button.text(), menu)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(lambda _c=False, s=slot: s())
            menu.addAction(action)
        return menu

    def _menu(self, _position: QPoint) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return
        menu = self.context_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        # Below the current row: the Menu key asks with no pointer position that means anything.
        menu.popup(self.tree.viewport().mapToGlobal(self.tree.visualRect(index).bottomLeft()))

    # -- the edits -------------------------------------------------------------------------

    def accept_current(self) -> bool:
        """Ask why and who, then accept the current finding; False if not possible or cancelled."""
        finding = self.acceptable()
        if finding is None or self.context.read_only:
            return False
        roles = [(e.id, e.name) for e in self.context.content.vocabulary("roles")]
        role = default_role(self.context.plan, self.context.document.author, roles)
        answer = self.context.prompts.accept_finding(finding.message, roles, role)
        if answer is None:
            return False
        try:
            edit = accept_edit(self.context.plan, finding, *answer)
        except ValueError as exc:
            self.context.edit_refused.emit(str(exc))
            return False
        return self.context.edit(edit)

    def withdraw_current(self) -> bool:
        acceptance = self.withdrawable()
        if acceptance is None or self.context.read_only:
            return False
        return self.context.edit(withdraw_edit(self.context.plan, acceptance.id))
