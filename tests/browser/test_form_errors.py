"""The form pattern with the keyboard alone: a form sent with mistakes opens with the error
summary focused, each of its links moves focus to its field, and once the mistakes are
fixed the next page reads out a confirmation (a live region). An activity (a caseworker, on
a person built for the test), the enquiry and the survey (anonymous)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from velferd.core.testing import login_actor
from velferd.employers.models import Survey
from velferd.employers.tests.factories import an_enterprise, being_assessed
from velferd.followup import services as followup_services
from velferd.people.tests.factories import a_person

from .conftest import log_in, screenshot

pytestmark = pytest.mark.browser


def summary_focused(page: Page) -> Locator:
    """The page sent back with mistakes opens with its summary focused. The summary is
    focused as soon as it arrives; the test goes on once the whole page has arrived."""
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    page.wait_for_load_state("load")
    expect(summary).to_contain_text("Du må rette disse feilene før du kan fortsette:")
    return summary


def follow_summary_link(page: Page, number: int) -> Locator:
    """From the summary, Tab to its link `number` (from 0) and press Enter: the field the
    link names has focus."""
    summary = page.locator("#error-summary")
    summary.focus()
    for _ in range(number + 1):
        page.keyboard.press("Tab")
    link = summary.locator("a").nth(number)
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    field = page.locator(str(link.get_attribute("href")))
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    return field


def test_an_activity_with_mistakes_is_fixed_from_the_summary(page: Page, demo_site: str) -> None:
    vera = login_actor("veileder")
    person = a_person(given_name="Siri", family_name="Skjemasen")
    followup_services.period_start(actor=vera, person=person, caseworker=vera.user)
    log_in(page, demo_site, "veileder")
    page.goto(f"{demo_site}/people/{person.pk}/activities/new/")

    page.locator("#id_title").focus()
    page.keyboard.press("Enter")
    summary_focused(page)
    expect(follow_summary_link(page, 0)).to_have_id("id_title")
    page.keyboard.type("Jobbsøkerkurs")
    page.locator("#id_starts_on").fill("2027-03-01")
    page.locator("#id_ends_on").fill("2027-02-01")
    page.locator("#id_title").focus()
    page.keyboard.press("Enter")

    summary = summary_focused(page)
    expect(summary).to_contain_text("Aktiviteten kan ikke slutte før den begynner.")
    expect(follow_summary_link(page, 0)).to_have_id("id_ends_on")
    expect(page.locator("#id_title")).to_have_value("Jobbsøkerkurs")
    page.locator("#id_ends_on").fill("2027-04-01")
    page.locator("#id_title").focus()
    page.keyboard.press("Enter")

    expect(page.locator("[role=status]")).to_have_text("Aktiviteten er lagret.")
    expect(page.get_by_test_id("activities")).to_contain_text("Jobbsøkerkurs")
    screenshot(page, "activity-saved")


def test_the_enquiry_sent_empty_names_every_field_and_is_then_sent(
    page: Page, demo_site: str
) -> None:
    page.goto(f"{demo_site}/enquiries/new/")
    page.locator("#id_name").focus()
    page.keyboard.press("Enter")

    summary = summary_focused(page)
    expect(summary.locator("a")).to_have_count(4)
    screenshot(page, "enquiry-errors")
    answers = {
        "id_name": "Kari Nordmann",
        "id_email": "kari@example.no",
        "id_subject": "Dagpenger",
        "id_text": "Hvordan søker jeg om dagpenger?",
    }
    for number, (field_id, answer) in enumerate(answers.items()):
        expect(follow_summary_link(page, number)).to_have_id(field_id)
        page.keyboard.type(answer)
    page.locator("#id_subject").focus()
    page.keyboard.press("Enter")

    expect(page.locator("[role=status]")).to_contain_text("Takk! Henvendelsen din er sendt.")


def test_the_survey_names_each_missing_answer_and_keeps_those_given(
    page: Page, demo_site: str
) -> None:
    cooperation = being_assessed(login_actor("ia-radgiver"), an_enterprise(name="Skjema AS"))
    survey = Survey.objects.get(cooperation=cooperation)
    page.goto(f"{demo_site}/employers/survey/{survey.token}/")
    page.locator("input[name=partnership][value='4']").focus()
    page.keyboard.press("Space")
    page.get_by_test_id("survey-form").locator("button").focus()
    page.keyboard.press("Enter")

    summary = summary_focused(page)
    links = summary.locator("a")
    expect(links).to_have_count(6)
    expect(links.nth(1)).to_have_text(
        "Svar på spørsmål 2: «Sykmeldte blir fulgt opp tidlig og godt.»"
    )
    expect(page.locator("input[name=partnership][value='4']")).to_be_checked()
    for number in range(6):
        follow_summary_link(page, number)
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.locator("[role=status]")).to_contain_text("Takk for svaret")
    assert survey.responses.count() == 7
