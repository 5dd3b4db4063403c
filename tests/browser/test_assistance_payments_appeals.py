"""The end of financial assistance's path in the browser: a decision's payment approved by
a second caseworker and sent to accounting; the citizen appeals on a 320 px phone (a
mistake first), the office sends the appeal to the County Governor, and the citizen sees
it there. axe-core finds nothing against WCAG 2.1 AA on any of the pages, and the citizen's
pages are no wider than the phone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from velferd.access.roles import Role
from velferd.assistance.models import Appeal, PaymentExport
from velferd.assistance.services.payments import plan_payments
from velferd.assistance.tests.citizen_builders import innbygger
from velferd.assistance.tests.factories import an_application
from velferd.assistance.tests.payment_factories import a_decision
from velferd.core.testing import staff_at

from .axe import Violation, violations
from .conftest import log_in, screenshot
from .phone import PHONE, Overflow, overflow

pytestmark = pytest.mark.browser


@pytest.fixture
def pages(browser: Browser) -> Iterator[tuple[Page, Page]]:
    office = browser.new_context(
        locale="nb-NO", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    phone = browser.new_context(locale="nb-NO", viewport=PHONE, bypass_csp=True)
    yield office.new_page(), phone.new_page()
    office.close()
    phone.close()


def _look(page: Page, login: str, name: str, found: list[Violation], wide: list[Overflow]) -> None:
    page.wait_for_load_state("load")
    screenshot(page, f"assistance-{name}")
    found += violations(page, login, "nb")
    if login == "innbygger" and (too_wide := overflow(page, login, name)):
        wide.append(too_wide)


def test_payment_sent_then_appeal_to_the_county_governor(
    pages: tuple[Page, Page], demo_site: str
) -> None:
    office, phone = pages
    found: list[Violation] = []
    wide: list[Overflow] = []
    _actor, person = innbygger()
    decider = staff_at("0317", "vedtaksfatter", Role.CASEWORKER_MUNICIPAL)
    application = an_application(person=person, status="decided")
    decision = a_decision(application, decided_by=decider.user)
    plan_payments(decision)

    log_in(office, demo_site, "sosialkonsulent")
    office.goto(f"{demo_site}/assistance/payments/?status=planned")
    _look(office, "sosialkonsulent", "payments", found, wide)
    row = office.get_by_test_id("payment-row").filter(has_text=application.reference or "")
    row.first.get_by_test_id("approve").click()
    office.wait_for_load_state("load")
    expect(office.get_by_text("Utbetalingen er godkjent.")).to_be_visible()
    office.get_by_test_id("export-0301").click()
    office.wait_for_load_state("load")
    expect(
        office.get_by_text("De godkjente utbetalingene er sendt til regnskapet.")
    ).to_be_visible()
    run = PaymentExport.objects.get(lines__decision=decision)
    expect(office.get_by_test_id("run-row").first).to_contain_text(str(run.run_number))
    _look(office, "sosialkonsulent", "payments-sent", found, wide)

    log_in(phone, demo_site, "innbygger")
    phone.goto(f"{demo_site}/assistance/me/decisions/{decision.pk}/appeal/")
    _look(phone, "innbygger", "appeal-new", found, wide)
    phone.get_by_role("button", name="Send klagen").click()
    phone.wait_for_load_state("load")
    expect(phone.locator("#error-summary")).to_be_visible()
    expect(phone.locator("#id_grounds")).to_have_attribute("aria-invalid", "true")
    _look(phone, "innbygger", "appeal-mistake", found, wide)
    phone.locator("#id_grounds").fill("Strømregningen er ikke tatt med i beregningen.")
    phone.get_by_role("button", name="Send klagen").click()
    phone.wait_for_load_state("load")
    expect(phone.get_by_test_id("appeal-status")).to_have_text("Mottatt")
    _look(phone, "innbygger", "appeal-received", found, wide)
    appeal = Appeal.objects.get(decision=decision)

    office.goto(f"{demo_site}/assistance/appeals/")
    _look(office, "sosialkonsulent", "appeals", found, wide)
    office.get_by_role("link", name=application.reference or "").click()
    office.wait_for_load_state("load")
    _look(office, "sosialkonsulent", "appeal-office", found, wide)
    office.locator("#id_assessment").fill("Strøm er dekket av bostøtten. Vedtaket står.")
    office.get_by_role("button", name="Send til Statsforvalteren").click()
    office.wait_for_load_state("load")
    expect(office.get_by_test_id("appeal-status")).to_have_text("Sendt til Statsforvalteren")

    phone.goto(f"{demo_site}/assistance/appeals/{appeal.pk}/")
    expect(phone.get_by_test_id("appeal-status")).to_have_text("Sendt til Statsforvalteren")
    _look(phone, "innbygger", "appeal-sent", found, wide)
    assert not found, "axe-core finds:\n" + "\n".join(map(str, found))
    assert not wide, wide
