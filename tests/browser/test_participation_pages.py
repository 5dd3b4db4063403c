"""The participation's pages where the supplier's proposals are decided and seen: the
caseworker's page with a rejection sent without a comment, the caseworker's start page with
the proposals waiting, and the person's start page, schemes and participation with the
changes NAV approved, on a 320 px phone. axe-core finds nothing against WCAG 2.1 AA, and no
page is wider than the phone."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import Browser, ViewportSize, expect

from velferd.core.testing import login_actor
from velferd.participants import services
from velferd.participants.tests.supplier_builders import participating

from .axe import violations
from .conftest import log_in, screenshot
from .people import followed_with_own_login
from .phone import PHONE, overflow

pytestmark = pytest.mark.browser

# axe-core goes into each page as a script of its own, which the site's policy would refuse.
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


def test_the_caseworkers_decision_sent_with_a_mistake_breaks_no_wcag_rule(
    browser: Browser, demo_site: str
) -> None:
    participation = participating()
    services.proposal_submit(
        actor=login_actor("leverandor"),
        participation=participation,
        kind="percentage",
        percentage=Decimal("50"),
    )
    context = browser.new_context(locale="nb-NO", viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    log_in(page, demo_site, "veileder")
    page.goto(f"{demo_site}/start/")
    page.wait_for_load_state("load")
    found = violations(page, "veileder", "nb")
    page.goto(f"{demo_site}/participants/{participation.pk}/")
    page.wait_for_load_state("load")
    page.get_by_test_id("proposal-decision-form").get_by_role("button", name="Avvis").click()
    page.wait_for_load_state("load")
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#id_comment")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "participation-proposal-rejected-without-comment")
    found += violations(page, "veileder", "nb")
    context.close()
    assert not found, "\n".join(str(v) for v in found)


def test_the_persons_pages_about_their_scheme_fit_a_phone_and_break_no_wcag_rule(
    browser: Browser, demo_site: str
) -> None:
    person, username = followed_with_own_login()
    participation = participating(person=person)
    proposal = services.proposal_submit(
        actor=login_actor("leverandor"),
        participation=participation,
        kind="percentage",
        percentage=Decimal("60"),
    )
    services.proposal_approve(
        actor=login_actor("veileder"), proposal=proposal, version=proposal.version
    )
    context = browser.new_context(locale="nb-NO", viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    log_in(page, demo_site, username)
    found, wide = [], []
    for path in ("/start/", "/participants/mine/", f"/participants/{participation.pk}/"):
        page.goto(f"{demo_site}{path}")
        page.wait_for_load_state("load")
        found += violations(page, username, "nb")
        wide.append(overflow(page, username, path))
        screenshot(page, f"participation-person-320{path.replace('/', '-')}")
    expect(page.get_by_test_id("approved-changes")).to_contain_text("60 %")
    context.close()
    assert not found, "\n".join(str(v) for v in found)
    assert [w for w in wide if w is not None] == []
