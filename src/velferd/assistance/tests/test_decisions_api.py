"""The casework in the API: the queue, the case, a documentation request, a decision and its
replacement after a breach, the rates; refusals in the request's language with the right
status."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.models import User
from velferd.assistance.models import ApplicationStatus
from velferd.people.tests.factories import a_consent, a_person, at_sagene

from .factories import an_application, days_ago

pytestmark = pytest.mark.django_db
API = "/api/v1/assistance"


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _decision(**fields: Any) -> dict[str, Any]:
    today = timezone.localdate()
    values = {
        "version": 1,
        "outcome": "granted",
        "amount": "7850",
        "frequency": "monthly",
        "period_start": today.isoformat(),
        "period_end": (today + datetime.timedelta(days=59)).isoformat(),
        "reasoning": "Du har ingen inntekt nå.",
        "conditions": ["Send kontoutskrift hver måned."],
    }
    values.update(fields)
    return values


def test_the_queue_puts_the_emergency_first() -> None:
    before = client_of("sosialkonsulent").get(f"{API}/offices/0317/queue").json()
    older = an_application(submitted_at=days_ago(5))
    urgent = an_application(emergency=True)
    body = client_of("sosialkonsulent").get(f"{API}/offices/0317/queue").json()
    order = [row["id"] for row in body["items"]]
    assert order.index(str(urgent.pk)) < order.index(str(older.pk))
    assert all(row["emergency"] for row in body["items"][: order.index(str(urgent.pk))])
    assert body["counts"]["submitted"] == before["counts"]["submitted"] + 2
    assert client_of("sosialkonsulent").get(f"{API}/offices/0320/queue").status_code == 403


def test_a_decision_and_a_reduction_through_the_api() -> None:
    application = an_application(a_person(birth_date=datetime.date(1960, 1, 1)))
    client = client_of("sosialkonsulent")
    made = client.post(
        f"{API}/applications/{application.pk}/decisions",
        _decision(),
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["lix"] > 0 and "Statsforvalteren" in body["letter"]
    case = client.get(f"{API}/applications/{application.pk}/case").json()
    assert case["status"] == ApplicationStatus.DECIDED
    condition_id = str(application.decisions.get().conditions.get().pk)
    reduced = client.post(
        f"{API}/decisions/{body['id']}/replacements",
        _decision(amount="5000", breached_condition=condition_id, outcome="partly_granted"),
        content_type="application/json",
    )
    assert reduced.status_code == 201, reduced.content
    assert reduced.json()["replaces"] == body["id"]


def test_a_decision_without_reasoning_is_refused_in_english_when_asked() -> None:
    application = an_application(a_person(birth_date=datetime.date(1960, 1, 1)))
    refused = client_of("sosialkonsulent").post(
        f"{API}/applications/{application.pk}/decisions",
        _decision(reasoning=""),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert refused.status_code == 422
    assert refused.json() == {
        "code": "reasoning_required",
        "message": "The reasoning is missing.",
        "field": "reasoning",
    }


def test_another_office_does_not_find_it_and_the_state_side_may_not_decide_with_consent() -> None:
    elsewhere = an_application(at_sagene())
    refused = client_of("sosialkonsulent").post(
        f"{API}/applications/{elsewhere.pk}/decisions",
        _decision(),
        content_type="application/json",
    )
    assert refused.status_code == 404
    here = an_application()
    a_consent(person=here.person, partner_service="nav_state")
    assert client_of("veileder").get(f"{API}/applications/{here.pk}/case").status_code == 200
    forbidden = client_of("veileder").post(
        f"{API}/applications/{here.pk}/decisions",
        _decision(),
        content_type="application/json",
    )
    assert forbidden.status_code == 403
    assert not here.decisions.exists()


def test_a_documentation_request_through_the_api() -> None:
    application = an_application()
    deadline = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    made = client_of("sosialkonsulent").post(
        f"{API}/applications/{application.pk}/documentation-requests",
        {"version": 1, "what": "Husleiekontrakt", "deadline": deadline},
        content_type="application/json",
    )
    assert made.status_code == 201
    late = client_of("sosialkonsulent").post(
        f"{API}/applications/{application.pk}/documentation-requests",
        {"version": 2, "what": "Lønnsslipp", "deadline": "2020-01-01"},
        content_type="application/json",
    )
    assert late.status_code == 422 and late.json()["field"] == "deadline"


def test_rates_are_read_by_caseworkers_and_set_by_administrators() -> None:
    admin = client_of("admin")
    put = admin.put(
        f"{API}/rates",
        {"year": 2026, "kind": "couple", "amount": "13500"},
        content_type="application/json",
    )
    assert put.status_code == 200
    stale = admin.put(
        f"{API}/rates",
        {"year": 2026, "kind": "couple", "amount": "13600", "version": 7},
        content_type="application/json",
    )
    assert stale.status_code == 409
    read = client_of("sosialkonsulent").get(f"{API}/rates?year=2026").json()
    assert read["items"] == [{"year": 2026, "kind": "couple", "amount": "13500.00", "version": 1}]
    refused = client_of("sosialkonsulent").put(
        f"{API}/rates",
        {"year": 2026, "kind": "couple", "amount": "1"},
        content_type="application/json",
    )
    assert refused.status_code == 403
