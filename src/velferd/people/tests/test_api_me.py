"""The citizen's own record through the people API, with the full number, and their log of
who at NAV has read their data: unit, role, what and why, never the name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.people.models import Person

from .calls import BASE, EN, access_events_about
from .factories import a_person

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


# The person's own record and access log ----------------------------------------------------------


class TestMe:
    def test_the_citizen_gets_their_own_record_with_the_full_number(
        self, as_ola: Client, ola: Person
    ) -> None:
        response = as_ola.get(f"{BASE}/me")

        assert response.status_code == 200
        assert response.json()["national_id"] == ola.national_id
        assert response.json()["given_name"] == ola.given_name == "Ola"

    def test_reading_ones_own_record_is_not_logged(self, as_ola: Client, ola: Person) -> None:
        before = access_events_about(ola)

        as_ola.get(f"{BASE}/me")
        as_ola.get(f"{BASE}/persons/{ola.pk}")

        assert access_events_about(ola) == before

    def test_staff_have_no_record_of_their_own(self, veileder: Client) -> None:
        response = veileder.get(f"{BASE}/me", **EN)

        assert response.status_code == 404
        assert response.json()["message"] == "You in the register was not found."


class TestAccessLog:
    def test_lists_each_staff_read_with_unit_role_what_and_purpose(
        self, as_ola: Client, client_as: Login, ola: Person
    ) -> None:
        client_as("veileder").get(f"{BASE}/persons/{ola.pk}")
        client_as("beslutter").get(f"/api/v1/followup/persons/{ola.pk}/overview")

        response = as_ola.get(f"{BASE}/me/access-log", **EN)

        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 2
        entries = [{k: v for k, v in e.items() if k != "occurred_at"} for e in body["items"]]
        assert entries == [
            {
                "unit": "NAV Grünerløkka",
                "role": "Approver (beslutter)",
                "what": "person.overview",
                "purpose": "follow_up",
            },
            {
                "unit": "NAV Grünerløkka",
                "role": "Caseworker, state (veileder)",
                "what": "person.details",
                "purpose": "follow_up",
            },
        ]

    def test_the_role_is_named_in_norwegian_by_default(
        self, as_ola: Client, client_as: Login, ola: Person
    ) -> None:
        client_as("veileder").get(f"{BASE}/persons/{ola.pk}")

        role = as_ola.get(f"{BASE}/me/access-log").json()["items"][0]["role"]

        assert role != "Caseworker, state (veileder)"
        assert "eileder" in role

    def test_never_names_the_staff_who_read(
        self, as_ola: Client, client_as: Login, ola: Person
    ) -> None:
        client_as("veileder").get(f"{BASE}/persons/{ola.pk}")
        client_as("beslutter").get(f"{BASE}/persons/{ola.pk}")

        response = as_ola.get(f"{BASE}/me/access-log")

        text = response.content.decode()
        assert "Vera" not in text
        assert "Berit" not in text
        assert all(
            set(item) == {"occurred_at", "unit", "role", "what", "purpose"}
            for item in response.json()["items"]
        )

    def test_leaves_out_the_persons_own_reads(self, as_ola: Client, ola: Person) -> None:
        as_ola.get(f"{BASE}/me")
        as_ola.get(f"{BASE}/persons/{ola.pk}")
        as_ola.get(f"{BASE}/persons/{ola.pk}/consents")
        as_ola.get(f"/api/v1/followup/persons/{ola.pk}/overview")

        assert as_ola.get(f"{BASE}/me/access-log").json() == {"items": [], "count": 0}

    def test_leaves_out_reads_of_other_people(self, as_ola: Client, client_as: Login) -> None:
        veileder = client_as("veileder")
        veileder.get(f"{BASE}/persons/{a_person().pk}")
        veileder.get(f"{BASE}/persons/{a_person().pk}")

        assert as_ola.get(f"{BASE}/me/access-log").json()["count"] == 0

    def test_staff_have_no_access_log_of_their_own(self, veileder: Client) -> None:
        response = veileder.get(f"{BASE}/me/access-log")

        assert response.status_code == 404
