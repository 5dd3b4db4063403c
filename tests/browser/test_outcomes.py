"""The administrator imports the employers' reports: a file with one bad line is refused
with the error summary and the line named, then the corrected file is imported; the analyst
reads the outcome figures with their chart."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .axe import violations
from .conftest import log_in, screenshot
from .phone import overflow

pytestmark = pytest.mark.browser

OLA = "14839600284"
HEADER = "national_id;month;employed;contracted_hours;industry\n"


def upload(page: Page, text: str) -> None:
    page.locator("#id_file").set_input_files(
        files=[{"name": "a-ordningen.csv", "mimeType": "text/csv", "buffer": text.encode()}]
    )
    page.get_by_role("button", name="Importer").click()
    page.wait_for_load_state()


def test_a_bad_line_is_named_and_the_corrected_file_imported(page: Page, demo_site: str) -> None:
    log_in(page, demo_site, "admin")
    page.goto(f"{demo_site}/results/employment/")
    page.wait_for_load_state()
    upload(page, HEADER + f"{OLA};2026-10;1;37,5;47.111\n{OLA};2026-11;kanskje;;\n")
    summary = page.get_by_test_id("error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("1 linje(r) har feil. Ingenting er lagret.")
    problem = page.get_by_test_id("import-problems").locator("tbody tr")
    expect(problem).to_have_count(1)
    expect(problem).to_contain_text("3")
    expect(problem).to_contain_text("I arbeid må være 1/0 eller ja/nei, ikke «kanskje».")
    screenshot(page, "employment-import-refused")

    upload(page, HEADER + f"{OLA};2026-10;1;37,5;47.111\n{OLA};2026-11;nei;;\n")
    expect(page.get_by_test_id("error-summary")).to_have_count(0)
    expect(page.get_by_test_id("import-report")).to_contain_text("2 arbeidsmåneder importert.")
    expect(page.get_by_test_id("earlier-imports")).to_contain_text("a-ordningen.csv")
    screenshot(page, "employment-import-done")


def test_the_analyst_reads_the_outcomes_with_their_chart(page: Page, demo_site: str) -> None:
    log_in(page, demo_site, "analytiker")
    page.get_by_role("link", name="Resultater", exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resultater etter tiltak")
    page.locator("#id_horizon").select_option("3")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_load_state()
    expect(page.get_by_test_id("outcome-chart").locator("svg")).to_be_visible()
    table = page.get_by_test_id("outcome-table")
    expect(table).to_contain_text("Oppfølging")  # the demo's scheme, too few to show
    expect(table).to_contain_text("Skjult: færre enn 5 personer")
    screenshot(page, "outcomes-analyst")


def test_the_pages_pass_axe_and_fit_a_phone(browser: Browser, demo_site: str) -> None:
    """The import page (empty, and with a file refused) and the figures (Norway, a county)
    break no WCAG 2.1 AA rule axe checks and are no wider than a 320 px phone."""
    found: list[object] = []
    wide: list[object] = []
    for width in (1280, 320):
        context = browser.new_context(
            locale="nb-NO", viewport={"width": width, "height": 800}, bypass_csp=True
        )
        page = context.new_page()
        log_in(page, demo_site, "admin")
        for path in ("/results/employment/", "/results/outcomes/", "/results/outcomes/?county=03"):
            page.goto(f"{demo_site}{path}")
            page.wait_for_load_state()
            found += violations(page, "admin", "nb")
            wide.append(overflow(page, "admin", path))
        page.goto(f"{demo_site}/results/employment/")
        upload(page, HEADER + f"{OLA};2026-13;1;;\n")
        found += violations(page, "admin", "nb")
        wide.append(overflow(page, "admin", "/results/employment/ (refused)"))
        page.context.close()
    assert not found, "\n".join(map(str, found))
    assert not [w for w in wide if w is not None], "\n".join(map(str, wide))
