"""Accepted findings: a warning or advice the team has weighed and accepts, with its reason and who accepts it.

An acceptance holds the rule, the item the finding names and a digest of the
facts behind the finding when it was accepted (its message and the named
item's record). A finding is accepted only while those facts stand: change the
line, the source or the figure the message quotes and the acceptance lapses,
and the finding is open again. A blocking finding is never accepted: the plan
does not hold together until it is fixed, whatever anyone writes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from summit_app.plan import checks, model
from summit_app.plan.checks.findings import Finding, format_findings
from summit_app.plan.content import Content
from summit_app.plan.edits import AddItem, Batch, Edit, RemoveItem

Key = tuple[str, str]


def _record_json(plan: model.Plan, finding: Finding) -> Any:
    if finding.collection is None or finding.item_id is None or finding.collection not in model.COLLECTIONS:
        return None
    item = plan.item(finding.collection, finding.item_id)
    return None if item is None else dataclasses.asdict(item)


def basis(plan: model.Plan, finding: Finding) -> str:
    """A digest of what the finding rests on: its rule, item and message, and the named item's record."""
    facts = {"rule": finding.rule, "item": finding.item_id or "", "message": finding.message,
             "record": _record_json(plan, finding)}
    text = json.dumps(facts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _key(finding: Finding) -> Key:
    return finding.rule, finding.item_id or ""


@dataclass(frozen=True)
class Assessment:
    """The plan's findings sorted by what the team has done with them."""

    open: list[Finding]
    accepted: list[tuple[Finding, model.Acceptance]]
    lapsed: list[model.Acceptance]


def _accepted_by(plan: model.Plan, finding: Finding, by_key: dict[Key, list[model.Acceptance]],
                 ) -> model.Acceptance | None:
    """The acceptance that still covers ``finding``, if any (a blocking finding has none)."""
    candidates = by_key.get(_key(finding))
    if not candidates or finding.blocking:
        return None
    digest = basis(plan, finding)
    return next((a for a in candidates if a.basis == digest), None)


def assess_findings(plan: model.Plan, findings: list[Finding]) -> Assessment:
    """Split ``findings`` (as ``run_checks`` gives them) into open and accepted; the rest of the acceptances lapsed."""
    by_key: dict[Key, list[model.Acceptance]] = {}
    for acceptance in plan.acceptances:
        by_key.setdefault((acceptance.rule, acceptance.item_id), []).append(acceptance)
    open_: list[Finding] = []
    accepted: list[tuple[Finding, model.Acceptance]] = []
    for finding in findings:
        covering = _accepted_by(plan, finding, by_key) if by_key else None
        if covering is None:
            open_.append(finding)
        else:
            accepted.append((finding, covering))
    used = {a.id for _, a in accepted}
    return Assessment(open_, accepted, [a for a in plan.acceptances if a.id not in used])


def assess(plan: model.Plan, content: Content) -> Assessment:
    """Every finding of ``plan``, open or accepted, and the acceptances that no longer hold."""
    return assess_findings(plan, checks.run_checks(plan, content))


def _new_id(plan: model.Plan, finding: Finding) -> str:
    taken = {a.id for a in plan.acceptances}
    base = f"accept-{finding.rule}" + (f"-{finding.item_id}" if finding.item_id else "")
    return next(c for c in (base, *(f"{base}-{n}" for n in range(2, 10_000))) if c not in taken)


def accept_edit(plan: model.Plan, finding: Finding, reason: str, role: str) -> Edit:
    """The one undoable edit that accepts ``finding`` (replacing the same finding's earlier acceptance, if any).

    ``ValueError`` with a sentence for a blocking finding, or without a reason or a role.
    """
    if finding.blocking:
        raise ValueError("A blocking finding cannot be accepted: the plan must be changed until it no longer applies.")
    if not reason.strip():
        raise ValueError("Say why the team accepts this finding.")
    if not role.strip():
        raise ValueError("Say who accepts this finding (their role on the team).")
    label = f"Accept finding: {finding.rule}"
    digest = basis(plan, finding)
    acceptance = model.Acceptance(_new_id(plan, finding), finding.rule, finding.item_id or "", digest,
                                  reason.strip(), role)
    earlier = [a for a in plan.acceptances if (a.rule, a.item_id, a.basis) == (*_key(finding), digest)]
    add = AddItem("acceptances", acceptance, label=label)
    if not earlier:
        return add
    return Batch((*(RemoveItem("acceptances", a.id, label) for a in earlier), add), label)


def withdraw_edit(plan: model.Plan, acceptance_id: str) -> Edit:
    """The undoable edit that withdraws an acceptance: its finding is open again."""
    acceptance = plan.item("acceptances", acceptance_id)
    if acceptance is None:
        raise ValueError(f"There is no accepted finding {acceptance_id!r}.")
    return RemoveItem("acceptances", acceptance_id, f"Withdraw acceptance: {acceptance.rule}")


# --- the report: open findings in full, accepted ones folded ------------------------------------------------------


def accepted_json(finding: Finding, acceptance: model.Acceptance) -> dict[str, Any]:
    """An accepted finding for ``check --json``: the finding, then why and by whom."""
    return {**finding.to_json(), "acceptance": acceptance.id, "reason": acceptance.reason, "role": acceptance.role}


def lapsed_json(acceptance: model.Acceptance) -> dict[str, Any]:
    return {"acceptance": acceptance.id, "rule": acceptance.rule, "item": acceptance.item_id or None,
            "reason": acceptance.reason, "role": acceptance.role}


def assessment_json(assessment: Assessment) -> dict[str, Any]:
    """The stable shape of ``summit-app check --json``: open findings, accepted ones, lapsed acceptances."""
    return {"findings": [f.to_json() for f in assessment.open],
            "accepted": [accepted_json(f, a) for f, a in assessment.accepted],
            "lapsed": [lapsed_json(a) for a in assessment.lapsed]}


def format_assessment(assessment: Assessment, content: Content) -> str:
    """Open findings by pane (as ``format_findings``), then the accepted ones folded, one line each."""
    if not (assessment.accepted or assessment.lapsed):
        return format_findings(assessment.open, content)
    lines = [format_findings(assessment.open, content) if assessment.open else "No open findings."]
    if assessment.accepted:
        lines.append(f"{len(assessment.accepted)} accepted:")
        lines += [f"  {f.message} ({content.name_of('roles', a.role)}: {a.reason})" for f, a in assessment.accepted]
    if assessment.lapsed:
        count = len(assessment.lapsed)
        lines.append(f"{count} acceptance{'s' if count != 1 else ''} lapsed (the facts behind "
                     f"{'them' if count != 1 else 'it'} changed; accept again or fix):")
        lines += [f"  {a.rule}{' on ' + a.item_id if a.item_id else ''} ({content.name_of('roles', a.role)}: "
                  f"{a.reason})" for a in assessment.lapsed]
    return "\n".join(lines)
