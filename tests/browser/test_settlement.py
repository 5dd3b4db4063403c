"""The settlement round in the browser: IMDi's officer (imdi) runs the matching, is told to
give a reason before overriding a case, places one case in Drammen with a reason (the rest
matched again) and sends the proposals; Drammen's coordinator (bosetting-drammen) accepts
that case to settle today, settles it, and its persons are in the registry at NAV
Drammen. Then every settlement page of both logins meets WCAG 2.1 AA and fits a phone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from .axe import Violation, violations
from .conftest import log_in, screenshot
from .phone import PHONE, Overflow, overflow

pytestmark = pytest.mark.browser
DRAMMEN = "3301"


def as_user(browser: Browser, site: str, username: str, **options: object) -> Page:
    viewport = options.pop("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(locale="nb-NO", viewport=viewport, **options)  # type: ignore[arg-type]
    page = context.new_page()
    log_in(page, site, username)
    return page


def _run_and_override(officer: Page) -> str:
    officer.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "link", name="Bosetting av flyktninger"
    ).click()
    officer.wait_for_load_state()
    expect(officer.get_by_test_id("waiting-row").first).to_be_visible()
    officer.get_by_test_id("run-matching").click()
    officer.wait_for_load_state()
    expect(officer.get_by_test_id("gap")).to_contain_text("%")
    form = officer.get_by_test_id("override-form")
    case = form.locator("#id_case option").first.text_content() or ""
    reference = case.split(" – ")[0].strip()
    form.locator("#id_municipality").fill(DRAMMEN)
    form.get_by_role("button").click()
    officer.wait_for_load_state()
    expect(officer.get_by_test_id("error-summary")).to_contain_text("Skriv en begrunnelse")
    form = officer.get_by_test_id("override-form")
    form.locator("#id_case").select_option(label=case.strip())
    form.locator("#id_municipality").fill(DRAMMEN)
    form.locator("#id_reason").fill("Søsteren bor i Drammen")
    form.get_by_role("button").click()
    officer.wait_for_load_state()
    expect(officer.get_by_role("status")).to_contain_text("resten er matchet på nytt")
    row = officer.get_by_test_id("proposal-row").filter(has_text=reference)
    expect(row).to_contain_text("Drammen")
    expect(row).to_contain_text("Søsteren bor i Drammen")
    screenshot(officer, "settlement-run")
    officer.get_by_test_id("send-proposals").click()
    officer.wait_for_load_state()
    expect(officer.get_by_role("status")).to_contain_text("Forslagene er sendt")
    return reference


def test_the_round_from_matching_to_a_settled_person(browser: Browser, demo_site: str) -> None:
    from velferd.people.models import Person
    from velferd.settlement.models import CasePerson

    officer = as_user(browser, demo_site, "imdi")
    reference = _run_and_override(officer)

    coordinator = as_user(browser, demo_site, "bosetting-drammen")
    coordinator.goto(f"{demo_site}/settlement/")
    coordinator.wait_for_load_state()
    card = coordinator.get_by_test_id(f"proposal-{reference}")
    expect(card).to_contain_text("svar innen")
    card.locator("input[name=settle_on]").fill(f"{timezone.localdate():%d.%m.%Y}")
    card.get_by_test_id("accept").click()
    coordinator.wait_for_load_state()
    expect(coordinator.get_by_test_id(f"proposal-{reference}")).to_contain_text("Akseptert")
    coordinator.get_by_test_id(f"proposal-{reference}").get_by_role("link").click()
    coordinator.wait_for_load_state()
    coordinator.get_by_test_id("settle").click()
    coordinator.wait_for_load_state()
    expect(coordinator.get_by_test_id("case-status")).to_have_text("Bosatt")
    expect(coordinator.get_by_test_id("settled-in")).to_contain_text("Drammen")
    screenshot(coordinator, "settlement-settled")

    members = CasePerson.objects.filter(case__udi_reference=reference)
    assert members.exists()
    for member in members:
        assert member.person_id is not None
        person = Person.objects.select_related("office").get(pk=member.person_id)
        assert person.municipality_id == DRAMMEN
        assert person.office.name_nb.startswith("NAV Drammen")


def settlement_pages(login: str) -> list[str]:
    from velferd.settlement.models import SettlementCase

    case = SettlementCase.objects.order_by("udi_reference").first()
    assert case is not None
    if login == "bosetting-drammen":
        return [
            f"/settlement/municipalities/{DRAMMEN}/",
            f"/settlement/municipalities/{DRAMMEN}/#send",
        ]
    return [
        "/settlement/",
        f"/settlement/cases/{case.pk}/",
        f"/settlement/municipalities/{DRAMMEN}/",
    ]


def each_page(page: Page, site: str, login: str) -> Iterator[str]:
    for path in settlement_pages(login):
        page.goto(f"{site}{path.removesuffix('#send')}")
        page.wait_for_load_state("load")
        if path.endswith("#send"):
            with page.expect_navigation():
                page.get_by_test_id("decision-form").get_by_role("button").click()
            page.wait_for_load_state("load")
            expect(page.get_by_test_id("error-summary")).to_be_visible()
        yield path
    if login == "imdi":
        page.goto(f"{site}/settlement/")
        page.get_by_test_id("run-matching").click()
        page.wait_for_load_state("load")
        yield "run"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_settlement_pages_meet_wcag_21_aa(
    browser: Browser, demo_site: str, language: str
) -> None:
    found: list[Violation] = []
    for login in ("imdi", "bosetting-drammen"):
        page = as_user(browser, demo_site, login, bypass_csp=True)
        if language == "en":
            page.context.add_cookies([{"name": "django_language", "value": "en", "url": demo_site}])
        for _ in each_page(page, demo_site, login):
            found += violations(page, login, language)
        page.context.close()
    assert not found, "\n".join(map(str, found))


def test_the_settlement_pages_fit_a_phone(browser: Browser, demo_site: str) -> None:
    found: list[Overflow] = []
    for login in ("imdi", "bosetting-drammen"):
        page = as_user(browser, demo_site, login, viewport=PHONE)
        for path in each_page(page, demo_site, login):
            if wide := overflow(page, login, path):
                found.append(wide)
            screenshot(page, f"settlement-phone-{login}-{path.strip('/').replace('/', '-')[:40]}")
        page.context.close()
    assert not found, "\n".join(map(str, found))
