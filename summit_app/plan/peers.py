"""Suggested peer districts in a regional roll-up: for each district, the most similar others.

Districts are alike in three ways (DOMAIN: districts "like us" by enrollment,
share of low-income students and readiness profile): enrollment as a ratio,
the low-income share in percentage points, and the readiness profile as the
distance between per-gear consensus scores. A plan is compared on what it has;
a plan with fewer than ``MIN_LIKENESSES`` of the three is left out, and the
reasons are counted.

Who may be named: a district is named to another only when both opted in to
peer matching (``District.peer_matching``). Otherwise the peer is a pseudonym
("District C") with a description in bands, and a band is given only when at
least ``min_group`` compared districts share it (the roll-up's small-group rule),
so a description never singles a district out. Why-lines for anonymous peers
round the gaps up to coarse steps: a district that knows its own figures cannot
work out another's enrollment. The facilitator's export is shown to the room, so
named pairs are listed apart from the anonymous rows: one pseudonym never sits
beside a name.

Pseudonyms are the order of a keyed hash (HMAC-SHA-256) of each plan's place in
the roll-up. The key is a hash of every plan's district facts, team roster and
readiness ratings: no one without all the plan files can compute it, so a
district's name or place in the list says nothing of its pseudonym; and the same
plans give the same pseudonyms, so the facilitator's named copy (which lists each
district's pseudonym) and the room's anonymous copy agree, and the same plans
give the same bytes.
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import math
import operator
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.readiness import gear_scores

# --- the similarity thresholds, stated once ----------------------------------------------------------------------

#: Enrollments are alike when the larger is at most this many times the smaller: within half again, a
#: district still buys, staffs, trains and supports devices at the same scale.
ENROLLMENT_RATIO = Decimal("1.5")
#: Low-income shares are alike within this many percentage points: home access, funding and family
#: communication needs change with the share, and ten points keeps districts of one kind of community together.
LOW_INCOME_POINTS = 10
#: A gear is "close" when the two consensus scores are at most this far apart (0–10): about half a
#: readiness level, the spread a table usually settles within when it agrees a score.
GEAR_CLOSE = Decimal("1.5")
#: Readiness profiles are alike when their mean gap over the gears both rated is at most this.
READINESS_DISTANCE = Decimal("1.5")
#: Profiles are compared only over at least this many gears both districts rated: fewer says too little.
MIN_SHARED_GEARS = 3
#: A peer must be alike in at least two of the three ways: the same size alone is no reason to visit.
MIN_LIKENESSES = 2
#: Suggestions per district: enough to choose a visit from, few enough to read aloud.
PEERS_PER_DISTRICT = 3

_TENTHS = 10  # readiness scores are kept in tenths (one decimal): integer arithmetic, exact thresholds
_RATIO_TOP, _RATIO_BOTTOM = ENROLLMENT_RATIO.as_integer_ratio()
_CLOSE_TENTHS = int(GEAR_CLOSE * _TENTHS)
_MAX_GAP = 10 * _TENTHS
_UNRATED = 1_000 * _TENTHS
_DISTANCE_TENTHS = int(READINESS_DISTANCE * _TENTHS)

SIZE_BANDS = ((1_000, "fewer than 1,000 students"), (5_000, "1,000–4,999 students"),
              (25_000, "5,000–24,999 students"), (100_000, "25,000–99,999 students"))
LARGEST_SIZE = "100,000 students or more"
LOW_INCOME_BANDS = ((25, "under 25% low-income"), (50, "25–49% low-income"), (75, "50–74% low-income"))
HIGHEST_LOW_INCOME = "75% or more low-income"

NOTHING_TO_COMPARE = "no enrollment, low-income share or readiness scores"
ONE_LIKENESS = "only one of enrollment, low-income share and readiness given (two are needed)"


@dataclass(frozen=True)
class PeerSuggestion:
    """One suggested peer: by name (both districts opted in) or by pseudonym with a description."""

    peer: str
    named: bool
    why: str
    description: str = ""  # anonymous only: the bands at least ``min_group`` compared districts share


@dataclass(frozen=True)
class PeerRow:
    """A district (by name in the named part, by pseudonym in the anonymous part) and its suggestions."""

    district: str
    suggestions: tuple[PeerSuggestion, ...]


@dataclass(frozen=True)
class PeerSkip:
    why: str
    count: int


@dataclass(frozen=True)
class PeerSuggestions:
    """The roll-up's suggested peers, in two parts that never put a name beside a pseudonym."""

    named: tuple[PeerRow, ...]  # districts that opted in, with their opted-in peers; by name
    anonymous: tuple[PeerRow, ...] | None  # every compared district by pseudonym; None: too few districts
    skipped: tuple[PeerSkip, ...]
    pseudonyms: tuple[str, ...]  # each plan's, in roll-up order; "" when left out or not shown
    compared: int
    min_group: int

    @property
    def count(self) -> int:
        """Suggestions shown: named and anonymous."""
        rows = (*self.named, *(self.anonymous or ()))
        return sum(len(r.suggestions) for r in rows)

    @property
    def named_count(self) -> int:
        return sum(len(r.suggestions) for r in self.named)


