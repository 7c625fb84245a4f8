"""The signed state: which version of the plan was exported for signature.

Exporting for signature records the plan's fingerprint and the time through the
edit path; a plan whose fingerprint no longer matches changed since it was signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from summit_app.plan import model
from summit_app.plan.edits import Batch, SetField
from summit_app.plan.interchange import fingerprint


@dataclass(frozen=True)
class SignedState:
    signed_fingerprint: str
    signed_at: datetime | None
    current_fingerprint: str

    @property
    def ever_signed(self) -> bool:
        return bool(self.signed_fingerprint)

    @property
    def signed(self) -> bool:
        """Signed, and unchanged since."""
        return self.ever_signed and self.signed_fingerprint == self.current_fingerprint

    @property
    def changed_since_signed(self) -> bool:
        return self.ever_signed and not self.signed


def signed_state(plan: model.Plan) -> SignedState:
    return SignedState(plan.signature.fingerprint, plan.signature.signed_at, fingerprint(plan))


def sign_edit(plan: model.Plan, at: datetime) -> Batch:
    """The edit that records ``plan`` as exported for signature at ``at``."""
    return Batch((
        SetField("signature", "", "fingerprint", fingerprint(plan)),
        SetField("signature", "", "signed_at", at),
    ), "Export for signature")
