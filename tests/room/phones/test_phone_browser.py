"""A real phone browser (headless Chromium, 360 px wide) opens a member's link and rates by keyboard alone."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from room.phones.phonesetup import ELEMENT, Phones
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from summit_app.plan.readiness import spread
from summit_app.plan.revealing import reveal_edit
from summit_app.room.phones.seats import TableRounds
from summit_app.room.seat import Seat

pytestmark = pytest.mark.xdist_group("room")
PHONE_WIDTH = 360


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    for tool in ("chromium", "chromedriver"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: run tools/system-deps.sh test", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                 "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-default-browser-check", "--disable-default-apps"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": PHONE_WIDTH, "height": 740,
                                                                          "pixelRatio": 2}})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or ""))
    try:
        yield driver
    finally:
        driver.quit()


def focused(driver: WebDriver) -> tuple[str, str]:
    return str(driver.execute_script("return document.activeElement.tagName")), str(
        driver.execute_script("return document.activeElement.getAttribute('name') || ''"))


def tab_to(driver: WebDriver, tag: str, name: str, most: int = 12) -> None:
    for _ in range(most):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if focused(driver) == (tag, name):
            return
    raise AssertionError(f"Tab never reached {tag} {name!r} (at {focused(driver)})")


@pytest.mark.slow
def test_a_member_rates_by_keyboard_in_a_phone_browser_and_the_seat_reveals_it(
        phones: Phones, seat_cache: Path, browser: WebDriver) -> None:
    table = phones.table("ph_browser", cache=seat_cache)
    with phones.live() as base, TableRounds(table.location) as rounds:
        rounds.rate_now(ELEMENT)
        browser.get(base + table.path("m-ben"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Ben Okafor"
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert browser.execute_script("return window.innerWidth") == PHONE_WIDTH
        assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE_WIDTH
        legend = browser.find_element(By.TAG_NAME, "legend").text
        assert legend == "Your score, 0 to 10"
        tab_to(browser, "INPUT", "score")  # the first score of the group; arrows move along it
        for _ in range(7):
            browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
        tab_to(browser, "TEXTAREA", "note")
        browser.switch_to.active_element.send_keys("Most classes, not all")
        tab_to(browser, "BUTTON", "")
        browser.switch_to.active_element.send_keys(Keys.ENTER)
        WebDriverWait(browser, 10).until(lambda d: "saved=1" in d.current_url)
        assert "Kept." in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
        assert browser.find_element(By.CSS_SELECTOR, "input[name=score][value='7']").is_selected()
        assert rounds.who_rated(ELEMENT) == ["m-ben"]

        scores = rounds.reveal(ELEMENT)
        WebDriverWait(browser, 10).until(lambda d: "revealed the scores" in d.page_source)  # it follows the table
        with Seat(table.location, "Ana") as seat:
            seat.edit(reveal_edit(seat.document.plan, ELEMENT, "Deeper learning", scores))
            plan = seat.document.plan
    assert [(r.member_id, r.element_id, r.score) for r in plan.member_ratings] == [("m-ben", ELEMENT, 7)]
    assert spread(plan, ELEMENT).scores == (("m-ben", 7),)