# --- one district ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """What a district is compared on; ``None`` (or no rated gear) where the plan gives nothing.

    A share of 0 counts as not given: it is the form's empty value, and no district has no low-income students.
    """

    place: int  # in the roll-up
    name: str
    opted_in: bool
    enrollment: int | None
    low_income: int | None
    gears: tuple[int | None, ...]  # tenths, in framework order
    below: tuple[int, ...] = field(init=False, repr=False, compare=False)
    above: tuple[int, ...] = field(init=False, repr=False, compare=False)

    @property
    def rated(self) -> int:
        return sum(1 for g in self.gears if g is not None)

    def __post_init__(self) -> None:
        # The gears twice, an unrated gear far below zero in one and far above ten in the other: the gap
        # between one district's first and another's second is over ten unless both rated the gear.
        object.__setattr__(self, "below", tuple(-_UNRATED if g is None else g for g in self.gears))
        object.__setattr__(self, "above", tuple(_UNRATED if g is None else g for g in self.gears))

    @property
    def likenesses(self) -> int:
        return (self.enrollment is not None) + (self.low_income is not None) + (self.rated >= MIN_SHARED_GEARS)


def profile(place: int, plan: model.Plan, content: Content) -> Profile:
    district = plan.district
    scores = gear_scores(plan, content)
    gears = tuple(_tenths(scores[g.id]) for g in content.gears)
    return Profile(place, district.name, district.peer_matching, district.enrollment or None,
                   district.low_income_percent or None, gears)


def _tenths(score: Decimal | None) -> int | None:
    return None if score is None else int(score * _TENTHS)


# --- two districts -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Likeness:
    """How alike two districts are in the ways both can be compared (``None``: not comparable)."""

    enrollment_gap: float | None  # larger / smaller - 1
    low_income_gap: int | None  # points
    gears_shared: int
    gears_close: int
    readiness_gap: float | None  # mean gap over the shared gears, 0–10

    @property
    def closeness(self) -> float:
        """Each gap as a share of its threshold, averaged: 0 is identical, 1 is at the limit.

        A likeness that cannot be compared counts as at the limit, so a peer alike in all
        three ways comes before one that is as close in only two.
        """
        return sum((
            1.0 if self.enrollment_gap is None else self.enrollment_gap / float(ENROLLMENT_RATIO - 1),
            1.0 if self.low_income_gap is None else self.low_income_gap / LOW_INCOME_POINTS,
            1.0 if self.readiness_gap is None else self.readiness_gap / float(READINESS_DISTANCE))) / 3


def _enrollments_alike(a: int, b: int) -> bool:
    small, large = sorted((a, b))
    return large * _RATIO_BOTTOM <= small * _RATIO_TOP


def _enrollment_gap(a: Profile, b: Profile) -> float | None:
    """larger / smaller - 1, or ``None`` when either is not given."""
    if a.enrollment is None or b.enrollment is None:
        return None
    return max(a.enrollment, b.enrollment) / min(a.enrollment, b.enrollment) - 1


def compare(a: Profile, b: Profile) -> Likeness | None:
    """How ``a`` and ``b`` are alike, or ``None`` when they differ beyond a threshold or share too little.

    The cheap tests come first: a region's roll-up compares each district with hundreds of others.
    """
    points = abs(a.low_income - b.low_income) if a.low_income is not None and b.low_income is not None else None
    if points is not None and points > LOW_INCOME_POINTS:
        return None
    if a.enrollment is not None and b.enrollment is not None and not _enrollments_alike(a.enrollment, b.enrollment):
        return None
    # The gaps over the gears both rated, in tenths, at C speed (see ``Profile.__post_init__``).
    gaps = [gap for gap in map(abs, map(operator.sub, a.below, b.above)) if gap <= _MAX_GAP]
    compared_gears = len(gaps) >= MIN_SHARED_GEARS
    if compared_gears and sum(gaps) > _DISTANCE_TENTHS * len(gaps):
        return None
    ratio = _enrollment_gap(a, b)
    if (ratio is not None) + (points is not None) + compared_gears < MIN_LIKENESSES:
        return None
    close = sum(1 for g in gaps if g <= _CLOSE_TENTHS) if compared_gears else 0
    return Likeness(ratio, points, len(gaps) if compared_gears else 0, close,
                    sum(gaps) / len(gaps) / _TENTHS if compared_gears else None)


def _within(value: float, step: int) -> int:
    """``value`` rounded up to a whole multiple of ``step`` (at least ``step``)."""
    return max(step, math.ceil(round(value, 9) / step) * step)


def why(likeness: Likeness, *, precise: bool) -> str:
    """Why two districts are alike, in a line; gaps in coarse steps unless ``precise`` (both opted in)."""
    parts = []
    if likeness.enrollment_gap is not None:
        parts.append(f"enrollment within {_within(likeness.enrollment_gap * 100, 1 if precise else 5)}%")
    if likeness.low_income_gap is not None:
        points = likeness.low_income_gap
        parts.append((f"low-income share {points} point{'s' if points != 1 else ''} apart" if points
                      else "the same low-income share") if precise
                     else f"low-income share within {_within(points, 5)} points")
    if likeness.gears_shared:
        parts.append(f"readiness profile close in {likeness.gears_close} of {likeness.gears_shared} gears")
    return ", ".join(parts)


# --- pseudonyms and descriptions ---------------------------------------------------------------------------------


def roll_up_key(plans: Sequence[model.Plan]) -> bytes:
    """The pseudonyms' key: a hash of what only the holder of every plan file knows (see the module docstring)."""
    digest = hashlib.sha256()
    for plan in plans:
        digest.update(repr((plan.district, plan.members, plan.readiness)).encode())
    return digest.digest()


