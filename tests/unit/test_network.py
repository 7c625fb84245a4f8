"""The network over time: today's figures, with each upgrade applied from the day it takes effect."""

from __future__ import annotations

from datetime import date

from plan_builders import change_one

from summit_app.plan import model
from summit_app.plan.network import (
    Capacity,
    capacity_after_upgrades,
    capacity_on,
    internet_threshold_per_1000,
    reference_internet_mbps,
    reference_wan_mbps,
    wan_target_mbps,
)


def _plan(*upgrades: model.NetworkUpgrade) -> model.Plan:
    return model.Plan(district=model.District(enrollment=37_000, schools=50, staff=4_000),
                      network=model.Network(internet_mbps=2_000, wan_mbps=1_000, wifi_coverage_percent=60),
                      upgrades=upgrades)


SUMMER = model.NetworkUpgrade("up-internet", "New internet circuit", date(2027, 8, 1), internet_mbps=41_000)
WIFI = model.NetworkUpgrade("up-wifi", "Wi-Fi in every classroom", date(2027, 6, 15), wifi_coverage_percent=100)
WAN = model.NetworkUpgrade("up-wan", "Fibre ring", date(2028, 1, 10), wan_mbps=10_000)


def test_before_any_upgrade_the_network_is_todays() -> None:
    plan = _plan(SUMMER, WIFI, WAN)
    assert capacity_on(plan, date(2027, 6, 14)) == Capacity(2_000, 1_000, 60)


def test_an_upgrade_takes_effect_on_its_date_and_leaves_figures_it_does_not_set() -> None:
    plan = _plan(SUMMER, WIFI, WAN)  # listed out of date order on purpose
    assert capacity_on(plan, date(2027, 6, 15)) == Capacity(2_000, 1_000, 100)
    assert capacity_on(plan, date(2027, 7, 31)) == Capacity(2_000, 1_000, 100)
    assert capacity_on(plan, date(2027, 8, 1)) == Capacity(41_000, 1_000, 100)
    assert capacity_on(plan, date(2028, 1, 10)) == Capacity(41_000, 10_000, 100)
    assert capacity_after_upgrades(plan) == Capacity(41_000, 10_000, 100)


def test_a_later_upgrade_replaces_an_earlier_figure() -> None:
    second = model.NetworkUpgrade("up-2", "Second circuit", date(2029, 7, 1), internet_mbps=50_000)
    plan = _plan(second, SUMMER)
    assert capacity_on(plan, date(2028, 7, 1)).internet_mbps == 41_000
    assert capacity_on(plan, date(2029, 7, 1)).internet_mbps == 50_000


def test_an_undated_upgrade_is_not_in_effect() -> None:
    plan = _plan(model.NetworkUpgrade("up-x", "Someday", None, internet_mbps=99_000))
    assert capacity_on(plan, date(2040, 1, 1)) == Capacity(2_000, 1_000, 60)
    assert capacity_after_upgrades(plan) == Capacity(2_000, 1_000, 60)


def test_the_references_are_one_gigabit_per_thousand_users_and_ten_per_thousand_students_per_school() -> None:
    assert reference_internet_mbps(41_000) == 41_000
    assert reference_internet_mbps(1_501) == 1_501
    assert reference_wan_mbps(_plan()) == 7_400  # 740 students a school
    one_school = change_one(_plan(), "district", schools=0, enrollment=333)
    assert reference_wan_mbps(one_school) == 3_330


def test_the_threshold_is_the_teams_target_but_never_below_the_floor() -> None:
    plan = _plan()
    assert internet_threshold_per_1000(plan) == 1_000
    assert internet_threshold_per_1000(change_one(plan, "network", target_mbps_per_1000=250)) == 250
    assert internet_threshold_per_1000(change_one(plan, "network", target_mbps_per_1000=25)) == 100


def test_the_wan_target_is_the_teams_or_the_reference() -> None:
    plan = _plan()
    assert wan_target_mbps(plan) == 7_400
    assert wan_target_mbps(change_one(plan, "network", target_wan_mbps=2_000)) == 2_000
