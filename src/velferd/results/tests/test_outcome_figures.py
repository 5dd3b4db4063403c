"""The outcome figures: shares per scheme type and horizon, small cells masked (also across
counties, so that no county's hidden figure can be found by subtraction), the page with its
chart and table, the API with the same figures."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.core.testing import login_actor, rows
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Person
from velferd.people.tests.factories import a_person
from velferd.results.models import Outcome, OutcomeOrigin, OutcomeStatus
from velferd.results.selectors.outcomes import mask_persons, outcome_figures

pytestmark = pytest.mark.django_db

SCHEME = "JOBBKLUBB"
ENDED = datetime.date(2025, 1, 15)


def in_county(municipality: str) -> Person:
    return a_person(municipality=organisation_selectors.municipality(municipality))


def outcomes(person_statuses: Sequence[tuple[Person, str]], horizon: int = 12) -> None:
    import uuid

    from django.utils import timezone

    Outcome.objects.bulk_create(
        Outcome(
            person=person,
            origin=OutcomeOrigin.PARTICIPATION,
            origin_id=uuid.uuid4(),
            scheme_type=SCHEME,
            ended_on=ENDED,
            horizon_months=horizon,
            status=status,
            derived_at=timezone.now(),
        )
        for person, status in person_statuses
    )


def test_rule_one_and_five_over_persons() -> None:
    assert mask_persons({"a": 3, "b": 10, "c": 0}) == {"a", "b"}  # 3 alone would show
    assert mask_persons({"a": 3, "b": 4, "c": 20}) == {"a", "b"}  # 7 together: enough
    assert mask_persons({"a": 6, "b": 0}) == set()
    assert mask_persons({"a": 6, "b": 9}, {"a"}) == {"a"}  # six hidden together: enough
    assert mask_persons({"a": 6, "b": 9, "c": 4}, {"b"}) == {"b", "c"}


def test_shares_are_shown_for_enough_persons_and_small_cells_hidden() -> None:
    oslo = [in_county("0301") for _ in range(12)]
    outcomes(
        [(p, OutcomeStatus.IN_WORK) for p in oslo[:6]]
        + [(p, OutcomeStatus.NONE) for p in oslo[6:10]]
        + [(p, OutcomeStatus.ON_BENEFIT) for p in oslo[10:]]
    )
    figures = outcome_figures(actor=login_actor("analytiker"), county="03")
    row = next(r for r in figures.at(12) if r.key == SCHEME)
    assert row.ended == 12
    assert row.cell(OutcomeStatus.IN_WORK).share is not None
    assert row.cell(OutcomeStatus.IN_EDUCATION).share is not None  # none is no one
    # 4 none and 2 on a benefit: each under 5, together 6: both hidden, nothing more.
    assert row.cell(OutcomeStatus.NONE).share is None
    assert row.cell(OutcomeStatus.ON_BENEFIT).share is None
    assert row.cell(OutcomeStatus.NONE).reason == "few_persons"


def test_a_small_county_is_hidden_and_another_with_it_so_the_country_reveals_neither() -> None:
    outcomes([(in_county("0301"), OutcomeStatus.IN_WORK) for _ in range(20)])
    outcomes([(in_county("4601"), OutcomeStatus.IN_WORK) for _ in range(8)])
    outcomes([(in_county("1103"), OutcomeStatus.IN_WORK) for _ in range(2)])
    analyst = login_actor("analytiker")

    def ended(county: str | None) -> int | None:
        found = outcome_figures(actor=analyst, county=county).at(12)
        return next(r for r in found if r.key == SCHEME).ended

    assert ended(None) == 30
    assert ended("03") == 20
    assert ended("11") is None  # two persons
    assert ended("46") is None  # hidden with it: 30 - 20 - 8 would give Rogaland's 2


def test_the_page_shows_the_chart_and_the_table_in_norwegian() -> None:
    outcomes(
        [(in_county("0301"), OutcomeStatus.IN_WORK) for _ in range(7)]
        + [(in_county("0301"), OutcomeStatus.NONE) for _ in range(6)]
    )
    client = Client()
    client.force_login(User.objects.get(username="analytiker"))
    response = client.get("/results/outcomes/", {"horizon": 12})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="outcome-chart"' in html
    line = next(r for r in rows(html, "outcome-table") if "Jobbklubb" in r)
    assert "53,8 %" in line and "46,2 %" in line
    assert "I arbeid" in html
    assert client.get("/results/outcomes/", {"horizon": 7}).status_code == 400


def test_the_api_gives_the_same_masked_figures() -> None:
    outcomes(
        [(in_county("0301"), OutcomeStatus.IN_WORK) for _ in range(9)]
        + [(in_county("0301"), OutcomeStatus.NONE) for _ in range(3)]
    )
    client = Client()
    client.force_login(User.objects.get(username="departement"))
    body = client.get("/api/v1/results/outcomes", {"county": "03", "horizon": "12"}).json()
    row = next(r for r in body["rows"] if r["scheme_type"] == SCHEME)
    shares = {s["status"]: s for s in row["shares"]}
    assert row["ended"] == 12 and row["horizon_months"] == 12
    assert shares["none"]["share"] is None and shares["none"]["reason"] == "few_persons"
    assert shares["in_work"]["share"] is None  # else 100 % minus it would give the 3
    assert shares["in_education"]["share"] == 0.0
    unknown = client.get("/api/v1/results/outcomes", {"county": "99"})
    assert unknown.status_code == 404


def test_figures_are_refused_to_caseworkers() -> None:
    client = Client()
    client.force_login(User.objects.get(username="veileder"))
    assert client.get("/results/outcomes/").status_code == 403
