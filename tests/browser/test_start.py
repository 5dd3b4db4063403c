"""The start page in the browser: login lands on it, and the citizen's overview fits a
phone 320 pixels wide with nothing to scroll sideways."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from .conftest import log_in, screenshot


def test_the_citizen_lands_on_an_overview_that_fits_a_small_phone(
    browser: Browser, demo_site: str
) -> None:
    context = browser.new_context(locale="nb-NO", viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        log_in(page, demo_site, "innbygger")
        expect(page).to_have_url(f"{demo_site}/start/")
        expect(page.get_by_role("heading", name="Dette må du gjøre")).to_be_visible()
        expect(page.get_by_role("link", name="Planen din")).to_be_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow == 0
        screenshot(page, "start-citizen-320")
    finally:
        context.close()


def test_the_logo_leads_the_caseworker_back_to_their_work_today(
    browser: Browser, demo_site: str
) -> None:
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        log_in(page, demo_site, "veileder")
        expect(page.get_by_role("heading", name="Arbeidet ditt i dag")).to_be_visible()
        page.goto(f"{demo_site}/portfolio/")
        page.get_by_role("link", name="velferd", exact=True).click()
        expect(page).to_have_url(f"{demo_site}/start/")
        expect(page.get_by_role("heading", name="Venter på svar fra deg")).to_be_visible()
    finally:
        context.close()
