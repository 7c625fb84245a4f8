"""The plan's content: immutable records for every pane, and the plan that holds them.

A plan is a value: edits (``edits.py``) produce a new plan and never change an old
one, so an export can take the current plan as a snapshot with no copying.
Money and hours are ``Decimal`` with two places; never a float.
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from summit_app.plan.records import ByFields, record

#: The largest number of fiscal years a plan covers; funding amounts always
#: carry this many values, of which the plan's ``plan_years`` count.
MAX_PLAN_YEARS = 5


def _meta(**kw: Any) -> dict[str, Any]:
    return kw


def text_field(label: str, *, long: bool = False, private: bool = False) -> Any:
    """A free-text field; ``long`` ones get a multi-line editor."""
    return field(default="", metadata=_meta(label=label, long=long, private=private))


def recorded_field(label: str) -> Any:
    """Text the app writes for itself (a rule id, a digest), not the team's words."""
    return field(default="", metadata=_meta(label=label, recorded=True))


def choice_field(label: str, vocabulary: str, default: str = "") -> Any:
    """A field whose value is one entry of a ``resources/`` vocabulary."""
    return field(default=default, metadata=_meta(label=label, vocabulary=vocabulary))


def choices_field(label: str, vocabulary: str) -> Any:
    """A field holding several entries of a vocabulary."""
    return field(default=(), metadata=_meta(label=label, vocabulary=vocabulary))


def count_field(label: str, *, low: int = 0, high: int | None = None, default: int = 0) -> Any:
    return field(default=default, metadata=_meta(label=label, low=low, high=high))


def score_field(label: str, low: int, high: int) -> Any:
    """An optional rating on a closed scale; ``None`` means not rated yet."""
    return field(default=None, metadata=_meta(label=label, low=low, high=high))


def amount_field(label: str) -> Any:
    """Money or hours: a non-negative Decimal with at most two places."""
    return field(default=Decimal("0"), metadata=_meta(label=label, low=0))


def day_field(label: str) -> Any:
    return field(default=None, metadata=_meta(label=label))


def link_field(label: str, target: str, *, owned: bool = False) -> Any:
    """The id of an item of collection ``target``, or ``None``.

    ``owned``: the item belongs to the one it points at (a goal's actions, a
    member's ratings), so removing that one removes it too, in an edit and in
    the file's tables alike; any other link is cleared instead.
    """
    return field(default=None, metadata=_meta(label=label, target=target, owned=owned))


def links_field(label: str, target: str) -> Any:
    """Ids of items of collection ``target``."""
    return field(default=(), metadata=_meta(label=label, target=target))


def flag_field(label: str, default: bool = False) -> Any:
    return field(default=default, metadata=_meta(label=label))


# --- singletons: one record each -------------------------------------------------


@record
class District(ByFields):
    """District facts, the summit, and the fiscal years the plan covers."""

    name: str = text_field("District name")
    state: str = text_field("State")
    enrollment: int = count_field("Students enrolled")
    schools: int = count_field("Schools")
    staff: int = count_field("Staff")
    teachers: int = count_field("Teachers")
    summit_city: str = text_field("Summit city")
    summit_date: date | None = day_field("Summit date")
    first_fiscal_year: int = count_field("First fiscal year", low=2000, high=2100, default=2027)
    plan_years: int = count_field("Plan years", low=3, high=MAX_PLAN_YEARS, default=3)
    erate_discount_percent: int = count_field("E-Rate discount (%)", high=90)
    low_income_percent: int = count_field("Low-income students (%)", high=100)
    peer_matching: bool = flag_field("Open to peer matching in the region's roll-up")


@record
class Vision(ByFields):
    """The district's vision for learning with technology, in the team's words."""

    statement: str = text_field("Vision statement", long=True)


@record
class Network(ByFields):
    """Today's network against the plan's targets, and support staffing (upgrades are ``NetworkUpgrade``).

    The targets are the team's own; the long-term reference (1 Gbps per 1,000
    users, 10 Gbps per 1,000 students on each school's WAN link) is content.
    ``target_wan_mbps`` of 0 means "the reference".
    """

    internet_mbps: int = count_field("Internet bandwidth today (Mbps)")
    wan_mbps: int = count_field("WAN link per school today (Mbps)")
    wifi_coverage_percent: int = count_field("Classrooms with Wi-Fi today (%)", high=100)
    target_mbps_per_1000: int = count_field("Internet target (Mbps per 1,000 users)", default=1000)
    target_wan_mbps: int = count_field("WAN target per school (Mbps)")
    support_technicians: int = count_field("Support technicians")
    cipa_in_place: bool = flag_field("CIPA safety policy, filtering and monitoring in place")
    notes: str = text_field("Notes", long=True)


