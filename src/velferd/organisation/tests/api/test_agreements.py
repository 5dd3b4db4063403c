"""Partnership agreements: anyone reads them; an administrator saves them, by session or by
bearer token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.actor import Actor
from velferd.access.services import api_token_create
from velferd.audit.models import AuditEvent
from velferd.organisation.models import PartnershipAgreement

from .calls import BASE, EN, MINIMUM, send

pytestmark = pytest.mark.django_db


def services_of(unit_number: str) -> set[str]:
    agreement = PartnershipAgreement.objects.get(office__unit_number=unit_number)
    return set(agreement.services.values_list("code", flat=True))


def agreement_body(**changes: Any) -> dict[str, Any]:
    return {
        "services": [*MINIMUM, "housing_assistance"],
        "signed_on": "2025-03-01",
        "notes": "Revidert avtale.",
        "version": 1,
        **changes,
    }


def bearer_for(actor: Actor) -> dict[str, str]:
    _token, secret = api_token_create(
        actor=actor, name="integration", role_assignment_id=actor.assignments[0].pk
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


class TestAgreement:
    def test_anyone_may_read_an_agreement(self, client: Client) -> None:
        response = client.get(f"{BASE}/offices/5612/agreement")

        assert response.status_code == 200
        body = response.json()
        assert body["office"]["unit_number"] == "5612"
        assert body["signed_on"] == "2024-01-01"
        assert body["version"] == 1

    def test_an_administrator_saves_and_gets_the_new_version(self, admin: Client) -> None:
        response = send(admin, "put", "/offices/5612/agreement", agreement_body())

        assert response.status_code == 200
        body = response.json()
        assert body["version"] == 2
        assert body["notes"] == "Revidert avtale."
        assert body["signed_on"] == "2025-03-01"
        assert {s["code"] for s in body["services"]} == {*MINIMUM, "housing_assistance"}
        assert services_of("5612") == {*MINIMUM, "housing_assistance"}
        event = AuditEvent.objects.filter(action="agreement.saved").last()
        assert event is not None
        assert event.actor_label == "Ada Administrator"
        assert isinstance(event.after, dict)
        assert event.after["services"] == sorted([*MINIMUM, "housing_assistance"])

    def test_a_caseworker_is_403_and_nothing_changes(
        self, client_as: Callable[[str], Client]
    ) -> None:
        before = services_of("0317")

        response = send(client_as("veileder"), "put", "/offices/0317/agreement", agreement_body())

        assert response.status_code == 403
        assert response.json() == {
            "code": "forbidden",
            "field": None,
            "message": "Du har ikke tilgang til dette.",
        }
        assert services_of("0317") == before

    def test_anonymous_is_401_and_nothing_changes(self, client: Client) -> None:
        before = services_of("5612")

        response = send(client, "put", "/offices/5612/agreement", agreement_body())

        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
        assert services_of("5612") == before

    def test_anonymous_is_told_in_norwegian_to_log_in(self, client: Client) -> None:
        response = send(client, "put", "/offices/5612/agreement", agreement_body())

        assert response.json()["message"] != "Log in or give a valid access token."

    def test_a_missing_minimum_service_is_422_naming_it(self, admin: Client) -> None:
        before = services_of("5612")
        body = agreement_body(services=MINIMUM[:3])

        response = send(admin, "put", "/offices/5612/agreement", body)

        assert response.status_code == 422
        assert response.json()["code"] == "agreement_minimum_missing"
        assert response.json()["field"] == "services"
        assert "Kvalifiseringsprogrammet" in response.json()["message"]
        assert services_of("5612") == before

    def test_a_missing_minimum_service_is_named_in_english_when_asked(self, admin: Client) -> None:
        response = send(
            admin, "put", "/offices/5612/agreement", agreement_body(services=MINIMUM[1:]), **EN
        )

        assert response.status_code == 422
        assert response.json()["message"] == (
            "The agreement lacks services every NAV office must offer at the least: "
            "The Labour and Welfare Administration's tasks (NAV Act section 13)."
        )

    def test_a_stale_version_is_409_and_nothing_changes(self, admin: Client) -> None:
        send(admin, "put", "/offices/5612/agreement", agreement_body())

        response = send(
            admin, "put", "/offices/5612/agreement", agreement_body(services=MINIMUM), **EN
        )

        assert response.status_code == 409
        assert response.json()["code"] == "stale_version"
        assert response.json()["message"].startswith(
            "Someone else changed this in the meantime (now version 2)."
        )
        assert services_of("5612") == {*MINIMUM, "housing_assistance"}

    def test_a_malformed_json_body_is_400(self, admin: Client) -> None:
        before = services_of("5612")

        response = admin.put(
            f"{BASE}/offices/5612/agreement", data='{"services": [', content_type="application/json"
        )

        assert response.status_code == 400
        assert set(response.json()) == {"code", "message", "field"}
        assert services_of("5612") == before

    def test_a_malformed_json_body_is_named_malformed_request(self, admin: Client) -> None:
        response = admin.put(
            f"{BASE}/offices/5612/agreement", data='{"services": [', content_type="application/json"
        )

        assert response.json()["code"] == "malformed_request"

    def test_a_wrongly_typed_field_is_422_naming_it(self, admin: Client) -> None:
        response = send(
            admin, "put", "/offices/5612/agreement", agreement_body(services="state_tasks")
        )

        assert response.status_code == 422
        assert response.json()["field"] == "services"

    def test_an_unknown_office_is_404(self, admin: Client) -> None:
        assert send(admin, "put", "/offices/9998/agreement", agreement_body()).status_code == 404


class TestBearerToken:
    def test_an_administrators_token_may_save_an_agreement(
        self, client: Client, actor_of_login: Callable[[str], Actor]
    ) -> None:
        headers = bearer_for(actor_of_login("admin"))

        response = send(client, "put", "/offices/5612/agreement", agreement_body(), **headers)

        assert response.status_code == 200
        assert response.json()["version"] == 2
        event = AuditEvent.objects.filter(action="agreement.saved").last()
        assert event is not None
        assert event.actor_label.startswith("Ada Administrator (token ")

    def test_a_caseworkers_token_is_403(
        self, client: Client, actor_of_login: Callable[[str], Actor]
    ) -> None:
        headers = bearer_for(actor_of_login("veileder"))

        response = send(client, "put", "/offices/0317/agreement", agreement_body(), **headers)

        assert response.status_code == 403

    def test_an_unknown_token_is_401(self, client: Client) -> None:
        response = send(
            client,
            "put",
            "/offices/5612/agreement",
            agreement_body(),
            HTTP_AUTHORIZATION="Bearer vlf_deadbeef_not-a-real-secret",
        )

        assert response.status_code == 401
        assert PartnershipAgreement.objects.get(office__unit_number="5612").version == 1