def _letters(n: int) -> str:
    """0 → A, 25 → Z, 26 → AA (as spreadsheet columns)."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def pseudonyms(places: Sequence[int], key: bytes) -> dict[int, str]:
    """"District A", "District B"… in the order of each place's keyed hash: nothing about the district shows."""
    order = sorted(places, key=lambda p: hmac.new(key, str(p).encode(), hashlib.sha256).digest())
    return {place: f"District {_letters(n)}" for n, place in enumerate(order)}


def _bands(p: Profile, content: Content) -> tuple[str | None, str | None, str | None]:
    size = None if p.enrollment is None else next((t for top, t in SIZE_BANDS if p.enrollment < top), LARGEST_SIZE)
    low = None if p.low_income is None else next((t for top, t in LOW_INCOME_BANDS if p.low_income < top),
                                                 HIGHEST_LOW_INCOME)
    return size, low, _strongest(p, content)


def _strongest(p: Profile, content: Content) -> str | None:
    """The one gear scored above all the others, if there is one (a tie says nothing)."""
    rated = sorted(((score, i) for i, score in enumerate(p.gears) if score is not None), reverse=True)
    if len(rated) < MIN_SHARED_GEARS or rated[0][0] == rated[1][0]:
        return None
    return f"strongest in {content.gears[rated[0][1]].name}"


class Describer:
    """Anonymous descriptions that only use bands at least ``min_group`` compared districts share together."""

    def __init__(self, profiles: Sequence[Profile], content: Content, min_group: int) -> None:
        self.bands = {p.place: _bands(p, content) for p in profiles}
        self.min_group = min_group
        self.shared = Counter(key for bands in self.bands.values() for key in _combinations(bands))

    def describe(self, place: int) -> str:
        chosen: list[tuple[int, str]] = []
        for i, band in enumerate(self.bands[place]):
            if band is not None and self.shared[(*chosen, (i, band))] >= self.min_group:
                chosen.append((i, band))
        if not chosen:
            return f"no band that {self.min_group} or more districts share"
        return ", ".join(band for _, band in chosen)


