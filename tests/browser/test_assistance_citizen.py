"""The citizen applies for financial assistance on a 320 px phone: from the start page to
the draft, the form sent with mistakes (every one in the summary and by its field), the
household, a picture of a document, the application sent with its reference, and the
office's request answered with a file. axe-core finds nothing against WCAG 2.1 AA on any of
the pages, and none is wider than the phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from velferd.assistance.models import Application, ApplicationStatus
from velferd.assistance.tests.citizen_builders import PDF, PNG, a_request, innbygger

from .axe import Violation, violations
from .conftest import log_in, screenshot
from .phone import PHONE, Overflow, overflow

pytestmark = pytest.mark.browser


class Looker:
    """Checks each page the citizen sees with axe-core and for its width."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.found: list[Violation] = []
        self.wide: list[Overflow] = []

    def look(self, name: str) -> None:
        self.page.wait_for_load_state("load")
        screenshot(self.page, f"assistance-citizen-{name}")
        self.found += violations(self.page, "innbygger", "nb")
        wide = overflow(self.page, "innbygger", name)
        if wide:
            self.wide.append(wide)


@pytest.fixture
def phone(browser: Browser, settings: Any, tmp_path: Path) -> Any:
    settings.VELFERD_ASSISTANCE_ATTACHMENTS_DIR = str(tmp_path)
    context = browser.new_context(locale="nb-NO", viewport=PHONE, bypass_csp=True)
    yield context.new_page()
    context.close()


def test_the_citizen_applies_on_a_phone(phone: Page, demo_site: str) -> None:
    _actor, person = innbygger()
    Application.objects.filter(person=person, status=ApplicationStatus.DRAFT).delete()
    looker = Looker(phone)
    log_in(phone, demo_site, "innbygger")
    phone.goto(f"{demo_site}/start/")
    phone.wait_for_load_state("load")
    phone.get_by_test_id("start-assistance").click()
    looker.look("list")
    phone.get_by_test_id("start-application").click()
    looker.look("draft")

    phone.get_by_label("Livsopphold (mat, klær, transport)").check()
    phone.locator("#id_amount_applied").fill("-50")
    phone.locator("#id_bank_account").fill("1234 56 78901")
    phone.get_by_test_id("save-draft").click()
    phone.wait_for_load_state("load")
    expect(phone.locator("#error-summary")).to_be_visible()
    expect(phone.locator("#error-summary li")).to_have_count(2)
    expect(phone.locator("#id_bank_account")).to_have_attribute("aria-invalid", "true")
    looker.look("draft-mistakes")

    phone.locator("#id_amount_applied").fill("4 500")
    phone.locator("#id_explanation").fill("Jeg mistet jobben og har ikke penger til mat.")
    phone.locator("#id_housing_kind").select_option("rented")
    phone.locator("#id_housing_cost").fill("8 900")
    phone.locator("#id_bank_account").fill("8601 11 17947")
    phone.get_by_test_id("save-draft").click()
    phone.wait_for_load_state("load")
    phone.locator("#id_relation").select_option("child")
    phone.locator("#id_name").fill("Lise")
    phone.locator("#id_birth_date").fill("01.03.2019")
    phone.get_by_test_id("household-form").get_by_role("button").click()
    phone.wait_for_load_state("load")
    expect(phone.get_by_test_id("household")).to_contain_text("Barn: Lise")
    phone.get_by_test_id("file-form").locator("#id_file").set_input_files(
        {"name": "husleie.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    phone.get_by_test_id("file-form").get_by_role("button", name="Last opp").click()
    phone.wait_for_load_state("load")
    expect(phone.get_by_test_id("files")).to_contain_text("husleie.pdf")
    looker.look("draft-filled")

    phone.get_by_test_id("send-application").click()
    phone.wait_for_load_state("load")
    sent = Application.objects.filter(person=person).exclude(reference=None).latest("submitted_at")
    expect(phone.locator("h1")).to_have_text(f"Søknad {sent.reference}")
    expect(phone.get_by_test_id("application-facts")).to_contain_text("NAV Grünerløkka")
    looker.look("sent")

    Application.objects.filter(pk=sent.pk).update(status=ApplicationStatus.AWAITING_DOCUMENTATION)
    request = a_request(sent, what="Kontoutskrift for de siste tre månedene")
    phone.reload()
    phone.wait_for_load_state("load")
    phone.get_by_test_id("open-requests").get_by_role("link").click()
    looker.look("request")
    phone.get_by_test_id("request-file-form").locator("#id_file").set_input_files(
        {"name": "konto.png", "mimeType": "image/png", "buffer": PNG}
    )
    phone.get_by_test_id("request-file-form").get_by_role("button", name="Last opp").click()
    phone.wait_for_load_state("load")
    expect(phone.get_by_test_id("files")).to_contain_text("konto.png")
    phone.get_by_test_id("send-answer").click()
    phone.wait_for_load_state("load")
    expect(phone.get_by_test_id("application-status")).to_have_text("Klar til vedtak")
    looker.look("answered")
    request.refresh_from_db()

    assert request.status == "answered"
    assert not looker.wide, "\n".join(map(str, looker.wide))
    assert not looker.found, "\n".join(map(str, looker.found))
