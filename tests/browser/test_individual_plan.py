"""The coordinator adds a measure to an individual plan; the partner sees the plan only
while the person's consent for their service holds."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from velferd.access.actor import system_actor
from velferd.people.services import consent_withdraw

from .conftest import log_in, screenshot
from .people import with_plan_coordinated_by_the_gp

pytestmark = pytest.mark.browser


def test_a_measure_added_by_nav_is_seen_by_the_gp_until_consent_is_withdrawn(
    page: Page, demo_site: str
) -> None:
    person, consent = with_plan_coordinated_by_the_gp()
    log_in(page, demo_site, "veileder")
    page.goto(f"{demo_site}/people/?q={person.family_name}")
    page.get_by_role("link", name=person.full_name).click()
    page.locator("a[href*='/plans/']").click()
    form = page.get_by_test_id("measure-form")
    form.locator("#id_text").fill("Samtale om arbeidstrening hos fastlegen")
    form.locator("#id_responsible_service").select_option("gp")
    deadline = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
    form.locator("#id_deadline").fill(deadline)
    form.locator("button").click()
    expect(page.get_by_test_id("measures")).to_contain_text("arbeidstrening hos fastlegen")
    expect(page.get_by_test_id("overdue")).to_have_count(1)
    screenshot(page, "individual-plan")
    page.context.clear_cookies()

    log_in(page, demo_site, "fastlege")
    page.goto(f"{demo_site}/plans/")
    page.get_by_role("link", name=person.full_name).click()
    expect(page.get_by_test_id("measures")).to_contain_text("arbeidstrening hos fastlegen")
    plan_url = page.url

    consent_withdraw(actor=system_actor("browser test"), consent=consent)
    page.goto(f"{demo_site}/plans/")
    expect(page.get_by_test_id("plans")).not_to_contain_text(person.full_name)
    response = page.goto(plan_url)
    assert response is not None and response.status == 403
