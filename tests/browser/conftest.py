"""Browser tests: Playwright drives Debian's Chromium against a live server.

Each test commits through the live server, and pytest-django empties the database after it;
the root conftest.py loads the reference and demo data again before the next test that uses
the database, so every browser test starts from the demo data set as loaded. Each pytest-xdist
worker has its own database, live server (on a free port) and Chromium.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.oidc.fixtures import oidc_provider, oidc_site  # noqa: F401 - for test_oidc*
from velferd.demo import DEMO_PASSWORD

CHROMIUM = os.environ.get("VELFERD_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
SCREENSHOTS = os.environ.get("VELFERD_SCREENSHOTS", "")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API keeps an event loop in this thread for the whole session; the
    ORM calls the tests make themselves (and pytest-django's flushes) run beside it, never
    inside it."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(orm_beside_playwright: None) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def demo_site(live_server, transactional_db) -> str:  # type: ignore[no-untyped-def,unused-ignore]
    """The live server's address, over the reference and demo data (already loaded)."""
    return str(live_server.url)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def screenshot(page: Page, name: str) -> None:
    """Keep a picture of the page when VELFERD_SCREENSHOTS names a folder."""
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def log_in(page: Page, site: str, username: str) -> None:
    page.goto(f"{site}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()
