"""Suggested peers: who is alike, and who may be named to whom (plan/peers.py)."""

from __future__ import annotations

import dataclasses

import pytest
from seed_plans import PEER_REGION, UNLISTED, peer_region

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.peers import (
    NOTHING_TO_COMPARE,
    ONE_LIKENESS,
    PEERS_PER_DISTRICT,
    PeerRow,
    PeerSuggestions,
    Profile,
    compare,
    pseudonyms,
    roll_up_key,
    suggest_peers,
    why,
)
from summit_app.plan.rollup import summarize_region

NAMES = [row[0] for row in PEER_REGION]
ALDER, BIRCHMONT, CEDAR, ELMSTEAD = "Alder Creek Unified", "Birchmont Schools", "Cedar Hollow District", \
    "Elmstead Public"


def gears(*tenths: int | None) -> tuple[int | None, ...]:
    return tuple(tenths) + (None,) * (8 - len(tenths))


def district(enrollment: int | None = 10_000, low_income: int | None = 40,
             readiness: tuple[int | None, ...] = gears(50, 50, 50, 50), place: int = 0) -> Profile:
    return Profile(place, f"District {place}", False, enrollment, low_income, readiness)


@pytest.fixture(scope="module")
def region(content: Content) -> list[model.Plan]:
    return peer_region(content)


@pytest.fixture(scope="module")
def peers(region: list[model.Plan], content: Content) -> PeerSuggestions:
    return suggest_peers(region, content, min_group=3)


def alias(peers: PeerSuggestions, name: str) -> str:
    return peers.pseudonyms[NAMES.index(name)]


def anonymous_row(peers: PeerSuggestions, name: str) -> PeerRow:
    assert peers.anonymous is not None
    return next(r for r in peers.anonymous if r.district == alias(peers, name))


def named_row(peers: PeerSuggestions, name: str) -> PeerRow | None:
    return next((r for r in peers.named if r.district == name), None)


# --- likeness and its thresholds -----------------------------------------------------------------------------


def test_enrollment_is_alike_up_to_half_again_as_large() -> None:
    assert compare(district(10_000), district(15_000, place=1)) is not None
    assert compare(district(10_000), district(15_001, place=1)) is None
    assert compare(district(15_001), district(10_000, place=1)) is None


def test_low_income_shares_are_alike_within_ten_points() -> None:
    assert compare(district(low_income=40), district(low_income=50, place=1)) is not None
    assert compare(district(low_income=40), district(low_income=51, place=1)) is None


def test_readiness_profiles_are_alike_up_to_a_mean_gap_of_one_and_a_half() -> None:
    at_limit = compare(district(readiness=gears(50, 50, 50, 50)), district(readiness=gears(65, 65, 35, 35), place=1))
    assert at_limit is not None
    assert (at_limit.gears_shared, at_limit.gears_close, at_limit.readiness_gap) == (4, 4, 1.5)
    assert compare(district(readiness=gears(50, 50, 50, 50)), district(readiness=gears(66, 65, 35, 35), place=1)) \
        is None


def test_gears_count_only_where_both_rated_and_close_means_within_one_and_a_half() -> None:
    likeness = compare(district(readiness=gears(50, 50, 50, 50, None, 70)),
                       district(readiness=gears(52, 30, 70, 50, 90, None), place=1))
    assert likeness is not None
    assert (likeness.gears_shared, likeness.gears_close) == (4, 2)
    assert likeness.readiness_gap == pytest.approx(1.05)


def test_missing_data_is_matched_on_what_both_have() -> None:
    no_enrollment = compare(district(enrollment=None), district(80_000, place=1))  # sizes say nothing here
    assert no_enrollment is not None
    assert no_enrollment.enrollment_gap is None
    assert why(no_enrollment, precise=True) == "the same low-income share, readiness profile close in 4 of 4 gears"
    # Two of three likenesses are needed: enrollment alone is not enough.
    assert compare(district(low_income=None), district(readiness=gears(50, 50), place=1)) is None
    # Fewer than three gears in common is no readiness likeness.
    assert compare(district(low_income=None, readiness=gears(50, 50)),
                   district(low_income=None, readiness=gears(50, 50), place=1)) is None


