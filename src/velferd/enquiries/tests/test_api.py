"""The enquiries API: public submission (rate-limited), routing, the inbox."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.enquiries.models import Enquiry

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]
ENQUIRY = {
    "name": "Ola",
    "email": "ola@example.no",
    "subject": "Pensjon",
    "text": "Når kan jeg ta ut alderspensjon fra folketrygden?",
}


def post(client: Client, path: str, body: Any, **extra: Any) -> Any:
    return client.post(path, data=json.dumps(body), content_type="application/json", **extra)


def test_anyone_submits_and_gets_a_reference(client: Client) -> None:
    response = post(client, "/api/v1/enquiries", ENQUIRY)
    assert response.status_code == 201
    body = response.json()
    assert Enquiry.objects.get(reference=body["reference"]).department.slug == "pension"


def test_the_sixth_enquiry_in_ten_minutes_is_refused_with_429(client: Client) -> None:
    for _ in range(5):
        assert post(client, "/api/v1/enquiries", ENQUIRY).status_code == 201
    response = post(client, "/api/v1/enquiries", ENQUIRY, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert "too many" in response.json()["message"]
    assert post(client, "/api/v1/enquiries", ENQUIRY, REMOTE_ADDR="10.9.8.7").status_code == 201


def test_refused_enquiries_do_not_use_up_the_limit(client: Client) -> None:
    for _ in range(7):
        refused = post(client, "/api/v1/enquiries", {**ENQUIRY, "email": "ola(at)example"})
        assert refused.status_code == 422
    for _ in range(5):
        assert post(client, "/api/v1/enquiries", ENQUIRY).status_code == 201
    assert post(client, "/api/v1/enquiries", ENQUIRY).status_code == 429


def test_an_invalid_email_is_422_and_nothing_is_saved(client: Client) -> None:
    before = Enquiry.objects.count()
    response = post(client, "/api/v1/enquiries", {**ENQUIRY, "email": "ola(at)example"})
    assert response.status_code == 422
    assert response.json()["field"] == "email"
    assert Enquiry.objects.count() == before


def test_route_answers_department_confidence_and_alternatives(client_as: ClientAs) -> None:
    response = post(
        client_as("departement"),
        "/api/v1/enquiries/route",
        {"text": "Can the Minister comment on the pension reform for our paper?"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["department"] == "press-and-communications"
    assert 0 <= body["confidence"] <= 1 and len(body["alternatives"]) == 2


def test_route_refuses_blank_text(client_as: ClientAs) -> None:
    response = post(client_as("departement"), "/api/v1/enquiries/route", {"text": "   "})
    assert response.status_code == 422
    assert response.json()["code"] == "text_required"


def test_a_department_sees_only_its_own_inbox(client_as: ClientAs) -> None:
    own = client_as("velferdspolitikk").get("/api/v1/enquiries").json()
    assert own["count"] >= 1
    assert {e["department"] for e in own["items"]} == {"welfare-policy"}
    everything = client_as("departement").get("/api/v1/enquiries").json()
    assert everything["count"] == Enquiry.objects.count()


def test_overdue_enquiries_are_flagged_and_filtered(client_as: ClientAs) -> None:
    overdue = client_as("departement").get("/api/v1/enquiries?overdue=true").json()
    assert overdue["count"] >= 1
    assert all(e["overdue"] for e in overdue["items"])


def test_a_reroute_with_a_stale_version_is_409(client_as: ClientAs) -> None:
    press = Enquiry.objects.get(is_press=True)
    response = post(
        client_as("departement"),
        f"/api/v1/enquiries/{press.pk}/reroute",
        {"department": "pension", "version": 3},
    )
    assert response.status_code == 409


def test_a_forged_post_with_a_session_acts_as_anonymous(client: Client) -> None:
    """A text/plain form from another site, carrying the caseworker's session cookie and no
    CSRF token, must not act in the caseworker's name."""
    from velferd.access.models import User
    from velferd.audit.models import AuditEvent

    forged = Client(enforce_csrf_checks=True)
    forged.force_login(User.objects.get(username="veileder"))
    response = forged.post("/api/v1/enquiries", data=json.dumps(ENQUIRY), content_type="text/plain")
    assert response.status_code == 201
    event = AuditEvent.objects.get(
        action="enquiry.received",
        target_id=str(Enquiry.objects.get(reference=response.json()["reference"]).pk),
    )
    assert (event.actor_id, event.actor_label) == (None, "anonymous")