@record
class Equity(ByFields):
    """Who can learn at home and who needs assistive technology: home access and accessibility."""

    no_home_internet_percent: int = count_field("Students without reliable home internet (%)", high=100)
    take_home: str = choice_field("Devices at home", "take_home_policies")
    loaner_policy: str = text_field("Take-home and loaner policy", long=True)
    hotspot_plan: str = text_field("Hotspots and home internet", long=True)
    assistive_students: int = count_field("Students with IEP or 504 technology needs")
    assistive_plan: str = text_field("Devices and assistive technology for them", long=True)
    public_entity_size: str = choice_field("Population the district serves", "public_entity_sizes")


@record
class Approval(ByFields):
    """Who approves the plan: the superintendent, the board president, the technology director, the board meeting."""

    superintendent_name: str = text_field("Superintendent")
    superintendent_title: str = text_field("Superintendent's title")
    board_president: str = text_field("Board president")
    technology_director: str = text_field("Technology director")
    board_meeting_date: date | None = day_field("Board meeting date")


@record
class Signature(ByFields):
    """What was exported for signature; not part of the plan's content."""

    fingerprint: str = text_field("Signed fingerprint")
    signed_at: datetime | None = field(default=None, metadata=_meta(label="Signed at"))


# --- collections: ordered items with ids -----------------------------------------


@record
class TeamMember(ByFields):
    """A member of the planning team and the seat they hold at the table."""

    id: str
    name: str = text_field("Name")
    role: str = choice_field("Role", "roles")
    title: str = text_field("Title")
    email: str = text_field("E-mail", private=True)


@record
class ReadinessRating(ByFields):
    """The team's agreed score for one framework element (``id`` is the element id)."""

    id: str
    score: int | None = score_field("Consensus score", 0, 10)
    notes: str = text_field("Notes", long=True)
    revealed: bool = flag_field("Members' ratings revealed")


@record
class MemberRating(ByFields):
    """One member's silent rating of one element, hidden until revealed."""

    id: str
    element_id: str = choice_field("Element", "elements")
    member_id: str | None = link_field("Member", "members", owned=True)
    score: int | None = score_field("Score", 0, 10)


@record
class Goal(ByFields):
    """A goal of the plan, tied to a Future Ready gear."""

    id: str
    title: str = text_field("Goal")
    description: str = text_field("Description", long=True)
    gear: str = choice_field("Future Ready gear", "gears")
    iste_conditions: tuple[str, ...] = choices_field("ISTE Essential Conditions", "iste_conditions")
    erate_elements: tuple[str, ...] = choices_field("E-Rate checklist (pre-2015)", "erate_elements")
    measure: str = text_field("Measure")
    baseline: str = text_field("Baseline")
    target: str = text_field("Target")
    owner: str = text_field("Owner")
    due_date: date | None = day_field("Due date")
    priority: int | None = score_field("Priority", 1, 99)


@record
class GoalAction(ByFields):
    """One step toward a goal: what, who, by when."""

    id: str
    goal_id: str | None = link_field("Goal", "goals", owned=True)
    text: str = text_field("Action")
    owner: str = text_field("Owner")
    due_date: date | None = day_field("Due date")
    status: str = choice_field("Status", "statuses", "not-started")


@record
class LearningActivity(ByFields):
    """A professional-learning activity and the goals it serves."""

    id: str
    title: str = text_field("Activity")
    component: str = choice_field("Type", "pd_components")
    audience: str = choice_field("Audience", "pd_audiences")
    participants: int = count_field("Participants")
    hours: Decimal = amount_field("Hours each")
    format: str = choice_field("Format", "pd_formats", "in-person")
    start_date: date | None = day_field("Starts")
    end_date: date | None = day_field("Ends")
    goal_ids: tuple[str, ...] = links_field("Goals", "goals")
    purpose: str = choice_field("Purpose", "pd_purposes", "instruction")


@record
class AppEntry(ByFields):
    """One app or vendor in the district's privacy inventory."""

    id: str
    name: str = text_field("App or service")
    vendor: str = text_field("Vendor")
    purpose: str = text_field("Purpose")
    audience: tuple[str, ...] = choices_field("Used by", "app_audiences")
    data_categories: tuple[str, ...] = choices_field("Student data collected", "data_categories")
    agreement_status: str = choice_field("Agreement", "agreement_statuses", "none")
    agreement_date: date | None = day_field("Agreement date")
    consent_route: str = choice_field("COPPA consent", "consent_routes", "not-applicable")
    retention: str = text_field("Retention and deletion")
    approval: str = choice_field("Approval", "approval_statuses", "pending")
    accessibility_report: str = choice_field("Accessibility conformance report", "accessibility_reports")


