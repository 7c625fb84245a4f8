"""Peers & communication: districts like ours to learn from, schools that show the vision, and who hears of the plan.

Three tables over the plan's ``peers``, ``lighthouses`` and ``communications``,
each under a one-line explanation and, while it is empty, a line saying how to
begin. The line above them counts what the team has and names the essential
messages still missing (``plan.progress.missing_communications``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from summit_app.plan import model
from summit_app.plan.progress import missing_communications
from summit_app.ui.base import theme
from summit_app.ui.base.context import UiContext
from summit_app.ui.fields.collection_edits import new_id
from summit_app.ui.fields.collection_model import CollectionModel, Column
from summit_app.ui.fields.table_section import FittedTableView, TableSection
from summit_app.ui.pane import Pane

PEER_COLUMNS = [Column("name"), Column("state"), Column("enrollment", header="Students"),
                Column("low_income_percent", header="Low-income %"), Column("alike_in"), Column("relation"),
                Column("visit_date"), Column("visitors"), Column("adopt")]
LIGHTHOUSE_COLUMNS = [Column("name"), Column("district"), Column("shows"), Column("goal_ids"), Column("open_from"),
                      Column("open_to"), Column("contact")]
COMMUNICATION_COLUMNS = [Column("kind"), Column("audiences"), Column("message"), Column("channel"),
                         Column("languages"), Column("planned_date"), Column("owner")]
#: The widest a column of this pane grows, in average characters of the table's type: three tables of
#: prose share one screen, so a long "what we will adopt" wraps in its row instead (editor and projector).
WIDEST_CHARACTERS = 34
#: Room beside a heading in a table with no rows yet (Qt fits empty columns tight to their words).
HEADING_ROOM = 24


def new_peer(plan: model.Plan) -> model.PeerDistrict:
    return model.PeerDistrict(new_id(plan, "peers", "peer"), name="New peer district")


def new_lighthouse(plan: model.Plan) -> model.LighthouseSchool:
    return model.LighthouseSchool(new_id(plan, "lighthouses", "lighthouse"), name="New lighthouse school")


def new_communication(plan: model.Plan) -> model.Communication:
    return model.Communication(new_id(plan, "communications", "message"))


@dataclass(frozen=True)
class SectionText:
    """What a table of this pane is called, and the words around it."""

    collection: str
    title: str
    noun: str
    help: str
    empty: str
    columns: list[Column]
    new_item: Callable[[model.Plan], Any]


SECTIONS = (
    SectionText("peers", "Peer districts", "peer district",
                "Districts like yours in size, students, low-income share or readiness: "
                "who visits, when, and what your district will take home from it.",
                "No peer districts yet. Add one district like yours that your team could visit this year.",
                PEER_COLUMNS, new_peer),
    SectionText("lighthouses", "Lighthouse schools", "school",
                "Schools where the vision can already be seen in classrooms, "
                "and from when teachers, parents and the community may come and see it.",
                "No lighthouse schools yet. Add a school, yours or a neighbour's, that visitors can learn from.",
                LIGHTHOUSE_COLUMNS, new_lighthouse),
    SectionText("communications", "Communication plan", "message",
                "Who hears about the plan, through which channel, in which languages and when: "
                "from the board's vote to the yearly progress report.",
                "No messages planned yet. Start with the board's adoption and posting the plan on the website.",
                COMMUNICATION_COLUMNS, new_communication),
)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def community_summary(plan: model.Plan) -> str:
    """One line for the table: how many peers and visits, lighthouse schools and planned messages."""
    if not (plan.peers or plan.lighthouses or plan.communications):
        return "Nothing entered yet"
    visits = sum(1 for p in plan.peers if p.visit_date is not None)
    peers = _count(len(plan.peers), "peer district", "peer districts")
    if plan.peers:
        peers += f" ({visits} with a planned visit)"
    return " · ".join((peers, _count(len(plan.lighthouses), "lighthouse school", "lighthouse schools"),
                       _count(len(plan.communications), "planned message", "planned messages")))


def widest(view: QTableView) -> int:
    """The widest a column of ``view`` may be, in its own type (``WIDEST_CHARACTERS``)."""
    return view.fontMetrics().averageCharWidth() * WIDEST_CHARACTERS


class NarrowTableView(FittedTableView):
    """A table whose columns fit their contents only up to ``widest``, however they are fitted.

    Present mode fits columns again in the projector's type; asking the view (rather than
    the section) keeps that fitting within the same bound.
    """

    def sizeHintForColumn(self, column: int) -> int:
        return min(super().sizeHintForColumn(column), widest(self))


class CommunitySection(TableSection):
    """A table of this pane: its help line under the title, and a line on how to begin while it is empty.

    Columns grow to ``WIDEST_CHARACTERS`` at most, however they are sized (fitted here, or
    to the projector's type in present mode), so long text wraps in its row rather than
    pushing the other columns off the screen.
    """

    view_class = NarrowTableView

    def __init__(self, context: UiContext, text: SectionText) -> None:
        super().__init__(text.title, CollectionModel(context, text.collection, text.columns), text.noun,
                         text.new_item, rows=10)
        self.help_line = QLabel(text.help)
        self.help_line.setWordWrap(True)
        self.empty_line = QLabel(text.empty)
        self.empty_line.setWordWrap(True)
        theme.mark(self.empty_line, "muted")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.help_line)
        layout.insertWidget(2, self.empty_line)
        self.view.widened.connect(lambda _width: self._space_headings() if not self.model.rowCount() else None)

    def widest(self) -> int:
        return widest(self.view)

    def fit_columns(self, widest: int = 0) -> None:
        super().fit_columns(min(widest or self.widest(), self.widest()))

    def grow_columns(self, rows: list[int], widest: int = 0) -> None:
        super().grow_columns(rows, min(widest or self.widest(), self.widest()))

    def refresh(self, plan: model.Plan) -> None:
        super().refresh(plan)
        empty = self.model.rowCount() == 0
        self.empty_line.setVisible(empty)
        if empty:
            self._space_headings()

    def _space_headings(self) -> None:
        """Give the headings of an empty table room to breathe, as far as the table's width allows.

        Sized again when the table's width changes: the room is only known once the pane is laid out.
        """
        header = self.view.horizontalHeader()
        hints = [header.sectionSizeHint(column) for column in range(header.count())]
        spare = self.view.viewport().width() - sum(hints)
        room = max(0, min(HEADING_ROOM, spare // max(len(hints), 1)))
        header.setStretchLastSection(False)
        for column, hint in enumerate(hints):
            header.resizeSection(column, hint + room)
        self._stretch_last_if_room()


class CommunityPane(Pane):
    pane_id = "community"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.totals = QLabel()
        self.totals.setWordWrap(True)  # in present mode's large type it must not widen the pane
        theme.mark(self.totals, "totalFigure")
        self.essentials = QLabel()
        self.essentials.setWordWrap(True)
        self.body.addWidget(self.totals)
        self.body.addWidget(self.essentials)
        self.sections = {text.collection: CommunitySection(context, text) for text in SECTIONS}
        self.peers = self.sections["peers"]
        self.lighthouses = self.sections["lighthouses"]
        self.communications = self.sections["communications"]
        for section in self.sections.values():
            self.body.addSpacing(12)
            self.body.addWidget(section)
        self.body.addStretch(1)

    def refresh(self, plan: model.Plan) -> None:
        self.totals.setText(community_summary(plan))
        self._show_essentials(plan)
        for section in self.sections.values():
            section.refresh(plan)

    def _show_essentials(self, plan: model.Plan) -> None:
        """The essential messages still missing: red once the team has begun here, quiet before."""
        missing = missing_communications(plan)
        names = "; ".join(self.context.content.name_of("communication_kinds", kind) for kind in missing)
        begun = bool(plan.peers or plan.lighthouses or plan.communications)
        if not missing:
            text, role = "✓  The board's adoption and the public posting of the plan are planned.", "okFigure"
        elif begun:
            text, role = f"✗  Still to plan: {names}.", "gapFigure"
        else:
            text, role = f"The communication plan needs at least: {names}.", "muted"
        self.essentials.setText(text)
        if self.essentials.objectName() != role:
            theme.mark(self.essentials, role)

    def select_item(self, collection: str, item_id: str) -> bool:
        section = self.sections.get(collection)
        return section is not None and section.select(item_id)