def _combinations(bands: tuple[str | None, ...]) -> Iterator[tuple[tuple[int, str], ...]]:
    given = [(i, b) for i, b in enumerate(bands) if b is not None]
    for size in range(1, len(given) + 1):
        yield from combinations(given, size)


# --- the region --------------------------------------------------------------------------------------------------


def _candidates(subject: Profile, by_size: list[Profile], sizes: list[int], unsized: list[Profile]) -> list[Profile]:
    """Those worth comparing with ``subject``: within the enrollment ratio, or with no enrollment to go by."""
    if subject.enrollment is None:
        return [*by_size, *unsized]
    low = bisect_left(sizes, subject.enrollment * _RATIO_BOTTOM // _RATIO_TOP)  # rounded outwards: a superset
    high = bisect_right(sizes, -(-subject.enrollment * _RATIO_TOP // _RATIO_BOTTOM))
    return [*by_size[low:high], *unsized]


def _nearest(profiles: Sequence[Profile], order: dict[int, str]) -> dict[int, list[tuple[Profile, Likeness]]]:
    """Each profile's ``PEERS_PER_DISTRICT`` closest others (ties in pseudonym order, which says nothing)."""
    by_size = sorted((p for p in profiles if p.enrollment is not None), key=lambda p: p.enrollment or 0)
    sizes = [p.enrollment or 0 for p in by_size]
    unsized = [p for p in profiles if p.enrollment is None]
    rank = {place: (len(name), name) for place, name in order.items()}
    nearest = {}
    for subject in profiles:
        alike = [(likeness.closeness, rank[other.place], other, likeness)
                 for other in _candidates(subject, by_size, sizes, unsized) if other.place != subject.place
                 for likeness in (compare(subject, other),) if likeness is not None]
        nearest[subject.place] = [(o, lk) for *_, o, lk in heapq.nsmallest(PEERS_PER_DISTRICT, alike)]
    return nearest


def _skips(profiles: Sequence[Profile]) -> tuple[PeerSkip, ...]:
    reasons = Counter(NOTHING_TO_COMPARE if p.likenesses == 0 else ONE_LIKENESS
                      for p in profiles if p.likenesses < MIN_LIKENESSES)
    return tuple(PeerSkip(why, reasons[why]) for why in (NOTHING_TO_COMPARE, ONE_LIKENESS) if reasons[why])


def suggest_peers(plans: Sequence[model.Plan], content: Content, min_group: int) -> PeerSuggestions:
    """The suggested peers of every district in the roll-up (see the module docstring for who is named)."""
    everyone = [profile(i, plan, content) for i, plan in enumerate(plans)]
    profiles = [p for p in everyone if p.likenesses >= MIN_LIKENESSES]
    order = pseudonyms([p.place for p in profiles], roll_up_key(plans))
    nearest = _nearest(profiles, order)
    named = tuple(sorted((PeerRow(p.name, tuple(PeerSuggestion(o.name, True, why(lk, precise=True))
                                                for o, lk in nearest[p.place] if o.opted_in))
                          for p in profiles if p.opted_in and any(o.opted_in for o, _ in nearest[p.place])),
                         key=lambda r: r.district.casefold()))
    shown = len(profiles) >= min_group
    anonymous = _anonymous(profiles, nearest, order, Describer(profiles, content, min_group)) if shown else None
    names = tuple(order.get(p.place, "") if shown else "" for p in everyone)
    return PeerSuggestions(named, anonymous, _skips(everyone), names, len(profiles), min_group)


def _anonymous(profiles: Sequence[Profile], nearest: dict[int, list[tuple[Profile, Likeness]]],
               order: dict[int, str], describer: Describer) -> tuple[PeerRow, ...]:
    """Every compared district by pseudonym, with the peers it may not be told by name."""
    rows = [PeerRow(order[p.place], tuple(PeerSuggestion(order[o.place], False, why(lk, precise=False),
                                                         describer.describe(o.place))
                                          for o, lk in nearest[p.place] if not (p.opted_in and o.opted_in)))
            for p in profiles]
    return tuple(sorted(rows, key=lambda r: (len(r.district), r.district)))
