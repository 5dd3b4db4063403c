"""The citizen deletes a draft on a 320 px phone: the draft's page leads to a page that asks
first and names the files that go with it; keeping the draft leads back to it, deleting it
leads to the list with the draft gone and its files removed from the storage. axe-core finds
nothing against WCAG 2.1 AA on the pages, and none is wider than the phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from velferd.assistance.models import Application, ApplicationStatus
from velferd.assistance.services import attachments
from velferd.assistance.tests.citizen_builders import PDF, innbygger
from velferd.assistance.tests.factories import an_application

from .conftest import log_in
from .phone import PHONE
from .test_assistance_citizen import Looker

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser: Browser, settings: Any, tmp_path: Path) -> Any:
    settings.VELFERD_ASSISTANCE_ATTACHMENTS_DIR = str(tmp_path)
    context = browser.new_context(locale="nb-NO", viewport=PHONE, bypass_csp=True)
    yield context.new_page()
    context.close()


def test_the_citizen_deletes_a_draft_on_a_phone(
    phone: Page, demo_site: str, tmp_path: Path
) -> None:
    actor, person = innbygger()
    Application.objects.filter(person=person, status=ApplicationStatus.DRAFT).delete()
    draft = an_application(person, status=ApplicationStatus.DRAFT)
    kept = attachments.attachment_add(
        actor=actor, application=draft, data=PDF, file_name="husleie.pdf"
    )
    looker = Looker(phone)
    log_in(phone, demo_site, "innbygger")
    phone.goto(f"{demo_site}/assistance/me/{draft.pk}/")
    phone.wait_for_load_state("load")

    phone.get_by_test_id("delete-draft").click()
    looker.look("delete")
    expect(phone.locator("h1")).to_have_text("Vil du slette utkastet?")
    expect(phone.get_by_test_id("delete-files")).to_contain_text("husleie.pdf")
    phone.get_by_test_id("keep-draft").click()
    phone.wait_for_load_state("load")
    expect(phone.get_by_test_id("application-form")).to_be_visible()
    assert Application.objects.filter(pk=draft.pk).exists()

    phone.get_by_test_id("delete-draft").click()
    phone.wait_for_load_state("load")
    phone.get_by_test_id("confirm-delete").click()
    phone.wait_for_load_state("load")
    expect(phone.locator("h1")).to_have_text("Økonomisk sosialhjelp")
    expect(phone.get_by_text("Utkastet ditt er slettet.")).to_be_visible()
    expect(phone.get_by_test_id("start-application")).to_be_visible()
    looker.look("deleted")

    assert not Application.objects.filter(pk=draft.pk).exists()
    assert not (tmp_path / kept.storage_name).exists()
    assert not looker.wide, "\n".join(map(str, looker.wide))
    assert not looker.found, "\n".join(map(str, looker.found))
