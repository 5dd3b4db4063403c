"""Steps of the OpenID Connect browser tests: the login form of the test provider
(tests/oidc/provider.mjs) driven as a person would."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def start_login(page: Page, site: str, provider: str, next_path: str = "") -> None:
    page.goto(f"{site}/login/" + (f"?next={next_path}" if next_path else ""))
    page.get_by_test_id(f"login-{provider}").click()
    page.wait_for_load_state()


def sign_in_at_provider(page: Page, login: str, acr: str | None = None) -> None:
    expect(page.locator("#login")).to_be_visible()
    page.locator("#login").fill(login)
    page.locator("#password").fill("anything")
    if acr is not None:
        page.locator("#acr").fill(acr)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_load_state()


def log_in_with(page: Page, site: str, provider: str, login: str, next_path: str = "") -> None:
    start_login(page, site, provider, next_path)
    sign_in_at_provider(page, login)


def expect_refused(page: Page, code: str, message: str) -> None:
    refusal = page.get_by_test_id("login-refused")
    expect(refusal).to_be_visible()
    expect(refusal).to_have_attribute("data-code", code)
    expect(refusal).to_contain_text(message)
    expect(page.get_by_test_id("current-user")).to_have_count(0)