def test_why_is_precise_only_between_named_districts() -> None:
    likeness = compare(district(12_000, 40, gears(50, 50, 50, 50)),
                       district(13_000, 44, gears(50, 60, 70, 50), place=1))
    assert likeness is not None
    assert why(likeness, precise=True) == ("enrollment within 9%, low-income share 4 points apart, "
                                           "readiness profile close in 3 of 4 gears")
    assert why(likeness, precise=False) == ("enrollment within 10%, low-income share within 5 points, "
                                            "readiness profile close in 3 of 4 gears")


# --- who is named to whom ------------------------------------------------------------------------------------


def test_two_districts_that_both_opted_in_are_named_to_each_other(peers: PeerSuggestions) -> None:
    alder, birchmont = named_row(peers, ALDER), named_row(peers, BIRCHMONT)
    assert alder is not None
    assert birchmont is not None
    assert [s.peer for s in alder.suggestions] == [BIRCHMONT]
    assert [s.peer for s in birchmont.suggestions] == [ALDER]
    assert alder.suggestions[0].named
    assert alder.suggestions[0].why == ("enrollment within 9%, low-income share 3 points apart, "
                                        "readiness profile close in 8 of 8 gears")
    # ... and not again among the anonymous suggestions, where a pseudonym would sit beside the name.
    assert alias(peers, BIRCHMONT) not in [s.peer for s in anonymous_row(peers, ALDER).suggestions]


def test_when_only_one_opted_in_both_are_anonymous_to_each_other(peers: PeerSuggestions) -> None:
    alder_sees = [s.peer for s in anonymous_row(peers, ALDER).suggestions]
    unlisted_sees = [s.peer for s in anonymous_row(peers, UNLISTED).suggestions]
    assert alias(peers, UNLISTED) in alder_sees
    assert alias(peers, ALDER) in unlisted_sees
    alder = named_row(peers, ALDER)
    assert alder is not None
    assert UNLISTED not in [s.peer for s in alder.suggestions]
    assert named_row(peers, UNLISTED) is None


def test_when_neither_opted_in_both_are_anonymous(peers: PeerSuggestions) -> None:
    assert alias(peers, ELMSTEAD) in [s.peer for s in anonymous_row(peers, UNLISTED).suggestions]
    assert alias(peers, UNLISTED) in [s.peer for s in anonymous_row(peers, ELMSTEAD).suggestions]
    assert named_row(peers, ELMSTEAD) is None


def test_a_district_that_did_not_opt_in_is_named_nowhere(peers: PeerSuggestions) -> None:
    """Not its name, nor its exact enrollment or scores, in any part of the suggestions."""
    text = repr(peers)
    for name in (UNLISTED, CEDAR, ELMSTEAD):
        assert name not in text
    assert "12,500" not in text
    assert "12500" not in text
    suggestion = next(s for s in anonymous_row(peers, ALDER).suggestions if s.peer == alias(peers, UNLISTED))
    assert not suggestion.named
    assert suggestion.description == "5,000–24,999 students, 25–49% low-income, strongest in Robust Infrastructure"
    assert suggestion.why == ("enrollment within 5%, low-income share within 5 points, "
                              "readiness profile close in 8 of 8 gears")


