"""A person logs in and finds the office that serves a municipality."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import log_in, screenshot

pytestmark = pytest.mark.browser


def test_caseworker_logs_in_and_finds_the_office_serving_kautokeino(
    page: Page, demo_site: str
) -> None:
    log_in(page, demo_site, "veileder")
    page.goto(f"{demo_site}/offices/")
    page.locator("#q").fill("kautokeino")
    hit = page.get_by_test_id("directory-hit")
    expect(hit).to_have_count(1)
    expect(hit).to_contain_text("Guovdageaidnu - Kautokeino")
    screenshot(page, "directory-kautokeino")
    hit.get_by_test_id("office-link").click()
    expect(page).to_have_url(re.compile(r"/offices/\d{4}/$"))
    expect(page.locator("h1")).to_contain_text("NAV Guovdageaidnu - Kautokeino")
    expect(page.get_by_test_id("office-services")).to_contain_text("Kvalifiseringsprogrammet")
    screenshot(page, "office-kautokeino")


def test_oslo_lists_one_office_per_district(page: Page, demo_site: str) -> None:
    page.goto(f"{demo_site}/offices/?q=0301")
    expect(page.get_by_test_id("office-link")).to_have_count(15)
    expect(page.get_by_test_id("directory-hit")).to_contain_text("NAV Grünerløkka")


def test_wrong_password_is_refused_with_a_message(page: Page, demo_site: str) -> None:
    page.goto(f"{demo_site}/login/")
    page.locator("#id_username").fill("veileder")
    page.locator("#id_password").fill("not the password")
    page.locator("form button[type=submit]").click()
    summary = page.get_by_test_id("error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Brukernavnet eller passordet er feil.")
    expect(page.locator("#id_username")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_test_id("current-user")).to_have_count(0)


def test_administrator_is_told_what_an_agreement_lacks(page: Page, demo_site: str) -> None:
    log_in(page, demo_site, "admin")
    page.goto(f"{demo_site}/offices/0317/agreement/")
    page.locator("input[name=services][value=qualification_programme]").uncheck()
    page.locator("[data-testid=agreement-form] button[type=submit]").click()
    expect(page.locator("#error-services")).to_contain_text("Kvalifiseringsprogrammet")
    screenshot(page, "agreement-missing-minimum")
    page.locator("input[name=services][value=qualification_programme]").check()
    page.locator("[data-testid=agreement-form] button[type=submit]").click()
    expect(page.get_by_role("status")).to_be_visible()
