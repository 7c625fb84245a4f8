"""What a check reports: a finding, its severity and pane, and the terminal report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summit_app.plan.content import Content

BLOCKING = "blocking"
WARNING = "warning"
ADVICE = "advice"
SEVERITIES = (BLOCKING, WARNING, ADVICE)

#: Panes in navigator order (ids match resources/content/guidance.json).
PANES = ("district", "readiness", "vision", "learning", "privacy", "infrastructure", "budget", "timeline", "community",
         "review")


@dataclass(frozen=True)
class Finding:
    """One thing wrong with a plan: how bad, where, what, and what to do."""

    rule: str
    severity: str
    pane: str
    collection: str | None  # where the item lives, for "take me there"
    item_id: str | None
    message: str
    fix: str

    @property
    def blocking(self) -> bool:
        return self.severity == BLOCKING

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "pane": self.pane,
                "collection": self.collection, "item": self.item_id,
                "message": self.message, "fix": self.fix}


def sort_key(finding: Finding) -> tuple[int, int]:
    """Most severe first, then in pane order (a stable sort keeps rule order within)."""
    return SEVERITIES.index(finding.severity), PANES.index(finding.pane)


def _pane_title(pane: str, content: Content) -> str:
    guidance = content.guidance.get(pane)
    return guidance.title if guidance else pane


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _pane_block(pane: str, mine: list[Finding], content: Content) -> list[str]:
    blocking = sum(f.blocking for f in mine)
    head = f"{_pane_title(pane, content)} ({_count(len(mine), 'finding')}"
    lines = [head + (f", {blocking} blocking)" if blocking else ")")]
    for f in mine:
        lines.append(f"  [{f.severity}] {f.message}")
        lines.append(f"      → {f.fix}")
    return lines


def format_findings(findings: list[Finding], content: Content) -> str:
    """Findings grouped by pane in navigator order, for the terminal."""
    if not findings:
        return "No findings: the plan is coherent."
    lines: list[str] = []
    for pane in PANES:
        mine = [f for f in findings if f.pane == pane]
        if mine:
            lines += [*_pane_block(pane, mine, content), ""]
    blocking = sum(f.blocking for f in findings)
    lines.append(f"{_count(len(findings), 'finding')}, {blocking} blocking.")
    return "\n".join(lines)
