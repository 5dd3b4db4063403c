"""On a 320 px phone no page is wider than the screen (WCAG 2.1, 1.4.10 Reflow): for every
demo login and for a visitor who has not logged in, every page of the menu and one page of
each kind up to two links further. The menu folds behind a button that works with the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from velferd.access.demo import DEMO_LOGINS
from velferd.organisation.demo import iw_advisor_logins

from .conftest import log_in
from .phone import PHONE, Overflow, links, overflow, page_kind

pytestmark = pytest.mark.browser

ANONYMOUS = "anonymous"


def phone_page(browser: Browser) -> Page:
    return browser.new_context(locale="nb-NO", viewport=PHONE).new_page()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    page = phone_page(browser)
    yield page
    page.context.close()


def visit(page: Page, site: str, path: str) -> bool:
    """Open a page; False when it is not an HTML page the login may see."""
    response = page.goto(f"{site}{path}")
    if response is None or not response.ok:
        return False
    return "text/html" in response.headers.get("content-type", "")


# The menu's pages, the pages they link to, and the pages those link to.
LEVELS = 3


def measure(page: Page, site: str, login: str, path: str, found: list[Overflow]) -> list[str]:
    """Measure one page; the links on it, or none when it is not a page the login sees."""
    if not visit(page, site, path):
        return []
    if wide := overflow(page, login, path):
        found.append(wide)
    return links(page, site, "main")


def walk(page: Page, site: str, login: str, checked: set[str]) -> list[Overflow]:
    """Measure all the login's menu pages, then, level by level, each kind of page linked
    from the level before that no earlier login has had measured."""
    page.goto(f"{site}/")
    level = list(dict.fromkeys(["/", *links(page, site, "header")]))
    checked.update(str(page_kind(path)) for path in level)
    found: list[Overflow] = []
    for _ in range(LEVELS):
        linked: dict[str, str] = {}
        for path in level:
            for link in measure(page, site, login, path, found):
                kind = str(page_kind(link))
                if kind not in checked:
                    linked.setdefault(kind, link)
        checked.update(linked)
        level = list(linked.values())
    return found


def logins() -> list[str]:
    """One login of each demo role, and an IW advisor of another county."""
    return [login.username for login in DEMO_LOGINS] + [iw_advisor_logins()[0].username]


def test_no_page_is_wider_than_a_320_px_phone(browser: Browser, demo_site: str) -> None:
    checked: set[str] = set()
    found: list[Overflow] = []
    for login in [ANONYMOUS, *logins()]:
        page = phone_page(browser)
        if login != ANONYMOUS:
            log_in(page, demo_site, login)
        found += walk(page, demo_site, login, checked)
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
