"""Helpers for the phone tests: how wide a page is. The pages measured are those a login
reaches (walk.py)."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page, ViewportSize

PHONE: ViewportSize = {"width": 320, "height": 640}

# The page's width, and the element that reaches furthest right without being inside a
# region that scrolls or clips on its own (a table in its scroll region is fine).
WIDEST = """() => {
  const limit = window.innerWidth;
  const insideOwnRegion = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    if (el.dataset.testid) s += `[data-testid=${el.dataset.testid}]`;
    return s;
  };
  let widest = null;
  let right = limit;
  for (const el of document.body.querySelectorAll('*')) {
    const edge = el.getBoundingClientRect().right;
    if (edge > right + 0.5 && !insideOwnRegion(el)) { widest = el; right = edge; }
  }
  const path = [];
  for (let a = widest; a && a !== document.body && path.length < 4; a = a.parentElement) {
    path.unshift(describe(a));
  }
  const text = widest ? widest.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60) : '';
  return {
    width: document.documentElement.scrollWidth,
    viewport: limit,
    widest: widest ? `${path.join(' > ')}, right edge at ${Math.round(right)} px: «${text}»` : '',
  };
}"""


@dataclass(frozen=True)
class Overflow:
    login: str
    path: str
    width: int
    widest: str

    def __str__(self) -> str:
        return f"{self.path} as {self.login}: {self.width} px wide; widest: {self.widest}"


def overflow(page: Page, login: str, path: str) -> Overflow | None:
    """How far the page is wider than the screen, when it is."""
    measured = page.evaluate(WIDEST)
    if measured["width"] <= measured["viewport"]:
        return None
    return Overflow(login, path, measured["width"], measured["widest"])
