"""A supplier's change proposal from proposal to the person's page: the supplier proposes
an extension, makes a mistake and fixes it from the error summary; the caseworker approves
it from the queue; the person sees the new end date on their own page."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from velferd.participants.tests.supplier_builders import participating

from .conftest import log_in, screenshot
from .people import followed_with_own_login

pytestmark = pytest.mark.browser


def norwegian(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def test_a_proposed_extension_approved_by_the_caseworker_is_seen_by_the_person(
    page: Page, demo_site: str
) -> None:
    person, username = followed_with_own_login()
    participation = participating(person=person)
    assert participation.ends_on is not None
    new_end = participation.ends_on + datetime.timedelta(days=30)

    log_in(page, demo_site, "leverandor")
    page.goto(f"{demo_site}/participants/supplier/{participation.pk}/")
    page.wait_for_load_state("load")
    page.get_by_role("link", name="Foreslå en endring").click()
    page.wait_for_load_state("load")
    page.get_by_label("Forlengelse").check()
    page.locator("#id_ends_on").fill(norwegian(participation.ends_on - datetime.timedelta(days=5)))
    page.get_by_role("button", name="Send forslaget til NAV").click()
    page.wait_for_load_state("load")
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("En forlengelse må ha en sluttdato etter den som gjelder nå.")
    screenshot(page, "change-proposal-mistake")
    page.locator("#id_ends_on").fill(norwegian(new_end))
    page.get_by_role("button", name="Send forslaget til NAV").click()
    page.wait_for_load_state("load")
    expect(page.get_by_test_id("supplier-proposals")).to_contain_text("Venter på NAV")

    page.context.clear_cookies()
    log_in(page, demo_site, "veileder")
    page.goto(f"{demo_site}/participants/proposals/")
    page.wait_for_load_state("load")
    page.get_by_test_id("proposal-queue").get_by_role("link", name=person.full_name).click()
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Godkjenn", exact=True).click()
    page.wait_for_load_state("load")
    expect(page.get_by_test_id("proposal-queue")).not_to_contain_text(person.full_name)

    page.context.clear_cookies()
    log_in(page, demo_site, username)
    page.goto(f"{demo_site}/participants/mine/")
    page.wait_for_load_state("load")
    expect(page.get_by_test_id("own-participations")).to_contain_text(norwegian(new_end))
    screenshot(page, "change-proposal-seen-by-the-person")


def test_ending_early_approved_on_the_participations_page_ends_it_for_the_person(
    page: Page, demo_site: str
) -> None:
    person, username = followed_with_own_login()
    participation = participating(person=person)
    last_day = datetime.date.today()

    log_in(page, demo_site, "leverandor")
    page.goto(f"{demo_site}/participants/supplier/{participation.pk}/propose/")
    page.wait_for_load_state("load")
    page.get_by_label("Avslutte tidligere").check()
    page.get_by_role("button", name="Send forslaget til NAV").click()
    page.wait_for_load_state("load")
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Skriv sluttdatoen.")
    expect(summary).to_contain_text("Velg en årsak.")
    page.get_by_label("Avslutte tidligere").check()
    page.locator("#id_ends_on").fill(norwegian(last_day))
    page.locator("#id_reason").select_option(label="Fikk jobb")
    page.get_by_role("button", name="Send forslaget til NAV").click()
    page.wait_for_load_state("load")
    expect(page.get_by_test_id("supplier-proposals")).to_contain_text("Venter på NAV")

    page.context.clear_cookies()
    log_in(page, demo_site, "veileder")
    page.goto(f"{demo_site}/start/")
    page.wait_for_load_state("load")
    page.get_by_test_id("start-proposals").get_by_role("link", name=person.full_name).click()
    page.wait_for_load_state("load")
    proposals = page.get_by_test_id("participation-proposals")
    expect(proposals).to_contain_text("Avslutte tidligere")
    proposals.get_by_role("button", name="Godkjenn", exact=True).click()
    page.wait_for_load_state("load")
    expect(page.get_by_test_id("status")).to_have_text("Avsluttet")
    screenshot(page, "change-proposal-end-early-approved")

    page.context.clear_cookies()
    log_in(page, demo_site, username)
    page.goto(f"{demo_site}/participants/mine/")
    page.wait_for_load_state("load")
    expect(page.get_by_test_id("own-participations")).to_contain_text("Avsluttet")
    page.get_by_test_id("own-participations").get_by_role("link").first.click()
    page.wait_for_load_state("load")
    expect(page.get_by_test_id("approved-changes")).to_contain_text("Fikk jobb")
