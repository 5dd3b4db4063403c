"""Offices: anyone reads them; an administrator opens and changes them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.audit.models import AuditEvent
from velferd.organisation.models import Office

from .calls import BASE, MINIMUM, send

pytestmark = pytest.mark.django_db


class TestOfficeDetail:
    def test_an_office_with_its_areas_services_and_version(self, client: Client) -> None:
        response = client.get(f"{BASE}/offices/0317")

        assert response.status_code == 200
        body = response.json()
        assert body["name"] == "NAV Grünerløkka"
        assert body["areas"] == [
            {"municipality_number": "0301", "municipality_name": "Oslo", "district": "Grünerløkka"}
        ]
        assert body["version"] == 1
        assert body["is_active"] is True
        assert "qualification_programme" in [s["code"] for s in body["services"]]

    def test_an_unknown_office_is_404(self, client: Client) -> None:
        response = client.get(f"{BASE}/offices/9998")

        assert response.status_code == 404
        assert response.json()["message"] == "Fant ikke kontor 9998."

    def test_offices_of_a_county_are_paged(self, client: Client) -> None:
        body = client.get(f"{BASE}/offices", {"county": "03", "page_size": "5"}).json()

        assert body["count"] == 15
        assert len(body["items"]) == 5


class TestOfficeCreate:
    @pytest.fixture
    def loppa_and_hasvik_unserved(self) -> None:
        """NAV Vest-Finnmark closes (there is no service for that, so it is deleted)."""
        Office.objects.get(unit_number="5614").delete()

    def body(self, **changes: Any) -> dict[str, Any]:
        return {
            "unit_number": "5690",
            "name": "NAV Loppa og Hasvik",
            "county": "56",
            "areas": [{"municipality": "5614"}, {"municipality": "5616"}],
            "services": [*MINIMUM, "refugee_service"],
            "signed_on": "2025-03-01",
            **changes,
        }

    def test_an_administrator_opens_an_office_201(
        self, admin: Client, loppa_and_hasvik_unserved: None
    ) -> None:
        response = send(admin, "post", "/offices", self.body())

        assert response.status_code == 201
        body = response.json()
        assert (body["unit_number"], body["name"], body["version"]) == (
            "5690",
            "NAV Loppa og Hasvik",
            1,
        )
        assert [a["municipality_number"] for a in body["areas"]] == ["5614", "5616"]
        assert {s["code"] for s in body["services"]} == {*MINIMUM, "refugee_service"}
        event = AuditEvent.objects.filter(action="office.created").last()
        assert event is not None
        assert event.target_id == str(Office.objects.get(unit_number="5690").pk)
        served = admin.get(f"{BASE}/municipalities/5616/office").json()
        assert served["office"]["unit_number"] == "5690"

    def test_a_municipality_already_served_is_409(self, admin: Client) -> None:
        response = send(admin, "post", "/offices", self.body(areas=[{"municipality": "5612"}]))

        assert response.status_code == 409
        assert response.json()["code"] == "area_already_served"
        assert response.json()["field"] == "areas"
        assert not Office.objects.filter(unit_number="5690").exists()

    def test_a_missing_field_is_422_naming_it(self, admin: Client) -> None:
        body = self.body()
        del body["county"]

        response = send(admin, "post", "/offices", body)

        assert response.status_code == 422
        assert response.json()["field"] == "county"

    def test_a_caseworker_is_403(
        self, client_as: Callable[[str], Client], loppa_and_hasvik_unserved: None
    ) -> None:
        response = send(client_as("veileder"), "post", "/offices", self.body())

        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"
        assert not Office.objects.filter(unit_number="5690").exists()

    def test_anonymous_is_401(self, client: Client, loppa_and_hasvik_unserved: None) -> None:
        response = send(client, "post", "/offices", self.body())

        assert response.status_code == 401
        assert not Office.objects.filter(unit_number="5690").exists()


class TestOfficePatch:
    def test_an_administrator_renames_an_office_and_gets_the_new_version(
        self, admin: Client
    ) -> None:
        response = send(admin, "patch", "/offices/5612", {"name": "NAV Kautokeino", "version": 1})

        assert response.status_code == 200
        assert (response.json()["name"], response.json()["version"]) == ("NAV Kautokeino", 2)
        event = AuditEvent.objects.filter(action="office.updated").last()
        assert event is not None
        assert event.after == {"name_nb": "NAV Kautokeino", "is_active": True}

    def test_a_stale_version_is_409_and_nothing_changes(self, admin: Client) -> None:
        send(admin, "patch", "/offices/5612", {"name": "NAV Kautokeino", "version": 1})

        response = send(
            admin, "patch", "/offices/5612", {"name": "NAV Guovdageaidnu", "version": 1}
        )

        assert response.status_code == 409
        assert response.json()["code"] == "stale_version"
        assert response.json()["field"] == "version"
        assert "versjon 2" in response.json()["message"]
        office = Office.objects.get(unit_number="5612")
        assert (office.name_nb, office.version) == ("NAV Kautokeino", 2)

    def test_an_unknown_office_is_404(self, admin: Client) -> None:
        assert send(admin, "patch", "/offices/9998", {"version": 1}).status_code == 404
