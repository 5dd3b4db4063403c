"""A caseworker plans an agreed activity with a person; the person comments on it from
their own pages and sees who at NAV has looked at their data."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from velferd.people.models import Person

from .conftest import log_in, screenshot
from .people import awaiting_approval, followed_with_own_login

pytestmark = pytest.mark.browser


def open_as_caseworker(page: Page, site: str, person: Person) -> None:
    log_in(page, site, "veileder")
    page.goto(f"{site}/people/")
    page.locator("#q").fill(person.family_name)
    page.locator("form[role=search] button").click()
    page.get_by_role("link", name=person.full_name).click()
    expect(page.locator("h1")).to_have_text(person.full_name)


def test_caseworker_adds_an_agreed_activity_and_the_person_comments_on_it(
    page: Page, demo_site: str
) -> None:
    person, own_login = followed_with_own_login()
    open_as_caseworker(page, demo_site, person)
    expect(page.get_by_test_id("children-banner")).to_be_visible()
    page.locator("a[href$='/activities/new/']").click()
    page.locator("#id_kind").select_option("education")
    page.locator("#id_title").fill("Fullføre norskkurs B1")
    page.locator("#id_starts_on").fill("2026-12-01")
    page.locator("#id_ends_on").fill("2027-03-01")
    page.locator("input[name=agreed_with_office]").check()
    page.get_by_test_id("activity-form").locator("button").click()
    row = page.get_by_test_id("activities").locator("tr", has_text="Fullføre norskkurs B1")
    expect(row.locator(".tag--agreed")).to_be_visible()
    screenshot(page, "caseworker-plan")
    page.context.clear_cookies()

    log_in(page, demo_site, own_login)
    page.goto(f"{demo_site}/me/")
    page.get_by_role("link", name="Fullføre norskkurs B1").click()
    expect(page.get_by_test_id("activity-edit")).to_have_count(0)
    page.locator("#id_text").fill("Jeg har meldt meg på kurset som starter i desember.")
    page.get_by_test_id("comment-form").locator("button").click()
    expect(page.get_by_test_id("comments")).to_contain_text("meldt meg på kurset")
    screenshot(page, "citizen-comment")

    page.goto(f"{demo_site}/me/access-log/")
    log = page.get_by_test_id("access-log")
    expect(log).to_contain_text("NAV Grünerløkka")
    expect(log.locator("tr", has_text="NAV Grünerløkka").first).to_be_visible()
    expect(log).not_to_contain_text("Vera Veileder")
    screenshot(page, "citizen-access-log")


def test_person_proposes_an_activity_and_the_caseworker_accepts_it(
    page: Page, demo_site: str
) -> None:
    person, own_login = followed_with_own_login()
    log_in(page, demo_site, own_login)
    page.goto(f"{demo_site}/me/")
    page.locator("a[href$='/activities/new/']").click()
    expect(page.locator("input[name=agreed_with_office]")).to_have_count(0)
    page.locator("#id_kind").select_option("job_application")
    page.locator("#id_title").fill("Søke jobb som kokk på Mathallen")
    page.get_by_test_id("activity-form").locator("button").click()
    expect(page.get_by_test_id("activities")).to_contain_text("Søke jobb som kokk")
    page.context.clear_cookies()

    open_as_caseworker(page, demo_site, person)
    page.get_by_role("link", name="Søke jobb som kokk på Mathallen").click()
    page.locator("button[value=plan]").click()
    expect(page.get_by_test_id("activity-status")).to_have_attribute("data-status", "planned")
    expect(page.get_by_test_id("history").locator("li")).to_have_count(2)


def test_approver_sees_the_letter_and_approves_a_permanent_group_decision(
    page: Page, demo_site: str
) -> None:
    person = awaiting_approval().person
    log_in(page, demo_site, "beslutter")
    page.goto(f"{demo_site}/approvals/")
    page.get_by_role("link", name=person.full_name).click()
    expect(page.get_by_test_id("letter")).to_contain_text(f"Hei, {person.given_name}.")
    expect(page.get_by_test_id("lix")).to_be_visible()
    page.locator("button[value=approve]").click()
    expect(page.get_by_test_id("assessment-status")).to_have_attribute("data-status", "approved")
