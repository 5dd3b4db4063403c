"""An IW advisor moves Bergen Omsorg AS's cooperation from assessing to active and adds a
sub-theme to its plan; the employer then sees both on their own page."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from .conftest import log_in, screenshot

pytestmark = pytest.mark.browser


def test_the_advisor_activates_the_cooperation_and_adds_a_sub_theme(
    page: Page, demo_site: str
) -> None:
    log_in(page, demo_site, "ia-radgiver")
    page.goto(f"{demo_site}/employers/")
    screenshot(page, "employers-list")
    page.get_by_role("link", name="Bergen Omsorg AS").click()
    expect(page.get_by_test_id("contact-person")).to_contain_text("Ivar IA-rådgiver")
    expect(page.get_by_test_id("cooperation-status")).to_have_attribute(
        "class", "status status--assessing"
    )
    screenshot(page, "employers-enterprise-assessing")

    move = page.get_by_test_id("move-activate")
    move.locator("input[name=comment]").fill("Samarbeidsavtale signert")
    move.locator("button").click()
    expect(page.get_by_test_id("cooperation-status")).to_have_attribute(
        "class", "status status--active"
    )
    expect(page.get_by_test_id("events")).to_contain_text("Samarbeidsavtale signert")

    page.locator("#plan").get_by_role("link").first.click()
    form = page.get_by_test_id("sub-theme-form")
    form.locator("#id_theme").select_option("sick_leave")
    form.locator("#id_title").fill("Tidlig oppfølging av sykmeldte")
    form.locator("#id_goal").fill("Alle ledere tar kontakt innen sju dager")
    today = datetime.date.today()
    form.locator("#id_starts_on").fill(today.isoformat())
    form.locator("#id_ends_on").fill((today - datetime.timedelta(days=1)).isoformat())
    form.locator("button").click()
    expect(page.locator("#error-ends_on")).to_be_visible()
    screenshot(page, "employers-sub-theme-error")
    form.locator("#id_ends_on").fill((today + datetime.timedelta(days=90)).isoformat())
    form.locator("button").click()
    expect(page.get_by_test_id("plan")).to_contain_text("Tidlig oppfølging av sykmeldte")
    screenshot(page, "employers-enterprise-active")
    page.context.clear_cookies()

    log_in(page, demo_site, "arbeidsgiver")
    page.goto(f"{demo_site}/employers/mine/")
    expect(page.get_by_test_id("plan")).to_contain_text("Tidlig oppfølging av sykmeldte")
    expect(page.get_by_test_id("contact-person")).to_contain_text("Ivar IA-rådgiver")
    expect(page.get_by_test_id("move-complete")).to_have_count(0)
    screenshot(page, "employers-mine")
