"""The employer sees their enterprise's sick leave charted against its industry, sector,
county and the country; the advisor works down the county's prioritisation list."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import log_in, screenshot

pytestmark = pytest.mark.browser


def test_the_employer_sees_the_chart_of_their_enterprise(page: Page, demo_site: str) -> None:
    log_in(page, demo_site, "arbeidsgiver")
    page.goto(f"{demo_site}/sick-leave/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bergen Omsorg AS")
    chart = page.get_by_test_id("sick-leave-chart")
    expect(chart.locator("svg")).to_be_visible()
    for series in ("enterprise", "industry", "sector", "county", "country"):
        expect(chart.locator(f"svg g[data-series='{series}'] polyline").first).to_be_attached()
    legend = chart.get_by_test_id("chart-legend")
    expect(legend.locator("li")).to_have_count(5)
    expect(legend).to_contain_text("Bergen Omsorg AS")
    expect(legend).to_contain_text("87 Pleie- og omsorgstjenester i institusjon")
    expect(legend).to_contain_text("Vestland")
    expect(legend).to_contain_text("Norge")
    expect(chart.locator("svg g[data-series='enterprise'] circle")).to_have_count(12)
    expect(page.get_by_test_id("comparison")).to_contain_text("%")
    screenshot(page, "sick-leave-employer")

    page.goto(f"{demo_site}/sick-leave/enterprises/964330123/")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Fjordkysten Sjømat AS")


def test_the_advisor_filters_the_prioritisation_list(page: Page, demo_site: str) -> None:
    log_in(page, demo_site, "ia-radgiver")
    page.goto(f"{demo_site}/sick-leave/priorities/")
    rows = page.get_by_test_id("priority-row")
    # Most lost workdays first, as NAV's list for the advisors.
    expect(rows.first).to_contain_text("Askøy kommune, helse og omsorg")
    expect(page.get_by_test_id("priorities")).to_contain_text("Skjult: færre enn 5 sykmeldte")
    screenshot(page, "sick-leave-priorities")

    page.locator("#id_min_employees").fill("100")
    page.locator("#id_sector").select_option("private")
    page.locator("#id_sort").select_option("saveable_workdays")
    page.get_by_test_id("priority-filters").locator("button").click()
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Vestlandsbuss AS")
    expect(rows.nth(1)).to_contain_text("Bergen Omsorg AS")
    rows.nth(1).get_by_role("link").click()
    expect(page.get_by_test_id("sick-leave-chart")).to_be_visible()
    screenshot(page, "sick-leave-advisor-enterprise")
