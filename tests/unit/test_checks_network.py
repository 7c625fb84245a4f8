"""Network checks read on each delivery date: upgrades first, only new student devices block, a floor on targets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from plan_builders import DELIVERY, GOAL, change, change_one, coherent_plan, without

from summit_app.plan import model
from summit_app.plan.checks import BLOCKING, Finding, run_checks
from summit_app.plan.content import Content

NETWORK_RULES = {"devices-without-network", "network-below-target", "wifi-coverage", "network-target-below-floor",
                 "network-below-reference"}


@pytest.fixture(scope="module")
def weak(content: Content) -> model.Plan:
    """The coherent plan on a network of 400 Mbps, 1 Gbps per school and Wi-Fi in 80% of classrooms today."""
    return change_one(coherent_plan(content), "network", internet_mbps=400, wan_mbps=1000, wifi_coverage_percent=80)


def _upgrade(day: date, internet: int = 4000, wan: int = 10000, wifi: int = 100) -> model.NetworkUpgrade:
    return model.NetworkUpgrade(f"up-{day}", "Internet, WAN and Wi-Fi upgrade", day, internet, wan, wifi,
                                ("line-network",))


def network_findings(plan: model.Plan, content: Content) -> list[Finding]:
    return [f for f in run_checks(plan, content) if f.rule in NETWORK_RULES]


def test_an_upgrade_that_takes_effect_before_the_devices_arrive_lifts_the_block(
        weak: model.Plan, content: Content) -> None:
    upgraded = weak.replace(upgrades=(_upgrade(date(2026, 12, 15)),))
    assert network_findings(upgraded, content) == []


def test_devices_that_arrive_before_the_upgrade_block(weak: model.Plan, content: Content) -> None:
    late = weak.replace(upgrades=(_upgrade(date(2027, 6, 15)),))
    found = network_findings(late, content)
    assert [(f.rule, f.severity, f.item_id) for f in found] == [
        ("devices-without-network", BLOCKING, "line-devices"), ("devices-without-network", BLOCKING, "line-devices"),
        ("wifi-coverage", "warning", "line-devices")]
    assert found[0].message.startswith("“Student Chromebooks” adds 1,000 student devices on February 15, 2027, "
                                       "when internet capacity will be 400 Mbps, below the 4,000 Mbps")
    assert found[1].message == ("“Student Chromebooks” adds 1,000 student devices on February 15, 2027, when each "
                                "school's WAN link will carry 1,000 Mbps, below the 6,000 Mbps the reference of "
                                "10 Gbps per 1,000 students calls for (schools of about 600 students).")
    assert found[2].message == ("“Student Chromebooks” adds 1,000 student devices on February 15, 2027, when only "
                                "80% of classrooms will have Wi-Fi.")


def test_an_upgrade_on_the_delivery_day_is_in_effect(weak: model.Plan, content: Content) -> None:
    assert network_findings(weak.replace(upgrades=(_upgrade(DELIVERY),)), content) == []
    assert network_findings(weak.replace(upgrades=(_upgrade(date(2027, 2, 16)),)), content) != []


def _staff_laptops(plan: model.Plan, *, replaces: bool) -> model.Plan:
    laptops = model.BudgetLine("line-staff", "Staff laptop replacement", "devices", GOAL, False, Decimal("800.00"),
                               400, 2027, 2027, "src-general", device_type="laptop", device_users="staff",
                               replaces_devices=replaces, delivery_date=DELIVERY)
    rest = without(plan, "budget", "line-devices")
    return rest.replace(budget=(*rest.budget, laptops))


@pytest.mark.parametrize("replaces", [True, False])
def test_staff_laptops_never_block_on_capacity(replaces: bool, weak: model.Plan, content: Content) -> None:
    found = network_findings(_staff_laptops(weak, replaces=replaces), content)
    assert [f.rule for f in found] == ["network-below-target", "network-below-target"]  # internet and WAN
    assert not any(f.blocking for f in found)


def test_replacing_student_devices_adds_no_load_and_never_blocks(weak: model.Plan, content: Content) -> None:
    plan = change(weak, "budget", "line-devices", replaces_devices=True)
    assert {f.rule for f in network_findings(plan, content)} == {"network-below-target"}


def test_devices_in_service_count_as_load_but_only_new_ones_block(content: Content) -> None:
    plan = change(coherent_plan(content), "devices", "fleet-chromebooks", count=9000)  # 10,000 devices with the line
    [finding] = network_findings(plan, content)
    assert (finding.rule, finding.item_id) == ("devices-without-network", "line-devices")
    assert "below the 10,000 Mbps the plan's target of 1,000 Mbps per 1,000 users calls for (10,000 devices)" \
        in finding.message
    refresh = change(plan, "budget", "line-devices", replaces_devices=True)
    assert [f.rule for f in network_findings(refresh, content)] == ["network-below-target"]


def test_lowering_the_target_below_the_floor_still_blocks_and_warns(weak: model.Plan, content: Content) -> None:
    plan = change_one(weak, "network", internet_mbps=300, wan_mbps=10000, wifi_coverage_percent=100,
                      target_mbps_per_1000=25)
    found = {f.rule: f for f in network_findings(plan, content)}
    # The block already names the long-term reference: no separate advice says it again.
    assert set(found) == {"devices-without-network", "network-target-below-floor"}
    assert found["devices-without-network"].message == (
        "“Student Chromebooks” adds 1,000 student devices on February 15, 2027, when internet capacity will be "
        "300 Mbps, below the 400 Mbps the short-term floor of 100 Mbps per 1,000 users calls for (4,000 devices). "
        "The long-term reference is 1 Gbps per 1,000 users: 4,000 Mbps.")
    assert found["network-target-below-floor"].severity == "warning"
    assert found["network-target-below-floor"].message.startswith(
        "The plan's internet target is 25 Mbps per 1,000 users, below the short-term floor of 100 Mbps per 1,000")
    assert [f.rule for f in network_findings(change_one(plan, "network", internet_mbps=400), content)] == [
        "network-target-below-floor", "network-below-reference"]


def test_an_interim_target_at_or_above_the_floor_is_advice_only(weak: model.Plan, content: Content) -> None:
    plan = change_one(weak, "network", internet_mbps=1000, wan_mbps=10000, wifi_coverage_percent=100,
                      target_mbps_per_1000=250)
    [advice] = network_findings(plan, content)
    assert (advice.rule, advice.severity) == ("network-below-reference", "advice")
    # 4,000 devices once the Chromebooks arrive, more than the 3,400 students and staff: the reference counts devices.
    assert advice.message == ("After the planned upgrades, internet capacity of 1,000 Mbps is short of the 4,000 Mbps "
                              "of the long-term reference (1 Gbps per 1,000 users).")
    assert network_findings(plan.replace(upgrades=(_upgrade(date(2028, 7, 1), internet=3999),)), content)
    reaching = plan.replace(upgrades=(_upgrade(date(2028, 7, 1), internet=4000),))
    assert network_findings(reaching, content) == []


def test_a_per_school_wan_target_below_the_reference_is_advice(content: Content) -> None:
    plan = change_one(coherent_plan(content), "network", wan_mbps=2000, target_wan_mbps=2000)
    [advice] = network_findings(plan, content)
    assert advice.message == ("After the planned upgrades, each school's WAN link of 2,000 Mbps is short of the "
                              "6,000 Mbps of the reference (10 Gbps per 1,000 students).")
    # Below its own target the link blocks the purchase; the advice about the reference would say it twice.
    assert [f.rule for f in network_findings(change_one(plan, "network", wan_mbps=1999), content)] == [
        "devices-without-network"]


def test_wifi_counts_on_the_delivery_date(weak: model.Plan, content: Content) -> None:
    plan = change_one(weak, "network", internet_mbps=4000, wan_mbps=10000)
    assert [f.rule for f in network_findings(plan, content)] == ["wifi-coverage"]
    wifi = model.NetworkUpgrade("up-wifi", "Access points", date(2027, 1, 10), wifi_coverage_percent=100)
    assert network_findings(plan.replace(upgrades=(wifi,)), content) == []
    assert [f.rule for f in network_findings(plan.replace(upgrades=(_upgrade(date(2027, 3, 1)),)), content)] == [
        "wifi-coverage"]


def test_a_one_school_district_has_no_wan_to_check(content: Content) -> None:
    plan = change_one(coherent_plan(content), "network", wan_mbps=0)
    assert [f.rule for f in network_findings(plan, content)] == ["devices-without-network"]
    assert network_findings(change_one(plan, "district", schools=1), content) == []
