"""Logging in as in production, against a real OpenID Connect provider on loopback
(oidc-provider from npm, tests/oidc/provider.mjs): citizens with ID-porten's `pid`,
employees with Entra's `oid`, and every refusal on a page of its own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlencode, urlparse

from axes.models import AccessAttempt
from playwright.sync_api import Browser, Page, expect

from tests.oidc.fixtures import RunningProvider
from velferd.access import services
from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.people.models import Person

from .conftest import screenshot
from .oidc_steps import expect_refused, log_in_with, sign_in_at_provider, start_login

EMPLOYEE_OID = "0f4c2a9e-5d1b-4c3a-9e7f-2b8d6a1c0e55"


@contextmanager
def _fresh_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nb-NO")
    try:
        yield context.new_page()
    finally:
        context.close()


def _national_id(given: str, family: str) -> str:
    return str(Person.objects.get(given_name=given, family_name=family).national_id)


def _give_object_id(username: str, object_id: str) -> User:
    user = User.objects.get(username=username)
    return services.user_set_employee_object_id(
        actor=system_actor("tests"), user=user, object_id=object_id
    )


def test_a_citizen_logs_in_with_their_identity_number_and_sees_their_own_plan(
    page: Page, oidc_site: str
) -> None:
    start_login(page, oidc_site, "idporten", next_path="/me/")
    sign_in_at_provider(page, _national_id("Ola", "Nordmann"))
    expect(page).to_have_url(f"{oidc_site}/me/")
    expect(page.get_by_role("heading", name="Hei, Ola")).to_be_visible()
    expect(page.get_by_test_id("current-user")).to_have_text("Ola Nordmann")
    screenshot(page, "oidc-citizen-plan")


def test_a_citizen_without_a_login_gets_one_linked_to_their_person_at_first_login(
    page: Page, oidc_site: str
) -> None:
    kari = Person.objects.get(given_name="Kari", family_name="Hansen")
    assert kari.user_id is None
    log_in_with(page, oidc_site, "idporten", kari.national_id)
    expect(page.get_by_test_id("current-user")).to_have_text("Kari Hansen")
    kari.refresh_from_db()
    assert kari.user is not None and kari.national_id not in kari.user.username
    assert AuditEvent.objects.filter(action="user.created_at_first_login").count() == 1


def test_a_citizen_at_a_lower_security_level_is_refused(page: Page, oidc_site: str) -> None:
    start_login(page, oidc_site, "idporten")
    sign_in_at_provider(page, _national_id("Ola", "Nordmann"), acr="idporten-loa-substantial")
    expect_refused(page, "security_level_too_low", "høyt sikkerhetsnivå")


def test_an_employee_logs_in_with_the_object_id_an_administrator_gave_them(
    page: Page, oidc_site: str
) -> None:
    veileder = _give_object_id("veileder", EMPLOYEE_OID)
    log_in_with(page, oidc_site, "entra", EMPLOYEE_OID)
    expect(page).to_have_url(f"{oidc_site}/start/")
    expect(page.get_by_test_id("current-user")).to_have_text(str(veileder))


def test_an_unknown_employee_is_refused_with_a_message_and_no_user_is_made(
    page: Page, oidc_site: str
) -> None:
    users_before = User.objects.count()
    log_in_with(page, oidc_site, "entra", "a-work-account-nobody-registered")
    expect_refused(page, "unknown_employee", "Jobbkontoen din har ikke tilgang til velferd")
    expect(page.get_by_role("link", name="Tilbake til innloggingen")).to_be_visible()
    assert User.objects.count() == users_before
    screenshot(page, "oidc-unknown-employee")


def test_pressing_cancel_at_the_provider_says_so(page: Page, oidc_site: str) -> None:
    start_login(page, oidc_site, "idporten")
    page.get_by_role("button", name="Avbryt").click()
    page.wait_for_load_state()
    expect_refused(page, "login_cancelled", "Du avbrøt innloggingen")


def test_a_tampered_state_is_refused_on_a_page_of_its_own(page: Page, oidc_site: str) -> None:
    """The provider answers with a real code, but for a state velferd never sent."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/auth?" in r.url else None)
    start_login(page, oidc_site, "idporten")
    page.goto(asked[0].replace("state=", "state=tampered"))
    page.wait_for_load_state()
    sign_in_at_provider(page, _national_id("Ola", "Nordmann"))
    expect_refused(page, "login_expired", "Start innloggingen på nytt")
    assert page.title().startswith("Du ble ikke logget inn")


def test_a_replayed_answer_is_refused(page: Page, browser: Browser, oidc_site: str) -> None:
    """The provider's answer works once: neither a second visit in the same browser nor one in
    another browser logs anyone in with it."""
    answers: list[str] = []
    page.on("request", lambda r: answers.append(r.url) if "/callback/" in r.url else None)
    log_in_with(page, oidc_site, "idporten", _national_id("Ola", "Nordmann"))
    expect(page.get_by_test_id("current-user")).to_be_visible()
    page.goto(answers[0])
    page.wait_for_load_state()
    expect(page.get_by_test_id("login-refused")).to_have_attribute("data-code", "login_expired")
    other = browser.new_context(locale="nb-NO")
    try:
        stranger = other.new_page()
        stranger.goto(answers[0])
        stranger.wait_for_load_state()
        expect_refused(stranger, "login_expired", "Start innloggingen på nytt")
    finally:
        other.close()


def test_five_refused_logins_from_one_address_do_not_block_the_next_valid_one(
    browser: Browser, oidc_site: str
) -> None:
    """Six people behind one address (a shared NAT, say) are refused; the next, known, is
    let in: a refused OpenID Connect login is not a failed password."""
    for attempt in range(6):
        with _fresh_page(browser) as stranger:
            log_in_with(stranger, oidc_site, "entra", f"unknown-{attempt}")
            expect_refused(stranger, "unknown_employee", "Jobbkontoen din")
    _give_object_id("veileder", EMPLOYEE_OID)
    with _fresh_page(browser) as employee:
        log_in_with(employee, oidc_site, "entra", EMPLOYEE_OID)
        expect(employee.get_by_test_id("current-user")).to_be_visible()
    assert not AccessAttempt.objects.exists()


def test_velferd_sends_pkce_which_the_provider_requires(
    page: Page, oidc_site: str, oidc_provider: RunningProvider
) -> None:
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if "/auth?" in r.url else None)
    answers: list[str] = []
    page.on("request", lambda r: answers.append(r.url) if "/callback/" in r.url else None)
    log_in_with(page, oidc_site, "entra", "whoever")
    asked = parse_qs(urlparse(sent[0]).query)
    assert asked["code_challenge_method"] == ["S256"] and len(asked["code_challenge"][0]) == 43
    without_pkce = {k: v[0] for k, v in asked.items() if not k.startswith("code_challenge")}
    page.goto(f"{oidc_provider.issuer}/auth?{urlencode(without_pkce)}")
    page.wait_for_load_state()
    expect_refused(page, "provider_error", "Innloggingstjenesten svarte med en feil")
    refusal = parse_qs(urlparse(answers[-1]).query)
    assert refusal["error"] == ["invalid_request"]
    assert "PKCE" in refusal["error_description"][0]
