"""Readiness ratings name the Future Ready framework's own elements.

Revision ID: 0003
Revises: 0002

No table changes, and no row changes either: an element whose name changed
to the framework's own kept its id (same meaning, so its score and notes are
already the renamed element's), and an element the framework does not have is
kept under its id and shown as rated under an earlier version
(``resources/content/frameworks.json``: ``formerly`` and ``retired``). Rows
left as they were keep a signed plan's fingerprint. The revision exists so
that an app of revision 2, which knows neither the new element ids nor the
retired ones as such, refuses a file this app has written instead of
reporting its ratings as unknown elements.
"""

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    """Nothing to rewrite: see the module's description."""


def downgrade() -> None:
    """Nothing to undo: an older app reads the rows as they are (its own elements' rows among them)."""
