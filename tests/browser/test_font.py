"""Pages are set in Aksel's font, Source Sans 3, served by the site itself: the Content
Security Policy lets fonts come from this site only, so a font from NAV's CDN would be
refused and every page would fall back to Arial."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db) -> str:  # type: ignore[no-untyped-def]
    return str(live_server.url)


def rendered_fonts(page: Page, selector: str) -> list[dict[str, object]]:
    """The fonts the browser drew the element's text with (not the ones CSS asked for)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return list(cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"])


def test_body_text_is_drawn_in_source_sans_3_from_the_site(page: Page, site: str) -> None:
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "font" in m.text.lower() else None)
    page.goto(f"{site}/ministry/")
    page.wait_for_load_state("load")
    page.evaluate("() => document.fonts.ready.then(() => true)")

    assert page.evaluate("() => document.fonts.check('16px \"Source Sans 3\"')")
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily").startswith(
        '"Source Sans 3"'
    )
    fonts = rendered_fonts(page, "main p")
    assert fonts, "no text drawn in the page's first paragraph"
    assert all(f["isCustomFont"] and "Source Sans 3" in str(f["familyName"]) for f in fonts), fonts
    assert not refused, refused
