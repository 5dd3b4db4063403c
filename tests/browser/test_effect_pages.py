"""An analyst asks which scheme works, from the menu, and reads the effects as a forest plot
beside its table; a question with mistakes shows every one of them at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from velferd.results.tests.effect_builders import a_cohort, clear_outcomes

from .conftest import log_in, screenshot

pytestmark = pytest.mark.browser


def test_the_analyst_asks_and_reads_the_effects(page: Page, demo_site: str) -> None:
    clear_outcomes()
    cohort = a_cohort(treated=25, controls=25)
    log_in(page, demo_site, "analytiker")
    page.get_by_test_id("menu-effects").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Effekter av tiltakene")
    form = page.get_by_test_id("effect-run-form")
    form.locator("#id_outcome").select_option(label="I arbeid")
    form.locator("#id_horizon_months").select_option("12")
    form.locator("#id_control").select_option(label="Ingen tiltak")
    form.get_by_label("Kjønn").check()
    form.get_by_role("button", name="Beregn").click()
    page.wait_for_load_state()
    expect(page.get_by_test_id("effect-run-status")).to_have_text("Fullført")
    chart = page.get_by_test_id(f"effect-forest-{cohort.scheme_type}")
    expect(chart.locator("svg")).to_be_visible()
    expect(chart.locator("circle").first).to_be_attached()
    table = page.get_by_test_id(f"effect-table-{cohort.scheme_type}")
    expect(table.locator("tbody tr").first).to_contain_text("Alle")
    expect(table.locator("thead")).to_contain_text("Naiv forskjell")
    expect(table.locator("tbody tr").first).to_contain_text(",")  # decimal comma
    screenshot(page, "effect-run-analyst")


def test_a_question_with_mistakes_shows_them_all(page: Page, demo_site: str) -> None:
    log_in(page, demo_site, "analytiker")
    page.goto(f"{demo_site}/results/effects/")
    page.wait_for_load_state()
    form = page.get_by_test_id("effect-run-form")
    form.locator("summary").click()
    form.locator("#id_seed").fill("abc")
    form.locator("#id_folds").fill("1")
    form.get_by_role("button", name="Beregn").click()
    page.wait_for_load_state()
    summary = page.get_by_test_id("error-summary")
    expect(summary).to_contain_text("Startverdien må være et heltall")
    expect(summary).to_contain_text("Antall delinger må være et heltall fra 2 til 10.")
    expect(page.locator("#id_folds")).to_have_attribute("aria-invalid", "true")
