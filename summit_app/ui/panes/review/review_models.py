"""Read-only two-level item models of the Review pane: findings by pane, coverage by framework.

Both are groups of rows (a group row spans the view's width). A new plan
snapshot builds new rows; the model resets only when they differ, so a tree
keeps its scroll position and selection through edits that change nothing here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from summit_app.plan import model
from summit_app.plan.checks import BLOCKING, PANES, WARNING, Assessment, Finding
from summit_app.plan.content import Content
from summit_app.plan.coverage import Coverage, EntryCoverage, item_label
from summit_app.ui.base.theme import ACCENT, DANGER, GOOD, MUTED

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
ACCEPTANCE_ROLE = Qt.ItemDataRole.UserRole + 4  # the ``Acceptance`` of an accepted or lapsed row
#: The group keys of accepted findings and of acceptances that lapsed (the tree folds the first).
ACCEPTED_GROUP = "accepted"
LAPSED_GROUP = "lapsed"
GROUP = 0  # internal id of group rows; child rows carry their group's row + 1

SEVERITY_NAMES = {BLOCKING: "Blocking", WARNING: "Warning"}
SEVERITY_COLOURS = {BLOCKING: DANGER, WARNING: "#b7791f"}
#: How the Coverage column names the items that address an entry.
ITEM_WORDS = {"goals": ("goal", "goals"), "learning": ("learning activity", "learning activities"),
              "budget": ("budget line", "budget lines")}


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    roles: dict[tuple[int, int], Any] = field(default_factory=dict, compare=False)  # (column, role) -> value
    key: tuple[Any, ...] = ()  # what makes two rows the same, beyond their text


@dataclass(frozen=True)
class Group:
    row: Row
    children: tuple[Row, ...]


class GroupedModel(QAbstractItemModel):
    """Groups (top level) of rows; read-only."""

    def __init__(self, headers: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self._groups: tuple[Group, ...] = ()

    def set_groups(self, groups: tuple[Group, ...]) -> bool:
        """Show ``groups``; True if anything changed."""
        if groups == self._groups:
            return False
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()
        return True

    def groups(self) -> tuple[Group, ...]:
        return self._groups

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's own signature
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else GROUP)

    def parent(self, child: Index | None = None) -> Any:  # type: ignore[override]
        """The parent of ``child``; with no argument, the QObject parent (Qt overloads the name)."""
        if child is None:
            return QObject.parent(self)
        if not child.isValid() or child.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].children)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_at(self, index: Index) -> Row:
        if index.internalId() == GROUP:
            return self._groups[index.row()].row
        return self._groups[index.internalId() - 1].children[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()] if index.column() < len(row.cells) else ""
        return row.roles.get((index.column(), role), row.roles.get((-1, role)))


# --- findings ------------------------------------------------------------------------------


def _bold(underline: bool = False) -> QFont:
    font = QFont()
    font.setBold(not underline)
    font.setUnderline(underline)
    return font


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _pane_title(pane: str, content: Content) -> str:
    guidance = content.guidance.get(pane)
    return guidance.title if guidance else pane


def _finding_row(finding: Finding, content: Content) -> Row:
    where = _pane_title(finding.pane, content)
    colour = SEVERITY_COLOURS.get(finding.severity, MUTED)
    roles: dict[tuple[int, int], Any] = {
        (-1, FINDING_ROLE): finding,
        (0, Qt.ItemDataRole.ForegroundRole): QBrush(QColor(colour)),
        (0, Qt.ItemDataRole.FontRole): _bold(),
        (1, Qt.ItemDataRole.ForegroundRole): QBrush(QColor(ACCENT)),
        (1, Qt.ItemDataRole.FontRole): _bold(underline=True),
        (-1, Qt.ItemDataRole.ToolTipRole): f"Show this in {where}",
    }
    cells = (SEVERITY_NAMES.get(finding.severity, "Advice"), finding.message, finding.fix)
    # Each column is read as what it shows, so a screen reader moving along the row hears
    # the severity, the finding (a link) and what to do, not the finding three times.
    roles[(0, Qt.ItemDataRole.AccessibleTextRole)] = f"Severity: {cells[0]}"
    roles[(1, Qt.ItemDataRole.AccessibleTextRole)] = f"{finding.message} Link to {where}."
    roles[(2, Qt.ItemDataRole.AccessibleTextRole)] = f"What to do: {finding.fix}"
    return Row(cells, roles, (finding,))


def _pane_group(pane: str, mine: list[Finding], content: Content) -> Group:
    blocking = sum(f.blocking for f in mine)
    title = f"{_pane_title(pane, content)} · {_count(len(mine), 'finding', 'findings')}"
    title += f", {blocking} blocking" if blocking else ""
    roles: dict[tuple[int, int], Any] = {(0, Qt.ItemDataRole.FontRole): _bold()}
    return Group(Row((title, "", ""), roles, (pane,)), tuple(_finding_row(f, content) for f in mine))


#: The order findings are listed in: what blocks the plan first, then warnings, then advice.
SEVERITY_ORDER = {BLOCKING: 0, WARNING: 1}


def finding_groups(findings: list[Finding], content: Content) -> tuple[Group, ...]:
    """Findings grouped by pane, blocking ones first: the panes that block, then the rest, each in
    navigator order, and within a pane blocking findings, then warnings, then advice."""
    by_pane: dict[str, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 2)):
        by_pane.setdefault(finding.pane, []).append(finding)
    order = [p for p in PANES if p in by_pane] + [p for p in by_pane if p not in PANES]
    order.sort(key=lambda p: not any(f.blocking for f in by_pane[p]))
    return tuple(_pane_group(p, by_pane[p], content) for p in order)


def accepted_by(acceptance: model.Acceptance, content: Content) -> str:
    return f"Accepted by {content.name_of('roles', acceptance.role)}: {acceptance.reason}"


def _accepted_row(finding: Finding, acceptance: model.Acceptance, content: Content) -> Row:
    note = accepted_by(acceptance, content)
    roles: dict[tuple[int, int], Any] = {
        (-1, FINDING_ROLE): finding, (-1, ACCEPTANCE_ROLE): acceptance,
        (0, Qt.ItemDataRole.ForegroundRole): QBrush(QColor(MUTED)),
        (2, Qt.ItemDataRole.ToolTipRole): note,
        (0, Qt.ItemDataRole.AccessibleTextRole): f"Accepted {SEVERITY_NAMES.get(finding.severity, 'advice').lower()}",
    }
    return Row((SEVERITY_NAMES.get(finding.severity, "Advice"), finding.message, note), roles, (finding, acceptance))


def _lapsed_row(acceptance: model.Acceptance, back: Finding | None, content: Content) -> Row:
    """A lapsed acceptance: its finding is open again above (the facts changed), or no longer applies."""
    why = ("The facts changed since it was accepted, so the finding is open again." if back is not None else
           "The finding no longer applies: withdraw this acceptance to tidy up.")
    message = back.message if back is not None else f"A finding of the rule “{acceptance.rule}”"
    roles: dict[tuple[int, int], Any] = {(-1, ACCEPTANCE_ROLE): acceptance,
                                         (0, Qt.ItemDataRole.ForegroundRole): QBrush(QColor(SEVERITY_COLOURS[WARNING])),
                                         (0, Qt.ItemDataRole.FontRole): _bold()}
    if back is not None:
        roles[(-1, FINDING_ROLE)] = back
    return Row(("Lapsed", message, f"{why} {accepted_by(acceptance, content)}"), roles, (acceptance, back))


def _reopened(findings: list[Finding], acceptance: model.Acceptance) -> Finding | None:
    return next((f for f in findings if (f.rule, f.item_id or "") == (acceptance.rule, acceptance.item_id)), None)


def assessment_groups(assessment: Assessment, content: Content) -> tuple[Group, ...]:
    """Open findings by pane, then the acceptances that lapsed, then the accepted findings (folded)."""
    groups = list(finding_groups(assessment.open, content))
    bold: dict[tuple[int, int], Any] = {(0, Qt.ItemDataRole.FontRole): _bold()}
    if assessment.lapsed:
        rows = tuple(_lapsed_row(a, _reopened(assessment.open, a), content) for a in assessment.lapsed)
        title = f"Lapsed acceptances ({len(rows)}): the facts behind them changed"
        groups.append(Group(Row((title, "", ""), bold, (LAPSED_GROUP,)), rows))
    if assessment.accepted:
        rows = tuple(_accepted_row(f, a, content) for f, a in assessment.accepted)
        groups.append(Group(Row((f"Accepted ({len(rows)})", "", ""), bold, (ACCEPTED_GROUP,)), rows))
    return tuple(groups)


class FindingsModel(GroupedModel):
    """Plan findings grouped by pane; each finding row carries its ``Finding`` (FINDING_ROLE), an accepted
    or lapsed one its ``Acceptance`` (ACCEPTANCE_ROLE)."""

    def __init__(self, content: Content, parent: QObject | None = None) -> None:
        super().__init__(("Severity", "Finding", "What to do"), parent)
        self._content = content

    def set_findings(self, findings: list[Finding]) -> bool:
        return self.set_groups(finding_groups(findings, self._content))

    def set_assessment(self, assessment: Assessment) -> bool:
        return self.set_groups(assessment_groups(assessment, self._content))

    def finding_at(self, index: Index) -> Finding | None:
        return index.data(FINDING_ROLE) if index.isValid() else None

    def acceptance_at(self, index: Index) -> model.Acceptance | None:
        return index.data(ACCEPTANCE_ROLE) if index.isValid() else None

    def group_row(self, key: str) -> int:
        """The row of the group ``key`` (ACCEPTED_GROUP, LAPSED_GROUP or a pane id); -1 if not shown."""
        return next((r for r, g in enumerate(self.groups()) if g.row.key == (key,)), -1)


# --- coverage ------------------------------------------------------------------------------


def addressed_by(entry: EntryCoverage, plan: model.Plan) -> tuple[str, str]:
    """(summary such as "2 goals · 5 budget lines", tooltip naming every item)."""
    kinds = Counter(ref.collection for ref in entry.by)
    parts = [_count(n, *ITEM_WORDS.get(kind, (kind, kind))) for kind, n in kinds.items()]
    names = [item_label(plan, ref) for ref in entry.by[:30]]
    more = len(entry.by) - len(names)
    return " · ".join(parts), "\n".join(names + ([f"…and {more} more"] if more > 0 else []))


def _entry_row(entry: EntryCoverage, plan: model.Plan) -> Row:
    summary, tip = addressed_by(entry, plan)
    colour = GOOD if entry.addressed else DANGER
    roles: dict[tuple[int, int], Any] = {(1, Qt.ItemDataRole.ForegroundRole): QBrush(QColor(colour)),
                                         (1, Qt.ItemDataRole.FontRole): _bold()}
    if tip:
        roles[(2, Qt.ItemDataRole.ToolTipRole)] = tip
    if entry.entry.get("description"):  # what an ISTE Essential Condition asks of a district
        roles[(0, Qt.ItemDataRole.ToolTipRole)] = str(entry.entry.get("description"))
    cells = (entry.entry.name, "✓ Addressed" if entry.addressed else "✗ Not addressed",
             summary or "Nothing in the plan yet")
    return Row(cells, roles, (entry.entry.id, entry.by))


def coverage_groups(found: Coverage, plan: model.Plan) -> tuple[Group, ...]:
    groups = []
    for framework in found.frameworks:
        title = f"{framework.name} · {framework.addressed_count()} of {len(framework.entries)} addressed"
        roles: dict[tuple[int, int], Any] = {(0, Qt.ItemDataRole.FontRole): _bold()}
        children = tuple(_entry_row(e, plan) for e in framework.entries)
        groups.append(Group(Row((title, "", ""), roles, (framework.vocabulary,)), children))
    return tuple(groups)


class CoverageModel(GroupedModel):
    """Each framework's entries: addressed or not, and by which goals, activities and budget lines."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(("Framework entry", "Coverage", "Addressed by"), parent)

    def set_coverage(self, found: Coverage, plan: model.Plan) -> bool:
        return self.set_groups(coverage_groups(found, plan))