@record
class PracticeRating(ByFields):
    """A privacy-program practice self-rated 1–4 (``id`` is the practice id)."""

    id: str
    rating: int | None = score_field("Rating", 1, 4)
    notes: str = text_field("Notes", long=True)


@record
class DeviceFleet(ByFields):
    """A group of devices of one type: how many, how old, when they are due for refresh."""

    id: str
    device_type: str = choice_field("Device", "device_types")
    users: str = choice_field("Used by", "device_users", "students")
    count: int = count_field("Count")
    average_age_years: int = count_field("Average age (years)")
    refresh_cycle_years: int = count_field("Refresh cycle (years)")


@record
class FundingSource(ByFields):
    """Money the plan counts on, by fiscal year."""

    id: str
    name: str = text_field("Funding source")
    kind: str = choice_field("Kind", "funding_kinds")
    recurring: bool = flag_field("Recurring")
    amounts: tuple[Decimal, ...] = field(
        default=(Decimal("0"),) * MAX_PLAN_YEARS,
        metadata=_meta(label="Amount by year", low=0, length=MAX_PLAN_YEARS),
    )


@record
class BudgetLine(ByFields):
    """A cost of the plan: unit cost times quantity, one-time or every year, tied to a goal and a source."""

    id: str
    description: str = text_field("Budget line")
    category: str = choice_field("Category", "cost_categories")
    goal_id: str | None = link_field("Goal", "goals")
    recurring: bool = flag_field("Recurring")
    unit_cost: Decimal = amount_field("Unit cost")
    quantity: int = count_field("Quantity", default=1)
    first_year: int = count_field("First year", low=2000, high=2100, default=2027)
    last_year: int = count_field("Last year", low=2000, high=2100, default=2027)
    funding_source_id: str | None = link_field("Funding source", "funding")
    app_id: str | None = link_field("Privacy inventory entry", "apps")
    device_type: str = choice_field("Device", "device_types")
    device_users: str = choice_field("Devices used by", "device_users", "students")
    replaces_devices: bool = flag_field("Replaces devices in service")
    delivery_date: date | None = day_field("Delivery")
    erate_category: str = choice_field("E-Rate category", "erate_categories")
    match_source_id: str | None = link_field("Local match from", "funding")
    pilot: bool = flag_field("Device pilot or test")
    accessibility_report: str = choice_field("Accessibility conformance report", "accessibility_reports")

    def years(self) -> range:
        """The fiscal years this line spends in (one for a one-time cost)."""
        last = self.last_year if self.recurring else self.first_year
        return range(self.first_year, last + 1)

    def cost_per_year(self) -> Decimal:
        return self.unit_cost * self.quantity


@record
class Milestone(ByFields):
    """A dated checkpoint on the timeline: who owns it, where it stands, the goals it marks."""

    id: str
    title: str = text_field("Milestone")
    due_date: date | None = day_field("Date")
    owner: str = text_field("Owner")
    status: str = choice_field("Status", "statuses", "not-started")
    goal_ids: tuple[str, ...] = links_field("Goals", "goals")
    kind: str = choice_field("Kind", "milestone_kinds", "milestone")


@record
class NetworkUpgrade(ByFields):
    """A planned change to the network: when it takes effect and the capacity after it (0: unchanged)."""

    id: str
    title: str = text_field("Upgrade")
    effective_date: date | None = day_field("Takes effect")
    internet_mbps: int = count_field("Internet after (Mbps)")
    wan_mbps: int = count_field("WAN per school after (Mbps)")
    wifi_coverage_percent: int = count_field("Classrooms with Wi-Fi after (%)", high=100)
    budget_line_ids: tuple[str, ...] = links_field("Paid by", "budget")


@record
class Acceptance(ByFields):
    """A warning or advice the team accepted, with why and who; it lapses when the facts behind it change.

    ``basis`` is a digest of the finding as it stood when accepted (its message and the
    item it names), so a changed figure or item no longer matches it.
    """

    id: str
    rule: str = recorded_field("Finding")
    item_id: str = recorded_field("Item")
    basis: str = recorded_field("Facts when accepted")
    reason: str = text_field("Reason", long=True)
    role: str = choice_field("Accepted by", "roles")


