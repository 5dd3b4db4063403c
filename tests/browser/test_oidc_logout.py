"""Logging out as in production, against the real OpenID Connect provider on loopback: "Log
out" ends the provider's session too, and the provider's back-channel logout ends velferd's."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.oidc.fixtures import RunningProvider
from velferd.access.models import ProviderSession
from velferd.people.models import Person

from .oidc_steps import log_in_with, start_login


def _ola() -> str:
    return str(Person.objects.get(given_name="Ola", family_name="Nordmann").national_id)


def _confirm_logout_at_provider(page: Page) -> None:
    page.locator("button[name=logout][value=yes]").click()
    page.wait_for_load_state()


def test_logging_out_ends_the_session_at_the_provider_too(page: Page, oidc_site: str) -> None:
    log_in_with(page, oidc_site, "idporten", _ola())
    expect(page.get_by_test_id("current-user")).to_have_text("Ola Nordmann")
    page.get_by_role("button", name="Logg ut").click()
    page.wait_for_load_state()
    _confirm_logout_at_provider(page)
    expect(page).to_have_url(f"{oidc_site}/")
    expect(page.get_by_test_id("current-user")).to_have_count(0)
    start_login(page, oidc_site, "idporten")
    expect(page.locator("#login")).to_be_visible()


def test_without_logging_out_at_the_provider_it_would_log_the_user_straight_back_in(
    page: Page, oidc_site: str
) -> None:
    """The other side of the test above: the provider remembers the person until told."""
    log_in_with(page, oidc_site, "idporten", _ola())
    page.context.clear_cookies(domain="localhost")
    start_login(page, oidc_site, "idporten")
    expect(page.get_by_test_id("current-user")).to_have_text("Ola Nordmann")


def test_the_providers_back_channel_logout_ends_the_session_here(
    page: Page, oidc_site: str, oidc_provider: RunningProvider
) -> None:
    log_in_with(page, oidc_site, "idporten", _ola())
    expect(page.get_by_test_id("current-user")).to_be_visible()
    assert ProviderSession.objects.filter(provider="idporten").count() == 1
    page.goto(f"{oidc_provider.issuer}/session/end")
    _confirm_logout_at_provider(page)
    page.goto(f"{oidc_site}/start/")
    page.wait_for_load_state()
    expect(page.get_by_test_id("current-user")).to_have_count(0)
    assert not ProviderSession.objects.exists()
