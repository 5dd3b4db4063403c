"""Financial assistance from application to the County Governor, in the browser, each step
by the one who does it: the citizen applies on a 320 px phone; the municipal caseworker asks
for documentation; the citizen answers with a file; the caseworker decides with a condition
(and the condition of activity when the applicant is under 30); a second caseworker approves
the payment and sends it to accounting; the citizen appeals; the office sends the appeal on,
and the citizen sees where it stands."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from velferd.access.roles import Role
from velferd.assistance.models import Application, ApplicationStatus, Payment, PaymentExport
from velferd.assistance.tests.citizen_builders import PDF, innbygger
from velferd.core.testing import staff_at
from velferd.demo import DEMO_PASSWORD

from .conftest import log_in, screenshot
from .phone import PHONE, overflow

pytestmark = pytest.mark.browser


@pytest.fixture
def pages(browser: Browser, settings: Any, tmp_path: Path) -> Iterator[tuple[Page, Page]]:
    settings.VELFERD_ASSISTANCE_ATTACHMENTS_DIR = str(tmp_path)
    office = browser.new_context(
        locale="nb-NO", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    phone = browser.new_context(locale="nb-NO", viewport=PHONE, bypass_csp=True)
    yield office.new_page(), phone.new_page()
    office.close()
    phone.close()


def _loaded(page: Page, name: str) -> None:
    page.wait_for_load_state("load")
    screenshot(page, f"assistance-path-{name}")


def _apply(phone: Page, site: str) -> Application:
    log_in(phone, site, "innbygger")
    phone.goto(f"{site}/start/")
    phone.get_by_test_id("start-assistance").click()
    phone.get_by_test_id("start-application").click()
    phone.get_by_label("Livsopphold (mat, klær, transport)").check()
    phone.locator("#id_amount_applied").fill("4 500")
    phone.locator("#id_explanation").fill("Jeg mistet jobben og har ikke penger til mat.")
    phone.locator("#id_housing_kind").select_option("rented")
    phone.locator("#id_housing_cost").fill("8 900")
    phone.locator("#id_bank_account").fill("8601 11 17947")
    phone.get_by_test_id("save-draft").click()
    phone.wait_for_load_state("load")
    phone.get_by_test_id("send-application").click()
    _loaded(phone, "sent")
    _, person = innbygger()
    sent = Application.objects.filter(person=person).exclude(reference=None).latest("submitted_at")
    expect(phone.locator("h1")).to_have_text(f"Søknad {sent.reference}")
    return sent


def _ask_for_documentation(office: Page, site: str, application: Application) -> None:
    log_in(office, site, "sosialkonsulent")
    office.goto(f"{site}/assistance/queue/")
    office.get_by_role("link", name=application.reference or "").first.click()
    _loaded(office, "case")
    office.locator("#id_what").fill("Husleiekontrakt og kontoutskrift for siste måned")
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    office.locator("#id_deadline").fill(deadline.isoformat())
    office.get_by_role("button", name="Be om dokumentasjon").click()
    _loaded(office, "asked")
    expect(office.get_by_test_id("status")).to_have_text("Venter på dokumentasjon")


def _answer(phone: Page, site: str, application: Application) -> None:
    phone.goto(f"{site}/assistance/me/{application.pk}/")
    phone.get_by_test_id("open-requests").get_by_role("link").click()
    phone.wait_for_load_state("load")
    form = phone.get_by_test_id("request-file-form")
    form.locator("#id_file").set_input_files(
        {"name": "husleiekontrakt.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    form.get_by_role("button", name="Last opp").click()
    phone.wait_for_load_state("load")
    phone.get_by_test_id("send-answer").click()
    _loaded(phone, "answered")
    expect(phone.get_by_test_id("application-status")).to_have_text("Klar til vedtak")


def _decide(office: Page, site: str, application: Application) -> None:
    office.goto(f"{site}/assistance/cases/{application.pk}/")
    expect(office.get_by_test_id("attachments")).to_contain_text("husleiekontrakt.pdf")
    office.get_by_test_id("decide-link").click()
    office.wait_for_load_state("load")
    form = office.get_by_test_id("decision-form")
    form.locator("input[name=outcome][value=granted]").check()
    form.locator("#id_amount").fill("4 500")
    form.locator("input[name=frequency][value=one_off]").check()
    today = timezone.localdate()
    form.locator("#id_period_start").fill(today.isoformat())
    form.locator("#id_period_end").fill((today + datetime.timedelta(days=30)).isoformat())
    form.locator("#id_reasoning").fill("Du har ikke penger til mat denne måneden.")
    form.locator("#id_conditions").fill("Du møter til samtale på NAV-kontoret innen to uker.")
    if form.get_by_test_id("section-20a").count():
        form.locator("#id_activity").fill("Jobbklubb to dager i uken")
    form.get_by_role("button", name="Fatt vedtaket og send brevet").click()
    _loaded(office, "decided")
    expect(office.get_by_text("Pengene kommer på kontoen din 8601 11 17947.")).to_be_visible()


def _pay(office: Page, site: str, application: Application) -> PaymentExport:
    second = staff_at("0317", "sosialkonsulent-2", Role.CASEWORKER_MUNICIPAL)
    second.user.set_password(DEMO_PASSWORD)
    second.user.save()
    office.context.clear_cookies()
    log_in(office, site, "sosialkonsulent-2")
    office.goto(f"{site}/assistance/payments/?status=planned")
    row = office.get_by_test_id("payment-row").filter(has_text=application.reference or "")
    row.first.get_by_test_id("approve").click()
    office.wait_for_load_state("load")
    office.get_by_test_id("export-0301").click()
    _loaded(office, "paid")
    payment = Payment.objects.get(decision__application=application)
    assert payment.export is not None
    return payment.export


def _appeal(phone: Page, office: Page, site: str, application: Application) -> None:
    phone.goto(f"{site}/assistance/me/{application.pk}/")
    phone.get_by_test_id("appeal-link").click()
    phone.wait_for_load_state("load")
    phone.locator("#id_grounds").fill("Strømregningen er ikke tatt med i beregningen.")
    phone.get_by_role("button", name="Send klagen").click()
    _loaded(phone, "appealed")
    expect(phone.get_by_test_id("appeal-status")).to_have_text("Mottatt")

    office.goto(f"{site}/assistance/appeals/")
    office.get_by_role("link", name=application.reference or "").click()
    office.wait_for_load_state("load")
    office.locator("#id_assessment").fill("Strøm er dekket av bostøtten. Vedtaket står.")
    office.get_by_role("button", name="Send til Statsforvalteren").click()
    _loaded(office, "appeal-sent")

    phone.goto(f"{site}/assistance/me/{application.pk}/")
    expect(phone.get_by_test_id("my-appeal")).to_contain_text("Sendt til Statsforvalteren")
    _loaded(phone, "appeal-seen")


def test_from_the_application_to_the_county_governor(
    pages: tuple[Page, Page], demo_site: str
) -> None:
    office, phone = pages
    application = _apply(phone, demo_site)
    _ask_for_documentation(office, demo_site, application)
    _answer(phone, demo_site, application)
    _decide(office, demo_site, application)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED
    decision = application.decisions.get()
    assert decision.conditions.count() == 1
    run = _pay(office, demo_site, application)
    assert run.payments >= 1 and run.municipality.number == "0301"
    _appeal(phone, office, demo_site, application)
    assert decision.appeals.get().status == "sent_to_county_governor"
    assert not overflow(phone, "innbygger", "appeal-seen")
