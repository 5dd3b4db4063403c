"""The portfolio on a 320 px phone: the filters fold behind a disclosure that says how many
are chosen, so the caseworker reaches the list without scrolling past them; on a wide
screen they are open beside each other."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from .conftest import log_in, screenshot
from .people import followed_with_own_login
from .phone import PHONE

pytestmark = pytest.mark.browser


def test_on_a_phone_the_list_comes_before_the_folded_filters(
    browser: Browser, demo_site: str
) -> None:
    followed_with_own_login()  # a person with a child, followed up by Vera
    context = browser.new_context(locale="nb-NO", viewport=PHONE)
    page = context.new_page()
    try:
        log_in(page, demo_site, "veileder")
        page.goto(f"{demo_site}/portfolio/?flag=children_under_18")
        page.wait_for_load_state("load")
        summary = page.get_by_test_id("portfolio-filters").locator("summary")
        expect(summary).to_have_text("Filtre (1 valgt)")
        expect(page.locator("#id_need_group")).to_be_hidden()
        first_row = page.get_by_test_id("portfolio").locator("tbody tr").first
        expect(first_row.get_by_role("link")).to_be_visible()  # a person, not "nobody"
        box = first_row.bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= PHONE["height"], f"the first row ends at {box}"
        screenshot(page, "portfolio-320")

        summary.focus()
        page.keyboard.press("Enter")
        expect(page.locator("#id_need_group")).to_be_visible()
        expect(page.get_by_role("checkbox", name="Barn under 18")).to_be_checked()
    finally:
        context.close()


def test_on_a_wide_screen_the_filters_are_open(browser: Browser, demo_site: str) -> None:
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        log_in(page, demo_site, "veileder")
        page.goto(f"{demo_site}/portfolio/")
        expect(page.get_by_test_id("portfolio-filters").locator("summary")).to_have_text("Filtre")
        expect(page.locator("#id_need_group")).to_be_visible()
        expect(page.get_by_test_id("portfolio").locator("tbody tr").first).to_be_visible()
    finally:
        context.close()
