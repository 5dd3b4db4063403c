"""The settlement round in the browser: IMDi's officer (imdi) runs the matching, is told to
give a reason before overriding a case, places one case in Drammen with a reason (the rest
matched again) and sends the proposals; Drammen's coordinator (bosetting-drammen) accepts
that case to settle today, settles it, and its persons are in the registry at NAV
Drammen. IMDi's officer sends requests from a file: a file with bad lines is refused with
every bad line named, a good one saved with a receipt. Then every settlement page of both
logins meets WCAG 2.1 AA and fits a phone, the requests file refused among them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, FilePayload, Page, expect

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


BAD_REQUESTS = "municipality_number;persons;unaccompanied_minors\n5501;30;2\n9999;5;0\n4204;fem;0\n"
GOOD_REQUESTS = "municipality_number;persons;unaccompanied_minors\n4204;14;1\n5501;16;0\n"


def upload(page: Page, text: str) -> None:
    page.locator("#id_file").set_input_files(
        files=FilePayload(name="anmodninger.csv", mimeType="text/csv", buffer=text.encode())
    )
    with page.expect_navigation():
        page.get_by_test_id("send-requests").click()
    page.wait_for_load_state("load")


def test_the_officer_sends_requests_from_a_file(browser: Browser, demo_site: str) -> None:
    from velferd.settlement.models import MunicipalityRequest

    officer = as_user(browser, demo_site, "imdi")
    officer.goto(f"{demo_site}/settlement/")
    officer.wait_for_load_state("load")
    officer.get_by_test_id("requests-link").click()
    officer.wait_for_load_state("load")
    expect(officer.get_by_role("heading", level=1)).to_contain_text("Anmodninger til kommunene")
    upload(officer, BAD_REQUESTS)
    errors = officer.get_by_test_id("error-summary")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("2 linje(r) har feil. Ingenting er lagret.")
    expect(errors.locator("li")).to_have_count(3)
    expect(errors.locator("li").nth(1)).to_contain_text("Linje 3:")
    expect(errors.locator("li").nth(2)).to_contain_text("Linje 4: Antall personer må være")
    screenshot(officer, "settlement-requests-errors")
    assert not MunicipalityRequest.objects.filter(municipality_id="4204").exists()
    errors.get_by_role("link").click()
    expect(officer.locator("#id_file")).to_be_focused()

    upload(officer, GOOD_REQUESTS)
    receipt = officer.get_by_test_id("requests-receipt")
    expect(receipt).to_contain_text("2 anmodninger er lagret.")
    expect(receipt.get_by_test_id("receipt-row").first).to_contain_text("Kristiansand")
    expect(receipt.get_by_test_id("receipt-row").first).to_contain_text("Ny anmodning")
    expect(receipt.get_by_test_id("receipt-row").nth(1)).to_contain_text("Endret (var 15 personer")
    screenshot(officer, "settlement-requests-receipt")
    saved = MunicipalityRequest.objects.get(municipality_id="4204")
    assert (saved.persons, saved.unaccompanied_minors) == (14, 1)
    officer.context.close()


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
        "/settlement/requests/",
        "/settlement/requests/#bad-file",
    ]


def each_page(page: Page, site: str, login: str) -> Iterator[str]:
    for path in settlement_pages(login):
        page.goto(f"{site}{path.split('#')[0]}")
        page.wait_for_load_state("load")
        if path.endswith("#bad-file"):
            upload(page, BAD_REQUESTS)
            expect(page.get_by_test_id("error-summary")).to_be_visible()
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
