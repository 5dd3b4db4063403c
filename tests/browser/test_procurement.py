"""A supplier bids in an open competition: leverandor (Grorud Arbeid og Inkludering AS)
finds the open competition under Competitions, sends the bid with mistakes, sees the error
summary, fixes them, sends it and gets a receipt."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .axe import Violation, violations
from .conftest import log_in, screenshot
from .phone import PHONE, Overflow, overflow

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


def procurement_pages(page: Page, site: str, login: str) -> list[str]:
    """The procurement pages the login reaches, with the forms sent empty, as paths."""
    from velferd.procurement.models import Competition

    closed = Competition.objects.get(status="awarded")
    opened = Competition.objects.get(title=OPEN)
    bid = closed.bids.get(supplier__organisation_number="912345688")
    if login == "tiltaksforvalter":
        return [
            "/procurement/",
            "/procurement/new/#send",
            f"/procurement/{closed.pk}/",
            f"/procurement/{opened.pk}/",
            f"/procurement/{closed.pk}/scoring/",
            f"/procurement/bids/{bid.pk}/",
        ]
    return [
        "/procurement/",
        f"/procurement/{opened.pk}/",
        f"/procurement/{opened.pk}/bid/#send",
        f"/procurement/bids/{bid.pk}/",
    ]


def each_page(page: Page, site: str, login: str) -> Iterator[str]:
    for path in procurement_pages(page, site, login):
        page.goto(f"{site}{path.removesuffix('#send')}")
        page.wait_for_load_state("load")
        if path.endswith("#send"):
            with page.expect_navigation():
                page.locator("main form[method=post] button").last.click()
            page.wait_for_load_state("load")
            expect(page.get_by_test_id("error-summary")).to_be_visible()
        yield path


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_procurement_pages_meet_wcag_21_aa(
    browser: Browser, demo_site: str, language: str
) -> None:
    found: list[Violation] = []
    for login in ("tiltaksforvalter", "leverandor"):
        context = browser.new_context(
            locale="nb-NO", viewport={"width": 1280, "height": 900}, bypass_csp=True
        )
        page = context.new_page()
        log_in(page, demo_site, login)
        if language == "en":
            page.context.add_cookies([{"name": "django_language", "value": "en", "url": demo_site}])
        for _ in each_page(page, demo_site, login):
            found += violations(page, login, language)
        context.close()
    assert not found, "\n".join(map(str, found))


def test_the_procurement_pages_fit_a_phone(browser: Browser, demo_site: str) -> None:
    found: list[Overflow] = []
    for login in ("tiltaksforvalter", "leverandor"):
        context = browser.new_context(locale="nb-NO", viewport=PHONE)
        page = context.new_page()
        log_in(page, demo_site, login)
        for path in each_page(page, demo_site, login):
            if wide := overflow(page, login, path):
                found.append(wide)
        context.close()
    assert not found, "\n".join(map(str, found))
