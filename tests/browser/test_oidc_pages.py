"""The login page with its provider buttons and the page of a refused login: WCAG 2.1 AA in
both languages, and nothing to scroll sideways on a phone 320 pixels wide; a wrong client
secret is a refusal page too, never a server error."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, Page, expect

from tests.oidc.fixtures import RunningProvider
from velferd.access.models import User

from .axe import violations
from .conftest import log_in, screenshot
from .oidc_steps import expect_refused, log_in_with
from .phone import overflow


def _refused_page(page: Page, site: str) -> None:
    log_in_with(page, site, "entra", "a-work-account-nobody-registered")
    expect(page.get_by_test_id("login-refused")).to_be_visible()


def test_the_login_and_refusal_pages_pass_axe_and_fit_a_phone(
    browser: Browser, oidc_site: str
) -> None:
    for language, locale in (("nb", "nb-NO"), ("en", "en-GB")):
        context = browser.new_context(
            locale=locale, viewport={"width": 320, "height": 640}, bypass_csp=True
        )
        try:
            page = context.new_page()
            if language == "en":
                page.goto(f"{oidc_site}/")
                page.get_by_role("button", name="English").click()
                page.wait_for_load_state()
            page.goto(f"{oidc_site}/login/")
            expect(page.get_by_test_id("login-idporten")).to_be_visible()
            found = violations(page, "anonymous", language)
            assert overflow(page, "anonymous", "/login/") is None
            _refused_page(page, oidc_site)
            found += violations(page, "anonymous", language)
            assert overflow(page, "anonymous", "/oidc/entra/callback/") is None
            screenshot(page, f"oidc-refused-320-{language}")
            assert not found, "\n".join(str(v) for v in found)
        finally:
            context.close()


def test_the_buttons_name_both_providers_in_english(browser: Browser, oidc_site: str) -> None:
    context = browser.new_context(locale="en-GB")
    try:
        page = context.new_page()
        page.goto(f"{oidc_site}/")
        page.get_by_role("button", name="English").click()
        page.wait_for_load_state()
        page.goto(f"{oidc_site}/login/")
        expect(page.get_by_test_id("login-idporten")).to_have_text("Log in with ID-porten")
        expect(page.get_by_test_id("login-entra")).to_have_text(
            "Log in with your work account (Entra ID)"
        )
        _refused_page(page, oidc_site)
        expect(page.get_by_test_id("login-refused")).to_contain_text(
            "Your work account has no access to velferd"
        )
    finally:
        context.close()


def test_a_client_secret_the_provider_refuses_is_a_page_not_a_server_error(
    page: Page, oidc_site: str, oidc_provider: RunningProvider, settings: Any
) -> None:
    settings.VELFERD_OIDC_PROVIDERS = oidc_provider.providers(
        VELFERD_OIDC_ENTRA_CLIENT_SECRET="expired-secret"
    )
    log_in_with(page, oidc_site, "entra", "anyone")
    expect_refused(page, "token_request_failed", "Innloggingstjenesten godtok ikke velferd")


def test_an_administrator_gives_an_employee_their_object_id_on_the_user_page(
    browser: Browser, demo_site: str
) -> None:
    context = browser.new_context(
        locale="nb-NO", viewport={"width": 320, "height": 640}, bypass_csp=True
    )
    try:
        page = context.new_page()
        log_in(page, demo_site, "admin")
        veileder = User.objects.get(username="veileder")
        page.goto(f"{demo_site}/users/{veileder.pk}/")
        page.get_by_label("Objekt-ID hos identitetsleverandøren").fill("ikke gyldig@")
        page.get_by_role("button", name="Lagre objekt-ID").click()
        page.wait_for_load_state()
        expect(page.get_by_text("Objekt-ID-en kan bare ha bokstaver").first).to_be_visible()
        assert not violations(page, "admin", "nb")
        page.get_by_label("Objekt-ID hos identitetsleverandøren").fill("0f4c2a9e-5d1b")
        page.get_by_role("button", name="Lagre objekt-ID").click()
        page.wait_for_load_state()
        expect(page.get_by_label("Objekt-ID hos identitetsleverandøren")).to_have_value(
            "0f4c2a9e-5d1b"
        )
        assert overflow(page, "admin", "/users/<id>/") is None
        assert not violations(page, "admin", "nb")
    finally:
        context.close()
