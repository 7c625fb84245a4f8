"""What the Review & sign step summarises: findings per pane, and what changed since signing.

Pure functions of findings and edit-log entries, so the navigator's badges, the
Review pane and the command line read the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from summit_app.plan import model
from summit_app.plan.checks import Finding
from summit_app.plan.document import LogEntry
from summit_app.plan.edits import AddItem, Batch, Edit, MoveItem, RemoveItem, SetField
from summit_app.plan.fields import spec
from summit_app.plan.progress import STEPS

#: Edits to these parts are the act of signing itself, not a change to the plan.
SIGNING_PARTS = model.NOT_CONTENT


def finding_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings each pane has, every step of the navigator listed (0 clears its badge)."""
    counts = dict.fromkeys((pane for pane, _title in STEPS), 0)
    for finding in findings:
        counts[finding.pane] = counts.get(finding.pane, 0) + 1
    return counts


def blocking_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many blocking findings each pane has, every pane listed."""
    return finding_counts(f for f in findings if f.blocking)


@dataclass(frozen=True)
class Change:
    """One line of "changed since signed": when, who, what."""

    at: datetime
    author: str
    what: str


def _part_name(collection: str) -> str:
    return collection.replace("_", " ")


def describe_edit(edit: Edit) -> str:
    """What an edit did, in words, for log entries saved without a label."""
    if edit.label:
        return edit.label
    if isinstance(edit, SetField):
        record_type = model.SINGLETONS.get(edit.collection) or model.COLLECTIONS.get(edit.collection)
        try:
            label = spec(record_type, edit.field).label if record_type else edit.field
        except KeyError:
            label = edit.field
        return f"Change {label}"
    if isinstance(edit, AddItem):
        return f"Add to {_part_name(edit.collection)}"
    if isinstance(edit, RemoveItem):
        return f"Remove from {_part_name(edit.collection)}"
    if isinstance(edit, MoveItem):
        return f"Reorder {_part_name(edit.collection)}"
    if isinstance(edit, Batch) and edit.edits:
        return describe_edit(edit.edits[0]) + (f" and {len(edit.edits) - 1} more" if len(edit.edits) > 1 else "")
    return "Edit"


def is_signing(edit: Edit) -> bool:
    """True for an edit that touches only the signature record."""
    touched = {collection for collection, _ in edit.touched()}
    return bool(touched) and touched <= SIGNING_PARTS


def changes_since_signed(entries: Iterable[LogEntry]) -> list[Change]:
    """The edit log after signing, as people read it, leaving out the signing itself."""
    return [Change(e.at, e.author, describe_edit(e.edit)) for e in entries if not is_signing(e.edit)]
