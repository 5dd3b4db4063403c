"""On a 320 px phone no page is wider than the screen (WCAG 2.1, 1.4.10 Reflow): for every
demo login and for a visitor who has not logged in, every page of the menu and one page of
each kind up to two links further. The menu folds behind a button that works with the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import log_in, screenshot
from .phone import PHONE, Overflow, overflow
from .walk import ANONYMOUS, logins, walk

pytestmark = pytest.mark.browser


def phone_page(browser: Browser) -> Page:
    return browser.new_context(locale="nb-NO", viewport=PHONE).new_page()


def measure(page: Page, path: str, *, login: str, found: list[Overflow]) -> None:
    if wide := overflow(page, login, path):
        found.append(wide)
    if path == "/start/":
        screenshot(page, f"start-{login}-320")


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    page = phone_page(browser)
    yield page
    page.context.close()


def test_no_page_is_wider_than_a_320_px_phone(browser: Browser, demo_site: str) -> None:
    checked: set[str] = set()
    found: list[Overflow] = []
    for login in [ANONYMOUS, *logins()]:
        page = phone_page(browser)
        if login != ANONYMOUS:
            log_in(page, demo_site, login)
        walk(page, demo_site, checked, partial(measure, login=login, found=found))
        page.context.close()
    assert len(checked) > 40, f"only {len(checked)} kinds of page were reached"
    assert not found, "Wider than the phone:\n" + "\n".join(map(str, found))


def test_the_phone_menu_opens_and_closes_with_the_keyboard(phone: Page, demo_site: str) -> None:
    log_in(phone, demo_site, "admin")
    button = phone.get_by_role("button", name="Hovedmeny")
    menu = phone.locator("#site-menu")
    expect(menu).to_be_hidden()
    assert phone.locator("main").bounding_box()["y"] < PHONE["height"] / 3  # type: ignore[index]

    phone.keyboard.press("Tab")  # the skip link
    phone.keyboard.press("Tab")  # the logo
    phone.keyboard.press("Tab")
    expect(button).to_be_focused()
    phone.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Revisjonslogg")).to_be_visible()
    phone.keyboard.press("Tab")
    expect(menu.get_by_role("link").first).to_be_focused()

    phone.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    phone.keyboard.press("Space")
    expect(menu).to_be_visible()
    phone.keyboard.press("Space")
    expect(menu).to_be_hidden()


@pytest.fixture
def site_without_data(live_server, transactional_db) -> str:
    return str(live_server.url)


@pytest.mark.parametrize(
    ("width", "javascript"), [(PHONE["width"], False), (1280, True)], ids=["no-js", "wide"]
)
def test_the_whole_menu_shows_without_a_button_on_a_wide_screen_or_without_javascript(
    browser: Browser, site_without_data: str, width: int, javascript: bool
) -> None:
    page = browser.new_context(
        locale="nb-NO",
        viewport={"width": width, "height": PHONE["height"]},
        java_script_enabled=javascript,
    ).new_page()
    page.goto(f"{site_without_data}/")
    menu = page.locator("#site-menu")
    expect(menu.get_by_role("link", name="Departementet", exact=True)).to_be_visible()
    expect(page.locator("[data-menu-button]")).to_be_hidden()
    page.context.close()