@record
class PeerDistrict(ByFields):
    """A district "like us" the team will learn from or mentor, and the visit that makes it real."""

    id: str
    name: str = text_field("Peer district")
    state: str = text_field("State")
    enrollment: int = count_field("Students enrolled")
    low_income_percent: int = count_field("Low-income students (%)", high=100)
    alike_in: tuple[str, ...] = choices_field("Like us in", "peer_likenesses")
    relation: str = choice_field("Relation", "peer_relations", "learn-from")
    visit_date: date | None = day_field("Planned visit")
    visitors: str = text_field("Who visits")
    adopt: str = text_field("What we will adopt", long=True)


@record
class LighthouseSchool(ByFields):
    """A school that shows the vision in action, and when and to whom it opens its doors."""

    id: str
    name: str = text_field("School")
    district: str = text_field("District")
    shows: str = text_field("What it shows", long=True)
    goal_ids: tuple[str, ...] = links_field("Goals it shows", "goals")
    open_from: date | None = day_field("Open for visits from")
    open_to: tuple[str, ...] = choices_field("Open to", "visit_audiences")
    contact: str = text_field("Contact")


@record
class Communication(ByFields):
    """One message of the communication plan: who hears what, how, in which languages, when, from whom."""

    id: str
    kind: str = choice_field("Kind", "communication_kinds")
    audiences: tuple[str, ...] = choices_field("Audience", "communication_audiences")
    message: str = text_field("Message", long=True)
    channel: str = choice_field("Channel", "communication_channels")
    languages: str = text_field("Languages")
    planned_date: date | None = day_field("Date")
    owner: str = text_field("Owner")


# --- the plan ----------------------------------------------------------------------

Record = Any  # any of the dataclasses above


@record
class Plan(ByFields):
    """A district's whole technology plan: what one plan file holds."""

    district: District = field(default_factory=District)
    vision: Vision = field(default_factory=Vision)
    network: Network = field(default_factory=Network)
    equity: Equity = field(default_factory=Equity)
    approval: Approval = field(default_factory=Approval)
    signature: Signature = field(default_factory=Signature)
    members: tuple[TeamMember, ...] = ()
    readiness: tuple[ReadinessRating, ...] = ()
    member_ratings: tuple[MemberRating, ...] = ()
    goals: tuple[Goal, ...] = ()
    actions: tuple[GoalAction, ...] = ()
    learning: tuple[LearningActivity, ...] = ()
    apps: tuple[AppEntry, ...] = ()
    practices: tuple[PracticeRating, ...] = ()
    devices: tuple[DeviceFleet, ...] = ()
    funding: tuple[FundingSource, ...] = ()
    budget: tuple[BudgetLine, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    upgrades: tuple[NetworkUpgrade, ...] = ()
    acceptances: tuple[Acceptance, ...] = ()
    peers: tuple[PeerDistrict, ...] = ()
    lighthouses: tuple[LighthouseSchool, ...] = ()
    communications: tuple[Communication, ...] = ()

    def fiscal_years(self) -> list[int]:
        first = self.district.first_fiscal_year
        return list(range(first, first + self.district.plan_years))

    def item(self, collection: str, item_id: str) -> Record | None:
        for it in getattr(self, collection):
            if it.id == item_id:
                return it
        return None

    def replace(self, **changes: Any) -> Plan:
        return dataclasses.replace(self, **changes)


#: Records held once per plan, by attribute name.
SINGLETONS: dict[str, type] = {
    "district": District,
    "vision": Vision,
    "network": Network,
    "equity": Equity,
    "approval": Approval,
    "signature": Signature,
}

#: Ordered collections of items with ids, by attribute name.
COLLECTIONS: dict[str, type] = {
    "members": TeamMember,
    "readiness": ReadinessRating,
    "member_ratings": MemberRating,
    "goals": Goal,
    "actions": GoalAction,
    "learning": LearningActivity,
    "apps": AppEntry,
    "practices": PracticeRating,
    "devices": DeviceFleet,
    "funding": FundingSource,
    "budget": BudgetLine,
    "milestones": Milestone,
    "upgrades": NetworkUpgrade,
    "acceptances": Acceptance,
    "peers": PeerDistrict,
    "lighthouses": LighthouseSchool,
    "communications": Communication,
}

#: Parts of a plan that are not its content (left out of the fingerprint).
NOT_CONTENT = frozenset({"signature"})


def record_fields(record_type: type) -> list[dataclasses.Field[Any]]:
    """The editable fields of a record type (everything but ``id``)."""
    return [f for f in dataclasses.fields(record_type) if f.name != "id"]
