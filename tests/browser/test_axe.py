"""No page breaks WCAG 2.1 A or AA, or axe-core's best practices, as axe-core sees it: every
page each demo login reaches (walk.py) and the public pages, in bokmål and in English, and
the pages a walk does not reach: forms sent with mistakes, the survey answered by its token,
the appeal form and the enquiry's receipt."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from velferd.core.testing import login_actor
from velferd.employers.models import Survey
from velferd.employers.tests.factories import an_enterprise, being_assessed
from velferd.followup import services as followup_services
from velferd.followup.models import NeedsAssessment
from velferd.people.models import Person

from .axe import Violation, violations
from .conftest import log_in, screenshot
from .people import followed_with_own_login
from .walk import ANONYMOUS, logins, page_kind, walk

pytestmark = pytest.mark.browser

LANGUAGES = ["nb", "en"]


def report(found: list[Violation]) -> str:
    return f"axe-core finds {len(found)} violations:\n" + "\n".join(map(str, found))


def context_in(browser: Browser, site: str, language: str) -> BrowserContext:
    """A browser that has chosen the language with the site's language cookie. axe-core is
    put into each page as a script of its own, which the site's policy would refuse."""
    context = browser.new_context(
        locale="nb-NO", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    return context


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


class Checker:
    """Checks each page a login reaches, in bokmål as the walk reaches it and then in English
    in a second browser of the same login, so one walk serves both languages. A public page
    differs from login to login only in its header, so once the visitor who has not logged in
    has had it checked, it is checked again only as a login's front page, which shows that
    login's header."""

    def __init__(self, site: str) -> None:
        self.site = site
        self.public: set[str] = set()
        self.found: list[Violation] = []

    def check(self, page: Page, path: str, *, login: str, english: Page) -> None:
        kind = str(page_kind(path))
        if login == ANONYMOUS:
            self.public.add(kind)
        elif kind in self.public and path != "/":
            return
        self.check_in(page, path, login, "nb")
        english.goto(f"{self.site}{path}")
        assert english.locator("html").get_attribute("lang") == "en", path
        self.check_in(english, path, login, "en")

    def check_in(self, page: Page, path: str, login: str, language: str) -> None:
        self.found.extend(violations(page, login, language))
        if path == "/start/":
            screenshot(page, f"start-{login}-1280-{language}")


def logged_in_page(browser: Browser, site: str, login: str, language: str) -> Page:
    page = context_in(browser, site, language).new_page()
    if login != ANONYMOUS:
        log_in(page, site, login)
    return page


def test_no_page_a_login_reaches_breaks_wcag_21_aa(
    browser: Browser, demo_site: str, contexts: list[BrowserContext]
) -> None:
    checker = Checker(demo_site)
    checked: set[str] = set()
    for login in [ANONYMOUS, *logins()]:
        bokmal, english = (logged_in_page(browser, demo_site, login, lang) for lang in LANGUAGES)
        contexts.extend([bokmal.context, english.context])
        walk(bokmal, demo_site, checked, partial(checker.check, login=login, english=english))
        bokmal.context.close()
        english.context.close()
    assert len(checked) > 40, f"only {len(checked)} kinds of page were reached"
    assert not checker.found, report(checker.found)


def send(page: Page, form: str) -> None:
    """Send the form and wait for the page that answers."""
    with page.expect_navigation():
        page.locator(form).locator("button").last.click()
    page.wait_for_load_state("load")


def test_no_form_sent_with_mistakes_nor_the_pages_after_break_wcag_21_aa(
    browser: Browser, demo_site: str, contexts: list[BrowserContext]
) -> None:
    found: list[Violation] = []
    for language in LANGUAGES:
        anonymous = context_in(browser, demo_site, language)
        contexts.append(anonymous)
        found += enquiry_and_receipt(anonymous.new_page(), demo_site, language)
        found += survey_by_its_link(anonymous.new_page(), demo_site, language)
        found += appeal_and_activity(browser, demo_site, contexts, language)
    assert not found, report(found)


def enquiry_and_receipt(page: Page, site: str, language: str) -> list[Violation]:
    """The enquiry sent empty, then filled in and sent: its receipt."""
    page.goto(f"{site}/enquiries/new/")
    send(page, "[data-testid=enquiry-form]")
    expect(page.locator("#error-summary")).to_be_visible()
    found = violations(page, ANONYMOUS, language)
    page.locator("#id_name").fill("Kari Nordmann")
    page.locator("#id_email").fill("kari@example.no")
    page.locator("#id_subject").fill("Dagpenger")
    page.locator("#id_text").fill("Hvordan søker jeg om dagpenger?")
    send(page, "[data-testid=enquiry-form]")
    expect(page.get_by_test_id("reference")).to_be_visible()
    return found + violations(page, ANONYMOUS, language)


def survey_by_its_link(page: Page, site: str, language: str) -> list[Violation]:
    """A needs assessment survey opened by its link, then sent with no answers."""
    cooperation = being_assessed(login_actor("ia-radgiver"), an_enterprise(name="Universell AS"))
    survey = Survey.objects.get(cooperation=cooperation)
    page.goto(f"{site}/employers/survey/{survey.token}/")
    found = violations(page, ANONYMOUS, language)
    send(page, "[data-testid=survey-form]")
    expect(page.locator("#error-summary")).to_be_visible()
    return found + violations(page, ANONYMOUS, language)


def sent_decision(person: Person) -> NeedsAssessment:
    vera = login_actor("veileder")
    decision = followup_services.assessment_create(
        actor=vera,
        person=person,
        need_group="situation_specific",
        main_goal="get_work",
        reasoning="Du trenger hjelp til å komme i arbeid, og vi følger deg opp.",
        sources=["self_assessment", "dialogue"],
    )
    return followup_services.assessment_send(
        actor=vera, assessment=decision, version=decision.version
    )


def appeal_and_activity(
    browser: Browser, site: str, contexts: list[BrowserContext], language: str
) -> list[Violation]:
    """A person appeals a decision sent to them, before and after sending the form empty;
    their caseworker sends a new activity empty."""
    person, username = followed_with_own_login()
    decision = sent_decision(person)
    citizen = context_in(browser, site, language)
    contexts.append(citizen)
    page = citizen.new_page()
    log_in(page, site, username)
    page.goto(f"{site}/me/decisions/{decision.pk}/appeal/")
    found = violations(page, username, language)
    send(page, "main form.form")
    expect(page.locator("[aria-invalid=true]")).to_be_visible()
    found += violations(page, username, language)

    staff = context_in(browser, site, language)
    contexts.append(staff)
    page = staff.new_page()
    log_in(page, site, "veileder")
    page.goto(f"{site}/people/{person.pk}/activities/new/")
    send(page, "main form.form")
    expect(page.locator("#error-summary")).to_be_visible()
    return found + violations(page, "veileder", language)
