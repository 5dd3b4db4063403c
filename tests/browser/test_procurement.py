"""A supplier bids in an open competition: leverandor (Grorud Arbeid og Inkludering AS)
finds the open competition under Competitions, sends the bid with mistakes, sees the error
summary, fixes them, sends it and gets a receipt."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import log_in, screenshot

pytestmark = pytest.mark.browser

OPEN = "Avklaring i Groruddalen 2027"


def test_the_supplier_submits_a_bid_after_fixing_its_mistakes(page: Page, demo_site: str) -> None:
    log_in(page, demo_site, "leverandor")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "link", name="Konkurranser"
    ).click()
    page.wait_for_load_state()
    open_competitions = page.get_by_test_id("open-competitions")
    open_competitions.get_by_role("link", name=OPEN).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=OPEN)).to_be_visible()
    page.get_by_role("link", name="Lever tilbud").click()
    page.wait_for_load_state()

    form = page.get_by_test_id("bid-form")
    form.locator("#id_price").fill("tjue tusen")
    form.locator("#id_places").fill("0")
    form.get_by_role("button", name="Send tilbudet").click()
    page.wait_for_load_state()
    summary = page.get_by_test_id("error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Skriv et beløp i kroner.")
    expect(summary).to_contain_text("Svaret mangler.")
    screenshot(page, "procurement-bid-errors")

    form = page.get_by_test_id("bid-form")
    form.locator("#id_price").fill("21 500,00")
    form.locator("#id_places").fill("12")
    for answer in form.locator("textarea").all():
        answer.fill("Jobbspesialister følger opp hver deltaker tett.")
    form.get_by_role("button", name="Send tilbudet").click()
    page.wait_for_load_state()

    receipt = page.get_by_test_id("receipt")
    expect(receipt).to_be_visible()
    expect(receipt).to_contain_text("Kvittering: tilbud nr.")
    expect(page.get_by_test_id("bid")).to_contain_text("21 500,00")
    screenshot(page, "procurement-bid-receipt")
