"""A caseworker enrols a person in a full delivery from the person's page: the person lands
on the waiting list, behind those already waiting, and the plan shows the scheme."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from velferd.core.testing import login_actor
from velferd.followup import services as followup

from .conftest import log_in, screenshot
from .people import followed_with_own_login

pytestmark = pytest.mark.django_db(transaction=True)
VTA_DELIVERY = "VTA Grünerløkka – skjermet"


def test_a_caseworker_enrols_a_person_who_lands_on_the_waiting_list(
    page: Page, demo_site: str
) -> None:
    person, _ = followed_with_own_login()
    vera = login_actor("veileder")
    decision = followup.assessment_create(
        actor=vera,
        person=person,
        need_group="specially_adapted",
        main_goal="get_work",
        reasoning="Du trenger et skjermet arbeidstilbud.",
        sources=["dialogue"],
    )
    followup.assessment_send(actor=vera, assessment=decision, version=decision.version)

    log_in(page, demo_site, "veileder")
    page.goto(f"{demo_site}/people/{person.pk}/")
    page.wait_for_load_state()
    page.get_by_test_id("enrol-link").click()
    page.wait_for_load_state()
    option = page.get_by_test_id("delivery-option").filter(has_text=VTA_DELIVERY)
    expect(option).to_contain_text("Full: personen settes på venteliste")
    option.get_by_role("radio").check()
    page.get_by_label("Søk og gi plass nå (ventelisten når den er full)").check()
    page.locator("#id_starts_on").fill(
        (timezone.localdate() + timezone.timedelta(days=30)).strftime("%d.%m.%Y")
    )
    page.get_by_role("button", name="Meld på").click()
    page.wait_for_load_state()
    expect(page.get_by_test_id("status")).to_have_text("På ventelisten")
    expect(page.get_by_test_id("position")).to_contain_text("Nummer 3 i køen")
    screenshot(page, "enrolment-waiting-list")
