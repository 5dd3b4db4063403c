"""The analyst's effect pages: the runs and the form to ask, a run with its forest plots
beside their tables, the diagnostics and the policy tree; in words and Norwegian numbers;
every mistake of a question shown at once; for the roles that may read them only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.core.testing import assert_every_error_shown, choose_english, row_of, rows
from velferd.results.models import EffectEstimate, EffectRun, EffectRunStatus

from .effect_builders import a_cohort, clear_outcomes

pytestmark = pytest.mark.django_db

PAGE = "/results/effects/"


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _demo_run() -> EffectRun:
    return EffectRun.objects.filter(requested_by=None, status=EffectRunStatus.DONE).latest("pk")


def test_the_analyst_sees_the_runs_and_a_form_in_words() -> None:
    html = _client("analytiker").get(PAGE).content.decode()
    assert 'data-testid="effect-run-form"' in html
    assert "I arbeid" in html and "Ingen tiltak" in html and "Aldersgruppe" in html
    run = _demo_run()
    line = row_of(html, "effect-runs", f"Beregning {run.pk}")
    assert "I arbeid etter 12 måneder" in line and "Fullført" in line


def test_the_analyst_asks_and_lands_on_the_finished_run() -> None:
    clear_outcomes()
    cohort = a_cohort(treated=30, controls=30)
    response = _client("analytiker").post(
        PAGE,
        {"outcome": "in_work", "horizon_months": "12", "control": "none", "by": ["gender"]},
    )
    assert response.status_code == 302
    run = EffectRun.objects.latest("pk")
    assert response["Location"] == f"/results/effects/{run.pk}/"
    html = _client("analytiker").get(response["Location"]).content.decode()
    assert 'data-testid="effect-run-status">Fullført' in html
    overall = row_of(html, f"effect-table-{cohort.scheme_type}", "Alle")
    estimate = EffectEstimate.objects.get(run=run, treatment=cohort.scheme_type, group="all")
    assert estimate.naive_difference is not None
    assert f"{estimate.naive_difference * 100:.1f}".replace(".", ",") in overall
    assert ">30<" in overall


def test_every_mistake_of_a_question_is_shown_at_once() -> None:
    response = _client("analytiker").post(
        PAGE,
        {
            "outcome": "in_work",
            "horizon_months": "7",
            "control": "NO_SUCH_SCHEME",
            "by": ["shoe_size"],
            "folds": "1",
        },
    )
    assert response.status_code == 422
    assert_every_error_shown(
        response.content.decode(),
        {
            "horizon_months": "Velg 3, 6, 12 eller 24 måneder etter slutt.",
            "control": "«NO_SUCH_SCHEME» er ingen tiltakstype. Sammenlign med «ingen tiltak» "
            "eller en tiltakstype.",
            "by": "Ukjent undergruppe: shoe_size. Velg blant aldersgruppe, kjønn, "
            "innsatsgruppe, fylke, arbeid før start, tolkebehov og ytelse ved start.",
            "folds": "Antall delinger må være et heltall fra 2 til 10.",
        },
    )
    assert not EffectRun.objects.filter(horizon_months=7).exists()


def test_a_run_shows_forest_plots_tables_diagnostics_and_the_tree_in_norwegian() -> None:
    run = _demo_run()
    html = _client("departement").get(f"{PAGE}{run.pk}/").content.decode()
    treatments = sorted(EffectEstimate.objects.filter(run=run).values_list("treatment", flat=True))
    code = treatments[0]
    assert f'data-testid="effect-forest-{code}"' in html and "<circle" in html
    assert "Effekt (prosentpoeng)" in html and "Naiv forskjell" in html
    shown = EffectEstimate.objects.get(run=run, treatment=code, group="all")
    assert shown.effect is not None
    assert f"{shown.effect * 100:.1f}".replace(".", ",").replace("-", "-") in row_of(
        html, f"effect-table-{code}", "Alle"
    )
    assert len(rows(html, f"effect-balance-{code}")) > 3
    assert 'data-testid="effect-policy-tree"' in html and "Hvis " in html
    assert "Hva et effektanslag betyr" in html


def test_a_masked_group_reads_as_hidden_with_no_figures() -> None:
    run = _demo_run()
    EffectEstimate.objects.create(
        run=run, treatment="AVKLARING", group="gender=unknown", masked=True
    )
    html = _client("analytiker").get(f"{PAGE}{run.pk}/").content.decode()
    line = row_of(html, "effect-table-AVKLARING", "Kjønn: ukjent")
    assert "Skjult: færre enn 5 personer" in line


def test_a_failed_run_says_why_in_the_readers_language() -> None:
    run = EffectRun.objects.create(
        outcome="in_work",
        horizon_months=12,
        control="none",
        status=EffectRunStatus.FAILED,
        error="For få rader: 7.\nToo few rows: 7.",
    )
    html = _client("analytiker").get(f"{PAGE}{run.pk}/").content.decode()
    assert "For få rader: 7." in html and "Too few rows" not in html
    english = choose_english(_client("analytiker"))
    assert "Too few rows: 7." in english.get(f"{PAGE}{run.pk}/").content.decode()


@pytest.mark.parametrize(
    ("login", "status", "form"),
    [
        ("analytiker", 200, True),
        ("departement", 200, False),
        ("tiltaksforvalter", 200, False),
        ("admin", 200, False),
        ("veileder", 403, False),
        ("leverandor", 403, False),
    ],
)
def test_who_reads_and_who_may_ask(login: str, status: int, form: bool) -> None:
    client = _client(login)
    response = client.get(PAGE)
    assert response.status_code == status
    assert ('data-testid="effect-run-form"' in response.content.decode()) is form
    assert client.get(f"{PAGE}{_demo_run().pk}/").status_code == status
    if not form:
        asked: Any = client.post(PAGE, {"outcome": "in_work", "horizon_months": "12"})
        assert asked.status_code == 403


def test_an_unknown_run_is_not_found() -> None:
    assert _client("analytiker").get(f"{PAGE}999999/").status_code == 404
