"""A month's claim from calculation to the payment file: Oslo's scheme manager calculates
last month's claims, the demo supplier (leverandor) finds its open claim, gives a bank
account (a wrong one first) and submits it; the scheme manager who approved the commitment
(tilsagnsgodkjenner) is refused the attestation; tiltaksforvalter, who did not, attests it
and makes the payment file, which holds the claim."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from velferd.funding.demo import demo_month

from .axe import Violation, violations
from .conftest import log_in, screenshot
from .phone import PHONE, Overflow, overflow

pytestmark = pytest.mark.browser


def as_user(browser: Browser, site: str, username: str) -> Page:
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, site, username)
    return page


def test_a_claim_from_calculation_to_the_payment_file(browser: Browser, demo_site: str) -> None:
    month = f"{demo_month():%Y-%m}"
    manager = as_user(browser, demo_site, "tiltaksforvalter")
    manager.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "link", name="Tiltaksøkonomi"
    ).click()
    manager.wait_for_load_state()
    manager.get_by_role("link", name="Månedlige krav").click()
    manager.wait_for_load_state()
    manager.goto(f"{demo_site}/funding/claims/?month={month}")
    manager.wait_for_load_state()
    manager.get_by_test_id("calculate-form").get_by_role("button").click()
    manager.wait_for_load_state()
    expect(manager.get_by_role("status")).to_contain_text("Månedens krav er beregnet.")
    expect(manager.get_by_test_id("claim-row").first).to_be_visible()

    supplier = as_user(browser, demo_site, "leverandor")
    supplier.goto(f"{demo_site}/funding/claims/?month={month}")
    supplier.wait_for_load_state()
    open_row = supplier.get_by_test_id("claim-row").filter(has_text="Venter på leverandøren")
    open_row.first.get_by_role("link").click()
    supplier.wait_for_load_state()
    claim_url = supplier.url
    form = supplier.get_by_test_id("submit-form")
    form.locator("#id_bank_account").fill("1234.56.78901")
    form.get_by_role("button", name="Send inn kravet").click()
    supplier.wait_for_load_state()
    expect(supplier.get_by_test_id("error-summary")).to_contain_text("Kontonummeret er ikke gyldig")
    supplier.get_by_test_id("submit-form").locator("#id_bank_account").fill("8601.11.17947")
    supplier.get_by_test_id("submit-form").get_by_role("button", name="Send inn kravet").click()
    supplier.wait_for_load_state()
    expect(supplier.get_by_test_id("claim-status")).to_have_text("Sendt inn")
    reference = claim_url.rstrip("/").rsplit("/", 1)[-1]
    screenshot(supplier, "funding-claim-submitted")

    approver = as_user(browser, demo_site, "tilsagnsgodkjenner")
    approver.goto(claim_url)
    approver.wait_for_load_state()
    approver.get_by_test_id("approve-form").get_by_role("button").click()
    approver.wait_for_load_state()
    expect(approver.get_by_test_id("error-summary")).to_contain_text("En annen må attestere")

    manager.goto(claim_url)
    manager.wait_for_load_state()
    manager.get_by_test_id("approve-form").get_by_role(
        "button", name="Attester utbetalingen"
    ).click()
    manager.wait_for_load_state()
    expect(manager.get_by_test_id("claim-status")).to_have_text("Attestert")
    manager.get_by_role("link", name="Månedlige krav").first.click()
    manager.wait_for_load_state()
    manager.goto(f"{demo_site}/funding/exports/")
    manager.wait_for_load_state()
    expect(manager.get_by_test_id("waiting-row").first).to_be_visible()
    manager.get_by_role("button", name="Lag utbetalingsfilen").click()
    manager.wait_for_load_state()
    expect(manager.get_by_test_id("export-row").first).to_be_visible()
    link = manager.get_by_test_id("export-row").first.get_by_role("link")
    content = manager.request.get(f"{demo_site}{link.get_attribute('href')}").text()
    assert f"\n{reference};912345688;86011117947;" in content
    screenshot(manager, "funding-payment-file")


def funding_pages(login: str) -> list[str]:
    """The funding pages the login reaches, with the forms sent empty (#send), as paths."""
    from velferd.funding.models import Claim, Commitment

    claim = Claim.objects.filter(delivery__supplier__organisation_number="912345688").first()
    assert claim is not None
    month = f"?month={demo_month():%Y-%m}"
    if login == "leverandor":
        return [
            "/funding/",
            f"/funding/claims/{month}",
            f"/funding/claims/{claim.pk}/",
            "/funding/claims/new/#send",
        ]
    commitment = Commitment.objects.order_by("pk").first()
    assert commitment is not None
    return [
        "/funding/",
        "/funding/budgets/",
        "/funding/budgets/#send",
        "/funding/commitments/",
        "/funding/commitments/new/#send",
        f"/funding/commitments/{commitment.pk}/",
        f"/funding/claims/{month}",
        f"/funding/claims/{claim.pk}/",
        "/funding/participation/#send",
        "/funding/exports/",
    ]


def each_page(page: Page, site: str, login: str) -> Iterator[str]:
    for path in funding_pages(login):
        page.goto(f"{site}{path.removesuffix('#send')}")
        page.wait_for_load_state("load")
        if path.endswith("#send"):
            with page.expect_navigation():
                page.locator("main form[method=post] button").last.click()
            page.wait_for_load_state("load")
            expect(page.get_by_test_id("error-summary")).to_be_visible()
        yield path


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_funding_pages_meet_wcag_21_aa(browser: Browser, demo_site: str, language: str) -> None:
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


def test_the_funding_pages_fit_a_phone(browser: Browser, demo_site: str) -> None:
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
