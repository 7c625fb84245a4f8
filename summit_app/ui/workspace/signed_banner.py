"""The banner over a plan that changed since it was signed: since when, what changed, where to look.

Opening a plan whose signature fingerprint no longer matches the plan shows
this across the top of the window. It is not modal (the team may carry on
working), it can be dismissed, "Show changes" opens Review & sign (where the
full list is), and it goes away by itself once the plan is signed anew.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from summit_app.plan import model
from summit_app.plan.edits import Edit
from summit_app.plan.review import Change
from summit_app.plan.signing import SignedState, signed_state
from summit_app.ui.base.context import UiContext
from summit_app.ui.base.theme import DANGER, DANGER_SOFT
from summit_app.ui.panes.review.signoff import changes_since, when

#: How many of the latest changes the banner names; the Review pane lists them all.
NAMED_CHANGES = 3

_STYLE = f"""
QFrame#signedBanner {{ background: {DANGER_SOFT}; border: none; border-bottom: 2px solid {DANGER}; }}
QFrame#signedBanner QLabel {{ background: transparent; }}
QToolButton#dismissBanner {{ border: none; background: transparent; font-size: 15pt; padding: 0 6px; }}
QToolButton#dismissBanner:hover {{ background: white; border-radius: 4px; }}
"""


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _named(change: Change) -> str:
    return _html(change.what) + (f" ({_html(change.author)})" if change.author else "")


def banner_text(state: SignedState, changes: list[Change]) -> str:
    """The banner's words (rich text; every piece of plan text escaped)."""
    head = f"<b>This plan changed since it was signed on {when(state.signed_at)}.</b> "
    if not changes:
        return head + "Its change history does not say what changed; compare it with the signed PDF."
    latest = [_named(c) for c in reversed(changes[-NAMED_CHANGES:])]
    more = len(changes) - len(latest)
    count = f"{len(changes)} change{'s' if len(changes) != 1 else ''} since then"
    listed = "; ".join(latest) + (f"; and {more} more" if more else "")
    return f"{head}{count}, latest first: {listed}. Export a new PDF for signature once the team agrees them."


class SignedBanner(QFrame):
    """Non-modal notice; ``show_changes`` when the user asks to see what changed."""

    show_changes = Signal()

    def __init__(self, context: UiContext, state: SignedState, changes: list[Change],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("signedBanner")
        self.setStyleSheet(_STYLE)
        self.setAccessibleName("Changed since signed")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        layout.setSpacing(12)
        self.message = QLabel(banner_text(state, changes))
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Changed since signed")
        layout.addWidget(self.message, 1)
        self.show_button = QPushButton("Show changes")
        self.show_button.setAccessibleName("Show changes")
        self.show_button.clicked.connect(self.show_changes.emit)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.dismiss_button = QToolButton()
        self.dismiss_button.setObjectName("dismissBanner")
        self.dismiss_button.setText("×")
        self.dismiss_button.setToolTip("Dismiss")
        self.dismiss_button.setAccessibleName("Dismiss")
        self.dismiss_button.clicked.connect(self.hide)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignVCenter)
        context.plan_changed.connect(self._plan_changed)

    def _plan_changed(self, edit: Edit, plan: model.Plan) -> None:
        """Signing again makes the notice untrue: hide it (other edits cannot, so skip the fingerprint)."""
        signing = any(collection == "signature" for collection, _ in edit.touched())
        if signing and not self.isHidden() and not signed_state(plan).changed_since_signed:
            self.hide()


def for_plan(context: UiContext) -> SignedBanner | None:
    """The banner for the plan just opened, or None when it is unsigned or still the signed version."""
    plan = context.plan
    if not plan.signature.fingerprint:
        return None
    state = signed_state(plan)
    if not state.changed_since_signed:
        return None
    return SignedBanner(context, state, changes_since(context, state))
