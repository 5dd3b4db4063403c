"""Consents through the people API: the person gives one that holds at once, a withdrawal
stops it at once for everyone, a caseworker records one the person gave, and the refusals."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.people.models import Consent, Person

from .calls import BASE, EN, TODAY, last_action, send
from .factories import a_person

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


# Consents -----------------------------------------------------------------------------------


def consent_body(**changes: Any) -> dict[str, Any]:
    return {
        "partner_service": "gp",
        "purpose": "Fastlegen kan få vite hvilke aktiviteter jeg er med på.",
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() + datetime.timedelta(days=180)).isoformat(),
        **changes,
    }


class TestConsents:
    def test_the_person_gives_a_consent_that_holds_at_once(
        self, as_ola: Client, ola: Person
    ) -> None:
        response = send(as_ola, "post", f"/persons/{ola.pk}/consents", consent_body())

        assert response.status_code == 201
        body = response.json()
        assert body["holds"] is True
        assert body["withdrawn_at"] is None
        assert body["partner_service"] == "gp"
        listed = as_ola.get(f"{BASE}/persons/{ola.pk}/consents").json()
        assert [(c["id"], c["holds"]) for c in listed] == [(body["id"], True)]

    def test_a_withdrawal_stops_the_consent_at_once_for_everyone(
        self, as_ola: Client, veileder: Client, ola: Person
    ) -> None:
        given = send(as_ola, "post", f"/persons/{ola.pk}/consents", consent_body()).json()

        response = as_ola.post(f"{BASE}/consents/{given['id']}/withdraw")

        assert response.status_code == 200
        assert response.json()["holds"] is False
        assert response.json()["withdrawn_at"] is not None
        assert [c["holds"] for c in as_ola.get(f"{BASE}/persons/{ola.pk}/consents").json()] == [
            False
        ]
        assert [c["holds"] for c in veileder.get(f"{BASE}/persons/{ola.pk}/consents").json()] == [
            False
        ]
        assert last_action() == "consent.withdrawn"

    def test_a_consent_withdrawn_twice_is_409(self, as_ola: Client, ola: Person) -> None:
        given = send(as_ola, "post", f"/persons/{ola.pk}/consents", consent_body()).json()
        as_ola.post(f"{BASE}/consents/{given['id']}/withdraw")

        response = as_ola.post(f"{BASE}/consents/{given['id']}/withdraw", **EN)

        assert response.status_code == 409
        assert response.json() == {
            "code": "already_withdrawn",
            "message": "The consent has already been withdrawn.",
            "field": "consent",
        }

    def test_a_consent_from_a_later_day_does_not_hold_yet(
        self, as_ola: Client, ola: Person
    ) -> None:
        later = (TODAY() + datetime.timedelta(days=10)).isoformat()

        body = send(
            as_ola, "post", f"/persons/{ola.pk}/consents", consent_body(starts_on=later)
        ).json()

        assert body["holds"] is False

    def test_the_caseworker_records_a_consent_the_person_gave(self, veileder: Client) -> None:
        ahmed = a_person()

        response = send(
            veileder,
            "post",
            f"/persons/{ahmed.pk}/consents",
            consent_body(partner_service="child_welfare", purpose="Samarbeid om familien."),
        )

        assert response.status_code == 201
        assert Consent.objects.get(pk=response.json()["id"]).person == ahmed

    def test_an_end_before_the_start_is_422_and_nothing_is_written(
        self, as_ola: Client, ola: Person
    ) -> None:
        consents = Consent.objects.count()

        response = send(
            as_ola,
            "post",
            f"/persons/{ola.pk}/consents",
            consent_body(ends_on=(TODAY() - datetime.timedelta(days=1)).isoformat()),
            **EN,
        )

        assert response.status_code == 422
        assert response.json() == {
            "code": "ends_before_start",
            "message": "The consent cannot end before it starts.",
            "field": "ends_on",
        }
        assert Consent.objects.count() == consents

    def test_an_unknown_partner_service_is_422(self, as_ola: Client, ola: Person) -> None:
        response = send(
            as_ola,
            "post",
            f"/persons/{ola.pk}/consents",
            consent_body(partner_service="tax_office"),
        )

        assert response.status_code == 422
        assert response.json()["code"] == "unknown_partner_service"
        assert response.json()["message"] == "Ukjent samarbeidstjeneste: tax_office."