def test_suggestions_are_the_closest_few(peers: PeerSuggestions, region: list[model.Plan]) -> None:
    unlisted = anonymous_row(peers, UNLISTED)
    assert len(unlisted.suggestions) == PEERS_PER_DISTRICT
    # Closest first; Elmstead gives no enrollment, which counts as a likeness at its limit, and still comes
    # before Cedar Hollow, whose share and readiness are further off.
    assert [s.peer for s in unlisted.suggestions] == [alias(peers, n) for n in (BIRCHMONT, ALDER, ELMSTEAD)]
    assert alias(peers, UNLISTED) in [s.peer for s in anonymous_row(peers, CEDAR).suggestions]
    assert anonymous_row(peers, "Dunmore Valley Schools").suggestions == ()


def test_plans_with_nothing_to_compare_are_left_out_and_counted(peers: PeerSuggestions) -> None:
    assert [(s.why, s.count) for s in peers.skipped] == [(NOTHING_TO_COMPARE, 1)]
    assert peers.compared == 6
    assert peers.pseudonyms[NAMES.index("Foxglen Schools")] == ""


def test_one_likeness_is_a_counted_reason(content: Content, region: list[model.Plan]) -> None:
    only_size = region[0].replace(district=dataclasses.replace(region[0].district, name="Gorse Hill",
                                                                low_income_percent=0), readiness=())
    peers = suggest_peers([*region, only_size], content, min_group=3)
    assert [(s.why, s.count) for s in peers.skipped] == [(NOTHING_TO_COMPARE, 1), (ONE_LIKENESS, 1)]
    assert peers.compared == 6


# --- pseudonyms and descriptions -----------------------------------------------------------------------------


def test_pseudonyms_are_stable_in_one_roll_up_and_are_not_the_names(peers: PeerSuggestions,
                                                                      region: list[model.Plan],
                                                                      content: Content) -> None:
    assert suggest_peers(region, content, 3).pseudonyms == peers.pseudonyms
    shown = [p for p in peers.pseudonyms if p]
    assert sorted(shown) == [f"District {c}" for c in "ABCDEF"]
    assert not any(name in p or p in name for name, p in zip(NAMES, peers.pseudonyms, strict=True) if p)
    # Neither the list's order nor the names' alphabetical order.
    assert shown != sorted(shown)
    # The summary's districts carry the same pseudonyms (the facilitator's key, in a named roll-up only).
    summary = summarize_region(region, content, named=True)
    assert [d.pseudonym for d in summary.districts] == list(peers.pseudonyms)


def test_pseudonyms_come_from_a_key_the_names_cannot_give(region: list[model.Plan], content: Content) -> None:
    """The same names and places with another team's roster give other pseudonyms: the key is not the names."""
    other_team = [p.replace(members=p.members[1:]) for p in region]
    assert roll_up_key(other_team) != roll_up_key(region)
    assert suggest_peers(other_team, content, 3).pseudonyms != suggest_peers(region, content, 3).pseudonyms
    order = pseudonyms(range(30), b"k" * 32)
    assert sorted(order.values(), key=lambda p: (len(p), p))[26:28] == ["District AA", "District AB"]


def test_a_band_too_few_districts_share_is_left_out(region: list[model.Plan], content: Content) -> None:
    """Dunmore Valley is the only very large, high-poverty district: no band may single it out."""
    peers = suggest_peers(region, content, min_group=3)
    described = [s.description for r in peers.anonymous or () for s in r.suggestions]
    assert described
    assert not any("75% or more" in d or "25,000" in d for d in described)
    strict = suggest_peers(region, content, min_group=6)
    assert strict.anonymous is not None
    descriptions = {s.description for r in strict.anonymous for s in r.suggestions}
    assert descriptions == {"no band that 6 or more districts share"}


def test_anonymous_suggestions_are_suppressed_in_a_small_group(region: list[model.Plan], content: Content) -> None:
    peers = suggest_peers(region, content, min_group=7)  # six districts can be compared
    assert peers.anonymous is None
    assert set(peers.pseudonyms) == {""}
    assert [r.district for r in peers.named] == [ALDER, BIRCHMONT]  # both opted in: no group size hides them
    assert peers.count == peers.named_count == 2
