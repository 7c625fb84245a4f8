"""What the roll-up's workbook and PDF both say, worded and rounded once, so the two agree.

Figures are kept exact in ``plan.rollup`` and rounded here, half up, only for
showing: money to the cent, readiness scores and hours to one decimal,
shares to a tenth of a percent.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from summit_app.plan.money import format_money
from summit_app.plan.peers import (
    ENROLLMENT_RATIO,
    LOW_INCOME_POINTS,
    PEERS_PER_DISTRICT,
    READINESS_DISTANCE,
    PeerRow,
    PeerSuggestion,
    PeerSuggestions,
)
from summit_app.plan.rollup import Distribution, Figure, RegionSummary, RollupReport

TITLE = "Regional roll-up of district technology plans"
STAT_HEADERS = ("Districts", "Mean", "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest")


class Unit(enum.Enum):
    MONEY = "money"
    SHARE = "share"  # a fraction 0–1 shown as a percentage
    HOURS = "hours"
    SCORE = "score"  # readiness, 0–10


_PLACES = {Unit.MONEY: Decimal("0.01"), Unit.SHARE: Decimal("0.001"), Unit.HOURS: Decimal("0.1"),
           Unit.SCORE: Decimal("0.1")}


def rounded(value: Decimal, unit: Unit) -> Decimal:
    """``value`` as shown: the places of its unit, half away from zero."""
    return value.quantize(_PLACES[unit], rounding=ROUND_HALF_UP)


def shown(value: Decimal, unit: Unit) -> str:
    """``value`` in words and digits, e.g. ``$1,234.50``, ``81.7%``, ``12.5``."""
    value = rounded(value, unit)
    if unit is Unit.MONEY:
        return format_money(value, cents=True)
    if unit is Unit.SHARE:
        return f"{value * 100:.1f}%"
    return f"{value:,.1f}"


def stat_values(figure: Distribution) -> tuple[Decimal, ...]:
    """The values under ``STAT_HEADERS`` after the count."""
    return figure.mean, figure.minimum, figure.q1, figure.median, figure.q3, figure.maximum


@dataclass(frozen=True)
class Measure:
    """One per-district measure summarized across the region."""

    title: str
    unit: Unit
    figure: Figure
    left_out: str  # which districts have no value for it, or ""
    lead: str = ""  # how each district's value is made, in a sentence


def _left_out(count: int, why: str) -> str:
    if count == 0:
        return ""
    return f"{count} district{'s' if count != 1 else ''} {why}"


def measures(summary: RegionSummary) -> tuple[Measure, ...]:
    """The money and ratio measures, in the order the reports show them."""
    return (
        Measure("Planned investment per student", Unit.MONEY, summary.per_student,
                _left_out(summary.without_enrollment, "with no enrollment given"),
                "Each plan's budget over all its fiscal years, divided by the district's enrollment."),
        Measure("Cost of ownership per student per year", Unit.MONEY, summary.per_student_per_year,
                _left_out(summary.without_enrollment, "with no enrollment given"),
                "Each plan's total cost of ownership a year (its direct costs annualised: one-time devices over "
                "their refresh cycle, other one-time costs over the plan's years), divided by the district's "
                "enrollment."),
        Measure("Privacy-agreement coverage", Unit.SHARE, summary.coverage.per_district,
                _left_out(summary.without_student_apps, "with no inventory app holding student data"),
                "Each district's inventory apps that hold student data, and the share of them with a signed "
                "data-privacy agreement."),
        Measure("PD hours per teacher", Unit.HOURS, summary.pd_hours,
                _left_out(summary.without_teachers, "with no teacher count given"),
                "Participants × hours of each learning activity for teachers (or all staff), summed and divided "
                "by the district's teachers."),
    )


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def subtitle(report: RollupReport) -> str:
    summary = report.summary
    kind = "named districts" if summary.named else "anonymous"
    text = f"{plural(summary.district_count, 'district plan')} · {kind}"
    return text + (f" · prepared {report.prepared:%B} {report.prepared.day}, {report.prepared:%Y}"
                   if report.prepared else "")


def median_text(figure: Figure, unit: Unit) -> str:
    return shown(figure.median, unit) if isinstance(figure, Distribution) else figure.text


def key_figures(report: RollupReport) -> tuple[tuple[str, str], ...]:
    """(label, value) of the headline figures, for the summary sheet and the PDF's first page."""
    summary = report.summary
    overall = summary.readiness[-1].figure
    cover = summary.coverage.overall
    top = next((a for a in summary.goal_areas if a.suppressed is None), None)
    skipped = f" ({len(report.skipped):,} of {report.listed:,} files skipped)" if report.skipped else ""
    return (
        ("District plans in the roll-up" + skipped, f"{summary.district_count:,}"),
        ("Median overall readiness (0–10)", median_text(overall, Unit.SCORE)),
        ("Median investment per student", median_text(summary.per_student, Unit.MONEY)),
        ("Privacy-agreement coverage (region)", cover.text if not isinstance(cover, Decimal)
         else shown(cover, Unit.SHARE)),
        ("Median PD hours per teacher", median_text(summary.pd_hours, Unit.HOURS)),
        ("Most common goal area", top.name if top else f"suppressed (fewer than {summary.min_group} districts)"),
    )


