"""The registry's JSON API at /api/v1/organisation/: status codes and bodies per route.
Reads are public; writes need an administrator (session or bearer token)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from velferd import organisation
from velferd.access.actor import Actor
from velferd.access.services import api_token_create
from velferd.audit.models import AuditEvent
from velferd.organisation.models import Office, PartnershipAgreement

pytestmark = pytest.mark.django_db

BASE = "/api/v1/organisation"
MINIMUM = ["state_tasks", "financial_assistance", "social_services", "qualification_programme"]
UNIT_SLUGS = [
    "labour-market",
    "working-environment-and-safety",
    "finance-and-governance",
    "integration",
    "pension",
    "press-and-communications",
    "administrative-services",
    "welfare-policy",
]
MUNICIPALITIES_CSV = Path(organisation.__file__).parent / "data" / "municipalities.csv"
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}


def municipalities_in_csv(county_number: str) -> list[str]:
    with MUNICIPALITIES_CSV.open(encoding="utf-8") as handle:
        return [
            row["municipality_number"]
            for row in csv.DictReader(handle)
            if row["county_number"] == county_number
        ]


def send(client: Client, method: str, path: str, body: Any, **headers: str) -> Any:
    return getattr(client, method)(
        f"{BASE}{path}", data=json.dumps(body), content_type="application/json", **headers
    )


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


@pytest.fixture
def admin(client_as: Callable[[str], Client]) -> Client:
    return client_as("admin")


def bearer_for(actor: Actor) -> dict[str, str]:
    _token, secret = api_token_create(
        actor=actor, name="integration", role_assignment_id=actor.assignments[0].pk
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


# The Ministry -------------------------------------------------------------------------------


class TestDepartments:
    def test_lists_the_eight_units_in_order_with_both_languages(self, client: Client) -> None:
        response = client.get(f"{BASE}/departments")

        assert response.status_code == 200
        units = response.json()
        assert [u["slug"] for u in units] == UNIT_SLUGS
        labour = units[0]
        assert labour["name"] == "Arbeidsmarkedsavdelingen"
        assert labour["name_nb"] == "Arbeidsmarkedsavdelingen"
        assert labour["name_en"] == "Department of Labour Market"
        assert "velfungerende arbeidsmarked" in labour["responsibilities_nb"]
        assert "well-functioning labour market" in labour["responsibilities_en"]

    def test_the_localised_name_follows_accept_language(self, client: Client) -> None:
        units = client.get(f"{BASE}/departments", **EN).json()

        assert units[0]["name"] == "Department of Labour Market"

    def test_press_and_communications_is_part_of_the_secretary_generals_staff(
        self, client: Client
    ) -> None:
        response = client.get(f"{BASE}/departments/press-and-communications")

        assert response.status_code == 200
        assert response.json()["part_of_secretary_general_staff"] is True
        assert response.json()["kind"] == "division"

    def test_an_unknown_unit_is_404(self, client: Client) -> None:
        response = client.get(f"{BASE}/departments/space-programme")

        assert response.status_code == 404
        assert response.json() == {
            "code": "not_found",
            "field": "slug",
            "message": "Fant ikke enheten «space-programme».",
        }


# Municipalities -----------------------------------------------------------------------------


class TestMunicipalityList:
    def test_a_county_is_paged_and_counted(self, client: Client) -> None:
        finnmark = municipalities_in_csv("56")

        response = client.get(f"{BASE}/municipalities", {"county": "56", "page_size": "10"})

        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"items", "count"}
        assert body["count"] == len(finnmark) == 18
        assert [m["number"] for m in body["items"]] == finnmark[:10]
        assert body["items"][0]["county"] == {
            "number": "56",
            "name": "Finnmark - Finnmárku - Finmarkku",
        }

    def test_the_second_page_holds_the_rest(self, client: Client) -> None:
        body = client.get(
            f"{BASE}/municipalities", {"county": "56", "page_size": "10", "page": "2"}
        ).json()

        assert [m["number"] for m in body["items"]] == municipalities_in_csv("56")[10:]

    def test_all_municipalities_are_counted(self, client: Client) -> None:
        assert client.get(f"{BASE}/municipalities").json()["count"] == 357

    def test_search_by_name(self, client: Client) -> None:
        body = client.get(f"{BASE}/municipalities", {"q": "kautokeino"}).json()

        assert [m["number"] for m in body["items"]] == ["5612"]

    def test_a_page_size_over_200_is_422(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities", {"page_size": 201})

        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"
        assert response.json()["field"] == "page_size"

    def test_a_page_size_of_200_is_allowed(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities", {"page_size": 200})

        assert response.status_code == 200
        assert len(response.json()["items"]) == 200

    def test_an_unknown_county_is_404_and_a_malformed_one_422(self, client: Client) -> None:
        assert client.get(f"{BASE}/municipalities", {"county": "99"}).status_code == 404
        malformed = client.get(f"{BASE}/municipalities", {"county": "5"})
        assert malformed.status_code == 422
        assert malformed.json()["code"] == "malformed_county_number"


class TestServingOffice:
    def test_a_municipality_gives_its_office_with_services(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/5612/office")

        assert response.status_code == 200
        body = response.json()
        assert body["municipality"]["name"] == "Guovdageaidnu - Kautokeino"
        assert body["district"] == ""
        office = body["office"]
        assert (office["unit_number"], office["name"]) == ("5612", "NAV Guovdageaidnu - Kautokeino")
        codes = [s["code"] for s in office["services"]]
        assert codes[:4] == MINIMUM
        assert "mental_health" in codes
        assert all(s["is_minimum"] for s in office["services"][:4])

    def test_an_inter_municipal_office_lists_all_its_areas(self, client: Client) -> None:
        office = client.get(f"{BASE}/municipalities/5616/office").json()["office"]

        assert office["name"] == "NAV Vest-Finnmark"
        assert [a["municipality_name"] for a in office["areas"]] == ["Loppa", "Hasvik"]

    def test_an_unknown_municipality_is_404_with_a_clear_message(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/9999/office")

        assert response.status_code == 404
        assert response.json() == {
            "code": "not_found",
            "field": "municipality",
            "message": "Fant ikke kommunenummer 9999.",
        }

    def test_the_message_is_english_when_asked_for(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/9999/office", **EN)

        assert response.json()["message"] == "Municipality number 9999 was not found."

    @pytest.mark.parametrize("number", ["12a", "123"])
    def test_a_malformed_number_is_422(self, client: Client, number: str) -> None:
        response = client.get(f"{BASE}/municipalities/{number}/office")

        assert response.status_code == 422
        assert response.json() == {
            "code": "malformed_municipality_number",
            "field": "municipality",
            "message": f"«{number}» er ikke et kommunenummer: det må ha fire sifre.",
        }

    def test_oslo_without_a_district_is_422_listing_the_districts(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/0301/office")

        assert response.status_code == 422
        body = response.json()
        assert (body["code"], body["field"]) == ("district_required", "district")
        assert body["message"].startswith("Oslo har flere NAV-kontorer. Velg bydel: Alna, ")
        assert "Grünerløkka" in body["message"]

    def test_oslo_without_a_district_in_english(self, client: Client) -> None:
        body = client.get(f"{BASE}/municipalities/0301/office", **EN).json()

        assert body["message"].startswith("Oslo has several NAV offices. Choose a district:")

    def test_oslo_with_a_district_gives_the_district_office(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/0301/office", {"district": "grünerløkka"})

        assert response.status_code == 200
        assert response.json()["district"] == "Grünerløkka"
        assert response.json()["office"]["unit_number"] == "0317"

    def test_every_office_of_a_divided_municipality(self, client: Client) -> None:
        response = client.get(f"{BASE}/municipalities/4601/offices")

        assert response.status_code == 200
        assert sorted(o["office"]["unit_number"] for o in response.json()) == [
            f"467{n}" for n in range(8)
        ]


# Offices ------------------------------------------------------------------------------------


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


# Partnership agreements ---------------------------------------------------------------------


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
            "The Labour and Welfare Administration's tasks."
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
