"""The pages a login reaches, the way a person clicks through: every page of the menu (every
link in the header), then, level by level, one page of each kind (each URL pattern once)
linked from the pages of the level before. The phone test measures each page it reaches and
the accessibility test checks each one."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from playwright.sync_api import Page

from velferd.access.demo import DEMO_LOGINS
from velferd.organisation.demo import iw_advisor_logins

ANONYMOUS = "anonymous"

# Not pages: the API, static files, the language switch, logging out, feeds and downloads.
NOT_PAGES = ("/api/", "/static/", "/i18n/", "/logout/")

LINKS = """(scope) => [...document.querySelectorAll(scope + ' a[href]')]
  .filter((a) => !a.hasAttribute('download') && !a.hasAttribute('type'))
  .map((a) => a.href)"""

# The menu's pages, the pages they link to, and the pages those link to.
LEVELS = 3

# What is done on each page reached: given the page and its path.
Look = Callable[[Page, str], None]


def logins() -> list[str]:
    """One login of each demo role, and an IW advisor of another county."""
    return [login.username for login in DEMO_LOGINS] + [iw_advisor_logins()[0].username]


def page_kind(path: str) -> str | None:
    """The URL pattern a path belongs to, or None when it is not one of the site's pages."""
    if path.startswith(NOT_PAGES):
        return None
    try:
        return resolve(path).route
    except Resolver404:
        return None


def links(page: Page, site: str, scope: str) -> list[str]:
    """The paths of the site's own pages that the links inside `scope` lead to."""
    host = urlsplit(site).netloc
    paths = []
    for href in page.evaluate(LINKS, scope):
        parts = urlsplit(href)
        if parts.netloc == host and page_kind(parts.path) is not None:
            paths.append(parts.path)
    return list(dict.fromkeys(paths))


def visit(page: Page, site: str, path: str) -> bool:
    """Open a page; False when it is not an HTML page the login may see."""
    response = page.goto(f"{site}{path}")
    if response is None or not response.ok:
        return False
    return "text/html" in response.headers.get("content-type", "")


def menu(page: Page, site: str) -> list[str]:
    """The front page and the pages of the login's menu."""
    page.goto(f"{site}/")
    return list(dict.fromkeys(["/", *links(page, site, "header")]))


def walk(page: Page, site: str, checked: set[str], look: Look) -> None:
    """Look at all the login's menu pages, then, level by level, at each kind of page linked
    from the level before that is not in `checked` (the kinds an earlier walk has seen)."""
    level = menu(page, site)
    checked.update(str(page_kind(path)) for path in level)
    for _ in range(LEVELS):
        linked: dict[str, str] = {}
        for path in level:
            if not visit(page, site, path):
                continue
            look(page, path)
            for link in links(page, site, "main"):
                kind = str(page_kind(link))
                if kind not in checked:
                    linked.setdefault(kind, link)
        checked.update(linked)
        level = list(linked.values())