def method_notes(summary: RegionSummary) -> tuple[str, ...]:
    """How the figures were computed, in the words the reports print."""
    n = summary.min_group
    privacy = ("Names are left out: no district is named in this report except to another district in the "
               "suggested peers when both opted in to peer matching, and skipped files are identified only by "
               "their place in the list." if not summary.named else
               "This report names districts: share it only with people who may see each district's figures.")
    return (
        "Each district contributes one value per measure; the region's figures describe those values.",
        f"Any figure computed over fewer than {plural(n, 'district')} is suppressed, and so is any goal area "
        f"fewer than {plural(n, 'district')} chose.",
        "Quartiles use the inclusive method (as Excel's QUARTILE.INC): the districts are the whole group "
        "described, not a sample. The median is the middle quartile.",
        "Readiness: each district's score out of 10 per Future Ready gear (the mean of its rated elements) "
        "and overall (the mean of its rated gears); unrated gears are left out, not counted as zero.",
        "Planned investment per student: the plan's budget over all its fiscal years divided by enrollment.",
        "Cost per student per year: the plan's total cost of ownership a year (its direct costs annualised: "
        "one-time device costs spread over their refresh cycle, other one-time costs over the plan's years) "
        "divided by enrollment.",
        "Privacy-agreement coverage: inventory apps holding any category of student data that have a signed "
        "agreement, as a share of those apps; the region's figure pools every district's apps.",
        "PD hours per teacher: participants × hours summed over learning activities for teachers or all "
        "staff, divided by the district's teachers.",
        "Suggested peers: a district is named to another only when both opted in to peer matching; any "
        "other peer is a pseudonym from a keyed hash that no one without every plan file can work out, "
        f"described only by bands that at least {plural(n, 'district')} share.",
        privacy,
    )


# --- suggested peers ----------------------------------------------------------------------------------------------

PEERS_TITLE = "Suggested peers"
NAMED_PEERS_TITLE = "Named: both districts opted in"
ANONYMOUS_PEERS_TITLE = "Anonymous suggestions"
NO_PEER = "none similar enough"
NO_NAMED_PEERS = "None: no two similar districts both opted in."


def peer_count_text(peers: PeerSuggestions) -> str:
    """How many suggestions the roll-up makes, e.g. "14 peer suggestions (2 by name)"."""
    text = plural(peers.count, "peer suggestion")
    return text + (f" ({peers.named_count:,} by name)" if peers.named_count else "")


def peer_lead(summary: RegionSummary) -> str:
    peers = summary.peers
    return (f"For each district, up to {PEERS_PER_DISTRICT} others alike in at least two of: enrollment (the larger "
            f"at most {ENROLLMENT_RATIO}× the smaller), share of low-income students (at most {LOW_INCOME_POINTS} "
            f"points apart) and readiness profile (a mean gap of at most {READINESS_DISTANCE} over the gears both "
            f"rated). {plural(peers.compared, 'district')} compared; {peer_count_text(peers)}.")


NAMED_PEERS_LEAD = ("Districts that both opted in to peer matching, named to each other. Gaps are given to the "
                    "nearest percent or point.")


def anonymous_peers_lead(summary: RegionSummary) -> str:
    return ("Every other suggestion, by pseudonym: a district is named only to another that also opted in. "
            "A named copy of this roll-up lists each district's pseudonym, for the facilitator to tell each "
            f"district its own. A peer is described only by bands that at least {plural(summary.min_group, 'district')}"
            " share, and gaps are rounded up to steps of 5.")


def peers_suppressed(summary: RegionSummary) -> str:
    return (f"Anonymous suggestions suppressed: fewer than {plural(summary.min_group, 'district')} could be "
            "compared, and a pseudonym hides nobody in so small a group.")


def peer_left_out(summary: RegionSummary) -> str:
    """Which districts peer matching left out, and why, or ""."""
    parts = [f"{plural(s.count, 'district')} with {s.why}" for s in summary.peers.skipped]
    return "Left out of peer matching: " + "; ".join(parts) + "." if parts else ""


def sentence(text: str) -> str:
    """``text`` with a capital first letter, as a table cell starts."""
    return text[:1].upper() + text[1:]


def peer_rows(rows: Sequence[PeerRow]) -> list[tuple[str, PeerSuggestion | None]]:
    """(district, suggestion) per line: a district with no suggestion gets one line with ``None``."""
    return [(r.district, s) for r in rows for s in (r.suggestions or (None,))]
