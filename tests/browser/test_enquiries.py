"""Someone writes to the Ministry; the Press and Communications Division re-routes it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import log_in, screenshot

pytestmark = pytest.mark.browser


def test_a_citizen_writes_and_staff_reroute_the_enquiry(page: Page, demo_site: str) -> None:
    page.goto(f"{demo_site}/enquiries/new/")
    page.locator("#id_name").fill("Siri Sand")
    page.locator("#id_email").fill("siri@example.no")
    page.locator("#id_subject").fill("Et spørsmål")
    page.locator("#id_text").fill("Hvem i departementet kan jeg snakke med om dette?")
    page.get_by_test_id("enquiry-form").locator("button").click()
    reference = page.get_by_test_id("reference").inner_text()
    assert reference.startswith("AID-")
    page.context.clear_cookies()

    log_in(page, demo_site, "departement")
    page.goto(f"{demo_site}/inbox/?q={reference}")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_test_id("routing")).to_be_visible()
    screenshot(page, "enquiry-before-reroute")
    page.get_by_test_id("reroute-form").locator("select").select_option("welfare-policy")
    page.get_by_test_id("reroute-form").locator("button").click()
    expect(page.locator("#id_department")).to_have_value("welfare-policy")
    expect(page.get_by_test_id("routing")).to_have_attribute("data-routed-by", "person")
    page.goto(f"{demo_site}/inbox/?department=welfare-policy&q={reference}")
    expect(page.get_by_test_id("inbox")).to_contain_text(reference)
    screenshot(page, "enquiry-after-reroute")
